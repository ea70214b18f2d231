"""The people registry: add, edit, search (blind to diacritics and case), with a log of personal-data changes.

Search is by word prefixes of name, e-mail, organisation and municipality ('berz jan' finds 'Jānis Bērziņš').
One function, `search_people`, picks the fastest way the back-end offers (services.people_search, docs/people.md).
"""

from __future__ import annotations

import json
from dataclasses import fields, replace
from functools import lru_cache
from typing import Any

from sqlalchemy import Select, select
from sqlalchemy.dialects import postgresql, sqlite
from sqlalchemy.orm import Session

from projektu_vadiba.core import clock, person_keys
from projektu_vadiba.core.concurrency import check_version, locked
from projektu_vadiba.core.db import current_user
from projektu_vadiba.core.dto import PersonDTO, PersonInput
from projektu_vadiba.core.models import Gender, Organisation, OrganisationKind, Person, PersonalDataLog
from projektu_vadiba.core.services import people_search
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.services.organisations import find_or_create_organisation
from projektu_vadiba.core.validation import Problems, check_email, check_length, check_required, valid_email

_PERSONAL_FIELDS = [f.name for f in fields(PersonInput)]
# The registry window's count per keystroke: above this many it may say "more than 500" (`count_people`; at 1,000
# the leapfrog of 'jan berz' took 16 ms to count 1,001 at 1,000,000 people on PostgreSQL, 8 ms at 500).
COUNT_CAP = 500

# The columns a PersonDTO is made of, read without the ORM: a search page must cost well under 10 ms.
PERSON_COLUMNS = (
    Person.id,
    Person.given_name,
    Person.surname,
    Organisation.name,
    Person.municipality,
    Person.email,
    Person.phone,
    Person.gender,
    Person.birth_year,
    Person.age_group,
    Person.target_group,
    Person.consent_data,
    Person.consent_photo,
    Person.anonymised_at,
    Person.version,
)


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
        p.version,
    )


def row_dto(row: Any) -> PersonDTO:
    """A PersonDTO from a row of PERSON_COLUMNS."""
    return PersonDTO(
        row[0], row[1], row[2], row[3], row[4], row[5], row[6], row[7], row[8], row[9], row[10], row[11], row[12],
        row[13] is not None, row[14],
    )  # fmt: skip


def person_select() -> Select[*tuple[Any, ...]]:
    return select(*PERSON_COLUMNS).outerjoin(Organisation, Organisation.id == Person.organisation_id)


def search_text(given: str, surname: str, email: str, organisation: str, municipality: str) -> str:
    return person_keys.search_text(given, surname, email, organisation, municipality)


# The longest text each field may hold: validate_person reports a longer one, is_tidy relies on the same limits.
_NAME_MAX, _EMAIL_MAX, _PHONE_MAX, _MUNICIPALITY_MAX = 100, 254, 40, 120
_AGE_GROUP_MAX, _TARGET_GROUP_MAX, _ORGANISATION_MAX = 40, 200, 300
_FIRST_BIRTH_YEAR = 1900


def validate_person(data: PersonInput) -> PersonInput:
    p = Problems()
    given = check_required(p, data.given_name, "given_name", "label.given_name")
    surname = check_required(p, data.surname, "surname", "label.surname")
    check_length(p, given, "given_name", "label.given_name", _NAME_MAX)
    check_length(p, surname, "surname", "label.surname", _NAME_MAX)
    email = check_email(p, data.email)
    check_length(p, email, "email", "label.email", _EMAIL_MAX)
    phone = " ".join(data.phone.split())
    check_length(p, phone, "phone", "label.phone", _PHONE_MAX)
    if phone and not person_keys.phone_key(phone):
        p.coded("phone", "phone.invalid", phone=phone)
    check_length(p, data.municipality.strip(), "municipality", "label.municipality", _MUNICIPALITY_MAX)
    check_length(p, data.age_group.strip(), "age_group", "label.age_group", _AGE_GROUP_MAX)
    check_length(p, data.target_group.strip(), "target_group", "label.target_group", _TARGET_GROUP_MAX)
    check_length(p, data.organisation_name.strip(), "organisation_name", "label.organisation", _ORGANISATION_MAX)
    if data.birth_year is not None and not _FIRST_BIRTH_YEAR <= data.birth_year <= clock.today().year:
        p.coded("birth_year", "person.birth_year", year=data.birth_year)
    p.raise_if_any()
    if (given, surname, email, phone) == (data.given_name, data.surname, data.email, data.phone):
        return data  # already tidy (as an import's cells are): no copy, 10,000 times
    return replace(data, given_name=given, surname=surname, email=email, phone=phone)


