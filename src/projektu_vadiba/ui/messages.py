"""Errors, problems and warnings of the core in the UI's language (Settings → language).

The core raises typed errors (a catalogue code and values, core/messages.py); their `message` is Latvian. Every
place the UI shows one goes through `text_of`, so switching the UI to English switches these sentences too.
"""

from __future__ import annotations

from typing import Any

from projektu_vadiba.core import messages
from projektu_vadiba.ui.plural import language


def text_of(error: Any) -> str:
    """An AppError, ValidationError, FieldProblem or coded warning as text in the UI's language."""
    return messages.text_of(error, language())


def render(code: str, values: Any = None) -> str:
    return messages.render(code, values, language())
