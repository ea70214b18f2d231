from __future__ import annotations

import csv
from datetime import datetime
from pathlib import Path

import pytest
from sqlalchemy import select

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, PersonInput, ProjectDetail
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.exports.people_export import event_table, people_table, safe_cell, write_csv, write_xlsx
from projektu_vadiba.core.models import AttendanceRole, AttendanceStatus, Gender, PersonalDataLog
from projektu_vadiba.core.services import activities, attendance, duplicates, merge, people
from projektu_vadiba.core.services.people_stats import people_stats


def test_likely_duplicates_by_folded_name_email_and_phone(db: Database) -> None:
    with db.session() as s:
        a = people.create_person(s, PersonInput("Jānis", "Bērziņš", email="Janis@Example.lv"))
        b = people.create_person(s, PersonInput("Ilze", "Kalna", phone="+371 2612 3456"))
        people.create_person(s, PersonInput("Jānis", "Kalniņš"))
    with db.session() as s:
        found = duplicates.find_duplicates(s, PersonInput("JANIS", "berzins"))
        assert [(d.person.id, d.reasons) for d in found] == [(a.id, ("tas pats vārds un uzvārds",))]
        found = duplicates.find_duplicates(s, PersonInput("Bērziņš", "Jānis", email="janis@example.LV"))
        assert [(d.person.id, d.reasons) for d in found] == [
            (a.id, ("tā pati e-pasta adrese", "tas pats vārds un uzvārds"))
        ]
        assert [d.person.id for d in duplicates.find_duplicates(s, PersonInput("I.", "K.", phone="26123456"))] == [b.id]
        assert duplicates.find_duplicates(s, PersonInput("Jānis", "Bērziņš"), exclude_id=a.id) == []
        assert duplicates.find_duplicates(s, PersonInput("Anna", "Liepa")) == []
        # the same name with another e-mail is another person
        assert duplicates.find_duplicates(s, PersonInput("Jānis", "Bērziņš", email="cits@example.lv")) == []
        people.create_person(s, PersonInput("Janis", "Berzins", phone="26123456"))
        groups = duplicates.duplicate_groups(s)
        assert [sorted(d.person.surname for d in g) for g in groups] == [["Berzins", "Bērziņš", "Kalna"]]


