"""Alembic environment: always given a live connection by projektu_vadiba.core.migrations."""

from __future__ import annotations

from alembic import context
from sqlalchemy import create_engine

from projektu_vadiba.core.migrations import include_name, include_object
from projektu_vadiba.core.models import Base

config = context.config
target_metadata = Base.metadata


def _run(connection) -> None:  # type: ignore[no-untyped-def]
    if connection.in_transaction():
        # core.migrations.upgrade: its own transaction (foreign keys already off on SQLite), committed by it after
        # the LAST step, so a failure or a kill leaves the old revision. transactional_ddl stops Alembic from
        # committing after each step on SQLite.
        _configure(connection, transactional_ddl=True)
        with context.begin_transaction():
            context.run_migrations()
        return
    sqlite = connection.dialect.name == "sqlite"
    if sqlite:
        # A batch migration rebuilds tables; with foreign keys on, rebuilding a parent would cascade-delete
        # its children. The pragma only takes effect outside a transaction.
        connection.exec_driver_sql("PRAGMA foreign_keys=OFF")
        connection.commit()
    _configure(connection)
    with context.begin_transaction():
        context.run_migrations()
    connection.commit()
    if sqlite:
        connection.exec_driver_sql("PRAGMA foreign_keys=ON")


def _configure(connection, **options) -> None:  # type: ignore[no-untyped-def]
    context.configure(
        connection=connection,
        target_metadata=target_metadata,
        render_as_batch=True,  # SQLite cannot ALTER COLUMN
        compare_type=True,
        include_name=include_name,
        include_object=include_object,
        **options,
    )


connection = config.attributes.get("connection")
if connection is not None:
    _run(connection)
else:  # the alembic command line, e.g. `alembic revision --autogenerate` during development
    engine = create_engine(config.get_main_option("sqlalchemy.url") or "sqlite:///dev.sqlite")
    with engine.connect() as conn:
        _run(conn)
