"""Results of the people area beyond PersonDTO / AttendanceDTO: duplicates, merges, anonymisation, counts."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from projektu_vadiba.core.dto import PersonDTO


@dataclass(frozen=True)
class DuplicateCandidate:
    """An existing person who is probably the one being added; `reasons` are Latvian phrases for the UI."""

    person: PersonDTO
    reasons: tuple[str, ...]


@dataclass(frozen=True)
class MergeResult:
    survivor: PersonDTO
    moved: int  # attendance rows moved to the survivor
    combined: int  # events both were on: one row kept, the better status
    filled: tuple[str, ...]  # survivor's empty fields filled from the merged record


@dataclass(frozen=True)
class KeptPerson:
    """A person of the project left as they are: they are also on a list of a project still kept."""

    person_id: int
    full_name: str
    other_projects: tuple[str, ...]  # numbers of the projects that keep them


@dataclass(frozen=True)
class AnonymisePlan:
    """What "anonymise the project" will do, said before it is done."""

    project_id: int
    project_number: str
    retention_until: date | None
    retention_passed: bool
    to_anonymise: int
    already_anonymised: int
    kept: tuple[KeptPerson, ...]


@dataclass(frozen=True)
class AnonymiseResult:
    anonymised: int
    kept: tuple[KeptPerson, ...]


@dataclass(frozen=True)
class StatRow:
    """One value of a breakdown: distinct people and attendances; key "" = not recorded."""

    key: str
    label: str
    people: int
    attendances: int


@dataclass(frozen=True)
class PeopleStats:
    unique_people: int
    attendances: int
    events: int  # events held in the scope (started by now), whether or not anybody is marked on them
    by_target_group: tuple[StatRow, ...]
    by_municipality: tuple[StatRow, ...]
    by_gender: tuple[StatRow, ...]
    by_age_group: tuple[StatRow, ...]
    events_with_attendance: int = 0  # of those, events where somebody counted is marked as attended
