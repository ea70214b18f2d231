"""The final (or interim) report's content in the funder profile's structure, as plain blocks (final_blocks): its
title block, its parts ("I. Saturiskā atskaite", "II. Finanšu atskaite") with their numbered sections in the
profile's order, and the signature block. The PDF (final_report) and the DOCX (final_docx) are both made from
this one story, so they say the same in the same order.

Also what both need around it: reading the data in one session, refusing empty mandatory texts outside a draft,
the publicity sentence with its placeholders filled, and the suggested file name."""

from __future__ import annotations

import re
from dataclasses import dataclass, replace
from datetime import date
from typing import Any

from sqlalchemy.orm import Session

from projektu_vadiba.core.dto_sheets import SheetSet, SheetVariant
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.funders import pick
from projektu_vadiba.core.services.report_data import final_report_data, missing_texts_message, report_structure
from projektu_vadiba.core.services.report_dto import INTERIM, MissingText, ReportData, ReportPeriod
from projektu_vadiba.core.text import fold
from projektu_vadiba.reports.final_blocks import Blocks, Form, Gap, Heading, Keep, Para, period
from projektu_vadiba.reports.final_labels import ReportLabels
from projektu_vadiba.reports.final_sections import Context, render_section
from projektu_vadiba.reports.text import fill, format_date


@dataclass(frozen=True)
class ReportOptions:
    draft: bool = False  # allowed with empty mandatory texts; the pages say "MELNRAKSTS"
    with_lists: bool = False  # append the attended-people list of every annex event (PDF only)


@dataclass(frozen=True)
class Story:
    blocks: Blocks
    labels: ReportLabels
    structure: dict[str, Any]
    publicity: str  # the funder's sentence with the project's values filled in ("" = none)


def gather(
    session: Session,
    project_id: int,
    period: ReportPeriod | tuple[date, date] | None = None,
    *,
    with_lists: bool = False,
    lang: str = "lv",
) -> tuple[ReportData, SheetSet | None]:
    """Everything the report needs, read in one session (the file itself is made outside it)."""
    data = final_report_data(session, project_id, period, lang)
    return data, annex_sheets(session, data) if with_lists else None


def annex_sheets(session: Session, data: ReportData) -> SheetSet:
    """The attended-people lists of the report's annex events, in annex order."""
    from projektu_vadiba.core.services.sheets import project_sheets

    every = project_sheets(session, data.project.id, SheetVariant.ATTENDED)
    order = {a.event.id: a.number for a in data.annexes}
    chosen = sorted((sh for sh in every.sheets if sh.event.id in order), key=lambda sh: order[sh.event.id])
    return replace(every, sheets=tuple(chosen))


def check_texts(data: ReportData, draft: bool) -> tuple[MissingText, ...]:
    missing = data.missing_texts
    if missing and not draft:
        raise AppError(missing_texts_message(missing))
    return missing


def suggested_file_name(data: ReportData, suffix: str = ".pdf") -> str:
    """nosleguma-parskats-2023-lv-nvof-mac-041-58.pdf (folded to ASCII); an interim one names its period."""
    kind = "starpposma-parskats" if data.kind == INTERIM else "nosleguma-parskats"
    if suffix == ".xlsx":
        kind = "finansu-parskats"
    name = f"{kind}-{data.project.number}"
    if data.period is not None:
        name += f"-{data.period.date_from:%Y-%m-%d}-{data.period.date_to:%Y-%m-%d}"
    slug = re.sub(r"[^a-z0-9]+", "-", fold(name)).strip("-")[:90].rstrip("-")
    return f"{slug or kind}{suffix}"


def story(data: ReportData, missing: tuple[MissingText, ...], width_mm: float, with_lists: bool) -> Story:
    """The blocks of the report; `missing` (a draft's empty mandatory texts) are named under the title."""
    structure = report_structure(data.profile, data.kind)
    labels = ReportLabels(data.lang, structure.get("labels"))
    ctx = Context(data, labels, width_mm, with_lists)
    blocks = _title_block(ctx, missing) + _body(ctx)
    if structure.get("signatures", True):
        blocks.append(_signatures(ctx))
    publicity = fill(pick(data.profile.publicity, labels.lang), _values(data))
    return Story(blocks, labels, structure, publicity)


def _values(data: ReportData) -> dict[str, str]:
    p = data.project
    return {
        "project_number": p.number,
        "project_title": p.title,
        "funder": p.funder.name,
        "year": str(p.start_date.year),
    }


def _title_block(ctx: Context, missing: tuple[MissingText, ...]) -> Blocks:
    d, lb = ctx.data, ctx.labels
    p = d.project
    funder = p.funder.name + (f" · {lb['programme'].lower()} “{p.programme.name}”" if p.programme else "")
    if d.period is not None:
        when = f"{lb['report_period']}: {period(d.period.date_from, d.period.date_to)}"
    else:
        when = f"{lb['project_period']}: {period(p.start_date, p.end_date)}"
    out: Blocks = [
        Gap(2),
        Para(d.title, "title"),
        Para(f"“{p.title}”", "subtitle"),
        Para(f"{lb['project_number']} {p.number}", "meta"),
        Para(funder, "meta"),
        Para(f"{lb['implementer']}: {p.implementer.name}", "meta"),
        Para(when, "meta"),
        Para(lb["generated"].format(date=format_date(d.generated_on)), "meta"),
        Gap(3),
    ]
    if missing:
        names = ", ".join(f"“{m.title}”" for m in missing)
        out += [Para(lb["draft_note"].format(names=names), "placeholder"), Gap(2)]
    return out


def _body(ctx: Context) -> Blocks:
    d = ctx.data
    parts = {part.key: part.title for part in d.parts}
    out: Blocks = []
    current = ""
    for section in d.sections:
        level = 0
        if section.part in parts:
            if section.part != current:
                current = section.part
                out.append(Heading(parts[current], "part", 0))
            level = 1
        out.append(Heading(section.heading, "section", level))
        out += render_section(ctx, section)
    return out


def _signatures(ctx: Context) -> Keep:
    lb = ctx.labels
    rows = [[lb["manager"], "", lb["signature_date"], ""], [lb["accountant"], "", lb["signature_date"], ""]]
    form = Form(rows, widths=[40, 74, 20, 36], height_mm=11, lines_under=(1, 3), right=(2,))
    return Keep([Heading(lb["signatures"], "section", 0), form, Gap(1), Para(lb["signature_hint"], "muted")])
