"""Fill a database at a chosen scale with realistic Latvian data, for the benchmarks (bench/run_all.py).

    python bench/generate.py --scale large OUT.sqlite     # 20 projects, the largest with 180 events,
                                                          # 6,000 people, 300 organisations; 100,000 in the registry
    python bench/generate.py --scale national OUT.sqlite  # the same projects, 1,000,000 in the registry
    python bench/generate.py --scale quick OUT.sqlite     # the same shape, a few seconds
    python bench/generate.py --scale national --url postgresql+psycopg://pv_ci:pv_ci@127.0.0.1/pv_national
                                                          # the same into an empty PostgreSQL database
                                                          # (created beforehand; ANALYZEd at the end)

Everything goes in with bulk inserts (the services would take minutes at this size); the project rows go through
the services so that they look exactly like the app's own. Importable: the bench scripts share these generators.
"""

from __future__ import annotations

import argparse
import random
import sys
import time
from dataclasses import dataclass
from datetime import date, datetime, timedelta
from decimal import Decimal
from pathlib import Path
from typing import Any, NamedTuple

from sqlalchemy import func, insert, select

from projektu_vadiba.core import person_keys, search_upkeep
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
from projektu_vadiba.core.services.people_insert import bulk_insert_people

sys.path.insert(0, str(Path(__file__).parent))  # bench/names.py, also when this module is imported from elsewhere
import names

PLACES = ("Ķekavas novads", "Rīga", "Baldones pagasts", "Ogres novads", "Jelgava", "Cēsu novads", "Daugmale",
          "Siguldas novads", "Valmiera", "Liepāja", "Ludzas novads", "Krāslava")  # fmt: skip
CATEGORIES = ("personnel", "travel", "services", "materials", "publicity", "administration")
GROUPS = ("seniori", "jaunieši", "kopienu aktīvisti", "NVO pārstāvji", "pašvaldības darbinieki")
AGES = ("līdz 17", "18–25", "26–45", "46–64", "65+")
ORG_KINDS = ("Biedrība", "Nodibinājums", "SIA", "Pašvaldības iestāde")


@dataclass(frozen=True)
class Scale:
    events: int  # of the largest project
    people: int  # who attended the largest project
    orgs: int
    registry: int  # people in the registry in all
    projects: int


SCALES = {
    "large": Scale(events=180, people=6000, orgs=300, registry=100_000, projects=20),
    # A national umbrella organisation's registry (issue #19): the large database's projects, 1,000,000 people.
    "national": Scale(events=180, people=6000, orgs=300, registry=1_000_000, projects=20),
    "quick": Scale(events=30, people=1000, orgs=50, registry=10_000, projects=5),
    "tiny": Scale(events=6, people=60, orgs=6, registry=200, projects=2),
}


class Generated(NamedTuple):
    given: str
    surname: str
    email: str
    phone: str
    place: str
    gender: Gender


def person(rnd: random.Random, i: int) -> Generated:
    """Registry person number i: a given name of one gender, the surname in that gender's form (bench/names.py)."""
    given, surname, female = names.name(rnd)
    email = f"{person_keys.search_text(given)}.{person_keys.search_text(surname).replace(' ', '')}{i}@example.lv"
    gender = Gender.FEMALE if female else Gender.MALE
    return Generated(given, surname, email, f"2{i:07d}", rnd.choice(PLACES), gender)


def registry(n: int, seed: int = 2026) -> list[Generated]:
    rnd = random.Random(seed)
    return [person(rnd, i) for i in range(n)]


def _person_row(p: Generated, **extra: Any) -> dict[str, Any]:
    return {"given_name": p.given, "surname": p.surname, "email": p.email, "phone": p.phone, "municipality": p.place,
            "gender": p.gender, "search_text": person_keys.search_text(p.given, p.surname, p.email, "", p.place),
            "name_key": person_keys.name_key(p.given, p.surname), "phone_key": person_keys.phone_key(p.phone),
            "sort_key": person_keys.sort_key(p.surname, p.given), **extra}  # fmt: skip


def fill_registry(db: Database, n: int, *, start: int = 0, seed: int = 2026) -> float:
    """n registry people (numbers start..start+n) through the app's bulk insert (keeps FTS in step); the seconds of
    the inserts and the commit (making the rows is not counted). Followed by the app's upkeep after an import
    (core.search_upkeep, not counted), as a registry filled by imports is: on SQLite the full-text index merged (a
    file left unmerged made the next import pay for merging it, docs/benchmarks.md "Fifth round"); on PostgreSQL,
    committed every 100,000 people, people_words' common prefixes decided once the registry has grown."""
    rnd = random.Random(seed)
    for i in range(start):  # the same people as registry(start + n)[start:], without holding the first ones
        person(rnd, i)
    spent = 0.0
    postgres = db.engine.dialect.name == "postgresql"
    for batch in range(start, start + n, 100_000 if postgres else max(n, 1)):
        with db.session() as s:
            end = min(batch + 100_000, start + n) if postgres else start + n
            for k in range(batch, end, 10_000):  # made and inserted in chunks: 1,000,000 rows at once is ~2 GB
                rows = [_person_row(person(rnd, i)) for i in range(k, min(k + 10_000, end))]
                began = time.perf_counter()
                bulk_insert_people(s, rows)
                spent += time.perf_counter() - began
            began = time.perf_counter()
            s.commit()
            spent += time.perf_counter() - began
        search_upkeep.run(db.engine)
    return spent


