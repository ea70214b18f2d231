"""Reading and validating bundle data into a typed plan; every problem names its JSON path."""

from __future__ import annotations

import json
import re
from collections.abc import Collection
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal
from enum import StrEnum
from typing import Any, TypeVar

from projektu_vadiba.core.bundle.common import FILE_NAME, FILES_FOLDER, FORMAT, READABLE
from projektu_vadiba.core.bundle.texts import read_texts
from projektu_vadiba.core.errors import BundleError, ValidationError
from projektu_vadiba.core.messages import Message
from projektu_vadiba.core.models import (
    ActivityStatus,
    AttendanceRole,
    AttendanceStatus,
    DeadlineKind,
    EventType,
    FundingSource,
    Gender,
    IndicatorMethod,
    OrganisationKind,
    PartnerRole,
    PaymentKind,
    ProjectStatus,
)
from projektu_vadiba.core.validation import check_money

_YEARS = (1900, 2100)
_COUNT_LIMIT = 10_000_000
# Limits on an input nobody checked by eye: far above a real project, low enough to fail with a message.
MAX_PEOPLE = 100_000
MAX_LIST = 500_000  # any other list (attendance is people times events)
MAX_TEXT = 100_000  # characters of a free text without its own limit (notes, descriptions)
# Control characters crash PostgreSQL (NUL) or hide text; tab, CR and LF are allowed in a text.
_CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_MISSING: Any = object()
_IDENTIFIER = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_DATE = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}")
_DATETIME = re.compile(r"[0-9]{4}-[0-9]{2}-[0-9]{2}T[0-9]{2}:[0-9]{2}:[0-9]{2}")
_DECIMAL = re.compile(r"-?[0-9]+(?:\.([0-9]+))?")

_E = TypeVar("_E", bound=StrEnum)


def _problem(code: str, path: str, /, **values: Any) -> BundleError:
    """The error at a JSON path; the path stays a value so every language shows it as it is."""
    return BundleError.of(code, path=path, **values)


def _child(path: str, name: str) -> str:
    return f"{path}.{name}" if _IDENTIFIER.fullmatch(name) else f"{path}[{json.dumps(name, ensure_ascii=False)}]"


def _kind(value: Any) -> str:
    """What a wrong value is, in words of the message's language: '… jābūt tekstam, bet ir skaitlis 12.5'."""
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int | float):
        return Message("bundle.kind.number", value=repr(value))
    if isinstance(value, str):
        return Message("bundle.kind.text", text=value if len(value) <= 40 else value[:40] + "…")
    if isinstance(value, list):
        return "term.bundle.list"
    if isinstance(value, dict):
        return "term.bundle.object"
    return type(value).__name__


