"""Runs the Alembic migrations that ship inside the package (src/projektu_vadiba/migrations).

Opening an up-to-date database must stay cheap: the version is read with one query and compared with HEAD; Alembic
itself (~0.15 s to import) loads only when there is something to migrate.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any

from sqlalchemy import Engine, inspect, text

from projektu_vadiba.core.errors import AppError

if TYPE_CHECKING:
    from alembic.config import Config

MIGRATIONS_DIR = Path(__file__).resolve().parent.parent / "migrations"
# The newest revision; tests/core/test_db.py fails when a new revision file is added without updating it.
HEAD = "0006"


# Search structures that migrations create by hand (SQLite FTS5 tables, a PostgreSQL GIN index): not models, so
# autogenerate and the schema comparison must not propose dropping them.
UNMODELLED_PREFIXES = ("people_fts", "ix_people_search_tsv")


def include_name(name: str | None, _type: str, _parent: Any) -> bool:
    return not str(name).startswith(UNMODELLED_PREFIXES)


def alembic_config(engine: Engine | None = None) -> Config:
    from alembic.config import Config

    cfg = Config()
    cfg.set_main_option("script_location", str(MIGRATIONS_DIR))
    if engine is not None:
        cfg.set_main_option("sqlalchemy.url", engine.url.render_as_string(hide_password=False).replace("%", "%%"))
    return cfg


def script_head() -> str:
    from alembic.script import ScriptDirectory

    head = ScriptDirectory.from_config(alembic_config()).get_current_head()
    assert head is not None
    return head


def _known(revision: str) -> bool:
    from alembic.script import ScriptDirectory

    try:
        return ScriptDirectory.from_config(alembic_config()).get_revision(revision) is not None
    except Exception:  # alembic raises several kinds for an unknown id
        return False


def current_revision(engine: Engine) -> str | None:
    with engine.connect() as conn:
        if not inspect(conn).has_table("alembic_version"):
            return None
        return conn.execute(text("SELECT version_num FROM alembic_version")).scalar()


def upgrade(engine: Engine, backup: Callable[[Engine, str], Any] | None = None) -> bool:
    """Bring the schema to head. Returns True when something was migrated."""
    current = current_revision(engine)
    if current == HEAD:
        return False
    if current is not None and not _known(current):
        raise AppError.of("db.newer_version")
    if current is not None and backup is not None:
        backup(engine, current)
    from alembic import command

    cfg = alembic_config(engine)
    with engine.connect() as connection:
        cfg.attributes["connection"] = connection
        command.upgrade(cfg, "head")
    return True
