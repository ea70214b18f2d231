"""Closed lists of the domain. Values are stored; Latvian labels live in the UI and the funder profiles."""

from __future__ import annotations

from enum import StrEnum


class OrganisationKind(StrEnum):
    OWN = "own"  # the NGO using the app
    NGO = "ngo"
    COMMUNITY = "community"  # iedzīvotāju kopiena, often not a legal entity
    MUNICIPALITY = "municipality"
    FUNDER = "funder"
    PARTNERSHIP = "partnership"  # LEADER local action group
    RESOURCE_CENTRE = "resource_centre"
    COMPANY = "company"
    INSTITUTION = "institution"  # school, library, state institution
    OTHER = "other"


class ProjectStatus(StrEnum):
    PLANNED = "planned"
    RUNNING = "running"
    CLOSED = "closed"


class PartnerRole(StrEnum):
    PARTNER = "partner"
    COFINANCIER = "cofinancier"
    SUPPORTER = "supporter"


class FundingSource(StrEnum):
    GRANT = "grant"
    OWN = "own"
    MUNICIPALITY = "municipality"
    OTHER = "other"


class ActivityStatus(StrEnum):
    PLANNED = "planned"
    IN_PROGRESS = "in_progress"
    DONE = "done"
    CANCELLED = "cancelled"


class EventType(StrEnum):
    SEMINAR = "seminar"
    MEETING = "meeting"
    WORKSHOP = "workshop"
    DISCUSSION = "discussion"
    HIKE = "hike"
    VOLUNTEER_WORK = "volunteer_work"  # talka
    SYMPOSIUM = "symposium"
    STUDY_TRIP = "study_trip"
    CONSULTATION = "consultation"  # incl. mentoring sessions
    CONFERENCE = "conference"
    OTHER = "other"


class AttendanceStatus(StrEnum):
    REGISTERED = "registered"
    ATTENDED = "attended"
    ABSENT = "absent"


class AttendanceRole(StrEnum):
    PARTICIPANT = "participant"
    SPEAKER = "speaker"
    MODERATOR = "moderator"
    MENTOR = "mentor"
    VOLUNTEER = "volunteer"
    ORGANISER = "organiser"


class Gender(StrEnum):
    FEMALE = "female"
    MALE = "male"
    OTHER = "other"


class IndicatorMethod(StrEnum):
    """How an indicator's achieved value is obtained."""

    MANUAL = "manual"
    EVENTS = "events"  # events held (optionally of one type: param = EventType value)
    UNIQUE_PEOPLE = "unique_people"  # distinct people who attended
    ATTENDANCES = "attendances"  # person x event attendances
    ORGANISATIONS = "organisations"  # distinct organisations of attendees (param = OrganisationKind, optional)
    TARGET_GROUP = "target_group"  # distinct attendees of a target group (param = group name)
    MUNICIPALITY = "municipality"  # distinct attendees from a municipality (param = municipality)


class PaymentKind(StrEnum):
    ADVANCE = "advance"
    INTERIM = "interim"
    FINAL = "final"


class DeadlineKind(StrEnum):
    INTERIM_REPORT = "interim_report"
    FINAL_REPORT = "final_report"
    PAYMENT_CLAIM = "payment_claim"
    OTHER = "other"
