"""The CLI's last boundary (issue 18, item 4): a damaged or locked database, an unexpected exception, a closed
pipe and a terminal that cannot show Latvian letters all end in a message or a quiet exit, never a traceback."""

from __future__ import annotations

import os
import shutil
import sqlite3
import subprocess
import sys
from pathlib import Path

import pytest

from projektu_vadiba.cli import main, projects

SRC = str(Path(__file__).resolve().parents[1] / "src")


def _cli(*argv: str, env: dict[str, str] | None = None, **kwargs: object) -> subprocess.CompletedProcess[bytes]:
    environment = {**os.environ, "PYTHONPATH": SRC, **(env or {})}
    return subprocess.run(  # type: ignore[call-overload, no-any-return]
        [sys.executable, "-m", "projektu_vadiba", *argv], env=environment, capture_output=True, timeout=120, **kwargs
    )


@pytest.fixture(scope="module")
def demo_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("demo") / "demo.sqlite"
    assert main(["--db", str(path), "demo"]) == 0
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        conn.execute("PRAGMA journal_mode=DELETE")
    return path


@pytest.fixture
def wal_db(demo_db: Path, tmp_path: Path) -> Path:
    """A copy of the demo as the app keeps it (WAL: readers never wait, one writer at a time)."""
    path = tmp_path / "wal.sqlite"
    path.write_bytes(demo_db.read_bytes())
    assert main(["--db", str(path), "projects"]) == 0
    return path


def test_a_damaged_database_file_gets_a_message(demo_db: Path, tmp_path: Path) -> None:
    data = bytearray(demo_db.read_bytes())
    page = 4096
    for offset in range(page * 2, len(data), page):  # every page after the schema's: garbage
        data[offset : offset + 64] = b"\xa5" * 64
    broken = tmp_path / "broken.sqlite"
    broken.write_bytes(bytes(data))
    done = _cli("--db", str(broken), "projects")
    err = done.stderr.decode()
    assert done.returncode == 1, err
    assert err.startswith("Kļūda: ") and "Traceback" not in err


def test_a_file_that_is_not_a_database_names_the_file(tmp_path: Path) -> None:
    path = tmp_path / "notes.sqlite"
    path.write_bytes(b"This is a shopping list, not a database.\n" * 200)
    done = _cli("--db", str(path), "projects")
    err = done.stderr.decode()
    assert done.returncode == 1
    assert "bojāts" in err and str(path) in err and "Traceback" not in err


def test_an_unexpected_exception_is_logged_for_support_and_told_in_a_sentence(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    # The data folder itself, not XDG_DATA_HOME: Windows' platformdirs asks the shell, not the environment.
    monkeypatch.setattr("projektu_vadiba.core.db.default_data_dir", lambda: tmp_path / "data" / "projektu-vadiba")

    def broken(_db: object, _args: object) -> int:
        raise KeyError("a bug")

    monkeypatch.setattr(projects, "list_command", broken)
    code = main(["--db", str(tmp_path / "a.sqlite"), "--lang", "en", "projects"])
    err = capsys.readouterr().err
    logs = list((tmp_path / "data").rglob("errors.log"))
    assert code == 1 and len(logs) == 1
    assert err.startswith("Error: An unexpected error occurred (KeyError)") and str(logs[0]) in err
    assert "KeyError: 'a bug'" in logs[0].read_text(encoding="utf-8")
    if os.name == "posix":  # Windows has no mode bits: the log is in the user's own profile
        assert logs[0].stat().st_mode & 0o077 == 0  # a traceback may hold names: the owner's only


def test_a_locked_database_says_another_program_is_writing(
    wal_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import projektu_vadiba.cli as cli

    monkeypatch.setattr(cli, "LOCK_RETRY_SECONDS", ())  # only SQLite's own busy wait: the test stays short
    csv_file = tmp_path / "p.csv"
    csv_file.write_text("Vārds;Uzvārds\nJānis;Ozols\n", encoding="utf-8")
    capsys.readouterr()
    holder = sqlite3.connect(wal_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")  # a long writer elsewhere
    try:
        code = main(["--db", str(wal_db), "people", "import", str(csv_file)])
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    err = capsys.readouterr().err
    assert code == 1
    assert err.startswith("Kļūda: Datubāze ir aizņemta") and "Traceback" not in err


def test_a_locked_database_is_tried_again_and_the_command_goes_through_once_it_is_free(
    wal_db: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import projektu_vadiba.cli as cli

    csv_file = tmp_path / "p.csv"
    csv_file.write_text("Vārds;Uzvārds\nZelma;Retrija\n", encoding="utf-8")
    capsys.readouterr()
    holder = sqlite3.connect(wal_db, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    pauses: list[float] = []

    def pause(seconds: float) -> None:  # the other writer finishes while we wait
        pauses.append(seconds)
        holder.execute("ROLLBACK")

    monkeypatch.setattr(cli, "_pause", pause)
    try:
        code = main(["--db", str(wal_db), "people", "import", str(csv_file)])
    finally:
        holder.close()
    err = capsys.readouterr().err
    assert code == 0 and pauses == [1.0]
    assert "mēģina vēlreiz pēc 1.0 s" in err
    assert main(["--db", str(wal_db), "people", "search", "Retrija"]) == 0
    assert "Atrastas personas: 1." in capsys.readouterr().out


def test_output_into_a_closed_pipe_exits_quietly(demo_db: Path) -> None:
    if shutil.which("head") is None:
        pytest.skip("needs a reader that closes the pipe early: coreutils' head (none on Windows)")
    reader = subprocess.Popen(["head", "-c", "1"], stdin=subprocess.PIPE, stdout=subprocess.DEVNULL)
    env = {**os.environ, "PYTHONPATH": SRC}
    writer = subprocess.run(
        [sys.executable, "-m", "projektu_vadiba", "--db", str(demo_db), "people", "search", "a", "--limit", "5000"],
        stdout=reader.stdin,
        stderr=subprocess.PIPE,
        env=env,
        timeout=120,
    )
    assert reader.stdin is not None
    reader.stdin.close()
    reader.wait(timeout=30)
    assert b"Traceback" not in writer.stderr and b"BrokenPipe" not in writer.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="on Windows the CLI writes UTF-8 instead (test_windows_paths)")
def test_a_terminal_without_latvian_letters_gets_question_marks_not_an_error(demo_db: Path) -> None:
    done = _cli("--db", str(demo_db), "projects", env={"PYTHONIOENCODING": "ascii"})
    assert done.returncode == 0, done.stderr.decode()
    assert b"Traceback" not in done.stderr and b"?" in done.stdout
