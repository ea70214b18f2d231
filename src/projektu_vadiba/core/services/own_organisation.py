"""Our organisation: the NGO using the app. Its details (registration number, address, contacts) name the
personal-data controller on every sheet, it is the default implementer of a new project, and its logo is printed
on the sheets. Kept in the database (not in a settings file) so that a team sharing one database prints the same."""

from __future__ import annotations

import re
from dataclasses import dataclass

from sqlalchemy import select, update
from sqlalchemy.orm import Session

from projektu_vadiba.core.concurrency import check_version, locked
from projektu_vadiba.core.models import Organisation, OrganisationKind
from projektu_vadiba.core.text import name_key
from projektu_vadiba.core.validation import Problems, check_email, check_length, check_required

LOGO_LIMIT = 2 * 1024 * 1024  # a logo is a small picture; a photo from a phone is refused with a message
PNG_SIGNATURE = b"\x89PNG\r\n\x1a\n"
_REG_NUMBER = re.compile(r"^\d{11}$")


@dataclass(frozen=True)
class OwnOrganisationInput:
    name: str
    reg_number: str = ""
    address: str = ""
    email: str = ""
    phone: str = ""
    website: str = ""
    logo: bytes | None = None  # PNG
    version: int | None = None  # the version the form was loaded with (core/concurrency.py); None: not checked


@dataclass(frozen=True)
class OwnOrganisation:
    id: int
    name: str
    reg_number: str
    address: str
    email: str
    phone: str
    website: str
    has_logo: bool
    version: int = 0


def _own(session: Session) -> Organisation | None:
    return session.scalars(select(Organisation).where(Organisation.is_own).order_by(Organisation.id)).first()


def _dto(org: Organisation, has_logo: bool) -> OwnOrganisation:
    return OwnOrganisation(
        org.id,
        org.name,
        org.reg_number or "",
        org.address or "",
        org.email or "",
        org.phone or "",
        org.website or "",
        has_logo,
        org.version,
    )


def get_own(session: Session) -> OwnOrganisation | None:
    org = _own(session)
    return None if org is None else _dto(org, org.logo is not None)


def own_input(session: Session) -> OwnOrganisationInput | None:
    """Everything saved, the logo included: what an undo puts back."""
    org = _own(session)
    return None if org is None else _input_of(org)


def _input_of(org: Organisation) -> OwnOrganisationInput:
    dto = _dto(org, org.logo is not None)
    return OwnOrganisationInput(
        dto.name, dto.reg_number, dto.address, dto.email, dto.phone, dto.website, org.logo, org.version
    )


def _check(data: OwnOrganisationInput) -> OwnOrganisationInput:
    p = Problems()
    name = check_required(p, data.name, "name", "label.name")
    check_length(p, name, "name", "label.name", 300)
    reg = "".join(data.reg_number.split())
    if reg and not _REG_NUMBER.match(reg):
        p.coded("reg_number", "organisation.reg_number", text=data.reg_number)
    address = " ".join(data.address.split())
    check_length(p, address, "address", "label.address", 300)
    email = check_email(p, data.email.strip(), "email")
    phone = " ".join(data.phone.split())
    check_length(p, phone, "phone", "label.phone", 40)
    website = data.website.strip()
    check_length(p, website, "website", "label.website", 300)
    check_logo(p, data.logo)
    p.raise_if_any()
    return OwnOrganisationInput(name, reg, address, email, phone, website, data.logo, data.version)


def check_logo(p: Problems, logo: bytes | None) -> None:
    """A logo to print (ours, a project's funder's): a PNG no larger than LOGO_LIMIT; None is no logo."""
    if logo is None:
        return
    if not logo.startswith(PNG_SIGNATURE):
        p.coded("logo", "organisation.logo_not_png")
    elif len(logo) > LOGO_LIMIT:
        p.coded("logo", "organisation.logo_too_large")


def save_own(session: Session, data: OwnOrganisationInput) -> OwnOrganisation:
    """Save our details. The first time, an organisation of that name already in the database (the implementer
    of imported projects) becomes ours; otherwise a new one is made. With a version, saving over someone else's
    newer save is a conflict."""
    clean = _check(data)
    org = _own(session)
    if org is not None:
        org = locked(session, Organisation, org.id, "term.organisation")
        current = org
        check_version(org, "organisation", clean, lambda: _input_of(current))
    else:
        org = session.scalars(
            select(Organisation).where(Organisation.name_key == name_key(clean.name)).order_by(Organisation.id)
        ).first()
        if org is None:
            org = Organisation(name=clean.name, kind=OrganisationKind.OWN)
            session.add(org)
        org.is_own = True
    org.name = clean.name
    org.kind = OrganisationKind.OWN
    org.reg_number = clean.reg_number or None
    org.address = clean.address or None
    org.email = clean.email or None
    org.phone = clean.phone or None
    org.website = clean.website or None
    org.logo = clean.logo
    session.flush()
    return _dto(org, clean.logo is not None)


def forget_own(session: Session) -> None:
    """No organisation is ours any more (undoing the first save); the row stays: projects may name it."""
    session.execute(update(Organisation).where(Organisation.is_own).values(is_own=False))
