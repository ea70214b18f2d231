"""Text for printed reports: Latvian labels (a profile may override them), dates, places, line wrapping."""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, datetime
from functools import lru_cache
from typing import Any

from projektu_vadiba.core.funders import pick

LABELS: dict[str, dict[str, str]] = {
    "lv": {
        "project": "Projekts",
        "project_number": "Projekta Nr.",
        "event": "Pasākums",
        "activity": "Aktivitāte",
        "when": "Datums un laiks",
        "place": "Vieta",
        "implementer": "Īstenotājs",
        "funder": "Finansētājs",
        "programme": "programma",
        "online": "tiešsaistē",
        "time": "plkst.",
        "page": "Lapa {page} no {pages}",
        "responsible": "Par reģistrāciju atbildīgā persona:",
        "responsible_annex": "Sarakstu sagatavoja:",
        "responsible_hint": "(vārds, uzvārds, paraksts)",
        "total": "Kopā piedalījās: {n}",
        "empty": "Sarakstā nav neviena dalībnieka.",
        "empty_attended": "Neviens dalībnieks nav atzīmēts kā ieradies.",
        "retention_until": "līdz {date}",
        "retention_default": "finansētāja noteikto laiku",
        "reg_number": "reģ. nr.",
        "signature_day": "Paraksts {date}",
    },
    "en": {
        "project": "Project",
        "project_number": "Project No.",
        "event": "Event",
        "activity": "Activity",
        "when": "Date and time",
        "place": "Place",
        "implementer": "Implementer",
        "funder": "Funder",
        "programme": "programme",
        "online": "online",
        "time": "",
        "page": "Page {page} of {pages}",
        "responsible": "Person responsible for registration:",
        "responsible_annex": "List prepared by:",
        "responsible_hint": "(name, surname, signature)",
        "total": "Attended in total: {n}",
        "empty": "Nobody is on the list.",
        "empty_attended": "Nobody is marked as attended.",
        "retention_until": "until {date}",
        "retention_default": "for the period the funder requires",
        "reg_number": "reg. No.",
        "signature_day": "Signature {date}",
    },
}

WEEKDAYS = {
    "lv": ("pirmdiena", "otrdiena", "trešdiena", "ceturtdiena", "piektdiena", "sestdiena", "svētdiena"),
    "en": ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"),
}


class Labels:
    """The built-in labels of a language, with a profile's own wording (attendance_sheet.labels) on top."""

    def __init__(self, lang: str = "lv", overrides: Mapping[str, Any] | None = None) -> None:
        self.lang = lang if lang in LABELS else "lv"
        self._own = {k: pick(v, self.lang) for k, v in (overrides or {}).items()}

    def __getitem__(self, key: str) -> str:
        return self._own.get(key) or LABELS[self.lang].get(key) or LABELS["lv"][key]


class _Keep(dict[str, str]):
    def __missing__(self, key: str) -> str:  # an unknown {placeholder} stays visible instead of failing
        return "{" + key + "}"


def fill(template: str, values: Mapping[str, str]) -> str:
    try:
        return template.format_map(_Keep(values))
    except (ValueError, IndexError):  # stray braces in a coordinator's text: print it as written
        return template


def format_date(day: date) -> str:
    return f"{day:%d.%m.%Y}"


def format_time(moment: datetime) -> str:
    return f"{moment:%H.%M}"  # Latvian usage: plkst. 10.00


def format_when(start: datetime, end: datetime, labels: Labels) -> str:
    time = labels["time"]
    at = f"{time} " if time else ""
    if start.date() == end.date():
        weekday = WEEKDAYS[labels.lang][start.weekday()]
        return f"{weekday}, {format_date(start.date())}, {at}{format_time(start)}–{format_time(end)}"
    return f"{format_date(start.date())} {at}{format_time(start)} – {format_date(end.date())} {at}{format_time(end)}"


def event_days(start: datetime, end: datetime) -> list[date]:
    days = (end.date() - start.date()).days + 1
    return [date.fromordinal(start.date().toordinal() + i) for i in range(max(days, 1))]


def format_place(place: str, address: str, municipality: str, online: bool, link: str, labels: Labels) -> str:
    parts = [p.strip() for p in (place, address) if p.strip()]
    if municipality.strip() and not any(municipality.strip().casefold() in p.casefold() for p in parts):
        parts.append(municipality.strip())
    if online:
        parts.append(f"{labels['online']} {link}".strip() if link else labels["online"])
    return ", ".join(parts)


def mask_email(email: str) -> str:
    """Enough to recognise one's own address, not enough to copy someone else's from a shared sheet."""
    user, at, domain = email.partition("@")
    if not at:
        return mask_phone(email)
    return f"{user[:2]}•••@{domain}"


def mask_phone(phone: str) -> str:
    digits = [i for i, ch in enumerate(phone) if ch.isdigit()]
    hidden = set(digits[4:-2]) if len(digits) > 6 else set(digits[1:-1])
    return "".join("•" if i in hidden else ch for i, ch in enumerate(phone))


@lru_cache(maxsize=100_000)
def text_width(text: str, font: str, size: float) -> float:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    return float(stringWidth(text, font, size))


def wrap(text: str, font: str, size: float, width: float) -> list[str]:
    """Greedy line breaking at spaces; a word wider than the line is cut between letters (never spills)."""
    from reportlab.pdfbase.pdfmetrics import stringWidth

    # Most cells are one line with single spaces: measured once instead of word by word. (A prefix is never wider
    # than the whole, so the loop below would give the same; line breaks are not printable.)
    plain = text.isprintable() and "  " not in text and text[:1] != " " and text[-1:] != " "
    if plain and text_width(text, font, size) <= width:
        return [text]
    lines: list[str] = []
    for paragraph in text.splitlines() or [""]:
        current = ""
        for word in (w for w in paragraph.split(" ") if w):
            candidate = f"{current} {word}" if current else word
            if stringWidth(candidate, font, size) <= width:
                current = candidate
                continue
            if current:
                lines.append(current)
            current = word
            while stringWidth(current, font, size) > width and len(current) > 1:
                cut = _fit_chars(current, font, size, width)
                lines.append(current[:cut])
                current = current[cut:]
        lines.append(current)
    return lines


def _fit_chars(word: str, font: str, size: float, width: float) -> int:
    from reportlab.pdfbase.pdfmetrics import stringWidth

    lo, hi = 1, len(word)
    while lo < hi:  # the longest prefix that fits (at least one letter)
        mid = (lo + hi + 1) // 2
        if stringWidth(word[:mid], font, size) <= width:
            lo = mid
        else:
            hi = mid - 1
    # An e-mail or a path reads better cut after @ . - / than in the middle of a name.
    soft = max(word.rfind(ch, 0, lo) for ch in "@.-/_")
    return soft + 1 if soft >= lo // 3 and soft > 0 else lo
