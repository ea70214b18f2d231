"""Undoable people and attendance changes, each one Command on the workspace's stack with a Latvian label.

Records are named by workspace Refs (ui/workspace.py): undoing "add a walk-in" deletes the new person, redoing it
creates them again with a new id, and every later command that names that person follows the new id.
(Anonymising, in the registry, is the one people change that cannot be undone: it asks first.)
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import replace
from datetime import date
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import PersonDTO, PersonInput
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.imports import Choice, ImportPlan, ImportResult, apply_plan, undo_import
from projektu_vadiba.core.imports.plan import Progress
from projektu_vadiba.core.models import AttendanceStatus
from projektu_vadiba.core.services import (
    attendance,
    attendance_changes,
    attendance_days,
    merge_undo,
    people,
    people_delete,
)
from projektu_vadiba.core.services.attendance_days import Presence
from projektu_vadiba.core.services.people_delete import DeletedPerson
from projektu_vadiba.ui.entities import Entity
from projektu_vadiba.ui.plural import count
from projektu_vadiba.ui.workspace import Command, Ref, Workspace


def person_impact(session: Session, person_id: int) -> list[str]:
    n = people_delete.attendance_count(session, person_id)
    if not n:
        return []
    return [
        count(
            n,
            QCoreApplication.translate("people", "ieraksts pasākumu sarakstos"),
            QCoreApplication.translate("people", "ieraksti pasākumu sarakstos"),
            QCoreApplication.translate("people", "ierakstu pasākumu sarakstos"),
        )
    ]


PERSON = Entity(
    "person",
    create=lambda s, _parent, data: people.create_person(s, data),
    update=people.update_person,
    delete=people_delete.delete_person,
    impact=person_impact,
    parent=None,
)


def _follow(ws: Workspace, ref: Ref | None, kind: str, new_id: int) -> Ref:
    """The Ref of a record this command made: the first time a new one, after a redo the same one, remapped."""
    if ref is None:
        return ws.ref(kind, new_id)
    ws.remap(ref, new_id)
    return ref


class AttendCommand(Command):
    """Put a person on an event's list with `status`: an existing person (id) or a new one (PersonInput, a
    walk-in). If they are on the list already, their status changes instead (undo puts the old one back)."""

    def __init__(
        self, ws: Workspace, event_id: int, person: int | PersonInput, status: AttendanceStatus, text: str
    ) -> None:
        super().__init__(ws, text)
        self.event_ref = ws.ref("event", event_id)
        self.new_person = person if isinstance(person, PersonInput) else None
        self.person_ref: Ref | None = ws.ref("person", person) if isinstance(person, int) else None
        self.status = status
        self.row_ref: Ref | None = None
        self.old: Presence | None = None  # the entry before, when the person was on the list already

    def do(self, session: Session) -> Any:
        if self.new_person is not None:
            made = people.create_person(session, self.new_person)
            self.person_ref = _follow(self.ws, self.person_ref, "person", made.id)
        assert self.person_ref is not None
        found = attendance_changes.find(session, self.event_ref.id, self.person_ref.id)
        self.old = None
        if found is None:
            row = attendance.register(session, self.event_ref.id, self.person_ref.id, self.status)
        else:
            if found.status is self.status:
                name = found.person.full_name
                raise ValidationError.single(
                    "person_id",
                    QCoreApplication.translate("people", "%1 jau ir šī pasākuma sarakstā.").replace("%1", name),
                )
            [self.old] = attendance_days.mark(session, [found.id], self.status)
            row = found
        self.row_ref = _follow(self.ws, self.row_ref, "attendance", row.id)
        return row

    def revert(self, session: Session) -> None:
        assert self.row_ref is not None and self.person_ref is not None
        if self.old is not None:
            attendance_days.put_back(session, self.row_ref.id, self.old)
            return
        attendance_changes.remove(session, [self.row_ref.id])
        if self.new_person is not None:
            people_delete.delete_person(session, self.person_ref.id)


class StatusCommand(Command):
    """A status for whole entries; undo gives each entry its own status and per-day ticks back."""

    def __init__(self, ws: Workspace, attendance_ids: list[int], status: AttendanceStatus, text: str) -> None:
        super().__init__(ws, text)
        self.refs = [ws.ref("attendance", aid) for aid in attendance_ids]
        self.status = status
        self.before: list[Presence] = []

    def do(self, session: Session) -> Any:
        self.before = attendance_days.mark(session, [r.id for r in self.refs], self.status)
        return len(self.before)

    def revert(self, session: Session) -> None:
        for ref, was in zip(self.refs, self.before, strict=True):
            attendance_days.put_back(session, ref.id, was)


class DayTickCommand(Command):
    """Tick (or untick) one day of a multi-day event for one entry; the status follows (attended on any day).
    Undo puts back the entry's status and days exactly."""

    def __init__(self, ws: Workspace, attendance_id: int, day: date, came: bool, text: str) -> None:
        super().__init__(ws, text)
        self.ref = ws.ref("attendance", attendance_id)
        self.day, self.came = day, came
        self.before: Presence | None = None

    def do(self, session: Session) -> Any:
        self.before = attendance_days.set_day(session, self.ref.id, self.day, self.came)
        return self.before

    def revert(self, session: Session) -> None:
        assert self.before is not None
        attendance_days.put_back(session, self.ref.id, self.before)


