from __future__ import annotations

import json
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest

from projektu_vadiba.core import funders
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import ProjectDetail
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.messages import text_of
from projektu_vadiba.core.services import organisations
from projektu_vadiba.resources import resource


def test_every_profile_loads_with_categories_and_publicity() -> None:
    keys = funders.profile_keys()
    assert {"sif_nvo_fonds", "eea_active_citizens", "lad_leader", "generic"} <= set(keys)
    for key in keys:
        profile = funders.load_profile(key)
        assert profile.cost_categories, key
        assert profile.deadlines, key
        assert len({c.key for c in profile.cost_categories}) == len(profile.cost_categories), key
        if key != "generic":
            assert funders.pick(profile.publicity, "lv"), key
            assert funders.pick(profile.publicity, "en"), key


@pytest.mark.parametrize(
    ("key", "number", "ok"),
    [
        ("sif_nvo_fonds", "2023.LV/NVOF/MAC/041/58", True),
        ("sif_nvo_fonds", "2022.LV/NVOF/MIC/041", True),
        ("sif_nvo_fonds", "2020.LV/NVOF/MIC/023", True),
        ("sif_nvo_fonds", "23-00-U31523.0-000003", False),
        ("lad_leader", "23-00-U31523.0-000003", True),
        ("lad_leader", "2022.LV/NVOF/MIC/041", False),
        ("generic", "anything at all", True),
    ],
)
def test_number_patterns(key: str, number: str, ok: bool) -> None:
    assert funders.load_profile(key).number_matches(number) is ok


def test_sif_final_report_due_20_working_days_after_end() -> None:
    [rule] = funders.load_profile("sif_nvo_fonds").deadlines
    # Ends Friday 29.11.2024. Counting weekdays alone gives 27.12.2024, five days early: 23.12 and 30.12 were moved
    # days off, 24-26.12, 31.12 and 01.01 holidays; Saturdays 14.12 and 28.12 were working days. The 20th is 03.01.2025.
    assert rule.due(date(2024, 11, 29)) == date(2025, 1, 3)
    assert funders.load_profile("lad_leader").deadlines[0].due(date(2024, 1, 31)) == date(2024, 2, 29)


def test_an_unknown_profile_is_refused_with_the_known_ones_named() -> None:
    with pytest.raises(AppError) as err:
        funders.load_profile("nav_tada")
    message = text_of(err.value, "lv")
    assert "“nav_tada” nav zināms" in message and "sif_nvo_fonds" in message


@pytest.mark.parametrize(
    ("change", "path", "expected"),
    [
        ({"deadlines": [{"kind": "gala_parskats"}]}, "$.deadlines[0].kind", "vienai no zināmajām vērtībām"),
        ({"number_pattern": "2023.LV/(NVOF"}, "$.number_pattern", "derīgai regulārai izteiksmei"),
        ({"attendance_sheet": {"columns": [{"label": "Vārds"}]}}, "$.attendance_sheet.columns[0].key", "obligāts"),
        ({"retention_years": "pieci"}, "$.retention_years", "veselam skaitlim"),
        ({"limits": [{"max_grant": "daudz"}]}, "$.limits[0].max_grant", "summai"),
        ({"counted_roles": ["dalībnieks"]}, "$.counted_roles[0]", "zināmajām vērtībām"),
    ],
)
def test_a_corrected_profile_with_a_mistake_is_named_with_its_place(
    own_data_dir: Path, change: dict[str, object], path: str, expected: str
) -> None:
    raw = json.loads(resource("funders", "sif_nvo_fonds.json").read_text(encoding="utf-8"))
    (own_data_dir / "funders").mkdir()
    (own_data_dir / "funders" / "sif_nvo_fonds.json").write_text(json.dumps({**raw, **change}), encoding="utf-8")
    funders.load_profile.cache_clear()
    try:
        with pytest.raises(AppError) as err:
            funders.load_profile("sif_nvo_fonds")
    finally:
        funders.load_profile.cache_clear()
    message = text_of(err.value, "lv")
    assert "sif_nvo_fonds.json" in message and path in message and expected in message


def test_every_bundled_profile_has_the_right_shape() -> None:
    from projektu_vadiba.core.profile_check import problem

    for key in ("sif_nvo_fonds", "eea_active_citizens", "lad_leader", "generic"):
        assert problem(json.loads(resource("funders", f"{key}.json").read_text(encoding="utf-8"))) is None


def test_profile_files_are_utf8_json_with_latvian_letters() -> None:
    raw = json.loads(resource("funders", "sif_nvo_fonds.json").read_text(encoding="utf-8"))
    assert "Sabiedrības integrācijas fonds" in raw["publicity"]["lv"]


