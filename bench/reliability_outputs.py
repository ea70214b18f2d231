"""Kill -9 harness for the files the app writes (issue 18, item 8): the attendance sheets PDF, the final report
PDF, the financial XLSX, the bundle export (.pvz ZIP), the people CSV and XLSX and the evidence ZIP.

Each run starts the real CLI (`python -m projektu_vadiba --db F ... -o FILE`) over an existing good file (the
same output of another demo project, so "previous" and "new" differ) and kills it with SIGKILL:
  random    at a random moment of the run (0 … 1.1 × a complete run's time)
  start     the moment anything in the output folder changes (a temporary appears, the target is truncated or
            grows), plus 0–5 ms: the middle of writing, where a torn file comes from
  window    that moment plus a random part (0 … 1.2 ×) of the write window measured on a complete run (from the
            first change in the folder to the exit): the flush, fsync, rename and what follows
Afterwards the target must be the previous file byte for byte, or a complete new one (the PDF opens with pypdf
with the reference's page count, the XLSX with openpyxl with its sheets and rows, the ZIP tests clean with the
reference's names, the JSON parses to the reference, the CSV has its rows). Temporaries a kill leaves are
counted, and after the next start (a complete run of the command) none may remain.

Disk full: each output written into a 2 MB tmpfs left nearly full must end in the coded message ("Nepietiek
vietas diskā"), exit code 1, no traceback, the previous file intact and no temporary (needs root for `mount`).

    python bench/reliability_outputs.py                 # 100 kills per output (34 random, 33 start, 33 window)
    python bench/reliability_outputs.py --runs 10       # quicker
    python bench/reliability_outputs.py --src /path/to/other/src --runs 20 --no-disk-full   # the same on old code
"""

from __future__ import annotations

import argparse
import json
import os
import random
import re
import shutil
import signal
import subprocess
import sys
import tempfile
import time
import zipfile
from collections import Counter
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

SRC = Path(__file__).resolve().parents[1] / "src"
NUMBER = "2023.LV/NVOF/MAC/041/58"  # the demo's closed project: every output has content
OLD_NUMBER = "23-00-U31523.0-000003"  # another demo project: its output is the "previous good file"
OUTPUTS: dict[str, tuple[list[str], str]] = {
    "sheets PDF": (["report", "attendance", "{n}", "--all"], ".pdf"),
    "final report PDF": (["report", "final", "{n}", "--draft", "--with-lists"], ".pdf"),
    "financial XLSX": (["report", "financial", "{n}"], ".xlsx"),
    "bundle export ZIP": (["export", "{n}"], ".pvz"),
    "people CSV": (["people", "export", "--project", "{n}"], ".csv"),
    "people XLSX": (["people", "export", "--project", "{n}"], ".xlsx"),
    "evidence ZIP": (["evidence", "{n}"], ".zip"),
}
MODES = ("random", "start", "window")
TEMP = re.compile(r"(\.pv-part|\.tmp)$")  # ours, and the old evidence ZIP's `X.zip.tmp`


@dataclass
class Setup:
    root: Path
    db: Path
    python: str
    src: Path
    reference: dict[str, Path] = field(default_factory=dict)  # a complete new output of each kind
    previous: dict[str, Path] = field(default_factory=dict)  # the good file each run writes over
    seconds: dict[str, float] = field(default_factory=dict)  # a complete run
    window: dict[str, float] = field(default_factory=dict)  # from the first change in the folder to the exit


@dataclass
class Series:
    kind: str
    outcomes: Counter[str] = field(default_factory=Counter)  # previous / new / broken: why
    modes: Counter[str] = field(default_factory=Counter)
    finished_before_kill: int = 0
    mid_write: int = 0  # kills that left a new temporary behind: they landed in the middle of a write
    temps_after_next_start: int = 0
    broken: list[str] = field(default_factory=list)


def command(setup: Setup, kind: str, target: Path, number: str = NUMBER) -> list[str]:
    args, _suffix = OUTPUTS[kind]
    return [setup.python, "-m", "projektu_vadiba", "--db", str(setup.db)] + [
        a.format(n=number) for a in args
    ] + ["-o", str(target)]  # fmt: skip


