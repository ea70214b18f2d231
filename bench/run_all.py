"""Every benchmark at once, each job against its floor (the same work done directly by the underlying library).

    python bench/run_all.py --quick    # the "quick" scale of bench/generate.py, one run each: seconds (CI runs it)
    python bench/run_all.py --full     # the "large" scale, best of several runs: the figures in docs/benchmarks.md
    python bench/run_all.py --full --db large.sqlite   # reuse a database made by bench/generate.py (else a temp one)

Each line: job, floor and job/floor. Nothing here asserts a time. Start-up, the participant table and memory run
in child processes (`--child ...`) so that each is measured from a fresh interpreter.
"""

from __future__ import annotations

import argparse
import os
import resource
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import Any

sys.path.insert(0, str(Path(__file__).parent))
import bench_final_report
import bench_people
import bench_sheets
import generate
from sqlalchemy import func, select

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.models import Person

HERE = Path(__file__).resolve()


def line(name: str, job: float, floor: float, unit: str = "ms") -> str:
    scale = 1000 if unit == "ms" else 1
    text = f"{name:<44} job {job * scale:9.1f} {unit}   floor {floor * scale:9.1f} {unit}   ratio {job / floor:6.2f}"
    print(text, flush=True)
    return text


def best(runs: int, action: Callable[[], Any]) -> float:
    times = []
    for _ in range(runs):
        started = time.perf_counter()
        action()
        times.append(time.perf_counter() - started)
    return min(times)


def bench_search(db: Database, path: Path, repeat: int) -> list[str]:
    """people.search_people (one page of 100) per keystroke vs the bare FTS5 MATCH (sqlite3)."""
    from projektu_vadiba.core import person_keys
    from projektu_vadiba.core.services import people

    raw = sqlite3.connect(path)
    out = []
    with db.session() as s:
        for q in bench_people.QUERIES:
            job = bench_people.timed(lambda q=q: people.search_people(s, q, limit=100), repeat)[0] / 1000
            fts = " ".join(f'"{w}"*' for w in person_keys.search_words(q))
            floor = bench_people.timed(lambda f=fts: raw.execute(bench_people.FLOOR_SQL, (f,)).fetchall(), repeat)
            out.append(line(f"search {q!r}", job, floor[0] / 1000))
    raw.close()
    return out


def raw_insert(csv: Path) -> float:
    """The floor of an import: sqlite3 executemany of the same rows into a bare table."""
    with tempfile.TemporaryDirectory() as tmp:
        conn = sqlite3.connect(Path(tmp) / "raw.sqlite")
        conn.execute("CREATE TABLE people (id INTEGER PRIMARY KEY, given TEXT, surname TEXT, email TEXT, phone TEXT,"
                     " municipality TEXT, gender TEXT, birth_year INTEGER)")  # fmt: skip
        started = time.perf_counter()
        data = [tuple(row.split(";")) for row in csv.read_text(encoding="cp1257").splitlines()[1:]]
        conn.executemany("INSERT INTO people (given, surname, email, phone, municipality, gender, birth_year) "
                         "VALUES (?, ?, ?, ?, ?, ?, ?)", data)  # fmt: skip
        conn.commit()
        seconds = time.perf_counter() - started
        conn.close()
    return seconds


def bench_import(path: Path, rows: int, existing: int, tmp: Path, repeat: int = 1) -> list[str]:
    """read + validate + dedup + insert of a `rows`-row CSV (every 10th a known person) on a copy of the database:
    best of `repeat` imports, each the first one of a fresh process (`import_child`), as a user's first import after
    the app started. Until session 12 one import in this process after the search benchmark: a single sample of a
    machine whose speed wanders by a third within minutes, where every other job was best of `repeat`."""

    csv = tmp / "import.csv"
    bench_people.write_csv(csv, rows, existing)
    copy = tmp / "import.sqlite"
    samples = []
    upkeep = steps = 0.0
    for _ in range(repeat):
        copy.unlink(missing_ok=True)
        # SQLite's backup API, not a file copy: the source may hold recent changes (a migration) in its WAL file.
        with sqlite3.connect(path) as source, sqlite3.connect(copy) as target:
            source.backup(target)
        source.close()
        target.close()
        done = subprocess.run([sys.executable, str(HERE), "--child", "import", str(copy), str(csv)],
                              capture_output=True, text=True, check=True, timeout=300)  # fmt: skip
        seconds, upkeep, steps = map(float, done.stdout.split()[-3:])
        samples.append(seconds)
    copy.unlink()
    floor = min(raw_insert(csv) for _ in range(repeat))
    out = [line(f"import {rows} CSV rows", min(samples), floor)]
    each = ", ".join(f"{s * 1000:.1f}" for s in samples)
    text = f"{'  each import (ms)':<44} {each}"
    print(text, flush=True)
    # What the import leaves for the app's background thread (core.search_upkeep), in the last child: not waited
    # for, so not in the job, but written down next to it.
    label = "  then upkeep in the background"
    text2 = f"{label:<44} {upkeep * 1000:13.1f} ms   ({steps:.0f} index/merge steps + checkpoint)"
    print(text2, flush=True)
    return [*out, text, text2]


