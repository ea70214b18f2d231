"""kill -9 during the automatic schema upgrade and during its backup: what the file looks like afterwards.

Used by tests/reliability/test_upgrade_kill.py (quick mode) and bench/reliability_upgrade.py (N=100). A database at
revision 0001 with rows is made with the app's own migrations; each run copies it, starts a child process that
opens it (the upgrade) or makes its backup, kills it with SIGKILL after a random delay, and checks the file.
"""

from __future__ import annotations

import os
import random
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from sqlalchemy import create_engine, text

SRC = Path(__file__).resolve().parents[2] / "src"

CHILD = {
    # open_database upgrades on open; "ready" is printed once Python and the app are imported, so the random
    # delay falls inside the work, not inside the interpreter's start.
    "upgrade": (
        "import sys; from projektu_vadiba.core import db, migrations; import alembic.command; "
        "print('ready', flush=True); db.open_database('sqlite:///' + sys.argv[1]).close(); print('done', flush=True)"
    ),
    "upgrade-url": (
        "import sys; from projektu_vadiba.core import db, migrations; import alembic.command; "
        "print('ready', flush=True); db.open_database(sys.argv[1]).close(); print('done', flush=True)"
    ),
    "backup": (
        "import sys; from pathlib import Path; from projektu_vadiba.core import db_backup; "
        "print('ready', flush=True); db_backup.backup_before_upgrade(Path(sys.argv[1]), '0001'); "
        "print('done', flush=True)"
    ),
}


def make_revision_0001(path: Path | str, people: int) -> None:
    """A database the first released version made: the app's migrations up to 0001, then rows in that schema.
    `path`: an SQLite file, or a database URL (PostgreSQL)."""
    from alembic import command

    from projektu_vadiba.core import migrations

    engine = create_engine(path if isinstance(path, str) else f"sqlite:///{path}")
    cfg = migrations.alembic_config(engine)
    with engine.connect() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "0001")
    now = datetime(2026, 1, 5, 10, 0)
    with engine.begin() as conn:
        if engine.dialect.name == "sqlite":  # as the app left it
            conn.execute(text("PRAGMA journal_mode=WAL"))
        conn.execute(
            text(
                "INSERT INTO organisations (id, name, name_key, kind, created_at, updated_at) "
                "VALUES (1, 'Biedrība “Ābele”', 'biedriba abele', 'ngo', :t, :t)"
            ),
            {"t": now},
        )
        conn.execute(
            text(
                "INSERT INTO people (given_name, surname, organisation_id, municipality, email, phone, age_group, "
                "target_group, notes, search_text, created_at, updated_at) VALUES (:g, :s, 1, 'Rīga', :e, :p, '', '', "
                "'', :q, :t, :t)"
            ),
            [
                {
                    "g": f"Jānis{i}",
                    "s": f"Bērziņš{i}",
                    "e": f"j{i}@example.lv",
                    "p": f"+371 2{i:07d}",
                    "q": f"janis{i} berzins{i}",
                    "t": now,
                }
                for i in range(people)
            ],
        )
    engine.dispose()


@dataclass
class Outcome:
    runs: int = 0
    killed: int = 0  # runs the kill landed before the child finished
    outcomes: Counter[str] = field(default_factory=Counter)
    problems: list[str] = field(default_factory=list)


def _child(mode: str, path: Path) -> subprocess.Popen[str]:
    env = {**os.environ, "PYTHONPATH": str(SRC)}
    return subprocess.Popen([sys.executable, "-c", CHILD[mode], str(path)], stdout=subprocess.PIPE, text=True, env=env)


def timed_run(mode: str, template: Path, work: Path) -> float:
    """How long the work takes after 'ready' when nothing interrupts it."""
    path = work / "timing.sqlite"
    _fresh(template, path)
    child = _child(mode, path)
    assert child.stdout is not None
    child.stdout.readline()
    start = time.perf_counter()
    child.wait()
    elapsed = time.perf_counter() - start
    _clean(path)
    return elapsed


def _fresh(template: Path, path: Path) -> None:
    _clean(path)
    shutil.copyfile(template, path)


def _clean(path: Path) -> None:
    for old in path.parent.glob(path.name + "*"):
        old.unlink()


