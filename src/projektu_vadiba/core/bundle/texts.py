"""Report texts in the bundle, kept in one place: `project.texts` is section key -> text.

When texts are kept per report (the final report and each interim period), only these three functions change.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.models import ProjectText

if TYPE_CHECKING:
    from projektu_vadiba.core.bundle.reader import Plan, _Reader


def texts_out(session: Session, project_id: int) -> dict[str, Any]:
    query = select(ProjectText).where(ProjectText.project_id == project_id).order_by(ProjectText.key)
    return {t.key: t.text for t in session.scalars(query)}


def read_texts(project: _Reader, plan: Plan) -> None:
    from projektu_vadiba.core.bundle.reader import Row, _problem

    texts = project.mapping("texts")
    for name in texts.names():
        if not name.strip() or len(name) > 60:
            raise _problem("bundle.section_key", texts.at(name))
        plan.texts.append(Row(texts.at(name), {"key": name, "text": texts.text(name, None)}))


def write_texts(session: Session, plan: Plan, project_id: int) -> None:
    session.add_all(ProjectText(project_id=project_id, **row.values) for row in plan.texts)
