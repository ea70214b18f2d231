"""`projektu-vadiba admin ...`: setting up a team database and its users from the command line, with the
coded messages for a wrong address, a non-empty database, an existing role and a missing privilege."""

from __future__ import annotations

from pathlib import Path

import pytest
from sqlalchemy import create_engine

from projektu_vadiba.cli import main
from tests.team.conftest import PASSWORD, Team, TeamServer, create_database


def _run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def password_file(tmp_path: Path) -> Path:
    path = tmp_path / "parole.txt"
    path.write_text(PASSWORD + "\n", encoding="utf-8")
    return path


def test_init_server_refuses_sqlite(capsys: pytest.CaptureFixture[str], tmp_path: Path, password_file: Path) -> None:
    path = tmp_path / "viens.sqlite"
    code, _, err = _run(capsys, "admin", "init-server", f"sqlite:///{path}", "--admin", "anna",
                        "--password-file", str(password_file))  # fmt: skip
    assert code == 1 and "vajag PostgreSQL" in err and not path.exists()
    code, _, err = _run(capsys, "--lang", "en", "admin", "init-server", str(path), "--admin", "anna",
                        "--password-file", str(password_file))  # fmt: skip
    assert code == 1 and "Team mode needs PostgreSQL" in err


def test_init_server_refuses_a_non_empty_database_an_existing_role_and_a_weak_user(
    capsys: pytest.CaptureFixture[str], team_server: TeamServer, password_file: Path
) -> None:
    args = ("--admin", f"{team_server.prefix}cita", "--password-file", str(password_file))
    code, _, err = _run(capsys, "admin", "init-server", team_server.url, *args, "--prefix", f"{team_server.prefix}x_")
    assert code == 1 and "nav tukša" in err
    empty = create_database(team_server.base, f"{team_server.prefix}db_empty")
    code, _, err = _run(capsys, "admin", "init-server", empty, *args, "--prefix", team_server.prefix)
    assert code == 1 and f"{team_server.prefix}admin" in err and "jau ir loma" in err
    weak = f"{team_server.prefix}weak"
    engine = create_engine(team_server.base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {weak} LOGIN PASSWORD '{PASSWORD}'")
    engine.dispose()
    as_weak = team_server.url_as(weak).replace(team_server.url.rsplit("/", 1)[1], f"{team_server.prefix}db_empty")
    code, _, err = _run(capsys, "admin", "init-server", as_weak, *args, "--prefix", f"{team_server.prefix}y_")
    assert code == 1 and "trūkst tiesību" in err and "CREATEROLE" in err


def test_users_are_managed_and_the_audit_exported_from_the_command_line(
    capsys: pytest.CaptureFixture[str], team: Team, password_file: Path, tmp_path: Path
) -> None:
    db = ("--db", team.server.url_as(team.server.admin))
    name = team.user("cli")
    code, out, _ = _run(capsys, *db, "admin", "user", "add", name, "--role", "staff", "--full-name", "Līga Ozola",
                        "--password-file", str(password_file))  # fmt: skip
    assert code == 0 and name in out
    assert _run(capsys, *db, "admin", "user", "member", name, "A-1", "--role", "staff")[0] == 0
    code, out, _ = _run(capsys, *db, "admin", "user", "list")
    line = next(x for x in out.splitlines() if x.startswith(name))
    assert "Līga Ozola" in line and "A-1: staff" in line
    code, _, err = _run(capsys, *db, "admin", "user", "add", name, "--role", "staff", "--password-file",
                        str(password_file))  # fmt: skip
    assert code == 1 and "jau ir loma" in err
    code, _, err = _run(capsys, *db, "admin", "user", "remove", team.server.admin)
    assert code == 1 and "Sevi" in err
    # The new user logs in with the password from the file and sees project A only.
    code, out, _ = _run(capsys, "--db", team.server.url_as(name), "projects")
    assert code == 0 and "A-1" in out and "B-2" not in out
    assert _run(capsys, *db, "admin", "user", "role", name, "viewer")[0] == 0
    output = tmp_path / "audits.xlsx"
    code, out, _ = _run(capsys, *db, "admin", "audit", "export", "--project", "A-1", "--user", team.server.admin,
                        "-o", str(output))  # fmt: skip
    assert code == 0 and output.is_file()
    from openpyxl import load_workbook

    sheet = load_workbook(output, read_only=True).active
    assert sheet is not None
    users_seen = {row[1] for row in sheet.iter_rows(min_row=2, values_only=True)}
    assert users_seen == {team.server.admin}
    assert _run(capsys, *db, "admin", "user", "remove", name)[0] == 0
    code, out, _ = _run(capsys, *db, "admin", "user", "list")
    assert name not in out


def test_a_database_owner_with_createrole_sets_up_without_being_a_superuser(
    capsys: pytest.CaptureFixture[str], team_server: TeamServer, password_file: Path
) -> None:
    prefix = f"{team_server.prefix}o_"
    setup, name = f"{prefix}setup", f"{prefix}db"
    engine = create_engine(team_server.base, isolation_level="AUTOCOMMIT")
    with engine.connect() as conn:
        conn.exec_driver_sql(f"CREATE ROLE {setup} LOGIN CREATEROLE PASSWORD '{PASSWORD}'")
        # A test server's role that is no superuser (CI's: CREATEROLE, CREATEDB) may give a database to a role it
        # is a member of only.
        conn.exec_driver_sql(f"GRANT {setup} TO current_user")
        conn.exec_driver_sql(f'CREATE DATABASE "{name}" OWNER {setup}')
    engine.dispose()
    url = team_server.base.set(username=setup, password=PASSWORD, database=name)
    code, out, _ = _run(capsys, "admin", "init-server", url.render_as_string(hide_password=False), "--admin",
                        f"{prefix}boss", "--prefix", prefix, "--password-file", str(password_file))  # fmt: skip
    assert code == 0 and f"{prefix}boss" in out
    boss = url.set(username=f"{prefix}boss").render_as_string(hide_password=False)
    code, out, _ = _run(capsys, "--db", boss, "admin", "user", "list")
    assert code == 0 and out.startswith(f"{prefix}boss")