def fill_project(db: Database, events: int, people: int, orgs: int, *, number: int = 1, seed: int = 7) -> int:
    """One SIF project: `events` events, `people` new people from `orgs` organisations who all attended at least
    once (6/5 attendances each), 8 indicators, 30 budget lines, 1,000 expenses (fewer for small projects)."""
    rng = random.Random(seed + number)
    with db.session() as s:
        pid = projects.create_project(
            s,
            ProjectInput(
                number=f"2021.LV/NVOF/MAC/{number:03d}/01",
                title="Kopienu resursu centru tīkls Pierīgā" if number == 1 else f"Kopienu iniciatīva Nr. {number}",
                funder_name="Sabiedrības integrācijas fonds",
                funder_profile="sif_nvo_fonds",
                start_date=date(2021, 1, 1),
                end_date=date(2025, 12, 31),
                implementer_name="Biedrība “Ķekavas novada kopienu tīkls”",
            ),
        ).id
        acts = [activities.create_activity(s, pid, ActivityInput(str(n), f"Aktivitāte {n}")).id for n in range(1, 7)]
        known = int(s.scalar(select(func.count()).select_from(Organisation)) or 0)
        s.execute(insert(Organisation), [
            {"name": f"{ORG_KINDS[i % 4]} “Kopiena Nr. {known + i}”",
             "name_key": f"{ORG_KINDS[i % 4].lower()} “kopiena nr. {known + i}”", "kind": OrganisationKind.NGO}
            for i in range(orgs)
        ])  # fmt: skip
        org_ids = list(s.scalars(select(Organisation.id).order_by(Organisation.id.desc()).limit(orgs)))
        start = datetime(2021, 2, 1, 17, 30)
        s.execute(insert(Event), [
            {"project_id": pid, "activity_id": acts[i % 6], "title": f"Kopienas tikšanās Nr. {i + 1}",
             "type": EventType.MEETING, "starts_at": start + timedelta(days=9 * i),
             "ends_at": start + timedelta(days=9 * i, hours=2), "place": "Kopienu māja",
             "municipality": PLACES[i % len(PLACES)]}
            for i in range(events)
        ])  # fmt: skip
        first = int(s.scalar(select(func.max(Person.id))) or 0)
        bulk_insert_people(s, [
            _person_row(person(rng, 1_000_000 * number + i), organisation_id=org_ids[i % len(org_ids)],
                        age_group=AGES[i % 5], target_group=GROUPS[i % 5], birth_year=1940 + i % 70)
            for i in range(people)
        ])  # fmt: skip
        event_ids = list(s.scalars(select(Event.id).where(Event.project_id == pid)))
        person_ids = list(s.scalars(select(Person.id).where(Person.id > first)))
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
            for n in range(min(1000, events * 6))
        ])  # fmt: skip
    return pid


def generate(db: Database, scale: Scale) -> int:
    """The whole database at `scale`; returns the largest project's id."""
    largest = fill_project(db, scale.events, scale.people, scale.orgs)
    small = max(1, scale.events // 10)
    for number in range(2, scale.projects + 1):
        fill_project(db, small, scale.people // 20, max(2, scale.orgs // 20), number=number)
    in_projects = scale.people + (scale.projects - 1) * (scale.people // 20)
    fill_registry(db, max(0, scale.registry - in_projects))
    return largest


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--scale", choices=sorted(SCALES), default="large")
    parser.add_argument("out", type=Path, nargs="?", help="the SQLite file to create (must not exist)")
    parser.add_argument("--url", help="a database URL instead (an empty database: SQLite or PostgreSQL)")
    args = parser.parse_args(argv)
    if (args.out is None) == (args.url is None):
        parser.error("give either OUT or --url")
    if args.out is not None and args.out.exists():
        parser.error(f"{args.out} exists")
    url = args.url or f"sqlite:///{args.out}"
    began = time.perf_counter()
    db = open_database(url)
    with db.session() as s:
        if s.scalar(select(func.count()).select_from(Person)):
            parser.error(f"{url}: people are there already")
    pid = generate(db, SCALES[args.scale])
    if db.engine.dialect.name == "postgresql":  # what autovacuum does soon after a bulk load: the planner's figures
        with db.engine.connect().execution_options(isolation_level="AUTOCOMMIT") as conn:
            conn.exec_driver_sql("VACUUM ANALYZE")
    db.close()
    where = args.out or db.engine.url.render_as_string(hide_password=True)
    print(f"{where}: scale {args.scale}, largest project id {pid}, {time.perf_counter() - began:.1f} s")
    return 0


if __name__ == "__main__":
    sys.exit(main())
