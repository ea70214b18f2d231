"""Age groups: the one rule for every count that breaks people down by age.

A person's group is the one recorded for them (a funder's own wording, kept as entered); otherwise it is derived
from the birth year at the person's first event on any list. That reference is fixed, so a figure does not depend
on the period asked, and anonymisation stores the derived group before it clears the birth year.

The bands are the EEA Active Citizens Fund's (the finest any built-in funder asks for; the others ask for none):
up to 17, 18–25, 26–45, 46–64, 65+. A coarser grouping can always be added up from these, never the reverse.
"""

from __future__ import annotations

import re
from typing import Any

# (lowest age, highest age or None, the label stored and printed)
BANDS: tuple[tuple[int, int | None, str], ...] = (
    (0, 17, "līdz 17"),
    (18, 25, "18–25"),
    (26, 45, "26–45"),
    (46, 64, "46–64"),
    (65, None, "65+"),
)


def band_of(birth_year: int | None, reference_year: int | None) -> str:
    """The band of someone born in `birth_year`, aged as in `reference_year`; "" when either is unknown."""
    if birth_year is None or not reference_year:
        return ""
    age = reference_year - birth_year
    for low, high, label in BANDS:
        if age >= low and (high is None or age <= high):
            return label
    return ""  # born after the reference year: a typing error, not a group


def band_sql(age: Any) -> Any:
    """The same bands as a SQL CASE over an age expression (NULL age or a negative one: '')."""
    from sqlalchemy import case, literal

    whens = [((age >= low) & (age <= high), label) for low, high, label in BANDS if high is not None]
    whens += [(age >= low, label) for low, high, label in BANDS if high is None]
    return case(*whens, else_=literal(""))


_FIRST_NUMBER = re.compile(r"\d+")


def order_key(label: str) -> tuple[int, Any]:
    """'līdz 17' < '18–25' < '65+' < other texts < "" (not given): by the first number in the label."""
    if not label:
        return (1 << 31, "")
    found = _FIRST_NUMBER.search(label)
    return (int(found.group()) if found else 1 << 30, label.casefold())
