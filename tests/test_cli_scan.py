"""`projektu-vadiba attendance scan` end to end on an SQLite file: report, --json, --apply, errors."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from sqlalchemy import select

from projektu_vadiba.cli import main
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.models import Attachment, Attendance, AttendanceStatus
from projektu_vadiba.core.scan.reader import NO_CODE
from projektu_vadiba.core.services import sheets
from projektu_vadiba.reports.sheet_print import print_attendance_pdf
from tests.core import scan_images as im
from tests.reports.sample import make_sample


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def scan(tmp_path: Path) -> tuple[str, Path, dict[int, int | None], int]:
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    db = open_database(url)
    with db.session() as s:
        sample = make_sample(s, "sif_nvo_fonds")
        pdf = print_attendance_pdf(s, sheets.event_sheets(s, sample.event_id))
    db.close()
    plan = pdf.pages[0]
    image = im.photo(im.scribble(im.render(pdf.data)[0], plan, [3, 7]), 90)
    rows = {r.number: r.person_id for r in plan.rows if r.number is not None}
    return url, im.save(image, tmp_path / "foto.jpg"), rows, sample.event_id


def attended(url: str, event_id: int) -> set[int]:
    db = open_database(url)
    with db.session() as s:
        found = set(
            s.scalars(
                select(Attendance.person_id).where(
                    Attendance.event_id == event_id, Attendance.status == AttendanceStatus.ATTENDED
                )
            )
        )
    db.close()
    return found


def test_json_report_changes_nothing(capsys: pytest.CaptureFixture[str], scan: tuple[str, Path, dict, int]) -> None:
    url, photo, rows, event_id = scan
    before = attended(url, event_id)
    code, out, _ = run(capsys, "--db", url, "attendance", "scan", str(photo), "--json")
    assert code == 0
    data = json.loads(out)
    assert data["errors"] == []
    (page,) = data["pages"]
    assert page["file"] == str(photo) and page["page"] == 1 and page["event"] == event_id
    assert [r["row"] for r in page["signed"]] == [3, 7]
    assert all(r["name"] for r in page["signed"])
    assert page["uncertain"] == [] and page["walk_in_rows"] == []
    assert len(page["empty"]) == sum(1 for p in rows.values() if p is not None) - 2
    assert attended(url, event_id) == before


def test_apply_ticks_and_files_the_scan(capsys: pytest.CaptureFixture[str], scan: tuple[str, Path, dict, int]) -> None:
    url, photo, rows, event_id = scan
    code, out, _ = run(capsys, "--db", url, "attendance", "scan", str(photo), "--apply")
    assert code == 0 and "Atzīmēti kā piedalījušies" in out
    assert {rows[3], rows[7]} <= attended(url, event_id)
    db = open_database(url)
    with db.session() as s:
        assert s.scalars(select(Attachment.kind).where(Attachment.event_id == event_id)).all() == ["signed_sheet"]
    db.close()


def test_nothing_readable_exits_non_zero(capsys: pytest.CaptureFixture[str], scan: tuple[str, Path, dict, int]) -> None:
    import numpy as np

    url, photo, _, _ = scan
    blank = im.save(np.full((1200, 850), 255, np.uint8), photo.with_name("tukss.png"))
    code, out, _ = run(capsys, "--db", url, "attendance", "scan", str(blank), "--json")
    assert code == 1
    assert json.loads(out) == {"pages": [], "errors": [{"file": str(blank), "page": 1, "message": NO_CODE}]}
    code, _, err = run(capsys, "--db", url, "attendance", "scan", str(blank))
    assert code == 1 and NO_CODE in err
