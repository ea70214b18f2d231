"""Small helpers every service module uses."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from projektu_vadiba.core.errors import NotFoundError
from projektu_vadiba.core.models import Base

M = TypeVar("M", bound=Base)
# The record names callers pass, as catalogue terms so "not found" reads in the UI's language.
_TERMS = {
    "Aktivitāte": "term.activity",
    "Budžeta pozīcija": "term.budget_line",
    "Dalības ieraksts": "term.attendance",
    "Izdevumu ieraksts": "term.expense",
    "Līdzfinansējums": "term.cofinancing",
    "Maksājums": "term.payment",
    "Partneris": "term.partner",
    "Pasākums": "term.event",
    "Persona": "term.person",
    "Projekts": "term.project",
    "Rādītājs": "term.indicator",
    "Termiņš": "term.deadline",
}


def get_or_404(session: Session, model: type[M], id_: int, what: str) -> M:
    obj = session.get(model, id_)
    if obj is None:
        raise NotFoundError.of("not_found.record", what=_TERMS.get(what, what), id=id_)
    return obj