def import_child(path: str, csv: str) -> None:
    """In a fresh process: one import of `csv` into the database at `path` (the modules loaded first, as the app
    has them when the user imports), then the upkeep the app's background thread runs after it, in this process
    before the database is closed (closing the last connection would checkpoint the WAL itself); prints the
    import's seconds, the upkeep's seconds and its indexing and merge steps."""
    from projektu_vadiba.core import search_upkeep
    from projektu_vadiba.core.imports import apply_plan, build_plan, read_table

    db = open_database(f"sqlite:///{path}")
    started = time.perf_counter()
    with db.session() as s:
        apply_plan(s, build_plan(s, read_table(Path(csv))))
    seconds = time.perf_counter() - started
    started = time.perf_counter()
    steps = search_upkeep.run(db.engine)
    upkeep = time.perf_counter() - started
    db.close()
    print(f"import {seconds:.6f} {upkeep:.6f} {steps}", flush=True)


def bench_sheets_pdf(db: Database, pid: int, repeat: int) -> list[str]:
    """Attendance sheets of every event of the project in one PDF (read + build) vs plain platypus tables."""
    from projektu_vadiba.core.services import sheets
    from projektu_vadiba.reports.attendance_sheet import build_attendance_pdf

    def job() -> None:
        with db.session() as s:
            build_attendance_pdf(sheets.project_sheets(s, pid))

    with db.session() as s:
        data = sheets.project_sheets(s, pid)
    job()  # fonts registered, modules imported: not part of the figure
    return [
        line(
            f"sheets, {len(data.sheets)} events", best(repeat, job), best(repeat, lambda: bench_sheets.floor_pdf(data))
        )
    ]


def bench_final(db: Database, pid: int, repeat: int) -> list[str]:
    """The final report (data + PDF) vs plain platypus tables of the same rows."""
    from projektu_vadiba.core.services import projects
    from projektu_vadiba.core.services.report_data import final_report_data
    from projektu_vadiba.reports.final_report import build_report_pdf

    with db.session() as s:
        for key, text in bench_final_report.TEXTS.items():
            projects.set_text(s, pid, key, text)

    def job() -> None:
        with db.session() as s:
            build_report_pdf(final_report_data(s, pid))

    with db.session() as s:
        data = final_report_data(s, pid)
    job()
    return [line("final report", best(repeat, job), best(repeat, lambda: bench_final_report.floor(data)))]


def child(mode: str, path: str, pid: int) -> None:
    """In a fresh process: print the wall time when the first window is painted, then (table) the seconds to open
    the participant table and scroll to its end, and peak RSS in MB."""
    if mode.startswith("floor"):
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QApplication, QMainWindow, QTableView

        app = QApplication(sys.argv[:1])
        window: Any = QMainWindow()
        window.show()
    else:
        from PySide6.QtCore import QTimer
        from PySide6.QtWidgets import QTableView

        from projektu_vadiba.ui.app import make_application
        from projektu_vadiba.ui.main_window import MainWindow
        from projektu_vadiba.ui.settings import LAST_PROJECT, LAST_SECTION, Settings
        from projektu_vadiba.ui.translations import choose_language, switch_language
        from projektu_vadiba.ui.wiring import wire_features

        app = make_application()
        settings = Settings()
        if mode == "restore":  # the user left off in the largest project's participants last time
            settings.set(LAST_PROJECT, pid)
            settings.set(LAST_SECTION, "participants")
        switch_language(app, choose_language(None, settings))
        db = open_database(f"sqlite:///{path}")
        wire_features()
        window = MainWindow(db, settings)
        window.show()

    def painted() -> None:
        try:
            measure()
        finally:  # an error must not leave the child waiting forever
            app.quit()

    def measure() -> None:
        print(f"shown {time.time():.6f}", flush=True)
        if mode == "table":
            started = time.perf_counter()
            window.open_project(pid, "participants")
            app.processEvents()
            views = [v for v in window.findChildren(QTableView) if v.isVisible() and v.model().rowCount() > 100]
            for view in views:
                view.scrollToBottom()
            app.processEvents()
            rows = max((v.model().rowCount() for v in views), default=0)
            print(f"table {time.perf_counter() - started:.6f} {rows}", flush=True)
        elif mode == "floor-table":
            from PySide6.QtGui import QStandardItem, QStandardItemModel

            started = time.perf_counter()
            conn = sqlite3.connect(path)
            sql = ("SELECT DISTINCT p.given_name, p.surname, p.municipality FROM attendance a JOIN people p"
                   " ON p.id = a.person_id JOIN events e ON e.id = a.event_id WHERE e.project_id = ?"
                   " ORDER BY p.surname, p.given_name")  # fmt: skip
            found = conn.execute(sql, (pid,)).fetchall()
            model = QStandardItemModel(len(found), 3)
            for r, row in enumerate(found):
                for c, value in enumerate(row):
                    model.setItem(r, c, QStandardItem(value))
            view = QTableView()
            view.setModel(model)
            window.setCentralWidget(view)
            app.processEvents()
            view.scrollToBottom()
            app.processEvents()
            print(f"table {time.perf_counter() - started:.6f} {len(found)}", flush=True)
        print(f"rss {resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024:.1f}", flush=True)

    QTimer.singleShot(0, painted)
    app.exec()
    sys.stdout.flush()
    os._exit(0)  # PySide6 can crash tearing down a half-used window at interpreter exit: nothing left to measure


