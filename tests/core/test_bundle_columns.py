"""No column forgotten: every column of every table is either carried by the bundle (named here with the field
that carries it, which the export must really write) or listed as deliberately left out, with the reason.

A new table or column fails here until someone decides which it is; the field names are checked against an export
of a project that fills every list (tests/core/bundle_sources.py)."""

from __future__ import annotations

from collections.abc import Callable, Iterator
from pathlib import Path
from typing import Any

import pytest

from projektu_vadiba.core.bundle import export_project
from projektu_vadiba.core.models import Base
from tests.core.bundle_sources import Source, make_source
from tests.core.test_bundle import NUMBER

ID = "a database id: records refer to each other by bundle-local keys (org-1, ev-3) numbered in id order"
STAMP = "this database's own bookkeeping time: export -> import -> export must give the same bytes"
DERIVED = "derived from other fields and computed again on import"
OWNER = "the bundle holds one project: every record in it belongs to it"
VERSION = "a row's edit counter in this database (lost-update check); an imported row starts again at 1"
UNUSED_ON_IMPORT = "matched by name on import (bundle.md: an existing funder or organisation is reused as it is)"


class Out:
    """Deliberately not in the bundle, and why."""

    def __init__(self, reason: str) -> None:
        self.reason = reason


Item = Callable[[dict[str, Any]], dict[str, Any]]


def _first(name: str) -> Item:
    return lambda bundle: bundle[name][0]


def _project(name: str) -> Item:
    return lambda bundle: bundle["project"][name][0]


def _interim_text(bundle: dict[str, Any]) -> dict[str, Any]:
    """An interim report's text: its period from `interim_texts`, key and text from that report's `texts` (the
    final report's texts, `project.texts`, are the same key -> text without a period)."""
    report = bundle["project"]["interim_texts"][0]
    key, text = next(iter(report["texts"].items()))
    return {"key": key, "text": text, "period_start": report["period_start"], "period_end": report["period_end"]}


_LOCAL_ONLY = (
    "a print record ties the QR codes of sheets printed here to this database's ids and installation id; in "
    "another database a scan of those sheets could not be matched (scan.other_database). The signed sheets "
    "themselves travel as attachments (kind signed_sheet)"
)

