"""The content sections of the report (everything but the money): project data, activities with their events,
indicators planned vs achieved, participants reached with breakdowns, annexes, and the text sections."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal

from projektu_vadiba.core.dto import EventDTO, IndicatorDTO
from projektu_vadiba.core.models.enums import EventType, IndicatorMethod
from projektu_vadiba.core.services.money_dto import ZERO
from projektu_vadiba.core.services.money_summary import percent as ratio
from projektu_vadiba.core.services.money_summary import source_label
from projektu_vadiba.core.services.project_figures import ProjectFigures, figures
from projektu_vadiba.core.services.report_dto import Breakdown, ReportData, ReportSection
from projektu_vadiba.reports import text as rtext
from projektu_vadiba.reports.final_blocks import (
    Blocks,
    Gap,
    Grid,
    Pairs,
    Para,
    amount,
    day,
    money,
    paragraphs,
    percent,
    period,
)
from projektu_vadiba.reports.final_labels import (
    ACTIVITY_STATUS,
    DOCUMENT_KIND,
    EVENT_TYPE,
    INDICATOR_METHOD,
    PARTNER_ROLE,
    ReportLabels,
)

Flowables = Blocks  # the name the PDF code knew these lists by


@dataclass(frozen=True)
class Context:
    data: ReportData
    labels: ReportLabels
    width: float  # content width, mm
    with_lists: bool

    def muted(self, key: str, **values: str) -> Para:
        return Para(self.labels[key].format(**values), "muted")


def render_section(ctx: Context, section: ReportSection) -> Blocks:
    """The section's body (its heading is made by the caller); a data section's note text follows its data."""
    if section.source == "text":
        return text_section(ctx, section)
    render = RENDERERS.get(section.key)
    out = render(ctx, section) if render is not None else []
    if section.text.strip():
        out += paragraphs(section.text, "body")
    elif render is None:
        out.append(ctx.muted("not_given"))
    return out


def text_section(ctx: Context, section: ReportSection) -> Blocks:
    if section.text.strip():
        return paragraphs(section.text, "body")
    if section.missing:  # only a draft gets this far (see final_report.build_report_pdf)
        return [Para(ctx.labels["to_fill"].format(title=section.title), "placeholder")]
    return [ctx.muted("not_given")]


# ---- project data -------------------------------------------------------------------------------------------------


def project_data(ctx: Context, _section: ReportSection) -> Blocks:
    d, lb = ctx.data, ctx.labels
    p = d.project
    implementer = p.implementer.name
    if p.implementer.reg_number:
        implementer += f", {lb['reg_number']} {p.implementer.reg_number}"
    partners = "\n".join(
        f"{x.organisation.name} — {lb.of(PARTNER_ROLE, x.role)}" + (f": {x.description}" if x.description else "")
        for x in p.partners
    )
    fig = _figures(ctx)
    total, grant = fig.total_cost, fig.grant
    rows = [
        (lb["project_number"], p.number),
        (lb["project_title"], p.title),
        (lb["implementer"], implementer),
        (lb["partners"], partners or lb["none"]),
        (lb["funder"], p.funder.name),
    ]
    if p.programme is not None:
        rows.append((lb["programme"], p.programme.name))
        if p.programme.strand:
            rows.append((lb["strand"], p.programme.strand))
    rows.append((lb["project_period"], period(p.start_date, p.end_date)))
    if d.period is not None:
        rows.append((lb["report_period"], period(d.period.date_from, d.period.date_to)))
    share = ratio(grant, total)
    rows += [
        (lb["total_cost"], money(total)),
        (lb["grant"], money(grant) + (f" ({percent(share)})" if share is not None else "")),
        (lb["cofinancing"], _cofinancing(ctx)),
    ]
    if p.aim:
        rows.append((lb["aim"], p.aim))
    if p.target_groups:
        rows.append((lb["target_groups"], ", ".join(p.target_groups)))
    return [Pairs(rows, ctx.width)]


def _figures(ctx: Context) -> ProjectFigures:
    """The project's money figures by the one rule every screen uses (core.services.project_figures)."""
    p, fin = ctx.data.project, ctx.data.financial
    planned = {s.source: s.planned for s in fin.sources}
    return figures(p.total_cost, p.grant_amount, p.cofinancing, planned, fin.grant_spent)