def is_tidy(data: PersonInput, this_year: int) -> bool:
    """Whether `validate_person(data)` would return `data` itself without a problem, told without building any
    (an import checks 10,000 rows, nearly all of them clean): the names and the phone single-spaced, the e-mail
    stripped and well-formed, every text within its limit, a birth year in range. False says nothing: the caller
    asks `validate_person`. `this_year`: `clock.today().year` taken at any time before (a year only grows)."""
    given, surname, email, phone, year = data.given_name, data.surname, data.email, data.phone, data.birth_year
    return bool(
        given
        and surname
        and len(given) <= _NAME_MAX
        and len(surname) <= _NAME_MAX
        and len(email) <= _EMAIL_MAX
        and len(phone) <= _PHONE_MAX
        and len(data.municipality) <= _MUNICIPALITY_MAX  # a text within its limit is within it stripped too
        and len(data.age_group) <= _AGE_GROUP_MAX
        and len(data.target_group) <= _TARGET_GROUP_MAX
        and len(data.organisation_name) <= _ORGANISATION_MAX
        and (year is None or _FIRST_BIRTH_YEAR <= year <= this_year)
        and given == " ".join(given.split())
        and surname == " ".join(surname.split())
        and (not email or (email == email.strip() and valid_email(email)))
        and (not phone or (phone == " ".join(phone.split()) and person_keys.phone_key(phone)))
    )


def set_keys(person: Person, organisation_name: str) -> None:
    """Recompute the stored search text and keys after the name, contacts or organisation changed."""
    person.search_text = search_text(
        person.given_name, person.surname, person.email, organisation_name, person.municipality
    )
    person.name_key = person_keys.name_key(person.given_name, person.surname)
    person.phone_key = person_keys.phone_key(person.phone)
    person.sort_key = person_keys.sort_key(person.surname, person.given_name)


def _apply(session: Session, person: Person, d: PersonInput) -> list[str]:
    org_name = " ".join(d.organisation_name.split())
    org = find_or_create_organisation(session, org_name, OrganisationKind.NGO) if org_name else None
    before = {f: getattr(person, f, None) for f in _PERSONAL_FIELDS if f != "organisation_name"}
    before_org = person.organisation_id
    person.given_name, person.surname, person.organisation = d.given_name, d.surname, org
    person.municipality, person.email, person.phone = d.municipality.strip(), d.email, d.phone
    person.gender, person.birth_year, person.age_group = d.gender, d.birth_year, d.age_group.strip()
    person.target_group, person.notes = d.target_group.strip(), d.notes
    person.consent_data, person.consent_photo = d.consent_data, d.consent_photo
    set_keys(person, org_name)
    changed = [f for f, old in before.items() if getattr(person, f) != old]
    if person.id is not None and (org.id if org else None) != before_org:
        changed.append("organisation_name")
    return changed


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
    person = locked(session, Person, person_id, "term.person")
    check_version(person, "person", data, lambda: person_input(person_dto(person), person.notes))
    data = validate_person(data)
    changed = _apply(session, person, data)
    if changed:
        log_personal_data(session, person.id, "updated", changed)
    session.flush()
    return person_dto(person)


def get_person(session: Session, person_id: int) -> PersonDTO:
    return person_dto(get_or_404(session, Person, person_id, "Persona"))


