"""Team mode under load: N client processes edit the same project on one PostgreSQL through the services.

Each client loops for `--seconds`: it opens a record as a form would (reads it with its version), "thinks" for a
few milliseconds, changes one field to a value no one else writes, and saves. A save that meets a newer version is
a conflict (counted); the client then merges as a user would (their record, my one field) and saves again. Ticks
put a person on an event's list as "came" (per-person rows: never a conflict).

Afterwards it proves that no update was lost:
- versioned rows (events, people, expenses): every accepted save made exactly one new version (no two saves of one
  row produced the same version), the row's final version = 1 + accepted saves, and its final values are the
  values of the save with the highest version;
- ticks: every accepted tick is on the list, once, as "came".
It also reports p50/p95 save latency and the refresh delay: from a save's commit to the moment a separate LISTEN
connection (core/live_changes.py) heard its transaction.

    python bench/bench_team.py --url postgresql+psycopg://u:p@127.0.0.1/db --seconds 60 --clients 10
"""

from __future__ import annotations

import argparse
import multiprocessing as mp
import os
import queue
import random
import sys
import time
from collections import defaultdict
from dataclasses import dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import Decimal
from typing import Any

from sqlalchemy import text

from projektu_vadiba.core.concurrency import ConflictError
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.dto import EventInput, ExpenseInput, PersonInput, ProjectInput
from projektu_vadiba.core.live_changes import Change, ListenerThread
from projektu_vadiba.core.services import activities, attendance, finance, people, projects
from projektu_vadiba.core.services.event_delete import event_input

# The field each kind of record gets a fresh value in, and how to read the row back as comparable values.
EVENT_FIELDS = ("place", "address", "description", "municipality")
PERSON_FIELDS = ("municipality", "target_group", "notes")  # free text: a phone would be checked and reformatted
EXPENSE_FIELDS = ("supplier", "description", "document_number")


@dataclass
class Setup:
    project_id: int
    events: list[int]
    people: list[int]
    expenses: list[int]


@dataclass
class ClientResult:
    accepted: list[tuple[str, int, int, str, str]] = field(default_factory=list)  # kind, id, version, field, value
    ticks: list[tuple[int, int]] = field(default_factory=list)  # event, person
    conflicts: int = 0
    failed_retries: int = 0
    latencies: list[float] = field(default_factory=list)  # seconds per save transaction
    commits: dict[int, float] = field(default_factory=dict)  # txid -> time.time() when the commit returned
    errors: list[str] = field(default_factory=list)


def set_up(db: Database, n_events: int, n_people: int, n_expenses: int) -> Setup:
    stamp = datetime.now().strftime("%Y%m%d%H%M%S%f")
    with db.session() as s:
        project = projects.create_project(
            s,
            ProjectInput(
                number=f"BENCH-TEAM-{stamp}",
                title="Darbīgās kopienas (slodzes tests)",
                funder_name="Sabiedrības integrācijas fonds",
                start_date=date(2026, 1, 1),
                end_date=date(2026, 12, 31),
                implementer_name="Latgales resursu centrs",
            ),
        )
        start = datetime(2026, 3, 2, 10)
        events = [
            activities.create_event(s, project.id, EventInput(f"Pasākums {i}", start + timedelta(days=i),
                                                              start + timedelta(days=i, hours=2))).id
            for i in range(n_events)
        ]  # fmt: skip
        persons = [people.create_person(s, PersonInput(f"Dalībnieks{i}", f"Slodze{stamp[-6:]}")).id
                   for i in range(n_people)]  # fmt: skip
        expenses = [
            finance.add_expense(s, project.id, ExpenseInput(date(2026, 3, 1), Decimal("10.00") + i)).id
            for i in range(n_expenses)
        ]
    return Setup(project.id, events, persons, expenses)


def _txid(session: Any) -> int:
    return int(session.execute(text("SELECT txid_current()")).scalar_one())


