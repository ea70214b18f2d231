"""Funder profiles: each funder's paperwork as data (resources/funders/*.json), never as code branches.

A profile holds the number pattern, publicity sentence, deadline rules, retention period, cost categories and
report/sheet structure. A new funder is a new file; a coordinator can correct a file without a new release.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field, replace
from datetime import date
from decimal import Decimal
from functools import cache
from pathlib import Path
from typing import Any

from dateutil.relativedelta import relativedelta

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.failures import os_reason
from projektu_vadiba.core.models.enums import AttendanceRole
from projektu_vadiba.core.working_days import add_working_days
from projektu_vadiba.resources import resource

Text = dict[str, str]  # {"lv": ..., "en": ...}


def pick(text: Text | str, lang: str = "lv") -> str:
    if isinstance(text, str):
        return text
    return text.get(lang) or text.get("lv") or next(iter(text.values()), "")


@dataclass(frozen=True)
class CostCategory:
    key: str
    label: Text


@dataclass(frozen=True)
class DeadlineRule:
    kind: str  # a DeadlineKind value
    working_days_after_end: int = 0
    days_after_end: int = 0
    months_after_end: int = 0
    # 0: one report after the project's end. N: an interim report after every N months of the project
    # (each period's end counts as "the end" above); the last period is left to the final report.
    every_months: int = 0

    def due(self, end: date) -> date:
        if self.working_days_after_end:
            # Latvian working days: public holidays and moved days off do not count.
            return add_working_days(end, self.working_days_after_end)
        due: date = end + relativedelta(days=self.days_after_end, months=self.months_after_end)
        return due


@dataclass(frozen=True)
class ProjectLimit:
    """What the funder allows a kind of project (SIF: a micro project up to 11 000 € and 10 months in one year)."""

    name: str  # "MIC": the number part that selects the limit
    max_grant: Decimal | None
    max_months: int | None
    same_calendar_year: bool

    def problems(self, grant: Decimal, start: date, end: date) -> list[tuple[str, dict[str, Any]]]:
        """(message code, values) for each limit the project breaks."""
        out: list[tuple[str, dict[str, Any]]] = []
        if self.max_grant is not None and grant > self.max_grant:
            out.append(("project.limit_grant", {"kind": self.name, "grant": grant, "max": self.max_grant}))
        # Whole months from the first day to the day after the last: 01.03-31.12 is 10, a day more starts an 11th.
        span = relativedelta(end + relativedelta(days=1), start)
        months = span.years * 12 + span.months + (1 if span.days else 0)
        if self.max_months is not None and months > self.max_months:
            out.append(("project.limit_months", {"kind": self.name, "months": months, "max": self.max_months}))
        if self.same_calendar_year and start.year != end.year:
            out.append(("project.limit_one_year", {"kind": self.name}))
        return out


@dataclass(frozen=True)
class FunderProfile:
    key: str
    name: Text
    funder_name: str
    funder_short_name: str
    number_pattern: str
    number_example: str
    publicity: Text
    retention_years: int
    reallocation_limit_percent: float
    cost_categories: tuple[CostCategory, ...]
    deadlines: tuple[DeadlineRule, ...]
    raw: dict[str, Any] = field(hash=False, repr=False)
    folder: Path = field(default_factory=lambda: resource("funders"), repr=False)
    project_logo: bytes | None = field(default=None, hash=False, repr=False, compare=False)

    def for_project(self, publicity: str, logo: bytes | None) -> FunderProfile:
        """The profile as one project prints it: the project's own publicity sentence instead of the profile's (a
        municipality or foreign fund writes its own), its own funder logo after the profile's."""
        if not publicity and logo is None:
            return self
        if not publicity:
            return replace(self, project_logo=logo)
        # The project's sentence replaces the event-sheet variant too: the sheet must not print another funder's.
        raw = {k: v for k, v in self.raw.items() if k != "event_publicity"}
        return replace(self, publicity={"lv": publicity, "en": publicity}, raw=raw, project_logo=logo)

    def number_matches(self, number: str) -> bool:
        return not self.number_pattern or re.fullmatch(self.number_pattern, number) is not None

    def file(self, relative: str) -> Path | None:
        """A file the profile names (a logo): next to the profile first, then among the bundled resources."""
        for base in (self.folder, self.folder.parent, resource()):
            candidate = base / relative
            if candidate.is_file():
                return candidate
        return None

    def publicity_rules(self, year: int | None, lang: str = "lv") -> str:
        """What the funder asks every publication to carry: its disclaimer and its year hashtag ("" when none)."""
        disclaimer = pick(self.raw.get("disclaimer") or "", lang)
        hashtag = str(self.raw.get("hashtag") or "")
        if hashtag and "{year}" in hashtag:
            hashtag = hashtag.replace("{year}", str(year)) if year else ""
        parts = []
        if disclaimer:
            parts.append(("Publikācijās norādiet: “{text}”" if lang == "lv" else "Publications must state: “{text}”")
                         .format(text=disclaimer))  # fmt: skip
        if hashtag:
            parts.append(("tēmturis {tag}" if lang == "lv" else "hashtag {tag}").format(tag=hashtag))
        return ("; ".join(parts) + ".") if parts else ""

    def limit_for(self, number: str) -> ProjectLimit | None:
        """The first of the profile's "limits" whose `number_contains` is in the project number (micro / macro)."""
        for item in self.raw.get("limits", []):
            if str(item.get("number_contains", "")) in number:
                return ProjectLimit(
                    name=str(item.get("number_contains", "")).strip("/"),
                    max_grant=Decimal(str(item["max_grant"])) if item.get("max_grant") else None,
                    max_months=int(item["max_months"]) if item.get("max_months") else None,
                    same_calendar_year=bool(item.get("same_calendar_year", False)),
                )
        return None

    @property
    def counted_roles(self) -> tuple[AttendanceRole, ...]:
        """Attendance roles that count as participants (core/counting.py); staff roles are listed apart."""
        listed = self.raw.get("counted_roles", [AttendanceRole.PARTICIPANT.value])
        try:
            return tuple(AttendanceRole(str(role)) for role in listed)
        except ValueError as exc:
            raise AppError.of("profile.bad_role", key=self.key, roles=", ".join(map(str, listed))) from exc

    @property
    def programmes(self) -> tuple[str, ...]:
        """The funder's programmes a project may belong to: "programmes" (a list) and/or "programme" (one)."""
        listed = [str(p) for p in self.raw.get("programmes", [])]
        one = [str(self.raw["programme"])] if self.raw.get("programme") else []
        return tuple(dict.fromkeys(one + listed))

    def category_label(self, key: str, lang: str = "lv") -> str:
        for cat in self.cost_categories:
            if cat.key == key:
                return pick(cat.label, lang)
        return key


