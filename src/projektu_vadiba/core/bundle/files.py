"""Reading a bundle file: bytes to parsed JSON, with errors in Latvian and repeated keys refused."""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from projektu_vadiba.core.errors import BundleError


def load_bundle_file(path: str | Path) -> Any:
    """Parsed JSON of a bundle file (not yet validated: `import_bundle` does that)."""
    path = Path(path)
    try:
        raw = path.read_bytes()
    except OSError as exc:
        raise BundleError(f"Neizdevās nolasīt failu “{path}”: {exc.strerror or exc}.") from exc
    try:
        text = raw.decode("utf-8-sig")  # tolerate the BOM some Windows editors add
    except UnicodeDecodeError as exc:
        raise BundleError(f"Fails “{path}” nav UTF-8 teksts (kļūda pie {exc.start}. baita).") from exc
    try:
        return json.loads(text, object_pairs_hook=_no_repeated_keys)
    except json.JSONDecodeError as exc:
        reason = _JSON_REASONS.get(exc.msg, exc.msg)
        raise BundleError(
            f"Fails “{path}” nav derīgs JSON: {reason} ({exc.lineno}. rinda, {exc.colno}. kolonna)."
        ) from exc
    except _RepeatedKey as exc:
        raise BundleError(f"Fails “{path}”: kādā objektā lauks “{exc.key}” ir norādīts divreiz.") from exc


# The json module's messages, in Latvian; anything not listed is shown as it is.
_JSON_REASONS = {
    "Expecting value": "gaidīta vērtība",
    "Expecting property name enclosed in double quotes": "gaidīts lauka nosaukums pēdiņās",
    "Expecting ',' delimiter": "trūkst komata",
    "Expecting ':' delimiter": "trūkst kola",
    "Unterminated string starting at": "teksts nav noslēgts ar pēdiņām",
    "Invalid control character at": "tekstā ir neatļauta vadības rakstzīme",
    "Invalid \\escape": "nederīga \\ secība",
    "Extra data": "aiz JSON beigām ir lieks saturs",
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
