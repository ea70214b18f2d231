"""A project with an activity, events and people whose names hold every Latvian letter, for any funder profile."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime

from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import ActivityInput, EventInput, PersonInput, ProjectInput
from projektu_vadiba.core.models import AttendanceStatus, EventType, Gender, OrganisationKind
from projektu_vadiba.core.services import activities, attendance, organisations, people, projects

IMPLEMENTER = "Biedrība “Ķekavas novada kopienu tīkls”"
LOWER = "āčēģīķļņšūž"
UPPER = "ĀČĒĢĪĶĻŅŠŪŽ"

FUNDERS = {
    "sif_nvo_fonds": ("Sabiedrības integrācijas fonds", "2023.LV/NVOF/MAC/041/58", "NVO fonds"),
    "eea_active_citizens": ("Aktīvo iedzīvotāju fonds", "2022/AIF/1-014", "Aktīvo iedzīvotāju fonds"),
    "lad_leader": ("Lauku atbalsta dienests", "23-00-U31523.0-000003", "LEADER"),
    "generic": ("Latviešu fonds", "LF-2024/17", ""),
}

# (given name, surname, organisation, municipality, e-mail, phone, gender, age group, status)
PEOPLE = (
    ("Ārija", "Čakste", "Biedrība “Baldones seniori”", "Ķekavas novads", "arija@example.org", "", Gender.FEMALE,
     "65+", AttendanceStatus.ATTENDED),
    ("Ēvalds", "Ģērmanis", "Ķekavas novada pašvaldība", "Ķekavas novads", "", "+371 29123456", Gender.MALE,
     "46–64", AttendanceStatus.ATTENDED),
    ("Īrisa", "Ķēniņa", "", "Ropažu novads", "irisa@example.net", "", Gender.FEMALE, "26–45",
     AttendanceStatus.REGISTERED),
    ("Ļuba", "Ņikitina", "Daugmales kopiena", "Ķekavas novads", "", "", Gender.FEMALE, "65+",
     AttendanceStatus.ATTENDED),
    ("Šarlote", "Ūdre", "Biedrība “Jauniešu iniciatīvu centrs”", "Ķekavas novads", "sarlote@example.com", "",
     Gender.FEMALE, "18–25", AttendanceStatus.ABSENT),
    ("Žanis", "Ābele", "", "Bauskas novads", "", "+371 26000001", Gender.MALE, "līdz 17", AttendanceStatus.ATTENDED),
    ("Jānis", "Bērziņš", "Codes kopiena", "Bauskas novads", "janis@example.org", "", Gender.MALE, "26–45",
     AttendanceStatus.ATTENDED),
    ("Kārlis", "Sproģis", "", "Ķekavas novads", "", "", Gender.MALE, "46–64", AttendanceStatus.REGISTERED),
    ("Līga", "Kļaviņa", "Kopiena “Ķekava kopā”", "Ķekavas novads", "liga@example.org", "", Gender.FEMALE, "26–45",
     AttendanceStatus.ATTENDED),
    ("Rūta", "Ločmele", "", "Olaines novads", "", "", Gender.FEMALE, "18–25", AttendanceStatus.ATTENDED),
    ("Aija", "Vīķe", "", "Ogres novads", "", "", Gender.FEMALE, "46–64", AttendanceStatus.REGISTERED),
    ("Inese", "Grūžīte", "", "Salaspils novads", "", "", None, "", AttendanceStatus.ATTENDED),
)  # fmt: skip


@dataclass
class Sample:
    project_id: int
    activity_id: int
    event_id: int  # the event with everyone on its list
    empty_event_id: int  # an event nobody registered for
    other_event_ids: list[int] = field(default_factory=list)
    person_ids: list[int] = field(default_factory=list)
    number: str = ""


def make_sample(s: Session, profile: str = "sif_nvo_fonds", *, extra_events: int = 1) -> Sample:
    funder, number, programme = FUNDERS[profile]
    organisations.find_or_create_organisation(
        s,
        IMPLEMENTER,
        OrganisationKind.OWN,
        reg_number="40008271453",
        address="Gaismas iela 17-4, Ķekava, LV-2123",
    )
    project = projects.create_project(
        s,
        ProjectInput(
            number=number,
            title="Ceļa karte iedzīvotāju kopienām",
            funder_name=funder,
            funder_profile=profile,
            programme_name=programme,
            start_date=date(2023, 3, 1),
            end_date=date(2023, 12, 31),
            implementer_name=IMPLEMENTER,
        ),
    )
    activity = activities.create_activity(s, project.id, ActivityInput("1.2", "Kopienu tikšanās sešās vietās"))
    event = activities.create_event(
        s,
        project.id,
        EventInput(
            "Kopienu tikšanās Baldonē",
            datetime(2023, 10, 17, 18, 0),
            datetime(2023, 10, 17, 20, 30),
            activity_id=activity.id,
            type=EventType.MEETING,
            place="Baldones kultūras centrs",
            address="Pils iela 4, Baldone, LV-2125",
            municipality="Ķekavas novads",
        ),
    )
    empty = activities.create_event(
        s,
        project.id,
        EventInput(
            "Darba grupas sanāksme",
            datetime(2023, 11, 7, 15, 0),
            datetime(2023, 11, 7, 17, 0),
            activity_id=activity.id,
            place="Ķekavas kultūras nams",
            municipality="Ķekavas novads",
        ),
    )
    sample = Sample(project.id, activity.id, event.id, empty.id, number=number)
    for i in range(extra_events):
        other = activities.create_event(
            s,
            project.id,
            EventInput(
                f"Kopienu tikšanās Daugmalē {i + 1}",
                datetime(2023, 10, 24 + i % 5, 18, 0),
                datetime(2023, 10, 24 + i % 5, 20, 0),
                place="Daugmales kopienu māja",
                address="Skolas iela 5, Daugmale",
                municipality="Ķekavas novads",
            ),
        )
        sample.other_event_ids.append(other.id)
    for given, surname, org, municipality, email, phone, gender, age, status in PEOPLE:
        person = people.create_person(
            s,
            PersonInput(
                given,
                surname,
                organisation_name=org,
                municipality=municipality,
                email=email,
                phone=phone,
                gender=gender,
                age_group=age,
            ),
        )
        sample.person_ids.append(person.id)
        attendance.register(s, event.id, person.id, status)
        for other_id in sample.other_event_ids[:1]:
            attendance.register(s, other_id, person.id)
    return sample


def add_people(s: Session, event_id: int, count: int, *, surname: str = "Bērziņš") -> list[int]:
    """Many people on one event (through the services, as a user would add them)."""
    ids = []
    for i in range(count):
        person = people.create_person(s, PersonInput(f"Dalībnieks{i:03d}", f"{surname}{i:03d}"))
        attendance.register(s, event_id, person.id)
        ids.append(person.id)
    return ids
