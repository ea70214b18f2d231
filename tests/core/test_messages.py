"""Messages as data: the lv and en catalogues agree, every code the core raises is in them, and a typed error
renders in either language while its `message` stays the Latvian sentence."""

from __future__ import annotations

import copy
import pickle
import re
from decimal import Decimal
from pathlib import Path
from types import SimpleNamespace

import pytest

from projektu_vadiba.core import messages
from projektu_vadiba.core.dates import parse_date, parse_datetime
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError, FieldProblem, NotFoundError, ValidationError
from projektu_vadiba.core.imports.apply import ImportInvalid, apply_plan
from projektu_vadiba.core.imports.mapping import FIELDS
from projektu_vadiba.core.imports.plan import _CODED, build_plan, check_mapping
from projektu_vadiba.core.imports.readers import read_table
from projektu_vadiba.core.messages import Message, placeholders, render, text_of
from projektu_vadiba.core.models.enums import DeadlineKind
from projektu_vadiba.core.validation import Problems, check_required, parse_money
from projektu_vadiba.resources import resource

SOURCE = Path(__file__).resolve().parents[2] / "src" / "projektu_vadiba"
# A code as the core writes it: NotFoundError.of("x"), ValidationError.coded(field, "x"), problems.coded("f", "x"),
# Message("x"), latvian("x"), _problem("x", path) (bundles), AppError(code="x") … (dynamic codes are listed in
# test_dynamic_codes_exist). A code is lower case letters, "_" and dots: a digit in it hides it from this scan.
_RAISED = re.compile(
    r"""(?:\.of|\.coded|Message|latvian|_coded|_refuse|_problem|render)\("""
    r"""(?:[\w.]+, |"\w+", )?"([a-z_]+(?:\.[a-z_]+)*)"|"""
    r"""\bcode="([a-z_]+(?:\.[a-z_]+)+)\""""
)
_TERM = re.compile(r"\"((?:label|term|month)\.[a-z_.]+[a-z_])\"")
_MONEY_KINDS = re.compile(r"""_warning\("(\w+)\"""")


def _codes_in_source() -> dict[str, str]:
    found: dict[str, str] = {}
    for path in SOURCE.rglob("*.py"):
        text = path.read_text(encoding="utf-8")
        for match in _RAISED.finditer(text):
            found[match[1] or match[2]] = str(path.relative_to(SOURCE))
        for match in _TERM.finditer(text):
            found[match[1]] = str(path.relative_to(SOURCE))
        for match in _MONEY_KINDS.finditer(text):
            found[f"money.{match[1]}"] = str(path.relative_to(SOURCE))
    return found


def test_catalogues_are_data_in_the_resources() -> None:
    for lang in messages.LANGUAGES:
        assert resource("messages", f"{lang}.json").is_file()


def test_lv_and_en_have_the_same_codes_and_placeholders() -> None:
    lv, en = messages.catalogue("lv"), messages.catalogue("en")
    assert sorted(set(lv) ^ set(en)) == []
    for code in lv:
        assert placeholders(lv[code]) == placeholders(en[code]), code


def test_plural_entries_have_every_form_of_their_language() -> None:
    for lang, forms in (("lv", {"one", "few", "many"}), ("en", {"one", "other"})):
        for code, template in messages.catalogue(lang).items():
            if isinstance(template, dict):
                assert set(template) == forms | {"plural"}, (lang, code)
                assert template["plural"].isidentifier(), (lang, code)  # the value counted (maybe not shown)


def test_every_code_raised_in_the_core_is_in_the_catalogue() -> None:
    found = _codes_in_source()
    assert len(found) > 60  # the scan itself works
    missing = {code: where for code, where in found.items() if code not in messages.catalogue("lv")}
    assert missing == {}


