"""Budget vs actual: per line, per cost category (the funder profile's order and labels) and per source, with
the ledger, payments and the reallocation check. The rules are described in docs/finance.md.

Every sum is Decimal over amounts read back row by row (exact to the cent on SQLite and PostgreSQL alike)."""

from __future__ import annotations

from collections import defaultdict
from dataclasses import replace
from datetime import date
from decimal import ROUND_HALF_UP, Decimal
from typing import Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock
from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.dto import BudgetLineDTO, ExpenseDTO
from projektu_vadiba.core.errors import NotFoundError
from projektu_vadiba.core.messages import latvian
from projektu_vadiba.core.models import Funder, FundingSource, Organisation, PaymentKind, Project, ProjectStatus
from projektu_vadiba.core.services import finance, money_rows, project_figures
from projektu_vadiba.core.services.money_dto import (
    ZERO,
    CategorySummary,
    LedgerRow,
    LineSummary,
    MoneySummary,
    MoneyWarning,
    SourceSummary,
)
from projektu_vadiba.core.services.money_format import eur, pct

# Report labels (data, per language): a profile may override them with "funding_sources" / "payment_kinds".
SOURCE_LABELS: dict[FundingSource, profiles.Text] = {
    FundingSource.GRANT: {"lv": "Finansētāja finansējums", "en": "Grant"},
    FundingSource.OWN: {"lv": "Pašu līdzfinansējums", "en": "Own co-financing"},
    FundingSource.MUNICIPALITY: {"lv": "Pašvaldības līdzfinansējums", "en": "Municipality"},
    FundingSource.OTHER: {"lv": "Cits finansējums", "en": "Other"},
}
PAYMENT_KIND_LABELS: dict[PaymentKind, profiles.Text] = {
    PaymentKind.ADVANCE: {"lv": "Avanss", "en": "Advance"},
    PaymentKind.INTERIM: {"lv": "Starpposma maksājums", "en": "Interim payment"},
    PaymentKind.FINAL: {"lv": "Noslēguma maksājums", "en": "Final payment"},
}
UNASSIGNED_LABEL: profiles.Text = {"lv": "Bez budžeta pozīcijas", "en": "Not on a budget line"}


def source_label(profile: profiles.FunderProfile, source: FundingSource, lang: str = "lv") -> str:
    custom = profile.raw.get("funding_sources", {}).get(source.value)
    return profiles.pick(custom or SOURCE_LABELS[source], lang)


def payment_kind_label(profile: profiles.FunderProfile, kind: PaymentKind, lang: str = "lv") -> str:
    custom = profile.raw.get("payment_kinds", {}).get(kind.value)
    return profiles.pick(custom or PAYMENT_KIND_LABELS[kind], lang)


def percent(part: Decimal, whole: Decimal) -> Decimal | None:
    """part / whole x 100, two places, half up; None when there is nothing to divide by."""
    if not whole:
        return None
    return (part * 100 / whole).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)


def _in_period(day: date, period: tuple[date, date] | None) -> bool:
    return period is None or period[0] <= day <= period[1]