def _cofinancing(ctx: Context) -> str:
    """The co-financing parts: the project's entries; without any, the budget's planned non-grant sources."""
    profile, lang = ctx.data.profile, ctx.labels.lang
    fig = _figures(ctx)
    if not fig.cofinancing_parts:
        return money(ZERO)
    parts = [
        (source_label(profile, c.source, lang) + (f" ({c.organisation_name})" if c.organisation_name else ""), c.amount)
        for c in fig.cofinancing_parts
    ]
    return "\n".join([money(fig.cofinancing), *(f"{name}: {money(value)}" for name, value in parts)])


# ---- activities -----------------------------------------------------------------------------------------------


def activities(ctx: Context, _section: ReportSection) -> Blocks:
    lb = ctx.labels
    if not ctx.data.activities:
        return [ctx.muted("no_activities")]
    overview = Grid([12, 64, 38, 22, 18, 20], [lb["code"], lb["activity"], lb["planned_time"], lb["status"],
                                                lb["events"], lb["attended"]], right=(4, 5))  # fmt: skip
    for report in ctx.data.activities:
        a = report.activity
        if a is None:
            overview.add("", lb["loose_events"], "", "", str(len(report.events)), str(report.attended))
            continue
        overview.add(
            a.code, a.title, period(a.planned_start, a.planned_end), lb.of(ACTIVITY_STATUS, a.status),
            str(len(report.events)), str(report.attended),
        )  # fmt: skip
    out: Blocks = [overview, Gap(2)]
    for report in ctx.data.activities:
        a = report.activity
        # "Aktivitāte 1.2: …", not "1.2. …": a bare number reads as one of the report's own section numbers.
        out.append(Para(f"{lb['activity']} {a.code}: {a.title}" if a else lb["loose_events"], "sub"))
        if a is not None and a.description:
            out.append(Para(a.description, "body"))
        if a is not None and a.result:
            out.append(Para(f"{lb['result']}: {a.result}", "body"))
        out.append(_events(ctx, report.events) if report.events else ctx.muted("no_events"))
    return out


def _events(ctx: Context, events: tuple[EventDTO, ...]) -> Grid:
    lb = ctx.labels
    grid = Grid([8, 20, 62, 48, 18, 18], [lb["nr"], lb["date"], lb["event"], lb["place"], lb["registered"],
                                          lb["attended"]], right=(0, 4, 5))  # fmt: skip
    place_labels = rtext.Labels(lb.lang)
    for n, e in enumerate(events, start=1):
        start, end = e.starts_at.date(), e.ends_at.date()
        when = day(start) if start == end else f"{start:%d.%m.}–{day(end)}"
        title = f"{e.title} ({lb.of(EVENT_TYPE, e.type)})"
        if e.day_counts:  # a multi-day event: people per day under the title; the attended column counts people
            title += "\n" + f"{lb['by_day']}: " + "; ".join(f"{d:%d.%m.} – {n}" for d, n in e.day_counts)
        place = rtext.format_place(e.place, e.address, e.municipality, e.online, e.online_link, place_labels)
        grid.add(str(n), when, title, place, str(e.registered), str(e.attended))
    return grid


# ---- indicators -----------------------------------------------------------------------------------------------


def indicators(ctx: Context, _section: ReportSection) -> Blocks:
    lb = ctx.labels
    if not ctx.data.indicators:
        return [ctx.muted("no_indicators")]
    codes = {r.activity.id: r.activity.code for r in ctx.data.activities if r.activity is not None}
    grid = Grid([12, 50, 22, 22, 16, 52], [lb["code"], lb["indicator"], lb["planned"], lb["achieved"],
                                           lb["fulfilment"], lb["method_comment"]], right=(2, 3, 4))  # fmt: skip
    for ind in ctx.data.indicators:
        unit = f" {ind.unit}" if ind.unit else ""
        done = ratio(ind.achieved_value, ind.planned_value)
        grid.add(
            ind.code, ind.name, f"{amount(ind.planned_value)}{unit}", f"{amount(ind.achieved_value)}{unit}",
            percent(done), _method(ctx, ind, codes),
        )  # fmt: skip
    return [grid]


def _method(ctx: Context, ind: IndicatorDTO, codes: dict[int, str]) -> str:
    lb = ctx.labels
    text = lb.of(INDICATOR_METHOD, ind.method)
    if ind.method_param:
        param = ind.method_param
        if ind.method is IndicatorMethod.EVENTS and param in EventType.__members__.values():
            param = lb.of(EVENT_TYPE, EventType(param))
        text += f" ({param})"
    code = codes.get(ind.activity_id) if ind.activity_id is not None else None
    if code is not None and ind.method is not IndicatorMethod.MANUAL:
        text += ", " + lb["in_activity"].format(code=code)
    return f"{text}\n{ind.comment}" if ind.comment else text


