"""The people registry: add, edit, search (blind to diacritics and case), with a log of personal-data changes."""

from __future__ import annotations

from dataclasses import fields

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import current_user
from projektu_vadiba.core.dto import PersonDTO, PersonInput
from projektu_vadiba.core.models import OrganisationKind, Person, PersonalDataLog
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.services.organisations import find_or_create_organisation
from projektu_vadiba.core.text import fold
from projektu_vadiba.core.validation import Problems, check_email, check_length, check_required

_PERSONAL_FIELDS = [f.name for f in fields(PersonInput)]


def person_dto(p: Person) -> PersonDTO:
    return PersonDTO(
        p.id,
        p.given_name,
        p.surname,
        p.organisation.name if p.organisation else None,
        p.municipality,
        p.email,
        p.phone,
        p.gender,
        p.birth_year,
        p.age_group,
        p.target_group,
        p.consent_data,
        p.consent_photo,
        p.anonymised_at is not None,
    )


def search_text(given: str, surname: str, email: str, organisation: str, municipality: str) -> str:
    return fold(" ".join(x for x in (given, surname, email, organisation, municipality) if x))[:800]


def validate_person(data: PersonInput) -> PersonInput:
    p = Problems()
    given = check_required(p, data.given_name, "given_name", "Vārds")
    surname = check_required(p, data.surname, "surname", "Uzvārds")
    check_length(p, given, "given_name", "Vārds", 100)
    check_length(p, surname, "surname", "Uzvārds", 100)
    email = check_email(p, data.email)
    if data.birth_year is not None and not 1900 <= data.birth_year <= clock.today().year:
        p.add("birth_year", f"Dzimšanas gads {data.birth_year} nav ticams.")
    p.raise_if_any()
    from dataclasses import replace

    return replace(data, given_name=given, surname=surname, email=email, phone=" ".join(data.phone.split()))


def _apply(session: Session, person: Person, d: PersonInput) -> list[str]:
    org_name = " ".join(d.organisation_name.split())
    org = find_or_create_organisation(session, org_name, OrganisationKind.NGO) if org_name else None
    before = {f: getattr(person, f, None) for f in _PERSONAL_FIELDS if f != "organisation_name"}
    person.given_name, person.surname, person.organisation = d.given_name, d.surname, org
    person.municipality, person.email, person.phone = d.municipality.strip(), d.email, d.phone
    person.gender, person.birth_year, person.age_group = d.gender, d.birth_year, d.age_group.strip()
    person.target_group, person.notes = d.target_group.strip(), d.notes
    person.consent_data, person.consent_photo = d.consent_data, d.consent_photo
    person.search_text = search_text(d.given_name, d.surname, d.email, org_name, person.municipality)
    return [f for f, old in before.items() if getattr(person, f) != old]


def log_personal_data(session: Session, person_id: int | None, action: str, changed: list[str]) -> None:
    session.add(
        PersonalDataLog(
            at=clock.now(), actor=current_user(), person_id=person_id, action=action, fields=",".join(changed)
        )
    )


def create_person(session: Session, data: PersonInput) -> PersonDTO:
    data = validate_person(data)
    person = Person()
    _apply(session, person, data)
    session.add(person)
    session.flush()
    log_personal_data(session, person.id, "created", [])
    return person_dto(person)


def update_person(session: Session, person_id: int, data: PersonInput) -> PersonDTO:
    person = get_or_404(session, Person, person_id, "Persona")
    data = validate_person(data)
    changed = _apply(session, person, data)
    if changed:
        log_personal_data(session, person.id, "updated", changed)
    session.flush()
    return person_dto(person)


def get_person(session: Session, person_id: int) -> PersonDTO:
    return person_dto(get_or_404(session, Person, person_id, "Persona"))


def search_people(session: Session, query: str, limit: int = 200) -> list[PersonDTO]:
    """Every word of the query must start a word of name, e-mail, organisation or municipality (folded)."""
    stmt = select(Person).options(selectinload(Person.organisation)).order_by(Person.surname, Person.given_name)
    for word in fold(query).split():
        escaped = word.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_")
        stmt = stmt.where(
            (Person.search_text.like(f"{escaped}%", escape="\\"))
            | (Person.search_text.like(f"% {escaped}%", escape="\\"))
        )
    return [person_dto(p) for p in session.scalars(stmt.limit(limit))]
