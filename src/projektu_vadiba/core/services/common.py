"""Small helpers every service module uses."""

from __future__ import annotations

from typing import TypeVar

from sqlalchemy.orm import Session

from projektu_vadiba.core.errors import NotFoundError
from projektu_vadiba.core.models import Base

M = TypeVar("M", bound=Base)


def get_or_404(session: Session, model: type[M], id_: int, what: str) -> M:
    obj = session.get(model, id_)
    if obj is None:
        raise NotFoundError(f"{what} (nr. {id_}) nav atrasts — iespējams, to jau izdzēsa.")
    return obj
