"""The project bundle: export -> import -> export is byte-identical, malformed bundles are refused with the
JSON path of the problem and nothing written, re-imports and known people are recognised."""

from __future__ import annotations

import copy
import json
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from pathlib import Path
from typing import Any

import jsonschema
import pytest
from sqlalchemy import func, select
from sqlalchemy.orm import Session

from projektu_vadiba.core.bundle import (
    FORMAT,
    VERSION,
    dump_bundle,
    export_project,
    import_bundle,
    load_bundle_file,
)
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.errors import BundleError, NotFoundError
from projektu_vadiba.core.models import (
    Activity,
    ActivityStatus,
    Attendance,
    AttendanceRole,
    AttendanceStatus,
    BudgetAmount,
    BudgetLine,
    Cofinancing,
    DeadlineKind,
    Event,
    EventType,
    Expense,
    Funder,
    FundingSource,
    Gender,
    Indicator,
    IndicatorMethod,
    Organisation,
    OrganisationKind,
    PartnerRole,
    Payment,
    PaymentKind,
    Person,
    PersonalDataLog,
    Programme,
    Project,
    ProjectPartner,
    ProjectStatus,
    ProjectTargetGroup,
    ProjectText,
    ReportDeadline,
)

NUMBER = "2023.LV/NVOF/MAC/041/58"
SIF = "Sabiedrības integrācijas fonds"
SCHEMA_PATH = Path(__file__).resolve().parents[2] / "docs" / "bundle.schema.json"


# ---- fixtures ----------------------------------------------------------------------------------------------