class _Reader:
    """One JSON object, read field by field into typed values. Each problem raises BundleError naming its
    JSON path; `done()` rejects fields nobody read, because a misspelt field would otherwise lose data."""

    def __init__(self, value: Any, path: str) -> None:
        if not isinstance(value, dict):
            raise _problem("bundle.not_object", path, kind=_kind(value))
        self.path = path
        self._data: dict[str, Any] = value
        self._read: set[str] = set()

    def at(self, name: str) -> str:
        return _child(self.path, name)

    def has(self, name: str) -> bool:
        return name in self._data

    def done(self) -> None:
        for name in self._data:
            if name not in self._read:
                raise _problem("bundle.unknown_field", self.at(str(name)))

    def _get(self, name: str, *, required: bool) -> Any:
        self._read.add(name)
        if name in self._data:
            return self._data[name]
        if required:
            raise _problem("bundle.required", self.at(name))
        return _MISSING

    def _optional(self, name: str) -> Any:
        """The value, or _MISSING when absent or null."""
        value = self._get(name, required=False)
        return _MISSING if value is None else value

    # -- scalars

    def text(self, name: str, limit: int | None, *, required: bool = False) -> str:
        """Required text must not be blank; optional text defaults to ""."""
        value = self._get(name, required=required)
        return "" if value is _MISSING else self._check_text(name, value, limit, required=required)

    def opt_text(self, name: str, limit: int) -> str | None:
        value = self._optional(name)
        return None if value is _MISSING else self._check_text(name, value, limit, required=False)

    def _check_text(self, name: str, value: Any, limit: int | None, *, required: bool) -> str:
        if not isinstance(value, str):
            raise _problem("bundle.not_text", self.at(name), kind=_kind(value))
        if required and not value.strip():
            raise _problem("bundle.blank", self.at(name))
        if len(value) > (MAX_TEXT if limit is None else limit):
            raise _problem("bundle.too_long", self.at(name), length=len(value), limit=limit or MAX_TEXT)
        bad = _CONTROL.search(value)
        if bad:
            char = f"U+{ord(bad.group()):04X}"
            raise _problem("bundle.control_character", self.at(name), char=char, position=bad.start() + 1)
        return value

    def integer(self, name: str, low: int, high: int) -> int:
        return self._check_integer(name, self._get(name, required=True), low, high)

    def opt_integer(self, name: str, low: int, high: int) -> int | None:
        value = self._optional(name)
        return None if value is _MISSING else self._check_integer(name, value, low, high)

    def _check_integer(self, name: str, value: Any, low: int, high: int) -> int:
        if isinstance(value, bool) or not isinstance(value, int):
            raise _problem("bundle.not_integer", self.at(name), kind=_kind(value))
        if not low <= value <= high:
            raise _problem("bundle.out_of_range", self.at(name), value=value, low=low, high=high)
        return value

    def flag(self, name: str, default: bool) -> bool:
        value = self._get(name, required=False)
        return default if value is _MISSING else self._check_flag(name, value)

    def opt_flag(self, name: str) -> bool | None:
        value = self._optional(name)
        return None if value is _MISSING else self._check_flag(name, value)

    def _check_flag(self, name: str, value: Any) -> bool:
        if not isinstance(value, bool):
            raise _problem("bundle.not_flag", self.at(name), kind=_kind(value))
        return value

    def day(self, name: str) -> date:
        return self._check_day(name, self._get(name, required=True))

    def opt_day(self, name: str) -> date | None:
        value = self._optional(name)
        return None if value is _MISSING else self._check_day(name, value)

    def _check_day(self, name: str, value: Any) -> date:
        if not isinstance(value, str):
            raise _problem("bundle.date_not_text", self.at(name), kind=_kind(value))
        try:
            if _DATE.fullmatch(value):
                return date.fromisoformat(value)
        except ValueError:
            pass
        raise _problem("bundle.not_a_date", self.at(name), value=value)

    def days(self, name: str) -> list[date]:
        """A list of distinct dates; absent means empty."""
        value = self._get(name, required=False)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            raise _problem("bundle.not_list", self.at(name), kind=_kind(value))
        out = []
        for i, item in enumerate(value):
            if not isinstance(item, str) or not _DATE.fullmatch(item):
                raise _problem("bundle.item_not_a_date", f"{self.at(name)}[{i}]", kind=_kind(item))
            try:
                out.append(date.fromisoformat(item))
            except ValueError:
                raise _problem("bundle.not_a_date", f"{self.at(name)}[{i}]", value=item) from None
        if len(set(out)) != len(out):
            raise _problem("bundle.date_repeated", self.at(name))
        return sorted(out)

    def moment(self, name: str) -> datetime:
        return self._check_moment(name, self._get(name, required=True))

    def opt_moment(self, name: str) -> datetime | None:
        value = self._optional(name)
        return None if value is _MISSING else self._check_moment(name, value)

    def _check_moment(self, name: str, value: Any) -> datetime:
        if not isinstance(value, str):
            raise _problem("bundle.moment_not_text", self.at(name), kind=_kind(value))
        try:
            if _DATETIME.fullmatch(value):
                return datetime.fromisoformat(value)
        except ValueError:
            pass
        raise _problem("bundle.not_a_moment", self.at(name), value=value)

    def money(self, name: str, *, required: bool = True, allow_negative: bool = False) -> Decimal:
        """Euros as a decimal string with at most 2 decimals; optional amounts default to 0.00."""
        value = self._get(name, required=required)
        if value is _MISSING:
            return Decimal("0.00")
        amount = self._check_decimal(name, value, 2, "term.bundle.amount_dative", "term.bundle.amount_locative")
        try:
            return check_money(amount, name, allow_negative=allow_negative)
        except ValidationError as exc:  # the format and decimals are checked: only the sign or the size is left
            if exc.code == "money.negative":
                raise _problem("bundle.money_negative", self.at(name), value=value) from None
            raise _problem("bundle.money_too_large", self.at(name), value=value) from None

    def quantity(self, name: str, *, default: Decimal | None = None) -> Decimal:
        """A non-negative decimal string with at most 3 decimals (indicator values, budget quantities)."""
        value = self._get(name, required=default is None)
        if value is _MISSING:
            assert default is not None
            return default
        return self._check_quantity(name, value)

    def opt_quantity(self, name: str) -> Decimal | None:
        value = self._optional(name)
        return None if value is _MISSING else self._check_quantity(name, value)

    def _check_quantity(self, name: str, value: Any) -> Decimal:
        number = self._check_decimal(name, value, 3, "term.bundle.quantity_dative", "term.bundle.quantity_locative")
        if number < 0:
            raise _problem("bundle.quantity_negative", self.at(name), value=value)
        if number >= Decimal("1e11"):  # Numeric(14, 3)
            raise _problem("bundle.quantity_too_large", self.at(name), value=value)
        return number

    def _check_decimal(self, name: str, value: Any, places: int, dative: str, locative: str) -> Decimal:
        """Decimal strings only: a JSON number would pass through a float in most JSON tools. `dative` and
        `locative` are the term codes naming the value ("summai", "summā") as the Latvian sentence needs it."""
        if not isinstance(value, str):
            example = "1234.50" if places == 2 else "12.5"
            raise _problem("bundle.decimal_not_text", self.at(name), whom=dative, example=example, kind=_kind(value))
        match = _DECIMAL.fullmatch(value)
        if match is None:
            raise _problem("bundle.not_a_number", self.at(name), value=value)
        if match.group(1) is not None and len(match.group(1)) > places:
            raise _problem("bundle.too_many_places", self.at(name), value=value, where=locative, places=places)
        return Decimal(value)

    def choice(self, name: str, enum_cls: type[_E], default: _E | None = None) -> _E:
        """An enum value; required when there is no default."""
        value = self._get(name, required=default is None)
        if value is _MISSING:
            assert default is not None
            return default
        return self._check_choice(name, value, enum_cls)

    def opt_choice(self, name: str, enum_cls: type[_E]) -> _E | None:
        value = self._optional(name)
        return None if value is _MISSING else self._check_choice(name, value, enum_cls)

    def _check_choice(self, name: str, value: Any, enum_cls: type[_E]) -> _E:
        allowed = [member.value for member in enum_cls]
        if not isinstance(value, str) or value not in allowed:
            shown = f"“{value}”" if isinstance(value, str) else _kind(value)
            raise _problem("bundle.not_allowed", self.at(name), shown=shown, allowed=", ".join(allowed))
        return enum_cls(value)

    # -- references and bundle-local keys

    def key(self, registry: dict[str, str]) -> str:
        """This record's bundle-local key, unique within its list; the registry maps key -> path."""
        value = self.text("key", 60, required=True)
        if value in registry:
            raise _problem("bundle.key_repeated", self.at("key"), value=value, first=registry[value])
        registry[value] = self.path
        return value

    def ref(self, name: str, registry: Collection[str], target: str) -> str:
        return self._check_ref(name, self._get(name, required=True), registry, target)

    def opt_ref(self, name: str, registry: Collection[str], target: str) -> str | None:
        value = self._optional(name)
        return None if value is _MISSING else self._check_ref(name, value, registry, target)

    def _check_ref(self, name: str, value: Any, registry: Collection[str], target: str) -> str:
        if not isinstance(value, str):
            raise _problem("bundle.ref_not_text", self.at(name), kind=_kind(value))
        if value not in registry:
            raise _problem("bundle.ref_unknown", self.at(name), value=value, target=target)
        return value

    # -- nested structures

    def obj(self, name: str) -> _Reader:
        return _Reader(self._get(name, required=True), self.at(name))

    def opt_obj(self, name: str) -> _Reader | None:
        value = self._optional(name)
        return None if value is _MISSING else _Reader(value, self.at(name))

    def objects(self, name: str) -> list[_Reader]:
        """A list of objects; an absent list is empty."""
        value = self._get(name, required=False)
        if value is _MISSING:
            return []
        if not isinstance(value, list):
            raise _problem("bundle.not_list", self.at(name), kind=_kind(value))
        limit = MAX_PEOPLE if name == "people" else MAX_LIST
        if len(value) > limit:
            raise _problem("bundle.too_many", self.at(name), count=len(value), limit=limit)
        return [_Reader(item, f"{self.at(name)}[{i}]") for i, item in enumerate(value)]

    def mapping(self, name: str) -> _Reader:
        """An object with free keys (texts by section, amounts by source); absent means empty."""
        value = self._get(name, required=False)
        return _Reader({} if value is _MISSING else value, self.at(name))

    def name_as(self, name: str, enum_cls: type[_E]) -> _E:
        """A free key that is itself an enum value (budget amounts are keyed by funding source)."""
        return self._check_choice(name, name, enum_cls)

    def names(self) -> list[str]:
        """Every field of a free-key object, marked as read."""
        self._read.update(self._data)
        return list(self._data)


