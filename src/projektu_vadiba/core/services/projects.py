"""Projects: create, edit, delete (saying first what goes with it), list, read with everything on them."""

from __future__ import annotations

from dataclasses import replace
from datetime import date
from decimal import Decimal

from sqlalchemy import delete, func, select
from sqlalchemy.orm import Session, joinedload, selectinload, undefer

from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.concurrency import check_version, locked, touch
from projektu_vadiba.core.dto import (
    CofinancingDTO,
    CofinancingInput,
    DeadlineDTO,
    DeletionImpact,
    PartnerDTO,
    PartnerInput,
    ProjectDetail,
    ProjectInput,
    ProjectSummary,
    SubmissionInput,
)
from projektu_vadiba.core.errors import NotFoundError, ValidationError
from projektu_vadiba.core.messages import Message
from projektu_vadiba.core.models import (
    Activity,
    Attendance,
    BudgetLine,
    Cofinancing,
    DeadlineKind,
    Event,
    Expense,
    Funder,
    FundingSource,
    Indicator,
    OrganisationKind,
    PartnerRole,
    Payment,
    Project,
    ProjectPartner,
    ProjectStatus,
    ProjectTargetGroup,
    ReportDeadline,
)
from projektu_vadiba.core.services.common import get_or_404
from projektu_vadiba.core.services.deadlines import deadline_dto, project_period, refresh_deadlines
from projektu_vadiba.core.services.money_format import eur
from projektu_vadiba.core.services.organisations import (
    find_or_create_funder,
    find_or_create_organisation,
    find_or_create_programme,
    funder_dto,
    organisation_dto,
    programme_dto,
)
from projektu_vadiba.core.services.own_organisation import check_logo
from projektu_vadiba.core.text import name_key
from projektu_vadiba.core.validation import Problems, check_length, check_money, check_period, check_required


def _validate(session: Session, data: ProjectInput, project_id: int | None) -> ProjectInput:
    p = Problems()
    number = check_required(p, data.number, "number", "label.project_number")
    title = check_required(p, data.title, "title", "label.title")
    funder_name = check_required(p, data.funder_name, "funder_name", "label.funder")
    implementer = check_required(p, data.implementer_name, "implementer_name", "label.implementer")
    check_length(p, number, "number", "label.project_number", 60)
    check_length(p, title, "title", "label.title", 500)
    check_period(p, data.start_date, data.end_date, "end_date")
    publicity = " ".join(data.publicity.split())
    check_length(p, publicity, "publicity", "label.publicity", 1000)
    check_logo(p, data.logo)
    for field, amount in (("total_cost", data.total_cost), ("grant_amount", data.grant_amount)):
        try:
            check_money(amount, field)
        except ValidationError as exc:
            p.items.extend(exc.problems)
    if number and funder_name:
        clash = session.scalars(
            select(Project.id).join(Funder).where(Project.number == number, Funder.name_key == name_key(funder_name))
        ).first()
        if clash is not None and clash != project_id:
            p.coded("number", "project.number_taken", number=number)
    p.raise_if_any()
    return replace(
        data,
        number=number,
        title=title,
        funder_name=funder_name,
        implementer_name=implementer,
        publicity=publicity,
        total_cost=check_money(data.total_cost),
        grant_amount=check_money(data.grant_amount),
    )


def _apply(session: Session, project: Project, data: ProjectInput) -> None:
    funder = find_or_create_funder(session, data.funder_name, data.funder_profile)
    project.funder = funder
    project.programme = (
        find_or_create_programme(session, funder, data.programme_name, data.programme_strand, data.call_year)
        if data.programme_name.strip()
        else None
    )
    project.implementer = find_or_create_organisation(session, data.implementer_name, OrganisationKind.OWN)
    project.number = data.number
    project.title = data.title
    project.status = data.status
    project.start_date = data.start_date
    project.end_date = data.end_date
    project.total_cost = data.total_cost
    project.grant_amount = data.grant_amount
    project.aim = data.aim
    project.retention_until = data.retention_until
    project.publicity = data.publicity
    if project.logo != data.logo:  # deferred: read only to compare, written only when it changed
        project.logo = data.logo
    wanted = [" ".join(g.split()) for g in data.target_groups if g.strip()]
    project.target_groups = [
        next((tg for tg in project.target_groups if tg.name == name), None) or ProjectTargetGroup(name=name)
        for name in dict.fromkeys(wanted)
    ]


def create_project(session: Session, data: ProjectInput) -> ProjectDetail:
    data = _validate(session, data, None)
    project = Project()
    _apply(session, project, data)
    if project.retention_until is None:
        project.retention_until = profiles.retention_until(project.profile_key, data.end_date)
    session.add(project)
    session.flush()
    refresh_deadlines(session, project.id)  # the funder's report deadlines, from its profile
    return get_project(session, project.id)


