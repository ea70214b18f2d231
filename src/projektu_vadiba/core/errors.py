"""Typed errors carrying a Latvian message the UI and CLI can show as they are."""

from __future__ import annotations

from dataclasses import dataclass


class AppError(Exception):
    """Base of every error a user can cause; `message` is Latvian and shown verbatim."""

    def __init__(self, message: str) -> None:
        super().__init__(message)
        self.message = message


@dataclass(frozen=True)
class FieldProblem:
    field: str
    message: str


class ValidationError(AppError):
    """One or more fields are wrong; `problems` lets a form put each message next to its field."""

    def __init__(self, problems: list[FieldProblem] | FieldProblem) -> None:
        self.problems = [problems] if isinstance(problems, FieldProblem) else list(problems)
        super().__init__("; ".join(p.message for p in self.problems))

    @classmethod
    def single(cls, field: str, message: str) -> ValidationError:
        return cls(FieldProblem(field, message))

    def for_field(self, field: str) -> list[str]:
        return [p.message for p in self.problems if p.field == field]


class NotFoundError(AppError):
    pass


class DuplicateError(AppError):
    pass


class BundleError(AppError):
    """A project bundle (JSON) that cannot be read; the message names the place of the error."""
