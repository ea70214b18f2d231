"""A project for the final / interim report tests, for any funder profile: activities, events in April, June and
July 2023, people with every Latvian letter, attendance, indicators of every method, a budget split by source,
an expense ledger (cents, an ineligible entry, a credit note, one entry on no line), payments and the texts."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from sqlalchemy.orm import Session

from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.dto import (
    ActivityInput,
    BudgetLineInput,
    EventInput,
    ExpenseInput,
    IndicatorInput,
    PaymentInput,
    PersonInput,
    ProjectInput,
)
from projektu_vadiba.core.models import (
    AttendanceStatus,
    EventType,
    FundingSource,
    Gender,
    IndicatorMethod,
    PaymentKind,
    ProjectStatus,
)
from projektu_vadiba.core.services import activities, attendance, finance, indicators, people, projects
from projektu_vadiba.core.services.report_data import report_sections
from tests.reports.sample import FUNDERS, IMPLEMENTER

A, R = AttendanceStatus.ATTENDED, AttendanceStatus.REGISTERED
GRANT, OWN, MUNICIPALITY = FundingSource.GRANT, FundingSource.OWN, FundingSource.MUNICIPALITY

# given, surname, organisation, municipality, gender, age group, target group
PEOPLE = (
    ("Ārija", "Čakste", "Biedrība “Baldones seniori”", "Ķekavas novads", Gender.FEMALE, "65+", "seniori"),
    ("Ēvalds", "Ģērmanis", "Ķekavas novada pašvaldība", "Ķekavas novads", Gender.MALE, "46–64",
     "pašvaldības darbinieki"),
    ("Īrisa", "Ķēniņa", "", "Ropažu novads", Gender.FEMALE, "26–45", "kopienu aktīvisti"),
    ("Ļuba", "Ņikitina", "Daugmales kopiena", "ĶEKAVAS NOVADS", Gender.FEMALE, "65+", "Seniori"),
    ("Šarlote", "Ūdre", "", "Bauskas novads", Gender.FEMALE, "18–25", "jaunieši"),
    ("Žanis", "Ābele", "", "", Gender.MALE, "", ""),
)  # fmt: skip
# event key -> who came (index into PEOPLE, status)
PLAN = {
    "april": [(0, A), (1, A), (2, A), (3, R), (5, A)],
    "june": [(0, A), (2, A), (4, A)],
    "july": [(1, A), (3, A), (5, R)],
}
TEXT = "Kopienas “Ķekava kopā” pieredze: ā č ē ģ ī ķ ļ ņ š ū ž Ā Č Ē Ģ Ī Ķ Ļ Ņ Š Ū Ž."


@dataclass
class ReportSample:
    project_id: int
    profile: str
    number: str
    events: dict[str, int] = field(default_factory=dict)
    lines: dict[str, int] = field(default_factory=dict)
    person_ids: list[int] = field(default_factory=list)


def make_report_project(
    s: Session, profile: str = "sif_nvo_fonds", *, spend: str = "normal", texts: bool = True, number: str = ""
) -> ReportSample:
    """spend: "normal" (inside the budget), "none" (a budget, no expenses), "over" (well over budget)."""
    funder, default_number, programme = FUNDERS[profile]
    project = projects.create_project(
        s,
        ProjectInput(
            number=number or default_number,
            title="Ceļa karte iedzīvotāju kopienām Ķekavas novadā",
            funder_name=funder,
            funder_profile=profile,
            programme_name=programme,
            start_date=date(2023, 3, 1),
            end_date=date(2023, 12, 15),
            implementer_name=IMPLEMENTER,
            status=ProjectStatus.CLOSED,
            aim="Stiprināt iedzīvotāju kopienu sadarbību ar pašvaldību.",
            target_groups=("seniori", "kopienu aktīvisti"),
        ),
    )
    sample = ReportSample(project.id, profile, project.number)
    pid = project.id
    a1 = activities.create_activity(s, pid, ActivityInput("1", "Tikšanās ar kopienām", "Sešas tikšanās.")).id
    activities.create_activity(s, pid, ActivityInput("2", "Vadlīnijas sadarbībai", result="Vadlīnijas (24 lpp.)."))
    for key, month, day, act, kind, place in (
        ("april", 4, 12, a1, EventType.MEETING, "Baldones kultūras centrs"),
        ("june", 6, 14, a1, EventType.WORKSHOP, "Ķekavas kultūras nams"),
        ("july", 7, 19, None, EventType.DISCUSSION, "Daugmales kopienu māja"),
    ):
        sample.events[key] = activities.create_event(
            s,
            pid,
            EventInput(f"Tikšanās {place.split()[0]}", datetime(2023, month, day, 18), datetime(2023, month, day, 20),
                       activity_id=act, type=kind, place=place, municipality="Ķekavas novads"),
        ).id  # fmt: skip
    for given, surname, org, municipality, gender, age, group in PEOPLE:
        person = people.create_person(
            s, PersonInput(given, surname, org, municipality, gender=gender, age_group=age, target_group=group)
        )
        sample.person_ids.append(person.id)
    for key, who in PLAN.items():
        for n, status in who:
            attendance.register(s, sample.events[key], sample.person_ids[n], status)
    for code, method, param, activity_id, manual in (
        ("R1", IndicatorMethod.EVENTS, "", None, None),
        ("R2", IndicatorMethod.UNIQUE_PEOPLE, "", None, None),
        ("R3", IndicatorMethod.ATTENDANCES, "", None, None),
        ("R4", IndicatorMethod.ORGANISATIONS, "", None, None),
        ("R5", IndicatorMethod.TARGET_GROUP, "seniori", None, None),
        ("R6", IndicatorMethod.MUNICIPALITY, "Ķekavas novads", None, None),
        ("R7", IndicatorMethod.UNIQUE_PEOPLE, "", a1, None),
        ("R8", IndicatorMethod.MANUAL, "", None, Decimal("2.5")),
    ):
        data = IndicatorInput(code, f"Rādītājs {code}", Decimal(4), "personas", method, param, manual, activity_id,
                              "Komentārs ar ķ un ļ.")  # fmt: skip
        indicators.create_indicator(s, pid, data)
    _money(s, sample, spend)
    if texts:
        fill_texts(s, pid, profile)
    return sample


def fill_texts(s: Session, project_id: int, profile: str, period: tuple[date, date] | None = None) -> None:
    """Every text of the final report, or (with `period`) of that period's interim report: texts are per report."""
    from projektu_vadiba.core.services import report_texts

    loaded = profiles.load_profile(profile)
    kind = "interim" if period is not None else "final"
    texts = {x.key: f"{x.title}. {TEXT}" for x in report_sections(loaded, {}, kind) if x.source == "text"}
    report_texts.set_texts(s, project_id, period, texts)


