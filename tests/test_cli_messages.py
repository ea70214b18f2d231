"""The command line's errors in Latvian by default and in English with `--lang en` before the command; a report's
own `--lang` after the command is still the report's language."""

from __future__ import annotations

from pathlib import Path

import pytest

from projektu_vadiba.cli import main
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.demo import fill_demo


def _err(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str]:
    try:
        code = main(list(argv))
    except SystemExit as exit_:  # argparse refuses a bad argument by exiting
        code = int(exit_.code or 0)
    return code, capsys.readouterr().err


def test_errors_are_latvian_by_default_and_english_with_lang_en(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'a.sqlite'}"
    missing = str(tmp_path / "nav.csv")
    code, err = _err(capsys, "--db", db, "people", "import", missing)
    assert code == 1 and err.strip() == f"Kļūda: Fails {missing} nav atrasts."
    code, err = _err(capsys, "--db", db, "--lang", "en", "people", "import", missing)
    assert code == 1 and err.strip() == f"Error: The file {missing} was not found."


def test_a_refused_date_argument_follows_the_message_language(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    db = f"sqlite:///{tmp_path / 'a.sqlite'}"
    args = ["report", "interim", "X", "--from", "31.02.2026", "--to", "01.03.2026", "--lang", "lv", "-o", "x.pdf"]
    code, err = _err(capsys, "--db", db, "--lang", "en", *args)
    assert code == 2 and "“31.02.2026” is not a date: February 2026 has 28 days." in err
    code, err = _err(capsys, "--db", db, *args)
    assert code == 2 and "“31.02.2026” nav datums: 2026. gada februārī ir 28 dienas." in err
    code, err = _err(capsys, "--db", db, "--lang", "en", *args[:4], "01.02.2026", *args[5:])
    assert code == 1 and err.strip() == "Error: No project has the number X."


def test_a_sentence_inside_a_sentence_is_english_too(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'demo.sqlite'}"
    db = open_database(url)
    with db.session() as s:
        fill_demo(s)
    db.close()
    target = tmp_path / "x.pdf"
    code, err = _err(capsys, "--db", url, "--lang", "en", "report", "final", "2025.LV/NVOF/MIC/041", "-o", str(target))
    assert code == 1 and not target.exists()
    assert err.strip() == (
        "Error: A required text is missing: “Projekta mērķis un tā sasniegšana”. Write it in the project's report "
        "texts or make a draft report. For a draft: --draft."
    )


def test_a_bundle_import_error_is_english_with_lang_en(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    db = f"sqlite:///{tmp_path / 'a.sqlite'}"
    broken = tmp_path / "broken.json"
    broken.write_text('{\n  "format": "projektu-vadiba-bundle",\n  "version": 1,,\n}\n', encoding="utf-8")
    code, err = _err(capsys, "--db", db, "--lang", "en", "import", str(broken))
    assert code == 1 and err.strip() == (
        f"Error: The file “{broken}” is not valid JSON: a field name in double quotes was expected (line 3, column 16)."
    )
    code, err = _err(capsys, "--db", db, "import", str(broken))
    assert code == 1 and err.strip() == (
        f"Kļūda: Fails “{broken}” nav derīgs JSON: gaidīts lauka nosaukums pēdiņās (3. rinda, 16. kolonna)."
    )
    wrong = tmp_path / "wrong.json"
    wrong.write_text('{"format": "projektu-vadiba-bundle", "version": 1, "project": []}', encoding="utf-8")
    code, err = _err(capsys, "--db", db, "--lang", "en", "import", str(wrong))
    assert code == 1 and err.strip() == "Error: $.project: must be an object {…}, but is a list"


def test_a_bundle_imported_twice_is_refused_in_english(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source, target = f"sqlite:///{tmp_path / 'source.sqlite'}", f"sqlite:///{tmp_path / 'target.sqlite'}"
    db = open_database(source)
    with db.session() as s:
        fill_demo(s)
    db.close()
    bundle = tmp_path / "project.pvz"
    number = "2025.LV/NVOF/MIC/041"
    assert _err(capsys, "--db", source, "export", number, "-o", str(bundle))[0] == 0
    code, err = _err(capsys, "--db", source, "--lang", "en", "import", str(bundle))
    assert (
        code == 1 and err.startswith(f"Error: The project “{number}” (funder “") and "is already in the database" in err
    )
    code, err = _err(capsys, "--db", target, "--lang", "en", "export", "NO-SUCH", "-o", str(tmp_path / "x.pvz"))
    assert code == 1 and err.strip() == "Error: No project has the number “NO-SUCH”."
