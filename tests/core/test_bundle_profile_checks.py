"""An import is held to the funder's profile like a project made in the window: keys, limits, deadlines, retention."""

from __future__ import annotations

import copy
from collections.abc import Iterator
from datetime import date
from pathlib import Path
from typing import Any

import pytest

from projektu_vadiba.core.bundle import import_bundle
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import BundleError
from projektu_vadiba.core.messages import text_of
from projektu_vadiba.core.models import DeadlineKind, Project
from projektu_vadiba.core.services import organisations, projects
from tests.core.test_bundle import _build_project, _database, export_project, migrated_template  # noqa: F401

NUMBER = "2023.LV/NVOF/MAC/041/58"


@pytest.fixture
def exported(migrated_template: Path, tmp_path: Path) -> dict[str, Any]:  # noqa: F811
    for db in _database(migrated_template, tmp_path / "a.sqlite"):
        with db.session() as s:
            _build_project(s)
        with db.session() as s:
            return export_project(s, NUMBER)
    raise AssertionError("no database")


@pytest.fixture
def target(migrated_template: Path, tmp_path: Path) -> Iterator[Database]:  # noqa: F811
    yield from _database(migrated_template, tmp_path / "b.sqlite")


def _warnings(db: Database, data: dict[str, Any]) -> list[str]:
    with db.session() as s:
        return [text_of(w, "lv") for w in import_bundle(s, data).warnings]


def test_an_oversized_micro_project_imports_with_the_funders_limits_named(
    exported: dict[str, Any], target: Database
) -> None:
    data = copy.deepcopy(exported)
    data["project"].update(
        number="2023.LV/NVOF/MIC/007", start_date="2024-01-01", end_date="2025-06-30", grant_amount="25000.00"
    )
    warnings = " | ".join(_warnings(target, data))
    assert "MIC projektam finansētājs piešķir ne vairāk kā 11" in warnings
    assert "ilgt ne vairāk kā 10 mēnešus; šis ilgst 18" in warnings
    assert "jānorit vienā kalendārajā gadā" in warnings


def test_a_number_not_in_the_funders_form_is_named_on_import(exported: dict[str, Any], target: Database) -> None:
    data = copy.deepcopy(exported)
    data["project"]["number"] = "NVO-41"
    assert any("NVO-41 neatbilst finansētāja numura formai" in w for w in _warnings(target, data))


def test_an_unknown_profile_key_is_refused_with_its_path(exported: dict[str, Any], target: Database) -> None:
    data = copy.deepcopy(exported)
    data["project"]["funder"]["profile_key"] = "sif_nvo_fond"
    with pytest.raises(BundleError) as err:
        _warnings(target, data)
    assert "$.project.funder.profile_key" in text_of(err.value, "lv") and "sif_nvo_fond" in text_of(err.value, "lv")
    with target.session() as s:
        assert projects.list_projects(s) == []  # nothing written


def test_a_bundle_without_deadlines_gets_the_funders_and_a_retention_date(
    exported: dict[str, Any], target: Database
) -> None:
    data = copy.deepcopy(exported)
    data["project"]["report_deadlines"] = []
    data["project"].pop("retention_until", None)
    with target.session() as s:
        pid = import_bundle(s, data).project_id
        project = s.get(Project, pid)
        assert project is not None
        assert [(d.kind, d.due_date) for d in project.deadlines] == [(DeadlineKind.FINAL_REPORT, date(2024, 1, 29))]
        assert project.retention_until == date(2028, 12, 31)  # SIF: five years after the end


def test_a_funder_already_there_keeps_its_profile_and_the_import_says_so(
    exported: dict[str, Any], target: Database
) -> None:
    with target.session() as s:
        organisations.find_or_create_funder(s, "  Sabiedrības   integrācijas fonds ", "generic")
    warnings = _warnings(target, copy.deepcopy(exported))
    assert any("jau ir ar profilu “generic”" in w and "“sif_nvo_fonds”" in w for w in warnings)
