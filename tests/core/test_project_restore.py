"""Deleting a project so that undo can bring it back: the project made again from its bundle is the same project
(its bundle, exported again, is equal), people are matched in the registry rather than duplicated; a project with a
printed sheet is not offered as restorable."""

from __future__ import annotations

from typing import Any

from projektu_vadiba.core.bundle.export import export_project
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.models import Person
from projektu_vadiba.core.models.evidence import PrintPage, SheetPrint
from projektu_vadiba.core.services import activities, project_restore, projects

NUMBER = "2025.LV/NVOF/MIC/041"  # the demo's mentoring project: events, lists, budget, expenses, payments


def _same(bundle: dict[str, Any]) -> dict[str, Any]:
    """The bundle with its people named by who they are, not by their place in the list (ids differ after undo)."""
    who = {p["key"]: (p["given_name"], p["surname"], p.get("email")) for p in bundle["people"]}
    out = {k: v for k, v in bundle.items() if k not in ("people", "attendance")}
    out["people"] = sorted((str(who[p["key"]]), str({**p, "key": ""})) for p in bundle["people"])
    out["attendance"] = sorted(str({**a, "person": who[a["person"]]}) for a in bundle["attendance"])
    return out


def test_a_deleted_project_comes_back_the_same(db: Database) -> None:
    with db.session() as s:
        fill_demo(s)
        pid = projects.find_project_id(s, NUMBER)
        before = export_project(s, NUMBER)
        people = s.query(Person).count()
        assert project_restore.restorable(s, pid)
        kept = project_restore.delete_project(s, pid)
    assert kept.bundle == before
    with db.session() as s:
        assert all(p.number != NUMBER for p in projects.list_projects(s))
        again = project_restore.restore_project(s, kept)
        assert projects.get_project(s, again).number == NUMBER
        assert _same(export_project(s, NUMBER)) == _same(before)
        assert s.query(Person).count() == people  # matched, not made twice


def test_a_project_with_a_printed_sheet_is_not_restorable(db: Database) -> None:
    with db.session() as s:
        fill_demo(s)
        pid = projects.find_project_id(s, NUMBER)
        event = activities.list_events(s, pid)[0]
        stamp = SheetPrint(installation="test")
        s.add(stamp)
        s.flush()
        s.add(PrintPage(print_id=stamp.id, event_id=event.id, page=1, geometry="{}"))
        s.flush()
        assert not project_restore.restorable(s, pid)
