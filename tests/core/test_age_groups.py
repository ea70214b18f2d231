"""One age rule: the report's breakdown and `people stats` give the same bands, from birth years too."""

from __future__ import annotations

from datetime import datetime

import pytest

from projektu_vadiba.core.age_groups import band_of, order_key
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, PersonInput, ProjectDetail
from projektu_vadiba.core.models import AttendanceStatus
from projektu_vadiba.core.services import activities, attendance, people
from projektu_vadiba.core.services.people_stats import people_stats
from projektu_vadiba.core.services.report_data import final_report_data


@pytest.mark.parametrize(
    ("born", "year", "band"),
    [(2010, 2023, "līdz 17"), (2005, 2023, "18–25"), (1998, 2023, "18–25"), (1997, 2023, "26–45"),
     (1977, 2023, "46–64"), (1959, 2023, "46–64"), (1958, 2023, "65+"),
     (None, 2023, ""), (1990, None, ""), (2030, 2023, "")],
)  # fmt: skip
def test_bands_are_the_eea_bands_and_do_not_overlap(born: int | None, year: int | None, band: str) -> None:
    assert band_of(born, year) == band


def test_bands_sort_youngest_first_and_not_given_last() -> None:
    labels = ["65+", "", "18–25", "cits teksts", "līdz 17", "46–64", "26–45"]
    assert sorted(labels, key=order_key) == ["līdz 17", "18–25", "26–45", "46–64", "65+", "cits teksts", ""]


def test_report_and_people_stats_derive_the_same_groups_from_birth_years(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        first = activities.create_event(
            s, project.id, EventInput("Sapulce", datetime(2023, 4, 4, 18), datetime(2023, 4, 4, 20))
        )
        second = activities.create_event(
            s, project.id, EventInput("Talka", datetime(2023, 9, 9, 10), datetime(2023, 9, 9, 14))
        )
        rows = (("Anna", 1950, ""), ("Jānis", 2006, ""), ("Līga", 1980, "pieaugušie"), ("Ēriks", None, ""))
        for given, born, group in rows:
            pid = people.create_person(s, PersonInput(given, "Ozola", birth_year=born, age_group=group)).id
            attendance.register(s, first.id, pid, AttendanceStatus.ATTENDED)
            attendance.register(s, second.id, pid, AttendanceStatus.ATTENDED)
        stats = people_stats(s, project.id)
        reach = final_report_data(s, project.id).reach
    expected = [("līdz 17", 1), ("65+", 1), ("pieaugušie", 1)]
    assert [(r.label, r.people) for r in stats.by_age_group][:3] == expected
    assert [(b.label, b.people) for b in reach.by_age_group] == [*expected, ("Nav norādīts", 1)]
    assert [b.attendances for b in reach.by_age_group] == [2, 2, 2, 2]
