"""The three parts of team mode on one team database: users and row security (core/team), row versions and live
refresh (core/concurrency, core/live_changes), the connection check (core/connection), each as a user logs in."""

from __future__ import annotations

from dataclasses import replace

import pytest

from projektu_vadiba.core import connection
from projektu_vadiba.core.concurrency import ConflictError
from projektu_vadiba.core.live_changes import ChangeListener
from projektu_vadiba.core.services import activities
from projektu_vadiba.core.services.event_delete import event_input
from projektu_vadiba.core.team.audit import AuditFilter, read_log
from tests.team.conftest import Team

WAIT = 10.0  # seconds a notification may take on a loaded machine (a bound, not a measured time)


def test_every_user_connects_and_only_an_administrator_may_upgrade(team: Team) -> None:
    admin = connection.check(team.server.url_as(team.server.admin))
    assert (admin.ok, admin.code, admin.may_migrate) == (True, "connection.ok", True)
    for role in ("manager", "staff", "viewer"):
        user = connection.check(team.server.url_as(team.user(role)))
        assert (user.ok, user.code, user.may_migrate) == (True, "connection.ok", False), role


def test_two_users_saving_one_event_under_row_security_one_conflict_and_one_audited_change(team: Team) -> None:
    staff, manager = team.server.open_as(team.user("staff")), team.server.open_as(team.user("manager"))
    try:
        with staff.session() as s:
            mine = event_input(activities.get_event(s, team.event_a))
        with manager.session() as s:
            theirs = event_input(activities.get_event(s, team.event_a))
            activities.update_event(s, team.event_a, replace(theirs, place="Rēzeknes bibliotēka"))
        with pytest.raises(ConflictError) as conflict, staff.session() as s:
            activities.update_event(s, team.event_a, replace(mine, planned_participants=25))
        assert {d.name for d in conflict.value.fields} == {"place", "planned_participants"}
        with staff.session() as s:  # the manager's save stands, nothing of the stale one was written
            event = activities.get_event(s, team.event_a)
        assert (event.place, event.planned_participants) == ("Rēzeknes bibliotēka", theirs.planned_participants)
    finally:
        staff.close()
        manager.close()
    admin = team.server.open_as(team.server.admin)
    try:
        with admin.session() as s:
            log = read_log(s, AuditFilter(project_id=team.project_a, table="events"))
    finally:
        admin.close()
    updates = [row for row in log if row.operation == "UPDATE" and row.row_id == str(team.event_a)]
    assert [(row.user, {c.field: c.new for c in row.changes}.get("place")) for row in updates] == [
        (team.user("manager"), "Rēzeknes bibliotēka")
    ]


def test_a_staff_members_save_reaches_another_users_listener(team: Team) -> None:
    listener = ChangeListener(team.server.url_as(team.server.admin))
    staff = team.server.open_as(team.user("staff"))
    try:
        listener.wait(0.5)  # whatever earlier tests left queued
        with staff.session() as s:
            form = event_input(activities.get_event(s, team.event_a))
            activities.update_event(s, team.event_a, replace(form, description="Atnāk arī kaimiņi"))
        heard = listener.wait(WAIT)
        assert [(c.table, c.project_id) for c in heard] == [("events", team.project_a)]
    finally:
        staff.close()
        listener.close()