def update_project(session: Session, project_id: int, data: ProjectInput) -> ProjectDetail:
    project = locked(session, Project, project_id, "term.project")
    check_version(project, "project", data, lambda: project_input(get_project(session, project_id)))
    data = _validate(session, data, project_id)
    previous = project_period(project)
    _apply(session, project, data)
    if session.is_modified(project):  # target groups alone change no column of the row
        touch(project)
    session.flush()
    refresh_deadlines(session, project.id, previous)  # a new end date moves the deadlines counted from it
    return get_project(session, project.id)


def project_input(p: ProjectDetail) -> ProjectInput:
    """The values an edit of the project starts from and its undo restores."""
    return ProjectInput(
        number=p.number,
        title=p.title,
        funder_name=p.funder.name,
        start_date=p.start_date,
        end_date=p.end_date,
        implementer_name=p.implementer.name,
        programme_name=p.programme.name if p.programme else "",
        programme_strand=p.programme.strand if p.programme else "",
        call_year=p.programme.call_year if p.programme else None,
        funder_profile=p.funder.profile_key,
        status=p.status,
        total_cost=p.total_cost,
        grant_amount=p.grant_amount,
        aim=p.aim,
        target_groups=p.target_groups,
        retention_until=p.retention_until,
        publicity=p.publicity,
        logo=p.logo,
        version=p.version,
    )


def deletion_impact(session: Session, project_id: int) -> DeletionImpact:
    def count(model: type[Activity | Event | Indicator | BudgetLine | Expense | Payment]) -> int:
        return session.scalar(select(func.count()).select_from(model).where(model.project_id == project_id)) or 0

    attendances = session.scalar(
        select(func.count()).select_from(Attendance).join(Event).where(Event.project_id == project_id)
    )
    return DeletionImpact(
        activities=count(Activity),
        events=count(Event),
        attendances=attendances or 0,
        indicators=count(Indicator),
        budget_lines=count(BudgetLine),
        expenses=count(Expense),
        payments=count(Payment),
    )


def delete_project(session: Session, project_id: int) -> DeletionImpact:
    """Deletes the project and everything on it; people stay in the registry."""
    impact = deletion_impact(session, project_id)
    project = get_or_404(session, Project, project_id, "Projekts")
    event_ids = select(Event.id).where(Event.project_id == project_id).scalar_subquery()
    # Bulk deletes: a project can hold thousands of attendances; the ORM would load each one.
    session.execute(delete(Attendance).where(Attendance.event_id.in_(event_ids)))
    session.execute(delete(Event).where(Event.project_id == project_id))
    session.delete(project)
    session.flush()
    return impact


def list_projects(session: Session, status: ProjectStatus | None = None) -> list[ProjectSummary]:
    # The tables' columns, not the mapped attributes: a query of plain columns needs no ORM mapping, so the first
    # window (navigator, start page) is painted before SQLAlchemy configures every model (~40 ms).
    p, f = Project.__table__.c, Funder.__table__.c
    stmt = (
        select(p.id, p.number, p.title, p.status, p.start_date, p.end_date, f.name)
        .join_from(Project.__table__, Funder.__table__, f.id == p.funder_id)
        .order_by(p.start_date.desc(), p.number)
    )
    if status is not None:
        stmt = stmt.where(p.status == status)
    return [ProjectSummary(*row) for row in session.execute(stmt)]


def find_project_id(session: Session, number: str, funder_name: str | None = None) -> int:
    stmt = select(Project.id).where(Project.number == number.strip())
    if funder_name:
        stmt = stmt.join(Funder).where(Funder.name_key == name_key(funder_name))
    ids = list(session.scalars(stmt))
    if not ids:
        raise NotFoundError.of("project.number_not_found", number=number)
    if len(ids) > 1:
        raise ValidationError.coded("number", "project.number_ambiguous", number=number)
    return ids[0]


def get_project(session: Session, project_id: int) -> ProjectDetail:
    # The funder, programme, implementer and logo come with the project's row (three lookups and a query fewer).
    project = session.scalars(
        select(Project)
        .where(Project.id == project_id)
        .options(
            joinedload(Project.funder),
            joinedload(Project.programme),
            joinedload(Project.implementer),
            undefer(Project.logo),
            selectinload(Project.partners).selectinload(ProjectPartner.organisation),
            selectinload(Project.cofinancing).selectinload(Cofinancing.organisation),
            selectinload(Project.target_groups),
            selectinload(Project.texts),
            selectinload(Project.deadlines),
        )
    ).first()
    if project is None:
        raise NotFoundError.of("not_found.record", what="term.project", id=project_id)
    return project_detail(project)


