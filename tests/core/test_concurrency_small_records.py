"""No lost updates in the small records two people may save at once: a report deadline's "submitted on", the texts
of one report, and our organisation's details. A save made from what was loaded before someone else's save is a
conflict and writes nothing (two users: two Database objects on one database, SQLite and PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date

import pytest

from projektu_vadiba.core.concurrency import ConflictError
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.dto import ProjectDetail, SubmissionInput
from projektu_vadiba.core.services import projects, report_texts
from projektu_vadiba.core.services.own_organisation import OwnOrganisationInput, get_own, own_input, save_own


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    second = open_database(db.url)
    yield second
    second.close()


def test_ticking_a_deadline_someone_has_just_ticked_is_a_conflict(
    db: Database, other: Database, project: ProjectDetail
) -> None:
    deadline = project.deadlines[0]
    assert deadline.version == 1 and deadline.submitted_on is None
    with other.session() as s:
        theirs = projects.mark_deadline_submitted(s, deadline.id, SubmissionInput(date(2024, 1, 20), 1))
    assert (theirs.submitted_on, theirs.version) == (date(2024, 1, 20), 2)
    with pytest.raises(ConflictError) as caught, db.session() as s:
        projects.mark_deadline_submitted(s, deadline.id, SubmissionInput(date(2024, 1, 22), deadline.version))
    assert (caught.value.kind, caught.value.expected, caught.value.current) == ("deadline", 1, 2)
    [diff] = caught.value.fields
    assert (diff.name, diff.mine, diff.theirs) == ("submitted_on", date(2024, 1, 22), date(2024, 1, 20))
    with db.session() as s:
        [kept] = [d for d in projects.get_project(s, project.id).deadlines if d.id == deadline.id]
    assert (kept.submitted_on, kept.version) == (date(2024, 1, 20), 2)
    with db.session() as s:  # at the version it has now, the tick goes through
        assert projects.mark_deadline_submitted(s, deadline.id, SubmissionInput(None, 2)).submitted_on is None


def test_a_stale_report_text_save_writes_none_of_its_texts(
    db: Database, other: Database, project: ProjectDetail
) -> None:
    with db.session() as s:
        loaded = report_texts.texts_of(s, project.id)
    with other.session() as s:
        report_texts.set_texts(s, project.id, None, {"aim_reached": "Beates teksts."}, expected=loaded)
    mine = {"aim_reached": "Annas teksts.", "changes": "Izmaiņu nebija."}
    with pytest.raises(report_texts.TextsConflict) as caught, db.session() as s:
        report_texts.set_texts(s, project.id, None, mine, expected={k: loaded.get(k, "") for k in mine})
    assert caught.value.theirs == {"aim_reached": "Beates teksts."}
    assert caught.value.code == "conflict.texts"
    with db.session() as s:
        assert report_texts.texts_of(s, project.id) == {**loaded, "aim_reached": "Beates teksts."}
    # Seen: saved over what is there now, mine goes in; a text they saved exactly as I typed is no conflict.
    with db.session() as s:
        expected = {**{k: loaded.get(k, "") for k in mine}, **caught.value.theirs}
        report_texts.set_texts(s, project.id, None, mine, expected=expected)
    with other.session() as s:
        report_texts.set_texts(s, project.id, None, {"changes": "Izmaiņu nebija."}, expected={"changes": ""})
        assert report_texts.texts_of(s, project.id)["aim_reached"] == "Annas teksts."


def test_a_stale_save_of_our_organisation_is_a_conflict(db: Database, other: Database) -> None:
    with db.session() as s:
        save_own(s, OwnOrganisationInput("Biedrība “Ķekavas kopienu tīkls”", "40008012345"))
    with db.session() as s:
        mine = own_input(s)
    assert mine is not None and mine.version == 1
    with other.session() as s:
        theirs = own_input(s)
        assert theirs is not None
        assert save_own(s, replace(theirs, phone="+371 20000000")).version == 2
    with pytest.raises(ConflictError) as caught, db.session() as s:
        save_own(s, replace(mine, address="Rīgas iela 1, Ķekava"))
    assert (caught.value.kind, caught.value.expected, caught.value.current) == ("organisation", 1, 2)
    assert {d.name for d in caught.value.fields} == {"address", "phone"}
    with db.session() as s:
        kept = get_own(s)
    assert kept is not None and (kept.address, kept.phone, kept.version) == ("", "+371 20000000", 2)
