"""Atskaites un termiņi: the project's report deadlines (computed from the funder's rules, moved with the end
date), marking a report handed in, adding a deadline by hand; below, a frame for making the reports."""

from __future__ import annotations

from PySide6.QtWidgets import QVBoxLayout, QWidget

from projektu_vadiba.core import clock
from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.dto import DeadlineDTO, ProjectDetail, SubmissionInput
from projektu_vadiba.core.services import projects
from projektu_vadiba.ui import hooks
from projektu_vadiba.ui.commands import EditCommand
from projektu_vadiba.ui.dialogs.deadline_form import DeadlineForm
from projektu_vadiba.ui.entities import DEADLINE, DeadlineInput
from projektu_vadiba.ui.formatting import format_date
from projektu_vadiba.ui.labels import deadline_kind_label
from projektu_vadiba.ui.models.project_lists import deadlines_model
from projektu_vadiba.ui.operations import delete_record
from projektu_vadiba.ui.plural import language
from projektu_vadiba.ui.views.section import Section, select_id, selected_id
from projektu_vadiba.ui.widgets.cards import Card, SectionHeading, note
from projektu_vadiba.ui.widgets.table_view import make_sorted_view
from projektu_vadiba.ui.workspace import Workspace


class ReportsSection(Section):
    key = "reports"

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(ws, parent)
        self.project: ProjectDetail | None = None
        self.heading = SectionHeading(self.tr("Atskaites un termiņi"), self)
        self.submit_button = self.heading.add_button(self.tr("Atzīmēt kā iesniegtu"))
        self.add_button = self.heading.add_button(self.tr("Pievienot termiņu…"))
        self.delete_button = self.heading.add_button(self.tr("Dzēst…"))
        self.submit_button.clicked.connect(self.toggle_submitted)
        self.add_button.clicked.connect(self.add_deadline)
        self.delete_button.clicked.connect(self.delete_deadline)

        self.deadlines = Card(self.tr("Pārskatu iesniegšanas termiņi"), self)
        self.rule_note = note("", "muted", self.deadlines)
        self.model = deadlines_model(self)
        self.view = make_sorted_view(self.model, stretch_column=4, parent=self.deadlines)
        self.view.activated.connect(self.toggle_submitted)
        self.view.selectionModel().selectionChanged.connect(self._update_buttons)
        rows = self.view.verticalHeader().defaultSectionSize()
        self.view.setMinimumHeight(rows * 4 + self.view.horizontalHeader().sizeHint().height())
        self.view.setMaximumHeight(rows * 9 + self.view.horizontalHeader().sizeHint().height())
        self.deadlines.add(self.view, 1)
        self.deadlines.add(self.rule_note)

        self.reports_box = QVBoxLayout()
        self.reports_widget: QWidget | None = None
        self.coming = note(
            self.tr(
                "Saturiskā un finanšu pārskata sagatavošana šajā sadaļā vēl nav pieejama; tā nāks ar pārskatu moduli."
            ),
            "info",
            self,
        )
        self.reports_box.addWidget(self.coming)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.addWidget(self.heading)
        layout.addWidget(self.deadlines)
        layout.addLayout(self.reports_box)
        layout.addStretch(1)
        self.shortcut(self.tr("Atzīmēt kā iesniegtu"), "Space", self.toggle_submitted, self.view)

    def project_changed(self) -> None:
        # The reports part is built when the section is first shown for this project (see BudgetSection).
        if self.reports_widget is not None:
            # Report texts typed for the previous project are saved, never lost by switching projects.
            save_pending = getattr(self.reports_widget, "save_pending", None)
            if callable(save_pending):
                save_pending()
            self.reports_box.removeWidget(self.reports_widget)
            self.reports_widget.deleteLater()
            self.reports_widget = None

    def _reports_part(self) -> QWidget | None:
        """The reports part for the current project, made on first use; None when no reports module is plugged in."""
        factory = hooks.reports_factory
        if self.reports_widget is None and factory is not None and self.project_id is not None:
            self.reports_widget = factory(self.ws, self.project_id)
            self.reports_widget.setParent(self)
            self.coming.hide()
            self.reports_box.addWidget(self.reports_widget)
        return self.reports_widget

    def reload(self) -> None:
        assert self.project_id is not None
        pid = self.project_id
        current = selected_id(self.view)
        self.project = self.ws.read(lambda s: projects.get_project(s, pid))
        self.model.set_rows(self.project.deadlines)
        profile = profiles.load_profile(self.project.profile_key)
        self.rule_note.setText(
            self.tr(
                "Termiņi aprēķināti pēc finansētāja profila “%1” no projekta beigu datuma; ja beigu datums mainās, "
                "neiesniegtie termiņi pārceļas līdzi. Dubultklikšķis vai atstarpe atzīmē pārskatu kā iesniegtu."
            ).replace("%1", profiles.pick(profile.name, language()))
        )
        if current is not None and select_id(self.view, current):
            pass
        elif self.project.deadlines:
            self.view.selectRow(0)
        self._reports_part()  # made on first use; then it follows the workspace's dataChanged by itself
        self._update_buttons()

    def current(self) -> DeadlineDTO | None:
        did = selected_id(self.view)
        return next((d for d in self.model.rows if d.id == did), None)

    def _update_buttons(self) -> None:
        d = self.current()
        self.submit_button.setEnabled(d is not None)
        self.delete_button.setEnabled(d is not None)
        self.submit_button.setText(
            self.tr("Atcelt atzīmi “iesniegts”") if d and d.submitted_on else self.tr("Atzīmēt kā iesniegtu")
        )

    def toggle_submitted(self) -> None:
        d = self.current()
        if d is None:
            return
        before = d.submitted_on
        after = None if before else clock.today()
        kind = deadline_kind_label(d.kind)
        text = (
            self.tr("%1 atzīmēts kā iesniegts %2").replace("%1", kind).replace("%2", format_date(after))
            if after
            else self.tr("%1: atzīme “iesniegts” atcelta").replace("%1", kind)
        )
        # At the version the list shows: ticking what someone else has just ticked or cleared is a conflict.
        old, new = SubmissionInput(before, d.version), SubmissionInput(after, d.version)
        self.ws.execute(EditCommand(self.ws, DEADLINE, d.id, old, new, text))

    def add_deadline(self) -> None:
        if self.project is not None:
            DeadlineForm(self.ws, self.project, self).exec()

    def delete_deadline(self) -> None:
        d = self.current()
        if d is None:
            return
        what = (
            self.tr("termiņu “%1” (%2)")
            .replace("%1", deadline_kind_label(d.kind))
            .replace("%2", format_date(d.due_date))
        )
        data = DeadlineInput(d.kind, d.due_date, d.period_start, d.period_end, d.note)
        # A submitted one carries its date: undo (which adds the deadline again) could not bring that back.
        undo_data = data if d.submitted_on is None else None
        delete_record(self, self.ws, DEADLINE, d.id, what, parent_id=self.project_id, data=undo_data)
