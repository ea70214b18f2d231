"""The language of the command line's error and validation messages: `--lang en` before the command (Latvian by
default). Read before the full parse, so argparse's own refusals (a date that is not one) follow it too."""

from __future__ import annotations

import argparse
import sys
from collections.abc import Sequence

from projektu_vadiba.core.messages import LANGUAGES

_current = ["lv"]


def choose(argv: Sequence[str] | None) -> str:
    pre = argparse.ArgumentParser(add_help=False)
    pre.add_argument("--lang", dest="message_lang", choices=LANGUAGES, default="lv")
    known, _ = pre.parse_known_args(_global_part(argv))
    _current[0] = known.message_lang
    return str(known.message_lang)


def _global_part(argv: Sequence[str] | None) -> list[str]:
    """The arguments before the command: a report's own `--lang` (its language) comes after it."""
    args = list(sys.argv[1:] if argv is None else argv)
    out: list[str] = []
    for i, arg in enumerate(args):
        if not arg.startswith("-") and (i == 0 or args[i - 1] not in ("--db", "--lang")):
            break
        out.append(arg)
    return out


def current() -> str:
    return _current[0]
