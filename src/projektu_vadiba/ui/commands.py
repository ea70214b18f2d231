"""Undoable commands over `entities`: create (undo deletes), edit (undo restores the old values), delete of a
record nothing hangs on (undo creates it again), and a pair of plain calls (mark a report submitted)."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import replace
from typing import Any

from PySide6.QtCore import QCoreApplication
from sqlalchemy.orm import Session

from projektu_vadiba.core.concurrency import ConflictError
from projektu_vadiba.core.services import event_delete, project_restore
from projektu_vadiba.core.services.event_delete import DeletedActivity, DeletedEvent
from projektu_vadiba.ui.entities import Entity
from projektu_vadiba.ui.workspace import Command, Ref, Workspace


def _refs_of(ws: Workspace, entity: Entity, data: Any) -> dict[str, Ref]:
    refs: dict[str, Ref] = {}
    for field, kind in entity.refs:
        value = getattr(data, field, None)
        if value is not None:
            refs[field] = ws.ref(kind, value)
    return refs


def _resolve(data: Any, refs: dict[str, Ref]) -> Any:
    """The input with today's ids of the records it points at (they may have been re-created by undo/redo)."""
    return replace(data, **{field: ref.id for field, ref in refs.items()}) if refs else data


class CreateCommand(Command):
    def __init__(self, ws: Workspace, entity: Entity, parent_id: int | None, data: Any, text: str) -> None:
        super().__init__(ws, text)
        self.entity = entity
        self.parent_ref = ws.ref(entity.parent, parent_id) if entity.parent and parent_id is not None else None
        self.data = data
        self.refs = _refs_of(ws, entity, data)
        self.ref: Ref | None = None

    def do(self, session: Session) -> Any:
        parent_id = self.parent_ref.id if self.parent_ref else 0
        dto = self.entity.create(session, parent_id, _resolve(self.data, self.refs))
        if self.ref is None:
            self.ref = self.ws.ref(self.entity.key, dto.id)
        else:
            self.ws.remap(self.ref, dto.id)
        self.ref.version = getattr(dto, "version", None)
        return dto

    def revert(self, session: Session) -> None:
        assert self.ref is not None
        self.entity.delete(session, self.ref.id)

    def undo_warning(self, session: Session) -> str | None:
        if self.ref is None:
            return None
        lines = self.entity.impact(session, self.ref.id)
        if not lines:
            return None
        return (
            QCoreApplication.translate(
                "Workspace", "Atsaucot “%1”, tiks dzēsti arī kopš tā laika pievienotie dati:\n%2\n\nAtsaukt?"
            )
            .replace("%1", self.text())
            .replace("%2", "\n".join(f"• {line}" for line in lines))
        )


class EditCommand(Command):
    """Saves `new` over `old`. A versioned input (core/concurrency.py) saves at the version the form was loaded
    with; undo and redo expect the version this window last saved (`Ref.version`), so either one over someone
    else's later change is a conflict (the step is dropped and the user told), never an overwrite."""

    def __init__(self, ws: Workspace, entity: Entity, id_: int, old: Any, new: Any, text: str) -> None:
        super().__init__(ws, text)
        self.entity = entity
        self.ref = ws.ref(entity.key, id_)
        self.old, self.new = old, new
        self.old_refs, self.new_refs = _refs_of(ws, entity, old), _refs_of(ws, entity, new)
        # Checked only when the form named the version it was loaded with (scripts and older callers save as before).
        self.versioned = getattr(new, "version", None) is not None
        if self.versioned:
            self.ref.version = new.version

    def _save(self, session: Session, data: Any, refs: dict[str, Ref]) -> Any:
        data = _resolve(data, refs)
        if hasattr(data, "version"):  # unversioned: the old values (read with a version) restore without a check
            data = replace(data, version=self.ref.version if self.versioned else None)
        dto = self.entity.update(session, self.ref.id, data)
        if self.versioned:
            self.ref.version = getattr(dto, "version", None)
        return dto

    def first_run(self) -> object:
        try:
            return super().first_run()
        except ConflictError as exc:
            raise exc.with_original(self.old) from None  # the dialog shows what the form started from

    def do(self, session: Session) -> Any:
        return self._save(session, self.new, self.new_refs)

    def revert(self, session: Session) -> None:
        self._save(session, self.old, self.old_refs)

    def rebased(self, conflict: ConflictError, data: Any) -> EditCommand:
        """The same edit made again over their version: undo brings their values back, not mine of before."""
        return EditCommand(self.ws, self.entity, self.ref.id, conflict.theirs, data, self.text())

    def kept_theirs(self, conflict: ConflictError) -> Any:
        """The user keeps their version: nothing is written; the record as it is now goes back to the form."""
        self.ref.version = conflict.current
        with self.ws.session() as s:
            return self.entity.update(s, self.ref.id, conflict.theirs)  # the same values: no UPDATE is made


