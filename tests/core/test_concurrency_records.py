"""No lost updates beyond events, activities, people and expenses: a project, its partners and co-financing, a
budget line, an indicator and a payment saved from a form that was loaded before someone else's save are one conflict
each, and nothing of the stale save is written (two users: two Database objects on one database, SQLite and
PostgreSQL)."""

from __future__ import annotations

from collections.abc import Iterator
from dataclasses import replace
from datetime import date
from decimal import Decimal

import pytest

from projektu_vadiba.core.concurrency import ConflictError
from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.dto import BudgetLineInput, IndicatorInput, PaymentInput, ProjectDetail
from projektu_vadiba.core.models import FundingSource, PartnerRole, PaymentKind
from projektu_vadiba.core.services import finance, indicators, projects


@pytest.fixture
def other(db: Database) -> Iterator[Database]:
    """A second user: the same database through its own engine."""
    second = open_database(db.url)
    yield second
    second.close()


def _project_form(db: Database, project_id: int) -> projects.ProjectInput:
    with db.session() as s:
        return projects.project_input(projects.get_project(s, project_id))


def test_a_stale_project_save_is_a_conflict_and_overwrites_nothing(
    db: Database, other: Database, project: ProjectDetail
) -> None:
    mine = _project_form(db, project.id)
    assert mine.version == 1
    with other.session() as s:
        theirs = projects.update_project(s, project.id, replace(_project_form(other, project.id), aim="Kopienu tīkls"))
    assert theirs.version == 2
    with pytest.raises(ConflictError) as caught, db.session() as s:
        projects.update_project(s, project.id, replace(mine, title="Cits nosaukums"))
    assert (caught.value.kind, caught.value.expected, caught.value.current) == ("project", 1, 2)
    assert {d.name for d in caught.value.fields} == {"title", "aim"}
    with db.session() as s:
        saved = projects.get_project(s, project.id)
    assert (saved.title, saved.aim, saved.version) == (project.title, "Kopienu tīkls", 2)


def test_changing_only_the_target_groups_moves_the_projects_version(
    db: Database, other: Database, project: ProjectDetail
) -> None:
    """Target groups are rows of their own: without a bump a stale form would save the old list back unseen."""
    mine = _project_form(db, project.id)
    with other.session() as s:
        saved = projects.update_project(s, project.id, replace(mine, target_groups=("Seniori", "Jaunieši")))
    assert saved.version == mine.version + 1  # type: ignore[operator]
    with pytest.raises(ConflictError) as caught, db.session() as s:
        projects.update_project(s, project.id, replace(mine, aim="Cits mērķis"))
    assert {d.name for d in caught.value.fields} == {"target_groups", "aim"}
    with db.session() as s:
        assert projects.get_project(s, project.id).target_groups == ("Seniori", "Jaunieši")


def test_a_stale_budget_line_save_is_a_conflict_and_overwrites_nothing(
    db: Database, other: Database, project: ProjectDetail
) -> None:
    with db.session() as s:
        line = finance.create_budget_line(
            s,
            project.id,
            BudgetLineInput("services", "3.1", "Kafijas pauzes", {FundingSource.GRANT: Decimal("300.00")}),
        )
    mine = finance.line_input(line)
    with other.session() as s:  # only an amount: a row of budget_amounts, yet the line's version grows
        theirs = finance.update_budget_line(s, line.id, replace(mine, amounts={FundingSource.GRANT: Decimal("350.00")}))
    assert theirs.version == line.version + 1
    with pytest.raises(ConflictError) as caught, db.session() as s:
        finance.update_budget_line(s, line.id, replace(mine, name="Kafija un uzkodas"))
    assert caught.value.kind == "budget_line"
    assert {d.name for d in caught.value.fields} == {"name", "amounts"}
    with db.session() as s:
        [saved] = finance.list_budget(s, project.id)
    assert (saved.name, saved.amounts, saved.version) == (
        "Kafijas pauzes",
        {FundingSource.GRANT: Decimal("350.00")},
        theirs.version,
    )


