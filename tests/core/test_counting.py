"""Who counts: moderators, speakers and other people working at events never count as participants."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime
from decimal import Decimal

import pytest

from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import EventInput, IndicatorInput, PersonInput, ProjectDetail
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import AttendanceRole, AttendanceStatus, IndicatorMethod
from projektu_vadiba.core.services import activities, attendance, indicators, people
from projektu_vadiba.core.services.overview import project_overview
from projektu_vadiba.core.services.people_stats import people_stats
from projektu_vadiba.core.services.report_data import final_report_data

VILLAGES = ("Daugmale", "Baldone", "Ķekava", "Katlakalns", "Valdlauči", "Rāmava")


@pytest.fixture
def six_meetings(db: Database, project: ProjectDetail) -> dict[str, int]:
    """The SIF micro project's six village meetings: 64 residents, 6 of them at two meetings (70 attendances),
    and one moderator who led all six."""
    with db.session() as s:
        events = [
            activities.create_event(
                s, project.id, EventInput(f"Tikšanās {v}", datetime(2023, 5, 2 + i, 18), datetime(2023, 5, 2 + i, 20))
            ).id
            for i, v in enumerate(VILLAGES)
        ]
        residents = [people.create_person(s, PersonInput("Iedzīvotājs", f"Nr{n:02d}")).id for n in range(64)]
        for n, person in enumerate(residents):
            attendance.register(s, events[n % 6], person, AttendanceStatus.ATTENDED)
        for n, person in enumerate(residents[:6]):  # six came again, to the next village's meeting
            attendance.register(s, events[(n + 1) % 6], person, AttendanceStatus.ATTENDED)
        moderator = people.create_person(s, PersonInput("Ilze", "Vadītāja")).id
        for event in events:
            attendance.register(s, event, moderator, AttendanceStatus.ATTENDED, AttendanceRole.MODERATOR)
        ids = {}
        for code, method in (("R1", IndicatorMethod.ATTENDANCES), ("R2", IndicatorMethod.UNIQUE_PEOPLE)):
            planned = IndicatorInput(code, code, Decimal(64), "", method)
            ids[code] = indicators.create_indicator(s, project.id, planned).id
    return ids


def test_the_moderator_of_six_meetings_is_not_counted(
    db: Database, project: ProjectDetail, six_meetings: dict[str, int]
) -> None:
    with db.session() as s:
        achieved = {i.code: i.achieved_value for i in indicators.list_indicators(s, project.id)}
        assert achieved == {"R1": 70, "R2": 64}  # not 76 / 65
        overview = project_overview(s, project.id)
        assert (overview.participant_count, overview.attendance_count) == (64, 70)
        stats = people_stats(s, project.id)
        assert (stats.unique_people, stats.attendances) == (64, 70)
        assert (stats.events, stats.events_with_attendance) == (6, 6)
        activities.create_event(s, project.id, EventInput("Talka", datetime(2023, 6, 1, 10), datetime(2023, 6, 1, 14)))
        later = people_stats(s, project.id)
        assert (later.events, later.events_with_attendance) == (7, 6)  # held, though nobody is marked yet
        assert sum(row.people for row in stats.by_gender) == 64
        events = activities.list_events(s, project.id)
        assert [(e.registered, e.attended, e.staff) for e in events][:2] == [(13, 12, 1), (13, 12, 1)]
        assert sum(e.attended for e in events) == 70
        data = final_report_data(s, project.id)
    assert (data.reach.unique_people, data.reach.attendances, data.reach.staff) == (64, 70, 1)
    assert sum(b.people for b in data.reach.by_gender) == 64
    assert {i.code: i.achieved_value for i in data.indicators} == {"R1": 70, "R2": 64}


def test_the_report_lists_the_staff_apart(db: Database, project: ProjectDetail, six_meetings: dict[str, int]) -> None:
    import io

    from pypdf import PdfReader

    from projektu_vadiba.reports.final_report import ReportOptions, build_report_pdf

    with db.session() as s:
        data = final_report_data(s, project.id)
    pdf = build_report_pdf(data, ReportOptions(draft=True))
    text = " ".join(" ".join(page.extract_text().split()) for page in PdfReader(io.BytesIO(pdf.data)).pages)
    assert "Dažādi dalībnieki (personas) 64" in text
    assert "brīvprātīgie (nav ieskaitīti dalībniekos) 1" in text


def test_a_profile_may_count_more_roles_and_a_wrong_role_is_a_message() -> None:
    sif = profiles.load_profile("sif_nvo_fonds")
    assert sif.counted_roles == (AttendanceRole.PARTICIPANT,)
    wider = replace(sif, raw={**sif.raw, "counted_roles": ["participant", "volunteer"]})
    assert wider.counted_roles == (AttendanceRole.PARTICIPANT, AttendanceRole.VOLUNTEER)
    broken = replace(sif, raw={**sif.raw, "counted_roles": ["dalībnieks"]})
    with pytest.raises(AppError) as err:
        _ = broken.counted_roles
    assert "dalībnieks" in str(err.value)


def test_an_open_events_headcount_counts_in_attendances_never_as_people(
    db: Database, project: ProjectDetail, six_meetings: dict[str, int]
) -> None:
    with db.session() as s:
        fair = EventInput("Ražas svētki", datetime(2023, 9, 9, 10), datetime(2023, 9, 9, 16), unlisted_count=80)
        fair_id = activities.create_event(s, project.id, fair).id
        later = EventInput("Nākamie svētki", datetime(2031, 9, 9, 10), datetime(2031, 9, 9, 16), unlisted_count=500)
        activities.create_event(s, project.id, later)  # not held yet: counts nothing
        achieved = {i.code: i.achieved_value for i in indicators.list_indicators(s, project.id)}
        overview = project_overview(s, project.id)
        stats = people_stats(s, project.id)
        assert activities.get_event(s, fair_id).unlisted == 80
        data = final_report_data(s, project.id)
    assert achieved == {"R1": 150, "R2": 64}
    assert (overview.participant_count, overview.attendance_count) == (64, 150)
    assert (stats.unique_people, stats.attendances) == (64, 150)
    assert stats.by_gender[-1].label == "bez saraksta (tikai skaits)" and stats.by_gender[-1].people == 0
    reach = data.reach
    assert (reach.unique_people, reach.attendances, reach.unlisted) == (64, 150, 80)
    for rows in (reach.by_gender, reach.by_target_group, reach.by_municipality, reach.by_age_group):
        assert sum(b.attendances for b in rows) == 150 and sum(b.people for b in rows) == 64
        assert (rows[-1].label, rows[-1].people, rows[-1].attendances) == ("Bez saraksta (tikai skaits)", 0, 80)
    assert {i.code: i.achieved_value for i in data.indicators} == {"R1": 150, "R2": 64}
