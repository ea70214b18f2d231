"""Report texts per report: the final report and each interim report (by its period) print their own texts; an
interim report for a past period shows that period's texts, never the final report's or another period's."""

from __future__ import annotations

from datetime import date

import pytest

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import ValidationError
from projektu_vadiba.core.models import DeadlineKind
from projektu_vadiba.core.services import projects, report_texts
from projektu_vadiba.core.services.report_data import final_report_data, missing_texts
from projektu_vadiba.core.services.report_dto import ReportPeriod
from tests.core.factories import project_input

Y2023 = ReportPeriod(date(2023, 1, 1), date(2023, 12, 31))
Y2024 = ReportPeriod(date(2024, 1, 1), date(2024, 12, 31))


@pytest.fixture
def pid(db: Database) -> int:
    """A two-year SIF project with its final report's texts and the 2023 and 2024 interim reports' texts."""
    with db.session() as s:
        project = projects.create_project(
            s, project_input(number="2023.LV/NVOF/MAC/041/60", start_date=date(2023, 1, 1), end_date=date(2024, 12, 31))
        )
        report_texts.set_texts(
            s, project.id, None, {"aim_reached": "Mērķis sasniegts abos gados.", "changes": "Izmaiņu nebija."}
        )
        report_texts.set_texts(s, project.id, Y2023, {"interim_progress": "2023: trīs tikšanās Ķekavā."})
        report_texts.set_texts(
            s,
            project.id,
            (Y2024.date_from, Y2024.date_to),
            {"interim_progress": "2024: vadlīnijas.", "interim_changes": "Pārcelta viena tikšanās."},
        )
        return project.id


def test_each_report_prints_its_own_texts(db: Database, pid: int) -> None:
    with db.session() as s:
        final = final_report_data(s, pid)
        past = final_report_data(s, pid, Y2023)
        later = final_report_data(s, pid, Y2024)
        other = final_report_data(s, pid, (date(2023, 1, 1), date(2023, 6, 30)))
    assert final.section("aim_reached").text == "Mērķis sasniegts abos gados."
    assert final.section("changes").text == "Izmaiņu nebija."
    assert past.section("interim_progress").text == "2023: trīs tikšanās Ķekavā."
    assert past.section("interim_changes").text == ""  # not 2024's
    assert later.section("interim_progress").text == "2024: vadlīnijas."
    assert later.section("interim_changes").text == "Pārcelta viena tikšanās."
    # A period nobody wrote texts for borrows none: its mandatory text is missing.
    assert other.section("interim_progress").text == ""
    assert [m.key for m in other.missing_texts] == ["interim_progress"]
    with db.session() as s:
        assert [m.key for m in missing_texts(s, pid, Y2023)] == []
        assert [m.key for m in missing_texts(s, pid, (date(2023, 1, 1), date(2023, 6, 30)))] == ["interim_progress"]
        assert [m.key for m in missing_texts(s, pid)] == ["publicity"]
        # The project's page still shows the final report's texts, and projects.set_text writes them.
        assert projects.get_project(s, pid).texts == {
            "aim_reached": "Mērķis sasniegts abos gados.",
            "changes": "Izmaiņu nebija.",
        }
        projects.set_text(s, pid, "publicity", "Raksts “Ķekavas Vēstīs”.")
    with db.session() as s:
        assert report_texts.texts_of(s, pid)["publicity"] == "Raksts “Ķekavas Vēstīs”."
        assert "publicity" not in report_texts.texts_of(s, pid, Y2023)


def test_changing_one_report_leaves_the_others(db: Database, pid: int) -> None:
    with db.session() as s:
        got = report_texts.set_text(s, pid, Y2023, "interim_progress", "2023: četras tikšanās.")
        assert got == report_texts.ReportTexts(pid, Y2023, {"interim_progress": "2023: četras tikšanās."})
        report_texts.set_text(s, pid, Y2024, "interim_changes", "")  # an empty text removes it
    with db.session() as s:
        assert report_texts.get_texts(s, pid, Y2024).texts == {"interim_progress": "2024: vadlīnijas."}
        assert report_texts.get_texts(s, pid).texts["changes"] == "Izmaiņu nebija."
        sections = report_texts.text_sections(s, pid, Y2023)
    assert [(x.key, x.mandatory, x.text) for x in sections] == [
        ("interim_progress", True, "2023: četras tikšanās."),
        ("interim_changes", False, ""),
    ]