# table -> (the exported record that carries its columns, or Out for a table left out as a whole;
#           column -> field of that record, or Out)
COLUMNS: dict[str, tuple[Item | Out, dict[str, str | Out]]] = {
    "app_meta": (Out("facts about this database (its installation id), not about a project"), {}),
    "personal_data_log": (
        Out("this database's GDPR accountability log; the import writes its own 'imported' entries"),
        {},
    ),
    "team_users": (Out("the team server's login roles: people of this database's server, not of a project"), {}),
    "team_members": (
        Out("who may work on the project on this team server (roles of its server); the importer's team adds its own"),
        {},
    ),
    "audit_log": (
        Out(
            "written by this server's triggers about changes made here; an import is a change of its own, audited there"
        ),
        {},
    ),
    "sheet_prints": (Out(_LOCAL_ONLY), {}),
    "print_pages": (Out(_LOCAL_ONLY), {}),
    "print_rows": (Out(_LOCAL_ONLY), {}),
    "scan_applies": (Out("the undo history of scans applied in this database; the ticks they set travel"), {}),
    "funders": (
        lambda b: b["project"]["funder"],
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "name": "name",
            "name_key": Out(DERIVED),
            "short_name": "short_name",
            "profile_key": "profile_key",
        },
    ),
    "programmes": (
        lambda b: b["project"]["programme"],
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "funder_id": Out("the programme sits inside its funder's project"),
            "name": "name",
            "strand": "strand",
            "call_year": "call_year",
            "profile_key": "profile_key",
        },
    ),
    "organisations": (
        _first("organisations"),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "name": "name",
            "name_key": Out(DERIVED),
            "kind": "kind",
            "reg_number": "reg_number",
            "address": "address",
            "municipality": "municipality",
            "email": "email",
            "phone": "phone",
            "website": "website",
            "is_own": "own",
            "logo": "logo",
            "created_at": Out(STAMP),
            "updated_at": Out(STAMP),
        },
    ),
    "projects": (
        lambda b: b["project"],
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "funder_id": "funder",
            "programme_id": "programme",
            "implementer_id": "implementer",
            "number": "number",
            "title": "title",
            "status": "status",
            "start_date": "start_date",
            "end_date": "end_date",
            "total_cost": "total_cost",
            "grant_amount": "grant_amount",
            "aim": "aim",
            "retention_until": "retention_until",
            "publicity": "publicity",
            "logo": "logo",
            "created_at": Out(STAMP),
            "updated_at": Out(STAMP),
        },
    ),
    "project_partners": (
        _project("partners"),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "project_id": Out(OWNER),
            "organisation_id": "organisation",
            "role": "role",
            "description": "description",
        },
    ),
    "cofinancing": (
        _project("cofinancing"),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "project_id": Out(OWNER),
            "source": "source",
            "organisation_id": "organisation",
            "amount": "amount",
            "note": "note",
        },
    ),
    "project_target_groups": (
        _project("target_groups"),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "project_id": Out(OWNER),
            "name": "name",
            "planned_count": "planned_count",
        },
    ),
    # Texts are section key -> text (bundle/texts.py): the column "key" is the field name, "text" its value.
    "project_texts": (
        _interim_text,
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "project_id": Out(OWNER),
            "key": "key",
            "text": "text",
            "period_start": "period_start",
            "period_end": "period_end",
        },
    ),
    "report_deadlines": (
        _project("report_deadlines"),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "project_id": Out(OWNER),
            "kind": "kind",
            "due_date": "due_date",
            "period_start": "period_start",
            "period_end": "period_end",
            "submitted_on": "submitted_on",
            "note": "note",
        },
    ),
    "activities": (
        _first("activities"),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "project_id": Out(OWNER),
            "code": "code",
            "title": "title",
            "description": "description",
            "planned_start": "planned_start",
            "planned_end": "planned_end",
            "status": "status",
            "result": "result",
            "created_at": Out(STAMP),
            "updated_at": Out(STAMP),
        },
    ),
    "events": (
        _first("events"),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "project_id": Out(OWNER),
            "activity_id": "activity",
            "title": "title",
            "type": "type",
            "starts_at": "starts_at",
            "ends_at": "ends_at",
            "place": "place",
            "address": "address",
            "municipality": "municipality",
            "online": "online",
            "online_link": "online_link",
            "planned_participants": "planned_participants",
            "unlisted_count": "unlisted_count",
            "description": "description",
            "created_at": Out(STAMP),
            "updated_at": Out(STAMP),
        },
    ),
    "people": (
        _first("people"),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "given_name": "given_name",
            "surname": "surname",
            "organisation_id": "organisation",
            "municipality": "municipality",
            "email": "email",
            "phone": "phone",
            "gender": "gender",
            "birth_year": "birth_year",
            "age_group": "age_group",
            "target_group": "target_group",
            "consent_data": "consent_data",
            "consent_photo": "consent_photo",
            "notes": "notes",
            "search_text": Out(DERIVED),
            "anonymised_at": "anonymised_at",
            "created_by": Out("the team login role that added the person here (row security); the importer owns them"),
            "name_key": Out(DERIVED),
            "phone_key": Out(DERIVED),
            "sort_key": Out(DERIVED),
            "created_at": Out(STAMP),
            "updated_at": Out(STAMP),
        },
    ),
    # Per-day attendance: "days" is written only when the person did not come on every day of the event.
    "attendance": (
        lambda b: next(a for a in b["attendance"] if "days" in a),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "event_id": "event",
            "person_id": "person",
            "status": "status",
            "role": "role",
            "no_photos": "no_photos",
            "note": "note",
            "days": "days",
        },
    ),
    "indicators": (
        _first("indicators"),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "project_id": Out(OWNER),
            "activity_id": "activity",
            "code": "code",
            "name": "name",
            "unit": "unit",
            "planned_value": "planned",
            "method": "method",
            "method_param": "method_param",
            "achieved_manual": "achieved_manual",
            "comment": "comment",
            "created_at": Out(STAMP),
            "updated_at": Out(STAMP),
        },
    ),
    "budget_lines": (
        _first("budget_lines"),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "project_id": Out(OWNER),
            "category_key": "category_key",
            "code": "code",
            "name": "name",
            "unit": "unit",
            "quantity": "quantity",
            "unit_cost": "unit_cost",
            "created_at": Out(STAMP),
            "updated_at": Out(STAMP),
        },
    ),
    # Amounts are source -> amount inside their line.
    "budget_amounts": (
        lambda b: {"line": b["budget_lines"][0], "source": "grant", "amount": b["budget_lines"][0]["amounts"]["grant"]},
        {"id": Out(ID), "version": Out(VERSION), "line_id": "line", "source": "source", "amount": "amount"},
    ),
    "expenses": (
        _first("expenses"),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "project_id": Out(OWNER),
            "budget_line_id": "budget_line",
            "date": "date",
            "document_number": "document_number",
            "supplier": "supplier",
            "description": "description",
            "amount": "amount",
            "eligible": "eligible",
            "paid_on": "paid_on",
            "source": "source",
            "created_at": Out(STAMP),
            "updated_at": Out(STAMP),
        },
    ),
    "payments": (
        _first("payments"),
        {
            "id": Out(ID),
            "version": Out(VERSION),
            "project_id": Out(OWNER),
            "kind": "kind",
            "received_on": "received_on",
            "amount": "amount",
            "note": "note",
        },
    ),
    # The content travels as files/<stored_name> in the ZIP, its SHA-256 in $.files.
    "attachments": (
        _first("attachments"),
        {
            "id": Out(ID),
            "sha256": "file",
            "original_name": "original_name",
            "stored_name": "file",
            "mime": "mime",
            "kind": "kind",
            "date": "date",
            "description": "description",
            "added_at": "added_at",
            "project_id": "project",
            "activity_id": "activity",
            "event_id": "event",
            "expense_id": "expense",
        },
    ),
}


