"""Rādītājs: an indicator with its planned value and how the achieved value is found — entered by hand (with a
comment) or counted from the events and attendance (events of a type, participants, organisations ...)."""

from __future__ import annotations

from decimal import Decimal

from PySide6.QtWidgets import QComboBox, QLineEdit, QPlainTextEdit, QStackedWidget, QWidget

from projektu_vadiba.core.dto import ActivityDTO, IndicatorDTO, IndicatorInput
from projektu_vadiba.core.models.enums import EventType, IndicatorMethod, OrganisationKind
from projektu_vadiba.core.validation import parse_quantity
from projektu_vadiba.ui.commands import CreateCommand, EditCommand
from projektu_vadiba.ui.dialogs.form import FormDialog
from projektu_vadiba.ui.entities import INDICATOR, indicator_input
from projektu_vadiba.ui.labels import event_type_label, indicator_method_label, organisation_kind_label
from projektu_vadiba.ui.widgets.choices import choice_combo, current_value, name_combo, select_value
from projektu_vadiba.ui.widgets.fields import AmountEdit
from projektu_vadiba.ui.workspace import Workspace

_PARAM_PAGE = {
    IndicatorMethod.EVENTS: 1,
    IndicatorMethod.ORGANISATIONS: 2,
    IndicatorMethod.TARGET_GROUP: 3,
    IndicatorMethod.MUNICIPALITY: 4,
}


