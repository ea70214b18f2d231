"""The window's working state: the database, the undo stack and the one "data changed" signal.

Every change goes through here: a form builds an input, an undoable command calls the service, the workspace
pushes the command and emits `dataChanged` once; each open view then reloads itself. No view tells another one
to reload.

Records are referred to through `Ref`s: undoing a "create" deletes the record and redoing it creates a new one
with a new id, so every command that names that record holds the same Ref and sees the new id.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Signal
from PySide6.QtGui import QUndoCommand, QUndoStack
from PySide6.QtWidgets import QMessageBox, QWidget
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from projektu_vadiba.core.concurrency import ConflictError
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.services.report_texts import TextsConflict
from projektu_vadiba.core.team.access import Access, my_access
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.upkeep import Upkeep

T = TypeVar("T")


@dataclass(eq=False)
class Ref:
    """A record as the undo history knows it: `id` follows it when undo/redo re-creates it."""

    kind: str
    id: int
    # The record's version after this window's last save of it (core/concurrency.py): undo and redo expect it, so
    # undoing over someone else's later change is a conflict, never an overwrite. None: not versioned.
    version: int | None = None


class Workspace(QObject):
    dataChanged = Signal()
    problem = Signal(str)  # a Latvian message for the user (an undo that could not be done)
    connectionLost = Signal()  # the team server went away during a use case (ui/connection_state.py listens)

    def __init__(self, db: Database, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self.db = db
        self.undo_stack = QUndoStack(self)
        self._refs: dict[tuple[str, int], Ref] = {}
        # Asked when a save meets someone else's newer version: returns the command to run instead (their values,
        # mine, or a merge) or None (keep theirs, save nothing); raising keeps the form open. ui/conflict_dialog.py.
        self.resolve_conflict: Callable[[Command, ConflictError], Command | None] = _ask_user
        self._access: Access | None = None
        self.upkeep = Upkeep()

    @property
    def access(self) -> Access:
        """What the connected user may do (core.team.access): read once; one person on SQLite may do all."""
        if self._access is None:
            self._access = self.read(my_access)
        return self._access

    def set_access(self, access: Access | None) -> None:
        """None: read it again from the database (after the administrator changed the user's roles)."""
        self._access = access

    def hidden_sections(self, project_id: int) -> frozenset[str]:
        """The project's sections this user is not shown: the money for those who may not read it."""
        return frozenset() if self.access.sees_finance(project_id) else frozenset({"budget"})

    @contextmanager
    def session(self) -> Iterator[Session]:
        try:
            with self.db.session() as s:
                yield s
        except AppError as exc:
            self._note_lost(exc)
            raise

    def read(self, query: Callable[[Session], T]) -> T:
        """Run a read-only service call in its own transaction."""
        with self.session() as s:
            return query(s)

    def dry_run(self, change: Callable[[Session], object]) -> None:
        """Run a change and roll it back: the service's validation speaks (ValidationError), nothing is kept."""
        try:
            with self.db.sessions() as s:
                s.begin()
                try:
                    change(s)
                finally:
                    s.rollback()
        except DBAPIError as exc:
            from projektu_vadiba.core.connection import connection_lost, lost_error

            if connection_lost(exc):
                self.connectionLost.emit()
                raise lost_error() from exc
            raise

    def _note_lost(self, exc: AppError) -> None:
        if exc.code == "db.connection_lost":
            self.connectionLost.emit()

    def use_database(self, db: Database) -> None:
        """Work on another database from now on: the undo history named the old one's records, so it goes."""
        self.upkeep.stop()
        self.db = db
        self.undo_stack.clear()
        self._refs.clear()
        self._access = None  # read again from the new database
        self.dataChanged.emit()

    # ---- references ----------------------------------------------------------------------------------

    def ref(self, kind: str, id_: int) -> Ref:
        ref = self._refs.get((kind, id_))
        if ref is None:
            ref = self._refs[(kind, id_)] = Ref(kind, id_)
        return ref

    def has_ref(self, kind: str, id_: int) -> bool:
        """Whether any command of the history names this record."""
        return (kind, id_) in self._refs

    def remap(self, ref: Ref, new_id: int) -> None:
        self._refs.pop((ref.kind, ref.id), None)
        ref.id = new_id
        if ref.version is not None:  # made again: a new row starts at version 1 (CreateCommand reads its DTO's)
            ref.version = 1
        self._refs[(ref.kind, new_id)] = ref

    # ---- running changes -----------------------------------------------------------------------------

    def execute(self, command: Command) -> object:
        """Run the command now (a ValidationError goes back to the form, nothing is pushed), then keep it for undo.
        A conflict with someone else's save goes to `resolve_conflict`, as often as saves keep crossing."""
        while True:
            try:
                result = command.first_run()
                break
            except ConflictError as exc:
                instead = self.resolve_conflict(command, exc)
                if instead is None:  # their version stays: nothing of mine is saved, the views show theirs
                    self.dataChanged.emit()
                    return getattr(command, "kept_theirs", lambda _exc: None)(exc)
                command = instead
        self.undo_stack.push(command)
        self.dataChanged.emit()
        self._upkeep_after(command)
        return result

    def tidy_later(self) -> None:
        """Start what a bulk change left for later (ui.upkeep) on a background thread."""
        self.upkeep.start(self.db)

    def _upkeep_after(self, command: QUndoCommand | None) -> None:
        if getattr(command, "leaves_upkeep", False):
            self.tidy_later()

    def execute_irreversibly(self, change: Callable[[Session], T]) -> T:
        """A change undo cannot bring back (deleting a project with its events): the user was asked first. The
        history is cleared: older commands may name the records that are gone now."""
        with self.session() as s:
            result = change(s)
        self.undo_stack.clear()
        self._refs.clear()
        self.dataChanged.emit()
        return result

    def undo(self, parent: QWidget | None = None) -> None:
        if not self.undo_stack.canUndo():
            return
        command = self.undo_stack.command(self.undo_stack.index() - 1)
        if isinstance(command, Command) and not command.confirm_undo(parent):
            return
        self.undo_stack.undo()
        if not self._keep_place_if_offline(command, undone=True):
            self.dataChanged.emit()
            self._upkeep_after(command)  # taking a large import back leaves the same (PostgreSQL: the GIN list)

    def redo(self) -> None:
        if self.undo_stack.canRedo():
            command = self.undo_stack.command(self.undo_stack.index())
            self.undo_stack.redo()
            if not self._keep_place_if_offline(command, undone=False):
                self.dataChanged.emit()
                self._upkeep_after(command)

    def _keep_place_if_offline(self, command: QUndoCommand | None, *, undone: bool) -> bool:
        """The server was away, so nothing was undone (or redone): the history goes back to where it was, the step
        stays in it for when the server is back (the connection banner says why nothing happened). Returns
        whether that was so (then nothing changed and the views need not reload)."""
        if not isinstance(command, Command) or not command.failed_offline:
            return False
        command.failed_offline = False
        command.skip_next = True  # moving the stack's index back must not run the step against the server
        if undone:
            self.undo_stack.redo()
        else:
            self.undo_stack.undo()
        return True


class Command(QUndoCommand):
    """An undoable change: `do()` and `revert()` each call services in one transaction."""

    def __init__(self, workspace: Workspace, text: str) -> None:
        super().__init__(text)
        self.ws = workspace
        self._pushed_done = False
        self.failed_offline = False  # the last undo/redo met no server: nothing changed (Workspace steps back)
        self.skip_next = False

    def do(self, session: Session) -> object:
        raise NotImplementedError

    def revert(self, session: Session) -> None:
        raise NotImplementedError

    def undo_warning(self, session: Session) -> str | None:
        """A question to ask before undoing (undoing a "create" would delete what was added to it since)."""
        return None

    def first_run(self) -> object:
        with self.ws.session() as s:
            result = self.do(s)
        self._pushed_done = True  # QUndoStack.push calls redo(): it is already done
        return result

    def redo(self) -> None:
        if self._pushed_done or self.skip_next:
            self._pushed_done = self.skip_next = False
            return
        self._guarded(self.do)

    def undo(self) -> None:
        if self.skip_next:
            self.skip_next = False
            return
        self._guarded(self.revert)

    def confirm_undo(self, parent: QWidget | None) -> bool:
        try:
            with self.ws.session() as s:
                question = self.undo_warning(s)
        except AppError:
            return True  # undo itself will explain
        if not question:
            return True
        answer = QMessageBox.question(
            parent,
            QCoreApplication.translate("Workspace", "Atsaukt"),
            question,
            QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No,
            QMessageBox.StandardButton.No,
        )
        return answer == QMessageBox.StandardButton.Yes

    def _guarded(self, step: Callable[[Session], object]) -> None:
        try:
            with self.ws.session() as s:
                step(s)
        except (ConflictError, TextsConflict):
            # Someone else changed the record after this step: undoing would overwrite their change.
            self.setObsolete(True)
            self.ws.problem.emit(text_of(AppError.of("conflict.undo", action=self.text())))
        except AppError as exc:
            if exc.code == "db.connection_lost":  # nothing happened; the step stays (ws.session told the banner)
                self.failed_offline = True
                return
            # The record changed or went away meanwhile: drop this step from the history and say why.
            self.setObsolete(True)
            self.ws.problem.emit(text_of(exc))


def _ask_user(command: Command, conflict: ConflictError) -> Command | None:
    from projektu_vadiba.ui.conflict_dialog import resolve

    return resolve(command, conflict)