def money_summary(
    session: Session, project_id: int, period: tuple[date, date] | None = None, lang: str = "lv"
) -> MoneySummary:
    """The money of a project (or, with `period`, the expenses and payments dated inside it; plans stay whole)."""
    row = session.execute(
        select(Project, Funder.name, Organisation.name)
        .join(Funder, Funder.id == Project.funder_id)
        .join(Organisation, Organisation.id == Project.implementer_id)
        .where(Project.id == project_id)
    ).first()
    if row is None:
        raise NotFoundError.of("not_found.record", what="term.project", id=project_id)
    project, funder_name, implementer = row
    profile_key = project.profile_key
    profile = profiles.load_profile(profile_key)

    expenses = [e for e in money_rows.expenses(session, project_id) if _in_period(e.date, period)]
    payments = tuple(p for p in finance.list_payments(session, project_id) if _in_period(p.received_on, period))
    eligible = [e for e in expenses if e.eligible]
    spent_by_line: dict[int | None, Decimal] = defaultdict(lambda: ZERO)
    for e in eligible:
        spent_by_line[e.budget_line_id] += e.amount
    lines = money_rows.budget_lines(session, project_id, spent_by_line)

    total_planned = sum((b.planned for b in lines), ZERO)
    total_spent = sum((e.amount for e in eligible), ZERO)
    categories = _categories(profile, lines, spent_by_line.get(None, ZERO), total_planned, lang)
    sources = _sources(profile, lines, eligible, total_planned, lang)
    complete = period is None and (project.end_date < clock.today() or project.status is ProjectStatus.CLOSED)
    limit = Decimal(str(profile.reallocation_limit_percent))
    checked = tuple(_check_category(c, limit, complete) for c in categories)
    grant_spent = sum((e.amount for e in eligible if e.source is FundingSource.GRANT), ZERO)
    received = sum((p.amount for p in payments), ZERO)
    # The one rule for the grant (and the checks of the budget against the project): core.services.project_figures.
    figures = project_figures.figures(
        project.total_cost, project.grant_amount, (), {s.source: s.planned for s in sources}, grant_spent
    )
    grant_awarded = figures.grant
    return MoneySummary(
        project_id=project_id,
        project_number=project.number,
        project_title=project.title,
        implementer=implementer,
        funder_name=funder_name,
        profile_key=profile_key,
        project_start=project.start_date,
        project_end=project.end_date,
        period_from=period[0] if period else None,
        period_to=period[1] if period else None,
        limit_percent=limit,
        categories=checked,
        sources=sources,
        planned=total_planned,
        spent=total_spent,
        variance=total_planned - total_spent,
        spent_percent=percent(total_spent, total_planned),
        unassigned_spent=spent_by_line.get(None, ZERO),
        ineligible=sum((e.amount for e in expenses if not e.eligible), ZERO),
        credit_notes=sum((e.amount for e in eligible if e.amount < 0), ZERO),
        grant_awarded=grant_awarded,
        grant_spent=grant_spent,
        payments_received=received,
        grant_outstanding=grant_awarded - received,
        cash_balance=received - grant_spent,
        ledger=_ledger(profile, lines, expenses, lang),
        ledger_order=ledger_order(profile),
        payments=payments,
        warnings=_warnings(checked, total_planned, total_spent, spent_by_line.get(None, ZERO), eligible)
        + tuple(MoneyWarning(str(w.kind), None, w.message, w.code, w.values) for w in figures.warnings),
    )


def _line_summary(b: BudgetLineDTO, total_planned: Decimal) -> LineSummary:
    mismatch = line_mismatch(b)
    warnings = (latvian("money.line_mismatch", **mismatch),) if mismatch else ()
    return LineSummary(b, b.planned - b.spent, percent(b.planned, total_planned), percent(b.spent, b.planned), warnings)


def line_mismatch(b: BudgetLineDTO) -> dict[str, str] | None:
    """The values of a "planned ≠ quantity × unit cost" warning, None when they agree."""
    computed = (b.quantity * b.unit_cost).quantize(ZERO, rounding=ROUND_HALF_UP)
    if b.unit_cost and computed != b.planned:
        return {"code": b.code, "planned": eur(b.planned), "computed": eur(computed)}
    return None


def _categories(
    profile: profiles.FunderProfile,
    lines: list[BudgetLineDTO],
    unassigned: Decimal,
    total_planned: Decimal,
    lang: str,
) -> list[CategorySummary]:
    known = [c.key for c in profile.cost_categories]
    unknown = list(dict.fromkeys(b.category_key for b in lines if b.category_key not in known))
    out: list[CategorySummary] = []
    for key in known + unknown:
        own = [b for b in lines if b.category_key == key]
        by_source: dict[FundingSource, Decimal] = {s: ZERO for s in FundingSource}
        for b in own:
            for source, amount in b.amounts.items():
                by_source[source] += amount
        planned = sum((b.planned for b in own), ZERO)
        spent = sum((b.spent for b in own), ZERO)
        out.append(
            CategorySummary(
                key=key,
                label=profile.category_label(key, lang),
                in_profile=key in known,
                lines=tuple(_line_summary(b, total_planned) for b in own),
                planned_by_source=by_source,
                planned=planned,
                spent=spent,
                variance=planned - spent,
                share_percent=percent(planned, total_planned),
                spent_percent=percent(spent, planned),
                deviation_percent=percent(spent - planned, planned),
            )
        )
    if unassigned:
        out.append(
            CategorySummary(
                "",
                profiles.pick(UNASSIGNED_LABEL, lang),
                False,
                (),
                {s: ZERO for s in FundingSource},
                ZERO,
                unassigned,
                -unassigned,
                None,
                None,
                None,
            )
        )
    return out


