"""A small form base for the money dialogs: one row per field with its own red message under it, a message at
the top for problems of no shown field, Save / Cancel. Nothing is saved unless the service accepts all of it.

Subclasses add rows with `add_row(field, label, widget)` (`field` named as the service's FieldProblem.field),
implement `save()` (parse the widgets, call the service; raise ValidationError / AppError) and get `saved`."""

from __future__ import annotations

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import (
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.errors import AppError, FieldProblem, ValidationError

ERROR_STYLE = "color: #b3261e;"


def message_label(parent: QWidget) -> QLabel:
    label = QLabel(parent)
    label.setStyleSheet(ERROR_STYLE)
    label.setWordWrap(True)
    label.setTextFormat(Qt.TextFormat.PlainText)
    label.hide()
    return label


class MoneyForm(QDialog):
    saved = Signal(object)  # the DTO the service returned

    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setMinimumWidth(540)
        self.fields: dict[str, QWidget] = {}
        self.errors: dict[str, QLabel] = {}
        self.top_message = message_label(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.ExpandingFieldsGrow)
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Saglabāt"))
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Atcelt"))
        self.buttons.accepted.connect(self._on_save)
        self.buttons.rejected.connect(self.reject)
        layout = QVBoxLayout(self)
        layout.addWidget(self.top_message)
        layout.addLayout(self.form)
        layout.addWidget(self.buttons)

    def add_row(self, field: str, label: str, widget: QWidget) -> None:
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        error = message_label(box)
        column.addWidget(error)
        self.fields[field] = widget
        self.errors[field] = error
        self.form.addRow(label, box)

    # ---- problems ----------------------------------------------------------------------------------------------

    def clear_problems(self) -> None:
        for label in (*self.errors.values(), self.top_message):
            label.clear()
            label.hide()

    def show_problems(self, problems: list[FieldProblem]) -> None:
        self.clear_problems()
        general: list[str] = []
        for p in problems:
            label = self.errors.get(p.field)
            if label is None:
                general.append(p.message)
                continue
            label.setText("\n".join(filter(None, (label.text(), p.message))))
            label.show()
        if general:
            self.top_message.setText("\n".join(general))
            self.top_message.show()
        first = next((self.fields[p.field] for p in problems if p.field in self.fields), None)
        if first is not None:
            first.setFocus()

    def error_text(self, field: str) -> str:
        """The message shown under a field ("" when none); tests and screen readers read it."""
        label = self.errors[field]
        return label.text() if label.isVisibleTo(self) else ""

    # ---- saving ------------------------------------------------------------------------------------------------

    def save(self) -> object:
        raise NotImplementedError

    def _on_save(self) -> None:
        try:
            result = self.save()
        except ValidationError as exc:
            self.show_problems(exc.problems)
            return
        except AppError as exc:
            self.show_problems([FieldProblem("", exc.message)])
            return
        self.clear_problems()
        self.saved.emit(result)
        self.accept()


def collect(problems: list[FieldProblem], parse: object) -> object:
    """Runs a parser; its ValidationError's problems go to `problems` (so every field is checked at once)."""
    try:
        return parse() if callable(parse) else parse
    except ValidationError as exc:
        problems.extend(exc.problems)
        return None
