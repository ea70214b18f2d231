"""Organisations (our NGO, partners, communities, municipalities), funders and their programmes."""

from __future__ import annotations

from sqlalchemy import ForeignKey, LargeBinary, String, UniqueConstraint, false
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from projektu_vadiba.core.models.base import Base, Timestamps, Versioned, str_enum
from projektu_vadiba.core.models.enums import OrganisationKind
from projektu_vadiba.core.text import name_key


class Organisation(Timestamps, Versioned, Base):
    __tablename__ = "organisations"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    # Case-folded name for look-ups: SQLite's lower() leaves Ā Č Ķ ... as they are.
    name_key: Mapped[str] = mapped_column(String(300), index=True)
    kind: Mapped[OrganisationKind] = mapped_column(str_enum(OrganisationKind), default=OrganisationKind.NGO)
    reg_number: Mapped[str | None] = mapped_column(String(40))
    address: Mapped[str | None] = mapped_column(String(300))
    municipality: Mapped[str | None] = mapped_column(String(120))
    email: Mapped[str | None] = mapped_column(String(254))
    phone: Mapped[str | None] = mapped_column(String(40))
    website: Mapped[str | None] = mapped_column(String(300))
    # Ours: the organisation using the app (at most one; services.own_organisation keeps it so).
    is_own: Mapped[bool] = mapped_column(default=False, server_default=false())
    logo: Mapped[bytes | None] = mapped_column(LargeBinary, deferred=True)  # PNG, printed on sheets

    @validates("name")
    def _keep_key(self, _field: str, value: str) -> str:
        self.name_key = name_key(value)
        return value


class Funder(Versioned, Base):
    __tablename__ = "funders"

    id: Mapped[int] = mapped_column(primary_key=True)
    name: Mapped[str] = mapped_column(String(300))
    name_key: Mapped[str] = mapped_column(String(300), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(40))
    # Key of a funder profile file under resources/funders/ (e.g. "sif_nvo_fonds").
    profile_key: Mapped[str] = mapped_column(String(60), default="generic")

    programmes: Mapped[list[Programme]] = relationship(
        back_populates="funder", cascade="all, delete-orphan", order_by="Programme.id"
    )

    @validates("name")
    def _keep_key(self, _field: str, value: str) -> str:
        self.name_key = name_key(value)
        return value


class Programme(Versioned, Base):
    __tablename__ = "programmes"
    __table_args__ = (UniqueConstraint("funder_id", "name", "strand", "call_year"),)

    id: Mapped[int] = mapped_column(primary_key=True)
    funder_id: Mapped[int] = mapped_column(ForeignKey("funders.id", ondelete="CASCADE"), index=True)
    name: Mapped[str] = mapped_column(String(300))
    strand: Mapped[str] = mapped_column(String(300), default="")  # darbības virziens
    call_year: Mapped[int | None]
    # Overrides the funder's profile when one programme's paperwork differs.
    profile_key: Mapped[str | None] = mapped_column(String(60))

    funder: Mapped[Funder] = relationship(back_populates="programmes")
