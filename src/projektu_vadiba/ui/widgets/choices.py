"""Combo boxes over closed lists (enums with Latvian labels) and over names the database already holds."""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from typing import Any, TypeVar

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QComboBox, QCompleter, QWidget

from projektu_vadiba.core.text import lv_sort_key

T = TypeVar("T")


class ChoiceCombo(QComboBox):
    """A combo over Python values. They are kept here, not as Qt item data: Qt would turn a StrEnum member
    into a plain str on the way in."""

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.values: list[Any] = []

    def add_value(self, text: str, value: Any) -> None:
        self.values.append(value)
        self.addItem(text)

    def value(self) -> Any:
        i = self.currentIndex()
        return self.values[i] if 0 <= i < len(self.values) else None


def choice_combo(
    values: Iterable[T], label: Callable[[T], str], current: T | None = None, parent: QWidget | None = None
) -> ChoiceCombo:
    """One item per value; `current` selected."""
    combo = ChoiceCombo(parent)
    for value in values:
        combo.add_value(label(value), value)
    if current is not None:
        select_value(combo, current)
    return combo


def select_value(combo: QComboBox, value: Any) -> bool:
    values = combo.values if isinstance(combo, ChoiceCombo) else [combo.itemData(i) for i in range(combo.count())]
    for i, candidate in enumerate(values):
        if candidate == value:
            combo.setCurrentIndex(i)
            return True
    return False


def current_value(combo: QComboBox) -> Any:
    return combo.value() if isinstance(combo, ChoiceCombo) else combo.currentData()


def name_combo(names: Sequence[str], current: str = "", parent: QWidget | None = None) -> QComboBox:
    """An editable combo: pick a known name (Latvian order) or type a new one; completion ignores case."""
    combo = QComboBox(parent)
    combo.setEditable(True)
    combo.setInsertPolicy(QComboBox.InsertPolicy.NoInsert)
    combo.addItems(sorted(dict.fromkeys(n for n in names if n), key=lv_sort_key))
    completer = combo.completer()
    if completer is not None:
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setCompletionMode(QCompleter.CompletionMode.PopupCompletion)
    combo.setCurrentText(current)
    return combo
