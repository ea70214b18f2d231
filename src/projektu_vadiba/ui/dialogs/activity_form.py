"""Aktivitāte: create or edit one activity of a project."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QPlainTextEdit, QWidget

from projektu_vadiba.core.dto import ActivityDTO, ActivityInput
from projektu_vadiba.core.models.enums import ActivityStatus
from projektu_vadiba.core.services.event_delete import activity_input
from projektu_vadiba.ui.commands import CreateCommand, EditCommand
from projektu_vadiba.ui.dialogs.form import FormDialog
from projektu_vadiba.ui.entities import ACTIVITY
from projektu_vadiba.ui.labels import activity_status_label
from projektu_vadiba.ui.widgets.choices import choice_combo, current_value
from projektu_vadiba.ui.widgets.fields import OptionalDateEdit
from projektu_vadiba.ui.workspace import Workspace


class ActivityForm(FormDialog):
    def __init__(
        self, ws: Workspace, project_id: int, activity: ActivityDTO | None = None, parent: QWidget | None = None
    ) -> None:
        super().__init__(self.tr("Jauna aktivitāte") if activity is None else self.tr("Aktivitāte"), parent)
        self.ws, self.project_id, self.activity = ws, project_id, activity
        old = activity_input(activity) if activity else ActivityInput("", "")
        self.code = QLineEdit(old.code, self)
        self.code.setMaxLength(20)
        self.code.setPlaceholderText(self.tr("piem., 2.1"))
        self.title = QLineEdit(old.title, self)
        self.status = choice_combo(ActivityStatus, activity_status_label, old.status, self)
        self.planned_start = OptionalDateEdit(old.planned_start, self)
        self.planned_end = OptionalDateEdit(old.planned_end, self)
        self.description = QPlainTextEdit(old.description, self)
        self.description.setTabChangesFocus(True)
        self.result_text = QPlainTextEdit(old.result, self)
        self.result_text.setTabChangesFocus(True)
        for box in (self.description, self.result_text):
            box.setFixedHeight(self.fontMetrics().lineSpacing() * 4 + 12)

        self.add_row("code", self.tr("Kods"), self.code, required=True, hint=self.tr("Kā projekta pieteikumā."))
        self.add_row("title", self.tr("Nosaukums"), self.title, required=True)
        self.add_row("status", self.tr("Statuss"), self.status)
        self.add_row("planned_start", self.tr("Plānotais sākums"), self.planned_start)
        self.add_row("planned_end", self.tr("Plānotās beigas"), self.planned_end)
        self.add_row("description", self.tr("Apraksts"), self.description)
        self.add_row("result", self.tr("Rezultāts"), self.result_text)
        self.old = old
        self.mark_clean()

    def build(self) -> ActivityInput:
        return ActivityInput(
            code=self.code.text(),
            title=self.title.text(),
            description=self.description.toPlainText().strip(),
            planned_start=self.planned_start.value(),
            planned_end=self.planned_end.value(),
            status=current_value(self.status),
            result=self.result_text.toPlainText().strip(),
            version=self.old.version,  # the version this form was loaded with
        )

    def dry_run(self, data: ActivityInput) -> None:
        activity = self.activity
        if activity is None:
            self.ws.dry_run(lambda s: ACTIVITY.create(s, self.project_id, data))
        else:
            self.ws.dry_run(lambda s: ACTIVITY.update(s, activity.id, data))

    def save(self, data: ActivityInput) -> object:
        if self.activity is None:
            text = self.tr("Jauna aktivitāte “%1”").replace("%1", data.title.strip())
            return self.ws.execute(CreateCommand(self.ws, ACTIVITY, self.project_id, data, text))
        if data == self.old:
            return self.activity
        text = self.tr("Aktivitātes “%1” labojums").replace("%1", self.activity.title)
        return self.ws.execute(EditCommand(self.ws, ACTIVITY, self.activity.id, self.old, data, text))
