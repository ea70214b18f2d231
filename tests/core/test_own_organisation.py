"""Our organisation's details: saved with every problem reported at once, an existing implementer becomes ours,
the logo is a PNG of limited size, and forgetting it leaves the projects' implementer in place."""

from __future__ import annotations

import pytest

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import OrganisationKind
from projektu_vadiba.core.services import organisations, projects
from projektu_vadiba.core.services.own_organisation import (
    LOGO_LIMIT,
    PNG_SIGNATURE,
    OwnOrganisationInput,
    forget_own,
    get_own,
    own_input,
    save_own,
)
from projektu_vadiba.resources import resource
from tests.core.factories import project_input

LOGO = resource("logos", "leader.png").read_bytes()


def test_first_save_makes_the_organisation_ours_and_a_second_one_updates_it(db: Database) -> None:
    with db.session() as s:
        assert get_own(s) is None and own_input(s) is None
        saved = save_own(
            s,
            OwnOrganisationInput(
                "  Biedrība  “Ūdru   kopiena” ", "400 0801 2345", "Skolas iela 1, Ķekava", "INFO@udri.lv ", "", "", LOGO
            ),
        )
    assert (saved.name, saved.reg_number, saved.email, saved.has_logo) == (
        "Biedrība “Ūdru kopiena”",
        "40008012345",
        "INFO@udri.lv",
        True,
    )
    with db.session() as s:
        again = save_own(s, OwnOrganisationInput("Biedrība “Ūdru kopiena”", "40008012345", phone="+371 20000000"))
        assert again.id == saved.id and not again.has_logo and again.address == ""
        back = own_input(s)
        assert back is not None and back.phone == "+371 20000000" and back.logo is None


def test_every_problem_is_reported_at_once(db: Database) -> None:
    with db.session() as s, pytest.raises(ValidationError) as caught:
        save_own(s, OwnOrganisationInput("  ", "4000801234", email="nav-epasts", logo=b"GIF89a"))
    fields = {p.field for p in caught.value.problems}
    assert fields == {"name", "reg_number", "email", "logo"}
    assert "11 cipari" in " ".join(caught.value.for_field("reg_number"))
    with db.session() as s:
        assert get_own(s) is None  # nothing saved
    big = PNG_SIGNATURE + b"\0" * LOGO_LIMIT
    with db.session() as s, pytest.raises(ValidationError) as caught:
        save_own(s, OwnOrganisationInput("Biedrība", logo=big))
    assert "2 MB" in caught.value.for_field("logo")[0]


def test_an_implementer_already_in_the_database_becomes_ours(db: Database) -> None:
    with db.session() as s:
        project = projects.create_project(s, project_input(implementer_name="Biedrība “Ūdru kopiena”"))
    with db.session() as s:
        own = save_own(s, OwnOrganisationInput("biedrība “ūdru kopiena”", "40008012345", "Skolas iela 1"))
        detail = projects.get_project(s, project.id)
    assert detail.implementer.id == own.id and detail.implementer.reg_number == "40008012345"
    assert own.name == "biedrība “ūdru kopiena”"  # what the user typed now is the name
    with db.session() as s:
        forget_own(s)
        assert get_own(s) is None
        assert projects.get_project(s, project.id).implementer.id == own.id  # the project keeps its implementer
        assert [o.id for o in organisations.list_organisations(s, OrganisationKind.OWN)] == [own.id]
