"""Per-day attendance of a multi-day event: which days a person came, the status as the summary, counts per day,
and every copy of an entry (remove and restore, delete and restore, merge and unmerge) keeps the days."""

from __future__ import annotations

from datetime import date, datetime
from pathlib import Path

import pytest

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, PersonInput, ProjectDetail
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.imports import apply_plan, build_plan, read_table, undo_import
from projektu_vadiba.core.models import Attendance, AttendanceStatus
from projektu_vadiba.core.services import (
    activities,
    attendance,
    attendance_changes,
    attendance_days,
    merge_undo,
    people,
    people_delete,
)
from projektu_vadiba.core.services.attendance_days import DayCount, Presence

D17, D18 = date(2023, 8, 17), date(2023, 8, 18)


def _trip(db: Database, project: ProjectDetail) -> int:
    with db.session() as s:
        start, end = datetime(2023, 8, 17, 8), datetime(2023, 8, 18, 19)
        return activities.create_event(s, project.id, EventInput("Mācību brauciens", start, end)).id


def _on_list(
    db: Database, event_id: int, *names: str, status: AttendanceStatus = AttendanceStatus.ATTENDED
) -> list[int]:
    with db.session() as s:
        ids = []
        for name in names:
            given, surname = name.split()
            pid = people.create_person(s, PersonInput(given, surname)).id
            ids.append(attendance.register(s, event_id, pid, status).id)
        return ids


def _entry(db: Database, event_id: int, attendance_id: int) -> tuple[AttendanceStatus, tuple[date, ...]]:
    with db.session() as s:
        row = next(a for a in attendance.event_list(s, event_id) if a.id == attendance_id)
    return row.status, row.days


def test_a_whole_event_tick_means_every_day_and_one_day_unticked_keeps_the_other(
    db: Database, project: ProjectDetail
) -> None:
    event_id = _trip(db, project)
    [ilze] = _on_list(db, event_id, "Ilze Ķēniņa")
    assert _entry(db, event_id, ilze) == (AttendanceStatus.ATTENDED, (D17, D18))
    with db.session() as s:
        before = attendance_days.set_day(s, ilze, D17, False)
    assert before == Presence(AttendanceStatus.ATTENDED, "")
    assert _entry(db, event_id, ilze) == (AttendanceStatus.ATTENDED, (D18,))
    with db.session() as s:
        assert attendance_days.set_day(s, ilze, D18, False) == Presence(AttendanceStatus.ATTENDED, "2023-08-18")
    assert _entry(db, event_id, ilze) == (AttendanceStatus.ABSENT, ())  # no day left: did not come
    with db.session() as s:
        attendance_days.set_day(s, ilze, D18, True)
        attendance_days.set_day(s, ilze, D17, True)
        assert s.get(Attendance, ilze).days == ""  # every day ticked: the one "whole event" form
    assert _entry(db, event_id, ilze) == (AttendanceStatus.ATTENDED, (D17, D18))


def test_undo_puts_back_the_days_and_status_exactly(db: Database, project: ProjectDetail) -> None:
    event_id = _trip(db, project)
    [ilze] = _on_list(db, event_id, "Ilze Ķēniņa", status=AttendanceStatus.REGISTERED)
    with db.session() as s:
        first = attendance_days.set_day(s, ilze, D18, True)
    assert first == Presence(AttendanceStatus.REGISTERED, "")
    assert _entry(db, event_id, ilze) == (AttendanceStatus.ATTENDED, (D18,))
    with db.session() as s:
        [was] = attendance_days.mark(s, [ilze], AttendanceStatus.ABSENT)  # a changed status clears the days
    assert _entry(db, event_id, ilze) == (AttendanceStatus.ABSENT, ())
    with db.session() as s:
        attendance_days.put_back(s, ilze, was)
    assert _entry(db, event_id, ilze) == (AttendanceStatus.ATTENDED, (D18,))
    with db.session() as s:
        attendance_days.put_back(s, ilze, first)
    assert _entry(db, event_id, ilze) == (AttendanceStatus.REGISTERED, ())


def test_a_day_outside_the_event_is_refused(db: Database, project: ProjectDetail) -> None:
    event_id = _trip(db, project)
    [ilze] = _on_list(db, event_id, "Ilze Ķēniņa")
    with db.session() as s, pytest.raises(ValidationError, match=r"19\.08\.2023 nav šī pasākuma diena"):
        attendance_days.set_days(s, ilze, [D18, date(2023, 8, 19)])
    assert _entry(db, event_id, ilze) == (AttendanceStatus.ATTENDED, (D17, D18))


