"""A bundle's errors render in English too: the JSON path and the user's own text stay as they are, every word of
ours (what is wrong, what the value is, the date format) comes from the catalogue; the Latvian `message` is
unchanged (tests/core/test_bundle.py holds those texts)."""

from __future__ import annotations

import copy
import re
from pathlib import Path
from typing import Any

import pytest

from projektu_vadiba.core.bundle import FORMAT, VERSION, load_bundle_file
from projektu_vadiba.core.bundle.reader import read_bundle
from projektu_vadiba.core.errors import BundleError
from projektu_vadiba.core.messages import text_of

_LATVIAN = re.compile(r"[āčēģīķļņšūžĀČĒĢĪĶĻŅŠŪŽ]|GGGG|\bnav\b|\bjābūt\b")


def _bundle() -> dict[str, Any]:
    return {
        "format": FORMAT,
        "version": VERSION,
        "project": {
            "number": "MIN-1",
            "title": "Smallest project",
            "start_date": "2024-01-01",
            "end_date": "2024-01-01",
            "funder": {"name": "Local fund"},
            "implementer": "o",
        },
        "organisations": [{"key": "o", "name": "Association"}],
        "events": [
            {"key": "e", "title": "Meeting", "starts_at": "2024-01-01T10:00:00", "ends_at": "2024-01-01T11:00:00"}
        ],
        "people": [{"key": "p", "given_name": "Anna", "surname": "Ozola"}],
        "attendance": [{"event": "e", "person": "p"}],
    }


def _refused(where: tuple[Any, ...], value: Any) -> BundleError:
    data = copy.deepcopy(_bundle())
    target = data
    for step in where[:-1]:
        target = target[step]
    target[where[-1]] = value
    with pytest.raises(BundleError) as caught:
        read_bundle(data)
    return caught.value


CASES = {
    "date": (
        ("project", "start_date"),
        "2024-02-30",
        "$.project.start_date: “2024-02-30” nav derīgs datums (GGGG-MM-DD)",
        "$.project.start_date: “2024-02-30” is not a valid date (YYYY-MM-DD)",
    ),
    "number-for-text": (
        ("people", 0, "given_name"),
        5,
        "$.people[0].given_name: jābūt tekstam, bet ir skaitlis 5",
        "$.people[0].given_name: must be text, but is the number 5",
    ),
    "text-for-integer": (
        ("people", 0, "birth_year"),
        "1990",
        "$.people[0].birth_year: jābūt veselam skaitlim, bet ir teksts “1990”",
        "$.people[0].birth_year: must be a whole number, but is the text “1990”",
    ),
    "object-for-list": (
        ("events",),
        {},
        "$.events: jābūt sarakstam […], bet ir objekts",
        "$.events: must be a list […], but is an object",
    ),
    "float-amount": (
        ("project", "total_cost"),
        12.5,
        "$.project.total_cost: summai jābūt tekstam ar punktu, piemēram “1234.50”, bet ir skaitlis 12.5",
        "$.project.total_cost: an amount must be text with a decimal point, for example “1234.50”, "
        "but is the number 12.5",
    ),
    "negative-amount": (
        ("project", "grant_amount"),
        "-1.00",
        "$.project.grant_amount: “-1.00”: summa nevar būt negatīva",
        "$.project.grant_amount: “-1.00”: the amount cannot be negative",
    ),
    "unknown-field": (
        ("people", 0, "shoe_size"),
        42,
        "$.people[0].shoe_size: nezināms lauks (šīs versijas paketē tāda nav)",
        "$.people[0].shoe_size: unknown field (a bundle of this version has no such field)",
    ),
    "dangling-reference": (
        ("attendance", 0, "person"),
        "q",
        "$.attendance[0].person: “q” nav atrodams sarakstā $.people",
        "$.attendance[0].person: “q” is not in the list $.people",
    ),
    "moment-as-list": (
        ("events", 0, "ends_at"),
        [],
        "$.events[0].ends_at: laikam jābūt tekstam GGGG-MM-DDTHH:MM:SS, bet ir saraksts",
        "$.events[0].ends_at: a time must be text YYYY-MM-DDTHH:MM:SS, but is a list",
    ),
    "newer-version": (
        ("version",),
        VERSION + 1,
        f"$.version: paketes versija {VERSION + 1} nav atbalstīta: tā izveidota ar jaunāku programmu "
        f"(šī programma lasa versijas 1, {VERSION}); atjauniniet programmu",
        f"$.version: bundle version {VERSION + 1} is not supported: it was made by a newer program "
        f"(this program reads versions 1, {VERSION}); update the program",
    ),
}


@pytest.mark.parametrize("case", CASES.values(), ids=CASES.keys())
def test_a_bundle_error_renders_in_english_with_its_path(case: tuple[tuple[Any, ...], Any, str, str]) -> None:
    where, value, latvian, english = case
    error = _refused(where, value)
    assert error.message == latvian
    assert text_of(error, "lv") == latvian
    assert text_of(error, "en") == english
    assert not _LATVIAN.search(english)


def test_a_file_error_renders_in_english_with_line_and_column(tmp_path: Path) -> None:
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "format": "projektu-vadiba-bundle",\n  "version": 1,,\n}\n', encoding="utf-8")
    with pytest.raises(BundleError) as caught:
        load_bundle_file(broken)
    assert caught.value.message == (
        f"Fails “{broken}” nav derīgs JSON: gaidīts lauka nosaukums pēdiņās (3. rinda, 16. kolonna)."
    )
    assert text_of(caught.value, "en") == (
        f"The file “{broken}” is not valid JSON: a field name in double quotes was expected (line 3, column 16)."
    )
    latin1 = tmp_path / "latin1.json"
    latin1.write_bytes('{"format": "Ķekava"}'.encode("cp1257"))
    with pytest.raises(BundleError) as caught:
        load_bundle_file(latin1)
    assert text_of(caught.value, "en") == f"The file “{latin1}” is not UTF-8 text (error at byte 12)."


def test_every_bundle_error_is_raised_with_a_code_the_catalogue_scan_sees() -> None:
    """tests/core/test_messages.py finds a code only right after `_problem(` or `.of(`; a call wrapped over lines
    or a plain Latvian message would slip past it."""
    folder = Path(__file__).resolve().parents[2] / "src" / "projektu_vadiba" / "core" / "bundle"
    for path in folder.glob("*.py"):
        text = path.read_text(encoding="utf-8").replace("def _problem(", "")
        assert re.findall(r'_problem\((?!"bundle\.)', text) == [], path.name
        assert re.findall(r'Error\.of\((?!"bundle\.|code, )', text) == [], path.name  # code: _problem's own
        assert re.findall(r"(?:Bundle|NotFound)Error\((?!\))", text) == [], path.name  # no plain message
