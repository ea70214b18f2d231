"""Derived keys stored on each person so that the database, not Python, can search, sort and find duplicates.

- `search_words`: folded words (lower case, no diacritics, punctuation as spaces); the stored `search_text` and
  every query are split the same way, so SQLite FTS5, PostgreSQL full-text search and Python agree on "a word".
- `name_key`: folded "given surname" for duplicate finding ('JĀNIS  bērziņš' == 'Janis Berzins'); a lookup tries
  every gender form of the surname (`name_key_forms`: 'Anna Bērziņa' finds 'anna berzins').
- `phone_key`: the digits of a phone number without the Latvian country code ('+371 2000 0000' == '20000000').
- `sort_key`: Latvian alphabetical order (surname, then given name) as a plain ASCII string, so ORDER BY in SQL
  gives a ā b c č … order on both back-ends, with an index, and paging with OFFSET stays in that order.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from projektu_vadiba.core import surname_forms
from projektu_vadiba.core.text import fold

_WORD_SPLIT = re.compile(r"[^\w]+|_+")
_LV_ALPHABET = "aābcčdeēfgģhiījkķlļmnņoprsštuūvzž"
_RANK = {ch: i for i, ch in enumerate(_LV_ALPHABET)}
_FOREIGN = {"q": _RANK["p"], "w": _RANK["v"], "x": _RANK["v"], "y": _RANK["i"]}
SORT_KEY_LENGTH = 400
# ASCII letters and digits lower-cased, every other byte a space
_ASCII_WORD_BYTES = bytes(ord(chr(c).lower()) if c < 128 and chr(c).isalnum() else 32 for c in range(256))
_ASCII_NON_DIGIT_BYTES = bytes(c for c in range(128) if not chr(c).isdigit())


def search_words(text: str) -> list[str]:
    """'Zanna@Example.lv, Ķekava' -> ['zanna', 'example', 'lv', 'kekava']."""
    joined = _joined(text)
    return joined.split(" ") if joined else []


def _joined(text: str) -> str:
    """The folded words of `text` joined by one space (words hold no spaces)."""
    # An e-mail is one person's alone: a cache would only churn (85,000 e-mails: 175 ms through the cache and
    # str.translate's mapping, ~40 ms straight through the byte table).
    return _ascii_joined(text) if "@" in text and text.isascii() else _cached_joined(text)


@lru_cache(maxsize=65536)  # names and places repeat in every import
def _cached_joined(text: str) -> str:
    if text.isascii():
        return _ascii_joined(text)
    return " ".join(w for w in _WORD_SPLIT.split(fold(text)) if w)


def _ascii_joined(text: str) -> str:
    """The words are the runs of ASCII letters and digits (\\w less "_"), lower case: one pass of a 256-byte table."""
    return b" ".join(text.encode("ascii").translate(_ASCII_WORD_BYTES).split()).decode("ascii")


def search_text(*parts: str, limit: int = 800) -> str:
    # Part by part (the same words as folding them joined: a space separates words): names and places repeat, so
    # the cache serves them.
    text = " ".join(j for p in parts if p and (j := _joined(p)))
    if len(text) <= limit:
        return text
    return text[:limit].rsplit(" ", 1)[0]


def name_key(given: str, surname: str) -> str:
    return name_keys(given, surname)[0]


def name_keys(given: str, surname: str) -> tuple[str, str]:
    """(name_key(given, surname), name_key(surname, given)): the key and the key of the swapped name, from the
    words of each part (cached), the same as folding the joined text."""
    first, last = _joined(given), _joined(surname)
    if not first or not last:
        return first or last, first or last
    return f"{first} {last}", f"{last} {first}"


@lru_cache(maxsize=65536)  # a registry's names repeat (100,000 rows of a national file: 40,000 distinct pairs)
def name_key_forms(given: str, surname: str) -> tuple[str, ...]:
    """The name keys a person may be registered under: `name_keys`, each with the surname in every gender form
    (core.surname_forms), the keys as typed first: ('Anna', 'Bērziņa') -> ('anna berzina', 'anna berzins',
    'berzina anna', 'berzina anns'); in the swapped key the given-name slot holds what would be the surname."""
    first, last = _joined(given), _joined(surname)
    if not first or not last:
        return (first or last,) if first or last else ()
    keys = [f"{first} {v}" for v in surname_forms.variants(last)]
    keys += [f"{last} {v}" for v in surname_forms.variants(first)]
    return tuple(dict.fromkeys(keys))


def email_key(email: str) -> str:
    return email.strip().casefold()


def phone_key(phone: str) -> str:
    # ASCII (nearly every number): the non-digits dropped by one bytes.translate (a 256-byte table; str.translate
    # looks each character up in a dict: 100,000 numbers 80 -> 62 ms); else any Unicode digit counts.
    digits = (
        phone.encode("ascii").translate(None, _ASCII_NON_DIGIT_BYTES).decode("ascii")
        if phone.isascii()
        else "".join(ch for ch in phone if ch.isdigit())
    )
    if digits.startswith("00"):
        digits = digits[2:]
    if digits.startswith("371") and len(digits) == 11:
        digits = digits[3:]
    return digits if len(digits) >= 6 else ""


@lru_cache(maxsize=4096)  # a few dozen distinct letters in practice
def _code(ch: str) -> str:
    # Two hex digits per letter (first digit 0-5), six for anything else ('f' + code point): prefix-free, so
    # comparing the strings compares the letters one by one. Hex digits sort the same under every collation.
    if ch in _RANK:
        return f"{0x10 + 2 * _RANK[ch]:02x}"
    if ch in _FOREIGN:
        return f"{0x11 + 2 * _FOREIGN[ch]:02x}"
    if ch.isdigit() and ch.isascii():
        return f"0{int(ch) + 2:x}"
    if not ch.isalnum():
        return "01"  # spaces, hyphens, apostrophes: before every letter, as in "Sils" < "Sils-Ozola"
    base = "".join(c for c in unicodedata.normalize("NFKD", ch) if not unicodedata.combining(c))
    if len(base) == 1 and base in _RANK:  # ö, é: next to their base letter
        return f"{0x11 + 2 * _RANK[base]:02x}"
    return f"f{ord(ch):05x}"


def sort_key(surname: str, given: str) -> str:
    return f"{_sort_part(surname)}00{_sort_part(given)}"[:SORT_KEY_LENGTH]


@lru_cache(maxsize=65536)  # surnames and given names repeat far more than their pairs
def _sort_part(text: str) -> str:
    return "".join(_code(ch) for ch in " ".join(text.split()).casefold())