def test_counts_per_day(db: Database, project: ProjectDetail) -> None:
    event_id = _trip(db, project)
    ilze, janis, _liga = _on_list(db, event_id, "Ilze Ķēniņa", "Jānis Bērziņš", "Līga Ūdre")
    [_absent] = _on_list(db, event_id, "Ģirts Ozols", status=AttendanceStatus.ABSENT)
    with db.session() as s:
        attendance_days.set_days(s, ilze, [D17])
        attendance_days.set_days(s, janis, [D18])
    with db.session() as s:
        assert attendance_days.day_counts(s, event_id) == [DayCount(D17, 2), DayCount(D18, 2)]
        assert attendance.status_counts(s, event_id)[AttendanceStatus.ATTENDED] == 3  # people, counted once


def test_days_survive_remove_and_restore_and_person_delete_and_restore(db: Database, project: ProjectDetail) -> None:
    event_id = _trip(db, project)
    [ilze] = _on_list(db, event_id, "Ilze Ķēniņa")
    with db.session() as s:
        attendance_days.set_days(s, ilze, [D18])
        [snap] = attendance_changes.remove(s, [ilze])
    with db.session() as s:
        ilze = attendance_changes.restore(s, snap)
    assert _entry(db, event_id, ilze) == (AttendanceStatus.ATTENDED, (D18,))
    with db.session() as s:
        person_id = attendance.event_list(s, event_id)[0].person.id
        deleted = people_delete.delete_person(s, person_id)
    with db.session() as s:
        people_delete.restore_person(s, deleted)
    with db.session() as s:
        [back] = attendance.event_list(s, event_id)
    assert (back.status, back.days) == (AttendanceStatus.ATTENDED, (D18,))


def test_merge_keeps_the_days_of_either_record_and_unmerge_separates_them(db: Database, project: ProjectDetail) -> None:
    event_id = _trip(db, project)
    first, second = _on_list(db, event_id, "Ilze Ķēniņa", "Ilze Kēniņa")
    with db.session() as s:
        attendance_days.set_days(s, first, [D17])
        attendance_days.set_days(s, second, [D18])
        rows = {a.id: a.person.id for a in attendance.event_list(s, event_id)}
    with db.session() as s:
        _result, snap = merge_undo.merge_undoably(s, rows[first], rows[second])
    with db.session() as s:
        [merged] = attendance.event_list(s, event_id)
        assert (merged.id, merged.days) == (first, (D17, D18))
    with db.session() as s:
        merge_undo.unmerge(s, snap, rows[first])
    with db.session() as s:
        listed = {a.person.surname: a.days for a in attendance.event_list(s, event_id)}
    assert listed == {"Ķēniņa": (D17,), "Kēniņa": (D18,)}


def test_a_one_day_event_works_as_before(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        start = datetime(2023, 5, 4, 10)
        event_id = activities.create_event(s, project.id, EventInput("Seminārs", start, start.replace(hour=12))).id
    [ilze] = _on_list(db, event_id, "Ilze Ķēniņa")
    assert _entry(db, event_id, ilze) == (AttendanceStatus.ATTENDED, (date(2023, 5, 4),))
    with db.session() as s:
        attendance.set_status(s, [ilze], AttendanceStatus.ABSENT)
        assert s.get(Attendance, ilze).days == ""
        assert attendance_days.day_counts(s, event_id) == [DayCount(date(2023, 5, 4), 0)]


def test_an_import_that_changes_the_status_is_undone_with_the_days(
    db: Database, project: ProjectDetail, tmp_path: Path
) -> None:
    event_id = _trip(db, project)
    [ilze] = _on_list(db, event_id, "Ilze Ķēniņa")
    with db.session() as s:
        attendance_days.set_days(s, ilze, [D18])
    path = tmp_path / "saraksts.csv"
    path.write_text("Vārds;Uzvārds;Piedalījās\nIlze;Ķēniņa;nē\n", encoding="utf-8")
    with db.session() as s:
        plan = build_plan(s, read_table(path), event_id=event_id)
        result = apply_plan(s, plan)
    assert result.attendances_updated == 1
    assert _entry(db, event_id, ilze) == (AttendanceStatus.ABSENT, ())
    with db.session() as s:
        undo_import(s, event_id, result)
    assert _entry(db, event_id, ilze) == (AttendanceStatus.ATTENDED, (D18,))