@dataclass
class Row:
    """One validated record: column values for its model, plus bundle-local references still to resolve."""

    path: str
    values: dict[str, Any]
    refs: dict[str, str | None] = field(default_factory=dict)
    key: str = ""

    def ref(self, name: str) -> str:
        """A reference the format requires (validation has already refused a missing one)."""
        key = self.refs[name]
        assert key is not None
        return key


@dataclass
class Plan:
    """The whole bundle, validated and typed; nothing touches the database until all of it is read."""

    version: int = 0
    funder: dict[str, Any] = field(default_factory=dict)
    programme: dict[str, Any] | None = None
    project: dict[str, Any] = field(default_factory=dict)
    project_logo: str | None = None  # the project's own funder logo: a name in $.files
    implementer: str = ""
    organisations: list[Row] = field(default_factory=list)
    partners: list[Row] = field(default_factory=list)
    cofinancing: list[Row] = field(default_factory=list)
    target_groups: list[Row] = field(default_factory=list)
    texts: list[Row] = field(default_factory=list)
    deadlines: list[Row] = field(default_factory=list)
    activities: list[Row] = field(default_factory=list)
    events: list[Row] = field(default_factory=list)
    people: list[Row] = field(default_factory=list)
    attendance: list[Row] = field(default_factory=list)
    indicators: list[Row] = field(default_factory=list)
    budget_lines: list[Row] = field(default_factory=list)
    budget_amounts: list[Row] = field(default_factory=list)
    expenses: list[Row] = field(default_factory=list)
    payments: list[Row] = field(default_factory=list)
    attachments: list[Row] = field(default_factory=list)
    files: dict[str, str] = field(default_factory=dict)  # name in the ZIP -> its SHA-256 ($.files)
    # Bundle-local keys of each list -> the path that defined them.
    org_keys: dict[str, str] = field(default_factory=dict)
    activity_keys: dict[str, str] = field(default_factory=dict)
    event_keys: dict[str, str] = field(default_factory=dict)
    person_keys: dict[str, str] = field(default_factory=dict)
    line_keys: dict[str, str] = field(default_factory=dict)
    expense_keys: dict[str, str] = field(default_factory=dict)