class AttendanceEditCommand(Command):
    """One value of list entries (status, role, "do not photograph"): `setter(session, ids, value)`; undo gives
    each entry its own old value back."""

    def __init__(
        self,
        ws: Workspace,
        setter: Callable[[Session, list[int], Any], object],
        old: Mapping[int, Any],
        new: Any,
        text: str,
    ) -> None:
        super().__init__(ws, text)
        self.setter = setter
        self.old = [(ws.ref("attendance", aid), value) for aid, value in old.items()]
        self.new = new

    def do(self, session: Session) -> Any:
        return self.setter(session, [ref.id for ref, _ in self.old], self.new)

    def revert(self, session: Session) -> None:
        for ref, value in self.old:
            self.setter(session, [ref.id], value)


def set_statuses(session: Session, ids: list[int], status: AttendanceStatus) -> object:
    return attendance.set_status(session, ids, status)


def set_roles(session: Session, ids: list[int], role: Any) -> object:
    return [attendance.set_role(session, aid, role) for aid in ids]


def set_no_photos(session: Session, ids: list[int], value: bool) -> object:
    return [attendance.set_no_photos(session, aid, value) for aid in ids]


class RemoveFromListCommand(Command):
    """Take entries off their lists; undo puts them back with status, role, marks and note."""

    def __init__(self, ws: Workspace, attendance_ids: list[int], text: str) -> None:
        super().__init__(ws, text)
        self.refs = [ws.ref("attendance", aid) for aid in attendance_ids]
        self.removed: list[tuple[Ref, Ref, Ref, attendance_changes.AttendanceSnapshot]] = []

    def do(self, session: Session) -> Any:
        snaps = attendance_changes.remove(session, [r.id for r in self.refs])
        by_id = dict(zip(sorted(r.id for r in self.refs), snaps, strict=True))
        self.removed = [
            (r, self.ws.ref("event", by_id[r.id].event_id), self.ws.ref("person", by_id[r.id].person_id), by_id[r.id])
            for r in self.refs
        ]
        return len(snaps)

    def revert(self, session: Session) -> None:
        for row_ref, event_ref, person_ref, snap in self.removed:
            new_id = attendance_changes.restore(session, snap, person_id=person_ref.id, event_id=event_ref.id)
            self.ws.remap(row_ref, new_id)


class DeletePersonCommand(Command):
    """Delete a person from the registry; undo brings them back with their lists, statuses and log."""

    def __init__(self, ws: Workspace, person_id: int, text: str) -> None:
        super().__init__(ws, text)
        self.ref = ws.ref("person", person_id)
        self.snap: DeletedPerson | None = None
        self.events: list[Ref] = []

    def do(self, session: Session) -> Any:
        self.snap = people_delete.delete_person(session, self.ref.id)
        self.events = [self.ws.ref("event", a.event_id) for a in self.snap.attendances]
        return self.snap

    def revert(self, session: Session) -> None:
        assert self.snap is not None
        event_ids = {a.event_id: ref.id for a, ref in zip(self.snap.attendances, self.events, strict=True)}
        back = people_delete.restore_person(session, self.snap, event_ids)
        self.ws.remap(self.ref, back.id)


class MergeCommand(Command):
    """Merge two records of one person; undo separates them again exactly (core.services.merge_undo)."""

    def __init__(self, ws: Workspace, survivor_id: int, other_id: int, text: str) -> None:
        super().__init__(ws, text)
        self.survivor, self.other = ws.ref("person", survivor_id), ws.ref("person", other_id)
        self.snap: merge_undo.MergeSnapshot | None = None

    def do(self, session: Session) -> Any:
        result, self.snap = merge_undo.merge_undoably(session, self.survivor.id, self.other.id)
        return result

    def revert(self, session: Session) -> None:
        assert self.snap is not None
        self.ws.remap(self.other, merge_undo.unmerge(session, self.snap, self.survivor.id))


class ImportCommand(Command):
    """A checked import (people, and entries on an event's list); undo takes all of it back."""

    leaves_upkeep = True  # a large one leaves its people's indexing and the merging for later (core.search_upkeep)

    def __init__(
        self,
        ws: Workspace,
        plan: ImportPlan,
        text: str,
        *,
        skip_invalid: bool,
        choices: Mapping[int, Choice],
        progress: Progress | None = None,
    ) -> None:
        super().__init__(ws, text)
        self.plan = plan
        self.event_ref = ws.ref("event", plan.event_id) if plan.event_id is not None else None
        self.skip_invalid, self.choices = skip_invalid, dict(choices)
        self.progress = progress  # the first run only: a redo is quick enough without a dialog
        self.result: ImportResult | None = None
        self.status: AttendanceStatus | None = None  # decided on the first run: a redo repeats it, whatever today is

    def do(self, session: Session) -> Any:
        event_id = self.event_ref.id if self.event_ref else None
        if self.status is None:
            self.status = (
                attendance_changes.default_status(session, event_id) if event_id else AttendanceStatus.REGISTERED
            )
        status = self.status
        result = apply_plan(
            session,
            replace(self.plan, event_id=event_id),
            skip_invalid=self.skip_invalid,
            choices=self.choices,
            default_status=status,
            progress=self.progress,
        )
        self.progress = None
        if self.result is not None:  # a redo: later commands naming the people made here follow their new ids
            for old, new in zip(self.result.created_ids, result.created_ids, strict=True):
                if self.ws.has_ref("person", old):
                    self.ws.remap(self.ws.ref("person", old), new)
        self.result = result
        return result

    def revert(self, session: Session) -> None:
        assert self.result is not None
        undo_import(session, self.event_ref.id if self.event_ref else None, self.result)


def person_label(p: PersonDTO | PersonInput) -> str:
    return f"{p.given_name} {p.surname}".strip()