def project_detail(project: Project) -> ProjectDetail:
    """The project's details from its mapped object (what it has not loaded yet is loaded on the way)."""
    return ProjectDetail(
        id=project.id,
        number=project.number,
        title=project.title,
        status=project.status,
        start_date=project.start_date,
        end_date=project.end_date,
        funder=funder_dto(project.funder),
        programme=programme_dto(project.programme) if project.programme else None,
        implementer=organisation_dto(project.implementer),
        total_cost=project.total_cost,
        grant_amount=project.grant_amount,
        aim=project.aim,
        retention_until=project.retention_until,
        partners=tuple(
            PartnerDTO(pp.id, organisation_dto(pp.organisation), pp.role, pp.description, pp.version)
            for pp in project.partners
        ),
        cofinancing=tuple(
            CofinancingDTO(c.id, c.source, c.organisation.name if c.organisation else None, c.amount, c.note, c.version)
            for c in project.cofinancing
        ),
        target_groups=tuple(tg.name for tg in project.target_groups),
        deadlines=tuple(deadline_dto(d) for d in sorted(project.deadlines, key=lambda d: (d.due_date, d.id))),
        texts={t.key: t.text for t in project.texts if t.period_start is None},  # the final report's
        warnings=tuple(project_warnings(project)),
        publicity=project.publicity,
        logo=project.logo,
        version=project.version,
    )


def project_warnings(project: Project) -> list[str]:
    """What the project page warns about: number form, grant above cost, the funder's limits (Messages)."""
    out: list[str] = []
    profile = profiles.load_profile(project.profile_key)
    if not profile.number_matches(project.number):
        out.append(Message("project.number_form", number=project.number, example=profile.number_example))
    if project.grant_amount > project.total_cost > 0:
        out.append(Message("project.grant_over_cost"))
    limit = profile.limit_for(project.number)
    if limit is not None:
        for code, values in limit.problems(project.grant_amount, project.start_date, project.end_date):
            if "grant" in values:
                values = {**values, "grant": eur(values["grant"]), "max": eur(values["max"])}
            out.append(Message(code, **values))
    return out


def add_partner(
    session: Session,
    project_id: int,
    organisation_name: str,
    kind: OrganisationKind = OrganisationKind.NGO,
    role: PartnerRole = PartnerRole.PARTNER,
    description: str = "",
) -> PartnerDTO:
    project = get_or_404(session, Project, project_id, "Projekts")
    p = Problems()
    name = check_required(p, organisation_name, "organisation_name", "label.partner")
    p.raise_if_any()
    org = find_or_create_organisation(session, name, kind)
    if any(pp.organisation_id == org.id for pp in project.partners):
        raise ValidationError.coded("organisation_name", "partner.duplicate", name=org.name)
    partner = ProjectPartner(organisation=org, role=role, description=description)
    project.partners.append(partner)
    session.flush()
    return PartnerDTO(partner.id, organisation_dto(org), role, description, partner.version)


def update_partner(
    session: Session,
    partner_id: int,
    organisation_name: str,
    kind: OrganisationKind = OrganisationKind.NGO,
    role: PartnerRole = PartnerRole.PARTNER,
    description: str = "",
    *,
    version: int | None = None,
) -> PartnerDTO:
    """Another organisation, role or description for a partner; the kind chosen is the organisation's kind.
    `version`: the one the form was loaded with (a newer one is a conflict, core/concurrency.py)."""
    partner = locked(session, ProjectPartner, partner_id, "term.partner")
    mine = PartnerInput(organisation_name, kind, role, description, version)
    check_version(partner, "partner", mine, lambda: _partner_input_of(partner))
    p = Problems()
    name = check_required(p, organisation_name, "organisation_name", "label.partner")
    p.raise_if_any()
    org = find_or_create_organisation(session, name, kind)
    if any(pp.organisation_id == org.id and pp.id != partner.id for pp in partner.project.partners):
        raise ValidationError.coded("organisation_name", "partner.duplicate", name=org.name)
    org.kind = kind
    partner.organisation, partner.role, partner.description = org, role, description
    session.flush()
    return PartnerDTO(partner.id, organisation_dto(org), role, description, partner.version)


def partner_input(p: PartnerDTO) -> PartnerInput:
    """The values a partner's form starts from (and an undo restores), with the version they were read at."""
    return PartnerInput(p.organisation.name, p.organisation.kind, p.role, p.description, p.version)


def _partner_input_of(p: ProjectPartner) -> PartnerInput:
    return PartnerInput(p.organisation.name, p.organisation.kind, p.role, p.description, p.version)