def run_child(mode: str, path: Path, pid: int, pycache: str | None = None) -> dict[str, list[str]]:
    # A fresh settings folder each time: a first start, not the last run's window and section.
    config = tempfile.mkdtemp()
    env = {**os.environ, "QT_QPA_PLATFORM": "offscreen", "XDG_CONFIG_HOME": config, "HOME": config}
    if pycache is not None:  # bytecode kept in `pycache`, whatever PYTHONDONTWRITEBYTECODE says (see bench_start)
        env.pop("PYTHONDONTWRITEBYTECODE", None)
        env["PYTHONPYCACHEPREFIX"] = pycache
    started = time.time()
    done = subprocess.run([sys.executable, str(HERE), "--child", mode, str(path), str(pid)], env=env,
                          capture_output=True, text=True, check=True, timeout=300)  # fmt: skip
    out = {ln.split()[0]: ln.split()[1:] for ln in done.stdout.splitlines() if ln.split()}
    out["start"] = [str(float(out["shown"][0]) - started)]
    shutil.rmtree(config, ignore_errors=True)
    return out


def bench_start(path: Path, pid: int, repeat: int) -> list[str]:
    """Process start to the first paint of the main window on the database vs an empty QMainWindow (also when the
    app reopens the section the user left off in: the largest project's participants); then the participant table
    of the largest project opened and scrolled to its end; peak RSS of both processes.

    The children run from bytecode, as the installed app does (PyInstaller ships it compiled): one unmeasured run
    writes it to a temporary folder first. Otherwise a checkout without __pycache__, or PYTHONDONTWRITEBYTECODE in
    the environment, made every child compile the app's sources again, a cost no user pays."""
    with tempfile.TemporaryDirectory() as pycache:
        run_child("table", path, pid, pycache)  # writes the bytecode of everything the children import
        app = [run_child("table", path, pid, pycache) for _ in range(repeat)]
        restore = [run_child("restore", path, pid, pycache) for _ in range(repeat)]
        floor = [run_child("floor-table", path, pid, pycache) for _ in range(repeat)]
    pick = lambda runs, key, i=0: min(float(r[key][i]) for r in runs)  # noqa: E731
    return [
        line("start to a painted main window", pick(app, "start"), pick(floor, "start")),
        line("start, reopening the participant table", pick(restore, "start"), pick(floor, "start")),
        line(f"participant table ({app[0]['table'][1]} rows) + scroll", pick(app, "table"), pick(floor, "table")),
        line("peak RSS, large database + table open", pick(app, "rss"), pick(floor, "rss"), unit="MB"),
    ]


def run(scale: generate.Scale, repeat: int, db_path: Path | None = None) -> list[str]:
    """Every benchmark; returns the printed lines."""
    with tempfile.TemporaryDirectory() as folder:
        tmp = Path(folder)
        path = db_path or tmp / "bench.sqlite"
        made = not path.exists()
        db = open_database(f"sqlite:///{path}")
        if made:
            started = time.perf_counter()
            generate.generate(db, scale)
            print(f"generated {scale} in {time.perf_counter() - started:.1f} s", flush=True)
        pid = 1  # the largest project is made first
        with db.session() as s:
            registry = int(s.scalar(select(func.count()).select_from(Person)) or 0)
        in_projects = scale.people + (scale.projects - 1) * (scale.people // 20)
        rows = 10_000 if scale.registry >= 100_000 else max(10, scale.registry // 10)
        out = bench_start(path, pid, repeat)
        out += bench_search(db, path, max(3, repeat * 5))
        out += bench_import(path, rows, registry - in_projects, tmp, repeat)
        out += bench_sheets_pdf(db, pid, repeat)
        out += bench_final(db, pid, repeat)
        db.close()
    return out


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    mode = parser.add_mutually_exclusive_group()
    mode.add_argument("--quick", action="store_true", help="small scale, one run each (default)")
    mode.add_argument("--full", action="store_true", help="the large scale, best of 3")
    mode.add_argument("--child", nargs=3, metavar=("MODE", "DB", "PROJECT_OR_CSV"), help=argparse.SUPPRESS)
    parser.add_argument("--db", type=Path, help="a database made by bench/generate.py at the same scale")
    args = parser.parse_args(argv)
    if args.child:
        if args.child[0] == "import":
            import_child(args.child[1], args.child[2])
        else:
            child(args.child[0], args.child[1], int(args.child[2]))
        return 0
    scale, repeat = (generate.SCALES["large"], 3) if args.full else (generate.SCALES["quick"], 1)
    print(f"python {sys.version.split()[0]}, {os.cpu_count()} CPUs, scale {scale}", flush=True)
    run(scale, repeat, args.db)
    return 0


if __name__ == "__main__":
    sys.exit(main())
