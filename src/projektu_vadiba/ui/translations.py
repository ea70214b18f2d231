"""Choosing the UI language and installing Qt translators. Latvian is the source language of every string."""

from __future__ import annotations

import os
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

from projektu_vadiba.resources import resource
from projektu_vadiba.ui import plural
from projektu_vadiba.ui.settings import LANGUAGE, LANGUAGES, Settings

SOURCE_LANGUAGE = "lv"
ENV_VAR = "PROJEKTU_VADIBA_LANG"
CATALOGUE = "projektu_vadiba"  # resources/translations/projektu_vadiba_<lang>.qm

_installed: list[QTranslator] = []


def choose_language(explicit: str | None, settings: Settings) -> str:
    """An explicit choice beats the environment variable beats the saved setting; Latvian by default."""
    return (explicit or os.environ.get(ENV_VAR) or settings.get(LANGUAGE) or SOURCE_LANGUAGE).strip().lower()


def install_translators(app: QCoreApplication, language: str, directory: Path | None = None) -> list[QTranslator]:
    """Qt's own strings (dialog buttons) and the app's .qm for `language`, each only if its file exists."""
    installed: list[QTranslator] = []
    qt_dir = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    own_dir = directory if directory is not None else resource("translations")
    for name, folder in ((f"qtbase_{language}", qt_dir), (f"{CATALOGUE}_{language}", str(own_dir))):
        translator = QTranslator(app)
        if translator.load(name, folder) and app.installTranslator(translator):
            installed.append(translator)
        else:
            translator.deleteLater()
    return installed


def switch_language(app: QCoreApplication, language: str, directory: Path | None = None) -> str:
    """Make `language` the UI language now: translators, plural rules, the locale of calendars and number
    fields. Windows built before keep their texts: the main window rebuilds itself after calling this."""
    language = language if language in LANGUAGES else SOURCE_LANGUAGE
    for translator in _installed:
        app.removeTranslator(translator)
        translator.deleteLater()
    _installed.clear()
    _installed.extend(install_translators(app, language, directory))
    plural.set_language(language)
    # Dates and money stay Latvian-formatted in both languages (dd.MM.yyyy, 1 234,56 €); the locale gives
    # calendars their month and day names and Monday as the first day of the week.
    if language == "lv":
        QLocale.setDefault(QLocale(QLocale.Language.Latvian, QLocale.Country.Latvia))
    else:
        QLocale.setDefault(QLocale(QLocale.Language.English, QLocale.Country.Ireland))
    return language