def _save(db: Database, result: ClientResult, kind: str, id_: int, data: Any, fld: str, value: str) -> None:
    """One save as the workspace makes it; a conflict is merged (their record, my field) and saved again."""
    update = {"event": activities.update_event, "person": people.update_person, "expense": finance.update_expense}[kind]
    for attempt in (1, 2):
        began = time.perf_counter()
        try:
            with db.session() as s:
                saved = update(s, id_, data)
                txid = _txid(s)
            result.latencies.append(time.perf_counter() - began)
            result.commits[txid] = time.time()
            result.accepted.append((kind, id_, saved.version, fld, value))
            return
        except ConflictError as exc:
            result.latencies.append(time.perf_counter() - began)
            result.conflicts += 1
            if attempt == 2:
                result.failed_retries += 1
                return
            data = exc.merged(lambda name: name == fld)


def _read(db: Database, kind: str, id_: int) -> Any:
    with db.session() as s:
        if kind == "event":
            return event_input(activities.get_event(s, id_))
        if kind == "person":
            return people.person_input(people.get_person(s, id_), people.get_notes(s, id_))
        return finance.expense_input(finance.get_expense(s, id_))


def client(url: str, setup: Setup, seconds: float, seed: int, out: Any) -> None:
    rng = random.Random(seed)
    db = open_database(url, migrate=False)
    result = ClientResult()
    deadline = time.time() + seconds
    n = 0
    try:
        while time.time() < deadline:
            n += 1
            value = f"c{seed}-{n}"  # no one else writes this value: a lost save would show
            op = rng.random()
            if op < 0.3:
                event_id = rng.choice(setup.events)
                person_id = rng.choice(setup.people)
                began = time.perf_counter()
                with db.session() as s:
                    attendance.walk_in(s, event_id, person_id)
                    txid = _txid(s)
                result.latencies.append(time.perf_counter() - began)
                result.commits[txid] = time.time()
                result.ticks.append((event_id, person_id))
                continue
            kind, ids, fields = (
                ("event", setup.events, EVENT_FIELDS)
                if op < 0.6
                else ("person", setup.people, PERSON_FIELDS)
                if op < 0.8
                else ("expense", setup.expenses, EXPENSE_FIELDS)
            )
            id_ = rng.choice(ids)
            form = _read(db, kind, id_)
            time.sleep(rng.uniform(0.0, 0.03))  # the user types
            fld = rng.choice(fields)
            _save(db, result, kind, id_, replace(form, **{fld: value}), fld, value)
    except Exception as exc:  # reported, not hidden: the run then fails
        result.errors.append(f"{type(exc).__name__}: {exc}")
    finally:
        db.close()
    out.put(result)


def verify(db: Database, setup: Setup, results: list[ClientResult]) -> list[str]:
    """Every accepted save is in the final state or was superseded by a later version; every tick is there."""
    problems: list[str] = []
    by_row: dict[tuple[str, int], list[tuple[int, str, str]]] = defaultdict(list)
    for r in results:
        for kind, id_, version, fld, value in r.accepted:
            by_row[(kind, id_)].append((version, fld, value))
    for (kind, id_), saves in by_row.items():
        versions = [v for v, _f, _x in saves]
        if len(set(versions)) != len(versions):
            problems.append(f"{kind} {id_}: two saves made the same version {sorted(versions)}")
        final = _read(db, kind, id_)
        if final.version != 1 + len(saves):
            problems.append(f"{kind} {id_}: version {final.version}, accepted saves {len(saves)}")
        last: dict[str, str] = {}
        for _v, fld, value in sorted(saves):
            last[fld] = value
        for fld, value in last.items():
            if getattr(final, fld) != value:
                problems.append(f"{kind} {id_}.{fld}: {getattr(final, fld)!r}, last accepted {value!r}")
    ticked = {pair for r in results for pair in r.ticks}
    with db.session() as s:
        for event_id in setup.events:
            listed = attendance.event_list(s, event_id)
            persons = [a.person.id for a in listed]
            if len(persons) != len(set(persons)):
                problems.append(f"event {event_id}: a person twice on the list")
            came = {(event_id, a.person.id) for a in listed if a.status.value == "attended"}
            missing = {p for p in ticked if p[0] == event_id} - came
            if missing:
                problems.append(f"event {event_id}: ticks lost {sorted(missing)}")
    return problems


def percentile(values: list[float], p: float) -> float:
    if not values:
        return float("nan")
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, round(p / 100 * (len(ordered) - 1)))]


