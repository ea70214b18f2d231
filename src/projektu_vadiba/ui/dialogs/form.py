"""The base of every entity form: a labelled field per row with a red message under it, Save / Cancel, and the
rule that nothing typed is lost: closing a changed form asks whether to save.

A subclass adds rows (`add_row(field, label, widget)`, `field` named as the service's FieldProblem.field) and
implements `build()` (widgets -> input; text is parsed with `parse(...)`, which notes a problem and goes on) and
`save(data)` (runs the operation; the service's ValidationError comes back here). When parsing found problems,
`dry_run(data)` lets the service check the rest too (in a transaction rolled back), so the user sees every
problem at once. Each problem is shown under its field; a problem of a field the form does not show goes to the
message at the top. A field that reads its own text (a typed date) tells its problem through `problem()`, checked
in the same round, and `problem_changed` as soon as the user leaves it.

The same behaviour in every form: it opens on its first field and Tab goes through the fields before the buttons;
Enter saves (inside a multi-line text it is a newline); Esc or the close button on a changed form asks first; a
message and the red border go as soon as their field is edited; the dialog grows for messages and shrinks back
when they go, Save staying at its bottom right.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from enum import Enum
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtGui import QCloseEvent, QResizeEvent, QShowEvent
from PySide6.QtWidgets import (
    QAbstractButton,
    QAbstractSpinBox,
    QCheckBox,
    QComboBox,
    QDialog,
    QDialogButtonBox,
    QFormLayout,
    QLabel,
    QLayout,
    QLineEdit,
    QMessageBox,
    QPlainTextEdit,
    QStackedWidget,
    QVBoxLayout,
    QWidget,
)

from projektu_vadiba.core.errors import AppError, FieldProblem, ValidationError
from projektu_vadiba.ui.messages import text_of

T = TypeVar("T")

ERROR_STYLE = "color: #b3261e;"
INVALID_STYLE = '*[invalid="true"] { border: 1px solid #b3261e; border-radius: 3px; }'


class Unsaved(Enum):
    SAVE = "save"
    DISCARD = "discard"
    CANCEL = "cancel"


class ErrorLabel(QLabel):
    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setStyleSheet(ERROR_STYLE)
        self.setWordWrap(True)
        self.setTextFormat(Qt.TextFormat.PlainText)
        self.hide()

    def show_message(self, text: str) -> None:
        self.setText(text)
        self.setVisible(bool(text))


class FormDialog(QDialog):
    def __init__(self, title: str, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.setWindowTitle(title)
        self.setStyleSheet(INVALID_STYLE)
        self.result_value: Any = None
        self._rows: dict[str, tuple[QWidget, ErrorLabel]] = {}
        self._aliases: dict[str, str] = {}
        self._inputs: list[QWidget] = []
        self._clean: list[Any] = []
        self._parse_problems: list[FieldProblem] = []
        self._arranged = False
        self._fitting = False
        self._chosen_height = 0  # the height the dialog opened with or the user gave it; messages only add to it

        self.general_error = ErrorLabel(self)
        self.form = QFormLayout()
        self.form.setFieldGrowthPolicy(QFormLayout.FieldGrowthPolicy.AllNonFixedFieldsGrow)
        self.form.setLabelAlignment(Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignTop)
        self.required_note = QLabel(self.tr("* — obligāti aizpildāms lauks"), self)
        self.required_note.setStyleSheet("color: palette(mid);")
        self.required_note.hide()
        self.buttons = QDialogButtonBox(
            QDialogButtonBox.StandardButton.Save | QDialogButtonBox.StandardButton.Cancel, self
        )
        self.save_button = self.buttons.button(QDialogButtonBox.StandardButton.Save)
        self.save_button.setText(self.tr("Saglabāt"))
        self.save_button.setDefault(True)  # Enter in any one-line field saves
        self.buttons.button(QDialogButtonBox.StandardButton.Cancel).setText(self.tr("Atcelt"))
        self.buttons.accepted.connect(self.accept)
        self.buttons.rejected.connect(self.reject)

        layout = QVBoxLayout(self)
        layout.setSizeConstraint(QLayout.SizeConstraint.SetMinimumSize)  # messages appearing make it taller
        layout.addWidget(self.general_error)
        layout.addLayout(self.form)
        layout.addStretch(1)
        layout.addWidget(self.required_note)
        layout.addWidget(self.buttons)
        self.setMinimumWidth(560)

    # ---- building the form ---------------------------------------------------------------------------

    def add_row(
        self,
        field: str,
        label: str,
        widget: QWidget,
        *,
        required: bool = False,
        also: Iterable[str] = (),
        hint: str = "",
    ) -> QWidget:
        """A field with its error label below it; `also` names other service fields shown at this row."""
        box = QWidget(self)
        column = QVBoxLayout(box)
        column.setContentsMargins(0, 0, 0, 0)
        column.setSpacing(2)
        column.addWidget(widget)
        if hint:
            hint_label = QLabel(hint, box)
            hint_label.setWordWrap(True)
            hint_label.setStyleSheet("color: palette(mid);")
            column.addWidget(hint_label)
        error = ErrorLabel(box)
        column.addWidget(error)
        caption = QLabel(f"{label} *" if required else label, self)
        caption.setBuddy(widget)
        self.form.addRow(caption, box)
        self._rows[field] = (widget, error)
        for other in also:
            self._aliases[other] = field
        self._inputs.append(widget)
        _on_edit(widget, lambda: self._clear_row(field))
        problem_changed = getattr(widget, "problem_changed", None)
        if problem_changed is not None:  # a typed date is checked as soon as the user leaves it
            problem_changed.connect(lambda message: self._show_row_problem(field, message))
        if required:
            self.required_note.show()
        return widget

    def field_widget(self, field: str) -> QWidget:
        return self._rows[field][0]

    def error_text(self, field: str) -> str:
        """The message shown under a field ("" when none); for tests and accessibility."""
        _widget, label = self._rows[self._aliases.get(field, field)]
        return "" if label.isHidden() else label.text()

    def mark_clean(self) -> None:
        """The values now in the form count as unchanged (call after filling it)."""
        self._clean = self._snapshot()

    def is_modified(self) -> bool:
        return self._snapshot() != self._clean

    # ---- to implement --------------------------------------------------------------------------------

    def build(self) -> Any:
        raise NotImplementedError

    def save(self, data: Any) -> Any:
        raise NotImplementedError

    def dry_run(self, data: Any) -> None:
        """Let the service validate `data` without keeping anything (raise its ValidationError)."""

    def parse(self, parser: Callable[[str, str], T], text: str, field: str, default: T) -> T:
        """Parse a typed value with a core parser; a problem is noted for its field and `default` used meanwhile."""
        try:
            return parser(text, field)
        except ValidationError as exc:
            self._parse_problems.extend(exc.problems)
            return default

    def problem(self, field: str, message: str) -> None:
        """A problem the form itself finds (a value left empty that parsing needs)."""
        self._parse_problems.append(FieldProblem(field, message))

    # ---- saving and closing --------------------------------------------------------------------------

    def accept(self) -> None:
        self.clear_problems()
        self._parse_problems = []
        try:
            data = self.build()
            self._parse_problems += self._widget_problems()
            if self._parse_problems:
                raise ValidationError(self._with_service_problems(data))
            self.result_value = self.save(data)
        except ValidationError as exc:
            self.show_problems(exc)
            return
        except AppError as exc:
            self.general_error.show_message(text_of(exc))
            return
        self._clean = self._snapshot()
        super().accept()

    def reject(self) -> None:
        if self.is_modified():
            choice = self.ask_unsaved()
            if choice is Unsaved.CANCEL:
                return
            if choice is Unsaved.SAVE:
                self.accept()
                return
        super().reject()

    def closeEvent(self, event: QCloseEvent) -> None:
        if self.result() == QDialog.DialogCode.Accepted or not self.is_modified() or not self.isVisible():
            event.accept()
            return
        event.ignore()
        self.reject()

    def ask_unsaved(self) -> Unsaved:
        box = QMessageBox(self)
        box.setIcon(QMessageBox.Icon.Question)
        box.setWindowTitle(self.windowTitle())
        box.setText(self.tr("Formā ir nesaglabātas izmaiņas. Saglabāt tās?"))
        save = box.addButton(self.tr("Saglabāt"), QMessageBox.ButtonRole.AcceptRole)
        discard = box.addButton(self.tr("Nesaglabāt"), QMessageBox.ButtonRole.DestructiveRole)
        box.addButton(self.tr("Turpināt labot"), QMessageBox.ButtonRole.RejectRole)
        box.setDefaultButton(save)
        box.exec()
        clicked = box.clickedButton()
        if clicked is save:
            return Unsaved.SAVE
        if clicked is discard:
            return Unsaved.DISCARD
        return Unsaved.CANCEL

    # ---- problems ------------------------------------------------------------------------------------

    def _with_service_problems(self, data: Any) -> list[FieldProblem]:
        problems = list(self._parse_problems)
        parsed = {p.field for p in problems}
        try:
            self.dry_run(data)
        except ValidationError as exc:
            problems += [p for p in exc.problems if p.field not in parsed]
        except AppError:
            pass
        return problems

    def _widget_problems(self) -> list[FieldProblem]:
        """Text a field itself cannot read (a date that is not one), named by the field's row."""
        problems: list[FieldProblem] = []
        for field, (widget, _error) in self._rows.items():
            check = getattr(widget, "problem", None)
            if callable(check) and (message := check()):
                problems.append(FieldProblem(field, message))
        return problems

    def clear_problems(self) -> None:
        self.general_error.show_message("")
        for widget, error in self._rows.values():
            error.show_message("")
            self._set_invalid(widget, False)
        self._fit()

    def _clear_row(self, field: str) -> None:
        """The user edits a field: its message and red border go at once (the next save checks it again)."""
        widget, error = self._rows[field]
        if error.isHidden() and widget.property("invalid") is not True:
            return
        error.show_message("")
        self._set_invalid(widget, False)
        self._fit()

    def _show_row_problem(self, field: str, message: str) -> None:
        widget, error = self._rows[field]
        error.show_message(message)
        self._set_invalid(widget, bool(message))
        self._fit()

    def show_problems(self, exc: ValidationError) -> None:
        general: list[str] = []
        by_field: dict[str, list[str]] = {}
        for problem in exc.problems:
            field = self._aliases.get(problem.field, problem.field)
            if field in self._rows:
                by_field.setdefault(field, []).append(text_of(problem))
            else:
                general.append(text_of(problem))
        first: QWidget | None = None
        for field, messages in by_field.items():
            widget, error = self._rows[field]
            error.show_message("\n".join(dict.fromkeys(messages)))
            self._set_invalid(widget, True)
            first = first or widget
        self.general_error.show_message("\n".join(general))
        self._fit()
        if first is not None:
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _fit(self) -> None:
        """Grow to show the messages that appeared (nothing squeezed, nothing clipped) and shrink back to the
        chosen height when they go. The layout's SetMinimumSize only keeps the dialog from being too small."""
        for _widget, error in self._rows.values():  # a row's own layout would tell the form only later
            box = error.parentWidget()
            if box is not None and (row_layout := box.layout()) is not None:
                row_layout.invalidate()
                box.updateGeometry()
        layout = self.layout()
        if layout is not None:
            layout.activate()
        wanted = max(self.sizeHint().height(), self.minimumHeight(), self._chosen_height)
        if self.isVisible() and self.height() != wanted:
            self._fitting = True
            try:
                self.resize(self.width(), wanted)
                if layout is not None:  # lay out at the new size now: Save stays at the bottom right
                    layout.setGeometry(self.contentsRect())
            finally:
                self._fitting = False

    def resizeEvent(self, event: QResizeEvent) -> None:
        if not self._fitting and self.isVisible() and not self._shows_messages():
            self._chosen_height = event.size().height()
        super().resizeEvent(event)

    def _shows_messages(self) -> bool:
        return not self.general_error.isHidden() or any(not e.isHidden() for _w, e in self._rows.values())

    def showEvent(self, event: QShowEvent) -> None:
        super().showEvent(event)
        if not self._arranged:
            self._arranged = True
            self._chosen_height = self.height()
            self._arrange_focus()

    def _arrange_focus(self) -> None:
        """Tab goes through the fields in row order, then Save and Cancel; the form opens on its first field (the
        buttons are made before the subclass's fields, so Qt would otherwise start on "Saglabāt")."""
        fields = [w for w in self._focus_chain() if w not in self.buttons.findChildren(QAbstractButton)]
        buttons = [b for b in self.buttons.buttons() if b.focusPolicy() != Qt.FocusPolicy.NoFocus]
        if fields:
            for before, after in zip([fields[-1], *buttons], buttons, strict=False):
                QWidget.setTabOrder(before, after)
        first = next((w for w in self._focus_chain() if w not in buttons and w.isEnabled()), None)
        if first is not None:  # not Tab's reason: an edited record's first value is not selected for overtyping
            first.setFocus(Qt.FocusReason.OtherFocusReason)

    def _focus_chain(self) -> list[QWidget]:
        """The dialog's widgets that Tab reaches, in Tab order."""
        chain: list[QWidget] = []
        widget = self.nextInFocusChain()
        while widget is not None and widget is not self and widget not in chain:
            if (
                self.isAncestorOf(widget)
                and widget.focusPolicy() & Qt.FocusPolicy.TabFocus
                and widget.isVisibleTo(self)
            ):
                chain.append(widget)
            widget = widget.nextInFocusChain()
        return chain

    @staticmethod
    def _set_invalid(widget: QWidget, invalid: bool) -> None:
        widget.setProperty("invalid", invalid)
        widget.style().unpolish(widget)
        widget.style().polish(widget)

    def _snapshot(self) -> list[Any]:
        values: list[Any] = []
        for w in self._inputs:
            if isinstance(w, QLineEdit):
                values.append(w.text())
            elif isinstance(w, QPlainTextEdit):
                values.append(w.toPlainText())
            elif isinstance(w, QComboBox):
                values.append((w.currentIndex(), w.currentText()))
            elif isinstance(w, QCheckBox):
                values.append(w.isChecked())
            elif isinstance(w, QAbstractSpinBox):
                values.append(w.text())
            else:
                values.append(None)
        return values


def _on_edit(widget: QWidget, callback: Callable[[], None]) -> None:
    """Call back when the user changes the widget's value (for a box of several inputs: any of them)."""
    inputs = [widget] if not isinstance(widget, QStackedWidget) else widget.findChildren(QWidget)
    for w in inputs:
        if isinstance(w, QLineEdit):
            w.textEdited.connect(callback)
        elif isinstance(w, QPlainTextEdit):
            w.textChanged.connect(callback)
        elif isinstance(w, QComboBox):
            w.currentIndexChanged.connect(callback)
            w.editTextChanged.connect(callback)
        elif isinstance(w, QCheckBox):
            w.toggled.connect(callback)
        elif isinstance(w, QAbstractSpinBox):
            getattr(w, "valueChanged", w.editingFinished).connect(callback)


def show_error(parent: QWidget | None, exc: AppError) -> None:
    QMessageBox.warning(parent, parent.window().windowTitle() if parent else "", text_of(exc))
