"""Smaller lists of a project: partners, co-financing, report deadlines."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject
from PySide6.QtGui import QColor

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import CofinancingDTO, DeadlineDTO, PartnerDTO
from projektu_vadiba.ui.formatting import format_date, format_money, format_period
from projektu_vadiba.ui.labels import (
    deadline_kind_label,
    funding_source_label,
    organisation_kind_label,
    partner_role_label,
)
from projektu_vadiba.ui.models.rows_table import RIGHT, Column, RowsTableModel
from projektu_vadiba.ui.plural import count

OVERDUE = QColor("#b3261e")
DONE = QColor("#5f6368")


def days_text(days: int) -> str:
    """'pēc 3 dienām', 'šodien', 'nokavēts par 2 dienām' — how far a due date is from today."""
    if days == 0:
        return QCoreApplication.translate("ProjectLists", "šodien")
    if days > 0:
        return QCoreApplication.translate("ProjectLists", "pēc %1").replace(
            "%1",
            count(
                days,
                QCoreApplication.translate("ProjectLists", "dienas"),
                QCoreApplication.translate("ProjectLists", "dienām"),
                QCoreApplication.translate("ProjectLists", "dienām"),
            ),
        )
    return QCoreApplication.translate("ProjectLists", "nokavēts par %1").replace(
        "%1",
        count(
            -days,
            QCoreApplication.translate("ProjectLists", "dienu"),
            QCoreApplication.translate("ProjectLists", "dienām"),
            QCoreApplication.translate("ProjectLists", "dienām"),
        ),
    )


def partners_model(parent: QObject | None = None) -> RowsTableModel[PartnerDTO]:
    return RowsTableModel[PartnerDTO](
        [
            Column(
                QCoreApplication.translate("ProjectLists", "Organizācija"), lambda p: p.organisation.name, tooltip=True
            ),
            Column(
                QCoreApplication.translate("ProjectLists", "Veids"),
                lambda p: organisation_kind_label(p.organisation.kind),
            ),
            Column(QCoreApplication.translate("ProjectLists", "Loma"), lambda p: partner_role_label(p.role)),
            Column(QCoreApplication.translate("ProjectLists", "Ieguldījums"), lambda p: p.description, tooltip=True),
        ],
        parent,
    )


def cofinancing_model(parent: QObject | None = None) -> RowsTableModel[CofinancingDTO]:
    return RowsTableModel[CofinancingDTO](
        [
            Column(QCoreApplication.translate("ProjectLists", "Avots"), lambda c: funding_source_label(c.source)),
            Column(
                QCoreApplication.translate("ProjectLists", "Organizācija"),
                lambda c: c.organisation_name or "",
                tooltip=True,
            ),
            Column(
                QCoreApplication.translate("ProjectLists", "Summa"),
                lambda c: format_money(c.amount),
                lambda c: c.amount,
                RIGHT,
            ),
            Column(QCoreApplication.translate("ProjectLists", "Piezīme"), lambda c: c.note, tooltip=True),
        ],
        parent,
    )


def deadline_state(d: DeadlineDTO) -> str:
    if d.submitted_on is not None:
        return QCoreApplication.translate("ProjectLists", "iesniegts %1").replace("%1", format_date(d.submitted_on))
    return days_text((d.due_date - clock.today()).days)


def deadlines_model(parent: QObject | None = None) -> RowsTableModel[DeadlineDTO]:
    model = RowsTableModel[DeadlineDTO](
        [
            Column(
                QCoreApplication.translate("ProjectLists", "Iesniegt līdz"),
                lambda d: format_date(d.due_date),
                lambda d: d.due_date,
            ),
            Column(QCoreApplication.translate("ProjectLists", "Pārskats"), lambda d: deadline_kind_label(d.kind)),
            Column(
                QCoreApplication.translate("ProjectLists", "Pārskata periods"),
                lambda d: format_period(d.period_start, d.period_end),
                lambda d: (d.period_start is None, d.period_start),
            ),
            Column(
                QCoreApplication.translate("ProjectLists", "Stāvoklis"),
                deadline_state,
                lambda d: (d.submitted_on is not None, d.due_date),
            ),
            Column(QCoreApplication.translate("ProjectLists", "Piezīme"), lambda d: d.note, tooltip=True),
        ],
        parent,
    )
    model.row_foreground = _deadline_colour
    return model


def _deadline_colour(d: DeadlineDTO) -> QColor | None:
    if d.submitted_on is not None:
        return DONE
    return OVERDUE if d.due_date < clock.today() else None