def person_input(dto: PersonDTO, notes: str = "") -> PersonInput:
    """The form's starting values for editing a person."""
    return PersonInput(
        dto.given_name,
        dto.surname,
        dto.organisation_name or "",
        dto.municipality,
        dto.email,
        dto.phone,
        dto.gender,
        dto.birth_year,
        dto.age_group,
        dto.target_group,
        dto.consent_data,
        dto.consent_photo,
        notes,
        dto.version,
    )


def get_notes(session: Session, person_id: int) -> str:
    return get_or_404(session, Person, person_id, "Persona").notes


# ---- search ----------------------------------------------------------------------------------------------


def search_people(session: Session, query: str, limit: int = 200, offset: int = 0) -> list[PersonDTO]:
    """Every word of the query must start a word of name, e-mail, organisation or municipality (folded), or be
    another gender form of a whole word there ('lace' finds Lācis, core.surname_forms). Results in Latvian
    alphabetical order (surname, given name), those matching the words as typed first; an empty query lists
    everyone."""
    ids = people_search.page_ids(session, query, limit, offset)
    if not ids:
        return []
    name = people_search.dialect(session)
    if name == "sqlite":  # one statement text whatever the page's length
        rows = people_search.driver_rows(session, _page_sql(name, "IN (SELECT value FROM json_each(:ids))"),
                                         {"ids": json.dumps(ids)})  # fmt: skip
    else:
        rows = people_search.driver_rows(session, _page_sql(name, "= ANY(:ids)"), {"ids": ids})
    if rows is None:  # other back-ends: through SQLAlchemy
        found = {r[0]: row_dto(r) for r in session.execute(person_select().where(Person.id.in_(ids)))}
    else:
        found = {r[0]: driver_row_dto(r) for r in rows}
    return [found[i] for i in ids]


@lru_cache(maxsize=8)
def _page_sql(dialect_name: str, ids_condition: str) -> str:
    """person_select() for the people whose id meets `ids_condition`, as the back-end's SQL (made once)."""
    dialect = {"sqlite": sqlite.dialect, "postgresql": postgresql.dialect}.get(dialect_name, sqlite.dialect)()
    return f"{person_select().compile(dialect=dialect)} WHERE people.id {ids_condition}"


_GENDER = {g.value: g for g in Gender}  # a dict look-up: calling the enum costs ~1.5 µs a row


def driver_row_dto(row: Any) -> PersonDTO:
    """A PersonDTO from a row of PERSON_COLUMNS as the DB-API driver gives it (what SQLAlchemy's column types
    would convert: the gender's text to the enum, SQLite's 0/1 to booleans)."""
    gender, consent_data, consent_photo = row[7], row[11], row[12]
    return PersonDTO(
        row[0], row[1], row[2], row[3], row[4], row[5], row[6], _GENDER[gender] if gender is not None else None,
        row[8], row[9], row[10], None if consent_data is None else bool(consent_data),
        None if consent_photo is None else bool(consent_photo), row[13] is not None, row[14],
    )  # fmt: skip


def count_people(session: Session, query: str = "", cap: int | None = None) -> int:
    """How many people `query` finds. With `cap`, more than `cap` may be given as cap + 1 ("more than cap"): the
    registry window's count per keystroke, which PostgreSQL could not count exactly in time at 1,000,000 people."""
    return people_search.count_matches(session, query, cap)


def people_by_ids(session: Session, ids: list[int]) -> list[PersonDTO]:
    """The people with these ids, in Latvian alphabetical order."""
    out: list[PersonDTO] = []
    for start in range(0, len(ids), 500):
        chunk = ids[start : start + 500]
        out.extend(row_dto(r) for r in session.execute(person_select().where(Person.id.in_(chunk))))
    keys = {p.id: person_keys.sort_key(p.surname, p.given_name) for p in out}
    return sorted(out, key=lambda p: (keys[p.id], p.id))
