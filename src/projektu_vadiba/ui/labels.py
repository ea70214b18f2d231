"""Latvian labels for the domain's closed lists (the enums store English values; people read these).

Each label goes through QCoreApplication.translate, so Qt Linguist finds it and a .qm can replace it.
The dictionaries are built per call: the translator installed at that moment decides the language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from projektu_vadiba.core.models.enums import (
    ActivityStatus,
    AttendanceRole,
    AttendanceStatus,
    DeadlineKind,
    EventType,
    FundingSource,
    IndicatorMethod,
    OrganisationKind,
    PartnerRole,
    ProjectStatus,
)


def project_status_label(status: ProjectStatus) -> str:
    labels = {
        ProjectStatus.PLANNED: QCoreApplication.translate("labels", "Plānots"),
        ProjectStatus.RUNNING: QCoreApplication.translate("labels", "Notiek"),
        ProjectStatus.CLOSED: QCoreApplication.translate("labels", "Noslēgts"),
    }
    return labels.get(status, str(status))


def activity_status_label(status: ActivityStatus) -> str:
    labels = {
        ActivityStatus.PLANNED: QCoreApplication.translate("labels", "Plānota"),
        ActivityStatus.IN_PROGRESS: QCoreApplication.translate("labels", "Notiek"),
        ActivityStatus.DONE: QCoreApplication.translate("labels", "Pabeigta"),
        ActivityStatus.CANCELLED: QCoreApplication.translate("labels", "Atcelta"),
    }
    return labels.get(status, str(status))


def event_type_label(kind: EventType) -> str:
    labels = {
        EventType.SEMINAR: QCoreApplication.translate("labels", "Seminārs"),
        EventType.MEETING: QCoreApplication.translate("labels", "Tikšanās"),
        EventType.WORKSHOP: QCoreApplication.translate("labels", "Darbnīca"),
        EventType.DISCUSSION: QCoreApplication.translate("labels", "Diskusija"),
        EventType.HIKE: QCoreApplication.translate("labels", "Pārgājiens"),
        EventType.VOLUNTEER_WORK: QCoreApplication.translate("labels", "Talka"),
        EventType.SYMPOSIUM: QCoreApplication.translate("labels", "Simpozijs"),
        EventType.STUDY_TRIP: QCoreApplication.translate("labels", "Pieredzes brauciens"),
        EventType.CONSULTATION: QCoreApplication.translate("labels", "Konsultācija"),
        EventType.CONFERENCE: QCoreApplication.translate("labels", "Konference"),
        EventType.OTHER: QCoreApplication.translate("labels", "Cits"),
    }
    return labels.get(kind, str(kind))


def indicator_method_label(method: IndicatorMethod) -> str:
    labels = {
        IndicatorMethod.MANUAL: QCoreApplication.translate("labels", "Ievada ar roku"),
        IndicatorMethod.EVENTS: QCoreApplication.translate("labels", "Notikušo pasākumu skaits"),
        IndicatorMethod.UNIQUE_PEOPLE: QCoreApplication.translate("labels", "Dažādu dalībnieku skaits"),
        IndicatorMethod.ATTENDANCES: QCoreApplication.translate("labels", "Dalības reižu skaits"),
        IndicatorMethod.ORGANISATIONS: QCoreApplication.translate("labels", "Iesaistīto organizāciju skaits"),
        IndicatorMethod.TARGET_GROUP: QCoreApplication.translate("labels", "Mērķa grupas dalībnieku skaits"),
        IndicatorMethod.MUNICIPALITY: QCoreApplication.translate("labels", "Dalībnieku skaits no pašvaldības"),
    }
    return labels.get(method, str(method))


def deadline_kind_label(kind: DeadlineKind) -> str:
    labels = {
        DeadlineKind.INTERIM_REPORT: QCoreApplication.translate("labels", "Starpposma pārskats"),
        DeadlineKind.FINAL_REPORT: QCoreApplication.translate("labels", "Noslēguma pārskats"),
        DeadlineKind.PAYMENT_CLAIM: QCoreApplication.translate("labels", "Maksājuma pieprasījums"),
        DeadlineKind.OTHER: QCoreApplication.translate("labels", "Cits termiņš"),
    }
    return labels.get(kind, str(kind))


def partner_role_label(role: PartnerRole) -> str:
    labels = {
        PartnerRole.PARTNER: QCoreApplication.translate("labels", "Sadarbības partneris"),
        PartnerRole.COFINANCIER: QCoreApplication.translate("labels", "Līdzfinansētājs"),
        PartnerRole.SUPPORTER: QCoreApplication.translate("labels", "Atbalstītājs"),
    }
    return labels.get(role, str(role))


def funding_source_label(source: FundingSource) -> str:
    labels = {
        FundingSource.GRANT: QCoreApplication.translate("labels", "Finansētāja finansējums"),
        FundingSource.OWN: QCoreApplication.translate("labels", "Pašu līdzfinansējums"),
        FundingSource.MUNICIPALITY: QCoreApplication.translate("labels", "Pašvaldības līdzfinansējums"),
        FundingSource.OTHER: QCoreApplication.translate("labels", "Cits finansējums"),
    }
    return labels.get(source, str(source))


def organisation_kind_label(kind: OrganisationKind) -> str:
    labels = {
        OrganisationKind.OWN: QCoreApplication.translate("labels", "Mūsu organizācija"),
        OrganisationKind.NGO: QCoreApplication.translate("labels", "Biedrība vai nodibinājums"),
        OrganisationKind.COMMUNITY: QCoreApplication.translate("labels", "Iedzīvotāju kopiena"),
        OrganisationKind.MUNICIPALITY: QCoreApplication.translate("labels", "Pašvaldība"),
        OrganisationKind.FUNDER: QCoreApplication.translate("labels", "Finansētājs"),
        OrganisationKind.PARTNERSHIP: QCoreApplication.translate("labels", "Vietējā rīcības grupa"),
        OrganisationKind.RESOURCE_CENTRE: QCoreApplication.translate("labels", "Kopienu resursu centrs"),
        OrganisationKind.COMPANY: QCoreApplication.translate("labels", "Uzņēmums"),
        OrganisationKind.INSTITUTION: QCoreApplication.translate("labels", "Iestāde"),
        OrganisationKind.OTHER: QCoreApplication.translate("labels", "Cita"),
    }
    return labels.get(kind, str(kind))


def attendance_status_label(status: AttendanceStatus) -> str:
    labels = {
        AttendanceStatus.REGISTERED: QCoreApplication.translate("labels", "Reģistrējies"),
        AttendanceStatus.ATTENDED: QCoreApplication.translate("labels", "Piedalījās"),
        AttendanceStatus.ABSENT: QCoreApplication.translate("labels", "Nepiedalījās"),
    }
    return labels.get(status, str(status))


def attendance_role_label(role: AttendanceRole) -> str:
    labels = {
        AttendanceRole.PARTICIPANT: QCoreApplication.translate("labels", "Dalībnieks"),
        AttendanceRole.SPEAKER: QCoreApplication.translate("labels", "Lektors"),
        AttendanceRole.MODERATOR: QCoreApplication.translate("labels", "Moderators"),
        AttendanceRole.MENTOR: QCoreApplication.translate("labels", "Mentors"),
        AttendanceRole.VOLUNTEER: QCoreApplication.translate("labels", "Brīvprātīgais"),
        AttendanceRole.ORGANISER: QCoreApplication.translate("labels", "Organizators"),
    }
    return labels.get(role, str(role))


def project_group_label(status: ProjectStatus) -> str:
    """Headings of the project tree: the projects of one status."""
    labels = {
        ProjectStatus.PLANNED: QCoreApplication.translate("labels", "Plānotie"),
        ProjectStatus.RUNNING: QCoreApplication.translate("labels", "Notiekošie"),
        ProjectStatus.CLOSED: QCoreApplication.translate("labels", "Noslēgtie"),
    }
    return labels.get(status, str(status))