def revision_and_people(path: Path) -> tuple[str, int]:
    with sqlite3.connect(path) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchall() == [("ok",)]
        revision = conn.execute("SELECT version_num FROM alembic_version").fetchone()[0]
        people = conn.execute("SELECT count(*) FROM people").fetchone()[0]
    return str(revision), int(people)


def kill_runs(mode: str, template: Path, work: Path, runs: int, people: int, seed: int = 18) -> Outcome:
    from projektu_vadiba.core import db_backup, migrations
    from projektu_vadiba.core.db import open_database

    rng = random.Random(seed)
    window = timed_run(mode, template, work) * 1.1
    result = Outcome()
    path = work / "kill.sqlite"
    for run in range(runs):
        _fresh(template, path)
        child = _child(mode, path)
        assert child.stdout is not None
        child.stdout.readline()
        time.sleep(rng.uniform(0, window))
        child.send_signal(signal.SIGKILL)
        child.wait()
        result.runs += 1
        result.killed += 1 if child.returncode == -signal.SIGKILL else 0
        try:
            revision, count = revision_and_people(path)
            if revision not in ("0001", migrations.HEAD) or count != people:
                raise AssertionError(f"revision {revision}, {count} people")
            backups = db_backup.backups_of(path)
            for backup in backups:  # a backup under its final name is always whole
                if revision_and_people(backup) != ("0001", people):
                    raise AssertionError(f"bad backup {backup.name}")
            label = "old revision" if revision == "0001" else "new revision"
            label += f", {len(backups)} backup(s)"
            # The next start upgrades it (or finds it done), removes a killed backup's leftovers, adds no pile.
            open_database(f"sqlite:///{path}").close()
            if revision_and_people(path) != (migrations.HEAD, people):
                raise AssertionError("the next open did not bring it to head with every row")
            if list(path.parent.glob(path.name + ".pirms-*.tmp*")):
                raise AssertionError("temporary backup left after the next open")
            if len(db_backup.backups_of(path)) > max(len(backups), 1):
                raise AssertionError("the retry piled up another backup")
            result.outcomes[label] += 1
        except Exception as exc:
            result.outcomes["broken"] += 1
            result.problems.append(f"run {run}: {exc}")
    _clean(path)
    return result


def kill_runs_postgres(url: str, schema: str, runs: int, people: int, seed: int = 18) -> Outcome:
    """The same on PostgreSQL, in a schema of its own (`url` sets its search_path): killed while upgrading."""
    from projektu_vadiba.core import migrations
    from projektu_vadiba.core.db import open_database

    admin = create_engine(url, isolation_level="AUTOCOMMIT")

    def fresh() -> None:
        with admin.connect() as conn:
            conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
            conn.execute(text(f"CREATE SCHEMA {schema}"))
        make_revision_0001(url, people)

    def state() -> tuple[str, int]:
        with admin.connect() as conn:
            revision = conn.execute(text("SELECT version_num FROM alembic_version")).scalar()
            count = conn.execute(text("SELECT count(*) FROM people")).scalar()
        return str(revision), int(count or 0)

    rng = random.Random(seed)
    fresh()
    child = _child("upgrade-url", url)
    assert child.stdout is not None
    child.stdout.readline()
    start = time.perf_counter()
    child.wait()
    window = (time.perf_counter() - start) * 1.1
    result = Outcome()
    for run in range(runs):
        fresh()
        child = _child("upgrade-url", url)
        assert child.stdout is not None
        child.stdout.readline()
        time.sleep(rng.uniform(0, window))
        child.send_signal(signal.SIGKILL)
        child.wait()
        result.runs += 1
        result.killed += 1 if child.returncode == -signal.SIGKILL else 0
        try:
            revision, count = state()
            if revision not in ("0001", migrations.HEAD) or count != people:
                raise AssertionError(f"revision {revision}, {count} people")
            open_database(url).close()  # the server ended the killed session's transaction; the next start upgrades
            if state() != (migrations.HEAD, people):
                raise AssertionError("the next open did not bring it to head with every row")
            result.outcomes["old revision" if revision == "0001" else "new revision"] += 1
        except Exception as exc:
            result.outcomes["broken"] += 1
            result.problems.append(f"run {run}: {exc}")
    with admin.connect() as conn:
        conn.execute(text(f"DROP SCHEMA IF EXISTS {schema} CASCADE"))
    admin.dispose()
    return result
