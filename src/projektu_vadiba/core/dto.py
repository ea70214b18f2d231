"""Plain frozen results the services hand to the UI, the CLI and the reports (never live ORM objects),
and the inputs they take. Inputs hold already-typed values; text parsing lives in `validation`."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from datetime import date, datetime
from decimal import Decimal

from projektu_vadiba.core.fast_init import fast_init
from projektu_vadiba.core.models.enums import (
    ActivityStatus,
    AttendanceRole,
    AttendanceStatus,
    DeadlineKind,
    EventType,
    FundingSource,
    Gender,
    IndicatorMethod,
    OrganisationKind,
    PartnerRole,
    PaymentKind,
    ProjectStatus,
)

# ---- results -------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class OrganisationDTO:
    id: int
    name: str
    kind: OrganisationKind
    reg_number: str | None
    address: str | None
    municipality: str | None


@dataclass(frozen=True)
class FunderDTO:
    id: int
    name: str
    short_name: str | None
    profile_key: str


@dataclass(frozen=True)
class ProgrammeDTO:
    id: int
    funder_id: int
    name: str
    strand: str
    call_year: int | None
    profile_key: str | None


@dataclass(frozen=True)
class ProjectSummary:
    id: int
    number: str
    title: str
    status: ProjectStatus
    start_date: date
    end_date: date
    funder_name: str


@dataclass(frozen=True)
class PartnerDTO:
    id: int
    organisation: OrganisationDTO
    role: PartnerRole
    description: str
    version: int = 0


@dataclass(frozen=True)
class PartnerInput:
    """A partner as its form holds it (the organisation by name: found or made on save)."""

    organisation_name: str
    kind: OrganisationKind = OrganisationKind.NGO
    role: PartnerRole = PartnerRole.PARTNER
    description: str = ""
    version: int | None = None  # the version the form was loaded with; None: save without the check


@dataclass(frozen=True)
class CofinancingDTO:
    id: int
    source: FundingSource
    organisation_name: str | None
    amount: Decimal
    note: str
    version: int = 0


@dataclass(frozen=True)
class CofinancingInput:
    source: FundingSource
    amount: Decimal
    organisation_name: str = ""
    note: str = ""
    version: int | None = None


@dataclass(frozen=True)
class DeadlineDTO:
    id: int
    project_id: int
    kind: DeadlineKind
    due_date: date
    period_start: date | None
    period_end: date | None
    submitted_on: date | None
    note: str
    version: int = 0


@dataclass(frozen=True)
class SubmissionInput:
    """A report deadline's one edit: the day the report was handed in (None: not yet), saved at the version the
    list showed, so two people ticking the same deadline cannot overwrite each other unseen."""

    submitted_on: date | None
    version: int | None = None


@dataclass(frozen=True)
class ProjectDetail:
    id: int
    number: str
    title: str
    status: ProjectStatus
    start_date: date
    end_date: date
    funder: FunderDTO
    programme: ProgrammeDTO | None
    implementer: OrganisationDTO
    total_cost: Decimal
    grant_amount: Decimal
    aim: str
    retention_until: date | None
    partners: tuple[PartnerDTO, ...]
    cofinancing: tuple[CofinancingDTO, ...]
    target_groups: tuple[str, ...]
    deadlines: tuple[DeadlineDTO, ...]
    texts: dict[str, str] = field(hash=False)
    warnings: tuple[str, ...] = ()
    publicity: str = ""  # the project's own publicity sentence ("" = the profile's)
    logo: bytes | None = field(default=None, hash=False, repr=False)  # the project's own funder logo (PNG)
    version: int = 0  # the row's version when read (core/concurrency.py); an edit saves with it

    @property
    def profile_key(self) -> str:
        """The profile the project follows: the programme's when it has one, else the funder's (as
        models.Project.profile_key)."""
        if self.programme is not None and self.programme.profile_key:
            return self.programme.profile_key
        return self.funder.profile_key

    @property
    def cofinancing_total(self) -> Decimal:
        return sum((c.amount for c in self.cofinancing), Decimal("0.00"))


@dataclass(frozen=True)
class ActivityDTO:
    id: int
    project_id: int
    code: str
    title: str
    description: str
    planned_start: date | None
    planned_end: date | None
    status: ActivityStatus
    result: str
    event_count: int = 0
    version: int = 0  # the row's version when read (core/concurrency.py); an edit saves with it


@dataclass(frozen=True)
class EventDTO:
    id: int
    project_id: int
    activity_id: int | None
    activity_code: str | None
    title: str
    type: EventType
    starts_at: datetime
    ends_at: datetime
    place: str
    address: str
    municipality: str
    online: bool
    online_link: str
    planned_participants: int | None
    description: str
    registered: int = 0
    attended: int = 0
    warnings: tuple[str, ...] = ()
    # Reports only, multi-day events: (day, people who came that day); filled by report_data.with_day_counts.
    day_counts: tuple[tuple[date, int], ...] = ()
    staff: int = 0  # came to work there (moderator, speaker ...); `attended` counts participants only
    unlisted: int = 0  # an open event's headcount of people not on the list (attendances, not people)
    version: int = 0


@fast_init  # made for every row of every page of the registry and of each keystroke's search
@dataclass(frozen=True, slots=True)
class PersonDTO:
    id: int
    given_name: str
    surname: str
    organisation_name: str | None
    municipality: str
    email: str
    phone: str
    gender: Gender | None
    birth_year: int | None
    age_group: str
    target_group: str
    consent_data: bool | None
    consent_photo: bool | None
    anonymised: bool
    version: int = 0

    @property
    def full_name(self) -> str:
        return f"{self.given_name} {self.surname}".strip()


@dataclass(frozen=True)
class AttendanceDTO:
    id: int
    event_id: int
    person: PersonDTO
    status: AttendanceStatus
    role: AttendanceRole
    no_photos: bool
    note: str
    days: tuple[date, ...] = ()  # the event's days the person came (all of them for a whole-event tick)


@dataclass(frozen=True)
class IndicatorDTO:
    id: int
    project_id: int
    activity_id: int | None
    code: str
    name: str
    unit: str
    planned_value: Decimal
    method: IndicatorMethod
    method_param: str
    achieved_value: Decimal
    comment: str
    version: int = 0

    @property
    def progress(self) -> float:
        """Share achieved, for progress bars only (never for money)."""
        return float(self.achieved_value / self.planned_value) if self.planned_value else 0.0


@dataclass(frozen=True)
class BudgetLineDTO:
    id: int
    project_id: int
    category_key: str
    code: str
    name: str
    unit: str
    quantity: Decimal
    unit_cost: Decimal
    amounts: dict[FundingSource, Decimal] = field(hash=False)
    spent: Decimal = Decimal("0.00")
    version: int = 0

    @property
    def planned(self) -> Decimal:
        return sum(self.amounts.values(), Decimal("0.00"))


@dataclass(frozen=True)
class ExpenseDTO:
    id: int
    project_id: int
    budget_line_id: int | None
    date: dt.date
    document_number: str
    supplier: str
    description: str
    amount: Decimal
    eligible: bool
    paid_on: dt.date | None
    source: FundingSource
    version: int = 0


@dataclass(frozen=True)
class PaymentDTO:
    id: int
    project_id: int
    kind: PaymentKind
    received_on: date
    amount: Decimal
    note: str
    version: int = 0


@dataclass(frozen=True)
class DeletionImpact:
    """What else goes when something is deleted, so the UI can ask first and say so."""

    activities: int = 0
    events: int = 0
    attendances: int = 0
    indicators: int = 0
    budget_lines: int = 0
    expenses: int = 0
    payments: int = 0


# ---- inputs --------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class ProjectInput:
    number: str
    title: str
    funder_name: str
    start_date: date
    end_date: date
    implementer_name: str
    programme_name: str = ""
    programme_strand: str = ""
    call_year: int | None = None
    funder_profile: str = "generic"
    status: ProjectStatus = ProjectStatus.PLANNED
    total_cost: Decimal = Decimal("0.00")
    grant_amount: Decimal = Decimal("0.00")
    aim: str = ""
    target_groups: tuple[str, ...] = ()
    retention_until: date | None = None
    publicity: str = ""  # the funder's sentence for this project when its profile has none of its own
    logo: bytes | None = field(default=None, hash=False, repr=False)  # the funder's logo for it (PNG)
    version: int | None = None  # the version the form was loaded with; None: save without the check


@dataclass(frozen=True)
class ActivityInput:
    code: str
    title: str
    description: str = ""
    planned_start: date | None = None
    planned_end: date | None = None
    status: ActivityStatus = ActivityStatus.PLANNED
    result: str = ""
    version: int | None = None  # the version the form was loaded with; None: save without the check


@dataclass(frozen=True)
class EventInput:
    title: str
    starts_at: datetime
    ends_at: datetime
    activity_id: int | None = None
    type: EventType = EventType.MEETING
    place: str = ""
    address: str = ""
    municipality: str = ""
    online: bool = False
    online_link: str = ""
    planned_participants: int | None = None
    description: str = ""
    unlisted_count: int = 0  # came without being listed (an open event's headcount)
    version: int | None = None


@fast_init  # made once per row of an import
@dataclass(frozen=True, slots=True)
class PersonInput:
    given_name: str
    surname: str
    organisation_name: str = ""
    municipality: str = ""
    email: str = ""
    phone: str = ""
    gender: Gender | None = None
    birth_year: int | None = None
    age_group: str = ""
    target_group: str = ""
    consent_data: bool | None = None
    consent_photo: bool | None = None
    notes: str = ""
    version: int | None = None


@dataclass(frozen=True)
class IndicatorInput:
    code: str
    name: str
    planned_value: Decimal
    unit: str = ""
    method: IndicatorMethod = IndicatorMethod.MANUAL
    method_param: str = ""
    achieved_manual: Decimal | None = None
    activity_id: int | None = None
    comment: str = ""
    version: int | None = None


@dataclass(frozen=True)
class BudgetLineInput:
    category_key: str
    code: str
    name: str
    amounts: dict[FundingSource, Decimal] = field(hash=False)
    unit: str = ""
    quantity: Decimal = Decimal("1")
    unit_cost: Decimal = Decimal("0.00")
    version: int | None = None


@dataclass(frozen=True)
class ExpenseInput:
    date: dt.date
    amount: Decimal
    budget_line_id: int | None = None
    document_number: str = ""
    supplier: str = ""
    description: str = ""
    eligible: bool = True
    paid_on: dt.date | None = None
    source: FundingSource = FundingSource.GRANT
    version: int | None = None


@dataclass(frozen=True)
class PaymentInput:
    kind: PaymentKind
    received_on: date
    amount: Decimal
    note: str = ""
    version: int | None = None