def env(setup: Setup) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": str(setup.src), "QT_QPA_PLATFORM": "offscreen"}


def run(setup: Setup, argv: list[str]) -> subprocess.CompletedProcess[str]:
    return subprocess.run(argv, env=env(setup), capture_output=True, text=True, timeout=300)


def prepare(root: Path, python: str = sys.executable, src: Path = SRC, attachment_mb: int = 2) -> Setup:
    """A demo database with a few attached files (so the evidence ZIP takes a while to write), one complete
    output of each kind (the reference) and one of another project (the previous file)."""
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    setup = Setup(root, data / "pv.sqlite", python, src)
    done = run(setup, [python, "-m", "projektu_vadiba", "--db", str(setup.db), "demo", "--fixed"])
    assert done.returncode == 0, done.stderr
    _attach(setup, attachment_mb)
    for kind, (_args, suffix) in OUTPUTS.items():
        slug = _slug(kind)
        for number, store, folder in ((NUMBER, setup.reference, "reference"), (OLD_NUMBER, setup.previous, "old")):
            target = root / folder / f"{slug}{suffix}"
            target.parent.mkdir(exist_ok=True)
            seconds, window, code = _watched(setup, command(setup, kind, target, number), target.parent)
            assert code == 0 and target.is_file(), (kind, number, code)
            store[kind] = target
            if number == NUMBER:
                setup.seconds[kind], setup.window[kind] = seconds, window
    return setup