# ---- participants reached -----------------------------------------------------------------------------------------

BREAKDOWN_TITLES = {
    "target_group": "by_target_group",
    "municipality": "by_municipality",
    "gender": "by_gender",
    "age_group": "by_age_group",
}


def target_groups(ctx: Context, section: ReportSection) -> Blocks:
    lb, r = ctx.labels, ctx.data.reach
    summary = [
        (lb["unique_people"], str(r.unique_people)),
        (lb["attendances"], str(r.attendances)),
        (lb["registered_rows"], str(r.registered)),
        (lb["organisations"], str(r.organisations)),
        (lb["events_with_lists"], str(r.events_with_lists)),
    ]
    if r.unlisted:
        summary.insert(2, (lb["unlisted"], str(r.unlisted)))
    if r.staff:
        summary.append((lb["staff_people"], str(r.staff)))
    out: Blocks = [Pairs(summary, 110, label_mm=80)]
    if not r.unique_people:
        out.append(ctx.muted("nobody"))
    for key in section.breakdowns:
        rows = r.breakdown(key)
        if rows:
            out += [Para(lb[BREAKDOWN_TITLES[key]], "sub"), _breakdown(ctx, rows, r.unique_people)]
    out += [Gap(1), ctx.muted("reach_note")]
    return out


def _breakdown(ctx: Context, rows: tuple[Breakdown, ...], people: int) -> Grid:
    lb = ctx.labels
    planned = any(b.planned is not None for b in rows)
    head = [lb["group"], *([lb["planned"]] if planned else []), lb["people"], lb["share"], lb["attendances"]]
    widths = [94, 20, 20, 20, 20] if planned else [94, 26, 26, 28]
    grid = Grid(widths, head, right=tuple(range(1, len(head))))
    for b in rows:
        share = percent(ratio(Decimal(b.people), Decimal(people)))
        planned_cell = [str(b.planned) if b.planned is not None else ""] if planned else []
        grid.add(b.label, *planned_cell, str(b.people), share, str(b.attendances))
    return grid


# ---- annexes ------------------------------------------------------------------------------------------------------


def annexes(ctx: Context, _section: ReportSection) -> Blocks:
    lb = ctx.labels
    if not ctx.data.annexes:
        return [ctx.muted("no_annexes")]
    grid = Grid([18, 70, 22, 46, 18], [lb["annex_no"], lb["event"], lb["date"], lb["place"], lb["attended"]],
                right=(0, 4))  # fmt: skip
    place_labels = rtext.Labels(lb.lang)
    for item in ctx.data.annexes:
        e = item.event
        place = rtext.format_place(e.place, e.address, e.municipality, e.online, e.online_link, place_labels)
        grid.add(f"{item.number}.", e.title, day(e.starts_at.date()), place, str(e.attended))
    out: Blocks = [grid]
    if ctx.with_lists:
        out.append(ctx.muted("lists_appended"))
    if _wants_documents(ctx):
        out += [Para(lb["documents"], "sub"), *_documents(ctx)]
    return out


def _wants_documents(ctx: Context) -> bool:
    structure = ctx.data.profile.raw.get(f"{ctx.data.kind}_report") or {}
    return any(s.get("key") == "annexes" and s.get("documents") is True for s in structure.get("sections", []))


def _documents(ctx: Context) -> Blocks:
    """The supporting documents the annex promises (LEADER): every file filed with the project in the period."""
    lb = ctx.labels
    if not ctx.data.documents:
        return [ctx.muted("no_documents")]
    grid = Grid([10, 20, 30, 62, 52], [lb["nr"], lb["date"], lb["document_kind"], lb["document_file"],
                                       lb["document_subject"]], right=(0,))  # fmt: skip
    for d in ctx.data.documents:
        name = f"{d.name}; {d.description}" if d.description else d.name
        grid.add(f"{d.number}.", day(d.date), lb.of(DOCUMENT_KIND, d.kind), name, d.subject)
    return [grid]


def _financial(ctx: Context, section: ReportSection) -> Blocks:
    from projektu_vadiba.reports.final_money import financial_summary

    return financial_summary(ctx, section)


def _ledger(ctx: Context, section: ReportSection) -> Blocks:
    from projektu_vadiba.reports.final_money import ledger

    return ledger(ctx, section)


RENDERERS: dict[str, Callable[[Context, ReportSection], Blocks]] = {
    "project_data": project_data,
    "activities": activities,
    "indicators": indicators,
    "target_groups": target_groups,
    "financial_summary": _financial,
    "ledger": _ledger,
    "annexes": annexes,
}