def read_bundle(data: Any) -> Plan:
    top = _Reader(data, "$")
    plan = Plan(version=_read_header(top))
    # Lists are read in dependency order so that every reference can be checked when it is met.
    _read_files(top, plan)
    _read_organisations(top, plan)
    _read_project(top.obj("project"), plan)
    _read_activities(top, plan)
    _read_events(top, plan)
    _read_people(top, plan)
    _read_attendance(top, plan)
    _read_indicators(top, plan)
    _read_budget_lines(top, plan)
    _read_expenses(top, plan)
    _read_payments(top, plan)
    _read_attachments(top, plan)
    top.done()
    return plan


def _read_header(top: _Reader) -> int:
    fmt = top.text("format", None, required=True)
    if fmt != FORMAT:
        raise _problem("bundle.wrong_format", "$.format", value=fmt, format=FORMAT)
    version = top.integer("version", 0, 1_000_000)
    supported = ", ".join(map(str, READABLE))
    if version > max(READABLE):
        raise _problem("bundle.version_newer", "$.version", version=version, supported=supported)
    if version not in READABLE:
        raise _problem("bundle.version_old", "$.version", version=version, supported=supported)
    return version


_SHA256 = re.compile(r"[0-9a-f]{64}")


def _read_files(top: _Reader, plan: Plan) -> None:
    """The files the ZIP holds besides project.json; the name carries the content's SHA-256."""
    seen: dict[Any, str] = {}
    for item in top.objects("files"):
        name = item.text("name", 100, required=True)
        match = FILE_NAME.fullmatch(name)
        if match is None:
            raise _problem("bundle.file_name", item.at("name"), name=name)
        _check_unique(item, "name", name, seen)
        digest = item.text("sha256", 64, required=True)
        if not _SHA256.fullmatch(digest) or digest != match.group(1):
            raise _problem("bundle.file_digest", item.at("sha256"), name=name)
        item.done()
        plan.files[name] = digest