@pytest.mark.parametrize(
    ("period", "texts", "code", "key"),
    [
        (None, {"aim_reached": "Jā.", "kopsavilkums": "…"}, "report_texts.unknown_key", "kopsavilkums"),
        (None, {"interim_progress": "…"}, "report_texts.unknown_key", "interim_progress"),  # an interim section
        (Y2023, {"aim_reached": "…"}, "report_texts.unknown_key_interim", "aim_reached"),
        (Y2023, {" ": "…"}, "report_texts.bad_key", " "),
        ((date(2023, 12, 31), date(2023, 1, 1)), {"interim_progress": "…"}, "report.period_end_before_start", None),
    ],
)
def test_refused_texts_are_named_and_nothing_is_written(
    db: Database, pid: int, period: ReportPeriod | None, texts: dict[str, str], code: str, key: str | None
) -> None:
    with db.session() as s, pytest.raises(ValidationError) as caught:
        report_texts.set_texts(s, pid, period, texts)
    assert caught.value.code == code
    if key is not None:
        assert caught.value.values["key"] == key
    if code.startswith("report_texts.unknown"):  # the message lists what can be written
        assert "aim_reached" in caught.value.message or "interim_progress" in caught.value.message
    with db.session() as s:
        assert report_texts.texts_of(s, pid) == {
            "aim_reached": "Mērķis sasniegts abos gados.",
            "changes": "Izmaiņu nebija.",
        }


def test_the_reports_to_write_for_are_the_final_and_each_interim_period(db: Database, pid: int) -> None:
    first_half = ReportPeriod(date(2023, 1, 1), date(2023, 6, 30))
    with db.session() as s:
        projects.add_deadline(
            s, pid, DeadlineKind.INTERIM_REPORT, date(2023, 7, 20), first_half.date_from, first_half.date_to
        )
        projects.add_deadline(s, pid, DeadlineKind.PAYMENT_CLAIM, date(2023, 8, 1), date(2023, 1, 1), date(2023, 7, 31))
        reports = report_texts.text_reports(s, pid)
    assert [(r.period, r.filled, r.from_deadline) for r in reports] == [
        (None, 2, False),
        (first_half, 0, True),
        (Y2023, 1, False),
        (Y2024, 2, False),
    ]
    assert report_texts.period_text(Y2023) == "01.01.2023–31.12.2023"


def test_the_bundle_carries_the_texts_of_every_report(db: Database, pid: int) -> None:
    from projektu_vadiba.core.bundle import dump_bundle, export_project, import_bundle

    with db.session() as s:
        number = projects.get_project(s, pid).number
        first = export_project(s, number)
    assert first["project"]["texts"] == {"aim_reached": "Mērķis sasniegts abos gados.", "changes": "Izmaiņu nebija."}
    assert [(x["period_start"], x["period_end"]) for x in first["project"]["interim_texts"]] == [
        ("2023-01-01", "2023-12-31"),
        ("2024-01-01", "2024-12-31"),
    ]
    with db.session() as s:
        projects.delete_project(s, pid)
    with db.session() as s:
        new_id = import_bundle(s, first).project_id
    with db.session() as s:
        assert report_texts.texts_of(s, new_id, Y2023) == {"interim_progress": "2023: trīs tikšanās Ķekavā."}
        assert dump_bundle(export_project(s, number)) == dump_bundle(first)


def test_undoing_a_project_delete_brings_back_every_reports_texts(db: Database, pid: int) -> None:
    """Deleting a project keeps it as a bundle for undo: each report gets its own texts back, none merged."""
    from projektu_vadiba.core.services import project_restore

    with db.session() as s:
        before = {p: report_texts.texts_of(s, pid, p) for p in (None, Y2023, Y2024)}
        deleted = project_restore.delete_project(s, pid)
    with db.session() as s:
        again = project_restore.restore_project(s, deleted)
    with db.session() as s:
        assert {p: report_texts.texts_of(s, again, p) for p in (None, Y2023, Y2024)} == before
        assert [r.period for r in report_texts.text_reports(s, again)] == [None, Y2023, Y2024]