@pytest.fixture(scope="module")
def migrated_template(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """Migrations run once per module; each database below starts as a copy of this file."""
    path = tmp_path_factory.mktemp("bundle-template") / "template.sqlite"
    open_database(f"sqlite:///{path}").close()
    return path


def _database(template: Path, path: Path) -> Iterator[Database]:
    shutil.copyfile(template, path)
    db = open_database(f"sqlite:///{path}")
    yield db
    db.close()


@pytest.fixture
def empty_db(migrated_template: Path, tmp_path: Path) -> Iterator[Database]:
    yield from _database(migrated_template, tmp_path / "b.sqlite")


@pytest.fixture
def source_db(migrated_template: Path, tmp_path: Path) -> Iterator[Database]:
    for db in _database(migrated_template, tmp_path / "a.sqlite"):
        with db.session() as s:
            _build_project(s)
        yield db


@pytest.fixture
def bundle(source_db: Database) -> dict[str, Any]:
    with source_db.session() as s:
        return export_project(s, NUMBER)


@pytest.fixture(scope="module")
def schema() -> dict[str, Any]:
    loaded: dict[str, Any] = json.loads(SCHEMA_PATH.read_text(encoding="utf-8"))
    jsonschema.Draft202012Validator.check_schema(loaded)
    return loaded


def _build_project(s: Session) -> None:
    """A small but complete project, plus a second project and records that must stay out of its bundle."""
    funder = Funder(name=SIF, short_name="SIF", profile_key="sif_nvo_fonds")
    programme = Programme(funder=funder, name="NVO fonds", strand="Atbalsts NVO darbībai", call_year=2023)
    own = Organisation(
        name="Biedrība “Ķekavas kopienu tīkls”",
        kind=OrganisationKind.OWN,
        reg_number="40008000001",
        address="Rīgas iela 22, Ķekava",
        municipality="Ķekavas novads",
        email="info@kekava.example.lv",
        phone="+371 67000000",
        website="https://kekava.example.lv",
    )
    unused = Organisation(name="Neizmantotā biedrība", kind=OrganisationKind.NGO)
    partner = Organisation(name="Baldones jauniešu klubs “Ūdrs”", kind=OrganisationKind.COMMUNITY)
    council = Organisation(
        name="Ķekavas novada pašvaldība", kind=OrganisationKind.MUNICIPALITY, reg_number="90000048491"
    )
    company = Organisation(name="SIA “Ābeļdārzs”", kind=OrganisationKind.COMPANY)
    s.add_all([funder, programme, own, unused, partner, council, company])
    s.flush()

    project = Project(
        funder=funder,
        programme=programme,
        implementer=own,
        number=NUMBER,
        title="Ceļa karte kopienām: Ā Č Ē Ģ Ī Ķ Ļ Ņ Š Ū Ž",
        status=ProjectStatus.RUNNING,
        start_date=date(2023, 3, 1),
        end_date=date(2023, 12, 31),
        total_cost=Decimal("12000.00"),
        grant_amount=Decimal("10800.50"),
        aim="Stiprināt kopienas Ķekavas novadā.\nOtrā rinda ar “pēdiņām”.",
        retention_until=date(2028, 12, 31),
    )
    s.add(project)
    s.flush()
    s.add_all(
        [
            ProjectPartner(project=project, organisation=partner, role=PartnerRole.PARTNER, description="Jaunieši"),
            ProjectPartner(project=project, organisation=council, role=PartnerRole.COFINANCIER),
            Cofinancing(
                project=project, source=FundingSource.MUNICIPALITY, organisation=council, amount=Decimal("1000")
            ),
            Cofinancing(project=project, source=FundingSource.OWN, amount=Decimal("199.50"), note="Biedru nauda"),
            ProjectTargetGroup(project=project, name="Jaunieši", planned_count=40),
            ProjectTargetGroup(project=project, name="Seniori", planned_count=None),
            ProjectText(project=project, key="publicity", text="Raksts “Ķekavas Vēstīs”."),
            ProjectText(project=project, key="changes", text=""),
            ReportDeadline(
                project=project,
                kind=DeadlineKind.FINAL_REPORT,
                due_date=date(2024, 1, 31),
            ),
            ReportDeadline(
                project=project,
                kind=DeadlineKind.INTERIM_REPORT,
                due_date=date(2023, 7, 15),
                period_start=date(2023, 3, 1),
                period_end=date(2023, 6, 30),
                submitted_on=date(2023, 7, 10),
                note="Iesniegts e-pastā",
            ),
        ]
    )
    workshops = Activity(
        project=project,
        code="1",
        title="Kopienu darbnīcas",
        description="Četras darbnīcas",
        planned_start=date(2023, 3, 1),
        planned_end=date(2023, 6, 30),
        status=ActivityStatus.IN_PROGRESS,
    )
    hike = Activity(project=project, code="2", title="Pārgājiens", status=ActivityStatus.DONE, result="Notika")
    s.add_all([workshops, hike])
    s.flush()
    ev1 = Event(
        project=project,
        activity=workshops,
        title="Darbnīca “Ģimene un kopiena”",
        type=EventType.WORKSHOP,
        starts_at=datetime(2023, 4, 12, 10, 0),
        ends_at=datetime(2023, 4, 12, 13, 30),
        place="Ķekavas kultūras nams",
        address="Gaismas iela 19",
        municipality="Ķekavas novads",
        planned_participants=25,
    )
    ev2 = Event(
        project=project,
        activity=hike,
        title="Pārgājiens gar Daugavu",
        type=EventType.HIKE,
        starts_at=datetime(2023, 5, 20, 9, 0),
        ends_at=datetime(2023, 5, 21, 17, 0),  # two days: the sheet has a signature column per day
    )
    ev3 = Event(
        project=project,
        title="Tiešsaistes sanāksme",
        starts_at=datetime(2023, 6, 1, 18, 0),
        ends_at=datetime(2023, 6, 1, 18, 0),
        online=True,
        online_link="https://meet.example.lv/abc",
    )
    s.add_all([ev1, ev2, ev3])

    janis = Person(
        given_name="Jānis",
        surname="Bērziņš",
        organisation=partner,
        municipality="Ķekavas novads",
        email="Janis.Berzins@example.lv",
        phone="+371 20000000",
        gender=Gender.MALE,
        birth_year=1990,
        age_group="25–54",
        target_group="Jaunieši",
        consent_data=True,
        consent_photo=False,
        notes="Brauc ar savu auto",
    )
    liga = Person(given_name="Līga", surname="Ūdre", gender=Gender.FEMALE, target_group="Seniori", birth_year=1950)
    girts = Person(given_name="Ģirts", surname="Ķēniņš", organisation=company, consent_data=True, consent_photo=True)
    gone = Person(given_name="—", surname="—", anonymised_at=datetime(2024, 2, 1, 8, 15, 0))
    stranger = Person(given_name="Žanis", surname="Ņikitins", email="zanis@example.lv")  # attends nothing here
    s.add_all([janis, liga, girts, gone, stranger])
    s.flush()
    s.add_all(
        [
            Attendance(event=ev1, person=janis, status=AttendanceStatus.ATTENDED, role=AttendanceRole.SPEAKER),
            Attendance(event=ev1, person=liga, status=AttendanceStatus.ATTENDED, no_photos=True, note="Ar mazdēlu"),
            Attendance(event=ev2, person=janis, status=AttendanceStatus.ABSENT),
            Attendance(
                event=ev2,
                person=girts,
                status=AttendanceStatus.ATTENDED,
                role=AttendanceRole.VOLUNTEER,
                days="2023-05-21",  # came on the second day only
            ),
            Attendance(event=ev3, person=gone),
        ]
    )
    s.add_all(
        [
            Indicator(project=project, code="R1", name="Dalībnieki", unit="personas", planned_value=Decimal("40")),
            Indicator(
                project=project,
                activity_id=workshops.id,
                code="R2",
                name="Darbnīcu stundas",
                unit="h",
                planned_value=Decimal("12.5"),
                method=IndicatorMethod.MANUAL,
                achieved_manual=Decimal("10.125"),
                comment="Viena darbnīca pārcelta",
            ),
            Indicator(
                project=project,
                code="R3",
                name="Darbnīcas",
                planned_value=Decimal("4"),
                method=IndicatorMethod.EVENTS,
                method_param="workshop",
            ),
        ]
    )
    manager = BudgetLine(
        project=project,
        category_key="personnel",
        code="1.1",
        name="Projekta vadītājs",
        unit="mēnesis",
        quantity=Decimal("10"),
        unit_cost=Decimal("500.00"),
    )
    rent = BudgetLine(
        project=project,
        category_key="premises",
        code="2.1",
        name="Telpu īre",
        quantity=Decimal("1.5"),
        unit_cost=Decimal("100.25"),
    )
    s.add_all([manager, rent])
    s.flush()
    s.add_all(
        [
            BudgetAmount(line=manager, source=FundingSource.GRANT, amount=Decimal("4500.00")),
            BudgetAmount(line=manager, source=FundingSource.OWN, amount=Decimal("500")),
            BudgetAmount(line=rent, source=FundingSource.MUNICIPALITY, amount=Decimal("150.38")),
            Expense(
                project=project,
                budget_line=manager,
                date=date(2023, 4, 30),
                document_number="R-1",
                supplier="SIA “Ābeļdārzs”",
                description="Alga aprīlī",
                amount=Decimal("500.00"),
                paid_on=date(2023, 5, 5),
            ),
            Expense(
                project=project,
                date=date(2023, 5, 2),
                document_number="KR-7",
                description="Kredītrēķins",
                amount=Decimal("-20.10"),
                eligible=False,
                source=FundingSource.OWN,
            ),
            Payment(project=project, kind=PaymentKind.ADVANCE, received_on=date(2023, 3, 15), amount=Decimal("8640")),
            Payment(project=project, kind=PaymentKind.INTERIM, received_on=date(2023, 8, 1), amount=Decimal("1080.5")),
        ]
    )

    # Another funder's project with the same kind of data: none of it belongs in the bundle above.
    other_funder = Funder(name="Lauku atbalsta dienests", profile_key="lad_leader")
    other = Project(
        funder=other_funder,
        implementer=own,
        number="23-00-A00000-000001",
        title="Cits projekts",
        start_date=date(2023, 1, 1),
        end_date=date(2023, 6, 30),
    )
    s.add_all([other_funder, other])
    s.flush()
    other_event = Event(
        project=other, title="Cits pasākums", starts_at=datetime(2023, 2, 1, 10), ends_at=datetime(2023, 2, 1, 12)
    )
    s.add(other_event)
    s.add(Attendance(event=other_event, person=stranger))
    s.add(Attendance(event=other_event, person=janis))


def _count(s: Session, model: type[Any]) -> int:
    return int(s.scalar(select(func.count()).select_from(model)) or 0)


def _import(db: Database, data: Any) -> Any:
    with db.session() as s:
        return import_bundle(s, data)


def _export_text(db: Database, number: str = NUMBER, funder: str | None = None) -> str:
    with db.session() as s:
        return dump_bundle(export_project(s, number, funder))


# ---- export and the round trip -----------------------------------------------------------------------------


def test_export_import_export_is_byte_identical(source_db: Database, empty_db: Database) -> None:
    first = _export_text(source_db)
    summary = _import(empty_db, json.loads(first))
    second = _export_text(empty_db)
    assert second == first
    # A second generation is stable too (nothing drifts on repeated moves between computers).
    assert _export_text(empty_db) == first

    assert summary.number == NUMBER
    assert summary.funder_name == SIF and summary.funder_created
    assert (summary.organisations_created, summary.organisations_matched) == (4, 0)
    assert (summary.people_created, summary.people_matched) == (4, 0)
    assert (summary.activities, summary.events, summary.attendances) == (2, 3, 5)
    assert (summary.indicators, summary.budget_lines, summary.expenses, summary.payments) == (3, 2, 2, 2)


def test_export_holds_only_this_project_without_database_ids(bundle: dict[str, Any]) -> None:
    assert (bundle["format"], bundle["version"]) == (FORMAT, VERSION) == ("projektu-vadiba-bundle", 2)
    assert list(bundle) == [
        "format", "version", "project", "organisations", "activities", "events", "people", "attendance",
        "indicators", "budget_lines", "expenses", "payments", "attachments", "files",
    ]  # fmt: skip
    forbidden = {"id", "created_at", "updated_at", "search_text", "name_key", "exported_at"}

    def keys(node: Any) -> Iterator[str]:
        if isinstance(node, dict):
            for key, value in node.items():
                yield key
                yield from keys(value)
        elif isinstance(node, list):
            for value in node:
                yield from keys(value)

    all_keys = set(keys(bundle))
    assert not all_keys & forbidden
    assert not [k for k in all_keys if k.endswith("_id")]

    project = bundle["project"]
    assert project["funder"] == {"name": SIF, "short_name": "SIF", "profile_key": "sif_nvo_fonds"}
    assert project["programme"] == {
        "name": "NVO fonds", "strand": "Atbalsts NVO darbībai", "call_year": 2023, "profile_key": None,
    }  # fmt: skip
    assert project["implementer"] == "org-1"
    assert (project["total_cost"], project["grant_amount"]) == ("12000.00", "10800.50")
    assert project["texts"] == {"changes": "", "publicity": "Raksts “Ķekavas Vēstīs”."}
    assert [d["kind"] for d in project["report_deadlines"]] == ["final_report", "interim_report"]  # id order
    assert [c["amount"] for c in project["cofinancing"]] == ["1000.00", "199.50"]

    # The unused organisation, the person who attends nothing here and the other project's event stay out.
    assert [o["name"] for o in bundle["organisations"]] == [
        "Biedrība “Ķekavas kopienu tīkls”", "Baldones jauniešu klubs “Ūdrs”", "Ķekavas novada pašvaldība",
        "SIA “Ābeļdārzs”",
    ]  # fmt: skip
    assert [o["key"] for o in bundle["organisations"]] == ["org-1", "org-2", "org-3", "org-4"]
    assert [p["surname"] for p in bundle["people"]] == ["Bērziņš", "Ūdre", "Ķēniņš", "—"]
    assert [e["key"] for e in bundle["events"]] == ["ev-1", "ev-2", "ev-3"]
    assert [e["activity"] for e in bundle["events"]] == ["act-1", "act-2", None]
    assert [(a["event"], a["person"]) for a in bundle["attendance"]] == [
        ("ev-1", "person-1"), ("ev-1", "person-2"), ("ev-2", "person-1"), ("ev-2", "person-3"), ("ev-3", "person-4"),
    ]  # fmt: skip

    janis = bundle["people"][0]
    assert janis["organisation"] == "org-2" and janis["email"] == "Janis.Berzins@example.lv"
    assert (janis["consent_data"], janis["consent_photo"], janis["gender"]) == (True, False, "male")
    assert bundle["people"][1]["consent_data"] is None
    assert bundle["people"][3]["anonymised_at"] == "2024-02-01T08:15:00"
    assert bundle["events"][0]["starts_at"] == "2023-04-12T10:00:00"
    assert [(i["planned"], i["achieved_manual"]) for i in bundle["indicators"]] == [
        ("40", None), ("12.5", "10.125"), ("4", None),
    ]  # fmt: skip
    assert bundle["indicators"][1]["activity"] == "act-1"
    assert [a.get("days") for a in bundle["attendance"]] == [None, None, None, ["2023-05-21"], None]
    assert bundle["budget_lines"][0]["amounts"] == {"grant": "4500.00", "own": "500.00"}
    assert bundle["budget_lines"][1]["quantity"] == "1.5"
    assert [(e["budget_line"], e["amount"]) for e in bundle["expenses"]] == [("line-1", "500.00"), (None, "-20.10")]
    assert [p["amount"] for p in bundle["payments"]] == ["8640.00", "1080.50"]


def test_dump_is_readable_deterministic_utf8(bundle: dict[str, Any]) -> None:
    text = dump_bundle(bundle)
    assert text.endswith("}\n") and not text.endswith("\n\n")
    assert "Bērziņš" in text and "Ā Č Ē Ģ Ī Ķ Ļ Ņ Š Ū Ž" in text and "\\u" not in text
    assert text.startswith('{\n  "format": "projektu-vadiba-bundle",\n  "version": 2,\n')
    assert dump_bundle(copy.deepcopy(bundle)) == text
    assert json.loads(text) == bundle


def test_import_fills_derived_fields_and_logs_personal_data(bundle: dict[str, Any], empty_db: Database) -> None:
    summary = _import(empty_db, bundle)
    with empty_db.session() as s:
        janis = s.scalars(select(Person).where(Person.surname == "Bērziņš")).one()
        assert janis.search_text == "janis berzins janis berzins example lv baldones jauniesu klubs udrs kekavas novads"
        assert janis.organisation is not None and janis.organisation.name == "Baldones jauniešu klubs “Ūdrs”"
        log = s.scalars(select(PersonalDataLog).order_by(PersonalDataLog.id)).all()
        assert [entry.action for entry in log] == ["imported"] * 4
        assert {entry.person_id for entry in log} == set(s.scalars(select(Person.id)))
        project = s.get(Project, summary.project_id)
        assert project is not None and project.implementer.kind is OrganisationKind.OWN
        assert s.scalar(select(Funder.name_key)) == SIF.casefold()
        rent = s.scalars(select(BudgetLine).where(BudgetLine.code == "2.1")).one()
        assert (rent.quantity, rent.unit_cost) == (Decimal("1.5"), Decimal("100.25"))


def test_schema_accepts_the_export_and_a_minimal_bundle(
    bundle: dict[str, Any], schema: dict[str, Any], empty_db: Database
) -> None:
    jsonschema.validate(bundle, schema, cls=jsonschema.Draft202012Validator)
    minimal = _minimal_bundle()
    jsonschema.validate(minimal, schema, cls=jsonschema.Draft202012Validator)
    summary = _import(empty_db, minimal)
    with empty_db.session() as s:
        project = s.get(Project, summary.project_id)
        assert project is not None
        assert (project.status, project.total_cost, project.programme) == (ProjectStatus.PLANNED, Decimal("0"), None)
        assert s.scalars(select(Funder.profile_key)).one() == "generic"
        event = s.scalars(select(Event)).one()
        assert (event.type, event.online, event.activity_id) == (EventType.MEETING, False, None)
        att = s.scalars(select(Attendance)).one()
        assert (att.status, att.role, att.no_photos) == (AttendanceStatus.REGISTERED, AttendanceRole.PARTICIPANT, False)


def test_documented_example_is_the_minimal_bundle() -> None:
    doc = (SCHEMA_PATH.parent / "bundle.md").read_text(encoding="utf-8")
    example = doc.split("```json\n", 1)[1].split("```", 1)[0]
    assert json.loads(example) == _minimal_bundle()


def _minimal_bundle() -> dict[str, Any]:
    """Only what the format requires; everything else takes its documented default. A bundle written by hand is
    a version 1 JSON file (version 2 is the ZIP that export writes)."""
    return {
        "format": FORMAT,
        "version": 1,
        "project": {
            "number": "MIN-1",
            "title": "Mazākais projekts",
            "start_date": "2024-01-01",
            "end_date": "2024-01-01",
            "funder": {"name": "Vietējais fonds"},
            "implementer": "o",
        },
        "organisations": [{"key": "o", "name": "Biedrība “Mazā”"}],
        "events": [
            {"key": "e", "title": "Tikšanās", "starts_at": "2024-01-01T10:00:00", "ends_at": "2024-01-01T11:00:00"}
        ],
        "people": [{"key": "p", "given_name": "Anna", "surname": "Ozola"}],
        "attendance": [{"event": "e", "person": "p"}],
    }


# ---- malformed bundles -------------------------------------------------------------------------------------

_DELETE = object()


def _changed(bundle: dict[str, Any], where: tuple[str | int, ...], value: Any) -> Any:
    """A deep copy of the bundle with one place replaced (or deleted); the empty path replaces the whole."""
    if not where:
        return value
    changed = copy.deepcopy(bundle)
    node: Any = changed
    for step in where[:-1]:
        node = node[step]
    if value is _DELETE:
        del node[where[-1]]
    else:
        node[where[-1]] = value
    return changed


@dataclass(frozen=True)
class Case:
    """A bundle spoilt in one place: `where` gets `value` (or is deleted); the importer must name `path`."""

    where: tuple[str | int, ...]
    value: Any
    path: str
    message: str
    schema_rejects: bool = True  # False: beyond JSON Schema (references, periods, calendar, uniqueness)


MALFORMED = {
    "format": Case(("format",), "cits-formats", "$.format", "“cits-formats” nav projekta paketes formāts"),
    "version-3": Case(("version",), 3, "$.version", "versija 3 nav atbalstīta"),
    "version-text": Case(("version",), "1", "$.version", "jābūt veselam skaitlim"),
    "money-float": Case(("payments", 0, "amount"), 8640.0, "$.payments[0].amount", "jābūt tekstam ar punktu"),
    "money-int": Case(("payments", 1, "amount"), 1080, "$.payments[1].amount", "bet ir skaitlis 1080"),
    "money-3-decimals": Case(("expenses", 0, "amount"), "500.125", "$.expenses[0].amount", "ne vairāk kā 2 cipari"),
    "money-comma": Case(("expenses", 0, "amount"), "5,00", "$.expenses[0].amount", "“5,00” nav skaitlis"),
    "money-negative": Case(
        ("project", "cofinancing", 0, "amount"), "-1.00", "$.project.cofinancing[0].amount", "nevar būt negatīva"
    ),
    "payment-zero": Case(("payments", 0, "amount"), "0.00", "$.payments[0].amount", "lielākai par nulli", False),
    "quantity-4-decimals": Case(("indicators", 0, "planned"), "1.2345", "$.indicators[0].planned", "3 cipari"),
    "datetime-month-13": Case(
        ("events", 1, "starts_at"), "2023-13-01", "$.events[1].starts_at", "“2023-13-01” nav derīgs datums"
    ),
    "datetime-no-T": Case(("events", 1, "starts_at"), "2023-05-20 09:00", "$.events[1].starts_at", "THH:MM:SS"),
    "date-feb-30": Case(
        ("project", "start_date"),
        "2023-02-30",
        "$.project.start_date",
        "“2023-02-30” nav derīgs datums (GGGG-MM-DD)",
        False,
    ),
    "date-latvian": Case(
        ("project", "report_deadlines", 1, "due_date"),
        "15.07.2023",
        "$.project.report_deadlines[1].due_date",
        "GGGG-MM-DD",
    ),
    "event-ends-first": Case(
        ("events", 0, "ends_at"), "2023-04-12T09:59:59", "$.events[0].ends_at", "nevar būt pirms sākuma", False
    ),
    "project-ends-first": Case(
        ("project", "end_date"), "2022-12-31", "$.project.end_date", "nevar būt pirms sākuma", False
    ),
    "activity-ends-first": Case(
        ("activities", 0, "planned_end"), "2023-02-28", "$.activities[0].planned_end", "pirms sākuma", False
    ),
    "dangling-person": Case(
        ("attendance", 1, "person"),
        "person-99",
        "$.attendance[1].person",
        "“person-99” nav atrodams sarakstā $.people",
        False,
    ),
    "dangling-activity": Case(
        ("events", 2, "activity"), "act-9", "$.events[2].activity", "nav atrodams sarakstā $.activities", False
    ),
    "dangling-implementer": Case(
        ("project", "implementer"), "org-9", "$.project.implementer", "sarakstā $.organisations", False
    ),
    "dangling-line": Case(
        ("expenses", 0, "budget_line"), "line-3", "$.expenses[0].budget_line", "sarakstā $.budget_lines", False
    ),
    "repeated-key": Case(
        ("activities", 1, "key"), "act-1", "$.activities[1].key", "“act-1” atkārtojas (jau $.activities[0])", False
    ),
    "repeated-attendance": Case(("attendance", 2, "event"), "ev-1", "$.attendance[2]", "jau ir atzīmēts", False),
    "repeated-code": Case(("activities", 1, "code"), "1", "$.activities[1].code", "“1” atkārtojas", False),
    "missing-number": Case(("project", "number"), _DELETE, "$.project.number", "obligātais lauks nav norādīts"),
    "missing-project": Case(("project",), _DELETE, "$.project", "obligātais lauks"),
    "blank-surname": Case(("people", 2, "surname"), "  ", "$.people[2].surname", "nedrīkst būt tukšs"),
    "unknown-field": Case(("people", 0, "shoe_size"), 42, "$.people[0].shoe_size", "nezināms lauks"),
    "unknown-event-type": Case(("events", 0, "type"), "ballīte", "$.events[0].type", "“ballīte” nav atļauta vērtība"),
    "unknown-gender": Case(("people", 0, "gender"), "M", "$.people[0].gender", "atļautās: female, male, other"),
    "unknown-source": Case(
        ("budget_lines", 0, "amounts", "sponsor"), "1.00", "$.budget_lines[0].amounts.sponsor", "nav atļauta vērtība"
    ),
    "bool-for-int": Case(
        ("events", 0, "planned_participants"), True, "$.events[0].planned_participants", "veselam skaitlim"
    ),
    "text-for-bool": Case(("events", 0, "online"), "jā", "$.events[0].online", "true vai false"),
    "birth-year": Case(("people", 0, "birth_year"), 1850, "$.people[0].birth_year", "nav robežās"),
    "too-long": Case(("people", 1, "given_name"), "x" * 101, "$.people[1].given_name", "pārāk garš"),
    "object-for-list": Case(("events",), {}, "$.events", "jābūt sarakstam"),
    "text-for-object": Case(("organisations", 0), "org-1", "$.organisations[0]", "jābūt objektam"),
    "null-text": Case(("project", "texts", "publicity"), None, "$.project.texts.publicity", "jābūt tekstam"),
    "number-for-text": Case(("project", "funder", "name"), 5, "$.project.funder.name", "bet ir skaitlis 5"),
    "day-outside-event": Case(
        ("attendance", 3, "days"), ["2023-05-22"], "$.attendance[3].days[0]", "nav pasākuma “ev-2” diena", False
    ),
    "days-of-absent": Case(("attendance", 2, "days"), ["2023-05-20"], "$.attendance[2].days", "tikai tiem", False),
    "day-latvian-form": Case(("attendance", 3, "days"), ["21.05.2023"], "$.attendance[3].days[0]", "nav derīgs datums"),
    "days-repeated": Case(("attendance", 3, "days"), ["2023-05-21"] * 2, "$.attendance[3].days", "atkārtojas"),
    "not-json-at-all": Case((), "not JSON at all", "$", "jābūt objektam"),
    "list-for-bundle": Case((), [], "$", "bet ir saraksts"),
}


@pytest.mark.parametrize("case", MALFORMED.values(), ids=MALFORMED.keys())
def test_malformed_bundle_names_the_place_and_writes_nothing(
    bundle: dict[str, Any], empty_db: Database, case: Case
) -> None:
    bad = _changed(bundle, case.where, case.value)
    with empty_db.session() as s:
        with pytest.raises(BundleError) as err:
            import_bundle(s, bad)
        assert not s.new  # refused before anything was added, not merely rolled back afterwards
    assert err.value.message.startswith(f"{case.path}: "), err.value.message
    assert case.message in err.value.message
    with empty_db.session() as s:
        for model in (Project, Funder, Organisation, Person, Event, Attendance, PersonalDataLog):
            assert _count(s, model) == 0, model


SCHEMA_CASES = {name: case for name, case in MALFORMED.items() if case.schema_rejects}


@pytest.mark.parametrize("case", SCHEMA_CASES.values(), ids=SCHEMA_CASES.keys())
def test_schema_rejects_what_the_importer_rejects(bundle: dict[str, Any], schema: dict[str, Any], case: Case) -> None:
    validator = jsonschema.Draft202012Validator(schema)
    assert not validator.is_valid(_changed(bundle, case.where, case.value))


# ---- files -------------------------------------------------------------------------------------------------


def test_load_bundle_file_round_trip_and_bom(bundle: dict[str, Any], tmp_path: Path) -> None:
    path = tmp_path / "projekts.json"
    path.write_text(dump_bundle(bundle), encoding="utf-8")
    assert load_bundle_file(path) == bundle
    path.write_bytes(b"\xef\xbb\xbf" + dump_bundle(bundle).encode("utf-8"))
    assert load_bundle_file(str(path)) == bundle


def test_load_bundle_file_errors_are_latvian_with_line_and_column(tmp_path: Path) -> None:
    broken = tmp_path / "bojāts.json"
    broken.write_text('{\n  "format": "projektu-vadiba-bundle",\n  "version": 1,,\n}\n', encoding="utf-8")
    with pytest.raises(BundleError) as err:
        load_bundle_file(broken)
    assert err.value.message.endswith("nav derīgs JSON: gaidīts lauka nosaukums pēdiņās (3. rinda, 16. kolonna).")
    assert "bojāts.json" in err.value.message

    not_json = tmp_path / "teksts.json"
    not_json.write_text("Šis nav JSON vispār", encoding="utf-8")
    with pytest.raises(BundleError, match=r"nav derīgs JSON: gaidīta vērtība \(1\. rinda, 1\. kolonna\)"):
        load_bundle_file(not_json)

    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"format": "Ķekava"}'.encode("cp1257"))
    with pytest.raises(BundleError, match="nav UTF-8 teksts"):
        load_bundle_file(latin1)

    with pytest.raises(BundleError, match="Neizdevās nolasīt failu"):
        load_bundle_file(tmp_path / "nav.json")

    repeated = tmp_path / "divreiz.json"
    repeated.write_text('{"format": "a", "format": "b"}', encoding="utf-8")
    with pytest.raises(BundleError, match="lauks “format” ir norādīts divreiz"):
        load_bundle_file(repeated)