def _check_period(item: _Reader, name: str, start: date | None, end: date | None) -> None:
    if start is not None and end is not None and end < start:
        raise _problem("bundle.period_reversed", item.at(name), start=start.isoformat(), end=end.isoformat())


def _check_unique(item: _Reader, name: str, value: Any, seen: dict[Any, str]) -> None:
    if value in seen:
        raise _problem("bundle.repeated", item.at(name), value=value, first=seen[value])
    seen[value] = item.path


def _read_organisations(top: _Reader, plan: Plan) -> None:
    for item in top.objects("organisations"):
        key = item.key(plan.org_keys)
        values = {
            "name": item.text("name", 300, required=True),
            "kind": item.choice("kind", OrganisationKind, OrganisationKind.NGO),
            "reg_number": item.opt_text("reg_number", 40),
            "address": item.opt_text("address", 300),
            "municipality": item.opt_text("municipality", 120),
            "email": item.opt_text("email", 254),
            "phone": item.opt_text("phone", 40),
            "website": item.opt_text("website", 300),
        }
        own = item.flag("own", False)
        logo = item.opt_ref("logo", plan.files, "$.files")
        item.done()
        plan.organisations.append(Row(item.path, values, refs={"logo": logo, "own": "own" if own else None}, key=key))


def _read_project(item: _Reader, plan: Plan) -> None:
    number = item.text("number", 60, required=True)
    title = item.text("title", 500, required=True)
    start, end = item.day("start_date"), item.day("end_date")
    _check_period(item, "end_date", start, end)
    plan.project = {
        "number": number,
        "title": title,
        "status": item.choice("status", ProjectStatus, ProjectStatus.PLANNED),
        "start_date": start,
        "end_date": end,
        "total_cost": item.money("total_cost", required=False),
        "grant_amount": item.money("grant_amount", required=False),
        "aim": item.text("aim", None),
        "retention_until": item.opt_day("retention_until"),
        "publicity": " ".join(item.text("publicity", 1000).split()),
    }
    plan.project_logo = item.opt_ref("logo", plan.files, "$.files")
    plan.funder = _read_funder(item.obj("funder"))
    programme = item.opt_obj("programme")
    plan.programme = None if programme is None else _read_programme(programme)
    plan.implementer = item.ref("implementer", plan.org_keys, "$.organisations")
    _read_partners(item, plan)
    _read_cofinancing(item, plan)
    _read_target_groups(item, plan)
    read_texts(item, plan)
    _read_deadlines(item, plan)
    item.done()


