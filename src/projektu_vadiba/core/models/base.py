"""Declarative base: naming convention (Alembic can drop named constraints later) and shared column types."""

from __future__ import annotations

import enum
from datetime import datetime
from decimal import Decimal
from typing import Any, ClassVar

from sqlalchemy import DateTime, Enum, MetaData, Numeric
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

from projektu_vadiba.core import clock

NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}

# Money: 10 digits before the point are plenty for an NGO project; never float.
Money = Numeric(12, 2)
# Indicator values may be fractional (hours, percentages) but never money.
Quantity = Numeric(14, 3)


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)
    type_annotation_map: ClassVar[dict[Any, Any]] = {Decimal: Money, datetime: DateTime()}


def str_enum(enum_cls: type[enum.Enum], length: int = 20) -> Any:
    """Store an enum's values (not names) as short strings; portable across SQLite and PostgreSQL."""
    return Enum(
        enum_cls,
        native_enum=False,
        create_constraint=False,
        length=length,
        values_callable=lambda e: [m.value for m in e],
        validate_strings=True,
    )


class Timestamps:
    created_at: Mapped[datetime] = mapped_column(default=clock.now)
    updated_at: Mapped[datetime] = mapped_column(default=clock.now, onupdate=clock.now)


class Versioned:
    """A row two people may edit: `version` grows by one on every ORM update (SQLAlchemy's version counter), so an
    UPDATE made from an older read matches no row and fails instead of overwriting a newer change; services compare
    it with the version a form was loaded with (core/concurrency.py). Migration 0014 gives old rows version 1."""

    version: Mapped[int] = mapped_column(server_default="1")  # the ORM sets 1 on insert; bulk inserts get 1 here

    @declared_attr.directive
    def __mapper_args__(cls) -> dict[str, Any]:
        return versioned_mapper_args(cls)


def versioned_mapper_args(cls: Any, **more: Any) -> dict[str, Any]:
    """The mapper arguments of a `Versioned` model; a model with mapper arguments of its own builds them with this
    (a plain `__mapper_args__` in the model would replace the mixin's and silently drop the version check)."""
    return {"version_id_col": cls.__table__.c.version, **more}
