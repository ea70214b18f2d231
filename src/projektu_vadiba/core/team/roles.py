"""Names of the database's group roles, checks on role names and the SCRAM password verifier.

Group roles are cluster-wide, so their names carry a prefix (default "pv_") that a second team database on the same
server can change; the prefix is kept in app_meta under PREFIX_KEY.
"""

from __future__ import annotations

import base64
import hashlib
import hmac
import os
import re
import unicodedata
from dataclasses import dataclass

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models.team import USER_ROLES

DEFAULT_PREFIX = "pv_"
PREFIX_KEY = "team_role_prefix"
_NAME = re.compile(r"[a-z_][a-z0-9_]{0,62}")
_PREFIX = re.compile(r"[a-z_][a-z0-9_]{0,40}")


def check_name(name: str) -> str:
    """Lower-case letters, digits and _ (PostgreSQL folds unquoted names to lower case; nothing needs quoting)."""
    if not _NAME.fullmatch(name):
        raise AppError.of("team.bad_role_name", name=name)
    return name


def check_prefix(prefix: str) -> str:
    if not _PREFIX.fullmatch(prefix):
        raise AppError.of("team.bad_prefix", prefix=prefix)
    return prefix


def check_role(role: str, *, allowed: tuple[str, ...] = USER_ROLES) -> str:
    if role not in allowed:
        raise AppError.of("team.bad_role", role=role, roles=", ".join(allowed))
    return role


def quoted(name: str) -> str:
    """An identifier already checked by check_name/check_prefix, quoted for SQL."""
    return '"' + name.replace('"', '""') + '"'


@dataclass(frozen=True)
class Groups:
    """The group roles of one team database: one per user role."""

    prefix: str

    def group(self, role: str) -> str:
        return f"{self.prefix}{role}"

    @property
    def admin(self) -> str:
        return self.group("admin")

    @property
    def all(self) -> tuple[str, ...]:
        return tuple(self.group(r) for r in USER_ROLES)


def scram_verifier(password: str, *, iterations: int = 4096) -> str:
    """The SCRAM-SHA-256 verifier PostgreSQL stores (RFC 5802/7677): the server gets this, never the password,
    so the password appears in no statement, log or activity view."""
    salt = os.urandom(16)
    salted = hashlib.pbkdf2_hmac("sha256", unicodedata.normalize("NFKC", password).encode(), salt, iterations)
    client_key = hmac.new(salted, b"Client Key", "sha256").digest()
    stored_key = hashlib.sha256(client_key).digest()
    server_key = hmac.new(salted, b"Server Key", "sha256").digest()

    def b64(data: bytes) -> str:
        return base64.b64encode(data).decode("ascii")

    return f"SCRAM-SHA-256${iterations}:{b64(salt)}${b64(stored_key)}:{b64(server_key)}"


def check_password(password: str) -> str:
    if len(password) < 8:
        raise AppError.of("team.short_password")
    return password
