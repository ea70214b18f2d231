"""Report texts in the bundle, kept in one place.

`project.texts` is the final report's texts (section key -> text); `project.interim_texts`, written only when there
are any, lists each interim report's texts by its period: `{period_start, period_end, texts}`.
"""

from __future__ import annotations

from datetime import date
from typing import TYPE_CHECKING, Any

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.models import ProjectText

if TYPE_CHECKING:
    from projektu_vadiba.core.bundle.reader import Plan, _Reader


def texts_out(session: Session, project_id: int) -> dict[str, Any]:
    """The project's fields that carry texts: "texts" and, when an interim report has any, "interim_texts"."""
    query = select(ProjectText).where(ProjectText.project_id == project_id).order_by(ProjectText.key)
    final: dict[str, str] = {}
    interim: dict[tuple[date, date], dict[str, str]] = {}
    for t in session.scalars(query):
        if t.period_start is not None and t.period_end is not None:
            interim.setdefault((t.period_start, t.period_end), {})[t.key] = t.text
        else:
            final[t.key] = t.text
    out: dict[str, Any] = {"texts": final}
    if interim:
        out["interim_texts"] = [
            {"period_start": start.isoformat(), "period_end": end.isoformat(), "texts": by_key}
            for (start, end), by_key in sorted(interim.items())
        ]
    return out


def read_texts(project: _Reader, plan: Plan) -> None:
    from projektu_vadiba.core.bundle.reader import Row, _check_period, _check_unique, _problem

    texts = project.mapping("texts")
    for name in texts.names():
        if not name.strip() or len(name) > 60:
            raise _problem("bundle.section_key", texts.at(name))
        plan.texts.append(Row(texts.at(name), {"key": name, "text": texts.text(name, None)}))
    seen: dict[Any, str] = {}
    for item in project.objects("interim_texts"):  # each interim report's texts, by its period
        start, end = item.day("period_start"), item.day("period_end")
        _check_period(item, "period_end", start, end)
        _check_unique(item, "period_start", (start.isoformat(), end.isoformat()), seen)
        by_key = item.mapping("texts")
        for name in by_key.names():
            if not name.strip() or len(name) > 60:
                raise _problem("bundle.section_key", by_key.at(name))
            values = {"key": name, "text": by_key.text(name, None), "period_start": start, "period_end": end}
            plan.texts.append(Row(by_key.at(name), values))
        item.done()


def write_texts(session: Session, plan: Plan, project_id: int) -> None:
    session.add_all(ProjectText(project_id=project_id, **row.values) for row in plan.texts)
