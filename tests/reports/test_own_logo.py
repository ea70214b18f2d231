"""Our organisation's logo and details, saved in the database, on the printed sheet (read back)."""

from __future__ import annotations

from pathlib import Path

import pytest

from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.dto_sheets import SheetVariant
from projektu_vadiba.core.services import sheets
from projektu_vadiba.core.services.own_organisation import OwnOrganisationInput, save_own
from projektu_vadiba.reports.attendance_sheet import build_attendance_pdf
from projektu_vadiba.resources import resource
from tests.reports.pdftools import image_count, pdftotext_pages, squeeze
from tests.reports.sample import IMPLEMENTER, make_sample

pytestmark = pytest.mark.usefixtures("own_data_dir")


def test_the_saved_logo_and_details_are_printed(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'own.sqlite'}")
    try:
        with db.session() as s:
            sample = make_sample(s, "sif_nvo_fonds")
            before = build_attendance_pdf(sheets.event_sheets(s, sample.event_id, SheetVariant.BLANK))
        with db.session() as s:
            save_own(
                s,
                OwnOrganisationInput(
                    IMPLEMENTER,
                    "40008271453",
                    "Gaismas iela 17-4, Ķekava, LV-2123",
                    "tikls@example.lv",
                    "+371 26000000",
                    logo=resource("logos", "leader.png").read_bytes(),
                ),
            )
            after = build_attendance_pdf(sheets.event_sheets(s, sample.event_id, SheetVariant.BLANK))
    finally:
        db.close()
    assert image_count(after.data) == image_count(before.data) + 1  # the funder's logo and ours
    text = squeeze(pdftotext_pages(after.data)[0])
    assert squeeze("Pārzinis: Biedrība “Ķekavas novada kopienu tīkls”, reģ. nr. 40008271453, Gaismas iela 17-4") in text
    assert squeeze("tikls@example.lv, +371 26000000") in text
