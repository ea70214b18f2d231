""" "Link to existing" keeps what the file says: the existing person's EMPTY fields are filled from the file's row;
a value the registry already has is never overwritten. What was filled is returned so that an undo can empty it
again."""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.models import OrganisationKind, Person
from projektu_vadiba.core.services.organisations import find_or_create_organisation
from projektu_vadiba.core.services.people import log_personal_data, set_keys

# Text fields of PersonInput whose stripped value is copied as it is; the other fillable ones are handled below.
_TEXT = ("municipality", "email", "phone", "age_group", "target_group", "notes")
_VALUES = ("gender", "birth_year", "consent_data", "consent_photo")


@dataclass(frozen=True)
class Filled:
    person_id: int
    fields: tuple[str, ...]  # model attribute names that were empty and got the file's value


def _empty(value: object) -> bool:
    return value is None or value == ""


def _value(data: PersonInput, name: str) -> object:
    value = getattr(data, name)
    return " ".join(value.split()) if isinstance(value, str) else value


def fill_empty(session: Session, targets: list[tuple[int, PersonInput]]) -> list[Filled]:
    """(person id, the file's row for them) in file order: the first row that has a value fills the field."""
    ids = sorted({pid for pid, _ in targets})
    # Plain columns first: of 1,000 linked rows usually few bring anything new; only those become ORM objects.
    columns = ("organisation_name", *_TEXT, *_VALUES)
    cols = (Person.id, Person.anonymised_at, Person.organisation_id, *(getattr(Person, n) for n in _TEXT + _VALUES))
    stored: dict[int, tuple[object, ...]] = {}
    for start in range(0, len(ids), 500):
        for row in session.execute(select(*cols).where(Person.id.in_(ids[start : start + 500]))):
            if row[1] is None:  # an anonymised record must not get personal data back
                stored[row[0]] = tuple(row[2:])
    wanted = sorted(
        {
            pid
            for pid, data in targets
            if pid in stored
            and any(_empty(old) and not _empty(_value(data, n)) for n, old in zip(columns, stored[pid], strict=True))
        }
    )
    people: dict[int, Person] = {}
    for start in range(0, len(wanted), 500):
        chunk = wanted[start : start + 500]
        people.update({p.id: p for p in session.scalars(select(Person).where(Person.id.in_(chunk)))})
    touched: dict[int, list[str]] = {}
    for pid, data in targets:
        person = people.get(pid)
        if person is None:
            continue
        got = touched.setdefault(pid, [])
        for name in _TEXT:
            value = _value(data, name) if name != "notes" else data.notes.strip()
            if value and _empty(getattr(person, name)):
                setattr(person, name, value)
                got.append(name)
        for name in _VALUES:
            value = getattr(data, name)
            if value is not None and getattr(person, name) is None:
                setattr(person, name, value)
                got.append(name)
        org = str(_value(data, "organisation_name"))
        if org and person.organisation_id is None:
            person.organisation = find_or_create_organisation(session, org, OrganisationKind.NGO)
            got.append("organisation_id")
    out = []
    for pid, names in touched.items():
        if not names:
            continue
        person = people[pid]
        set_keys(person, person.organisation.name if person.organisation else "")
        log_personal_data(session, pid, "updated", names)
        out.append(Filled(pid, tuple(names)))
    session.flush()
    return out


def empty_again(session: Session, filled: tuple[Filled, ...]) -> None:
    """Undo of `fill_empty`: the filled fields become empty again (the people that are still there)."""
    for f in filled:
        person = session.get(Person, f.person_id)
        if person is None:
            continue
        for name in f.fields:
            if name == "organisation_id":
                person.organisation = None
            else:
                setattr(person, name, "" if name in _TEXT else None)
        set_keys(person, person.organisation.name if person.organisation else "")
        log_personal_data(session, f.person_id, "updated", list(f.fields))
    session.flush()
