"""No lost updates: a save names the version its form was loaded with, and saving over a newer version is a
conflict that carries both versions field by field, never a silent overwrite.

Every editable row carries `version` (models/base.py `Versioned`, SQLAlchemy's version counter). An edit service
locks its row (`locked`: SELECT … FOR UPDATE on PostgreSQL, so two saves of the same row take turns) and calls
`check_version` before it writes. A form that loaded version 3 saves with `version=3` in its input; if the row is
at 4 by then, `ConflictError` says who holds what: `mine` (the input being saved), `theirs` (the row as it is now,
as an input) and, when the caller knows it, `original` (what the form was loaded with). An input without a
version (a script, an import) saves as before.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, fields, replace
from typing import Any, TypeVar

from sqlalchemy.orm import Session

from projektu_vadiba.core.errors import AppError, NotFoundError
from projektu_vadiba.core.models.base import Base

M = TypeVar("M", bound=Base)
I = TypeVar("I")  # noqa: E741 — an input dataclass

# The catalogue term of each record kind, for the message ("term.event" → "pasākums").
KIND_TERMS = {
    "activity": "term.activity",
    "attendance": "term.attendance",
    "budget_line": "term.budget_line",
    "cofinancing": "term.cofinancing",
    "deadline": "term.deadline",
    "event": "term.event",
    "expense": "term.expense",
    "indicator": "term.indicator",
    "organisation": "term.organisation",
    "partner": "term.partner",
    "payment": "term.payment",
    "person": "term.person",
    "project": "term.project",
}


@dataclass(frozen=True)
class FieldDiff:
    """One field of a conflict: what the form was loaded with, what the user typed, what is saved now."""

    name: str
    original: Any
    mine: Any
    theirs: Any

    @property
    def changed_by_me(self) -> bool:
        return bool(self.mine != self.original)

    @property
    def changed_by_them(self) -> bool:
        return bool(self.theirs != self.original)

    @property
    def suggested_mine(self) -> bool:
        """The side a merge starts from: mine where only I changed it, theirs where they changed it."""
        return self.changed_by_me and not self.changed_by_them


class ConflictError(AppError):
    """Someone saved the record after this user's form was loaded. `fields` lists the fields where `mine` and
    `theirs` differ; `merged(choice)` builds the input to save from a per-field choice."""

    def __init__(
        self,
        kind: str,
        record_id: int,
        expected: int,
        current: int,
        mine: Any,
        theirs: Any,
        original: Any = None,
    ) -> None:
        super().__init__(
            code="conflict.changed",
            values={"what": KIND_TERMS.get(kind, kind), "mine": expected, "theirs": current},
        )
        self.kind, self.record_id = kind, record_id
        self.expected, self.current = expected, current
        self.mine, self.theirs, self.original = mine, theirs, original

    def with_original(self, original: Any) -> ConflictError:
        return ConflictError(self.kind, self.record_id, self.expected, self.current, self.mine, self.theirs, original)

    @property
    def fields(self) -> tuple[FieldDiff, ...]:
        original = self.original if self.original is not None else self.theirs
        return tuple(
            FieldDiff(name, getattr(original, name), getattr(self.mine, name), getattr(self.theirs, name))
            for name in _names(self.mine)
            if getattr(self.mine, name) != getattr(self.theirs, name)
        )

    def merged(self, take_mine: Callable[[str], bool]) -> Any:
        """Their record with my value in each differing field `take_mine` picks, at their version: saving it
        overwrites nothing unseen."""
        chosen = {d.name: d.mine for d in self.fields if take_mine(d.name)}
        return replace(self.theirs, **chosen, version=self.current)


def _names(data: Any) -> list[str]:
    return [f.name for f in fields(data) if f.name != "version"]


def locked(session: Session, model: type[M], id_: int, term: str) -> M:
    """The row, read again under a row lock on PostgreSQL (FOR UPDATE: a concurrent save of the same row waits
    for this transaction), so the version check and the write see the same version."""
    row = session.get(model, id_, with_for_update=True, populate_existing=True)
    if row is None:
        raise NotFoundError.of("not_found.record", what=term, id=id_)
    return row


def check_version(row: Any, kind: str, data: I, theirs: Callable[[], I]) -> None:
    """Raise ConflictError when `data` was made from an older version of `row`; `theirs()` turns the row as it is
    now into an input (called only on a conflict)."""
    expected = getattr(data, "version", None)
    if not expected or expected == row.version:  # None or 0: read without its version (a script, an old DTO)
        return
    raise ConflictError(kind, row.id, expected, row.version, data, replace(theirs(), version=row.version))  # type: ignore[type-var]


def touch(row: Any) -> None:
    """A change made only in the row's children (a project's target groups, a budget line's amounts): its own
    version must grow too, or a form loaded before would save the old children back unseen. The UPDATE is forced
    even when the clock stands still (tests freeze it)."""
    from sqlalchemy.orm.attributes import flag_modified

    from projektu_vadiba.core import clock

    row.updated_at = clock.now()
    flag_modified(row, "updated_at")


def stale_write(kind: str = "") -> AppError:
    """An UPDATE that matched no row at the version it read (SQLAlchemy's StaleDataError): someone saved the same
    row between this session's read and its write. Nothing of this use case was saved."""
    return AppError.of("conflict.stale", what=KIND_TERMS.get(kind, "term.record"))
