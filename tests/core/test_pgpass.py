"""The team server's password in libpq's password file: written 0600, other lines kept, and libpq itself (not only
our reader) finds it when the app connects without a password in the URL."""

from __future__ import annotations

import os
import stat
from pathlib import Path

import pytest
from sqlalchemy.engine import make_url

from projektu_vadiba.core import pgpass
from projektu_vadiba.core.connection import ServerAddress, address_of, check
from tests.conftest import POSTGRES_ENV

SERVER = ServerAddress("db.biedriba.lv", 5432, "projekti", "līga")


def test_stored_private_found_replaced_and_forgotten(tmp_path: Path) -> None:
    path = tmp_path / "pgpass"
    path.write_text("# mans\n*:*:*:postgres:virsvaldnieks\n", encoding="utf-8")
    pgpass.store(SERVER, "pa:role\\1", path)
    if os.name == "posix":  # Windows has no mode bits: the passfile lives in the user's own profile (%APPDATA%)
        assert stat.S_IMODE(path.stat().st_mode) == 0o600
    assert pgpass.lookup(SERVER, path) == "pa:role\\1"
    assert "db.biedriba.lv:5432:projekti:līga:pa\\:role\\\\1" in path.read_text(encoding="utf-8")
    pgpass.store(SERVER, "jauna", path)  # a changed password replaces the line, never a second one
    assert pgpass.lookup(SERVER, path) == "jauna"
    assert path.read_text(encoding="utf-8").count("db.biedriba.lv") == 1
    assert pgpass.lookup(ServerAddress("cits", 5432, "x", "postgres"), path) == "virsvaldnieks"  # the user's line
    assert pgpass.forget(SERVER, path) and pgpass.lookup(SERVER, path) is None
    assert "*:*:*:postgres:virsvaldnieks" in path.read_text(encoding="utf-8") and not pgpass.forget(SERVER, path)


def test_pgpassfile_environment_names_the_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "cits.conf"))
    assert pgpass.passfile() == tmp_path / "cits.conf"


@pytest.mark.postgres
def test_libpq_connects_with_the_stored_password(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    url = os.environ.get(POSTGRES_ENV)
    if not url:
        pytest.skip(f"PostgreSQL not configured: set {POSTGRES_ENV}")
    address = address_of(url)
    assert address is not None
    monkeypatch.setenv("PGPASSFILE", str(tmp_path / "pgpass"))
    without = address.url()
    assert make_url(without).password is None
    assert check(without).code == "connection.bad_password"  # nothing stored yet: "no password supplied"
    pgpass.store(address, make_url(url).password or "", tmp_path / "pgpass")
    assert check(without).code in ("connection.ok", "connection.will_upgrade", "connection.empty")
