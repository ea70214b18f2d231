#!/usr/bin/env python3
"""Refresh the English translation of the UI: `scripts/update_translations.py [--check]`.

1. pyside6-lupdate reads every string marked for translation under src/projektu_vadiba/ui (Latvian is the
   source language) into resources/translations/projektu_vadiba_en.ts, keeping the translations already there
   and dropping strings no longer used;
2. pyside6-lrelease builds projektu_vadiba_en.qm from it (the file the app loads; committed too, so a wheel or a
   bundle needs no Qt tools).

New strings arrive "unfinished": translate them in Qt Linguist (`pyside6-linguist <the .ts>`) or in the XML,
then run this again. `--check` changes nothing and fails when the .ts or .qm is out of date or untranslated
(tests/ui/test_translations.py does the same).
"""

from __future__ import annotations

import argparse
import shutil
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
UI = ROOT / "src" / "projektu_vadiba" / "ui"
TS = ROOT / "resources" / "translations" / "projektu_vadiba_en.ts"
QM = TS.with_suffix(".qm")


def tool(name: str) -> str:
    found = shutil.which(name, path=str(Path(sys.executable).parent)) or shutil.which(name)
    if found is None:
        raise SystemExit(f"{name} not found (it comes with PySide6)")
    return found


def sources() -> list[str]:
    return sorted(str(p) for p in UI.rglob("*.py"))


def lupdate(ts: Path) -> None:
    cmd = [tool("pyside6-lupdate"), *sources(), "-source-language", "lv", "-target-language", "en"]
    cmd += ["-no-obsolete", "-locations", "none", "-silent", "-ts", str(ts)]
    subprocess.run(cmd, check=True)


def lrelease(ts: Path, qm: Path) -> None:
    subprocess.run([tool("pyside6-lrelease"), "-silent", str(ts), "-qm", str(qm)], check=True)


def messages(ts: Path) -> dict[tuple[str, str], ET.Element]:
    """(context, source) -> the <translation> element of every message still in use."""
    out: dict[tuple[str, str], ET.Element] = {}
    for context in ET.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            translation = message.find("translation")
            assert translation is not None
            if translation.get("type") in ("obsolete", "vanished"):
                continue
            out[(name, message.findtext("source") or "")] = translation
    return out


def untranslated(ts: Path) -> list[tuple[str, str]]:
    return [key for key, t in messages(ts).items() if t.get("type") == "unfinished" or not (t.text or "").strip()]


def check() -> list[str]:
    problems: list[str] = []
    with tempfile.TemporaryDirectory() as tmp:
        fresh = Path(tmp) / "fresh.ts"
        lupdate(fresh)
        missing = set(messages(fresh)) - set(messages(TS))
        unused = set(messages(TS)) - set(messages(fresh))
        problems += [f"not in the .ts yet: {c}: {s!r}" for c, s in sorted(missing)]
        problems += [f"no longer used: {c}: {s!r}" for c, s in sorted(unused)]
        problems += [f"untranslated: {c}: {s!r}" for c, s in untranslated(TS)]
        built = Path(tmp) / "built.qm"
        lrelease(TS, built)
        if not QM.is_file() or QM.read_bytes() != built.read_bytes():
            problems.append(f"{QM.name} is not built from the current {TS.name}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--check", action="store_true", help="change nothing; fail if anything is out of date")
    args = parser.parse_args(argv)
    if args.check:
        problems = check()
        for line in problems:
            print(line)
        return 1 if problems else 0
    TS.parent.mkdir(parents=True, exist_ok=True)
    lupdate(TS)
    lrelease(TS, QM)
    left = untranslated(TS)
    print(f"{TS.relative_to(ROOT)}: {len(messages(TS))} strings, {len(left)} to translate")
    for context, source in left:
        print(f"  {context}: {source}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
