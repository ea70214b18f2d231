"""What the window's undo relies on: a removed list entry or a deleted person comes back exactly; a new entry's
status follows the event's start; an import's "link to existing" fills only the empty fields, and an import can
be taken back entirely."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

from sqlalchemy import func, select

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, PersonInput, ProjectDetail
from projektu_vadiba.core.imports import apply_plan, build_plan, read_table, undo_import
from projektu_vadiba.core.models import Attendance, AttendanceRole, AttendanceStatus, Gender, Person, PersonalDataLog
from projektu_vadiba.core.services import activities, attendance, attendance_changes, merge_undo, people, people_delete


def _event(db: Database, project: ProjectDetail, start: datetime) -> int:
    with db.session() as s:
        return activities.create_event(
            s, project.id, EventInput("Seminārs", start, start.replace(hour=start.hour + 2))
        ).id


def test_default_status_is_registered_before_the_start_and_attended_from_it(
    db: Database, project: ProjectDetail
) -> None:
    event_id = _event(db, project, datetime(2023, 5, 4, 10))
    try:
        with db.session() as s:
            clock.set_clock(datetime(2023, 5, 3, 18))
            assert attendance_changes.default_status(s, event_id) is AttendanceStatus.REGISTERED
            clock.set_clock(datetime(2023, 5, 4, 10))
            assert attendance_changes.default_status(s, event_id) is AttendanceStatus.ATTENDED
    finally:
        clock.set_clock(None)


def test_removed_entries_come_back_with_their_status_role_and_marks(db: Database, project: ProjectDetail) -> None:
    event_id = _event(db, project, datetime(2023, 5, 4, 10))
    with db.session() as s:
        pid = people.create_person(s, PersonInput("Ilze", "Ķēniņa")).id
        row = attendance.register(s, event_id, pid, AttendanceStatus.ABSENT, AttendanceRole.SPEAKER)
        attendance.set_no_photos(s, row.id, True)
        attendance.set_note(s, row.id, "kavēja")
    with db.session() as s:
        [snap] = attendance_changes.remove(s, [row.id])
    with db.session() as s:
        assert attendance.event_list(s, event_id) == []
        new_id = attendance_changes.restore(s, snap)
    with db.session() as s:
        [back] = attendance.event_list(s, event_id)
    assert back.id == new_id
    assert (back.status, back.role, back.no_photos, back.note) == (
        AttendanceStatus.ABSENT, AttendanceRole.SPEAKER, True, "kavēja"
    )  # fmt: skip


def test_a_deleted_person_comes_back_with_lists_and_log(db: Database, project: ProjectDetail) -> None:
    first = _event(db, project, datetime(2023, 5, 4, 10))
    second = _event(db, project, datetime(2023, 6, 4, 10))
    with db.session() as s:
        person = people.create_person(s, PersonInput("Ilze", "Ķēniņa", email="ilze@example.lv", notes="zina"))
        attendance.register(s, first, person.id, AttendanceStatus.ATTENDED)
        attendance.register(s, second, person.id)
        assert people_delete.attendance_count(s, person.id) == 2
    with db.session() as s:
        snap = people_delete.delete_person(s, person.id)
    with db.session() as s:
        assert people.count_people(s) == 0 and s.scalar(select(func.count()).select_from(Attendance)) == 0
        back = people_delete.restore_person(s, snap)
    with db.session() as s:
        assert (back.full_name, back.email, people.get_notes(s, back.id)) == ("Ilze Ķēniņa", "ilze@example.lv", "zina")
        assert [a.status for a in attendance.event_list(s, first)] == [AttendanceStatus.ATTENDED]
        assert [a.status for a in attendance.event_list(s, second)] == [AttendanceStatus.REGISTERED]
        actions = s.scalars(
            select(PersonalDataLog.action).where(PersonalDataLog.person_id == back.id).order_by(PersonalDataLog.id)
        ).all()
        assert actions == ["created", "restored"]
        assert people.search_people(s, "kenina")[0].id == back.id


def test_link_to_existing_fills_only_empty_fields_and_the_import_can_be_undone(
    db: Database, project: ProjectDetail, tmp_path: Path
) -> None:
    event_id = _event(db, project, datetime(2023, 5, 4, 10))
    with db.session() as s:
        janis = people.create_person(s, PersonInput("Jānis", "Bērziņš", email="janis@example.lv", municipality="Rīga"))
        attendance.register(s, event_id, janis.id)
    path = tmp_path / "saraksts.csv"
    path.write_text(
        "Vārds;Uzvārds;E-pasts;Tālrunis;Pašvaldība;Dzimums;Organizācija;Piedalījās\n"
        "Jānis;Bērziņš;janis@example.lv;+371 26123456;Ķekavas novads;v;Zaļā Ķekava;jā\n"
        "Ģirts;Ūdris;girts@example.lv;;Baldone;v;;jā\n",
        encoding="utf-8",
    )
    with db.session() as s:
        plan = build_plan(s, read_table(path), event_id=event_id)
        result = apply_plan(s, plan)
    assert (result.created, result.linked, result.attendances_added, result.attendances_updated) == (1, 1, 1, 1)
    with db.session() as s:
        got = people.get_person(s, janis.id)
        # empty ones filled from the file; the registry's municipality stays
        assert (got.phone, got.gender, got.organisation_name, got.municipality) == (
            "+371 26123456", Gender.MALE, "Zaļā Ķekava", "Rīga"
        )  # fmt: skip
        assert people.search_people(s, "zala")[0].id == janis.id  # the keys follow the filled organisation
    with db.session() as s:
        undo_import(s, event_id, result)
    with db.session() as s:
        got = people.get_person(s, janis.id)
        assert (got.phone, got.gender, got.organisation_name, got.municipality) == ("", None, None, "Rīga")
        assert s.scalar(select(func.count()).select_from(Person)) == 1
        assert [(a.person.surname, a.status) for a in attendance.event_list(s, event_id)] == [
            ("Bērziņš", AttendanceStatus.REGISTERED)
        ]


def test_a_merge_can_be_taken_back_exactly(db: Database, project: ProjectDetail) -> None:
    first = _event(db, project, datetime(2023, 5, 4, 10))
    second = _event(db, project, datetime(2023, 6, 4, 10))
    with db.session() as s:
        a = people.create_person(s, PersonInput("Jānis", "Bērziņš", email="janis@example.lv"))
        b = people.create_person(s, PersonInput("Janis", "Berzins", phone="26000000", notes="no lapas"))
        attendance.register(s, first, a.id, AttendanceStatus.REGISTERED)
        both = attendance.register(s, first, b.id, AttendanceStatus.ATTENDED, AttendanceRole.SPEAKER)
        moved = attendance.register(s, second, b.id, AttendanceStatus.ABSENT)
    with db.session() as s:
        before = sorted((x.person.full_name, x.event_id, x.status, x.role) for e in (first, second)
                        for x in attendance.event_list(s, e))  # fmt: skip
        result, snap = merge_undo.merge_undoably(s, a.id, b.id)
    assert (result.moved, result.combined, result.survivor.phone) == (1, 1, "26000000")
    with db.session() as s:
        other_id = merge_undo.unmerge(s, snap, a.id)
    with db.session() as s:
        after = sorted((x.person.full_name, x.event_id, x.status, x.role) for e in (first, second)
                       for x in attendance.event_list(s, e))  # fmt: skip
        assert after == before
        assert people.get_person(s, a.id).phone == "" and people.get_person(s, other_id).phone == "26000000"
        assert people.get_notes(s, other_id) == "no lapas" and people.get_notes(s, a.id) == ""
        assert [x.id for x in attendance.event_list(s, second)] == [moved.id]  # the same entry, back on its person
        assert both.id not in [x.id for x in attendance.event_list(s, first)]  # re-made (it had been folded in)
        logs = s.scalars(select(PersonalDataLog.action).where(PersonalDataLog.person_id == other_id)).all()
        assert logs[0] == "created" and logs[-1] == "restored"
