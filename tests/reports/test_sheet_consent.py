"""Consent on paper: every built-in sheet prints the complete notice and a "no photos" mark people can tick."""

from __future__ import annotations

from pathlib import Path

import pytest

from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.services import attendance, sheets
from projektu_vadiba.reports.attendance_sheet import build_attendance_pdf
from tests.reports.pdftools import pdftotext_pages, squeeze
from tests.reports.sample import make_sample

BUILT_IN = ["sif_nvo_fonds", "eea_active_citizens", "lad_leader", "generic"]


@pytest.mark.parametrize("profile", BUILT_IN)
def test_every_built_in_sheet_has_the_photo_mark_and_the_whole_notice(profile: str, tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.sqlite'}")
    try:
        with db.session() as s:
            sample = make_sample(s, profile)
            rows = attendance.event_list(s, sample.event_id)
            attendance.set_no_photos(s, rows[0].id, True)
            pdf = build_attendance_pdf(sheets.event_sheets(s, sample.event_id))
    finally:
        db.close()
    first = pdftotext_pages(pdf.data)[0]
    flat = " ".join(first.split())
    assert "Nevēlos foto (✕)" in flat  # the column people tick ...
    assert "atzīmējiet ✕ ailē “Nevēlos foto”" in flat  # ... and the notice says so
    for part in (
        "Pārzinis: Biedrība “Ķekavas novada kopienu tīkls”, reģ. nr. 40008271453, Gaismas iela 17-4, Ķekava",
        "apstrādā projekta Nr.",  # purpose
        "Tiesiskais pamats:",
        "Sarakstu glabā",  # retention
        "fotografēts",
        "piekļūt saviem datiem, tos labot, dzēst",
        "Datu valsts inspekcijai",
    ):
        assert squeeze(part) in squeeze(first), part
    assert "✕" in first.replace("(✕)", "").replace("✕ ailē", "")  # the person who refused is marked
