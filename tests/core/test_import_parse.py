"""The import's column-wise parse (`_parse_rows`) gives for every row what the row-by-row `_parse_row` gives: the
same PersonInput, status, role and problems (in the same words), whatever the cells hold."""

from __future__ import annotations

import random

import pytest

from projektu_vadiba.core.imports.mapping import IGNORE
from projektu_vadiba.core.imports.plan import _Columns, _parse_row, _parse_rows

# Cells that are fine and cells that are not, per kind: spaces, tabs, NBSP, empty, too long, wrong values.
NAMES = ("Anna", "Jānis", "Anna  Marija", " Ēriks ", "Līga\tMaija", "Zane\u00a0Ozola", "", "X" * 101, "Ķ")
SURNAMES = ("Bērziņa", "Ozols", "Kalniņa-Liepa", "", "Lācis ", "van  der Berg", "Y" * 101)
FULL = ("Anna Bērziņa", "Bērziņa, Anna", "Anna", "", "  Jānis   Ozols ", "Ozols,")
EMAILS = ("anna@example.lv", "", "jānis@", " a@b.lv", "A.B@Example.LV", "x" * 250 + "@a.lv", "a b@c.lv")
PHONES = ("20000000", "+371 2000 0000", "", "12", "2000  0000", "tel. 29 123 456", "9" * 41)
GENDERS = ("s", "v", "", "sieviete", "vīrietis", "x", "S", "cits")
YEARS = ("1987", "", "12.05.1987", "19 87", "abc", "1850", "2999", "1987.0", "٢٠٠٠")
CONSENTS = ("jā", "nē", "", "j", "varbūt", "1", "0")
STATUSES = ("", "ieradās", "reģistrēts", "nē", "nezinu")
ROLES = ("", "dalībnieks", "lektors", "kaut kas")
TEXT = ("", "Rīga", "  Ķekava ", "Z" * 301, "Mērķa grupa")

EVERYTHING = (
    "given_name", "surname", "email", "phone", "organisation_name", "municipality", "gender", "birth_year",
    "age_group", "target_group", "consent_data", "consent_photo", "notes", "status", "role", IGNORE,
)  # fmt: skip
MAPPINGS = {
    "names": ("given_name", "surname", "email", "phone", "municipality", "gender", "birth_year"),
    "everything": EVERYTHING,
    "full name": ("full_name", "email", IGNORE, "phone", "status"),
    "full name and parts": ("full_name", "given_name", "surname", "consent_photo"),
}
POOLS = {
    "given_name": NAMES, "surname": SURNAMES, "full_name": FULL, "email": EMAILS, "phone": PHONES,
    "gender": GENDERS, "birth_year": YEARS, "consent_data": CONSENTS, "consent_photo": CONSENTS,
    "status": STATUSES, "role": ROLES, "organisation_name": TEXT, "municipality": TEXT, "age_group": TEXT,
    "target_group": TEXT, "notes": TEXT, IGNORE: ("whatever", ""),
}  # fmt: skip


def _rows(mapping: tuple[str, ...], n: int, seed: int) -> list[tuple[str, ...]]:
    rnd = random.Random(seed)
    rows = []
    for _ in range(n):
        row = tuple(rnd.choice(POOLS[key]) if rnd.random() < 0.5 else POOLS[key][0] for key in mapping)
        cut = rnd.random()
        if cut < 0.1:
            row = row[: rnd.randrange(len(row))]  # a short row: its last cells missing
        elif cut < 0.15:
            row = (*row, "an extra cell")
        rows.append(row)
    return rows


@pytest.mark.parametrize("name", sorted(MAPPINGS))
def test_column_wise_parse_is_the_row_by_row_parse(name: str) -> None:
    mapping = MAPPINGS[name]
    columns = _Columns([*mapping, IGNORE])
    rows = _rows(mapping, 3000, seed=len(name))
    expected = [_parse_row(r, columns, 2026) for r in rows]
    got = _parse_rows(rows, columns, 2026)
    assert got == expected
    assert [[str(m) for m in p[3]] for p in got] == [[str(m) for m in p[3]] for p in expected]  # the words too
    assert sum(1 for p in got if p[3]) > 100 and sum(1 for p in got if not p[3]) > 100  # both kinds were met


def test_clean_rows_and_empty_input() -> None:
    columns = _Columns(MAPPINGS["names"])
    rows = [("Anna", "Bērziņa", f"anna{i}@example.lv", f"2000{i:04}", "Rīga", "s", "1987") for i in range(50)]
    parsed = _parse_rows(rows, columns, 2026)
    assert parsed == [_parse_row(r, columns, 2026) for r in rows]
    assert all(p[3] == () for p in parsed) and parsed[7][0].email == "anna7@example.lv"
    assert _parse_rows([], columns, 2026) == []