def test_merge_moves_attendance_and_fills_gaps(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        evs = [
            activities.create_event(
                s, project.id, EventInput(f"E{i}", datetime(2023, 5, i, 10), datetime(2023, 5, i, 12))
            )
            for i in (1, 2, 3)
        ]
        keep = people.create_person(s, PersonInput("Jānis", "Bērziņš", email="janis@example.lv"))
        dup = people.create_person(s, PersonInput("Janis", "Berzins", phone="26000000", gender=Gender.MALE))
        attendance.register(s, evs[0].id, keep.id, AttendanceStatus.REGISTERED)
        attendance.register(s, evs[0].id, dup.id, AttendanceStatus.ATTENDED, AttendanceRole.SPEAKER)
        attendance.register(s, evs[1].id, dup.id, AttendanceStatus.ATTENDED)
        attendance.register(s, evs[2].id, keep.id, AttendanceStatus.ATTENDED)
        assert people_stats(s, project.id).unique_people == 2
    with db.session() as s:
        result = merge.merge_people(s, keep.id, dup.id)
    assert (result.moved, result.combined, result.filled) == (1, 1, ("phone", "gender"))
    assert (result.survivor.phone, result.survivor.gender) == ("26000000", Gender.MALE)
    with db.session() as s:
        first = attendance.event_list(s, evs[0].id)
        assert [(a.person.id, a.status, a.role) for a in first] == [
            (keep.id, AttendanceStatus.ATTENDED, AttendanceRole.SPEAKER)
        ]
        stats = people_stats(s, project.id)
        # Three attended rows, one of them as the speaker: a speaker works there and is not counted.
        assert (stats.unique_people, stats.attendances) == (1, 2)
        log = s.scalars(select(PersonalDataLog.person_id).order_by(PersonalDataLog.id)).all()
        assert set(log) == {keep.id}  # the merged record's log follows the survivor
        assert len(people.search_people(s, "berzins")) == 1
    with pytest.raises(AppError), db.session() as s:
        merge.merge_people(s, keep.id, keep.id)


def test_walk_in_and_bulk_registration(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        ev = activities.create_event(
            s, project.id, EventInput("Talka", datetime(2023, 5, 1, 10), datetime(2023, 5, 1, 12))
        )
        ids = [people.create_person(s, PersonInput("Anna", f"Liepa{i}", consent_photo=i != 1)).id for i in range(3)]
        assert attendance.register_many(s, ev.id, [*ids, ids[0]]) == 3
        assert attendance.register_many(s, ev.id, ids) == 0
        walk = attendance.walk_in(s, ev.id, PersonInput("Oskars", "Ērglis"))
        again = attendance.walk_in(s, ev.id, ids[2])
        assert (walk.status, again.status) == (AttendanceStatus.ATTENDED, AttendanceStatus.ATTENDED)
        rows = attendance.event_list(s, ev.id)
        assert [r.no_photos for r in rows if r.person.surname == "Liepa1"] == [True]
        assert attendance.status_counts(s, ev.id) == {
            AttendanceStatus.REGISTERED: 2,
            AttendanceStatus.ATTENDED: 2,
            AttendanceStatus.ABSENT: 0,
        }


def test_people_stats_breakdowns(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        ev = activities.create_event(s, project.id, EventInput("E", datetime(2023, 5, 1, 10), datetime(2023, 5, 1, 12)))
        for given, muni, gender, year, target in (
            ("A", "Ķekavas novads", Gender.FEMALE, 2010, "jaunieši"),
            ("B", "ķekavas  NOVADS", Gender.MALE, 1950, "seniori"),
            ("C", "", None, None, ""),
        ):
            pid = people.create_person(s, PersonInput(given, "X", municipality=muni, gender=gender, birth_year=year,
                                                      target_group=target)).id  # fmt: skip
            attendance.register(s, ev.id, pid, AttendanceStatus.ATTENDED)
        st = people_stats(s, project.id)
    assert (st.unique_people, st.attendances, st.events) == (3, 3, 1)
    assert [(r.label, r.people) for r in st.by_municipality] == [("Ķekavas novads", 2), ("nav norādīts", 1)]
    assert [(r.label, r.people) for r in st.by_gender] == [("sieviete", 1), ("vīrietis", 1), ("nav norādīts", 1)]
    assert [(r.label, r.people) for r in st.by_age_group] == [
        ("līdz 17", 1), ("65+", 1), ("nav norādīts", 1),
    ]  # fmt: skip


def test_exported_cells_never_start_a_formula(db: Database, project: ProjectDetail, tmp_path: Path) -> None:
    assert [safe_cell(v) for v in ("=1+1", "+371 2", "-x", "@a", "\tb", "Anna", None)] == [
        "'=1+1", "'+371 2", "'-x", "'@a", "'\tb", "Anna", "",
    ]  # fmt: skip
    with db.session() as s:
        ev = activities.create_event(s, project.id, EventInput("E", datetime(2023, 5, 1, 10), datetime(2023, 5, 1, 12)))
        p = people.create_person(s, PersonInput("=HYPERLINK(\"x\")", "Ābele", phone="+371 26000000",
                                                organisation_name="@Ūdrs"))  # fmt: skip
        attendance.register(s, ev.id, p.id)
        table = event_table(s, ev.id)
    write_csv(table, tmp_path / "a.csv")
    data = (tmp_path / "a.csv").read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    rows = list(csv.reader(data.decode("utf-8-sig").splitlines(), delimiter=";"))
    assert rows[1][:7] == ["1", '\'=HYPERLINK("x")', "Ābele", "'@Ūdrs", "", "", "'+371 26000000"]
    write_xlsx(table, tmp_path / "a.xlsx")
    from openpyxl import load_workbook

    ws = load_workbook(tmp_path / "a.xlsx").active
    values = [c.value for row in ws.iter_rows() for c in row if isinstance(c.value, str)]
    assert "Ābele" in values and not any(v.startswith(("=", "+", "-", "@")) for v in values)
    assert people_table([p]).rows[0][1] == '=HYPERLINK("x")'  # the guard is applied when writing