class DeleteCommand(Command):
    """Deleting a record nothing else hangs on (an indicator, a partner): undo creates it again from its values."""

    def __init__(self, ws: Workspace, entity: Entity, id_: int, parent_id: int | None, data: Any, text: str) -> None:
        super().__init__(ws, text)
        self.entity = entity
        self.ref = ws.ref(entity.key, id_)
        self.parent_ref = ws.ref(entity.parent, parent_id) if entity.parent and parent_id is not None else None
        self.data = data
        self.refs = _refs_of(ws, entity, data)

    def do(self, session: Session) -> Any:
        return self.entity.delete(session, self.ref.id)

    def revert(self, session: Session) -> None:
        parent_id = self.parent_ref.id if self.parent_ref else 0
        dto = self.entity.create(session, parent_id, _resolve(self.data, self.refs))
        self.ws.remap(self.ref, dto.id)


class CallCommand(Command):
    """Two service calls that undo each other (mark a report submitted / not submitted)."""

    def __init__(self, ws: Workspace, do: Callable[[Session], Any], undo: Callable[[Session], Any], text: str) -> None:
        super().__init__(ws, text)
        self._do, self._undo = do, undo

    def do(self, session: Session) -> Any:
        return self._do(session)

    def revert(self, session: Session) -> None:
        self._undo(session)


class EventDeleteCommand(Command):
    """Deleting an event with its attendance list; undo makes it again, list and all (core.services.event_delete).
    The records it names (its activity, the people on the list) are followed through their Refs."""

    def __init__(self, ws: Workspace, event_id: int, text: str) -> None:
        super().__init__(ws, text)
        self.ref = ws.ref("event", event_id)
        self.deleted: DeletedEvent | None = None
        self.activity_ref: Ref | None = None
        self.person_refs: dict[int, Ref] = {}

    def do(self, session: Session) -> Any:
        self.deleted = deleted = event_delete.delete_event(session, self.ref.id)
        if deleted.data.activity_id is not None:
            self.activity_ref = self.ws.ref("activity", deleted.data.activity_id)
        self.person_refs = {s.person_id: self.ws.ref("person", s.person_id) for s in deleted.attendance}
        return None

    def revert(self, session: Session) -> None:
        assert self.deleted is not None
        new_id = event_delete.restore_event(
            session,
            self.deleted,
            activity_id=self.activity_ref.id if self.activity_ref else None,
            person_ids={old: ref.id for old, ref in self.person_refs.items()},
        )
        self.ws.remap(self.ref, new_id)


class ActivityDeleteCommand(Command):
    """Deleting an activity with its events and their lists; undo makes them all again and links the indicators
    that named the activity back to it."""

    def __init__(self, ws: Workspace, activity_id: int, text: str) -> None:
        super().__init__(ws, text)
        self.ref = ws.ref("activity", activity_id)
        self.deleted: DeletedActivity | None = None
        self.event_refs: list[Ref] = []
        self.person_refs: dict[int, Ref] = {}
        self.indicator_refs: dict[int, Ref] = {}

    def do(self, session: Session) -> Any:
        self.deleted = deleted = event_delete.delete_activity(session, self.ref.id)
        self.event_refs = [self.ws.ref("event", e.event_id) for e in deleted.events]
        self.person_refs = {
            s.person_id: self.ws.ref("person", s.person_id) for e in deleted.events for s in e.attendance
        }
        self.indicator_refs = {i: self.ws.ref("indicator", i) for i in deleted.indicator_ids}
        return None

    def revert(self, session: Session) -> None:
        assert self.deleted is not None
        activity_id, event_ids = event_delete.restore_activity(
            session,
            self.deleted,
            person_ids={old: ref.id for old, ref in self.person_refs.items()},
            indicator_ids={old: ref.id for old, ref in self.indicator_refs.items()},
        )
        self.ws.remap(self.ref, activity_id)
        for ref, new_id in zip(self.event_refs, event_ids, strict=True):
            self.ws.remap(ref, new_id)


class ProjectDeleteCommand(Command):
    """Deleting a project with everything on it; undo imports it again from the bundle kept at the delete."""

    def __init__(self, ws: Workspace, project_id: int, text: str) -> None:
        super().__init__(ws, text)
        self.ref = ws.ref("project", project_id)
        self.deleted: project_restore.DeletedProject | None = None
        self.person_refs: dict[str, Ref] = {}

    def do(self, session: Session) -> Any:
        self.deleted = project_restore.delete_project(session, self.ref.id)
        self.person_refs = {key: self.ws.ref("person", pid) for key, pid in self.deleted.people.items()}
        return None

    def revert(self, session: Session) -> None:
        assert self.deleted is not None
        people = {key: ref.id for key, ref in self.person_refs.items()}
        self.ws.remap(self.ref, project_restore.restore_project(session, self.deleted, people))
