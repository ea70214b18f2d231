"""Render the sample pages of docs/attendance-sheets.md (docs/img/sheets/*.png) from the test sample project.

    python scripts/make_sheet_samples.py      # needs pdftoppm (poppler-utils)

One page per funder profile and per variant, at 60 dpi: enough to see the layout, small enough for the repo.
"""

from __future__ import annotations

import subprocess
import sys
import tempfile
from datetime import datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))  # tests.reports.sample: the same data the tests read back

from tests.reports.sample import make_sample  # noqa: E402

from projektu_vadiba.core.db import open_database  # noqa: E402
from projektu_vadiba.core.dto import EventInput  # noqa: E402
from projektu_vadiba.core.dto_sheets import SheetVariant  # noqa: E402
from projektu_vadiba.core.services import activities, attendance, sheets  # noqa: E402
from projektu_vadiba.reports.attendance_sheet import SheetOptions, build_attendance_pdf  # noqa: E402

OUT = ROOT / "docs" / "img" / "sheets"


def png(pdf: bytes, name: str, page: int = 1, dpi: int = 60) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        source = Path(tmp) / "sheet.pdf"
        source.write_bytes(pdf)
        subprocess.run(
            ["pdftoppm", "-png", "-r", str(dpi), "-f", str(page), "-l", str(page), "-singlefile", source, OUT / name],
            check=True,
        )
    from PIL import Image  # comes with reportlab

    target = OUT / f"{name}.png"
    with Image.open(target) as image:  # 64 colours are plenty for a white page: a third of the size
        image.convert("RGB").quantize(colors=64).save(target, optimize=True)
    print(target)


def main() -> int:
    OUT.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory() as tmp:
        for profile, short in (
            ("sif_nvo_fonds", "sif"),
            ("eea_active_citizens", "eea"),
            ("lad_leader", "lad"),
            ("generic", "generic"),
        ):
            db = open_database(f"sqlite:///{Path(tmp) / profile}.sqlite")
            with db.session() as s:
                sample = make_sample(s, profile, extra_events=2)
                one = sheets.event_sheets(s, sample.event_id)
                png(build_attendance_pdf(one).data, f"{short}-prefilled")
                if profile != "sif_nvo_fonds":
                    continue
                png(build_attendance_pdf(one, SheetOptions(landscape=True)).data, "sif-prefilled-landscape")
                blank = sheets.event_sheets(s, sample.event_id, SheetVariant.BLANK)
                png(build_attendance_pdf(blank).data, "sif-blank")
                annex = sheets.event_sheets(s, sample.event_id, SheetVariant.ATTENDED)
                png(build_attendance_pdf(annex).data, "sif-attended-annex")
                batch = build_attendance_pdf(sheets.project_sheets(s, sample.project_id), SheetOptions(blank_rows=12))
                second = next(p for p in batch.pages if p.page == 1 and p.index > 0)
                png(batch.data, "sif-batch-second-event", page=second.index + 1)
                trip = activities.create_event(
                    s,
                    sample.project_id,
                    EventInput(
                        "Pieredzes brauciens uz Cēsīm",
                        datetime(2023, 8, 17, 8),
                        datetime(2023, 8, 18, 19),
                        place="Cēsu kultūras centrs",
                        municipality="Cēsu novads",
                    ),
                )
                for person_id in sample.person_ids[:6]:
                    attendance.register(s, trip.id, person_id)
                png(build_attendance_pdf(sheets.event_sheets(s, trip.id)).data, "sif-two-days")
            db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