def test_dynamic_codes_exist() -> None:
    lv = messages.catalogue("lv")
    names = [f"month.in.{m}" for m in range(1, 13)]
    names += [f"term.deadline.{k.value}" for k in DeadlineKind]
    names += [f"label.import.{f.key}" for f in FIELDS]
    names += [f"import.bad_value.{key}" for key, _parse in _CODED]
    names += [f"money.{k}" for k in ("unplanned", "over_limit", "under_limit", "over_budget")]
    assert [n for n in names if n not in lv] == []


def test_typed_error_keeps_its_latvian_message() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date("31.02.2026", "start_date")
    problem = caught.value.problems[0]
    assert problem.message == "“31.02.2026” nav datums: 2026. gada februārī ir 28 dienas."
    assert caught.value.message == problem.message
    assert (problem.code, problem.values["days"], problem.values["month"]) == ("date.day_range", 28, "month.in.2")
    assert text_of(caught.value, "en") == "“31.02.2026” is not a date: February 2026 has 28 days."
    assert text_of(problem, "lv") == problem.message


def test_a_month_of_31_days_is_counted_in_the_singular_in_latvian() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_date("32.01.2026")
    assert caught.value.message == "“32.01.2026” nav datums: 2026. gada janvārī ir 31 diena."
    assert text_of(caught.value, "en") == "“32.01.2026” is not a date: January 2026 has 31 days."


def test_labels_are_rendered_in_the_language_of_the_sentence() -> None:
    p = Problems()
    check_required(p, "  ", "title", "label.title")
    assert p.items[0].message == "Lauks “Nosaukums” ir obligāts."
    assert text_of(p.items[0], "en") == "“Title” is required."
    assert "Nosaukums" not in text_of(p.items[0], "en")


def test_several_problems_render_each_in_the_language() -> None:
    p = Problems()
    check_required(p, "", "title", "label.title")
    with pytest.raises(ValidationError) as caught:
        parse_datetime("1.1.2026 25:00")
    p.items.extend(caught.value.problems)
    error = ValidationError(p.items)
    assert error.message == (
        "Lauks “Nosaukums” ir obligāts.; “25:00” nav laiks: stundas ir no 0 līdz 23, minūtes no 0 līdz 59."
    )
    assert text_of(error, "en") == (
        "“Title” is required.; “25:00” is not a time: hours are from 0 to 23, minutes from 0 to 59."
    )


def test_plain_latvian_errors_still_work_in_every_language() -> None:
    old = AppError("Kaut kas nav kārtībā.")
    assert (old.message, old.code, text_of(old, "en")) == ("Kaut kas nav kārtībā.", "", "Kaut kas nav kārtībā.")
    legacy = ValidationError.single("x", "Vecs teksts.")
    assert text_of(legacy, "en") == "Vecs teksts." and legacy.for_field("x") == ["Vecs teksts."]
    assert FieldProblem("x", "a") == FieldProblem("x", "a")


def test_not_found_renders_the_record_name_as_a_term() -> None:
    error = NotFoundError.of("not_found.record", what="term.event", id=7)
    assert error.message == "Pasākums (nr. 7) nav atrasts — iespējams, to jau izdzēsa."
    assert text_of(error, "en") == "Event (no. 7) was not found — it may have been deleted."


def test_money_problem_codes() -> None:
    with pytest.raises(ValidationError) as caught:
        parse_money("-5", "amount")
    assert caught.value.message == "Summa nevar būt negatīva."
    assert text_of(caught.value, "en") == "The amount cannot be negative."
    assert parse_money("1 234,56") == Decimal("1234.56")


def test_plural_forms_follow_each_language() -> None:
    lv = [render("money.unassigned", {"count": n, "amount": "5,00 €"}, "lv") for n in (1, 3, 11)]
    assert [s.split(": ")[1].split(",")[0] for s in lv] == ["1 ieraksts", "3 ieraksti", "11 ierakstu"]
    en = [render("money.unassigned", {"count": n, "amount": "5,00 €"}, "en") for n in (1, 3)]
    assert "1 entry," in en[0] and "3 entries," in en[1]


