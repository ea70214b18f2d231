"""An interim report tells the period as it was: an activity planned after the period is not "done" there, one
carried out after the period was still under way, and a result written at the end is not yet there."""

from __future__ import annotations

from datetime import date, datetime

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import ActivityInput, EventInput, ProjectDetail
from projektu_vadiba.core.models.enums import ActivityStatus
from projektu_vadiba.core.services import activities
from projektu_vadiba.core.services.report_data import final_report_data
from projektu_vadiba.core.services.report_dto import ReportData

DONE = ActivityStatus.DONE


def test_interim_shows_each_activity_as_it_stood_at_the_periods_end(db: Database, project: ProjectDetail) -> None:
    with db.session() as s:
        survey = activities.create_activity(
            s, project.id,
            ActivityInput("1", "Aptauja", planned_start=date(2023, 3, 1), planned_end=date(2023, 4, 30), status=DONE,
                          result="142 anketas"),
        ).id  # fmt: skip
        meetings = activities.create_activity(
            s, project.id,
            ActivityInput("2", "Tikšanās", planned_start=date(2023, 5, 1), planned_end=date(2023, 10, 31), status=DONE,
                          result="6 tikšanās"),
        ).id  # fmt: skip
        symposium = activities.create_activity(
            s, project.id,
            ActivityInput("3", "Simpozijs", planned_start=date(2023, 11, 1), planned_end=date(2023, 11, 30),
                          status=DONE, result="90 dalībnieki"),
        ).id  # fmt: skip
        cancelled = activities.create_activity(
            s, project.id, ActivityInput("4", "Pieredzes brauciens", status=ActivityStatus.CANCELLED)
        ).id
        for day in (date(2023, 5, 16), date(2023, 9, 12)):
            start = datetime.combine(day, datetime.min.time()).replace(hour=18)
            activities.create_event(s, project.id, EventInput("Tikšanās", start, start.replace(hour=20),
                                                              activity_id=meetings))  # fmt: skip
        interim = final_report_data(s, project.id, (date(2023, 3, 1), date(2023, 6, 30)))
        final = final_report_data(s, project.id)

    def shown(data: ReportData, activity_id: int) -> tuple[ActivityStatus, str]:
        [a] = [r.activity for r in data.activities if r.activity is not None and r.activity.id == activity_id]
        return a.status, a.result

    assert shown(interim, survey) == (DONE, "142 anketas")  # finished inside the period
    assert shown(interim, meetings) == (ActivityStatus.IN_PROGRESS, "")  # one meeting in, one after
    assert shown(interim, symposium) == (ActivityStatus.PLANNED, "")  # not begun by 30.06.
    assert shown(interim, cancelled)[0] is ActivityStatus.CANCELLED
    assert [shown(final, a)[0] for a in (survey, meetings, symposium)] == [DONE, DONE, DONE]  # the final: today's
