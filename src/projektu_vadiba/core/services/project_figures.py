"""One figure per money concept: a project's total cost, grant and co-financing, computed by one rule that the
overview, the budget view, the final report and the financial summary all use, so no two screens disagree.

The rule: a figure typed on the project wins; where the project leaves it empty (0), the budget's plan fills it.
Co-financing is the project's co-financing entries; without any, the budget's planned non-grant sources.

Warnings when the two disagree: the budget's total against the project's total cost, the budget's planned grant
against the grant awarded, and grant spending above the grant awarded. Each carries its figures and a Latvian sentence
(the UI builds its own translatable text from the figures)."""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from enum import StrEnum
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import CofinancingDTO
from projektu_vadiba.core.messages import latvian
from projektu_vadiba.core.models import BudgetAmount, BudgetLine, Expense
from projektu_vadiba.core.models.enums import FundingSource
from projektu_vadiba.core.services.money_format import eur
from projektu_vadiba.core.services.projects import get_project

ZERO = Decimal("0.00")


class FigureWarningKind(StrEnum):
    BUDGET_VS_COST = "budget_vs_cost"  # the budget's planned total differs from the project's total cost
    BUDGET_VS_GRANT = "budget_vs_grant"  # the budget's planned grant differs from the grant awarded
    GRANT_OVERSPENT = "grant_overspent"  # eligible spending from the grant exceeds the grant


def _coded(code: str, /, **values: Any) -> tuple[str, str, dict[str, Any]]:
    """message, code, values of a warning"""
    return latvian(code, **values), code, values


@dataclass(frozen=True)
class FigureWarning:
    kind: FigureWarningKind
    figure: Decimal  # the budget's total / the budget's grant / the grant spent
    expected: Decimal  # the project's total cost / the grant awarded / the grant awarded
    message: str  # Latvian; `code` and `values` render it in another language (core/messages.py)
    code: str = ""
    values: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)  # with `code`, for render


@dataclass(frozen=True)
class CofinancingPart:
    source: FundingSource
    organisation_name: str  # "" for a part read from the budget
    amount: Decimal


@dataclass(frozen=True)
class ProjectFigures:
    total_cost: Decimal
    grant: Decimal
    cofinancing: Decimal
    cofinancing_parts: tuple[CofinancingPart, ...]
    cofinancing_from_budget: bool  # no co-financing entries: the parts are the budget's non-grant sources
    budget_planned: Decimal
    budget_grant: Decimal
    grant_spent: Decimal
    warnings: tuple[FigureWarning, ...]

    @property
    def unallocated(self) -> Decimal:
        """Total cost neither the grant nor the co-financing covers."""
        return self.total_cost - self.grant - self.cofinancing

    @property
    def messages(self) -> tuple[str, ...]:
        return tuple(w.message for w in self.warnings)


def figures(
    total_cost: Decimal,
    grant_amount: Decimal,
    cofinancing: Sequence[CofinancingDTO],
    planned_by_source: Mapping[FundingSource, Decimal],
    grant_spent: Decimal,
) -> ProjectFigures:
    """The rule itself, on figures already read (the report computes from its data, the services from the DB)."""
    budget_planned = sum(planned_by_source.values(), ZERO)
    budget_grant = planned_by_source.get(FundingSource.GRANT, ZERO)
    if cofinancing:
        parts = tuple(CofinancingPart(c.source, c.organisation_name or "", c.amount) for c in cofinancing)
    else:
        parts = tuple(
            CofinancingPart(source, "", planned_by_source[source])
            for source in FundingSource  # the sources' own order, however the plan was read
            if source is not FundingSource.GRANT and planned_by_source.get(source)
        )
    grant = grant_amount or budget_grant
    warnings: list[FigureWarning] = []
    if budget_planned and total_cost and budget_planned != total_cost:
        warnings.append(
            FigureWarning(
                FigureWarningKind.BUDGET_VS_COST,
                budget_planned,
                total_cost,
                *_coded("money.budget_vs_cost", figure=eur(budget_planned), expected=eur(total_cost)),
            )
        )
    if budget_planned and grant_amount and budget_grant != grant_amount:
        warnings.append(
            FigureWarning(
                FigureWarningKind.BUDGET_VS_GRANT,
                budget_grant,
                grant_amount,
                *_coded("money.budget_vs_grant", figure=eur(budget_grant), expected=eur(grant_amount)),
            )
        )
    # Against the grant awarded; without one typed, against the grant the budget plans (17 285,00 € planned and
    # 18 083,50 € spent is a warning either way).
    if grant and grant_spent > grant:
        code = "money.grant_overspent" if grant_amount else "money.grant_over_plan"
        warnings.append(
            FigureWarning(
                FigureWarningKind.GRANT_OVERSPENT,
                grant_spent,
                grant,
                *_coded(code, figure=eur(grant_spent), expected=eur(grant), over=eur(grant_spent - grant)),
            )
        )
    return ProjectFigures(
        total_cost=total_cost or budget_planned,
        grant=grant,
        cofinancing=sum((p.amount for p in parts), ZERO),
        cofinancing_parts=parts,
        cofinancing_from_budget=not cofinancing and bool(parts),
        budget_planned=budget_planned,
        budget_grant=budget_grant,
        grant_spent=grant_spent,
        warnings=tuple(warnings),
    )


def planned_by_source(session: Session, project_id: int) -> dict[FundingSource, Decimal]:
    """The budget's plan per source, summed in Decimal (reading the amounts only, not the lines' spending)."""
    planned: dict[FundingSource, Decimal] = {}
    rows = session.execute(
        select(BudgetAmount.source, BudgetAmount.amount)
        .join(BudgetLine, BudgetAmount.line_id == BudgetLine.id)
        .where(BudgetLine.project_id == project_id)
    )
    for source, amount in rows:
        planned[source] = planned.get(source, ZERO) + Decimal(amount).quantize(ZERO)
    return planned


def grant_spent(session: Session, project_id: int) -> Decimal:
    """Eligible expenses paid from the grant, credit notes included (as money_summary counts them)."""
    # Only the amounts, summed in Decimal: SQLite keeps NUMERIC as a binary float, so its SUM is not exact to the cent.
    amounts = session.scalars(
        select(Expense.amount).where(
            Expense.project_id == project_id, Expense.eligible.is_(True), Expense.source == FundingSource.GRANT
        )
    )
    return sum((Decimal(a).quantize(ZERO) for a in amounts), ZERO)


def project_figures(session: Session, project_id: int) -> ProjectFigures:
    project = get_project(session, project_id)
    return figures(
        project.total_cost,
        project.grant_amount,
        project.cofinancing,
        planned_by_source(session, project_id),
        grant_spent(session, project_id),
    )
