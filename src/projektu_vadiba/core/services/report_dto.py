"""Frozen data of a final or interim report, section by section, as the PDF (and any other output) needs it."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date

from projektu_vadiba.core.dto import ActivityDTO, EventDTO, IndicatorDTO, ProjectDetail
from projektu_vadiba.core.funders import FunderProfile
from projektu_vadiba.core.services.money_dto import MoneySummary

FINAL = "final"
INTERIM = "interim"
# Keys of the data sections a profile may list; any other key is a text section (a ProjectText key).
DATA_SECTIONS = ("project_data", "activities", "indicators", "target_groups", "financial_summary", "annexes")
BREAKDOWNS = ("target_group", "municipality", "gender", "age_group")


@dataclass(frozen=True)
class ReportPeriod:
    date_from: date
    date_to: date

    def contains(self, day: date) -> bool:
        return self.date_from <= day <= self.date_to


@dataclass(frozen=True)
class ReportPart:
    key: str
    title: str


@dataclass(frozen=True)
class ReportSection:
    key: str
    number: str  # "1", "2" ... in the profile's order; "" when the profile does not number its sections
    title: str
    source: str  # "data" or "text"
    part: str  # a ReportPart key, "" = none
    mandatory: bool  # only text sections are ever mandatory
    hint: str  # what to write (text sections), for the editor in the app
    text: str  # the project's text kept under this key ("" = none; a data section may carry a note too)
    breakdowns: tuple[str, ...] = ()  # target_groups: which BREAKDOWNS to show, in order

    @property
    def heading(self) -> str:
        return f"{self.number}. {self.title}" if self.number else self.title

    @property
    def missing(self) -> bool:
        return self.source == "text" and self.mandatory and not self.text.strip()


@dataclass(frozen=True)
class MissingText:
    key: str
    title: str


@dataclass(frozen=True)
class ActivityReport:
    """An activity (None: events booked on no activity) with its events inside the report's period."""

    activity: ActivityDTO | None
    events: tuple[EventDTO, ...]

    @property
    def registered(self) -> int:
        return sum(e.registered for e in self.events)

    @property
    def attended(self) -> int:
        return sum(e.attended for e in self.events)


@dataclass(frozen=True)
class Breakdown:
    label: str  # "" never: values nobody entered are labelled "Nav norādīts"
    people: int  # unique people who attended
    attendances: int  # person x event
    planned: int | None = None  # a project target group's planned count


@dataclass(frozen=True)
class Reach:
    """Who the project reached (attended only), inside the report's period."""

    unique_people: int
    attendances: int
    registered: int  # every row on the lists, whether they came or not
    organisations: int
    events_with_lists: int
    by_target_group: tuple[Breakdown, ...]
    by_municipality: tuple[Breakdown, ...]
    by_gender: tuple[Breakdown, ...]
    by_age_group: tuple[Breakdown, ...]
    staff: int = 0  # people who worked at the events (moderators, speakers, mentors ...), not counted above
    unlisted: int = 0  # of the attendances: headcounts of people nobody listed (not in unique_people)

    def breakdown(self, key: str) -> tuple[Breakdown, ...]:
        return {
            "target_group": self.by_target_group,
            "municipality": self.by_municipality,
            "gender": self.by_gender,
            "age_group": self.by_age_group,
        }[key]


@dataclass(frozen=True)
class AnnexItem:
    number: int  # Pielikums Nr. 1, 2 ... in date order
    event: EventDTO  # registered / attended are the list's counts


@dataclass(frozen=True)
class DocumentItem:
    """A supporting document filed with the project (an invoice, a contract, a photo, a signed sheet)."""

    number: int
    kind: str  # attachments.KINDS key
    date: date
    name: str  # the file's own name
    description: str
    subject: str  # what it documents: an event's or an expense's title, "" for the project itself


@dataclass(frozen=True)
class ReportData:
    kind: str  # FINAL or INTERIM
    title: str  # the profile's report title
    lang: str
    generated_on: date
    period: ReportPeriod | None  # None = the whole project
    project: ProjectDetail
    profile: FunderProfile
    parts: tuple[ReportPart, ...]
    sections: tuple[ReportSection, ...]
    activities: tuple[ActivityReport, ...]
    indicators: tuple[IndicatorDTO, ...]  # achieved values inside the period (manual ones as entered)
    reach: Reach
    financial: MoneySummary
    annexes: tuple[AnnexItem, ...]
    # Supporting documents, when the profile's annexes section asks for them ("documents": true: LEADER).
    documents: tuple[DocumentItem, ...] = ()

    def section(self, key: str) -> ReportSection:
        return next(s for s in self.sections if s.key == key)

    @property
    def missing_texts(self) -> tuple[MissingText, ...]:
        return tuple(MissingText(s.key, s.title) for s in self.sections if s.missing)