def _money(s: Session, sample: ReportSample, spend: str) -> None:
    pid = sample.project_id
    keys = [c.key for c in profiles.load_profile(sample.profile).cost_categories]
    plan = (
        (keys[0], "1.1", "Projekta vadītājs", {GRANT: Decimal("1200.00"), OWN: Decimal("100.00")}),
        (keys[0], "1.2", "Grāmatvedis", {GRANT: Decimal("600.00")}),
        (keys[1], "2.1", "Transports uz tikšanām", {GRANT: Decimal("315.00"), MUNICIPALITY: Decimal("50.00")}),
        (keys[2], "3.1", "Kafijas pauzes", {GRANT: Decimal("240.40"), OWN: Decimal("9.60")}),
    )
    for key, code, name, amounts in plan:
        sample.lines[code] = finance.create_budget_line(s, pid, BudgetLineInput(key, code, name, amounts)).id
    finance.add_payment(s, pid, PaymentInput(PaymentKind.ADVANCE, date(2023, 3, 20), Decimal("1884.32"), "Avanss."))
    if spend == "none":
        return
    ln = sample.lines
    entries = [
        (date(2023, 4, 30), "1300.00" if spend == "over" else "650.00", "1.1", GRANT, True),
        (date(2023, 5, 31), "650.00", "1.1", GRANT, True),
        (date(2023, 6, 30), "300.00", "1.2", GRANT, True),
        (date(2023, 4, 12), "101.11", "2.1", GRANT, True),
        (date(2023, 6, 14), "98.76", "2.1", MUNICIPALITY, True),
        (date(2023, 7, 19), "12.34", "2.1", GRANT, True),
        (date(2023, 4, 12), "80.05", "3.1", GRANT, True),
        (date(2023, 6, 14), "-5.05", "3.1", GRANT, True),  # a credit note
        (date(2023, 6, 14), "38.50", "3.1", OWN, False),  # ineligible: flowers
        (date(2023, 7, 19), "400.00" if spend == "over" else "95.30", "3.1", OWN, True),
        (date(2023, 7, 20), "7.77", "", GRANT, True),  # on no budget line
    ]
    for day, amount, line, source, eligible in entries:
        finance.add_expense(
            s,
            pid,
            ExpenseInput(day, Decimal(amount), ln.get(line), f"Rēķ. Nr. {day:%m%d}", "SIA “Ēdnīca”", "Izdevums",
                         eligible, day, source),
        )  # fmt: skip
