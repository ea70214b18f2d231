"""Moving the demo organisation in time: the demo is built on fixed dates (its story stands on DEMO_TODAY) and then
every date of the database is moved by whole weeks so that the running project runs around the chosen day.

Whole weeks keep each event on its weekday (Saturday workshops stay on Saturdays); every date moves by the same
amount, so periods, deadlines, payments and attendance keep their order. What records when a row was really written
(created_at, a print's printed_at, the personal-data log) stays as it is: moving it would put it in the future.
"""

from __future__ import annotations

from datetime import date, datetime, timedelta
from typing import Any

from sqlalchemy import Date, DateTime, Table, bindparam, select, update
from sqlalchemy.orm import Session

from projektu_vadiba.core.models import Base

# The day the demo's story is told on: the macro project closed, the mentoring project in its second round.
DEMO_TODAY = date(2025, 11, 3)
# When a row was written (default clock.now): true as it is.
_WRITTEN = {"created_at", "updated_at", "printed_at", "added_at", "applied_at", "anonymised_at"}
_LOGS = {"personal_data_log"}


def demo_shift(today: date) -> timedelta:
    """Whole weeks from DEMO_TODAY to the week of `today` (0 when they are in the same week)."""
    return timedelta(weeks=round((today - DEMO_TODAY).days / 7))


def shift_dates(session: Session, by: timedelta) -> int:
    """Move every date and date-time of every table by `by`, and birth years by the whole years in it.
    Returns the number of values moved."""
    if not by:
        return 0
    moved = 0
    for table in Base.metadata.sorted_tables:
        moved += _shift_table(session, table, by)
    years = round(by.days / 365.25)
    if years:
        people = Base.metadata.tables["people"]
        session.execute(
            update(people).where(people.c.birth_year.is_not(None)).values(birth_year=people.c.birth_year + years)
        )
    session.expire_all()
    return moved


def _shift_table(session: Session, table: Table, by: timedelta, where: Any = None) -> int:
    if table.name in _LOGS:
        return 0
    columns = [c for c in table.columns if isinstance(c.type, Date | DateTime) and c.name not in _WRITTEN]
    keys = list(table.primary_key.columns)
    if not columns or not keys:
        return 0
    query = select(*keys, *columns)
    rows = session.execute(query if where is None else query.where(where)).all()
    if not rows:
        return 0
    params = []
    for row in rows:
        values: dict[str, object] = {f"k_{k.name}": row[i] for i, k in enumerate(keys)}
        for j, column in enumerate(columns, start=len(keys)):
            value: date | datetime | None = row[j]
            values[f"v_{column.name}"] = None if value is None else value + by
        params.append(values)
    statement = (
        update(table)
        .where(*(k == bindparam(f"k_{k.name}") for k in keys))
        .values({c.name: bindparam(f"v_{c.name}") for c in columns})
    )
    session.connection().execute(statement, params)
    return sum(1 for p in params for name, v in p.items() if name.startswith("v_") and v is not None)


def keep_in_one_year(session: Session) -> int:
    """Moving by whole weeks can push a project that must run within one calendar year (the funder's limit: a SIF
    micro project) over New Year's Eve; such a project, with everything dated that hangs on it, is then moved back by
    the fewest whole weeks that put it inside one year (back, so that what has happened stays in the past), and the
    demo does not warn about its own data. Returns how many projects were moved."""
    from projektu_vadiba.core import funders as profiles
    from projektu_vadiba.core.models import Project

    moved = 0
    for project in list(session.scalars(select(Project))):
        limit = profiles.load_profile(project.profile_key).limit_for(project.number)
        start, end = project.start_date, project.end_date
        if limit is None or not limit.same_calendar_year or start.year == end.year:
            continue
        over = (end - date(start.year, 12, 31)).days
        by = -timedelta(weeks=-(-over // 7))
        if (start + by).year != (end + by).year:
            continue  # longer than a year: nothing a move can mend
        shift_project(session, project.id, by)
        moved += 1
    session.expire_all()
    return moved


def shift_project(session: Session, project_id: int, by: timedelta) -> int:
    """Move the dates of one project and of every row that carries its project_id."""
    moved = 0
    for table in Base.metadata.sorted_tables:
        if table.name == "projects":
            moved += _shift_table(session, table, by, table.c.id == project_id)
        elif "project_id" in table.c:
            moved += _shift_table(session, table, by, table.c.project_id == project_id)
    return moved
