"""Which database the app opens: this computer's SQLite file or a team server (PostgreSQL), as chosen in
Settings → Database. `--db` and PROJEKTU_VADIBA_DB still win (scripts, tests, support).

The server's password is never in these settings: it is in libpq's password file (core/pgpass.py) when the user
let the app remember it, otherwise asked at each start and kept in memory only.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field

from projektu_vadiba.core.connection import DEFAULT_PORT, ServerAddress
from projektu_vadiba.core.db import ENV_VAR, resolve_url
from projektu_vadiba.ui.settings import Option, Settings

LOCAL, SERVER = "sqlite", "postgres"
DB_KIND = Option("database/kind", str, LOCAL)
DB_FILE = Option("database/file", str, "")  # "" = the default file in the user's data folder
DB_HOST = Option("database/host", str, "")
DB_PORT = Option("database/port", int, DEFAULT_PORT)
DB_NAME = Option("database/name", str, "")
DB_USER = Option("database/user", str, "")
DB_REMEMBER_PASSWORD = Option("database/remember_password", bool, True)


@dataclass(frozen=True)
class DatabaseChoice:
    kind: str = LOCAL
    file: str = ""
    address: ServerAddress = field(default_factory=lambda: ServerAddress(""))
    remember_password: bool = True

    def url(self, password: str | None = None) -> str:
        """The URL to open; a remembered password stays out of it (libpq reads the password file itself)."""
        if self.kind == SERVER:
            return self.address.url(None if self.remember_password else password)
        return resolve_url(self.file or None)


def load_choice(settings: Settings) -> DatabaseChoice:
    address = ServerAddress(settings.get(DB_HOST), settings.get(DB_PORT), settings.get(DB_NAME), settings.get(DB_USER))
    kind = settings.get(DB_KIND)
    return DatabaseChoice(kind if kind in (LOCAL, SERVER) else LOCAL, settings.get(DB_FILE), address,
                          settings.get(DB_REMEMBER_PASSWORD))  # fmt: skip


def save_choice(settings: Settings, choice: DatabaseChoice) -> None:
    settings.set(DB_KIND, choice.kind)
    settings.set(DB_FILE, choice.file)
    settings.set(DB_HOST, choice.address.host)
    settings.set(DB_PORT, choice.address.port)
    settings.set(DB_NAME, choice.address.database)
    settings.set(DB_USER, choice.address.user)
    settings.set(DB_REMEMBER_PASSWORD, choice.remember_password)
    settings.sync()


def explicit_url(db_url: str | None) -> str | None:
    """The database named on the command line or in the environment (they win over the settings)."""
    return db_url or os.environ.get(ENV_VAR) or None