def profile_dirs() -> list[Path]:
    """A coordinator's corrected or new profiles (user data folder) win over the bundled ones."""
    from projektu_vadiba.core.db import default_data_dir

    return [default_data_dir() / "funders", resource("funders")]


def profile_keys() -> list[str]:
    return sorted({p.stem for d in profile_dirs() if d.is_dir() for p in d.glob("*.json")})


def _profile_path(key: str) -> Path:
    for folder in profile_dirs():
        if (folder / f"{key}.json").is_file():
            return folder / f"{key}.json"
    return resource("funders", f"{key}.json")


@cache
def load_profile(key: str) -> FunderProfile:
    """The profile named `key`, checked against its shape (core/profile_check.py). An unknown key is refused with a
    message naming the known ones: quietly reading it as "generic" gave a project the wrong paperwork."""
    from projektu_vadiba.core.profile_check import problem

    path = _profile_path(key)
    if not path.is_file():
        raise AppError.of("profile.unknown", key=key, known=", ".join(profile_keys()))
    try:
        raw = json.loads(path.read_text(encoding="utf-8"))
    except UnicodeDecodeError as exc:
        raise AppError.of("profile.not_utf8", name=path.name, position=exc.start) from exc
    except json.JSONDecodeError as exc:  # its own text is English: the place is what helps
        raise AppError.of("profile.not_json", name=path.name, line=exc.lineno, column=exc.colno) from exc
    except OSError as exc:
        raise AppError.of("profile.unreadable", name=path.name, reason=os_reason(exc)) from exc
    try:
        found = problem(raw)
        if found is not None:
            raise AppError.of("profile.invalid", name=path.name, path=found[0], expected=found[1])
        return FunderProfile(
            key=key,
            name=raw["name"],
            funder_name=raw.get("funder_name", ""),
            funder_short_name=raw.get("funder_short_name", ""),
            number_pattern=raw.get("number_pattern", ""),
            number_example=raw.get("number_example", ""),
            publicity=raw.get("publicity", {"lv": ""}),
            retention_years=int(raw.get("retention_years", 5)),
            reallocation_limit_percent=float(raw.get("reallocation_limit_percent", 0)),
            cost_categories=tuple(CostCategory(c["key"], c["label"]) for c in raw.get("cost_categories", [])),
            deadlines=tuple(DeadlineRule(**d) for d in raw.get("deadlines", [])),
            raw=raw,
            folder=path.parent,
        )
    except (ValueError, KeyError, TypeError) as exc:  # what the shape check lets through: named by the file
        raise AppError.of("profile.invalid", name=path.name, path="$", expected="term.profile.object") from exc


def retention_until(profile_key: str, end: date) -> date:
    until: date = end + relativedelta(years=load_profile(profile_key).retention_years)
    return until