def test_a_coordinators_corrected_profile_wins(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> None:
    from projektu_vadiba.core import db as dbmod

    raw = json.loads(resource("funders", "sif_nvo_fonds.json").read_text(encoding="utf-8"))
    raw["publicity"]["lv"] = "Labots teikums ar ā č ē ģ ī ķ ļ ņ š ū ž."
    (tmp_path / "funders").mkdir()
    (tmp_path / "funders" / "sif_nvo_fonds.json").write_text(json.dumps(raw, ensure_ascii=False), encoding="utf-8")
    (tmp_path / "funders" / "jauns_fonds.json").write_text('{"name": {"lv": "Jauns fonds"}}', encoding="utf-8")
    monkeypatch.setattr(dbmod, "default_data_dir", lambda: tmp_path)
    funders.load_profile.cache_clear()
    try:
        assert funders.pick(funders.load_profile("sif_nvo_fonds").publicity) == raw["publicity"]["lv"]
        assert "jauns_fonds" in funders.profile_keys()
        assert funders.load_profile("jauns_fonds").retention_years == 5
        assert funders.load_profile("sif_nvo_fonds").file("fonts/DejaVuSans.ttf") is not None
    finally:
        funders.load_profile.cache_clear()


def test_programmes_offered_for_a_funder_come_from_its_profile_and_its_projects(
    db: Database, project: ProjectDetail
) -> None:
    assert funders.load_profile("sif_nvo_fonds").programmes == ("NVO fonds",)
    assert "Aktīvo iedzīvotāju fonds" in funders.load_profile("eea_active_citizens").programmes
    assert funders.load_profile("generic").programmes == ()
    with db.session() as s:
        assert organisations.programme_names(s) == {project.funder.name: ["NVO fonds"]}


@pytest.mark.parametrize(
    ("number", "grant", "start", "end", "codes"),
    [
        ("2023.LV/NVOF/MIC/041", "11000.00", date(2023, 3, 1), date(2023, 12, 31), []),  # 10 months, one year
        ("2023.LV/NVOF/MIC/041", "11000.01", date(2023, 3, 1), date(2024, 1, 1), ["project.limit_grant",
         "project.limit_months", "project.limit_one_year"]),
        ("2023.LV/NVOF/MAC/041/58", "25000.00", date(2024, 1, 1), date(2025, 10, 31), []),  # 22 months
        ("2023.LV/NVOF/MAC/041/58", "25000.00", date(2024, 1, 1), date(2025, 11, 1), ["project.limit_months"]),
    ],
)  # fmt: skip
def test_sif_limits(number: str, grant: str, start: date, end: date, codes: list[str]) -> None:
    limit = funders.load_profile("sif_nvo_fonds").limit_for(number)
    assert limit is not None
    assert [code for code, _ in limit.problems(Decimal(grant), start, end)] == codes


def test_publicity_rules_name_the_disclaimer_and_the_year_hashtag() -> None:
    from projektu_vadiba.core.services.report_data import report_sections

    sif = funders.load_profile("sif_nvo_fonds")
    rules = sif.publicity_rules(2023)
    assert (
        rules == "Publikācijās norādiet: “Par publikācijas saturu atbild projekta īstenotājs.”; tēmturis #NVOFonds2023."
    )
    assert "hashtag #NVOFonds2023" in sif.publicity_rules(2023, "en")
    assert "tēmturis" not in sif.publicity_rules(None)  # no year known: no half-made hashtag
    assert funders.load_profile("generic").publicity_rules(2023) == ""
    [publicity] = [s for s in report_sections(sif, {}, "final", "lv", 2023) if s.key == "publicity"]
    assert publicity.hint.startswith("Publikācijas, saites") and publicity.hint.endswith("#NVOFonds2023.")


def test_a_corrected_profile_that_is_not_json_is_named_with_line_and_column(own_data_dir: Path) -> None:
    (own_data_dir / "funders").mkdir()
    (own_data_dir / "funders" / "sif_nvo_fonds.json").write_text('{\n  "name": "SIF",\n  "publicity": \n}', "utf-8")
    funders.load_profile.cache_clear()
    try:
        with pytest.raises(AppError) as err:
            funders.load_profile("sif_nvo_fonds")
    finally:
        funders.load_profile.cache_clear()
    assert (
        text_of(err.value, "lv")
        == "Finansētāja profila fails sif_nvo_fonds.json nav derīgs JSON (4. rinda, 1. kolonna)."
    )
