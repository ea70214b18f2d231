"""Termiņš: a report deadline added by hand (a payment claim for a period, a date from the grant agreement)."""

from __future__ import annotations

from PySide6.QtWidgets import QLineEdit, QWidget

from projektu_vadiba.core.dto import ProjectDetail
from projektu_vadiba.core.models.enums import DeadlineKind
from projektu_vadiba.ui.commands import CreateCommand
from projektu_vadiba.ui.dialogs.form import FormDialog
from projektu_vadiba.ui.entities import DEADLINE, DeadlineInput
from projektu_vadiba.ui.labels import deadline_kind_label
from projektu_vadiba.ui.widgets.choices import choice_combo, current_value
from projektu_vadiba.ui.widgets.fields import DateEdit, OptionalDateEdit
from projektu_vadiba.ui.workspace import Workspace


class DeadlineForm(FormDialog):
    def __init__(self, ws: Workspace, project: ProjectDetail, parent: QWidget | None = None) -> None:
        super().__init__(self.tr("Jauns termiņš"), parent)
        self.ws, self.project = ws, project
        self.kind = choice_combo(DeadlineKind, deadline_kind_label, DeadlineKind.INTERIM_REPORT, self)
        self.due = DateEdit(project.end_date, self)
        self.period_start = OptionalDateEdit(project.start_date, self)
        self.period_end = OptionalDateEdit(None, self)
        self.note = QLineEdit(self)
        self.add_row("kind", self.tr("Veids"), self.kind)
        self.add_row("due_date", self.tr("Iesniegt līdz"), self.due, required=True)
        self.add_row("period_start", self.tr("Pārskata perioda sākums"), self.period_start)
        self.add_row("period_end", self.tr("Pārskata perioda beigas"), self.period_end)
        self.add_row("note", self.tr("Piezīme"), self.note)
        self.mark_clean()

    def build(self) -> DeadlineInput:
        return DeadlineInput(
            current_value(self.kind),
            self.due.value(),
            self.period_start.value(),
            self.period_end.value(),
            self.note.text().strip(),
        )

    def dry_run(self, data: DeadlineInput) -> None:
        self.ws.dry_run(lambda s: DEADLINE.create(s, self.project.id, data))

    def save(self, data: DeadlineInput) -> object:
        text = self.tr("Jauns termiņš %1").replace("%1", deadline_kind_label(data.kind))
        return self.ws.execute(CreateCommand(self.ws, DEADLINE, self.project.id, data, text))
