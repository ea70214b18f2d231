"""Lietotāji: the team database's users, their role in the team and in each project (core.team.users).

Shown to administrators of a team database only; PostgreSQL refuses the same changes to anyone else anyway, and
such a refusal is shown as a sentence, not a traceback.
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

from PySide6.QtCore import QCoreApplication
from PySide6.QtWidgets import (
    QAbstractItemView,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLineEdit,
    QMessageBox,
    QPushButton,
    QTableView,
    QVBoxLayout,
    QWidget,
)
from sqlalchemy.exc import DBAPIError
from sqlalchemy.orm import Session

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models.team import PROJECT_ROLES, USER_ROLES
from projektu_vadiba.core.services.projects import list_projects
from projektu_vadiba.core.team import users
from projektu_vadiba.core.team.server import server_error
from projektu_vadiba.ui.messages import text_of
from projektu_vadiba.ui.models.rows_table import Column, RowsTableModel
from projektu_vadiba.ui.workspace import Workspace


def role_label(role: str) -> str:
    labels = {
        "admin": QCoreApplication.translate("team", "administrators"),
        "manager": QCoreApplication.translate("team", "projekta vadītājs"),
        "accountant": QCoreApplication.translate("team", "grāmatvedis"),
        "staff": QCoreApplication.translate("team", "darbinieks"),
        "viewer": QCoreApplication.translate("team", "skatītājs"),
    }
    return labels.get(role, role)


def _projects_text(user: users.UserDTO) -> str:
    return ", ".join(f"{m.project_number} ({role_label(m.project_role)})" for m in user.projects) or "—"


class UsersDialog(QDialog):
    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.setWindowTitle(self.tr("Lietotāji"))
        self.resize(820, 520)
        self.model: RowsTableModel[users.UserDTO] = RowsTableModel(
            [
                Column(self.tr("Lietotājvārds"), lambda u: u.name),
                Column(self.tr("Vārds"), lambda u: u.full_name),
                Column(self.tr("Loma komandā"), lambda u: role_label(u.role)),
                Column(self.tr("Projekti"), _projects_text, tooltip=True),
            ],
            self,
        )
        self.view = QTableView(self)
        self.view.setModel(self.model)
        self.view.setSelectionBehavior(QAbstractItemView.SelectionBehavior.SelectRows)
        self.view.setSelectionMode(QAbstractItemView.SelectionMode.SingleSelection)
        self.view.horizontalHeader().setStretchLastSection(True)
        self.view.verticalHeader().hide()
        self.view.selectionModel().currentRowChanged.connect(lambda *_: self._show_selected())

        self.add_button = QPushButton(self.tr("Pievienot lietotāju…"), self)
        self.remove_button = QPushButton(self.tr("Dzēst lietotāju…"), self)
        self.add_button.clicked.connect(self.add_user)
        self.remove_button.clicked.connect(self.remove_user)

        self.role = QComboBox(self)
        for role in USER_ROLES:
            self.role.addItem(role_label(role), role)
        self.role_button = QPushButton(self.tr("Saglabāt lomu"), self)
        self.role_button.clicked.connect(self.save_role)
        self.project = QComboBox(self)
        self.project_role = QComboBox(self)
        self.project_role.addItem(self.tr("— nav projektā —"), None)
        for role in PROJECT_ROLES:
            self.project_role.addItem(role_label(role), role)
        self.project.currentIndexChanged.connect(lambda _i: self._show_membership())
        self.member_button = QPushButton(self.tr("Saglabāt lomu projektā"), self)
        self.member_button.clicked.connect(self.save_membership)

        selected = QGroupBox(self.tr("Izvēlētais lietotājs"), self)
        form = QFormLayout(selected)
        row = QHBoxLayout()
        row.addWidget(self.role, 1)
        row.addWidget(self.role_button)
        form.addRow(self.tr("Loma komandā"), row)
        form.addRow(self.tr("Projekts"), self.project)
        row = QHBoxLayout()
        row.addWidget(self.project_role, 1)
        row.addWidget(self.member_button)
        form.addRow(self.tr("Loma projektā"), row)

        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Close, self)
        buttons.button(QDialogButtonBox.StandardButton.Close).setText(self.tr("Aizvērt"))
        buttons.rejected.connect(self.reject)
        top = QHBoxLayout()
        top.addWidget(self.add_button)
        top.addWidget(self.remove_button)
        top.addStretch(1)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addWidget(self.view, 1)
        layout.addWidget(selected)
        layout.addWidget(buttons)
        self.reload()

    # ---- data ----------------------------------------------------------------------------------------

    def reload(self, keep: str | None = None) -> None:
        selected = self.current()
        keep = keep or (selected.name if selected is not None else None)
        found = self._run(users.list_users)
        if found is None:
            return
        self.model.set_rows(found)
        projects = self.ws.read(list_projects)
        current_project = self.project.currentData()
        self.project.blockSignals(True)
        self.project.clear()
        for p in projects:
            self.project.addItem(f"{p.number} — {p.title}", p.id)
        self.project.setCurrentIndex(max(0, self.project.findData(current_project)))
        self.project.blockSignals(False)
        names = [u.name for u in found]
        row = names.index(keep) if keep in names else 0
        if names:
            self.view.setCurrentIndex(self.model.index(row, 0))
        self._show_selected()

    def current(self) -> users.UserDTO | None:
        row = self.view.currentIndex().row()
        rows = self.model.rows
        return rows[row] if 0 <= row < len(rows) else None

    def _show_selected(self) -> None:
        user = self.current()
        for widget in (self.role, self.role_button, self.project, self.project_role, self.member_button):
            widget.setEnabled(user is not None)
        self.remove_button.setEnabled(user is not None)
        if user is not None:
            self.role.setCurrentIndex(max(0, self.role.findData(user.role)))
        self._show_membership()

    def _show_membership(self) -> None:
        user = self.current()
        pid = self.project.currentData()
        role = next((m.project_role for m in user.projects if m.project_id == pid), None) if user else None
        self.project_role.setCurrentIndex(max(0, self.project_role.findData(role)))

    def _run(self, change: Callable[[Session], Any]) -> Any:
        """One use case in one transaction; a refusal (the service's or PostgreSQL's) as a sentence."""
        try:
            with self.ws.session() as s:
                return change(s)
        except AppError as exc:
            message = text_of(exc)
        except DBAPIError as exc:
            message = text_of(server_error(exc))
        QMessageBox.warning(self, self.windowTitle(), message)
        return None

    def _changed(self, name: str) -> None:
        self.ws.set_access(None)  # the administrator may have changed their own memberships
        self.reload(name)

    # ---- actions -------------------------------------------------------------------------------------

    def save_role(self) -> None:
        user = self.current()
        if user is not None and self._run(lambda s: users.set_role(s, user.name, self.role.currentData())):
            self._changed(user.name)

    def save_membership(self) -> None:
        user, pid, role = self.current(), self.project.currentData(), self.project_role.currentData()
        if user is not None and pid is not None and self._run(lambda s: users.set_membership(s, user.name, pid, role)):
            self._changed(user.name)

    def add_user(self) -> None:
        form = NewUserDialog(self)
        if form.exec() and self._run(form.add_user) is not None:
            self._changed(form.name.text().strip())

    def remove_user(self) -> None:
        user = self.current()
        if user is None:
            return
        answer = QMessageBox.question(
            self,
            self.windowTitle(),
            self.tr("Dzēst lietotāju %1? Viņa izmaiņas audita žurnālā paliek.").replace("%1", user.name),
        )
        if answer == QMessageBox.StandardButton.Yes and self._run(lambda s: _removed(s, user.name)):
            self._changed("")


def _removed(session: Session, name: str) -> bool:
    users.remove_user(session, name)
    return True


class NewUserDialog(QDialog):
    """A new login: user name, name to show, team role and the password (typed twice, never shown)."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(self.tr("Jauns lietotājs"))
        self.name = QLineEdit(self)
        self.name.setPlaceholderText(self.tr("mazie burti, cipari, _ (piem. janis_k)"))
        self.full_name = QLineEdit(self)
        self.role = QComboBox(self)
        for role in USER_ROLES:
            self.role.addItem(role_label(role), role)
        self.role.setCurrentIndex(self.role.findData("staff"))
        self.password = QLineEdit(self)
        self.password.setEchoMode(QLineEdit.EchoMode.Password)
        self.again = QLineEdit(self)
        self.again.setEchoMode(QLineEdit.EchoMode.Password)
        form = QFormLayout()
        form.addRow(self.tr("Lietotājvārds"), self.name)
        form.addRow(self.tr("Vārds, uzvārds"), self.full_name)
        form.addRow(self.tr("Loma komandā"), self.role)
        form.addRow(self.tr("Parole"), self.password)
        form.addRow(self.tr("Parole vēlreiz"), self.again)
        buttons = QDialogButtonBox(QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self)
        buttons.button(QDialogButtonBox.StandardButton.Save).setText(self.tr("Saglabāt"))
        buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Atcelt"))
        buttons.accepted.connect(self._check)
        buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addLayout(form)
        layout.addWidget(buttons)

    def _check(self) -> None:
        if self.password.text() != self.again.text():
            QMessageBox.warning(self, self.windowTitle(), text_of(AppError.of("team.passwords_differ")))
            return
        self.accept()

    def add_user(self, session: Session) -> users.UserDTO:
        return users.add_user(
            session, self.name.text().strip(), self.role.currentData(), self.password.text(), self.full_name.text()
        )
