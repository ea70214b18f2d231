"""Someone else saved the record while this user was editing it: both versions side by side, field by field.

The user keeps theirs (nothing of mine is saved), takes mine (every differing field from my form) or merges
(a choice per field: the row's two radio buttons, Left/Right or a click). The result is saved through the normal
write path (an EditCommand over their version, so undo brings their values back). Esc goes back to the form with
everything typed still there.
"""

from __future__ import annotations

import enum
from collections.abc import Callable
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtWidgets import (
    QApplication,
    QButtonGroup,
    QDialog,
    QDialogButtonBox,
    QGridLayout,
    QLabel,
    QPushButton,
    QRadioButton,
    QScrollArea,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.concurrency import ConflictError, FieldDiff
from projektu_vadiba.core.models.enums import (
    ActivityStatus,
    EventType,
    FundingSource,
    Gender,
    IndicatorMethod,
    PaymentKind,
    ProjectStatus,
)
from projektu_vadiba.ui import labels
from projektu_vadiba.ui.budget.labels import payment_kind_label
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.workspace import Command

MAX_HEIGHT = 640  # fits a 1366×768 screen with the task bar and the title bar


SHOWN_CHARS = 48  # a value longer than this is cut in its row (two columns fit 1366 px), whole in its tooltip


def field_label(name: str, kind: str = "") -> str:
    """The field's name as its form calls it (in the record `kind`); an unknown field shows its key."""
    if kind == "organisation" and name == "logo":
        return QCoreApplication.translate("ConflictDialog", "Logotips")
    names = {
        "title": QCoreApplication.translate("ConflictDialog", "Nosaukums"),
        "type": QCoreApplication.translate("ConflictDialog", "Veids"),
        "activity_id": QCoreApplication.translate("ConflictDialog", "Aktivitāte"),
        "starts_at": QCoreApplication.translate("ConflictDialog", "Sākums"),
        "ends_at": QCoreApplication.translate("ConflictDialog", "Beigas"),
        "place": QCoreApplication.translate("ConflictDialog", "Vieta"),
        "address": QCoreApplication.translate("ConflictDialog", "Adrese"),
        "municipality": QCoreApplication.translate("ConflictDialog", "Pašvaldība"),
        "online": QCoreApplication.translate("ConflictDialog", "Tiešsaistē"),
        "online_link": QCoreApplication.translate("ConflictDialog", "Saite"),
        "planned_participants": QCoreApplication.translate("ConflictDialog", "Plānotie dalībnieki"),
        "description": QCoreApplication.translate("ConflictDialog", "Apraksts"),
        "unlisted_count": QCoreApplication.translate("ConflictDialog", "Bez saraksta (tikai skaits)"),
        "code": QCoreApplication.translate("ConflictDialog", "Kods"),
        "planned_start": QCoreApplication.translate("ConflictDialog", "Plānotais sākums"),
        "planned_end": QCoreApplication.translate("ConflictDialog", "Plānotās beigas"),
        "status": QCoreApplication.translate("ConflictDialog", "Statuss"),
        "result": QCoreApplication.translate("ConflictDialog", "Rezultāts"),
        "given_name": QCoreApplication.translate("ConflictDialog", "Vārds"),
        "surname": QCoreApplication.translate("ConflictDialog", "Uzvārds"),
        "organisation_name": QCoreApplication.translate("ConflictDialog", "Organizācija"),
        "email": QCoreApplication.translate("ConflictDialog", "E-pasts"),
        "phone": QCoreApplication.translate("ConflictDialog", "Tālrunis"),
        "gender": QCoreApplication.translate("ConflictDialog", "Dzimums"),
        "birth_year": QCoreApplication.translate("ConflictDialog", "Dzimšanas gads"),
        "age_group": QCoreApplication.translate("ConflictDialog", "Vecuma grupa"),
        "target_group": QCoreApplication.translate("ConflictDialog", "Mērķa grupa"),
        "consent_data": QCoreApplication.translate("ConflictDialog", "Piekrišana datu apstrādei"),
        "consent_photo": QCoreApplication.translate("ConflictDialog", "Piekrišana fotografēšanai"),
        "notes": QCoreApplication.translate("ConflictDialog", "Piezīmes"),
        "date": QCoreApplication.translate("ConflictDialog", "Datums"),
        "amount": QCoreApplication.translate("ConflictDialog", "Summa"),
        "budget_line_id": QCoreApplication.translate("ConflictDialog", "Budžeta pozīcija"),
        "document_number": QCoreApplication.translate("ConflictDialog", "Dokumenta nr."),
        "supplier": QCoreApplication.translate("ConflictDialog", "Piegādātājs"),
        "eligible": QCoreApplication.translate("ConflictDialog", "Attiecināms"),
        "paid_on": QCoreApplication.translate("ConflictDialog", "Apmaksāts"),
        "source": QCoreApplication.translate("ConflictDialog", "Finansējuma avots"),
        "number": QCoreApplication.translate("ConflictDialog", "Numurs"),
        "funder_name": QCoreApplication.translate("ConflictDialog", "Finansētājs"),
        "start_date": QCoreApplication.translate("ConflictDialog", "Sākuma datums"),
        "end_date": QCoreApplication.translate("ConflictDialog", "Beigu datums"),
        "implementer_name": QCoreApplication.translate("ConflictDialog", "Īstenotājs"),
        "programme_name": QCoreApplication.translate("ConflictDialog", "Programma"),
        "programme_strand": QCoreApplication.translate("ConflictDialog", "Programmas virziens"),
        "call_year": QCoreApplication.translate("ConflictDialog", "Konkursa gads"),
        "funder_profile": QCoreApplication.translate("ConflictDialog", "Finansētāja profils"),
        "total_cost": QCoreApplication.translate("ConflictDialog", "Kopējās izmaksas"),
        "grant_amount": QCoreApplication.translate("ConflictDialog", "Piešķirtais finansējums"),
        "aim": QCoreApplication.translate("ConflictDialog", "Mērķis"),
        "target_groups": QCoreApplication.translate("ConflictDialog", "Mērķa grupas"),
        "retention_until": QCoreApplication.translate("ConflictDialog", "Glabāt līdz"),
        "publicity": QCoreApplication.translate("ConflictDialog", "Publicitātes teksts"),
        "logo": QCoreApplication.translate("ConflictDialog", "Finansētāja logotips"),
        "category_key": QCoreApplication.translate("ConflictDialog", "Izmaksu kategorija"),
        "name": QCoreApplication.translate("ConflictDialog", "Nosaukums"),
        "amounts": QCoreApplication.translate("ConflictDialog", "Summas pa avotiem"),
        "unit": QCoreApplication.translate("ConflictDialog", "Mērvienība"),
        "quantity": QCoreApplication.translate("ConflictDialog", "Daudzums"),
        "unit_cost": QCoreApplication.translate("ConflictDialog", "Vienības cena"),
        "planned_value": QCoreApplication.translate("ConflictDialog", "Plānotā vērtība"),
        "method": QCoreApplication.translate("ConflictDialog", "Uzskaites veids"),
        "method_param": QCoreApplication.translate("ConflictDialog", "Uzskaites parametrs"),
        "achieved_manual": QCoreApplication.translate("ConflictDialog", "Sasniegtā vērtība"),
        "comment": QCoreApplication.translate("ConflictDialog", "Komentārs"),
        "kind": QCoreApplication.translate("ConflictDialog", "Veids"),
        "received_on": QCoreApplication.translate("ConflictDialog", "Saņemts"),
        "note": QCoreApplication.translate("ConflictDialog", "Piezīme"),
        "submitted_on": QCoreApplication.translate("ConflictDialog", "Iesniegts"),
        "reg_number": QCoreApplication.translate("ConflictDialog", "Reģistrācijas Nr."),
        "website": QCoreApplication.translate("ConflictDialog", "Tīmekļa vietne"),
    }
    return names.get(name, name)


_ENUM_LABELS: dict[type, Callable[[Any], str]] = {
    ActivityStatus: labels.activity_status_label,
    EventType: labels.event_type_label,
    FundingSource: labels.funding_source_label,
    IndicatorMethod: labels.indicator_method_label,
    PaymentKind: payment_kind_label,
    ProjectStatus: labels.project_status_label,
    Gender: lambda g: {
        Gender.FEMALE: QCoreApplication.translate("ConflictDialog", "sieviete"),
        Gender.MALE: QCoreApplication.translate("ConflictDialog", "vīrietis"),
    }.get(g, QCoreApplication.translate("ConflictDialog", "cits")),
}


def show_value(value: Any) -> str:
    if value is None or value == "":
        return "—"
    if isinstance(value, bool):
        return (
            QCoreApplication.translate("ConflictDialog", "jā")
            if value
            else QCoreApplication.translate("ConflictDialog", "nē")
        )
    if isinstance(value, datetime):
        return f"{value:%d.%m.%Y %H:%M}"
    if isinstance(value, date):
        return f"{value:%d.%m.%Y}"
    if isinstance(value, bytes):  # a logo: its size, not its bytes
        return QCoreApplication.translate("ConflictDialog", "attēls, %1 KB").replace("%1", str(-(-len(value) // 1024)))
    if isinstance(value, dict):  # a budget line's amounts per funding source
        return "; ".join(f"{show_value(k)}: {show_value(v)}" for k, v in value.items()) or "—"
    if isinstance(value, tuple):  # a project's target groups
        return ", ".join(show_value(v) for v in value) or "—"
    if isinstance(value, Decimal):
        return f"{value:.2f}".replace(".", ",")
    if isinstance(value, enum.Enum):
        label = _ENUM_LABELS.get(type(value))
        return label(value) if label else str(value.value)
    text = str(value)
    return text if len(text) <= 200 else text[:199] + "…"


class ConflictDialog(QDialog):
    KEEP_THEIRS, TAKE_MINE, MERGE = 1, 2, 3

    def __init__(self, conflict: ConflictError, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.conflict = conflict
        self.choice = 0
        self.setWindowTitle(QCoreApplication.translate("ConflictDialog", "Ierakstu vienlaikus mainīja cits lietotājs"))
        message = QLabel(text_of(conflict), self)
        message.setWordWrap(True)

        grid_host = QWidget(self)
        grid = QGridLayout(grid_host)
        grid.addWidget(QLabel(f"<b>{QCoreApplication.translate('ConflictDialog', 'Lauks')}</b>", grid_host), 0, 0)
        grid.addWidget(
            QLabel(f"<b>{QCoreApplication.translate('ConflictDialog', 'Mana versija')}</b>", grid_host), 0, 1
        )
        grid.addWidget(
            QLabel(
                f"<b>{QCoreApplication.translate('ConflictDialog', 'Pašreizējā (cita lietotāja) versija')}</b>",
                grid_host,
            ),
            0,
            2,
        )
        self.mine: dict[str, QRadioButton] = {}
        self.theirs: dict[str, QRadioButton] = {}
        self._groups: list[QButtonGroup] = []
        for row, diff in enumerate(conflict.fields, start=1):
            self._add_row(grid, grid_host, row, diff)
        grid.setColumnStretch(1, 1)
        grid.setColumnStretch(2, 1)
        grid.setRowStretch(len(conflict.fields) + 1, 1)  # rows stay together at the top

        scroll = QScrollArea(self)
        scroll.setWidget(grid_host)
        scroll.setWidgetResizable(True)
        scroll.setFocusPolicy(Qt.FocusPolicy.NoFocus)

        hint = QLabel(
            QCoreApplication.translate(
                "ConflictDialog",
                "Katrā rindā izvēlieties, kuru vērtību paturēt (bultiņas ← →), tad “Saglabāt izvēlēto”.",
            )
        )
        hint.setWordWrap(True)
        hint.setStyleSheet("color: palette(mid);")

        self.buttons = QDialogButtonBox(self)
        self.merge_button = self._button(
            QCoreApplication.translate("ConflictDialog", "Saglabāt izvēlēto"),
            self.MERGE,
            QDialogButtonBox.ButtonRole.AcceptRole,
        )
        self.mine_button = self._button(
            QCoreApplication.translate("ConflictDialog", "Saglabāt manu versiju"),
            self.TAKE_MINE,
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        self.theirs_button = self._button(
            QCoreApplication.translate("ConflictDialog", "Paturēt viņu versiju"),
            self.KEEP_THEIRS,
            QDialogButtonBox.ButtonRole.ActionRole,
        )
        cancel = self.buttons.addButton(
            QCoreApplication.translate("ConflictDialog", "Atpakaļ uz formu"), QDialogButtonBox.ButtonRole.RejectRole
        )
        cancel.clicked.connect(self.reject)
        self.merge_button.setDefault(True)

        layout = QVBoxLayout(self)
        layout.addWidget(message)
        layout.addWidget(scroll, 1)
        layout.addWidget(hint)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(640)
        self.resize(820, min(MAX_HEIGHT, 220 + 44 * len(conflict.fields)))
        self.setMaximumHeight(MAX_HEIGHT + 80)
        first = next(iter(self.mine.values()), None)
        if first is not None:
            (first if first.isChecked() else self.theirs[next(iter(self.theirs))]).setFocus()

    def _add_row(self, grid: QGridLayout, host: QWidget, row: int, diff: FieldDiff) -> None:
        grid.addWidget(QLabel(field_label(diff.name, self.conflict.kind), host), row, 0)
        pair = QWidget(host)  # the row's two buttons share a parent: arrow keys move between them only
        mine = QRadioButton(pair)
        theirs = QRadioButton(pair)
        for button, value in ((mine, diff.mine), (theirs, diff.theirs)):
            shown = show_value(value)
            if len(shown) > SHOWN_CHARS:  # a long text: its start in the row, all of it on hover
                button.setToolTip(shown)
                shown = shown[: SHOWN_CHARS - 1].rstrip() + "…"
            button.setText(shown)
        for button, side in (
            (mine, QCoreApplication.translate("ConflictDialog", "mana")),
            (theirs, QCoreApplication.translate("ConflictDialog", "cita lietotāja")),
        ):
            button.setAccessibleName(f"{field_label(diff.name, self.conflict.kind)}: {side}")
        group = QButtonGroup(pair)
        group.addButton(mine)
        group.addButton(theirs)
        self._groups.append(group)
        (mine if diff.changed_by_me else theirs).setChecked(True)
        pair_layout = QGridLayout(pair)
        pair_layout.setContentsMargins(0, 0, 0, 0)
        pair_layout.addWidget(mine, 0, 0)
        pair_layout.addWidget(theirs, 0, 1)
        pair_layout.setColumnStretch(0, 1)
        pair_layout.setColumnStretch(1, 1)
        grid.addWidget(pair, row, 1, 1, 2)
        self.mine[diff.name], self.theirs[diff.name] = mine, theirs

    def _button(self, text: str, choice: int, role: QDialogButtonBox.ButtonRole) -> QPushButton:
        button = self.buttons.addButton(text, role)
        assert isinstance(button, QPushButton)
        button.clicked.connect(lambda: self._choose(choice))
        return button

    def _choose(self, choice: int) -> None:
        self.choice = choice
        self.accept()

    def merged(self) -> Any:
        """The input to save: their record with my value in every field the user picked as mine."""
        if self.choice == self.TAKE_MINE:
            return self.conflict.merged(lambda _name: True)
        return self.conflict.merged(lambda name: self.mine[name].isChecked())


def resolve(command: Command, conflict: ConflictError) -> Command | None:
    """Ask the user; the command to run instead, None to keep theirs; Esc raises the conflict again so the form
    stays open with the user's input."""
    from projektu_vadiba.ui.commands import EditCommand

    if not isinstance(command, EditCommand):
        raise conflict
    if not conflict.fields:  # they saved exactly what I typed: nothing to choose
        return None
    dialog = ConflictDialog(conflict, QApplication.activeModalWidget() or QApplication.activeWindow())
    if dialog.exec() != QDialog.DialogCode.Accepted:
        raise conflict
    if dialog.choice == ConflictDialog.KEEP_THEIRS:
        return None
    return command.rebased(conflict, dialog.merged())