def _read_funder(item: _Reader) -> dict[str, Any]:
    values = {
        "name": item.text("name", 300, required=True),
        "short_name": item.opt_text("short_name", 40),
        "profile_key": item.text("profile_key", 60) or "generic",
    }
    item.done()
    return values


def _read_programme(item: _Reader) -> dict[str, Any]:
    values = {
        "name": item.text("name", 300, required=True),
        "strand": item.text("strand", 300),
        "call_year": item.opt_integer("call_year", *_YEARS),
        "profile_key": item.opt_text("profile_key", 60),
    }
    item.done()
    return values


def _read_partners(project: _Reader, plan: Plan) -> None:
    seen: dict[Any, str] = {}
    for item in project.objects("partners"):
        org = item.ref("organisation", plan.org_keys, "$.organisations")
        _check_unique(item, "organisation", org, seen)
        values = {
            "role": item.choice("role", PartnerRole, PartnerRole.PARTNER),
            "description": item.text("description", None),
        }
        item.done()
        plan.partners.append(Row(item.path, values, refs={"organisation": org}))


def _read_cofinancing(project: _Reader, plan: Plan) -> None:
    for item in project.objects("cofinancing"):
        values = {
            "source": item.choice("source", FundingSource),
            "amount": item.money("amount"),
            "note": item.text("note", None),
        }
        org = item.opt_ref("organisation", plan.org_keys, "$.organisations")
        item.done()
        plan.cofinancing.append(Row(item.path, values, refs={"organisation": org}))


def _read_target_groups(project: _Reader, plan: Plan) -> None:
    seen: dict[Any, str] = {}
    for item in project.objects("target_groups"):
        name = item.text("name", 200, required=True)
        _check_unique(item, "name", name, seen)
        values = {"name": name, "planned_count": item.opt_integer("planned_count", 0, _COUNT_LIMIT)}
        item.done()
        plan.target_groups.append(Row(item.path, values))


def _read_deadlines(project: _Reader, plan: Plan) -> None:
    for item in project.objects("report_deadlines"):
        period_start, period_end = item.opt_day("period_start"), item.opt_day("period_end")
        _check_period(item, "period_end", period_start, period_end)
        values = {
            "kind": item.choice("kind", DeadlineKind),
            "due_date": item.day("due_date"),
            "period_start": period_start,
            "period_end": period_end,
            "submitted_on": item.opt_day("submitted_on"),
            "note": item.text("note", None),
        }
        item.done()
        plan.deadlines.append(Row(item.path, values))


def _read_activities(top: _Reader, plan: Plan) -> None:
    codes: dict[Any, str] = {}
    for item in top.objects("activities"):
        key = item.key(plan.activity_keys)
        code = item.text("code", 20, required=True)
        _check_unique(item, "code", code, codes)
        start, end = item.opt_day("planned_start"), item.opt_day("planned_end")
        _check_period(item, "planned_end", start, end)
        values = {
            "code": code,
            "title": item.text("title", 500, required=True),
            "description": item.text("description", None),
            "planned_start": start,
            "planned_end": end,
            "status": item.choice("status", ActivityStatus, ActivityStatus.PLANNED),
            "result": item.text("result", None),
        }
        item.done()
        plan.activities.append(Row(item.path, values, key=key))


