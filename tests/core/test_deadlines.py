"""Report deadlines from the funder's rules: computed on create, moved with the end date, and the "due soon" list."""

from __future__ import annotations

from datetime import date, datetime

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import ProjectDetail
from projektu_vadiba.core.models import DeadlineKind, ProjectStatus
from projektu_vadiba.core.services import deadlines, projects
from projektu_vadiba.core.services.deadlines import PlannedDeadline, schedule
from tests.core.factories import project_input

FINAL, INTERIM, CLAIM = DeadlineKind.FINAL_REPORT, DeadlineKind.INTERIM_REPORT, DeadlineKind.PAYMENT_CLAIM


def _dates(detail: ProjectDetail) -> list[tuple[DeadlineKind, date, date | None]]:
    return [(d.kind, d.due_date, d.period_end) for d in detail.deadlines]


def test_sif_final_report_is_due_20_working_days_after_the_end() -> None:
    # 31.12.2023 is a Sunday and 01.01.2024 a holiday: 20 working days from Tuesday 02.01.2024 end on 29.01.2024.
    assert schedule("sif_nvo_fonds", date(2023, 3, 1), date(2023, 12, 31)) == [
        PlannedDeadline(FINAL, date(2023, 3, 1), date(2023, 12, 31), date(2024, 1, 29))
    ]


def test_a_longer_eea_project_has_an_interim_report_for_each_year() -> None:
    got = schedule("eea_active_citizens", date(2024, 1, 1), date(2026, 3, 31))
    assert got == [
        PlannedDeadline(INTERIM, date(2024, 1, 1), date(2024, 12, 31), date(2025, 1, 30)),
        PlannedDeadline(INTERIM, date(2025, 1, 1), date(2025, 12, 31), date(2026, 1, 30)),
        PlannedDeadline(FINAL, date(2024, 1, 1), date(2026, 3, 31), date(2026, 4, 30)),
    ]
    # Exactly one year long: the year's report is the final one, no interim.
    assert [p.kind for p in schedule("eea_active_citizens", date(2024, 1, 1), date(2024, 12, 31))] == [FINAL]


def test_creating_a_project_adds_its_funders_deadlines(db: Database, project: ProjectDetail) -> None:
    assert _dates(project) == [(FINAL, date(2024, 1, 29), date(2023, 12, 31))]
    assert project.deadlines[0].period_start == date(2023, 3, 1)
    with db.session() as s:
        lad = projects.create_project(
            s,
            project_input(
                number="23-00-U31523.0-000003",
                funder_name="Lauku atbalsta dienests",
                funder_profile="lad_leader",
                programme_name="",
                end_date=date(2024, 1, 31),
            ),
        )
    assert _dates(lad) == [(CLAIM, date(2024, 2, 29), date(2024, 1, 31))]


def test_a_new_end_date_moves_the_computed_deadlines_only(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        hand = projects.add_deadline(s, project.id, INTERIM, date(2023, 7, 15), date(2023, 3, 1), date(2023, 6, 30))
        # Editing the title alone changes nothing.
        projects.update_project(s, project.id, project_input(title="Cits nosaukums"))
        assert len(projects.get_project(s, project.id).deadlines) == 2
        moved = projects.update_project(s, project.id, project_input(end_date=date(2024, 2, 29)))
    assert _dates(moved) == [
        (INTERIM, date(2023, 7, 15), date(2023, 6, 30)),
        (FINAL, date(2024, 3, 28), date(2024, 2, 29)),
    ]
    assert moved.deadlines[0].id == hand.id


def test_a_submitted_report_stays_when_the_end_moves(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        projects.mark_deadline_submitted(s, project.deadlines[0].id, date(2024, 1, 20))
        moved = projects.update_project(s, project.id, project_input(end_date=date(2024, 2, 29)))
    assert [(d.due_date, d.submitted_on) for d in moved.deadlines] == [
        (date(2024, 1, 29), date(2024, 1, 20)),
        (date(2024, 3, 28), None),
    ]


def test_changing_the_funder_replaces_its_rules(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        moved = projects.update_project(
            s,
            project.id,
            project_input(
                number="23-00-U31523.0-000003", funder_name="Lauku atbalsta dienests", funder_profile="lad_leader"
            ),
        )
    assert _dates(moved) == [(CLAIM, date(2024, 1, 31), date(2023, 12, 31))]


def test_a_date_from_the_agreement_replaces_the_computed_one(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        projects.add_deadline(s, project.id, FINAL, date(2024, 1, 31), note="Līgumā noteiktais datums.")
        got = projects.get_project(s, project.id)
    assert [(d.kind, d.due_date, d.note) for d in got.deadlines] == [
        (FINAL, date(2024, 1, 31), "Līgumā noteiktais datums.")
    ]
    assert got.deadlines[0].period_start == date(2023, 3, 1)
    with db.session() as s:  # and refreshing does not bring the computed one back
        assert len(deadlines.refresh_deadlines(s, project.id)) == 1


def test_due_soon_lists_overdue_first_and_skips_submitted_and_closed(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        other = projects.create_project(s, project_input(number="2023.LV/NVOF/MIC/007", end_date=date(2023, 11, 30)))
        closed = projects.create_project(
            s, project_input(number="2023.LV/NVOF/MIC/008", end_date=date(2023, 11, 30), status=ProjectStatus.CLOSED)
        )
        done = projects.create_project(s, project_input(number="2023.LV/NVOF/MIC/009", end_date=date(2023, 10, 31)))
        projects.mark_deadline_submitted(s, done.deadlines[0].id, date(2023, 11, 20))
    clock.set_clock(datetime(2024, 1, 4, 9, 0))
    with db.session() as s:
        soon = deadlines.due_soon(s, within_days=30)
        # 20 Latvian working days after 30.11.2023 (Christmas and New Year off) end on 02.01.2024.
        assert [(d.project_number, d.deadline.due_date, d.days_left, d.overdue) for d in soon] == [
            ("2023.LV/NVOF/MIC/007", date(2024, 1, 2), -2, True),
            ("2023.LV/NVOF/MAC/041/58", date(2024, 1, 29), 25, False),
        ]
        assert soon[1].project_title == project.title
        assert [d.project_number for d in deadlines.due_soon(s, within_days=10)] == ["2023.LV/NVOF/MIC/007"]
        assert len(deadlines.due_soon(s, within_days=30, include_closed=True)) == 3
        assert closed.id and other.id
        nearest = deadlines.next_deadline(s)
        assert nearest is not None and nearest.deadline.due_date == date(2024, 1, 29)


def test_due_soon_is_empty_when_all_is_far(db: Database, project: ProjectDetail) -> None:
    clock.set_clock(datetime(2023, 6, 1, 9, 0))
    with db.session() as s:
        assert deadlines.due_soon(s, within_days=30) == []
        nearest = deadlines.next_deadline(s)
        assert nearest is not None and nearest.days_left == (date(2024, 1, 29) - date(2023, 6, 1)).days


def test_delete_deadline(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        deadlines.delete_deadline(s, project.deadlines[0].id)
        assert projects.get_project(s, project.id).deadlines == ()
