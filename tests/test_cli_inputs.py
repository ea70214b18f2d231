"""`people import` on broken files (issue 18, items 5 and 10): an unrecognised header says so and lists the
expected columns; a mixed-encoding or NUL-carrying file is refused naming its line or cell; nothing is saved."""

from __future__ import annotations

from pathlib import Path

import pytest

from projektu_vadiba.cli import main


def _import(capsys: pytest.CaptureFixture[str], tmp_path: Path, data: bytes, *lang: str) -> tuple[int, str]:
    path = tmp_path / "cilvēki.csv"
    path.write_bytes(data)
    code = main([*lang, "--db", str(tmp_path / "a.sqlite"), "people", "import", str(path)])
    return code, capsys.readouterr().err


def _count(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> str:
    assert main(["--db", str(tmp_path / "a.sqlite"), "people", "search", ""]) == 0
    return capsys.readouterr().out.strip().splitlines()[-1]


def test_an_unrecognised_header_says_so_and_lists_the_expected_columns(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    code, err = _import(capsys, tmp_path, b"Foo;Bar;Baz\n1;2;3\n")
    assert code == 1
    assert "Galvene (1. rindā) nav atpazīta" in err and "Vārds, Uzvārds, E-pasts" in err
    assert "0 no 0" not in err
    code, err = _import(capsys, tmp_path, b"Foo;Bar;Baz\n1;2;3\n", "--lang", "en")
    assert "The header (row 1) was not recognised" in err and "First name, Surname, E-mail" in err


def test_a_utf8_file_with_a_windows_1257_row_is_refused_naming_the_row(
    capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = "Vārds;Uzvārds\nJānis;Bērziņš\n".encode() + "Ilze;Ūdre\n".encode("cp1257")
    code, err = _import(capsys, tmp_path, data)
    assert code == 1 and "3. rinda nav" in err and "Traceback" not in err
    assert _count(capsys, tmp_path) == "Atrastas personas: 0."


def test_a_nul_byte_is_refused_with_its_row_and_column(capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    code, err = _import(capsys, tmp_path, b"V\xc4\x81rds;Uzv\xc4\x81rds\nJ\xc4\x81nis;Oz\x00ols\n")
    assert code == 1 and "2. rindas 2. kolonnā" in err and "U+0000" in err
    assert _count(capsys, tmp_path) == "Atrastas personas: 0."
