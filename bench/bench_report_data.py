"""How long the final report's data and the financial XLSX of a big project take.

One SIF project of a five-year regional initiative's scale: 180 events, 6,000 people from 300 organisations
(every one attended at least once, 7,200 attendances), 8 indicators, 30 budget lines and 1,000 expenses, put into
a fresh SQLite file with bulk inserts. Then, best of --repeat runs:
  money    services.money_summary.money_summary
  report   services.report_data.final_report_data (money included)
  interim  the same for one year
  xlsx     reports.financial_xlsx.write_financial_xlsx

    python bench/bench_report_data.py
    python bench/bench_report_data.py --quick    # 30 events, 1,000 people, one run
"""

from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from collections.abc import Callable
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any

from sqlalchemy import insert, select

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.dto import ActivityInput, IndicatorInput, ProjectInput
from projektu_vadiba.core.models import (
    Attendance,
    AttendanceStatus,
    BudgetAmount,
    BudgetLine,
    Event,
    EventType,
    Expense,
    FundingSource,
    Gender,
    IndicatorMethod,
    Organisation,
    OrganisationKind,
    Person,
)
from projektu_vadiba.core.services import activities, indicators, projects
from projektu_vadiba.core.services.money_summary import money_summary
from projektu_vadiba.core.services.report_data import final_report_data
from projektu_vadiba.core.services.report_dto import ReportPeriod

CATEGORIES = ("personnel", "travel", "services", "materials", "publicity", "administration")
GROUPS = ("seniori", "jaunieši", "kopienu aktīvisti", "NVO pārstāvji", "pašvaldības darbinieki")
PLACES = ("Ķekavas novads", "Ropažu novads", "Bauskas novads", "Olaines novads", "Salaspils novads")
AGES = ("līdz 17", "18–25", "26–45", "46–64", "65+")


def fill(db: Database, events: int, people: int, orgs: int) -> int:
    rng = random.Random(7)
    with db.session() as s:
        pid = projects.create_project(
            s,
            ProjectInput(
                number="2021.LV/NVOF/MAC/001/01",
                title="Kopienu resursu centru tīkls Pierīgā",
                funder_name="Sabiedrības integrācijas fonds",
                funder_profile="sif_nvo_fonds",
                start_date=date(2021, 1, 1),
                end_date=date(2025, 12, 31),
                implementer_name="Biedrība “Ķekavas novada kopienu tīkls”",
            ),
        ).id
        acts = [activities.create_activity(s, pid, ActivityInput(str(n), f"Aktivitāte {n}")).id for n in range(1, 7)]
        s.execute(insert(Organisation), [
            {"name": f"Biedrība “Kopiena Nr. {i}”", "name_key": f"biedrība “kopiena nr. {i}”",
             "kind": OrganisationKind.NGO} for i in range(orgs)
        ])  # fmt: skip
        org_ids = list(s.scalars(select(Organisation.id).where(Organisation.kind == OrganisationKind.NGO)))
        start = datetime(2021, 2, 1, 17, 30)
        s.execute(insert(Event), [
            {"project_id": pid, "activity_id": acts[i % 6], "title": f"Kopienas tikšanās Nr. {i + 1}",
             "type": EventType.MEETING, "starts_at": start + timedelta(days=9 * i),
             "ends_at": start + timedelta(days=9 * i, hours=2), "place": "Kopienu māja", "municipality": PLACES[i % 5]}
            for i in range(events)
        ])  # fmt: skip
        s.execute(insert(Person), [
            {"given_name": "Anna", "surname": f"Bērziņa {i}", "organisation_id": org_ids[i % len(org_ids)],
             "municipality": PLACES[i % 5], "gender": (Gender.FEMALE, Gender.MALE)[i % 2], "age_group": AGES[i % 5],
             "target_group": GROUPS[i % 5], "search_text": f"anna berzina {i}"}
            for i in range(people)
        ])  # fmt: skip
        event_ids = list(s.scalars(select(Event.id).where(Event.project_id == pid)))
        person_ids = list(s.scalars(select(Person.id)))
        pairs = {(event_ids[i % len(event_ids)], p) for i, p in enumerate(person_ids)}
        while len(pairs) < people * 6 // 5:
            pairs.add((rng.choice(event_ids), rng.choice(person_ids)))
        s.execute(insert(Attendance), [
            {"event_id": e, "person_id": p, "status": AttendanceStatus.ATTENDED} for e, p in sorted(pairs)
        ])  # fmt: skip
        for n, method in enumerate(IndicatorMethod):
            param = {IndicatorMethod.TARGET_GROUP: "seniori", IndicatorMethod.MUNICIPALITY: "Ķekavas novads"}
            indicators.create_indicator(s, pid, IndicatorInput(f"R{n}", f"Rādītājs {n}", Decimal(100), method=method,
                                        method_param=param.get(method, ""), achieved_manual=Decimal(3)))  # fmt: skip
        s.execute(insert(BudgetLine), [
            {"project_id": pid, "category_key": CATEGORIES[n % 6], "code": f"{n % 6 + 1}.{n // 6 + 1}",
             "name": f"Pozīcija {n}", "unit": "gab.", "quantity": Decimal(10), "unit_cost": Decimal("150.00")}
            for n in range(30)
        ])  # fmt: skip
        line_ids = list(s.scalars(select(BudgetLine.id).where(BudgetLine.project_id == pid)))
        s.execute(insert(BudgetAmount), [
            {"line_id": line, "source": FundingSource.GRANT, "amount": Decimal("1500.00")} for line in line_ids
        ])  # fmt: skip
        s.execute(insert(Expense), [
            {"project_id": pid, "budget_line_id": line_ids[n % 30], "date": date(2021, 2, 1) + timedelta(days=n),
             "document_number": f"Rēķ. Nr. {n}", "supplier": "SIA “Ēdnīca”", "description": "Kafijas pauze",
             "amount": Decimal(rng.randint(100, 9999)) / 100, "eligible": n % 50 != 0, "source": FundingSource.GRANT}
            for n in range(1000)
        ])  # fmt: skip
    return pid


def best(runs: int, action: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--repeat", type=int, default=5)
    args = parser.parse_args(argv)
    events, people, orgs, repeat = (30, 1000, 50, 1) if args.quick else (180, 6000, 300, args.repeat)
    with tempfile.TemporaryDirectory() as folder:
        db = open_database(f"sqlite:///{Path(folder) / 'bench.sqlite'}")
        pid = fill(db, events, people, orgs)

        def report() -> None:
            with db.session() as s:
                final_report_data(s, pid)

        def interim() -> None:
            with db.session() as s:
                final_report_data(s, pid, ReportPeriod(date(2022, 1, 1), date(2022, 12, 31)))

        def money() -> None:
            with db.session() as s:
                money_summary(s, pid)

        with db.session() as s:
            data = final_report_data(s, pid)
        from projektu_vadiba.reports.financial_xlsx import write_financial_xlsx

        rows = {
            "money": best(repeat, money),
            "report": best(repeat, report),
            "interim": best(repeat, interim),
            "xlsx": best(repeat, lambda: write_financial_xlsx(data, Path(folder) / "f.xlsx")),
        }
        print(f"{events} events, {data.reach.unique_people} people, {data.reach.attendances} attendances, "
              f"{data.reach.organisations} organisations, {len(data.financial.ledger)} expenses")  # fmt: skip
        for name, seconds in rows.items():
            print(f"{name:8} {seconds * 1000:7.0f} ms")
        db.close()
    return 0


if __name__ == "__main__":
    sys.exit(main())
