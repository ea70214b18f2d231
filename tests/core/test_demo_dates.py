"""The demo moved to stand around today: the same story, every date moved by the same whole weeks."""

from __future__ import annotations

from datetime import date, datetime, timedelta
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import select

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.demo_dates import DEMO_TODAY, demo_shift
from projektu_vadiba.core.models import Project, ProjectStatus
from projektu_vadiba.core.services import projects
from tests.core.test_demo import _snapshot

AROUND = date(2026, 12, 4)


def _moved(value: Any, by: timedelta) -> Any:
    if isinstance(value, date | datetime):
        return value + by
    if isinstance(value, tuple):
        return tuple(_moved(v, by) for v in value)
    return value


def _starts(db: Database) -> dict[str, date]:
    with db.session() as s:
        return {p.number: p.start_date for p in projects.list_projects(s)}


def test_shift_is_whole_weeks_towards_the_chosen_day() -> None:
    assert demo_shift(DEMO_TODAY) == timedelta(0)
    assert demo_shift(DEMO_TODAY + timedelta(days=3)) == timedelta(0)
    by = demo_shift(AROUND)
    assert by.days % 7 == 0
    assert abs((DEMO_TODAY + by) - AROUND) <= timedelta(days=3)


def test_demo_around_a_day_is_the_fixed_demo_moved_by_whole_weeks(db: Database, tmp_path: Path) -> None:
    fixed = open_database(f"sqlite:///{tmp_path / 'fixed.sqlite'}")
    try:
        with fixed.session() as s:
            fill_demo(s)
        expected = _snapshot(fixed)
        fixed_starts = _starts(fixed)
    finally:
        fixed.close()
    with db.session() as s:
        fill_demo(s, around=AROUND)
    got = _snapshot(db)
    by = demo_shift(AROUND)
    years = round(by.days / 365.25)
    # Each project moved by whole weeks: `by`, or a week or two less for one that had to stay inside one calendar
    # year (the SIF micro project; keep_in_one_year). Events, attendance, expenses and payments keep their order,
    # weekday and every other value.
    starts = {number: start - fixed_starts[number] for number, start in _starts(db).items()}
    assert all(timedelta(0) <= by - moved < timedelta(weeks=6) and moved.days % 7 == 0 for moved in starts.values())
    assert sum(moved != by for moved in starts.values()) <= 1
    assert got["events"] == [_moved(e, starts[e[0]]) for e in expected["events"]]
    assert [e[2].weekday() for e in got["events"]] == [e[2].weekday() for e in expected["events"]]
    if all(moved == by for moved in starts.values()):
        assert got["money"] == [_moved(m, by) for m in expected["money"]]
    else:
        assert len(got["money"]) == len(expected["money"])
    assert got["attendance"] == expected["attendance"] and got["indicators"] == expected["indicators"]
    # People are as old as they were: birth years move with the story.
    assert [p[:5] for p in got["people"]] == [p[:5] for p in expected["people"]]
    assert [p[5] + years if p[5] else None for p in expected["people"]] == [p[5] for p in got["people"]]
    with db.session() as s:
        listed = projects.list_projects(s)
        running = [p for p in listed if p.status is ProjectStatus.RUNNING]
        assert running and all(p.start_date <= AROUND <= p.end_date for p in running)
        written = s.scalars(select(Project.created_at)).all()
        assert written and all(at.date() <= date.today() for at in written)  # when rows were written stays true


@pytest.mark.parametrize("around", [date(2026, 12, 5), date(2027, 2, 1), date(2026, 6, 15)])
def test_a_moved_demo_keeps_within_the_funders_limits(db: Database, around: date) -> None:
    """Whole weeks can push the micro project over New Year's Eve; it then ends on 31 December, warning-free."""
    with db.session() as s:
        fill_demo(s, around=around)
        details = [projects.get_project(s, p.id) for p in projects.list_projects(s)]
    assert [(d.number, d.warnings) for d in details if d.warnings] == []
    micro = next(d for d in details if "/MIC/" in d.number)
    assert micro.start_date.year == micro.end_date.year