class IndicatorForm(FormDialog):
    def __init__(
        self,
        ws: Workspace,
        project_id: int,
        activities: list[ActivityDTO],
        indicator: IndicatorDTO | None = None,
        parent: QWidget | None = None,
        *,
        target_groups: tuple[str, ...] = (),
        municipalities: tuple[str, ...] = (),
    ) -> None:
        super().__init__(self.tr("Jauns rādītājs") if indicator is None else self.tr("Rādītājs"), parent)
        self.ws, self.project_id, self.indicator = ws, project_id, indicator
        old = indicator_input(indicator) if indicator else IndicatorInput("", "", Decimal(0))
        self.code = QLineEdit(old.code, self)
        self.code.setMaxLength(20)
        self.name = QLineEdit(old.name, self)
        self.unit = QLineEdit(old.unit, self)
        self.unit.setPlaceholderText(self.tr("piem., personas, pasākumi"))
        self.planned = AmountEdit(old.planned_value if indicator else None, places=None, parent=self)
        self.method = choice_combo(IndicatorMethod, indicator_method_label, old.method, self)

        # What to count, by method: nothing / an event type / an organisation kind / a target group / a municipality.
        self.param_stack = QStackedWidget(self)
        self.param_none = QLineEdit(self)
        self.param_none.setEnabled(False)
        self.param_event_type = choice_combo([None, *EventType], self._type_label, None, self)
        self.param_org_kind = choice_combo([None, *OrganisationKind], self._kind_label, None, self)
        self.param_group = name_combo(target_groups, "", self)
        self.param_municipality = name_combo(municipalities, "", self)
        for page in (
            self.param_none,
            self.param_event_type,
            self.param_org_kind,
            self.param_group,
            self.param_municipality,
        ):
            self.param_stack.addWidget(page)
        self._set_param(old.method, old.method_param)

        self.activity = choice_combo([None, *(a.id for a in activities)], self._activity_label(activities), None, self)
        select_value(self.activity, old.activity_id)
        self.achieved = AmountEdit(old.achieved_manual, places=None, parent=self)
        self.comment = QPlainTextEdit(old.comment, self)
        self.comment.setTabChangesFocus(True)
        self.comment.setFixedHeight(self.fontMetrics().lineSpacing() * 3 + 12)

        self.add_row("code", self.tr("Kods"), self.code, required=True)
        self.add_row("name", self.tr("Nosaukums"), self.name, required=True)
        self.add_row("unit", self.tr("Mērvienība"), self.unit)
        self.add_row("planned_value", self.tr("Plānotā vērtība"), self.planned, required=True)
        self.add_row("method", self.tr("Sasniegto vērtību"), self.method)
        self.add_row("method_param", self.tr("Ko skaitīt"), self.param_stack)
        self.add_row(
            "activity_id",
            self.tr("Aktivitāte"),
            self.activity,
            hint=self.tr("Rādītājs pieder šai aktivitātei; skaitot ņem tikai tās pasākumus."),
        )
        self.add_row("achieved_manual", self.tr("Sasniegtā vērtība"), self.achieved)
        self.add_row("comment", self.tr("Komentārs"), self.comment, hint=self.tr("Kā sasniegtā vērtība iegūta."))
        self.method.currentIndexChanged.connect(self._method_changed)
        self._method_changed()
        self.old = old
        self.mark_clean()

    def _type_label(self, value: EventType | None) -> str:
        return self.tr("visi pasākumi") if value is None else event_type_label(value)

    def _kind_label(self, value: OrganisationKind | None) -> str:
        return self.tr("visas organizācijas") if value is None else organisation_kind_label(value)

    def _activity_label(self, activities: list[ActivityDTO]):  # type: ignore[no-untyped-def]
        names = {a.id: f"{a.code} {a.title}" for a in activities}
        return lambda id_: names.get(id_, "") if id_ is not None else self.tr("— visā projektā —")

    def _set_param(self, method: IndicatorMethod, param: str) -> None:
        if method is IndicatorMethod.EVENTS:
            select_value(self.param_event_type, EventType(param) if param in set(EventType) else None)
        elif method is IndicatorMethod.ORGANISATIONS:
            select_value(self.param_org_kind, OrganisationKind(param) if param in set(OrganisationKind) else None)
        elif method is IndicatorMethod.TARGET_GROUP:
            self.param_group.setCurrentText(param)
        elif method is IndicatorMethod.MUNICIPALITY:
            self.param_municipality.setCurrentText(param)

    def _param(self, method: IndicatorMethod) -> str:
        page = self.param_stack.widget(_PARAM_PAGE.get(method, 0))
        if isinstance(page, QComboBox) and page.isEditable():
            return page.currentText().strip()
        if isinstance(page, QComboBox):
            value = current_value(page)
            return "" if value is None else str(value.value)
        return ""

    def _method_changed(self) -> None:
        method: IndicatorMethod = current_value(self.method)
        self.param_stack.setCurrentIndex(_PARAM_PAGE.get(method, 0))
        manual = method is IndicatorMethod.MANUAL
        self.achieved.setEnabled(manual)
        self.param_stack.setEnabled(method in _PARAM_PAGE)

    def build(self) -> IndicatorInput:
        method: IndicatorMethod = current_value(self.method)
        planned = Decimal(0)
        achieved = None
        if not self.planned.text().strip():
            self.problem("planned_value", self.tr("Ievadiet plānoto vērtību."))
        else:
            planned = self.parse(parse_quantity, self.planned.text(), "planned_value", planned)
        if method is IndicatorMethod.MANUAL and self.achieved.text().strip():
            achieved = self.parse(parse_quantity, self.achieved.text(), "achieved_manual", None)
        return IndicatorInput(
            code=self.code.text(),
            name=self.name.text(),
            planned_value=planned,
            unit=self.unit.text(),
            method=method,
            method_param=self._param(method),
            achieved_manual=achieved,
            activity_id=current_value(self.activity),
            comment=self.comment.toPlainText().strip(),
            version=self.old.version,  # the version this form was loaded with
        )

    def dry_run(self, data: IndicatorInput) -> None:
        indicator = self.indicator
        if indicator is None:
            self.ws.dry_run(lambda s: INDICATOR.create(s, self.project_id, data))
        else:
            self.ws.dry_run(lambda s: INDICATOR.update(s, indicator.id, data))

    def save(self, data: IndicatorInput) -> object:
        if self.indicator is None:
            text = self.tr("Jauns rādītājs “%1”").replace("%1", data.name.strip())
            return self.ws.execute(CreateCommand(self.ws, INDICATOR, self.project_id, data, text))
        if data == self.old:
            return self.indicator
        text = self.tr("Rādītāja “%1” labojums").replace("%1", self.indicator.name)
        return self.ws.execute(EditCommand(self.ws, INDICATOR, self.indicator.id, self.old, data, text))
