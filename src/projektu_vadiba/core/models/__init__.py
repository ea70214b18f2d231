"""SQLAlchemy models of the whole product; importing this package registers every table on Base.metadata."""

from projektu_vadiba.core.models.activities import Activity, Event
from projektu_vadiba.core.models.base import Base
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
from projektu_vadiba.core.models.evidence import AppMeta, Attachment, PrintPage, PrintRow, ScanApply, SheetPrint
from projektu_vadiba.core.models.finance import BudgetAmount, BudgetLine, Expense, Payment
from projektu_vadiba.core.models.indicators import Indicator
from projektu_vadiba.core.models.organisations import Funder, Organisation, Programme
from projektu_vadiba.core.models.people import Attendance, Person, PersonalDataLog
from projektu_vadiba.core.models.projects import (
    Cofinancing,
    Project,
    ProjectPartner,
    ProjectTargetGroup,
    ProjectText,
    ReportDeadline,
)
from projektu_vadiba.core.models.team import AuditEntry, TeamMember, TeamUser

__all__ = [
    "Activity",
    "ActivityStatus",
    "AppMeta",
    "Attachment",
    "Attendance",
    "AttendanceRole",
    "AttendanceStatus",
    "AuditEntry",
    "Base",
    "BudgetAmount",
    "BudgetLine",
    "Cofinancing",
    "DeadlineKind",
    "Event",
    "EventType",
    "Expense",
    "Funder",
    "FundingSource",
    "Gender",
    "Indicator",
    "IndicatorMethod",
    "Organisation",
    "OrganisationKind",
    "PartnerRole",
    "Payment",
    "PaymentKind",
    "Person",
    "PersonalDataLog",
    "PrintPage",
    "PrintRow",
    "Programme",
    "Project",
    "ProjectPartner",
    "ProjectStatus",
    "ProjectTargetGroup",
    "ProjectText",
    "ReportDeadline",
    "ScanApply",
    "SheetPrint",
    "TeamMember",
    "TeamUser",
]
