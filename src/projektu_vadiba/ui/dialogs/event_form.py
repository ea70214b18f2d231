"""Pasākums: create or edit one event (a seminar, a meeting, a study trip ...) of a project."""

from __future__ import annotations

from datetime import datetime, timedelta

from PySide6.QtWidgets import QCheckBox, QLineEdit, QPlainTextEdit, QWidget

from projektu_vadiba.core import clock
from projektu_vadiba.core.dto import ActivityDTO, EventDTO, EventInput
from projektu_vadiba.core.models.enums import EventType
from projektu_vadiba.core.services.event_delete import event_input
from projektu_vadiba.ui.commands import CreateCommand, EditCommand
from projektu_vadiba.ui.dialogs.form import FormDialog
from projektu_vadiba.ui.entities import EVENT
from projektu_vadiba.ui.labels import event_type_label
from projektu_vadiba.ui.widgets.choices import choice_combo, current_value, select_value
from projektu_vadiba.ui.widgets.fields import CountSpin, DateTimeEdit
from projektu_vadiba.ui.workspace import Workspace


def default_start() -> datetime:
    """Tomorrow at 10:00: a new event is usually planned ahead."""
    return datetime.combine(clock.today() + timedelta(days=1), datetime.min.time()).replace(hour=10)


class EventForm(FormDialog):
    def __init__(
        self,
        ws: Workspace,
        project_id: int,
        activities: list[ActivityDTO],
        event: EventDTO | None = None,
        parent: QWidget | None = None,
        *,
        activity_id: int | None = None,
        starts_at: datetime | None = None,
    ) -> None:
        super().__init__(self.tr("Jauns pasākums") if event is None else self.tr("Pasākums"), parent)
        self.ws, self.project_id, self.record = ws, project_id, event
        start = starts_at or default_start()
        old = (
            event_input(event) if event else EventInput("", start, start + timedelta(hours=2), activity_id=activity_id)
        )
        self.title = QLineEdit(old.title, self)
        self.type = choice_combo(EventType, event_type_label, old.type, self)
        self.activity = choice_combo([None, *(a.id for a in activities)], self._activity_label(activities), None, self)
        select_value(self.activity, old.activity_id)
        self.starts_at = DateTimeEdit(old.starts_at, self)
        self.ends_at = DateTimeEdit(old.ends_at, self)
        self._last_start = old.starts_at
        self.starts_at.valueChanged.connect(self._keep_duration)
        self.place = QLineEdit(old.place, self)
        self.place.setPlaceholderText(self.tr("piem., Ķekavas kultūras nams"))
        self.address = QLineEdit(old.address, self)
        self.municipality = QLineEdit(old.municipality, self)
        self.municipality.setPlaceholderText(self.tr("piem., Ķekavas novads"))
        self.online = QCheckBox(self.tr("Notiek tiešsaistē"), self)
        self.online.setChecked(old.online)
        self.online_link = QLineEdit(old.online_link, self)
        self.online_link.setPlaceholderText("https://")
        self.planned = CountSpin(old.planned_participants, parent=self)
        # An open event's headcount of people nobody listed: attendances in the reports, never people.
        self.unlisted = CountSpin(old.unlisted_count or None, parent=self)
        self.unlisted.setToolTip(self.tr("Saskaitītie, kas sarakstā nav: pārskatos dalības reizes, ne personas."))
        self.description = QPlainTextEdit(old.description, self)
        self.description.setTabChangesFocus(True)
        self.description.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        self.add_row("title", self.tr("Nosaukums"), self.title, required=True)
        self.add_row("type", self.tr("Veids"), self.type)
        self.add_row("activity_id", self.tr("Aktivitāte"), self.activity)
        self.add_row("starts_at", self.tr("Sākums"), self.starts_at, required=True)
        self.add_row("ends_at", self.tr("Beigas"), self.ends_at, required=True)
        self.add_row("place", self.tr("Vieta"), self.place)
        self.add_row("address", self.tr("Adrese"), self.address)
        self.add_row("municipality", self.tr("Pašvaldība"), self.municipality)
        self.add_row("online", "", self.online)
        self.add_row("online_link", self.tr("Saite"), self.online_link)
        self.add_row("planned_participants", self.tr("Plānotie dalībnieki"), self.planned)
        self.add_row("unlisted_count", self.tr("Bez saraksta (tikai skaits)"), self.unlisted)
        self.add_row("description", self.tr("Apraksts"), self.description)
        self.online.toggled.connect(self.online_link.setEnabled)
        self.online_link.setEnabled(old.online)
        self.old = old
        self.mark_clean()

    def _activity_label(self, activities: list[ActivityDTO]):  # type: ignore[no-untyped-def]
        names = {a.id: f"{a.code} {a.title}" for a in activities}
        return lambda id_: names.get(id_, "") if id_ is not None else self.tr("— bez aktivitātes —")

    def _keep_duration(self) -> None:
        """Moving the start moves the end too, so a two-hour event stays two hours long."""
        new_start = self.starts_at.value()
        self.ends_at.set_value(self.ends_at.value() + (new_start - self._last_start))
        self._last_start = new_start

    def build(self) -> EventInput:
        return EventInput(
            title=self.title.text(),
            starts_at=self.starts_at.value(),
            ends_at=self.ends_at.value(),
            activity_id=current_value(self.activity),
            type=current_value(self.type),
            place=self.place.text(),
            address=self.address.text(),
            municipality=self.municipality.text(),
            online=self.online.isChecked(),
            online_link=self.online_link.text() if self.online.isChecked() else "",
            planned_participants=self.planned.value_or_none(),
            description=self.description.toPlainText().strip(),
            unlisted_count=self.unlisted.value_or_none() or 0,
            version=self.old.version,  # the version this form was loaded with
        )

    def dry_run(self, data: EventInput) -> None:
        record = self.record
        if record is None:
            self.ws.dry_run(lambda s: EVENT.create(s, self.project_id, data))
        else:
            self.ws.dry_run(lambda s: EVENT.update(s, record.id, data))

    def save(self, data: EventInput) -> object:
        if self.record is None:
            text = self.tr("Jauns pasākums “%1”").replace("%1", data.title.strip())
            return self.ws.execute(CreateCommand(self.ws, EVENT, self.project_id, data, text))
        if data == self.old:
            return self.record
        text = self.tr("Pasākuma “%1” labojums").replace("%1", self.record.title)
        return self.ws.execute(EditCommand(self.ws, EVENT, self.record.id, self.old, data, text))
