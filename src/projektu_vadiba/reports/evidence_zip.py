"""Writes the evidence ZIP: the index PDF first, the generated attendance lists, then every attached file in its
folder (by activity and event, by budget line). Written to a temporary name and renamed: never a half ZIP."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from projektu_vadiba.core.dto_sheets import SheetVariant
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services.attachments import store_dir
from projektu_vadiba.core.services.evidence import evidence_pack
from projektu_vadiba.core.services.sheets import project_sheets

INDEX_NAME = "00-saturs.pdf"
LISTS_NAME = "izveidotie/dalibnieku-saraksti.pdf"


@dataclass(frozen=True)
class EvidenceResult:
    path: Path
    files: int
    missing_sheets: int
    missing_invoices: int


def write_evidence_zip(
    session: Session, project_id: int, target: Path, period: tuple[dt.date, dt.date] | None = None
) -> EvidenceResult:
    from projektu_vadiba.reports.attendance_sheet import build_attendance_pdf
    from projektu_vadiba.reports.evidence_index import build_index_pdf

    pack = evidence_pack(session, project_id, period)
    generated: dict[str, bytes] = {}
    lists = project_sheets(session, project_id, SheetVariant.ATTENDED)
    wanted = {e.id for a in pack.activities for e in a.events}
    lists = replace(lists, sheets=tuple(s for s in lists.sheets if s.event.id in wanted))
    if lists.sheets:
        generated[LISTS_NAME] = build_attendance_pdf(lists).data
    pack = replace(pack, generated=tuple(generated))
    folder = store_dir(session)
    missing = [f for f in pack.files if not (folder / f.attachment.stored_name).is_file()]
    if missing:
        names = ", ".join(f.attachment.original_name for f in missing[:5])
        raise AppError.of("evidence.files_missing", folder=str(folder), names=names)
    tmp = target.with_name(target.name + ".tmp")
    try:
        with zipfile.ZipFile(tmp, "w", zipfile.ZIP_DEFLATED) as zf:
            zf.writestr(INDEX_NAME, build_index_pdf(pack, INDEX_NAME))
            for name, data in generated.items():
                zf.writestr(name, data)
            for f in pack.files:
                zf.write(folder / f.attachment.stored_name, f.path)
        tmp.replace(target)
    except OSError as exc:
        tmp.unlink(missing_ok=True)
        raise AppError.of("file.write_failed", path=str(target), reason=exc.strerror) from exc
    return EvidenceResult(target, len(pack.files), len(pack.events_missing_sheet), len(pack.expenses_missing_invoice))