def _watched(setup: Setup, argv: list[str], folder: Path) -> tuple[float, float, int]:
    """A complete run: (its seconds, the seconds from the first change in `folder` to the exit, exit code)."""
    before = _snapshot(folder)
    started = time.perf_counter()
    proc = subprocess.Popen(argv, env=env(setup), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    changed = None
    while proc.poll() is None:
        if changed is None and _snapshot(folder) != before:
            changed = time.perf_counter()
        time.sleep(0.0005)
    ended = time.perf_counter()
    return ended - started, ended - (changed or ended), proc.returncode


def _attach(setup: Setup, megabytes: int) -> None:
    script = (
        "import sys, os\n"
        "from pathlib import Path\n"
        "from projektu_vadiba.core.db import open_database\n"
        "from projektu_vadiba.core.services import attachments, projects\n"
        "db = open_database(sys.argv[1])\n"
        "folder = Path(sys.argv[2])\n"
        "with db.session() as s:\n"
        "    pid = projects.find_project_id(s, sys.argv[3])\n"
        "    for n in range(int(sys.argv[4])):\n"
        "        f = folder / f'skenets-{n}.pdf'\n"
        "        f.write_bytes(os.urandom(1 << 20))\n"
        "        attachments.add(s, f, attachments.Owner(project_id=pid), kind='publication')\n"
        "db.close()\n"
    )
    folder = setup.root / "files"
    folder.mkdir(exist_ok=True)
    done = run(setup, [setup.python, "-c", script, str(setup.db), str(folder), NUMBER, str(megabytes)])
    assert done.returncode == 0, done.stderr


def _slug(kind: str) -> str:
    return re.sub(r"[^a-z0-9]+", "-", kind.lower()).strip("-")


# ---- what a file is ------------------------------------------------------------------------------------------


def describe(path: Path) -> Any:
    """What must be equal between a complete new file and the reference (bytes differ: PDFs carry a date)."""
    suffix = path.suffix
    if suffix == ".pdf":
        from pypdf import PdfReader

        reader = PdfReader(path, strict=True)
        return ("pdf", len(reader.pages), reader.pages[-1].extract_text()[-200:])
    if suffix == ".xlsx":
        import openpyxl

        book = openpyxl.load_workbook(path)
        return ("xlsx", [(ws.title, ws.max_row, ws.max_column) for ws in book.worksheets])
    if suffix in (".zip", ".pvz"):
        with zipfile.ZipFile(path) as zf:
            bad = zf.testzip()
            if bad is not None:
                raise ValueError(f"bad member {bad}")
            return ("zip", sorted((i.filename, i.file_size) for i in zf.infolist() if not i.filename.endswith(".pdf")))
    if suffix == ".json":
        return ("json", json.loads(path.read_text(encoding="utf-8")))
    if suffix == ".csv":
        lines = path.read_text(encoding="utf-8-sig").splitlines()
        return ("csv", len(lines), lines[0], lines[-1])
    raise ValueError(suffix)


def classify(setup: Setup, kind: str, target: Path, expected: Any) -> str:
    if not target.exists():
        return "broken: missing"
    if target.read_bytes() == setup.previous[kind].read_bytes():
        return "previous"
    try:
        found = describe(target)
    except Exception as exc:  # any way of failing to open it is a broken file
        return f"broken: {type(exc).__name__}: {str(exc)[:80]}"
    return "new" if found == expected else "broken: incomplete"


def temps(*folders: Path) -> list[Path]:
    return [p for folder in folders if folder.is_dir() for p in folder.iterdir() if TEMP.search(p.name)]


# ---- killing ---------------------------------------------------------------------------------------------------


def _snapshot(folder: Path) -> set[tuple[str, int, int]]:
    out = set()
    for entry in os.scandir(folder):
        try:
            st = entry.stat()
        except OSError:
            continue
        out.add((entry.name, st.st_size, st.st_mtime_ns))
    return out


def kill_once(setup: Setup, kind: str, folder: Path, mode: str, rng: random.Random) -> tuple[str, bool]:
    """One killed run over the previous file; returns (mode actually used, finished before the kill)."""
    target = folder / f"{_slug(kind)}{OUTPUTS[kind][1]}"
    shutil.copyfile(setup.previous[kind], target)
    before = _snapshot(folder)
    proc = subprocess.Popen(
        command(setup, kind, target), env=env(setup), stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL
    )
    if mode == "random":
        time.sleep(rng.uniform(0, 1.1 * setup.seconds[kind]))
    else:  # wait for the first change in the folder, then a little more
        while proc.poll() is None and _snapshot(folder) == before:
            time.sleep(0.0005)
        time.sleep(rng.uniform(0, 0.005 if mode == "start" else 1.2 * setup.window[kind]))
    finished = proc.poll() is not None
    if not finished:
        os.kill(proc.pid, signal.SIGKILL)
    proc.wait()
    return mode, finished


def series(setup: Setup, kind: str, runs: int, seed: int = 18) -> Series:
    rng = random.Random(seed)
    result = Series(kind)
    folder = setup.root / "out" / _slug(kind)
    folder.mkdir(parents=True, exist_ok=True)
    expected = describe(setup.reference[kind])
    target = folder / f"{_slug(kind)}{OUTPUTS[kind][1]}"
    for n in range(runs):
        before = set(temps(folder, setup.db.parent))
        mode, finished = kill_once(setup, kind, folder, MODES[n % len(MODES)], rng)
        result.modes[mode] += 1
        result.finished_before_kill += finished
        result.mid_write += bool(set(temps(folder, setup.db.parent)) - before)
        outcome = classify(setup, kind, target, expected)
        result.outcomes[outcome.split(":")[0]] += 1
        if outcome.startswith("broken"):
            result.broken.append(f"run {n} ({mode}): {outcome}")
    # The next start: a complete run of the same command sweeps what the kills left.
    done = run(setup, command(setup, kind, target))
    if done.returncode != 0 or classify(setup, kind, target, expected) != "new":
        result.broken.append(f"next start failed: {done.stderr[-300:]}")
    result.temps_after_next_start = len(temps(folder, setup.db.parent))
    return result


# ---- disk full -------------------------------------------------------------------------------------------------


def disk_full(setup: Setup, mount: Path, size: str = "2m") -> dict[str, str]:
    """Each output into a tmpfs with less room than the new file needs; returns kind -> outcome."""
    mount.mkdir(parents=True, exist_ok=True)
    if subprocess.run(["mount", "-t", "tmpfs", "-o", f"size={size}", "tmpfs", str(mount)]).returncode != 0:
        return {}
    results: dict[str, str] = {}
    try:
        for kind in OUTPUTS:
            target = mount / f"{_slug(kind)}{OUTPUTS[kind][1]}"
            shutil.copyfile(setup.previous[kind], target)
            filler = mount / "filler.bin"
            _fill(filler, leave=setup.reference[kind].stat().st_size // 3)
            done = run(setup, command(setup, kind, target))
            filler.unlink()
            intact = target.read_bytes() == setup.previous[kind].read_bytes()
            left = temps(mount)
            ok = done.returncode == 1 and "Nepietiek vietas diskā" in done.stderr and "Traceback" not in done.stderr
            results[kind] = (
                f"exit {done.returncode}, "
                + ("coded message" if ok else f"UNEXPECTED: {done.stderr.strip()[-200:]}")
                + (", previous file intact" if intact else ", PREVIOUS FILE CHANGED")
                + (f", {len(left)} temporaries left" if left else ", no temporary left")
            )
            target.unlink()
    finally:
        subprocess.run(["umount", str(mount)])
    return results


def _fill(path: Path, leave: int) -> None:
    """Fills the file system, then gives back `leave` bytes (less than the new file needs)."""
    chunk = b"\0" * 65536
    with path.open("wb") as f:
        try:
            while True:
                f.write(chunk)
                f.flush()
        except OSError:
            pass
    size = path.stat().st_size
    with path.open("r+b") as f:
        f.truncate(max(0, size - leave))


# ---- report ----------------------------------------------------------------------------------------------------


def table(results: list[Series], setup: Setup) -> str:
    lines = [
        "| output | complete run (write window) | kills (random / start / window) | previous file | complete new "
        "file | broken | finished before the kill | killed mid-write (left a temporary) | temporaries after the next "
        "start |",
        "| --- | --- | --- | --- | --- | --- | --- | --- | --- |",
    ]
    for r in results:
        lines.append(
            f"| {r.kind} | {setup.seconds[r.kind]:.2f} s ({1000 * setup.window[r.kind]:.0f} ms) | "
            f"{sum(r.modes.values())} "
            f"({r.modes['random']} / {r.modes['start']} / {r.modes['window']}) | "
            f"{r.outcomes['previous']} | {r.outcomes['new']} | "
            f"{r.outcomes['broken']} | {r.finished_before_kill} | {r.mid_write} | "
            f"{r.temps_after_next_start} |"
        )
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--runs", type=int, default=100, help="kills per output (half random, half in-write)")
    parser.add_argument("--src", type=Path, default=SRC, help="the sources to test (default: this checkout)")
    parser.add_argument("--only", action="append", choices=list(OUTPUTS), help="only these outputs")
    parser.add_argument("--no-disk-full", action="store_true")
    parser.add_argument("--keep", action="store_true", help="keep the work folder")
    args = parser.parse_args(argv)
    root = Path(tempfile.mkdtemp(prefix="pv-kill-"))
    try:
        started = time.perf_counter()
        setup = prepare(root, src=args.src)
        results = []
        for kind in args.only or list(OUTPUTS):
            results.append(series(setup, kind, args.runs))
            r = results[-1]
            print(f"{kind}: {dict(r.outcomes)}, temporaries after next start {r.temps_after_next_start}", flush=True)
            for line in r.broken[:5]:
                print(f"   {line}")
        print()
        print(table(results, setup))
        if not args.no_disk_full:
            full = disk_full(setup, root / "full")
            print()
            if not full:
                print("Disk full: could not mount a tmpfs (needs root); skipped.")
            for kind, outcome in full.items():
                print(f"Disk full, {kind}: {outcome}")
        print(
            f"\n{time.perf_counter() - started:.0f} s in all; Python {sys.version.split()[0]}, {os.cpu_count()} cores"
        )
        broken = sum(r.outcomes["broken"] + r.temps_after_next_start for r in results)
        return 1 if broken else 0
    finally:
        if not args.keep:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
