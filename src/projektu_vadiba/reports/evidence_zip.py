"""Writes the evidence ZIP: the index PDF first, the generated attendance lists, then every attached file in its
folder (by activity and event, by budget line). Written atomically (core/atomic_files.py): never a half ZIP, no
temporary left behind. Every stored name is checked before the first byte is written: a hostile name in the
database gives a message and nothing outside the attachments folder is read."""

from __future__ import annotations

import datetime as dt
import zipfile
from dataclasses import dataclass, replace
from pathlib import Path

from sqlalchemy.orm import Session

from projektu_vadiba.core import atomic_files
from projektu_vadiba.core.dto_sheets import SheetVariant
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services.attachments import store_dir, stored_path
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
    sources = [stored_path(folder, f.attachment.stored_name) for f in pack.files]
    missing = [f for f, path in zip(pack.files, sources, strict=True) if not path.is_file()]
    if missing:
        names = ", ".join(f.attachment.original_name for f in missing[:5])
        raise AppError.of("evidence.files_missing", folder=str(folder), names=names)
    index = build_index_pdf(pack, INDEX_NAME)
    with atomic_files.atomic_output(target) as handle, zipfile.ZipFile(handle, "w", zipfile.ZIP_DEFLATED) as zf:
        zf.writestr(INDEX_NAME, index)
        for name, data in generated.items():
            zf.writestr(name, data)
        for f, path in zip(pack.files, sources, strict=True):
            zf.write(path, f.path)
    return EvidenceResult(target, len(pack.files), len(pack.events_missing_sheet), len(pack.expenses_missing_invoice))