def remove_partner(session: Session, partner_id: int) -> None:
    session.delete(get_or_404(session, ProjectPartner, partner_id, "Partneris"))
    session.flush()


def add_cofinancing(
    session: Session,
    project_id: int,
    source: FundingSource,
    amount: Decimal,
    organisation_name: str = "",
    note: str = "",
) -> CofinancingDTO:
    project = get_or_404(session, Project, project_id, "Projekts")
    amount = check_money(amount, "amount")
    kind = OrganisationKind.MUNICIPALITY if source is FundingSource.MUNICIPALITY else OrganisationKind.NGO
    org = find_or_create_organisation(session, organisation_name, kind) if organisation_name.strip() else None
    row = Cofinancing(source=source, amount=amount, organisation=org, note=note)
    project.cofinancing.append(row)
    session.flush()
    return CofinancingDTO(row.id, source, org.name if org else None, amount, note, row.version)


def update_cofinancing(
    session: Session,
    cofinancing_id: int,
    source: FundingSource,
    amount: Decimal,
    organisation_name: str = "",
    note: str = "",
    *,
    version: int | None = None,
) -> CofinancingDTO:
    row = locked(session, Cofinancing, cofinancing_id, "term.cofinancing")
    mine = CofinancingInput(source, amount, organisation_name, note, version)
    check_version(row, "cofinancing", mine, lambda: _cofinancing_input_of(row))
    amount = check_money(amount, "amount")
    kind = OrganisationKind.MUNICIPALITY if source is FundingSource.MUNICIPALITY else OrganisationKind.NGO
    org = find_or_create_organisation(session, organisation_name, kind) if organisation_name.strip() else None
    row.source, row.amount, row.organisation, row.note = source, amount, org, note
    session.flush()
    return CofinancingDTO(row.id, source, org.name if org else None, amount, note, row.version)


def cofinancing_input(c: CofinancingDTO) -> CofinancingInput:
    """The values a co-financing form starts from (and an undo restores), with the version they were read at."""
    return CofinancingInput(c.source, c.amount, c.organisation_name or "", c.note, c.version)


def _cofinancing_input_of(c: Cofinancing) -> CofinancingInput:
    return CofinancingInput(c.source, c.amount, c.organisation.name if c.organisation else "", c.note, c.version)


def remove_cofinancing(session: Session, cofinancing_id: int) -> None:
    session.delete(get_or_404(session, Cofinancing, cofinancing_id, "Līdzfinansējums"))
    session.flush()


def set_text(session: Session, project_id: int, key: str, text: str) -> None:
    """Keeps a text (aim reached, changes, publicity ...) of the project's final report; any key (demo, imports).
    Texts of an interim report: core.services.report_texts."""
    from projektu_vadiba.core.services.report_texts import set_texts

    set_texts(session, project_id, None, {key: text}, known_only=False)


def add_deadline(
    session: Session,
    project_id: int,
    kind: DeadlineKind,
    due_date: date,
    period_start: date | None = None,
    period_end: date | None = None,
    note: str = "",
) -> DeadlineDTO:
    project = get_or_404(session, Project, project_id, "Projekts")
    p = Problems()
    check_period(p, period_start, period_end, "period_end")
    p.raise_if_any()
    # A date from the grant agreement for a report already on the list (same kind and period; without a period,
    # a date after the end means the whole project) replaces the computed date rather than adding a second one.
    period = period_end or (project.end_date if due_date > project.end_date else None)
    same = next(
        (
            d
            for d in project.deadlines
            if period is not None and d.kind == kind and d.period_end == period and d.submitted_on is None
        ),
        None,
    )
    if same is not None:
        same.due_date = due_date
        same.period_start = period_start or same.period_start
        same.note = note or same.note
        session.flush()
        return deadline_dto(same)
    deadline = ReportDeadline(kind=kind, due_date=due_date, period_start=period_start, period_end=period_end, note=note)
    project.deadlines.append(deadline)
    session.flush()
    return deadline_dto(deadline)


def mark_deadline_submitted(
    session: Session, deadline_id: int, submitted: SubmissionInput | date | None
) -> DeadlineDTO:
    """Records (or, with None, clears) the day a report was handed in; a SubmissionInput with the version the list
    showed is a conflict when someone else has ticked or cleared it since."""
    data = submitted if isinstance(submitted, SubmissionInput) else SubmissionInput(submitted)
    deadline = locked(session, ReportDeadline, deadline_id, "term.deadline")
    check_version(deadline, "deadline", data, lambda: SubmissionInput(deadline.submitted_on))
    deadline.submitted_on = data.submitted_on
    session.flush()
    return deadline_dto(deadline)
