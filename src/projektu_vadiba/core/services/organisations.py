"""Organisations and funders: find-or-create by name, lists."""

from __future__ import annotations

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import FunderDTO, OrganisationDTO, ProgrammeDTO
from projektu_vadiba.core.models import Funder, Organisation, OrganisationKind, Programme
from projektu_vadiba.core.text import name_key


def organisation_dto(org: Organisation) -> OrganisationDTO:
    return OrganisationDTO(org.id, org.name, org.kind, org.reg_number, org.address, org.municipality)


def funder_dto(funder: Funder) -> FunderDTO:
    return FunderDTO(funder.id, funder.name, funder.short_name, funder.profile_key)


def programme_dto(p: Programme) -> ProgrammeDTO:
    return ProgrammeDTO(p.id, p.funder_id, p.name, p.strand, p.call_year, p.profile_key)


def find_or_create_organisation(
    session: Session, name: str, kind: OrganisationKind = OrganisationKind.NGO, **fields: str | None
) -> Organisation:
    """Same name (case-insensitive) means the same organisation; spelling variants stay separate."""
    name = " ".join(name.split())
    org = session.scalars(
        select(Organisation).where(Organisation.name_key == name_key(name)).order_by(Organisation.id)
    ).first()
    if org is None:
        org = Organisation(name=name, kind=kind, **fields)
        session.add(org)
        session.flush()
    return org


def find_or_create_funder(session: Session, name: str, profile_key: str = "generic") -> Funder:
    name = " ".join(name.split())
    funder = session.scalars(select(Funder).where(Funder.name_key == name_key(name))).first()
    if funder is None:
        funder = Funder(name=name, profile_key=profile_key)
        session.add(funder)
        session.flush()
    return funder


def find_or_create_programme(
    session: Session, funder: Funder, name: str, strand: str = "", call_year: int | None = None
) -> Programme:
    stmt = select(Programme).where(
        Programme.funder_id == funder.id,
        Programme.name == name,
        Programme.strand == strand,
        Programme.call_year.is_(None) if call_year is None else Programme.call_year == call_year,
    )
    programme = session.scalars(stmt).first()
    if programme is None:
        programme = Programme(funder=funder, name=name, strand=strand, call_year=call_year)
        session.add(programme)
        session.flush()
    return programme


def list_organisations(session: Session, kind: OrganisationKind | None = None) -> list[OrganisationDTO]:
    stmt = select(Organisation).order_by(Organisation.name)
    if kind is not None:
        stmt = stmt.where(Organisation.kind == kind)
    return [organisation_dto(o) for o in session.scalars(stmt)]


def list_funders(session: Session) -> list[FunderDTO]:
    return [funder_dto(f) for f in session.scalars(select(Funder).order_by(Funder.name))]


def programme_names(session: Session) -> dict[str, list[str]]:
    """Programme names projects already use, by funder name (the project form offers them with the profile's)."""
    names: dict[str, list[str]] = {}
    rows = session.execute(select(Funder.name, Programme.name).join(Programme.funder).distinct())
    for funder, programme in rows:
        if programme and programme not in names.setdefault(funder, []):
            names[funder].append(programme)
    return names
