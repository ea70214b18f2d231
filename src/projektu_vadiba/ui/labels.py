"""Latvian labels for the domain's closed lists (the enums store English values; people read these).

Each label goes through QCoreApplication.translate, so Qt Linguist finds it and a .qm can replace it.
The dictionaries are built per call: the translator installed at that moment decides the language.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from projektu_vadiba.core.models.enums import ActivityStatus, EventType, ProjectStatus


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
