"""Read-only lists of people: an event's attendance list and a project's participants. The people registry
(ui/people) brings the editable ones; these show what is there until it is plugged in (ui/hooks.py)."""

from __future__ import annotations

from dataclasses import dataclass

from PySide6.QtCore import QCoreApplication, QObject

from projektu_vadiba.core.dto import AttendanceDTO, PersonDTO
from projektu_vadiba.ui.labels import attendance_role_label, attendance_status_label
from projektu_vadiba.ui.models.rows_table import RIGHT, Column, RowsTableModel


@dataclass(frozen=True)
class ParticipantRow:
    """A person who is on at least one of the project's event lists."""

    person: PersonDTO
    events: int  # on how many of the project's lists
    attended: int  # how many of them they came to

    @property
    def id(self) -> int:
        return self.person.id


def attendance_model(parent: QObject | None = None) -> RowsTableModel[AttendanceDTO]:
    return RowsTableModel[AttendanceDTO](
        [
            Column(QCoreApplication.translate("AttendanceTables", "Uzvārds"), lambda a: a.person.surname),
            Column(QCoreApplication.translate("AttendanceTables", "Vārds"), lambda a: a.person.given_name),
            Column(
                QCoreApplication.translate("AttendanceTables", "Organizācija"),
                lambda a: a.person.organisation_name or "",
                tooltip=True,
            ),
            Column(QCoreApplication.translate("AttendanceTables", "Pašvaldība"), lambda a: a.person.municipality),
            Column(
                QCoreApplication.translate("AttendanceTables", "Statuss"), lambda a: attendance_status_label(a.status)
            ),
            Column(QCoreApplication.translate("AttendanceTables", "Loma"), lambda a: attendance_role_label(a.role)),
            Column(
                QCoreApplication.translate("AttendanceTables", "Nefotografēt"), lambda a: "✓" if a.no_photos else ""
            ),
        ],
        parent,
    )


def participants_model(parent: QObject | None = None) -> RowsTableModel[ParticipantRow]:
    return RowsTableModel[ParticipantRow](
        [
            Column(QCoreApplication.translate("AttendanceTables", "Uzvārds"), lambda p: p.person.surname),
            Column(QCoreApplication.translate("AttendanceTables", "Vārds"), lambda p: p.person.given_name),
            Column(
                QCoreApplication.translate("AttendanceTables", "Organizācija"),
                lambda p: p.person.organisation_name or "",
                tooltip=True,
            ),
            Column(QCoreApplication.translate("AttendanceTables", "Pašvaldība"), lambda p: p.person.municipality),
            Column(QCoreApplication.translate("AttendanceTables", "Mērķa grupa"), lambda p: p.person.target_group),
            Column(
                QCoreApplication.translate("AttendanceTables", "Pasākumos"),
                lambda p: str(p.attended),
                lambda p: p.attended,
                RIGHT,
            ),
        ],
        parent,
    )
