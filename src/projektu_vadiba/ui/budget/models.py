"""Table models of the money view, all over plain rows built from the service's MoneySummary.

`MoneyRowsModel` is RowsTableModel plus what an accountant needs to see at a glance: rows with a warning get a
red background and the warning as their tooltip; headers and totals are bold; ineligible entries are grey."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from decimal import Decimal
from typing import Any, TypeVar

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QBrush, QColor, QFont

from projektu_vadiba.core.dto import BudgetLineDTO, PaymentDTO
from projektu_vadiba.core.models.enums import FundingSource
from projektu_vadiba.core.services.money_dto import CategorySummary, LedgerRow, MoneySummary, SourceSummary
from projektu_vadiba.core.services.money_summary import line_mismatch
from projektu_vadiba.ui.budget.labels import payment_kind_label, source_label, yes_no
from projektu_vadiba.ui.formatting import format_date, format_money, format_number
from projektu_vadiba.ui.messages import render
from projektu_vadiba.ui.models.rows_table import RIGHT, Column, Index, RowsTableModel, natural_key

T = TypeVar("T")
WARNING_BACKGROUND = QColor("#fde7e9")
HEADER_BACKGROUND = QColor("#eef1f6")
TOTAL_BACKGROUND = QColor("#fff6d9")
MUTED = QColor("#777777")
# Plain ints: looking up Qt.ItemDataRole members costs more than the rest of a call.
_BACKGROUND, _TOOLTIP = int(Qt.ItemDataRole.BackgroundRole), int(Qt.ItemDataRole.ToolTipRole)
_FONT, _FOREGROUND = int(Qt.ItemDataRole.FontRole), int(Qt.ItemDataRole.ForegroundRole)
_STYLE_ROLES = frozenset((_BACKGROUND, _TOOLTIP, _FONT, _FOREGROUND))


def percent_text(value: Decimal | None) -> str:
    return "" if value is None else f"{format_number(value, 1)}\u00a0%"


class MoneyRowsModel(RowsTableModel[T]):
    def __init__(
        self,
        columns: Sequence[Column[T]],
        parent: QObject | None = None,
        *,
        warning: Callable[[T], str] = lambda _: "",
        kind: Callable[[T], str] = lambda _: "",
        muted: Callable[[T], bool] = lambda _: False,
    ) -> None:
        super().__init__(columns, parent)
        self._warning, self._kind, self._muted = warning, kind, muted

    def data(self, index: Index, role: int = Qt.ItemDataRole.DisplayRole) -> Any:
        if role not in _STYLE_ROLES:  # most calls: the base class answers them without the checks below
            return super().data(index, role)
        if not index.isValid() or not 0 <= index.row() < self.rowCount():
            return None
        item = self.row_at(index.row())
        if role == _BACKGROUND:
            if self._warning(item):
                return QBrush(WARNING_BACKGROUND)
            kind = self._kind(item)
            if kind in ("category", "subtotal", "total"):
                return QBrush(TOTAL_BACKGROUND if kind != "category" else HEADER_BACKGROUND)
            return None
        if role == _TOOLTIP and self._warning(item):
            return self._warning(item)
        if role == _FONT and self._kind(item) in ("category", "subtotal", "total"):
            font = QFont()
            font.setBold(True)
            return font
        if role == _FOREGROUND and self._muted(item):
            return QBrush(MUTED)
        return super().data(index, role)


# ---- Budžets -----------------------------------------------------------------------------------------------------


SOURCE_COLUMN = 3  # the budget table's first funding-source column (after code, name, quantity × price)


@dataclass(frozen=True)
class BudgetRow:
    kind: str  # category, line, subtotal, total
    id: int | None  # the budget line's id (lines only)
    code: str
    name: str
    quantity: str
    sources: dict[FundingSource, Decimal] = field(hash=False)
    planned: Decimal | None = None
    spent: Decimal | None = None
    variance: Decimal | None = None
    spent_percent: Decimal | None = None
    warning: str = ""


def budget_rows(summary: MoneySummary) -> list[BudgetRow]:
    rows: list[BudgetRow] = []
    for c in summary.categories:
        if not c.lines and not c.spent:
            continue
        rows.append(BudgetRow("category", None, "", c.label, "", {}))
        for ln in c.lines:
            b = ln.line
            qty = f"{format_number(b.quantity)} {b.unit} × {format_money(b.unit_cost)}".replace("  ", " ")
            rows.append(
                BudgetRow(
                    "line",
                    b.id,
                    b.code,
                    b.name,
                    qty if b.unit_cost else "",
                    dict(b.amounts),
                    b.planned,
                    b.spent,
                    ln.variance,
                    ln.spent_percent,
                    _line_warning(b)
                    or (QCoreApplication.translate("budget", "Pārsniegts plānotais.") if ln.over_budget else ""),
                )
            )
        label = QCoreApplication.translate("budget", "Kopā: %1").replace("%1", c.label)
        rows.append(
            BudgetRow(
                "subtotal",
                None,
                "",
                label,
                "",
                c.planned_by_source,
                c.planned,
                c.spent,
                c.variance,
                c.spent_percent,
                _category_warning(c),
            )
        )
    totals = {s.source: s.planned for s in summary.sources}
    rows.append(
        BudgetRow(
            "total",
            None,
            "",
            QCoreApplication.translate("budget", "KOPĀ"),
            "",
            totals,
            summary.planned,
            summary.spent,
            summary.variance,
            summary.spent_percent,
        )
    )
    return rows


def _money_or_blank(value: Decimal | None) -> str:
    return "" if value is None else format_money(value)


def _source_cell(source: FundingSource) -> Callable[[BudgetRow], str]:
    return lambda r: _money_or_blank(r.sources.get(source))


def budget_model(parent: QObject | None = None) -> MoneyRowsModel[BudgetRow]:
    columns: list[Column[BudgetRow]] = [
        Column(QCoreApplication.translate("budget", "Kods"), lambda r: r.code),
        Column(QCoreApplication.translate("budget", "Pozīcija"), lambda r: r.name, tooltip=True),
        Column(QCoreApplication.translate("budget", "Daudzums × cena"), lambda r: r.quantity),
    ]
    assert len(columns) == SOURCE_COLUMN
    columns += [Column(source_label(s), _source_cell(s), align=RIGHT) for s in FundingSource]
    columns += [
        Column(QCoreApplication.translate("budget", "Plānots"), lambda r: _money_or_blank(r.planned), align=RIGHT),
        Column(QCoreApplication.translate("budget", "Izlietots"), lambda r: _money_or_blank(r.spent), align=RIGHT),
        Column(QCoreApplication.translate("budget", "Atlikums"), lambda r: _money_or_blank(r.variance), align=RIGHT),
        Column(
            QCoreApplication.translate("budget", "% izlietots"), lambda r: percent_text(r.spent_percent), align=RIGHT
        ),
    ]
    return MoneyRowsModel(columns, parent, warning=lambda r: r.warning, kind=lambda r: r.kind)


# ---- Izdevumi, Maksājumi -----------------------------------------------------------------------------------------


def _ledger_warning(r: LedgerRow) -> str:
    if r.expense.eligible and not r.line_code:
        return QCoreApplication.translate("budget", "Attiecināmi izdevumi bez budžeta pozīcijas.")
    return ""


def ledger_model(parent: QObject | None = None) -> MoneyRowsModel[LedgerRow]:
    return MoneyRowsModel[LedgerRow](
        [
            Column(QCoreApplication.translate("budget", "Nr."), lambda r: str(r.number), lambda r: r.number, RIGHT),
            Column(
                QCoreApplication.translate("budget", "Datums"),
                lambda r: format_date(r.expense.date),
                lambda r: (r.expense.date, r.number),
            ),
            Column(
                QCoreApplication.translate("budget", "Dokuments"),
                lambda r: r.expense.document_number,
                lambda r: natural_key(r.expense.document_number),
            ),
            Column(QCoreApplication.translate("budget", "Piegādātājs"), lambda r: r.expense.supplier, tooltip=True),
            Column(QCoreApplication.translate("budget", "Apraksts"), lambda r: r.expense.description, tooltip=True),
            Column(
                QCoreApplication.translate("budget", "Pozīcija"),
                lambda r: r.line_code,
                lambda r: natural_key(r.line_code),
            ),
            Column(QCoreApplication.translate("budget", "Avots"), lambda r: source_label(r.expense.source)),
            Column(
                QCoreApplication.translate("budget", "Summa"),
                lambda r: format_money(r.expense.amount),
                lambda r: r.expense.amount,
                RIGHT,
            ),
            Column(QCoreApplication.translate("budget", "Attiecināms"), lambda r: yes_no(r.expense.eligible)),
            Column(
                QCoreApplication.translate("budget", "Apmaksāts"),
                lambda r: format_date(r.expense.paid_on),
                lambda r: (r.expense.paid_on is None, r.expense.paid_on),
            ),
        ],
        parent,
        warning=_ledger_warning,
        muted=lambda r: not r.expense.eligible,
    )


def payments_model(parent: QObject | None = None) -> MoneyRowsModel[PaymentDTO]:
    return MoneyRowsModel[PaymentDTO](
        [
            Column(
                QCoreApplication.translate("budget", "Datums"),
                lambda p: format_date(p.received_on),
                lambda p: (p.received_on, p.id),
            ),
            Column(QCoreApplication.translate("budget", "Veids"), lambda p: payment_kind_label(p.kind)),
            Column(
                QCoreApplication.translate("budget", "Summa"),
                lambda p: format_money(p.amount),
                lambda p: p.amount,
                RIGHT,
            ),
            Column(QCoreApplication.translate("budget", "Piezīme"), lambda p: p.note, tooltip=True),
        ],
        parent,
    )


# ---- Kopsavilkums ------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class SummaryRow:
    label: str
    planned: Decimal
    spent: Decimal
    variance: Decimal
    share_percent: Decimal | None
    spent_percent: Decimal | None
    warning: str = ""
    total: bool = False


def category_rows(summary: MoneySummary) -> list[SummaryRow]:
    rows = [_summary_row(c) for c in summary.categories if c.lines or c.spent or c.in_profile]
    return [*rows, _total_row(summary)]


def _category_warning(c: CategorySummary) -> str:
    """The category's warning in the UI's language (the core's `warning` is Latvian)."""
    return render(f"money.{c.warning_kind}", c.warning_values) if c.warning_kind else ""


def _line_warning(b: BudgetLineDTO) -> str:
    mismatch = line_mismatch(b)
    return render("money.line_mismatch", mismatch) if mismatch else ""


def source_rows(summary: MoneySummary) -> list[SummaryRow]:
    return [*(_summary_row(s) for s in summary.sources), _total_row(summary)]


def _summary_row(x: CategorySummary | SourceSummary) -> SummaryRow:
    warning = _category_warning(x) if isinstance(x, CategorySummary) else ""
    label = x.label if isinstance(x, CategorySummary) else source_label(x.source)
    return SummaryRow(label, x.planned, x.spent, x.variance, x.share_percent, x.spent_percent, warning)


def _total_row(s: MoneySummary) -> SummaryRow:
    share = Decimal("100.00") if s.planned else None
    return SummaryRow(
        QCoreApplication.translate("budget", "KOPĀ"), s.planned, s.spent, s.variance, share, s.spent_percent, total=True
    )


def summary_model(first_header: str, parent: QObject | None = None) -> MoneyRowsModel[SummaryRow]:
    return MoneyRowsModel[SummaryRow](
        [
            Column(first_header, lambda r: r.label, tooltip=True),
            Column(QCoreApplication.translate("budget", "Plānots"), lambda r: format_money(r.planned), align=RIGHT),
            Column(QCoreApplication.translate("budget", "Izlietots"), lambda r: format_money(r.spent), align=RIGHT),
            Column(QCoreApplication.translate("budget", "Atlikums"), lambda r: format_money(r.variance), align=RIGHT),
            Column(
                QCoreApplication.translate("budget", "% no plāna"), lambda r: percent_text(r.share_percent), align=RIGHT
            ),
            Column(
                QCoreApplication.translate("budget", "% izlietots"),
                lambda r: percent_text(r.spent_percent),
                align=RIGHT,
            ),
        ],
        parent,
        warning=lambda r: r.warning,
        kind=lambda r: "total" if r.total else "",
    )
