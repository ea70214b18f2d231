"""Counted nouns in the UI language: Latvian has three forms (1 projekts, 2 projekti, 10 projektu), English two.

The three Latvian forms are marked for translation one by one; in English the "few" and "many" forms both
translate to the plural and the English rule picks between singular and plural.
"""

from __future__ import annotations

from projektu_vadiba.ui.formatting import lv_plural

_language = "lv"


def set_language(language: str) -> None:
    global _language
    _language = language


def language() -> str:
    return _language


def plural(n: int, one: str, few: str, many: str) -> str:
    if _language == "lv":
        return lv_plural(n, one, few, many)
    return one if abs(n) == 1 else many


def count(n: int, one: str, few: str, many: str) -> str:
    """ "3 pasākumi" / "3 events" (the forms already translated by the caller)."""
    return f"{n} {plural(n, one, few, many)}"
