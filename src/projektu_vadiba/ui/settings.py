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


LANGUAGES = ("lv", "en")
LANGUAGE = Option("ui/language", str, "lv")
MAIN_WINDOW_GEOMETRY = Option("main_window/geometry", QByteArray, QByteArray())
MAIN_WINDOW_SPLITTER = Option("main_window/splitter", QByteArray, QByteArray())
# Where the user was: reopened at the next start (0 / "" = the start page).
LAST_PROJECT = Option("workspace/last_project", int, 0)
LAST_SECTION = Option("workspace/last_section", str, "")
REOPEN_LAST_PROJECT = Option("workspace/reopen_last_project", bool, True)
# The start page lists report deadlines due within this many days (overdue ones always).
DUE_SOON_DAYS = Option("workspace/due_soon_days", int, 60)
EVENTS_VIEW = Option("events/view", str, "list")  # "list" or "calendar"


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
        if option.type is bool and isinstance(value, str):  # INI files store booleans as text
            return value.strip().lower() in {"true", "1", "yes"}  # type: ignore[return-value]
        try:
            converted: T = option.type(value)  # type: ignore[call-arg]
            return converted
        except (TypeError, ValueError):
            return option.default

    def set(self, option: Option[T], value: T) -> None:
        self.store.setValue(option.key, value)

    def sync(self) -> None:
        self.store.sync()
