"""Frozen results of the money summary: budget vs actual per line, category and source, the ledger, payments,
and the warnings an accountant must see. Money is Decimal; percentages are Decimal with two places."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal
from typing import Any

from projektu_vadiba.core.dto import BudgetLineDTO, ExpenseDTO, PaymentDTO
from projektu_vadiba.core.models.enums import FundingSource

ZERO = Decimal("0.00")


@dataclass(frozen=True)
class LineSummary:
    line: BudgetLineDTO  # its `spent` is the eligible spending inside the summary's period
    variance: Decimal  # planned - spent: positive = left over, negative = overspent
    share_percent: Decimal | None  # planned / total planned
    spent_percent: Decimal | None  # spent / planned
    warnings: tuple[str, ...] = ()

    @property
    def planned(self) -> Decimal:
        return self.line.planned

    @property
    def spent(self) -> Decimal:
        return self.line.spent

    @property
    def over_budget(self) -> bool:
        return self.line.spent > self.line.planned


@dataclass(frozen=True)
class CategorySummary:
    key: str  # "" = expenses booked on no budget line
    label: str
    in_profile: bool  # False: a key the funder profile does not list (shown after the profile's own)
    lines: tuple[LineSummary, ...]
    planned_by_source: dict[FundingSource, Decimal] = field(hash=False)
    planned: Decimal
    spent: Decimal
    variance: Decimal
    share_percent: Decimal | None
    spent_percent: Decimal | None
    deviation_percent: Decimal | None  # (spent - planned) / planned; what the reallocation limit is checked on
    warning: str = ""
    warning_kind: str = ""  # a MoneyWarning kind, "" = none
    warning_values: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)


@dataclass(frozen=True)
class SourceSummary:
    source: FundingSource
    label: str
    planned: Decimal
    spent: Decimal  # eligible expenses paid from this source
    variance: Decimal
    share_percent: Decimal | None
    spent_percent: Decimal | None


@dataclass(frozen=True)
class LedgerRow:
    number: int  # 1, 2, ... in the ledger's order (the profile's: by date or by payment, then entry)
    expense: ExpenseDTO
    line_code: str  # "" = on no budget line
    line_name: str
    category_key: str
    category_label: str
    source_label: str

    @property
    def id(self) -> int:
        """The expense's id (tables and selections go by it)."""
        return self.expense.id


@dataclass(frozen=True)
class MoneyWarning:
    kind: str  # over_limit, under_limit, over_budget, unplanned, total_over, unassigned, line_mismatch, and the
    # project_figures checks: budget_vs_cost, budget_vs_grant, grant_overspent
    category_key: str | None
    message: str  # Latvian; `code` and `values` render it in another language (core/messages.py)
    code: str = ""
    values: Mapping[str, Any] = field(default_factory=dict, compare=False, hash=False)  # with `code`, for render


@dataclass(frozen=True)
class MoneySummary:
    project_id: int
    project_number: str
    project_title: str
    implementer: str
    funder_name: str
    profile_key: str
    project_start: date
    project_end: date
    period_from: date | None  # None = the whole project
    period_to: date | None
    limit_percent: Decimal  # the profile's reallocation limit; 0 = the profile sets none
    categories: tuple[CategorySummary, ...]
    sources: tuple[SourceSummary, ...]
    planned: Decimal
    spent: Decimal  # eligible expenses, credit notes included (negative)
    variance: Decimal
    spent_percent: Decimal | None
    unassigned_spent: Decimal  # eligible expenses on no budget line (inside `spent`)
    ineligible: Decimal  # not in `spent`
    credit_notes: Decimal  # negative eligible entries (inside `spent`), as a negative sum
    grant_awarded: Decimal
    grant_spent: Decimal  # eligible expenses paid from the grant
    payments_received: Decimal
    grant_outstanding: Decimal  # grant awarded - payments received
    cash_balance: Decimal  # payments received - grant spent: positive = grant money not yet spent
    ledger: tuple[LedgerRow, ...]  # numbered in `ledger_order`
    payments: tuple[PaymentDTO, ...]
    warnings: tuple[MoneyWarning, ...]
    # "date": by the document's date; "payment": by the day paid (receipts numbered in payment order, as
    # Latviešu fonds and LAD ask), entries not yet paid last
    ledger_order: str = "date"

    @property
    def messages(self) -> tuple[str, ...]:
        return tuple(w.message for w in self.warnings)

    def category(self, key: str) -> CategorySummary:
        return next(c for c in self.categories if c.key == key)