def _read_events(top: _Reader, plan: Plan) -> None:
    for item in top.objects("events"):
        key = item.key(plan.event_keys)
        activity = item.opt_ref("activity", plan.activity_keys, "$.activities")
        starts, ends = item.moment("starts_at"), item.moment("ends_at")
        _check_period(item, "ends_at", starts, ends)
        values = {
            "title": item.text("title", 500, required=True),
            "type": item.choice("type", EventType, EventType.MEETING),
            "starts_at": starts,
            "ends_at": ends,
            "place": item.text("place", 300),
            "address": item.text("address", 300),
            "municipality": item.text("municipality", 120),
            "online": item.flag("online", False),
            "online_link": item.text("online_link", 500),
            "planned_participants": item.opt_integer("planned_participants", 0, _COUNT_LIMIT),
            "description": item.text("description", None),
            "unlisted_count": item.opt_integer("unlisted_count", 0, _COUNT_LIMIT) or 0,
        }
        item.done()
        plan.events.append(Row(item.path, values, refs={"activity": activity}, key=key))


def _read_people(top: _Reader, plan: Plan) -> None:
    for item in top.objects("people"):
        key = item.key(plan.person_keys)
        values = {
            "given_name": item.text("given_name", 100, required=True),
            "surname": item.text("surname", 100, required=True),
            "municipality": item.text("municipality", 120),
            "email": item.text("email", 254),
            "phone": item.text("phone", 40),
            "gender": item.opt_choice("gender", Gender),
            "birth_year": item.opt_integer("birth_year", *_YEARS),
            "age_group": item.text("age_group", 40),
            "target_group": item.text("target_group", 200),
            "consent_data": item.opt_flag("consent_data"),
            "consent_photo": item.opt_flag("consent_photo"),
            "notes": item.text("notes", None),
            "anonymised_at": item.opt_moment("anonymised_at"),
        }
        org = item.opt_ref("organisation", plan.org_keys, "$.organisations")
        item.done()
        plan.people.append(Row(item.path, values, refs={"organisation": org}, key=key))


def _read_attendance(top: _Reader, plan: Plan) -> None:
    seen: dict[Any, str] = {}
    events = {row.key: row for row in plan.events}
    for item in top.objects("attendance"):
        event = item.ref("event", plan.event_keys, "$.events")
        person = item.ref("person", plan.person_keys, "$.people")
        if (event, person) in seen:
            first = seen[event, person]
            raise _problem("bundle.attendance_repeated", item.path, person=person, event=event, first=first)
        seen[event, person] = item.path
        values = {
            "status": item.choice("status", AttendanceStatus, AttendanceStatus.REGISTERED),
            "role": item.choice("role", AttendanceRole, AttendanceRole.PARTICIPANT),
            "no_photos": item.flag("no_photos", False),
            "note": item.text("note", 300),
        }
        days = item.days("days")
        if days and values["status"] is not AttendanceStatus.ATTENDED:
            raise _problem("bundle.days_not_attended", item.at("days"))
        held = events[event].values
        first, last = held["starts_at"].date(), held["ends_at"].date()
        for i, day in enumerate(days):
            if not first <= day <= last:
                raise _problem("bundle.day_outside", f"{item.at('days')}[{i}]", day=f"{day:%d.%m.%Y}", event=event)
        values["days"] = " ".join(d.isoformat() for d in days)
        item.done()
        plan.attendance.append(Row(item.path, values, refs={"event": event, "person": person}))


def _read_indicators(top: _Reader, plan: Plan) -> None:
    codes: dict[Any, str] = {}
    for item in top.objects("indicators"):
        code = item.text("code", 20, required=True)
        _check_unique(item, "code", code, codes)
        activity = item.opt_ref("activity", plan.activity_keys, "$.activities")
        values = {
            "code": code,
            "name": item.text("name", 500, required=True),
            "unit": item.text("unit", 60),
            "planned_value": item.quantity("planned"),
            "method": item.choice("method", IndicatorMethod, IndicatorMethod.MANUAL),
            "method_param": item.text("method_param", 200),
            "achieved_manual": item.opt_quantity("achieved_manual"),
            "comment": item.text("comment", None),
        }
        item.done()
        plan.indicators.append(Row(item.path, values, refs={"activity": activity}))


