"""Reading a bundle file: bytes to parsed JSON, with coded errors (core/messages.py) and repeated keys refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from projektu_vadiba.core.errors import BundleError
from projektu_vadiba.core.failures import os_reason

MAX_BYTES = 512 * 1024 * 1024  # a bundle of 100 000 people with their attendance is far smaller


def load_bundle_file(path: str | Path) -> Any:
    """Parsed JSON of a bundle file (not yet validated: `import_bundle` does that)."""
    path = Path(path)
    try:
        if path.stat().st_size > MAX_BYTES:
            raise BundleError.of("bundle.file_too_large", path=str(path), limit_mb=MAX_BYTES // (1024 * 1024))
        raw = path.read_bytes()
    except OSError as exc:
        raise BundleError.of("bundle.file_unreadable", path=str(path), reason=os_reason(exc)) from exc
    return parse_bundle_text(raw, str(path))


def parse_bundle_text(raw: bytes, path: str) -> Any:
    """Bytes of a bundle's JSON (a file, or project.json in a ZIP) parsed; `path` names it in messages."""
    try:
        text = raw.decode("utf-8-sig")  # tolerate the BOM some Windows editors add
    except UnicodeDecodeError as exc:
        raise BundleError.of("bundle.file_not_unicode", path=path, position=exc.start) from exc
    try:
        return json.loads(text, object_pairs_hook=_no_repeated_keys)
    except json.JSONDecodeError as exc:
        reason, line, column = _JSON_REASONS.get(exc.msg, exc.msg), exc.lineno, exc.colno
        raise BundleError.of("bundle.file_not_json", path=path, reason=reason, line=line, column=column) from exc
    except _RepeatedKey as exc:
        raise BundleError.of("bundle.file_repeated_key", path=path, key=exc.key) from exc
    except RecursionError as exc:  # "[[[[…" thousands deep
        raise BundleError.of("bundle.file_too_deep", path=path) from exc
    except ValueError as exc:  # an integer of more than 4 300 digits (Python's limit on int(str))
        raise BundleError.of("bundle.file_number_too_long", path=path) from exc


# The json module's messages as catalogue terms; anything not listed is shown as it is.
_JSON_REASONS = {
    "Expecting value": "term.json.expecting_value",
    "Expecting property name enclosed in double quotes": "term.json.expecting_name",
    "Expecting ',' delimiter": "term.json.missing_comma",
    "Expecting ':' delimiter": "term.json.missing_colon",
    "Unterminated string starting at": "term.json.unterminated",
    "Invalid control character at": "term.json.control_character",
    "Invalid \\escape": "term.json.bad_escape",
    "Extra data": "term.json.extra_data",
}


class _RepeatedKey(Exception):
    def __init__(self, key: str) -> None:
        super().__init__(key)
        self.key = key


def _no_repeated_keys(pairs: list[tuple[str, Any]]) -> dict[str, Any]:
    """json keeps the last of repeated keys silently; in a bundle that would quietly lose data."""
    result: dict[str, Any] = {}
    for key, value in pairs:
        if key in result:
            raise _RepeatedKey(key)
        result[key] = value
    return result
