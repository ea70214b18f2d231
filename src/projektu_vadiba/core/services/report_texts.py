"""Report texts kept per report: the final report's (no period) and each interim report's, by its period.

An interim report prints only the texts written for exactly its period; it never borrows the final report's or
another period's (the 2024 interim report printed the 2023 text). Texts kept before texts were per report are the
final report's (migration 0013): an interim report made after it asks for its own."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from datetime import date

from sqlalchemy import ColumnElement, delete, select
from sqlalchemy.orm import Session

from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.errors import AppError, ValidationError
from projektu_vadiba.core.models import DeadlineKind, Project, ProjectText, ReportDeadline
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.services.report_dto import FINAL, INTERIM, ReportPeriod, ReportSection

KEY_LENGTH = 60


@dataclass(frozen=True)
class ReportTexts:
    """The texts of one report of a project, by section key (blank texts are not kept)."""

    project_id: int
    period: ReportPeriod | None  # None: the final report
    texts: dict[str, str] = field(hash=False)


@dataclass(frozen=True)
class TextReport:
    """A report whose texts can be written: the final report, or an interim report of a period that the project's
    interim deadlines name or that already has texts."""

    period: ReportPeriod | None
    filled: int  # texts kept for it
    from_deadline: bool  # an interim report deadline names this period


class TextsConflict(AppError):
    """Someone saved a text of this report after the editor loaded it: nothing was written. `theirs` holds the
    texts as they are now for the keys that differ from what the editor started from ("" where removed)."""

    def __init__(self, theirs: dict[str, str]) -> None:
        super().__init__(code="conflict.texts")
        self.theirs = theirs


def as_period(period: ReportPeriod | tuple[date, date] | None) -> ReportPeriod | None:
    if isinstance(period, tuple):
        period = ReportPeriod(*period)
    if period is not None and period.date_to < period.date_from:
        raise ValidationError.coded("date_to", "report.period_end_before_start")
    return period


def _of_report(project_id: int, period: ReportPeriod | None) -> list[ColumnElement[bool]]:
    if period is None:
        return [ProjectText.project_id == project_id, ProjectText.period_start.is_(None)]
    return [
        ProjectText.project_id == project_id,
        ProjectText.period_start == period.date_from,
        ProjectText.period_end == period.date_to,
    ]


def texts_of(
    session: Session, project_id: int, period: ReportPeriod | tuple[date, date] | None = None
) -> dict[str, str]:
    """The texts of the final report (period None) or of the interim report of exactly `period`."""
    rows = session.execute(select(ProjectText.key, ProjectText.text).where(*_of_report(project_id, as_period(period))))
    return {key: text for key, text in rows}


def get_texts(session: Session, project_id: int, period: ReportPeriod | tuple[date, date] | None = None) -> ReportTexts:
    get_or_404(session, Project, project_id, "Projekts")
    period = as_period(period)
    return ReportTexts(project_id, period, texts_of(session, project_id, period))


def text_sections(
    session: Session, project_id: int, period: ReportPeriod | tuple[date, date] | None = None, lang: str = "lv"
) -> tuple[ReportSection, ...]:
    """The text sections of the report in the project's funder profile, each with the text kept for it."""
    from projektu_vadiba.core.services.report_data import report_sections

    project = get_or_404(session, Project, project_id, "Projekts")
    period = as_period(period)
    profile = profiles.load_profile(project.profile_key)
    kind = INTERIM if period is not None else FINAL
    sections = report_sections(profile, texts_of(session, project_id, period), kind, lang)
    return tuple(s for s in sections if s.source == "text")


