"""What the attendance sheets print, read from the database (SQLite and PostgreSQL)."""

from __future__ import annotations

import dataclasses

import pytest
from sqlalchemy import select

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto_sheets import SheetVariant
from projektu_vadiba.core.errors import NotFoundError
from projektu_vadiba.core.models import AttendanceStatus, EventType, Programme
from projektu_vadiba.core.services import attendance, sheets
from tests.reports.sample import IMPLEMENTER, PEOPLE, make_sample


def test_one_event_holds_project_activity_event_and_people_in_screen_order(db: Database) -> None:
    with db.session() as s:
        sample = make_sample(s)
        data = sheets.event_sheets(s, sample.event_id)
        screen = attendance.event_list(s, sample.event_id)

    assert data.variant is SheetVariant.PREFILLED
    project = data.project
    assert (project.number, project.title) == ("2023.LV/NVOF/MAC/041/58", "Ceļa karte iedzīvotāju kopienām")
    assert project.profile_key == "sif_nvo_fonds"
    assert project.funder_name == "Sabiedrības integrācijas fonds" and project.programme_name == "NVO fonds"
    assert project.implementer == IMPLEMENTER and project.implementer_reg_number == "40008271453"
    assert project.implementer_address.startswith("Gaismas iela")
    assert project.retention_until is not None and project.retention_until.year == 2028

    [sheet] = data.sheets
    assert sheet.activity is not None and (sheet.activity.code, sheet.activity.id) == ("1.2", sample.activity_id)
    event = sheet.event
    assert (event.id, event.title, event.type) == (sample.event_id, "Kopienu tikšanās Baldonē", EventType.MEETING)
    assert (event.place, event.municipality) == ("Baldones kultūras centrs", "Ķekavas novads")
    assert event.starts_at.date().isoformat() == "2023-10-17" and event.ends_at.hour == 20

    # The same people, order and numbers as the attendance screen (Latvian alphabet: Ā after A, Č after C ...).
    assert [(r.number, r.person_id) for r in sheet.rows] == [(i, a.person.id) for i, a in enumerate(screen, 1)]
    assert [r.surname for r in sheet.rows][:4] == ["Ābele", "Bērziņš", "Čakste", "Grūžīte"]
    assert sheet.registered == len(PEOPLE) == len(sheet.rows)
    arija = next(r for r in sheet.rows if r.given_name == "Ārija")
    assert (arija.organisation, arija.email, arija.age_group) == (
        "Biedrība “Baldones seniori”",
        "arija@example.org",
        "65+",
    )
    assert dataclasses.is_dataclass(arija) and arija.__dataclass_params__.frozen  # type: ignore[attr-defined]


def test_attended_variant_lists_only_those_who_came_numbered_anew(db: Database) -> None:
    with db.session() as s:
        sample = make_sample(s)
        [sheet] = sheets.event_sheets(s, sample.event_id, SheetVariant.ATTENDED).sheets
    came = [p for p in PEOPLE if p[-1] is AttendanceStatus.ATTENDED]
    assert len(sheet.rows) == len(came) == 8 and sheet.registered == len(PEOPLE)
    assert [r.number for r in sheet.rows] == list(range(1, 9))
    assert all(r.status is AttendanceStatus.ATTENDED for r in sheet.rows)
    assert "Ūdre" not in {r.surname for r in sheet.rows}  # absent
    assert "Ķēniņa" not in {r.surname for r in sheet.rows}  # registered, never came


def test_blank_variant_has_no_names_but_knows_the_count(db: Database) -> None:
    with db.session() as s:
        sample = make_sample(s)
        [sheet] = sheets.event_sheets(s, sample.event_id, SheetVariant.BLANK).sheets
    assert sheet.rows == () and sheet.registered == len(PEOPLE)


def test_activity_and_project_sets_in_start_order(db: Database) -> None:
    with db.session() as s:
        sample = make_sample(s, extra_events=3)
        by_activity = sheets.activity_sheets(s, sample.activity_id)
        by_project = sheets.project_sheets(s, sample.project_id)
        same = sheets.sheets_for(s, project_id=sample.project_id)
        empty = next(sh for sh in by_project.sheets if sh.event.id == sample.empty_event_id)

    assert [sh.event.id for sh in by_activity.sheets] == [sample.event_id, sample.empty_event_id]
    starts = [sh.event.starts_at for sh in by_project.sheets]
    assert len(starts) == 5 and starts == sorted(starts)
    assert {sh.event.id for sh in by_project.sheets} == {
        sample.event_id,
        sample.empty_event_id,
        *sample.other_event_ids,
    }
    assert same == by_project
    assert empty.rows == () and empty.registered == 0
    # An event outside any activity has no activity line.
    assert all(sh.activity is None for sh in by_project.sheets if sh.event.id in sample.other_event_ids)


def test_a_programme_profile_overrides_the_funders(db: Database) -> None:
    with db.session() as s:
        sample = make_sample(s)
        programme = s.scalars(select(Programme)).one()
        programme.profile_key = "generic"
        s.flush()
        assert sheets.event_sheets(s, sample.event_id).project.profile_key == "generic"


def test_unknown_ids_are_not_found(db: Database) -> None:
    with db.session() as s:
        sample = make_sample(s)
        with pytest.raises(NotFoundError, match="Pasākums"):
            sheets.event_sheets(s, 99_999)
        with pytest.raises(NotFoundError, match="Aktivitāte"):
            sheets.activity_sheets(s, 99_999)
        with pytest.raises(NotFoundError, match="Projekts"):
            sheets.project_sheets(s, 99_999)
        assert sheets.find_activity_id(s, sample.project_id, " 1.2 ") == sample.activity_id
        with pytest.raises(NotFoundError, match="kodu 9"):
            sheets.find_activity_id(s, sample.project_id, "9")
        with pytest.raises(ValueError):
            sheets.sheets_for(s, event_id=sample.event_id, project_id=sample.project_id)
