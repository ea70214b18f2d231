"""Messages as data: one catalogue per language (resources/messages/<lang>.json) renders a code and its values.

A catalogue maps a stable code ("date.not_a_date", "required") to a template with {named} placeholders, or, for a
sentence with a counted noun, to {"plural": "<value name>", "one": …, "few": …, "many": …} (Latvian) /
{"plural": …, "one": …, "other": …} (English). A value that is itself a word of the catalogue — a field label
("label.name"), a month ("month.in.2"), a term ("term.…") — is passed as that code and rendered in the same
language, so an English sentence carries no Latvian except what the user typed. No Qt: the core, the CLI and the
UI share it.
"""

from __future__ import annotations

import json
import string
from collections.abc import Mapping
from functools import cache
from typing import Any

from projektu_vadiba.resources import resource

LANGUAGES = ("lv", "en")
TERM_PREFIXES = ("label.", "month.", "term.")
_FORMATTER = string.Formatter()

Template = str | dict[str, str]


@cache
def catalogue(lang: str) -> dict[str, Template]:
    path = resource("messages", f"{lang if lang in LANGUAGES else 'lv'}.json")
    data: dict[str, Template] = json.loads(path.read_text(encoding="utf-8"))
    return data


def _plural_form(lang: str, n: int) -> str:
    if lang != "lv":
        return "one" if abs(n) == 1 else "other"
    n = abs(n)
    if n % 10 == 1 and n % 100 != 11:
        return "one"
    if n % 10 == 0 or 11 <= n % 100 <= 19:
        return "many"
    return "few"


def _term(value: Any, lang: str) -> Any:
    if isinstance(value, Message):  # a sentence inside a sentence: rendered in the same language
        return render(value.code, value.values, lang)
    if isinstance(value, list | tuple):  # a list of labels: "Vārds, E-pasts"
        return ", ".join(str(_term(v, lang)) for v in value)
    if isinstance(value, str) and value.startswith(TERM_PREFIXES):
        found = catalogue(lang).get(value)
        if isinstance(found, str):
            return found
    return value


def render(code: str, values: Mapping[str, Any] | None, lang: str) -> str:
    """The sentence for `code` in `lang` ("lv", "en"); an unknown code falls back to Latvian, then to the code."""
    values = dict(values or {})
    template = catalogue(lang).get(code)
    if template is None:
        if lang != "lv":
            return render(code, values, "lv")
        return code
    if isinstance(template, dict):
        count = values.get(template["plural"], 0)
        form = _plural_form(lang, int(count) if isinstance(count, int) else 0)
        template = template.get(form) or template.get("other") or template["many"]
    terms = {name: _term(value, lang) for name, value in values.items()}
    try:
        return template.format_map(terms)
    except (KeyError, IndexError, ValueError):  # a value missing: show the template rather than fail the error path
        return template


def placeholders(template: Template) -> set[str]:
    """The named placeholders of a template (every plural form together); for the catalogue tests."""
    texts = [t for k, t in template.items() if k != "plural"] if isinstance(template, dict) else [template]
    return {name for text in texts for _, name, _, _ in _FORMATTER.parse(text) if name}


def text_of(error: Any, lang: str) -> str:
    """An AppError, ValidationError or FieldProblem in `lang`: its code rendered, or its plain message as it is."""
    problems = getattr(error, "problems", None)
    if problems and len(problems) > 1:
        return "; ".join(text_of(p, lang) for p in problems)
    code = getattr(error, "code", "")
    if not code:
        message = getattr(error, "message", error)
        if isinstance(message, Message):  # a warning whose text the core keeps as a Message
            return render(message.code, message.values, lang)
        return str(message)
    return render(code, getattr(error, "values", None), lang)


class Message(str):
    """A Latvian sentence that remembers its code and values: where the core keeps messages as plain strings
    (an import plan's row problems), it stays a str for every reader and still renders in another language."""

    code: str
    values: dict[str, Any]

    def __new__(cls, code: str, /, **values: Any) -> Message:
        text = super().__new__(cls, render(code, values, "lv"))
        text.code, text.values = code, values
        return text

    def __reduce__(self) -> tuple[Any, ...]:  # copy and pickle rebuild it from its code, not from its text
        return (_message, (self.code, self.values))


def _message(code: str, values: dict[str, Any]) -> Message:
    return Message(code, **values)


def as_message(problem: Any) -> str:
    """A FieldProblem's text as a Message (or its plain text when it has no code)."""
    return Message(problem.code, **problem.values) if problem.code else str(problem.message)


def latvian(code: str, /, **values: Any) -> str:
    """The Latvian sentence a typed error or warning keeps as its `message`."""
    return render(code, values, "lv")
