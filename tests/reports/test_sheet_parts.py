"""The parts of a sheet: Latvian text helpers, columns from profile data, row fitting, fonts and styles."""

from __future__ import annotations

import json
import shutil
from datetime import date, datetime
from pathlib import Path

import pytest

from projektu_vadiba.core.dto_sheets import SheetRow, SheetVariant
from projektu_vadiba.core.funders import load_profile
from projektu_vadiba.core.models import AttendanceRole, AttendanceStatus, Gender
from projektu_vadiba.reports import fonts, styles
from projektu_vadiba.reports.common import find_file, funder_logos
from projektu_vadiba.reports.sheet_columns import cell_text, resolve_columns, sheet_config
from projektu_vadiba.reports.sheet_layout import MM, PAD_X, header_row, paginate, text_row
from projektu_vadiba.reports.text import (
    Labels,
    event_days,
    fill,
    format_place,
    format_when,
    mask_email,
    mask_phone,
    text_width,
    wrap,
)
from projektu_vadiba.resources import resource

ROW = SheetRow(
    3, 42, "Ārija", "Čakste", "Biedrība “Baldones seniori”", "Ķekavas novads", "arija@example.org",
    "+371 29123456", Gender.FEMALE, "65+", AttendanceStatus.ATTENDED, AttendanceRole.PARTICIPANT, True,
)  # fmt: skip


def test_dates_places_and_templates_in_latvian() -> None:
    lv = Labels()
    assert format_when(datetime(2023, 10, 17, 18), datetime(2023, 10, 17, 20, 30), lv) == (
        "otrdiena, 17.10.2023, plkst. 18.00–20.30"
    )
    assert format_when(datetime(2023, 8, 17, 8), datetime(2023, 8, 18, 19), lv) == (
        "17.08.2023 plkst. 08.00 – 18.08.2023 plkst. 19.00"
    )
    assert event_days(datetime(2023, 8, 17, 8), datetime(2023, 8, 19, 1)) == [
        date(2023, 8, 17),
        date(2023, 8, 18),
        date(2023, 8, 19),
    ]
    assert format_place("Kopienu māja", "Skolas iela 5, Daugmale", "Ķekavas novads", False, "", lv) == (
        "Kopienu māja, Skolas iela 5, Daugmale, Ķekavas novads"
    )
    # The municipality is not repeated when the address already names it.
    assert format_place("", "Gaismas iela 17, Ķekavas novads", "Ķekavas novads", False, "", lv) == (
        "Gaismas iela 17, Ķekavas novads"
    )
    assert format_place("", "", "", True, "https://meet.example.org/x", lv) == "tiešsaistē https://meet.example.org/x"
    assert fill("Pārzinis: {controller}; {nezināms}", {"controller": "Biedrība"}) == "Pārzinis: Biedrība; {nezināms}"
    assert fill("Iekava {", {}) == "Iekava {"
    assert Labels("en")["page"] == "Page {page} of {pages}"
    assert Labels("lv", {"page": {"lv": "{page}. lpp. no {pages}"}})["page"] == "{page}. lpp. no {pages}"


def test_contacts_are_masked_enough() -> None:
    assert mask_email("arija.cakste@example.org") == "ar•••@example.org"
    assert mask_phone("+371 29123456") == "+371 2•••••56"
    assert mask_phone("2912") == "2••2"


def test_wrap_never_lets_a_line_outgrow_its_width() -> None:
    fonts.register_fonts()
    width = 30 * MM
    text = "Čakste-Ģērmane-Ķēniņa-Ļaviņa-Ņikitina-Šmite-Ūdre-Žagata-Ābele-Bērziņa garš vārds kristine@example.org"
    lines = wrap(text, fonts.REGULAR, 8.5, width)
    assert len(lines) > 3 and all(text_width(line, fonts.REGULAR, 8.5) <= width for line in lines)
    assert "".join(lines).replace(" ", "") == text.replace(" ", "")
    assert "Čakste-" in lines[0]  # a long word breaks after a hyphen where it can
    assert wrap("", fonts.REGULAR, 8, 10) == [""]


def test_columns_come_from_the_profile() -> None:
    lv = Labels()
    sif = sheet_config(load_profile("sif_nvo_fonds"))
    columns = resolve_columns(sif, SheetVariant.PREFILLED, [date(2023, 1, 1)], lv, 174 * MM)
    assert [c.label for c in columns] == [
        "Nr. p. k.",
        "Vārds",
        "Uzvārds",
        "Organizācija / pašvaldība",
        "Kontakti (e-pasts vai tālrunis)",
        "Nevēlos foto (✕)",
        "Paraksts",
    ]
    assert sum(c.width for c in columns) == pytest.approx(174 * MM)
    assert columns[-1].is_signature and columns[-1].width >= 35 * MM  # a generous signature column
    assert [cell_text(c, ROW, masked=True) for c in columns] == [
        "3",
        "Ārija",
        "Čakste",
        "Biedrība “Baldones seniori”",
        "ar•••@example.org",
        "✕",
        "",
    ]
    annex = resolve_columns(sif, SheetVariant.ATTENDED, [date(2023, 1, 1)], lv, 174 * MM)
    assert {"signature", "no_photos"}.isdisjoint(c.key for c in annex) and cell_text(annex[4], ROW, False) == ROW.email

    eea = sheet_config(load_profile("eea_active_citizens"))
    by_key = {c.key: c for c in resolve_columns(eea, SheetVariant.PREFILLED, [date(2023, 1, 1)], lv, 261 * MM)}
    assert cell_text(by_key["gender"], ROW, True) == "S" and cell_text(by_key["age_group"], ROW, True) == "65+"
    assert cell_text(by_key["municipality"], ROW, True) == "Ķekavas novads"
    # The EEA notice promises gender and age only as totals: the list appended to a report has neither, nor contacts.
    eea_annex = resolve_columns(eea, SheetVariant.ATTENDED, [date(2023, 1, 1)], lv, 261 * MM)
    assert [c.key for c in eea_annex] == ["number", "given_name", "surname", "organisation", "municipality"]

    # A column the app does not know is printed empty, for people to fill in by hand.
    own = {
        "columns": [
            {"key": "number", "label": "Nr."},
            {"key": "birth_year", "label": {"lv": "Dzimšanas gads"}},
            {"key": "no_photos", "label": "Nefotografēt"},
            {"key": "signature", "label": "Paraksts"},
        ]
    }
    columns = resolve_columns(own, SheetVariant.PREFILLED, [date(2023, 1, 1)], lv, 100 * MM)
    assert [c.label for c in columns] == ["Nr.", "Dzimšanas gads", "Nefotografēt", "Paraksts"]
    assert [cell_text(c, ROW, True) for c in columns] == ["3", "", "✕", ""]
    assert all(c.width == pytest.approx(25 * MM) for c in columns)  # no widths: equal shares


