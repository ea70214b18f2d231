"""Two imports of the same file at once (two threads, each with its own session and connection) on SQLite and
PostgreSQL: the duplicate check and the insert run under one write lock, so the second import finds what the
first stored and nobody is registered twice (the issue saw every new person twice, 96 organisations twice)."""

from __future__ import annotations

import shutil
import threading
from datetime import datetime
from pathlib import Path
from typing import Any

from sqlalchemy import func, select

from projektu_vadiba.core.bundle import export_project, import_bundle
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.dto import EventInput, PersonInput
from projektu_vadiba.core.errors import BundleError
from projektu_vadiba.core.imports import apply_plan, build_plan, read_table
from projektu_vadiba.core.models import Organisation, Person, Project
from projektu_vadiba.core.services import activities, attendance, people, projects
from tests.core.factories import project_input

PEOPLE = 40
ORGS = 8


def _csv(tmp_path: Path) -> Path:
    lines = ["Vārds;Uzvārds;E-pasts;Organizācija"]
    lines += [f"Persona{n};Sāmīte{n};p{n}@example.lv;Biedrība {n % ORGS}" for n in range(PEOPLE)]
    path = tmp_path / "dalibnieki.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _count(db: Database, model: type[Any]) -> int:
    with db.session() as s:
        return s.scalar(select(func.count()).select_from(model)) or 0


def test_two_people_imports_of_one_file_at_once_register_everyone_once(db: Database, tmp_path: Path) -> None:
    table = read_table(_csv(tmp_path))
    barrier = threading.Barrier(2, timeout=30)
    outcomes: list[Any] = [None, None]

    def run(n: int) -> None:
        try:
            with db.session() as s:
                plan = build_plan(s, table)
                barrier.wait()  # both plans say "40 new people" before either stores anything
                outcomes[n] = apply_plan(s, plan)
        except Exception as exc:
            outcomes[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    assert not [o for o in outcomes if isinstance(o, Exception)], outcomes
    assert sorted((o.created, o.linked) for o in outcomes) == [(0, PEOPLE), (PEOPLE, 0)]
    assert _count(db, Person) == PEOPLE
    with db.session() as s:
        names = list(s.scalars(select(Organisation.name).where(Organisation.name.like("Biedrība %"))))
    assert sorted(names) == sorted(f"Biedrība {n}" for n in range(ORGS))


def _source(template: Path, tmp_path: Path) -> dict[str, Any]:
    path = tmp_path / "source.sqlite"
    shutil.copyfile(template, path)
    source = open_database(f"sqlite:///{path}")
    try:
        with source.session() as s:
            project = projects.create_project(s, project_input())
            event = activities.create_event(
                s, project.id, EventInput("Seminārs", datetime(2023, 5, 4, 10), datetime(2023, 5, 4, 14))
            )
            for n in range(PEOPLE):
                person = people.create_person(
                    s, PersonInput(f"Persona{n}", f"Sāmīte{n}", f"Biedrība {n % ORGS}", email=f"p{n}@example.lv")
                )
                attendance.register(s, event.id, person.id)
            return export_project(s, project.number)
    finally:
        source.close()


def test_two_bundle_imports_at_once_store_the_project_once(db: Database, sqlite_template: Path, tmp_path: Path) -> None:
    bundle = _source(sqlite_template, tmp_path)
    orgs_before = _count(db, Organisation)
    barrier = threading.Barrier(2, timeout=30)
    outcomes: list[Any] = [None, None]

    def run(n: int) -> None:
        try:
            with db.session() as s:
                barrier.wait()
                outcomes[n] = import_bundle(s, bundle)
        except Exception as exc:
            outcomes[n] = exc

    threads = [threading.Thread(target=run, args=(n,)) for n in range(2)]
    for t in threads:
        t.start()
    for t in threads:
        t.join(60)
    refused = [o for o in outcomes if isinstance(o, Exception)]
    assert len(refused) == 1 and isinstance(refused[0], BundleError), outcomes
    assert refused[0].code == "bundle.already_imported"
    assert _count(db, Project) == 1
    assert _count(db, Person) == PEOPLE
    assert _count(db, Organisation) - orgs_before == len({o["name"] for o in bundle["organisations"]})