# ---- importing into a database that already has data -------------------------------------------------------


def test_same_project_twice_is_refused(bundle: dict[str, Any], empty_db: Database) -> None:
    _import(empty_db, bundle)
    with empty_db.session() as s:
        people_before = _count(s, Person)
    with pytest.raises(BundleError) as err:
        _import(empty_db, bundle)
    assert err.value.message == f"Projekts “{NUMBER}” (finansētājs “{SIF}”) jau ir datubāzē."
    with empty_db.session() as s:
        assert _count(s, Project) == 1
        assert _count(s, Person) == people_before


def test_back_into_the_source_database_is_refused(bundle: dict[str, Any], source_db: Database) -> None:
    with pytest.raises(BundleError, match="jau ir datubāzē"):
        _import(source_db, bundle)


def test_known_person_funder_and_organisations_are_reused(bundle: dict[str, Any], empty_db: Database) -> None:
    with empty_db.session() as s:
        funder = Funder(name="SABIEDRĪBAS  integrācijas fonds", profile_key="custom")
        # Same registration number, another spelling: the same organisation.
        council = Organisation(name="Ķekavas novada dome", kind=OrganisationKind.MUNICIPALITY, reg_number="90000048491")
        # Same name in other case, no registration number on either side.
        club = Organisation(name="BALDONES JAUNIEŠU KLUBS “ŪDRS”", kind=OrganisationKind.NGO)
        # Same name but another registration number: a different organisation.
        own_namesake = Organisation(name="Biedrība “Ķekavas kopienu tīkls”", reg_number="40000000000")
        # Folded name and e-mail in other case: the same person.
        janis = Person(given_name="Janis", surname="BERZINS", email="janis.berzins@EXAMPLE.lv")
        # Same name, no e-mail in the bundle: never matched (too many Līgas in Latvia).
        liga = Person(given_name="Līga", surname="Ūdre")
        s.add_all([funder, council, club, own_namesake, janis, liga])
        s.flush()
        ids = {"funder": funder.id, "council": council.id, "club": club.id, "janis": janis.id}

    summary = _import(empty_db, bundle)
    assert not summary.funder_created
    # The funder already there follows a profile this installation does not have: imported, and said so.
    assert any("“custom” nav zināms" in str(w) for w in summary.warnings)
    assert (summary.people_created, summary.people_matched) == (3, 1)
    assert (summary.organisations_created, summary.organisations_matched) == (2, 2)
    assert summary.attendances == 5

    with empty_db.session() as s:
        project = s.get(Project, summary.project_id)
        assert project is not None
        assert project.funder_id == ids["funder"]
        assert project.implementer_id not in {ids["council"], ids["club"]}
        assert project.implementer.reg_number == "40008000001"
        assert {p.organisation_id for p in project.partners} == {ids["club"], ids["council"]}
        assert _count(s, Funder) == 1
        assert _count(s, Organisation) == 5  # 3 before + 2 created
        assert _count(s, Person) == 5  # 2 before + 3 created
        janis_rows = s.scalars(select(Attendance).where(Attendance.person_id == ids["janis"])).all()
        assert len(janis_rows) == 2
        matched = s.get(Person, ids["janis"])
        assert matched is not None and matched.given_name == "Janis"  # the registry's own record is kept
        assert s.scalar(select(func.count()).where(Person.surname == "Ūdre")) == 2
        # Only people the import created get an "imported" log entry.
        assert ids["janis"] not in set(s.scalars(select(PersonalDataLog.person_id)))


