"""The per-row shortcuts of an import plan give what the full path gives: `people.is_tidy` only ever says "clean"
of a row that `validate_person` returns as it is without a problem, a plan made with the shortcut equals one made
with every row validated, and the earlier-row test of the plan's loop finds the rows the step-by-step rule finds."""

from __future__ import annotations

import itertools
import random

import pytest

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.imports import build_plan, plan, read_csv_bytes
from projektu_vadiba.core.imports.plan import ImportPlan
from projektu_vadiba.core.models import Gender
from projektu_vadiba.core.services import people

_NAMES = ("Anna", " Anna", "Anna ", "Anna  Marija", "Anna\u00a0Marija", "Anna\tMarija", "", "   ", "A" * 100, "A" * 101)
_EMAILS = ("", "anna@example.lv", " anna@example.lv", "anna@example.lv ", "anna@", "an na@example.lv", "ā@ē.lv",
           "a" * 243 + "@example.lv", "a" * 244 + "@example.lv")  # fmt: skip
_PHONES = ("", "+371 2000 0000", "2000 0000 ", "2000  0000", "20\u00a000 0000", "abc", "12345", "٢٠٠٠٠٠٠٠", "1" * 40,
           "1" * 41)  # fmt: skip
_YEARS = (None, 1899, 1900, 1987)
_TEXTS = ("", "Rīga", " Rīga ", "x" * 40, " " + "x" * 40)


def _inputs(this_year: int) -> list[PersonInput]:
    rnd = random.Random(19)
    out = [
        PersonInput(g, s, email=e, phone=p)
        for g, s, e, p in itertools.product(_NAMES, _NAMES[:4], _EMAILS, _PHONES)
        if rnd.random() < 0.5
    ]
    for year, text in itertools.product((*_YEARS, this_year, this_year + 1), _TEXTS):
        for limit in (40, 120, 200, 300):
            long = text * (limit // max(len(text), 1) + 1) if len(text) > 10 else text
            out.append(PersonInput("Anna", "Liepa", municipality=long[:121], age_group=long[:41], birth_year=year))
            out.append(PersonInput("Anna", "Liepa", target_group=long[:201], organisation_name=long[:301]))
    return out


def test_a_tidy_person_is_one_validation_returns_as_it_is() -> None:
    this_year = clock.today().year
    tidy = untidy = 0
    for data in _inputs(this_year):
        if people.is_tidy(data, this_year):
            tidy += 1
            assert people.validate_person(data) is data, data
        else:  # "not tidy" says nothing: the caller validates (a long text stripped may be within its limit)
            untidy += 1
    assert tidy > 100 and untidy > 100


SHEET = (
    "Vārds;Uzvārds;E-pasts;Tālrunis;Pašvaldība;Dzimums;Dzimšanas gads\n"
    "Anna;Liepa;anna@example.lv;2000 0001;Rīga;s;1987\n"
    " Anna ; Liepa ;ANNA@example.lv ;;;s;12.05.1987\n"  # the same e-mail in another case, spaces around cells
    "Anna  Marija;Liepa;;+371 2000 0001;;;\n"  # the first row's phone
    "Liepa;Anna;cita@example.lv;;;;\n"  # the name swapped, another e-mail: conflicts with row 2 (different e-mail)
    "Liepa;Anna;;;;;\n"  # the name swapped, no contacts: the same as row 2
    "Jānis;Bērziņš;janis@;;;v;1899\n"  # a bad e-mail, a birth year out of range
    "Jānis;Bērziņa;;2000 0002;;x;\n"  # another gender form of row 7's surname, a bad gender
    ";Ozola;;;;;\n"  # no given name
    "Ilze;Ozola;ilze@example.lv;2000 0003;;;\n"
    "Ilze;Ozols;ILZE@EXAMPLE.LV;2000 0004;;;\n"  # the same e-mail, another phone
    "Ilze;Ozoliņa;;2000 0004;;;\n"  # row 11's phone
    "Registrētā;Persona;reg@example.lv;;;;\n"  # a registered person by e-mail
    "Persona;Registrētā;;;;;\n"  # a registered person's name, swapped
    f"Gara;{'Ā' * 101};;;;;\n"  # a surname too long
    "Pēteris;Kalniņš;;29 000 000 0000 0000 0000 0000 0000 0000 0000;;;\n"  # a phone too long
)


def _plan(db: Database) -> ImportPlan:
    with db.session() as s:
        return build_plan(s, read_csv_bytes(SHEET.encode("utf-8")))


def test_a_plan_with_the_tidy_shortcut_equals_one_validating_every_row(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    with db.session() as s:
        people.create_person(s, PersonInput("Registrētā", "Persona", email="reg@example.lv", gender=Gender.FEMALE))
        people.create_person(s, PersonInput("Anna", "Liepa", phone="2000 0001"))
    fast = _plan(db)
    monkeypatch.setattr(plan, "is_tidy", lambda data, year: False)
    slow = _plan(db)
    assert fast == slow  # every row: the person as validated, problems, matches, reasons, the earlier row
    assert [r.keys for r in fast.rows] == [r.keys for r in slow.rows]
    assert fast.messages() == slow.messages() and fast.messages("en") == slow.messages("en")
    assert len(fast.invalid) == 5 and fast.duplicates  # the sheet tests both kinds


def test_the_earlier_row_is_the_one_the_step_by_step_rule_finds(db: Database) -> None:
    rnd = random.Random(5)
    given = ("Anna", "Ilze", "Jānis", "Liepa", "Marta", "Pēteris", "Zane", "Ozola", "Kārlis", "Rasa", "Ēriks")
    surnames = ("Liepa", "Liepiņa", "Liepiņš", "Ozola", "Ozols", "Anna", "Kalna", "Kalns", "Zeltiņa", "Bērziņš", "Ilze")
    lines = ["Vārds;Uzvārds;E-pasts;Tālrunis"]
    for _ in range(400):
        email = rnd.choice(("", "", "", "a@example.lv", "b@example.lv", "A@Example.lv", f"{rnd.random()}@example.lv"))
        phone = rnd.choice(("", "", "", "2000 0001", "+371 20000001", "2000 0002", f"2{rnd.randrange(10**7):07}"))
        lines.append(f"{rnd.choice(given)};{rnd.choice(surnames)};{email};{phone}")
    with db.session() as s:
        made = build_plan(s, read_csv_bytes(("\n".join(lines) + "\n").encode("utf-8")))
    # The rule as written before the loop was fused: look up e-mail, then phone, then each name (not conflicting),
    # then record this row's keys where none were.
    seen_email: dict[str, int] = {}
    seen_phone: dict[str, int] = {}
    seen_name: dict[str, int] = {}
    first_keys = {}
    expected = []
    conflicts = 0  # a namesake passed over: the contacts say two people
    for r in made.rows:
        key = r.keys
        assert key is not None
        earlier = seen_email.get(key.email) if key.email else None
        if earlier is None and key.phone:
            earlier = seen_phone.get(key.phone)
        if earlier is None:
            for n in key.names:
                first = seen_name.get(n)
                if first is not None and not plan._conflict(key, first_keys[first]):
                    earlier = first
                    break
                conflicts += first is not None
        if key.email:
            seen_email.setdefault(key.email, r.row)
        if key.phone:
            seen_phone.setdefault(key.phone, r.row)
        for n in key.names:
            seen_name.setdefault(n, r.row)
        first_keys.setdefault(r.row, key)
        expected.append(earlier)
    assert [r.same_as_row for r in made.rows] == expected
    assert sum(e is not None for e in expected) > 100 and expected.count(None) > 20 and conflicts > 10