def set_texts(
    session: Session,
    project_id: int,
    period: ReportPeriod | tuple[date, date] | None,
    texts: Mapping[str, str],
    *,
    known_only: bool = True,
    expected: Mapping[str, str] | None = None,
) -> ReportTexts:
    """Keeps the given texts of one report (others stay as they are); an empty text removes the key's text.
    `known_only`: every key must be a text section of that report in the project's funder profile.
    `expected`: the texts the editor was loaded with; when a key being saved holds another text by now (someone
    else saved it), TextsConflict and nothing is written."""
    project = get_or_404(session, Project, project_id, "Projekts")
    period = as_period(period)
    for key in texts:
        if not key.strip() or len(key) > KEY_LENGTH:
            raise ValidationError.coded("key", "report_texts.bad_key", key=key, limit=KEY_LENGTH)
    if known_only:
        _check_keys(project, period, texts)
    where = _of_report(project_id, period)
    # Under a row lock on PostgreSQL (the project's): two saves of one report's texts take turns, so the check and
    # the write see the same texts.
    session.get(Project, project_id, with_for_update=True)
    stored = {t.key: t for t in session.scalars(select(ProjectText).where(*where))}
    if expected is not None:
        now = {key: stored[key].text if key in stored else "" for key in texts}
        theirs = {key: text for key, text in now.items() if text != expected.get(key, "") and text != texts[key]}
        if theirs:
            raise TextsConflict(theirs)
    for key, text in texts.items():
        row = stored.get(key)
        if not text:
            if row is not None:
                session.execute(delete(ProjectText).where(ProjectText.id == row.id))
        elif row is None:
            session.add(
                ProjectText(
                    project_id=project_id,
                    key=key,
                    text=text,
                    period_start=period.date_from if period else None,
                    period_end=period.date_to if period else None,
                )
            )
        else:
            row.text = text
    session.flush()
    session.expire(project, ["texts"])
    return ReportTexts(project_id, period, texts_of(session, project_id, period))


def set_text(
    session: Session, project_id: int, period: ReportPeriod | tuple[date, date] | None, key: str, text: str
) -> ReportTexts:
    return set_texts(session, project_id, period, {key: text})


def _check_keys(project: Project, period: ReportPeriod | None, texts: Mapping[str, str]) -> None:
    from projektu_vadiba.core.services.report_data import report_sections

    kind = INTERIM if period is not None else FINAL
    sections = report_sections(profiles.load_profile(project.profile_key), {}, kind)
    known = [s.key for s in sections if s.source == "text"]
    unknown = [key for key in texts if key not in known]
    if unknown and period is not None:
        raise ValidationError.coded("key", "report_texts.unknown_key_interim", key=unknown[0], keys=", ".join(known))
    if unknown:
        raise ValidationError.coded("key", "report_texts.unknown_key", key=unknown[0], keys=", ".join(known))


def text_reports(session: Session, project_id: int) -> tuple[TextReport, ...]:
    """The final report, then every interim period (from the project's interim report deadlines and from texts
    already kept), in the order of the periods."""
    get_or_404(session, Project, project_id, "Projekts")
    deadlines = {
        ReportPeriod(start, end)
        for start, end in session.execute(
            select(ReportDeadline.period_start, ReportDeadline.period_end).where(
                ReportDeadline.project_id == project_id,
                ReportDeadline.kind == DeadlineKind.INTERIM_REPORT,
                ReportDeadline.period_start.is_not(None),
                ReportDeadline.period_end.is_not(None),
            )
        )
        if start is not None and end is not None and end >= start
    }
    filled: dict[ReportPeriod | None, int] = {None: 0}
    rows = session.execute(
        select(ProjectText.period_start, ProjectText.period_end).where(ProjectText.project_id == project_id)
    )
    for start, end in rows:
        period = None if start is None or end is None else ReportPeriod(start, end)
        filled[period] = filled.get(period, 0) + 1
    interim = sorted({p for p in filled if p is not None} | deadlines, key=lambda p: (p.date_from, p.date_to))
    final = TextReport(None, filled[None], False)
    return (final, *(TextReport(p, filled.get(p, 0), p in deadlines) for p in interim))


def period_text(period: ReportPeriod | None) -> str:
    """“01.01.2023–31.12.2023” (Latvian dates), "" for the final report."""
    if period is None:
        return ""
    return f"{period.date_from:%d.%m.%Y}–{period.date_to:%d.%m.%Y}"
