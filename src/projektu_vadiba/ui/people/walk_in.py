"""The box under an event's list for adding people by name: matching people are offered as you type.

Picking an offer (Down, Enter or a click) emits `picked` with that person and empties the box, so the next keys
start a new name. Enter on typed text emits `typed`; text that is, or starts with, an offer's display text
("Ilze Ķēniņa (Ķekavas novads, …)") or carries its brackets or an e-mail is refused (`refused`): it is not a name,
and must never become one.
"""

from __future__ import annotations

import re

from PySide6.QtCore import QCoreApplication, QEvent, QObject, QStringListModel, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QKeySequence
from PySide6.QtWidgets import QAbstractItemView, QCompleter, QLineEdit, QWidget

from projektu_vadiba.core.dto import PersonDTO
from projektu_vadiba.core.services import people
from projektu_vadiba.ui.workspace import Workspace

DEBOUNCE_MS = 150
_NOT_A_NAME = re.compile(r"[()@\d\[\]<>]")


def person_label(p: PersonDTO) -> str:
    extra = ", ".join(x for x in (p.organisation_name or "", p.municipality, p.email) if x)
    return f"{p.given_name} {p.surname}" + (f" ({extra})" if extra else "")


class WalkInBox(QLineEdit):
    picked = Signal(object)  # PersonDTO
    typed = Signal(str)  # a new person's name
    refused = Signal(str)  # a Latvian message

    def __init__(self, ws: Workspace, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.ws = ws
        self.suggestions: list[PersonDTO] = []
        self._shown: set[str] = set()  # every offer shown since the box was last emptied
        self._completions = QStringListModel(self)
        self.completer_ = QCompleter(self._completions, self)
        self.completer_.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        self.completer_.setCompletionMode(QCompleter.CompletionMode.UnfilteredPopupCompletion)
        self.setCompleter(self.completer_)
        # Runs after the line edit's own slot that copies the offer into the box.
        self.completer_.activated[str].connect(self._activated)  # type: ignore[index]
        self._popup().installEventFilter(self)
        self._timer = QTimer(self)
        self._timer.setSingleShot(True)
        self._timer.setInterval(DEBOUNCE_MS)
        self._timer.timeout.connect(self.suggest)
        self.textEdited.connect(lambda _text: self._timer.start())
        self.returnPressed.connect(self.submit)

    def _popup(self) -> QAbstractItemView:
        popup = self.completer_.popup()
        assert popup is not None
        return popup

    def suggest(self) -> None:
        text = self.text().strip()
        if _NOT_A_NAME.search(text):
            return  # an offer's text (or a broken one): nothing to look up
        self.suggestions = self.ws.read(lambda s: people.search_people(s, text, limit=10)) if text else []
        labels = [person_label(p) for p in self.suggestions]
        self._shown.update(labels)
        self._completions.setStringList(labels)
        if self.suggestions and self.hasFocus():
            self.completer_.complete()

    def reset(self) -> None:
        self._timer.stop()
        self._popup().hide()
        self.setText("")  # not clear(): setText forgets the box's own undo history (see event())
        self.suggestions, self._shown = [], set()
        self._completions.setStringList([])

    def _offer(self, label: str) -> PersonDTO | None:
        return next((p for p in self.suggestions if person_label(p) == label), None)

    def _activated(self, label: str) -> None:
        chosen = self._offer(label)
        if chosen is not None:
            self.reset()
            self.picked.emit(chosen)

    def submit(self) -> None:
        text = " ".join(self.text().split())
        if not text:
            return
        chosen = self._offer(text)
        if chosen is not None:
            self.reset()
            self.picked.emit(chosen)
        elif _NOT_A_NAME.search(text) or any(text.startswith(label) for label in self._shown if "(" in label):
            self.refused.emit(
                QCoreApplication.translate(
                    "attendance",
                    "“%1” nav vārds un uzvārds. Izvēlieties personu no piedāvājuma (bultiņa uz leju, Enter) "
                    "vai ierakstiet tikai jaunās personas vārdu un uzvārdu.",
                ).replace("%1", text)
            )
        else:
            self.typed.emit(text)

    def event(self, event: QEvent) -> bool:
        """Ctrl+Z in an empty box (just after a walk-in was added) is the window's undo, not the box's."""
        if event.type() == QEvent.Type.ShortcutOverride and isinstance(event, QKeyEvent) and self._window_keys(event):
            event.ignore()
            return False
        return super().event(event)

    def _window_keys(self, event: QKeyEvent) -> bool:
        undo = event.matches(QKeySequence.StandardKey.Undo) and not self.isUndoAvailable()
        return undo or (event.matches(QKeySequence.StandardKey.Redo) and not self.isRedoAvailable())

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Enter in the offers' list with none of them chosen: the typed text is meant (the completer alone
        would only close the list)."""
        if (
            watched is self._popup()
            and event.type() == QEvent.Type.KeyPress
            and isinstance(event, QKeyEvent)
            and event.key() in (Qt.Key.Key_Return, Qt.Key.Key_Enter)
            and not self._popup().currentIndex().isValid()
        ):
            self._popup().hide()
            self.submit()
            return True
        return super().eventFilter(watched, event)
