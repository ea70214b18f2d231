"""Issue 18, items 4 and 5 for bundles: control characters (NUL crashed PostgreSQL) are refused with their JSON
path before anything is written, on both back-ends; limits name themselves; a file nested thousands deep or
holding a 5 000-digit number gets a message instead of a RecursionError or ValueError."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest
from sqlalchemy import func, select

from projektu_vadiba.core.bundle import export_project, import_bundle, load_bundle_file
from projektu_vadiba.core.bundle import reader as bundle_reader
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.errors import BundleError
from projektu_vadiba.core.models import Person, Project


@pytest.fixture
def bundle(db: Database) -> dict[str, Any]:
    """The first demo project as a bundle, renumbered so it imports as a new project."""
    with db.session() as s:
        fill_demo(s, seed=3)
        number = s.scalars(select(Project.number).order_by(Project.id)).first()
        assert number is not None
        data = export_project(s, number)
    data["project"]["number"] = "2099.LV/TEST/001"
    return data


def _count(db: Database) -> int:
    with db.session() as s:
        return int(s.scalar(select(func.count()).select_from(Person)) or 0)


@pytest.mark.parametrize("char", ["\x00", "\x1b", "\x7f"])
def test_a_control_character_is_refused_with_its_path_and_nothing_written(
    db: Database, bundle: dict[str, Any], char: str
) -> None:
    bundle["people"][1]["notes"] = f"pirms{char}pēc"
    before = _count(db)
    with pytest.raises(BundleError) as caught, db.session() as s:
        import_bundle(s, bundle)
    assert caught.value.code == "bundle.control_character"
    assert caught.value.values["path"] == "$.people[1].notes"
    assert caught.value.values["char"] == f"U+{ord(char):04X}"
    assert _count(db) == before


def test_line_breaks_and_tabs_in_a_text_import(db: Database, bundle: dict[str, Any]) -> None:
    bundle["people"][0]["notes"] = "rinda\r\notra\tkolonna"
    with db.session() as s:
        summary = import_bundle(s, bundle)
    assert summary.number == "2099.LV/TEST/001"


def test_the_people_limit_names_itself(bundle: dict[str, Any], monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(bundle_reader, "MAX_PEOPLE", 2)
    with pytest.raises(BundleError) as caught:
        bundle_reader.read_bundle(bundle)
    assert caught.value.code == "bundle.too_many"
    assert (caught.value.values["path"], caught.value.values["limit"]) == ("$.people", 2)


@pytest.mark.parametrize(
    ("text", "code"),
    [
        ("[" * 100_000 + "]" * 100_000, "bundle.file_too_deep"),
        ('{"a": ' + "9" * 5000 + "}", "bundle.file_number_too_long"),
    ],
)
def test_hostile_json_gets_a_message(tmp_path: Path, text: str, code: str) -> None:
    path = tmp_path / "x.json"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(BundleError) as caught:
        load_bundle_file(path)
    assert caught.value.code == code
    assert json.dumps(caught.value.values["path"]).count("x.json") == 1