def _read_budget_lines(top: _Reader, plan: Plan) -> None:
    codes: dict[Any, str] = {}
    for item in top.objects("budget_lines"):
        key = item.key(plan.line_keys)
        code = item.text("code", 20, required=True)
        _check_unique(item, "code", code, codes)
        values = {
            "code": code,
            "category_key": item.text("category_key", 60, required=True),
            "name": item.text("name", 500, required=True),
            "unit": item.text("unit", 60),
            "quantity": item.quantity("quantity", default=Decimal("1")),
            "unit_cost": item.money("unit_cost", required=False),
        }
        amounts = item.mapping("amounts")
        for source in amounts.names():
            amount = {"source": amounts.name_as(source, FundingSource), "amount": amounts.money(source)}
            plan.budget_amounts.append(Row(amounts.at(source), amount, refs={"line": key}))
        item.done()
        plan.budget_lines.append(Row(item.path, values, key=key))


def _read_expenses(top: _Reader, plan: Plan) -> None:
    for item in top.objects("expenses"):
        key = item.key(plan.expense_keys) if item.has("key") else ""  # version 2 (attachments refer to it)
        line = item.opt_ref("budget_line", plan.line_keys, "$.budget_lines")
        values = {
            "date": item.day("date"),
            "document_number": item.text("document_number", 80),
            "supplier": item.text("supplier", 300),
            "description": item.text("description", None),
            "amount": item.money("amount", allow_negative=True),  # credit notes correct earlier expenses
            "eligible": item.flag("eligible", True),
            "paid_on": item.opt_day("paid_on"),
            "source": item.choice("source", FundingSource, FundingSource.GRANT),
        }
        item.done()
        plan.expenses.append(Row(item.path, values, refs={"budget_line": line}, key=key))


def _read_payments(top: _Reader, plan: Plan) -> None:
    for item in top.objects("payments"):
        kind, received_on, amount = item.choice("kind", PaymentKind), item.day("received_on"), item.money("amount")
        if amount <= 0:
            raise _problem("bundle.payment_not_positive", item.at("amount"))
        values = {"kind": kind, "received_on": received_on, "amount": amount, "note": item.text("note", None)}
        item.done()
        plan.payments.append(Row(item.path, values))


def _read_attachments(top: _Reader, plan: Plan) -> None:
    from projektu_vadiba.core.services.attachments import KINDS

    for item in top.objects("attachments"):
        name = item.ref("file", plan.files, "$.files")
        kind = item.text("kind", 20) or "other"
        if kind not in KINDS:
            raise _problem("bundle.not_allowed", item.at("kind"), shown=f"“{kind}”", allowed=", ".join(KINDS))
        values: dict[str, Any] = {
            "sha256": plan.files[name],
            "stored_name": name.removeprefix(FILES_FOLDER),
            "original_name": item.text("original_name", 300, required=True),
            "mime": item.text("mime", 100),
            "kind": kind,
            "date": item.day("date"),
            "description": item.text("description", 500),
        }
        added_at = item.opt_moment("added_at")
        if added_at is not None:  # absent: now, as for a file added by hand
            values["added_at"] = added_at
        refs = {
            "project": "project" if item.flag("project", False) else None,
            "activity": item.opt_ref("activity", plan.activity_keys, "$.activities"),
            "event": item.opt_ref("event", plan.event_keys, "$.events"),
            "expense": item.opt_ref("expense", plan.expense_keys, "$.expenses"),
        }
        if not any(refs.values()):
            raise _problem("bundle.attachment_no_owner", item.path)
        item.done()
        plan.attachments.append(Row(item.path, values, refs=refs))
