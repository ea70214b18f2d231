"""Typed errors: a stable `code` and plain `values` the UI and CLI render in their language (core/messages.py).

`message` is always the Latvian rendering, so callers and tests that read it keep working. A site not yet given a
code raises with a plain Latvian `message` (code ""), shown as it is in every language.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from dataclasses import field as dataclass_field
from typing import Any, Self

Values = Mapping[str, Any]


def _latvian(code: str, values: Values) -> str:
    from projektu_vadiba.core.messages import render  # the catalogue imports nothing from here; late for cycles

    return render(code, values, "lv")


class AppError(Exception):
    """Base of every error a user can cause; `message` is Latvian, `code`/`values` render it in any language."""

    def __init__(self, message: str = "", *, code: str = "", values: Values | None = None) -> None:
        self.code = code
        self.values: dict[str, Any] = dict(values or {})
        self.message = message or (_latvian(code, self.values) if code else "")
        super().__init__(self.message)

    @classmethod
    def of(cls, code: str, /, **values: Any) -> Self:
        """`NotFoundError.of("project.number_not_found", number="A-1")`: the Latvian message from the catalogue."""
        return cls(code=code, values=values)


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str
    code: str = ""
    values: Mapping[str, Any] = dataclass_field(default_factory=dict, compare=False, hash=False)

    @classmethod
    def of(cls, field: str, code: str, /, **values: Any) -> FieldProblem:
        return cls(field, _latvian(code, values), code, values)


class ValidationError(AppError):
    """One or more fields are wrong; `problems` lets a form put each message next to its field."""

    def __init__(self, problems: list[FieldProblem] | FieldProblem) -> None:
        self.problems = [problems] if isinstance(problems, FieldProblem) else list(problems)
        super().__init__("; ".join(p.message for p in self.problems))
        if len(self.problems) == 1:  # one problem: the error renders as that problem
            self.code, self.values = self.problems[0].code, dict(self.problems[0].values)

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls(FieldProblem(field, message))

    @classmethod
    def coded(cls, field: str, code: str, /, **values: Any) -> ValidationError:
        return cls(FieldProblem.of(field, code, **values))

    def for_field(self, field: str) -> list[str]:
        return [p.message for p in self.problems if p.field == field]


class NotFoundError(AppError):
    pass


class DuplicateError(AppError):
    pass


class BundleError(AppError):
    """A project bundle (JSON) that cannot be read; the message names the place of the error."""