def test_programme_of_a_known_funder_is_reused(bundle: dict[str, Any], empty_db: Database) -> None:
    with empty_db.session() as s:
        funder = Funder(name=SIF)
        programme = Programme(funder=funder, name="NVO fonds", strand="Atbalsts NVO darbībai", call_year=2023)
        s.add_all([funder, programme])
        s.flush()
        programme_id = programme.id
    summary = _import(empty_db, bundle)
    with empty_db.session() as s:
        project = s.get(Project, summary.project_id)
        assert project is not None and project.programme_id == programme_id
        assert _count(s, Programme) == 1


# ---- finding the project to export -------------------------------------------------------------------------


def test_unknown_and_ambiguous_numbers(source_db: Database) -> None:
    with source_db.session() as s:
        with pytest.raises(NotFoundError) as err:
            export_project(s, "NAV-1")
        assert err.value.message == "Projekts ar numuru “NAV-1” nav atrasts."
        with pytest.raises(NotFoundError, match="finansētājs “Cits fonds”"):
            export_project(s, NUMBER, "Cits fonds")
        lad = s.scalars(select(Funder).where(Funder.name == "Lauku atbalsta dienests")).one()
        own = s.scalars(select(Organisation).where(Organisation.kind == OrganisationKind.OWN)).one()
        s.add(Project(funder=lad, implementer=own, number=NUMBER, title="Dvīnis", start_date=date(2024, 1, 1),
                      end_date=date(2024, 2, 1)))  # fmt: skip
    with source_db.session() as s:
        with pytest.raises(BundleError) as ambiguous:
            export_project(s, NUMBER)
        assert (
            "vairākiem finansētājiem" in ambiguous.value.message and "norādiet finansētāju" in ambiguous.value.message
        )
        assert export_project(s, NUMBER, "lauku  ATBALSTA dienests")["project"]["title"] == "Dvīnis"
        assert export_project(s, f" {NUMBER} ", SIF)["project"]["title"].startswith("Ceļa karte")
