"""Text helpers that know Latvian: diacritic folding for search, alphabetical order for lists."""

from __future__ import annotations

import unicodedata
from functools import lru_cache

# Latvian alphabet order: a ā b c č d e ē f g ģ h i ī j k ķ l ļ m n ņ o p r s š t u ū v z ž.
# Letters not in it (q w x y, foreign accents) sort by their base letter.
_LV_ALPHABET = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzž"
_RANK = {ch: i for i, ch in enumerate(_LV_ALPHABET)}
_FOREIGN = {"q": _RANK["p"], "w": _RANK["v"], "x": _RANK["v"], "y": _RANK["i"]}


@lru_cache(maxsize=65536)  # names and places repeat: an import folds the same few thousand strings again and again
def fold(text: str) -> str:
    """Lower-case without diacritics: 'Bērziņš' -> 'berzins', 'Ķekava' -> 'kekava'."""
    if text.isascii():
        return text.lower()
    decomposed = unicodedata.normalize("NFKD", text.casefold())
    return "".join(ch for ch in decomposed if not unicodedata.combining(ch))


def _letter_rank(ch: str) -> tuple[int, int, str]:
    if ch in _RANK:
        return (1, _RANK[ch] * 2, ch)
    if ch in _FOREIGN:
        return (1, _FOREIGN[ch] * 2 + 1, ch)
    base = fold(ch)
    if len(base) == 1 and base in _RANK:
        return (1, _RANK[base] * 2 + 1, ch)
    if ch.isdigit():
        return (0, ord(ch), ch)
    return (2, ord(ch), ch)


def lv_sort_key(text: str) -> tuple[tuple[tuple[int, int, str], ...], str]:
    """Key for Latvian alphabetical order; case only breaks ties."""
    lowered = text.casefold().strip()
    return (tuple(_letter_rank(ch) for ch in lowered), text)


def normalise_space(text: str) -> str:
    return " ".join(text.split())


def name_key(text: str) -> str:
    """Equality key for names: case and spacing do not matter, letters (ā vs a) do."""
    return normalise_space(text).casefold()
