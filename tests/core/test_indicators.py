from __future__ import annotations

from datetime import datetime
from decimal import Decimal

import pytest

from projektu_vadiba.core import clock
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import ActivityInput, EventInput, IndicatorInput, PersonInput, ProjectDetail
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import AttendanceStatus, EventType, IndicatorMethod
from projektu_vadiba.core.services import activities, attendance, indicators, people


@pytest.fixture
def attended(db: Database, project: ProjectDetail) -> dict[str, int]:
    """Two meetings and a seminar; 3 people, 5 attendances, 2 organisations."""
    clock.set_clock(datetime(2023, 12, 1, 12))
    with db.session() as s:
        act = activities.create_activity(s, project.id, ActivityInput(code="1", title="Tikšanās ciemos"))
        evs = [
            activities.create_event(
                s,
                project.id,
                EventInput(
                    title=f"Tikšanās {n}",
                    starts_at=datetime(2023, 5, d, 18),
                    ends_at=datetime(2023, 5, d, 20),
                    type=t,
                    activity_id=act.id if t is EventType.MEETING else None,
                ),
            )
            for n, d, t in (
                ("Baldonē", 2, EventType.MEETING),
                ("Daugmalē", 9, EventType.MEETING),
                ("Ķekavā", 16, EventType.SEMINAR),
            )
        ]
        future = activities.create_event(
            s,
            project.id,
            EventInput(title="Noslēgums", starts_at=datetime(2023, 12, 20, 18), ends_at=datetime(2023, 12, 20, 20)),
        )
        ppl = [
            people.create_person(
                s,
                PersonInput(
                    given_name="Anna",
                    surname="Ozola",
                    organisation_name="Baldones kopiena",
                    target_group="seniori",
                    municipality="Ķekavas novads",
                ),
            ),
            people.create_person(
                s,
                PersonInput(
                    given_name="Pēteris",
                    surname="Vītols",
                    organisation_name="Baldones kopiena",
                    target_group="Seniori",
                    municipality="ķekavas novads",
                ),
            ),
            people.create_person(
                s,
                PersonInput(
                    given_name="Līva", surname="Zariņa", organisation_name="Daugmales biedrība", target_group="jaunieši"
                ),
            ),
        ]
        for ev, who in ((evs[0], ppl), (evs[1], ppl[:1]), (evs[2], ppl[2:])):
            for p in who:
                attendance.register(s, ev.id, p.id, AttendanceStatus.ATTENDED)
        attendance.register(s, evs[2].id, ppl[0].id, AttendanceStatus.ABSENT)
        attendance.register(s, future.id, ppl[1].id)
        return {"activity": act.id, "first_event": evs[0].id, "anna": ppl[0].id}


@pytest.mark.parametrize(
    ("method", "param", "scoped", "expected"),
    [
        (IndicatorMethod.EVENTS, "", False, 3),  # the December event has not started yet
        (IndicatorMethod.EVENTS, "seminar", False, 1),
        (IndicatorMethod.UNIQUE_PEOPLE, "", False, 3),
        (IndicatorMethod.ATTENDANCES, "", False, 5),
        (IndicatorMethod.ATTENDANCES, "", True, 4),
        (IndicatorMethod.ORGANISATIONS, "", False, 2),
        (IndicatorMethod.TARGET_GROUP, "SENIORI", False, 2),
        (IndicatorMethod.MUNICIPALITY, "Ķekavas novads", False, 2),
    ],
)
def test_computed_values(
    db: Database,
    project: ProjectDetail,
    attended: dict[str, int],
    method: IndicatorMethod,
    param: str,
    scoped: bool,
    expected: int,
) -> None:
    with db.session() as s:
        ind = indicators.create_indicator(
            s,
            project.id,
            IndicatorInput(
                code="R1",
                name="Rādītājs",
                planned_value=Decimal(10),
                method=method,
                method_param=param,
                activity_id=attended["activity"] if scoped else None,
            ),
        )
    assert ind.achieved_value == expected


def test_computed_value_follows_attendance(db: Database, project: ProjectDetail, attended: dict[str, int]) -> None:
    with db.session() as s:
        indicators.create_indicator(
            s,
            project.id,
            IndicatorInput(code="R2", name="Apmeklējumi", planned_value=Decimal(6), method=IndicatorMethod.ATTENDANCES),
        )
        rows = attendance.event_list(s, attended["first_event"])
        attendance.set_status(s, [rows[0].id], AttendanceStatus.ABSENT)
    with db.session() as s:
        [ind] = indicators.list_indicators(s, project.id)
    assert ind.achieved_value == 4
    assert ind.progress == pytest.approx(4 / 6)


def test_manual_indicator_and_bad_input(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        manual = indicators.create_indicator(
            s,
            project.id,
            IndicatorInput(
                code="R3",
                name="Izstrādāta metodika",
                planned_value=Decimal(1),
                unit="metodika",
                achieved_manual=Decimal(1),
                comment="Publicēta mājaslapā",
            ),
        )
    assert manual.achieved_value == 1
    with pytest.raises(ValidationError) as err, db.session() as s:
        indicators.create_indicator(
            s,
            project.id,
            IndicatorInput(code="R3", name="", planned_value=Decimal(-1), method=IndicatorMethod.TARGET_GROUP),
        )
    assert {p.field for p in err.value.problems} == {"code", "name", "planned_value", "method_param"}