def _sources(
    profile: profiles.FunderProfile,
    lines: list[BudgetLineDTO],
    eligible: list[ExpenseDTO],
    total_planned: Decimal,
    lang: str,
) -> tuple[SourceSummary, ...]:
    out = []
    for source in FundingSource:
        planned = sum((b.amounts.get(source, ZERO) for b in lines), ZERO)
        spent = sum((e.amount for e in eligible if e.source is source), ZERO)
        label = source_label(profile, source, lang)
        out.append(
            SourceSummary(
                source, label, planned, spent, planned - spent, percent(planned, total_planned), percent(spent, planned)
            )
        )
    return tuple(out)


def _check_category(c: CategorySummary, limit: Decimal, complete: bool) -> CategorySummary:
    """One warning at most per category; see docs/finance.md ("The reallocation check")."""
    if not c.key or (not c.planned and c.spent <= 0):
        return c
    values = {"category": c.label, "spent": eur(c.spent), "planned": eur(c.planned), "limit": pct(limit)}
    deviation = c.deviation_percent or ZERO  # rounded, for the message; the checks compare exactly
    over = (c.spent - c.planned) * 100 > limit * c.planned
    under = (c.planned - c.spent) * 100 > limit * c.planned
    if not c.planned:
        kind = "unplanned"
    elif limit > 0 and over:
        kind, values["deviation"] = "over_limit", pct(deviation)
    elif limit > 0 and under and complete:
        kind, values["deviation"] = "under_limit", pct(-deviation)
    elif not limit and c.spent > c.planned:
        kind, values["deviation"] = "over_budget", pct(deviation)
    else:
        return c
    text = latvian(f"money.{kind}", **values)
    return replace(c, warning=text, warning_kind=kind, warning_values=values)


def _warning(kind: str, category_key: str | None, /, **values: Any) -> MoneyWarning:
    return MoneyWarning(kind, category_key, latvian(f"money.{kind}", **values), f"money.{kind}", values)


def _warnings(
    categories: tuple[CategorySummary, ...],
    planned: Decimal,
    spent: Decimal,
    unassigned: Decimal,
    eligible: list[ExpenseDTO],
) -> tuple[MoneyWarning, ...]:
    out: list[MoneyWarning] = []
    for c in categories:
        if c.warning:
            out.append(_warning(c.warning_kind, c.key, **c.warning_values))
        for line in c.lines:
            if mismatch := line_mismatch(line.line):
                out.append(_warning("line_mismatch", c.key, **mismatch))
    if spent > planned:
        out.append(_warning("total_over", None, spent=eur(spent), planned=eur(planned), over=eur(spent - planned)))
    if unassigned:
        entries = sum(1 for e in eligible if e.budget_line_id is None)
        out.append(_warning("unassigned", "", count=entries, amount=eur(unassigned)))
    return tuple(out)


def ledger_order(profile: profiles.FunderProfile) -> str:
    return "payment" if profile.raw.get("ledger_order") == "payment" else "date"


def _ledger(
    profile: profiles.FunderProfile, lines: list[BudgetLineDTO], expenses: list[ExpenseDTO], lang: str
) -> tuple[LedgerRow, ...]:
    if ledger_order(profile) == "payment":  # stable: same-day payments keep the document order
        expenses = sorted(expenses, key=lambda e: (e.paid_on is None, e.paid_on or e.date))
    by_id = {b.id: b for b in lines}
    # The same few labels on every row: looked up once each.
    categories = {b.category_key: profile.category_label(b.category_key, lang) for b in lines}
    sources = {s: source_label(profile, s, lang) for s in FundingSource}
    unassigned = profiles.pick(UNASSIGNED_LABEL, lang)
    rows = []
    for n, e in enumerate(expenses, start=1):
        b = by_id.get(e.budget_line_id) if e.budget_line_id is not None else None
        if b is None:
            rows.append(LedgerRow(n, e, "", "", "", unassigned, sources[e.source]))
        else:
            rows.append(LedgerRow(n, e, b.code, b.name, b.category_key, categories[b.category_key], sources[e.source]))
    return tuple(rows)