def test_a_profile_without_a_sheet_section_uses_the_generic_one(own_data_dir: Path) -> None:
    (own_data_dir / "funders").mkdir()
    (own_data_dir / "funders" / "jauns_fonds.json").write_text('{"name": {"lv": "Jauns fonds"}}', encoding="utf-8")
    load_profile.cache_clear()
    config = sheet_config(load_profile("jauns_fonds"))
    assert config == load_profile("generic").raw["attendance_sheet"]


def test_official_logo_in_the_user_data_folder_wins(own_data_dir: Path) -> None:
    profile = load_profile("sif_nvo_fonds")
    assert find_file("logos/sif.png", profile) == resource("logos", "sif.png")
    (own_data_dir / "logos").mkdir()
    shutil.copyfile(resource("logos", "lad.png"), own_data_dir / "logos" / "sif.png")
    assert find_file("logos/sif.png", profile) == own_data_dir / "logos" / "sif.png"
    # A corrected profile next to its own logo file.
    raw = dict(profile.raw, logo="logos/oficialais.png")
    (own_data_dir / "funders").mkdir()
    (own_data_dir / "funders" / "sif_nvo_fonds.json").write_text(json.dumps(raw), encoding="utf-8")
    shutil.copyfile(resource("logos", "eea_norway.png"), own_data_dir / "funders" / "oficialais.png")
    (own_data_dir / "funders" / "logos").mkdir()
    shutil.copyfile(resource("logos", "eea_norway.png"), own_data_dir / "funders" / "logos" / "oficialais.png")
    load_profile.cache_clear()
    [logo] = funder_logos(load_profile("sif_nvo_fonds"))
    assert logo.path == own_data_dir / "funders" / "logos" / "oficialais.png"
    # A missing or broken picture is skipped, the sheet is still made.
    (own_data_dir / "funders" / "logos" / "oficialais.png").write_bytes(b"not a png")
    assert funder_logos(load_profile("sif_nvo_fonds")) == []


def test_rows_fit_and_paginate() -> None:
    f = fonts.register_fonts()
    lv = Labels()
    columns = resolve_columns(
        sheet_config(load_profile("sif_nvo_fonds")), SheetVariant.PREFILLED, [date(2023, 1, 1)], lv, 174 * MM
    )
    head = header_row(columns, f)
    assert head.height >= 8 * MM
    short = text_row(1, 5, ["1", "Anna", "Ozola", "", "", "", ""], columns, f.regular, 10 * MM, 200 * MM)
    assert short.height == pytest.approx(10 * MM) and short.cells[1].size == styles.CELL_SIZES[0]
    name = "Ā" * 80  # no place to break at all
    long = text_row(2, 6, ["2", "Jānis", name, "", "", "", ""], columns, f.regular, 10 * MM, 200 * MM)
    cell = long.cells[2]
    assert "".join(cell.lines) == name and cell.size == styles.CELL_SIZES[-1]
    assert all(text_width(line, f.regular, cell.size) <= columns[2].width - 2 * PAD_X for line in cell.lines)
    assert long.height > 10 * MM
    capped = text_row(3, 7, ["3", "Jānis", name * 20, "", "", "", ""], columns, f.regular, 10 * MM, 30 * MM)
    assert capped.height <= 30 * MM and capped.cells[2].lines[-1].endswith("…")

    pages = paginate([short] * 25, head.height, head.height + 10 * 10 * MM)
    assert [len(p) for p in pages] == [10, 10, 5]
    pages = paginate([short] * 10, head.height, head.height + 10 * 10 * MM, tail=8 * MM)
    assert [len(p) for p in pages] == [9, 1]  # the last page keeps room for the total line


def test_fonts_and_styles_are_dejavu_everywhere() -> None:
    names = fonts.register_fonts()
    assert fonts.register_fonts() == names  # registering twice is harmless
    sheet = styles.paragraph_styles()
    used = {getattr(sheet[n], a) for n in sheet.byName for a in ("fontName", "bulletFontName") if hasattr(sheet[n], a)}
    assert used <= {names.regular, names.bold, names.italic, names.bold_italic}
    assert sheet["Title"].fontName == names.bold and sheet["Normal"].fontName == names.regular
    commands = styles.table_style_commands()
    assert ("FONTNAME", (0, 0), (-1, -1), names.regular) in commands