@pytest.fixture(scope="module")
def bundle(sqlite_template: Path, tmp_path_factory: pytest.TempPathFactory) -> Iterator[dict[str, Any]]:
    for source in make_source(sqlite_template, tmp_path_factory.mktemp("columns")):
        yield _export(source)


def _export(source: Source) -> dict[str, Any]:
    with source.db.session() as s:
        return export_project(s, NUMBER)


def test_every_table_is_decided() -> None:
    tables = {table.name for table in Base.metadata.sorted_tables}
    assert sorted(tables - set(COLUMNS)) == [], "a new table: carry it in the bundle or say why not"
    assert sorted(set(COLUMNS) - tables) == [], "a table that no longer exists"


@pytest.mark.parametrize("table", sorted(COLUMNS))
def test_every_column_is_exported_or_left_out_with_a_reason(table: str, bundle: dict[str, Any]) -> None:
    where, columns = COLUMNS[table]
    mapped = {column.name for column in Base.metadata.tables[table].columns}
    if isinstance(where, Out):
        assert len(where.reason) > 40 and not columns
        return
    assert sorted(mapped - set(columns)) == [], f"{table}: a new column: carry it in the bundle or say why not"
    assert sorted(set(columns) - mapped) == [], f"{table}: a column that no longer exists"
    item = where(bundle)
    for column, field in columns.items():
        if isinstance(field, Out):
            assert len(field.reason) > 20, (table, column)
        else:
            assert field in item, f"{table}.{column}: the export has no field “{field}”"


def test_the_sample_fills_what_the_columns_carry(bundle: dict[str, Any]) -> None:
    """Each list the mapping above reads from is non-empty, so a field missing from the export cannot hide."""
    for name in ("organisations", "activities", "events", "people", "attendance", "indicators", "budget_lines",
                 "expenses", "payments", "attachments", "files"):  # fmt: skip
        assert bundle[name], name
    project = bundle["project"]
    for name in ("partners", "cofinancing", "target_groups", "texts", "interim_texts", "report_deadlines"):
        assert project[name], name
    assert project["programme"] is not None and bundle["organisations"][0]["logo"] is not None
    assert (
        project["publicity"] and project["logo"] is not None and project["logo"] != bundle["organisations"][0]["logo"]
    )
