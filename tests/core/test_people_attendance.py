from __future__ import annotations

from datetime import datetime

import pytest
from sqlalchemy import select

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, PersonInput, ProjectDetail
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import AttendanceRole, AttendanceStatus, PersonalDataLog
from projektu_vadiba.core.services import activities, attendance, people


def test_search_is_blind_to_diacritics_and_case(db: Database) -> None:
    with db.session() as s:
        people.create_person(s, PersonInput(given_name="Jānis", surname="Bērziņš", municipality="Ķekavas novads"))
        people.create_person(s, PersonInput(given_name="Žanna", surname="Ūdre", email="zanna@example.lv"))
    with db.session() as s:
        assert [p.surname for p in people.search_people(s, "berzins")] == ["Bērziņš"]
        assert [p.surname for p in people.search_people(s, "KEKAVA")] == ["Bērziņš"]
        assert [p.surname for p in people.search_people(s, "zan ud")] == ["Ūdre"]
        assert [p.surname for p in people.search_people(s, "zanna@ex")] == ["Ūdre"]
        assert people.search_people(s, "anis") == []  # word prefixes, not infixes
        assert people.search_people(s, "100%_") == []


def test_malformed_email_and_empty_name(db: Database) -> None:
    with pytest.raises(ValidationError) as err, db.session() as s:
        people.create_person(s, PersonInput(given_name="", surname="Liepiņa", email="liepina@"))
    assert err.value.for_field("email") == ["“liepina@” nav derīga e-pasta adrese."]
    assert err.value.for_field("given_name") == ["Lauks “Vārds” ir obligāts."]


def test_personal_data_changes_are_logged_without_values(db: Database) -> None:
    with db.session() as s:
        p = people.create_person(s, PersonInput(given_name="Ilze", surname="Krūmiņa", phone="+371 20000000"))
        people.update_person(s, p.id, PersonInput(given_name="Ilze", surname="Krūmiņa", phone="+371 29999999"))
    with db.session() as s:
        log = s.scalars(select(PersonalDataLog).order_by(PersonalDataLog.id)).all()
        assert [(e.action, e.fields) for e in log] == [("created", ""), ("updated", "phone")]
        assert all("2999" not in e.fields for e in log)


def test_attendance_list_in_latvian_order_and_no_double_registration(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        ev = activities.create_event(
            s,
            project.id,
            EventInput(title="Darbnīca", starts_at=datetime(2023, 6, 1, 10), ends_at=datetime(2023, 6, 1, 13)),
        )
        ids = {}
        for given, surname in (("Zane", "Čakste"), ("Ivars", "Cīrulis"), ("Rūta", "Šķēle"), ("Aija", "Sils")):
            ids[surname] = people.create_person(s, PersonInput(given_name=given, surname=surname)).id
            attendance.register(s, ev.id, ids[surname])
    with pytest.raises(ValidationError, match="jau ir šī pasākuma sarakstā"), db.session() as s:
        attendance.register(s, ev.id, ids["Sils"])
    with db.session() as s:
        rows = attendance.event_list(s, ev.id)
        assert [r.person.surname for r in rows] == ["Cīrulis", "Čakste", "Sils", "Šķēle"]
        changed = attendance.set_status(s, [rows[0].id, rows[1].id], AttendanceStatus.ATTENDED)
        attendance.set_role(s, rows[2].id, AttendanceRole.SPEAKER)
    assert changed == 2
    with db.session() as s:
        rows = attendance.event_list(s, ev.id)
        assert [r.status for r in rows][:2] == [AttendanceStatus.ATTENDED] * 2
        assert rows[2].role is AttendanceRole.SPEAKER
        assert activities.get_event(s, ev.id).attended == 2


def test_photo_refusal_carries_onto_the_list(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        ev = activities.create_event(
            s,
            project.id,
            EventInput(title="Talka", starts_at=datetime(2023, 4, 22, 10), ends_at=datetime(2023, 4, 22, 14)),
        )
        shy = people.create_person(s, PersonInput(given_name="Ņina", surname="Ļeonova", consent_photo=False))
        glad = people.create_person(s, PersonInput(given_name="Uģis", surname="Ķiķis", consent_photo=True))
        a = attendance.register(s, ev.id, shy.id)
        b = attendance.register(s, ev.id, glad.id)
        assert (a.no_photos, b.no_photos) == (True, False)
        assert attendance.set_no_photos(s, b.id, True).no_photos is True


def test_project_participants_in_one_query_match_the_event_lists(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        evs = [
            activities.create_event(
                s,
                project.id,
                EventInput(title=f"Tikšanās {d}", starts_at=datetime(2023, 6, d, 18), ends_at=datetime(2023, 6, d, 20)),
            )
            for d in (1, 8)
        ]
        ids = {
            name: people.create_person(s, PersonInput(given_name=name, surname=surname)).id
            for name, surname in (("Ērika", "Šulce"), ("Ansis", "Āboliņš"), ("Juris", "Apinis"))
        }
        attendance.register(s, evs[0].id, ids["Ērika"], AttendanceStatus.ATTENDED)
        attendance.register(s, evs[1].id, ids["Ērika"], AttendanceStatus.ABSENT)
        attendance.register(s, evs[0].id, ids["Ansis"], AttendanceStatus.ATTENDED)
        attendance.register(s, evs[1].id, ids["Ansis"], AttendanceStatus.ATTENDED)
        attendance.register(s, evs[1].id, ids["Juris"])
    with db.session() as s:
        rows = attendance.project_participants(s, project.id)
    assert [(p.surname, lists, came) for p, lists, came in rows] == [
        ("Apinis", 1, 0),
        ("Āboliņš", 2, 2),
        ("Šulce", 2, 1),
    ]
