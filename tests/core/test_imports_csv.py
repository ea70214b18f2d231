"""The Done-when import: a Windows-1257, semicolon-separated CSV (no BOM) with Latvian letters, duplicates and
broken rows; messages carry the spreadsheet's row numbers; a failed import stores nothing."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import func, select

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, PersonInput, ProjectDetail
from projektu_vadiba.core.imports import (
    Choice,
    ImportCancelled,
    ImportInvalid,
    apply_plan,
    build_plan,
    read_csv_bytes,
    read_table,
)
from projektu_vadiba.core.models import Attendance, AttendanceStatus, Gender, Person, PersonalDataLog
from projektu_vadiba.core.services import activities, people

SHEET = (
    "Vārds;Uzvārds;E-pasts;Tālrunis;Pašvaldība;Dzimums;Dzimšanas gads;Piedalījās\n"  # row 1
    "Jānis;Bērziņš;janis@example.lv;+371 26123456;Ķekavas novads;v;1980;jā\n"  # 2: already registered
    "Ģirts;Ūdris;girts@example.lv;;Baldones pagasts;vīrietis;1975;jā\n"  # 3: new
    "Žanna;Ķuze;ZANNA@EXAMPLE.LV;;Daugmale;s;2001;nē\n"  # 4: new
    ";Liepiņa;liepina@;;Rīga;s;;jā\n"  # 5: no given name, bad e-mail
    "\n"  # 6: empty row: skipped, numbering goes on
    "Ņina;Čakste;nina@example.lv;;Ķekava;sieviete;19x5;jā\n"  # 7: bad birth year
    "Zanna;Kuze;zanna@example.lv;;Daugmale;s;2001;jā\n"  # 8: the same person as row 4
    "Ilze;Ozola;;20000001;Ogre;citādi;;jā\n"  # 9: bad gender; phone is an existing person's
)


@pytest.fixture
def csv_file(tmp_path: Path) -> Path:
    path = tmp_path / "dalibnieki.csv"
    path.write_bytes(SHEET.encode("cp1257"))
    return path


@pytest.fixture
def event_id(db: Database, project: ProjectDetail) -> int:
    with db.session() as s:
        people.create_person(
            s, PersonInput("Jānis", "Bērziņš", email="Janis@Example.lv", municipality="Ķekavas novads")
        )
        people.create_person(s, PersonInput("Ilze", "Ozoliņa", phone="+371 2000 0001"))
        ev = activities.create_event(
            s, project.id, EventInput("Seminārs", datetime(2023, 5, 4, 10), datetime(2023, 5, 4, 14))
        )
        return ev.id


def _counts(db: Database) -> tuple[int, int, int]:
    with db.session() as s:
        return (
            s.scalar(select(func.count()).select_from(Person)) or 0,
            s.scalar(select(func.count()).select_from(Attendance)) or 0,
            s.scalar(select(func.count()).select_from(PersonalDataLog)) or 0,
        )


def test_reads_windows_1257_semicolons_and_latvian_letters(csv_file: Path) -> None:
    table = read_table(csv_file)
    assert (table.encoding, table.delimiter, table.header_row) == ("cp1257", ";", 1)
    assert table.rows[2][:2] == ("Ģirts", "Ūdris")
    assert [n for n, _ in table.data_rows()] == [2, 3, 4, 5, 7, 8, 9]


def test_messages_name_spreadsheet_rows_and_a_failed_import_stores_nothing(
    db: Database, csv_file: Path, event_id: int
) -> None:
    before = _counts(db)
    with db.session() as s:
        plan = build_plan(s, read_table(csv_file), event_id=event_id)
    assert plan.messages() == [
        "5. rinda: Lauks “Vārds” ir obligāts.",
        "5. rinda: “liepina@” nav derīga e-pasta adrese.",
        "7. rinda: Dzimšanas gads: “19x5” nav gads (piemērs: 1987).",
        "9. rinda: Dzimums: “citādi” nav dzimums (der: sieviete, vīrietis, cits).",
    ]
    dup = {r.row: (r.existing_name, r.same_as_row, r.reasons) for r in plan.duplicates}
    assert dup == {
        2: ("Jānis Bērziņš", None, ("tā pati e-pasta adrese", "tas pats vārds un uzvārds")),
        8: ("", 4, ()),
    }
    with pytest.raises(ImportInvalid, match="3 rindās ir kļūdas"), db.session() as s:
        apply_plan(s, plan)
    assert _counts(db) == before


def test_skip_invalid_stores_the_good_rows_and_links_duplicates(db: Database, csv_file: Path, event_id: int) -> None:
    with db.session() as s:
        plan = build_plan(s, read_table(csv_file), event_id=event_id)
        result = apply_plan(s, plan, skip_invalid=True)
    assert (result.created, result.linked, result.skipped_rows) == (2, 2, (5, 7, 9))
    assert result.attendances_added == 3
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == 4  # 2 before + Ūdris + Ķuze
        assert len(people.search_people(s, "berzins")) == 1
        kuze = people.search_people(s, "kuze")
        assert [(p.given_name, p.surname, p.email, p.gender) for p in kuze] == [
            ("Žanna", "Ķuze", "ZANNA@EXAMPLE.LV", Gender.FEMALE)
        ]
        rows = s.execute(
            select(Person.surname, Attendance.status).join(Attendance).where(Attendance.event_id == event_id)
        )
        status = {surname: st for surname, st in rows}
        # row 4 said "nē", row 8 (the same person) "jā": the later explicit answer wins
        assert status == {"Bērziņš": AttendanceStatus.ATTENDED, "Ūdris": AttendanceStatus.ATTENDED,
                          "Ķuze": AttendanceStatus.ATTENDED}  # fmt: skip
        log = s.scalars(select(PersonalDataLog.action).where(PersonalDataLog.action == "imported")).all()
        assert len(log) == 2


def test_choice_create_makes_a_second_person(db: Database, csv_file: Path, event_id: int) -> None:
    with db.session() as s:
        plan = build_plan(s, read_table(csv_file), event_id=event_id)
        result = apply_plan(s, plan, skip_invalid=True, choices={2: Choice.CREATE})
    assert (result.created, result.linked) == (3, 1)
    with db.session() as s:
        assert len(people.search_people(s, "berzins")) == 2


def test_cancel_in_the_middle_rolls_everything_back(db: Database, csv_file: Path, event_id: int) -> None:
    before = _counts(db)
    calls: list[tuple[int, int]] = []

    def progress(done: int, total: int) -> bool:
        calls.append((done, total))
        return len(calls) < 2  # cancel after the first chunk went in

    with pytest.raises(ImportCancelled), db.session() as s:
        plan = build_plan(s, read_table(csv_file), event_id=event_id)
        apply_plan(s, plan, skip_invalid=True, progress=progress)
    assert len(calls) == 2
    assert _counts(db) == before


def test_a_crash_in_the_middle_rolls_everything_back(
    db: Database, csv_file: Path, event_id: int, monkeypatch: pytest.MonkeyPatch
) -> None:
    from projektu_vadiba.core.imports import apply as apply_module

    before = _counts(db)

    def boom(*_args: object) -> tuple[int, int]:
        raise RuntimeError("disk full")

    monkeypatch.setattr(apply_module, "_attendance", boom)
    with pytest.raises(RuntimeError), db.session() as s:
        apply_plan(s, build_plan(s, read_table(csv_file), event_id=event_id), skip_invalid=True)
    assert _counts(db) == before
    with db.session() as s:
        assert people.search_people(s, "udris") == []  # the search index rolled back too


def test_utf8_bom_comma_header_below_a_title_and_full_name_column() -> None:
    text = (
        "Dalībnieku saraksts,,\n"
        ",,\n"
        "Vārds Uzvārds,E-pasts,Organizācija\n"
        "Anna Marija Liepiņa,anna@example.lv,Biedrība “Ūdrs”\n"
        '"Kalniņš, Pēteris",,\n'
    )
    table = read_csv_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert (table.encoding, table.delimiter, table.header_row) == ("utf-8-sig", ",", 3)
    rows = [(n, p.given_name, p.surname, p.organisation_name) for n, p in _parsed_people(table)]
    assert rows == [(4, "Anna Marija", "Liepiņa", "Biedrība “Ūdrs”"), (5, "Pēteris", "Kalniņš", "")]


def _parsed_people(table):  # type: ignore[no-untyped-def]
    from projektu_vadiba.core.imports.plan import _Columns, _parse_row, check_mapping, guess_mapping

    mapping = guess_mapping(table.header)
    assert check_mapping(mapping) == []
    return [(n, _parse_row(cells, _Columns(mapping), 2100)[0]) for n, cells in table.data_rows()]


def test_tab_and_pipe_delimiters_and_utf8_without_bom() -> None:
    for sep in ("\t", "|"):
        text = f"Vārds{sep}Uzvārds{sep}Tālrunis\nĻena{sep}Ēce{sep}29 000 000\n"
        table = read_csv_bytes(text.encode("utf-8"))
        assert (table.encoding, table.delimiter) == ("utf-8", sep)
        assert table.rows[1] == ("Ļena", "Ēce", "29 000 000")


def test_a_file_without_name_columns_gets_one_message(db: Database) -> None:
    table = read_csv_bytes(b"E-pasts;Summa\n1;2\n")
    with db.session() as s:
        plan = build_plan(s, table)
        assert plan.messages() == ["Norādiet kolonnas ar vārdu un uzvārdu (vai vienu kolonnu “Vārds Uzvārds”)."]
        with pytest.raises(ImportInvalid):
            apply_plan(s, plan, skip_invalid=True)


def test_a_header_naming_no_known_column_says_it_was_not_recognised(db: Database) -> None:
    with db.session() as s:
        plan = build_plan(s, read_csv_bytes(b"Kods;Summa\n1;2\n"))
        assert [m.code for m in plan.problems] == ["import.header_not_recognised"]  # type: ignore[attr-defined]
        assert plan.messages()[0].startswith("Galvene (1. rindā) nav atpazīta")
        assert "Gaidītās kolonnas: Vārds, Uzvārds, E-pasts" in plan.messages()[0]
        with pytest.raises(ImportInvalid):
            apply_plan(s, plan, skip_invalid=True)


def test_xlsx_is_read_with_its_row_numbers(db: Database, tmp_path: Path) -> None:
    from openpyxl import Workbook

    book = Workbook()
    ws = book.active
    ws.title = "Saraksts"
    ws.append(["Reģistrācija uz semināru"])
    ws.append(["Vārds", "Uzvārds", "Dzimšanas gads", "Tālrunis"])
    ws.append(["Ērika", "Ābele", 1990, 26000000])
    ws.append(["Oļegs", "", 1985, None])
    book.save(tmp_path / "a.xlsx")
    table = read_table(tmp_path / "a.xlsx")
    assert (table.sheet, table.header_row) == ("Saraksts", 2)
    with db.session() as s:
        plan = build_plan(s, table)
    assert [(r.row, r.person.birth_year, r.person.phone) for r in plan.rows] == [(3, 1990, "26000000"), (4, 1985, "")]
    assert plan.messages() == ["4. rinda: Lauks “Uzvārds” ir obligāts."]