def test_a_stale_indicator_save_is_a_conflict_and_overwrites_nothing(
    db: Database, other: Database, project: ProjectDetail
) -> None:
    with db.session() as s:
        made = indicators.create_indicator(s, project.id, IndicatorInput("1", "Tikšanās", Decimal(6), "tikšanās"))
        mine = indicators.indicator_input(s.get_one(indicators.Indicator, made.id))
    with other.session() as s:
        indicators.update_indicator(s, made.id, replace(mine, planned_value=Decimal(8)))
    with pytest.raises(ConflictError) as caught, db.session() as s:
        indicators.update_indicator(s, made.id, replace(mine, comment="Plānots pavasarī"))
    assert caught.value.kind == "indicator"
    assert {d.name for d in caught.value.fields} == {"planned_value", "comment"}
    with db.session() as s:
        [saved] = indicators.list_indicators(s, project.id)
    assert (saved.planned_value, saved.comment, saved.version) == (Decimal(8), "", 2)


def test_a_stale_payment_save_is_a_conflict_and_overwrites_nothing(
    db: Database, other: Database, project: ProjectDetail
) -> None:
    with db.session() as s:
        payment = finance.add_payment(
            s, project.id, PaymentInput(PaymentKind.ADVANCE, date(2023, 3, 24), Decimal("8000.00"))
        )
    mine = finance.payment_input(payment)
    with other.session() as s:
        finance.update_payment(s, payment.id, replace(mine, amount=Decimal("8100.00")))
    with pytest.raises(ConflictError) as caught, db.session() as s:
        finance.update_payment(s, payment.id, replace(mine, note="Avanss 80 % apmērā."))
    assert caught.value.kind == "payment"
    assert {d.name for d in caught.value.fields} == {"amount", "note"}
    with db.session() as s:
        [saved] = finance.list_payments(s, project.id)
    assert (saved.amount, saved.note, saved.version) == (Decimal("8100.00"), "", 2)
    # The user merges (their amount, my note) and saves at their version: both fields stay.
    merged = caught.value.merged(lambda name: name == "note")
    with db.session() as s:
        finance.update_payment(s, payment.id, merged)
    with db.session() as s:
        [saved] = finance.list_payments(s, project.id)
    assert (saved.amount, saved.note, saved.version) == (Decimal("8100.00"), "Avanss 80 % apmērā.", 3)


def test_a_stale_partner_or_cofinancing_save_is_a_conflict_and_overwrites_nothing(
    db: Database, other: Database, project: ProjectDetail
) -> None:
    with db.session() as s:
        partner = projects.add_partner(s, project.id, "Biedrība “Kopā”", description="telpas")
        row = projects.add_cofinancing(s, project.id, FundingSource.MUNICIPALITY, Decimal("500.00"), "Ķekavas novads")
    mine_partner, mine_row = projects.partner_input(partner), projects.cofinancing_input(row)
    with other.session() as s:
        projects.update_partner(
            s, partner.id, mine_partner.organisation_name, mine_partner.kind, PartnerRole.SUPPORTER,
            "telpas un transports", version=mine_partner.version,
        )  # fmt: skip
        projects.update_cofinancing(
            s, row.id, mine_row.source, Decimal("650.00"), mine_row.organisation_name, version=mine_row.version
        )
    with pytest.raises(ConflictError) as partner_conflict, db.session() as s:
        projects.update_partner(
            s, partner.id, mine_partner.organisation_name, mine_partner.kind, mine_partner.role, "zāle",
            version=mine_partner.version,
        )  # fmt: skip
    assert {d.name for d in partner_conflict.value.fields} == {"role", "description"}
    with pytest.raises(ConflictError) as row_conflict, db.session() as s:
        projects.update_cofinancing(
            s, row.id, mine_row.source, mine_row.amount, mine_row.organisation_name, "apstiprināts",
            version=mine_row.version,
        )  # fmt: skip
    assert {d.name for d in row_conflict.value.fields} == {"amount", "note"}
    with db.session() as s:
        saved = projects.get_project(s, project.id)
    [saved_partner], [saved_row] = saved.partners, saved.cofinancing
    assert (saved_partner.role, saved_partner.description, saved_partner.version) == (
        PartnerRole.SUPPORTER,
        "telpas un transports",
        2,
    )
    assert (saved_row.amount, saved_row.note, saved_row.version) == (Decimal("650.00"), "", 2)