def test_unknown_code_and_language_fall_back() -> None:
    assert render("no.such.code", {}, "en") == "no.such.code"
    assert render("money.zero", {}, "de") == "Summa nevar būt nulle."


def test_message_is_a_latvian_string_that_remembers_its_code() -> None:
    problems = check_mapping(["email", "email"])
    assert problems[0] == "Norādiet kolonnas ar vārdu un uzvārdu (vai vienu kolonnu “Vārds Uzvārds”)."
    assert problems[1] == "Katram laukam var būt tikai viena kolonna: E-pasts."
    assert isinstance(problems[1], Message)
    assert text_of(problems[1], "en") == "Each field can have only one column: E-mail."


def test_a_warning_kept_as_a_message_renders_and_survives_a_copy() -> None:
    warning = Message("event.outside_period", start="01.03.2026", end="31.12.2026")
    assert warning == "Pasākums ir ārpus projekta perioda (01.03.2026–31.12.2026)."
    for kept in (copy.deepcopy(warning), pickle.loads(pickle.dumps(warning))):
        assert kept == warning and kept.code == "event.outside_period"
    assert text_of(warning, "en") == "The event is outside the project period (01.03.2026–31.12.2026)."
    holder = SimpleNamespace(code="", message=Message("project.grant_over_cost"))  # an OverviewWarning's shape
    assert text_of(holder, "en") == "The grant is larger than the project's total cost."


def test_an_import_plan_lists_its_problems_in_either_language(db: Database, tmp_path: Path) -> None:
    sheet = tmp_path / "saraksts.csv"
    sheet.write_text("Vārds;Uzvārds;E-pasts;Dzimums\n;Liepiņa;liepina@;s\nIlze;Ozola;;citādi\n", encoding="utf-8")
    with db.session() as s:
        plan = build_plan(s, read_table(sheet))
    assert plan.messages() == [
        "2. rinda: Lauks “Vārds” ir obligāts.",
        "2. rinda: “liepina@” nav derīga e-pasta adrese.",
        "3. rinda: Dzimums: “citādi” nav dzimums (der: sieviete, vīrietis, cits).",
    ]
    assert plan.messages("en") == [
        "Row 2: “First name” is required.",
        "Row 2: “liepina@” is not a valid e-mail address.",
        "Row 3: Gender: “citādi” is not a gender (use: sieviete, vīrietis, cits).",
    ]
    with pytest.raises(ImportInvalid) as caught, db.session() as s:
        apply_plan(s, plan)
    assert caught.value.message.startswith("Nekas netika saglabāts: 2 rindās ir kļūdas.")
    assert text_of(caught.value, "en").startswith("Nothing was saved: 2 rows have errors.")


def test_the_demo_refusal_constant_is_the_catalogues_sentence() -> None:
    from projektu_vadiba.core.demo import ALREADY_FILLED

    assert render("demo.already_filled", {}, "lv") == ALREADY_FILLED


def test_scan_problems_kept_as_text_still_speak_english() -> None:
    from projektu_vadiba.core.messages import text_of
    from projektu_vadiba.core.scan import reader, service

    assert reader.NO_CODE == "Lapā nav atrasts reģistrācijas lapas kods (QR). Vai tā ir šīs programmas drukāta lapa?"
    assert text_of(reader.NO_CODE, "en").startswith("No attendance sheet code (QR)")
    assert text_of(service.OTHER_DATABASE, "en").startswith("This sheet was printed from another database")


def test_duplicate_reasons_speak_english() -> None:
    from projektu_vadiba.core.messages import text_of
    from projektu_vadiba.core.services import duplicates

    assert duplicates.REASON_EMAIL == "tā pati e-pasta adrese"  # a plain Latvian str for every reader
    assert text_of(duplicates.REASON_EMAIL, "en") == "the same e-mail address"
