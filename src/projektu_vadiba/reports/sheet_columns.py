"""The sheet's columns, read from the funder profile (attendance_sheet.columns), and what each cell prints.

A column is {"key": ..., "label": {"lv": ..., "en": ...}, "width": share}. Keys the app fills: number,
given_name, surname, full_name, organisation, municipality, contact (e-mail, else phone), email, phone, gender
("values" maps female/male/other to what is printed), age_group, no_photos (✕ for "do not photograph me") and
signature. Any other key makes a column that people fill in by hand, so a new column needs no new code.
"annex_columns" (a list of keys) narrows the typed list appended to a report to what the notice promised.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from datetime import date
from typing import Any

from projektu_vadiba.core.dto_sheets import SheetRow, SheetVariant
from projektu_vadiba.core.funders import FunderProfile, load_profile, pick
from projektu_vadiba.reports.text import Labels, mask_email, mask_phone

CENTRED = {"number", "gender", "age_group", "no_photos"}
MAX_SIGNATURE_DAYS = 5  # more days than this do not fit side by side: one signature column then

DEFAULT_COLUMNS: list[dict[str, Any]] = [
    {"key": "number", "label": {"lv": "Nr. p. k.", "en": "No."}, "width": 0.06},
    {"key": "given_name", "label": {"lv": "Vārds", "en": "Given name"}, "width": 0.13},
    {"key": "surname", "label": {"lv": "Uzvārds", "en": "Surname"}, "width": 0.16},
    {"key": "organisation", "label": {"lv": "Organizācija vai kopiena", "en": "Organisation"}, "width": 0.2},
    {"key": "contact", "label": {"lv": "E-pasts vai tālrunis", "en": "E-mail or phone"}, "width": 0.2},
    {"key": "signature", "label": {"lv": "Paraksts", "en": "Signature"}, "width": 0.25},
]


@dataclass(frozen=True)
class Column:
    key: str
    label: str
    width: float  # points
    values: Mapping[str, str] = field(default_factory=dict)
    day: date | None = None  # the day of a per-day signature column

    @property
    def centred(self) -> bool:
        return self.key in CENTRED

    @property
    def is_signature(self) -> bool:
        return self.key == "signature"


def sheet_config(profile: FunderProfile) -> dict[str, Any]:
    """The profile's attendance_sheet section; the generic profile's when a profile has none."""
    config = profile.raw.get("attendance_sheet")
    if isinstance(config, dict):
        return config
    generic = load_profile("generic").raw.get("attendance_sheet")
    return generic if isinstance(generic, dict) else {}


def resolve_columns(
    config: Mapping[str, Any], variant: SheetVariant, days: list[date], labels: Labels, table_width: float
) -> list[Column]:
    specs = [c for c in (config.get("columns") or DEFAULT_COLUMNS) if isinstance(c, dict) and c.get("key")]
    if variant is SheetVariant.ATTENDED:  # the annex is a typed list: nothing to sign or mark there
        specs = [c for c in specs if c["key"] not in ("signature", "no_photos")] or specs
        # ... and it prints no more than the sheet's notice promised the funder would get ("annex_columns")
        kept = config.get("annex_columns")
        if isinstance(kept, list) and kept:
            specs = [c for c in specs if c["key"] in kept] or specs
    known = [float(c["width"]) for c in specs if isinstance(c.get("width"), int | float) and c["width"] > 0]
    fallback = sum(known) / len(known) if known else 1.0
    per_day = bool(config.get("signature_per_day")) and 1 < len(days) <= MAX_SIGNATURE_DAYS
    raw: list[tuple[dict[str, Any], float, date | None]] = []
    for spec in specs:
        share = float(spec["width"]) if isinstance(spec.get("width"), int | float) and spec["width"] > 0 else fallback
        if spec["key"] == "signature" and per_day:
            raw.extend((spec, share * 0.7, day) for day in days)  # each day narrower, all together wider
        else:
            raw.append((spec, share, None))
    total = sum(share for _, share, _ in raw) or 1.0
    columns: list[Column] = []
    for spec, share, day in raw:
        label = pick(spec.get("label") or spec["key"], labels.lang)
        if day is not None:
            label = labels["signature_day"].format(date=f"{day:%d.%m.}")
        values = {k: pick(v, labels.lang) for k, v in (spec.get("values") or {}).items()}
        columns.append(Column(spec["key"], label, table_width * share / total, values, day))
    return columns


def _contact(row: SheetRow, masked: bool) -> str:
    if row.email:
        return mask_email(row.email) if masked else row.email
    if row.phone:
        return mask_phone(row.phone) if masked else row.phone
    return ""


_CELLS: dict[str, Callable[[SheetRow, Column, bool], str]] = {
    "number": lambda r, c, m: str(r.number),
    "given_name": lambda r, c, m: r.given_name,
    "surname": lambda r, c, m: r.surname,
    "full_name": lambda r, c, m: f"{r.given_name} {r.surname}".strip(),
    "organisation": lambda r, c, m: r.organisation,
    "municipality": lambda r, c, m: r.municipality,
    "contact": lambda r, c, m: _contact(r, m),
    "email": lambda r, c, m: mask_email(r.email) if m and r.email else r.email,
    "phone": lambda r, c, m: mask_phone(r.phone) if m and r.phone else r.phone,
    "gender": lambda r, c, m: c.values.get(r.gender.value, "") if r.gender else "",
    "age_group": lambda r, c, m: r.age_group,
    "no_photos": lambda r, c, m: "✕" if r.no_photos else "",
}


def cell_text(column: Column, row: SheetRow, masked: bool) -> str:
    """What a person's row prints in a column; "" for signatures and hand-filled columns."""
    fill = _CELLS.get(column.key)
    return " ".join(fill(row, column, masked).split()) if fill else ""
