"""Typed user settings over QSettings: each option is declared once with its key, type and default."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any, Generic, TypeVar

from PySide6.QtCore import QByteArray, QSettings

ORGANISATION = "projektu-vadiba"
APPLICATION = "projektu-vadiba"  # the settings file name; ASCII on purpose (the display name is "Projektu vadība")

T = TypeVar("T")


@dataclass(frozen=True)
class Option(Generic[T]):
    key: str
    type: type[T]
    default: T


LANGUAGE = Option("ui/language", str, "lv")
MAIN_WINDOW_GEOMETRY = Option("main_window/geometry", QByteArray, QByteArray())
MAIN_WINDOW_SPLITTER = Option("main_window/splitter", QByteArray, QByteArray())


class Settings:
    """The app's settings; tests pass their own QSettings (an INI file in tmp_path)."""

    def __init__(self, store: QSettings | None = None) -> None:
        self.store = store if store is not None else QSettings(ORGANISATION, APPLICATION)

    def get(self, option: Option[T]) -> T:
        value: Any = self.store.value(option.key, option.default)
        if value is None:
            return option.default
        if isinstance(value, option.type):
            return value
        try:
            converted: T = option.type(value)  # type: ignore[call-arg]
            return converted
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        self.store.setValue(option.key, value)

    def sync(self) -> None:
        self.store.sync()