def run(url: str, seconds: float, clients: int, n_events: int, n_people: int, n_expenses: int) -> dict[str, Any]:
    db = open_database(url)
    setup = set_up(db, n_events, n_people, n_expenses)
    heard: dict[int, float] = {}
    arrivals: queue.Queue[Change] = queue.Queue()
    listener = ListenerThread(url, lambda batch: [arrivals.put(c) for c in batch], own_client=None, poll=0.2)
    listener.start()
    listener.ready.wait(10)
    ctx = mp.get_context("spawn")
    out = ctx.Queue()
    procs = [ctx.Process(target=client, args=(url, setup, seconds, i + 1, out)) for i in range(clients)]
    started = time.time()
    for p in procs:
        p.start()
    results: list[ClientResult] = []
    while len(results) < clients:
        try:
            results.append(out.get(timeout=1))
        except queue.Empty:
            if time.time() - started > seconds + 120:
                break
        while not arrivals.empty():
            change = arrivals.get_nowait()
            if change.txid is not None:
                heard.setdefault(change.txid, change.received)
    for p in procs:
        p.join(30)
    time.sleep(1.5)  # the last notifications
    listener.stop()
    while not arrivals.empty():
        change = arrivals.get_nowait()
        if change.txid is not None:
            heard.setdefault(change.txid, change.received)
    problems = verify(db, setup, results)
    db.close()
    commits = {tx: t for r in results for tx, t in r.commits.items()}
    delays = [max(0.0, heard[tx] - t) for tx, t in commits.items() if tx in heard]
    latencies = [x for r in results for x in r.latencies]
    return {
        "clients": clients,
        "seconds": seconds,
        "saves": sum(len(r.accepted) for r in results),
        "ticks": sum(len(r.ticks) for r in results),
        "conflicts": sum(r.conflicts for r in results),
        "failed_retries": sum(r.failed_retries for r in results),
        "errors": [e for r in results for e in r.errors],
        "lost": problems,
        "latency_p50_ms": percentile(latencies, 50) * 1000,
        "latency_p95_ms": percentile(latencies, 95) * 1000,
        "refresh_p50_ms": percentile(delays, 50) * 1000,
        "refresh_p95_ms": percentile(delays, 95) * 1000,
        "refresh_heard": f"{len(delays)}/{len(commits)}",
        "load": os.getloadavg(),
    }


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument(
        "--url", default=os.environ.get("PV_BENCH_POSTGRES_URL") or os.environ.get("PV_TEST_POSTGRES_URL")
    )
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--clients", type=int, default=10)
    parser.add_argument("--events", type=int, default=20)
    parser.add_argument("--people", type=int, default=60)
    parser.add_argument("--expenses", type=int, default=20)
    args = parser.parse_args(argv)
    if not args.url or not args.url.startswith("postgresql"):
        parser.error("a PostgreSQL URL is needed (--url or PV_BENCH_POSTGRES_URL)")
    r = run(args.url, args.seconds, args.clients, args.events, args.people, args.expenses)
    print(f"clients {r['clients']}, {r['seconds']:.0f} s, load average {r['load'][0]:.2f} {r['load'][1]:.2f}")
    print(f"accepted saves {r['saves']}, ticks {r['ticks']}, conflicts {r['conflicts']} "
          f"(merged and saved again; failed twice: {r['failed_retries']})")  # fmt: skip
    print(f"save latency p50 {r['latency_p50_ms']:.1f} ms, p95 {r['latency_p95_ms']:.1f} ms (goal p95 <= 50 ms)")
    print(f"refresh delay p50 {r['refresh_p50_ms']:.0f} ms, p95 {r['refresh_p95_ms']:.0f} ms "
          f"(goal p95 <= 1000 ms), heard {r['refresh_heard']}")  # fmt: skip
    print("  (unheard: ticks of someone already ticked change no row, so nothing is announced)")
    print(f"lost updates: {len(r['lost'])}; client errors: {len(r['errors'])}")
    for line in (r["lost"] + r["errors"])[:20]:
        print("  " + line)
    return 1 if r["lost"] or r["errors"] else 0


if __name__ == "__main__":
    sys.exit(main())
