"""Issue 18 items 4 and 5 for people imports: a file is read in ONE encoding or refused naming the line that does
not fit; control characters and sizes beyond the limits are refused naming their row and column; a damaged or
zip-bombed XLSX gets a message before openpyxl loads it. Every refusal is a coded AppError."""

from __future__ import annotations

import zipfile
from pathlib import Path

import pytest
from sqlalchemy import func, select

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.imports import apply_plan, build_plan, read_csv_bytes, read_table, readers
from projektu_vadiba.core.messages import render
from projektu_vadiba.core.models import Person

HEADER = "Vārds;Uzvārds;E-pasts\n"


def _refused(data: bytes, **kwargs: str) -> AppError:
    with pytest.raises(AppError) as caught:
        read_csv_bytes(data, **kwargs)
    return caught.value


def test_a_utf8_file_with_one_windows_1257_row_is_refused_naming_that_row() -> None:
    data = (HEADER + "Jānis;Bērziņš;j@example.lv\n").encode() + "Ilze;Ūdre;i@example.lv\n".encode("cp1257")
    error = _refused(data)
    assert error.code == "import.mixed_encoding"
    assert error.values == {"line": 3}
    assert "3. rinda" in error.message


def test_a_whole_windows_1257_file_is_still_read_as_windows_1257() -> None:
    table = read_csv_bytes((HEADER + "Jānis;Bērziņš;j@example.lv\n").encode("cp1257"))
    assert table.encoding == "cp1257"
    assert table.rows[1][:2] == ("Jānis", "Bērziņš")


def test_bad_bytes_after_a_bom_are_an_error_not_replacement_characters() -> None:
    data = b"\xef\xbb\xbf" + HEADER.encode() + b"J\xe2nis;Ozols;j@example.lv\n"
    error = _refused(data)
    assert (error.code, error.values["line"]) == ("import.bad_byte_line", 2)


def test_a_given_encoding_that_does_not_fit_names_the_line() -> None:
    data = HEADER.encode() + b"Ok;Ok;a@b.lv\n\xff\xfe;x;y\n"
    error = _refused(data, encoding="utf-8")
    assert (error.code, error.values["line"]) == ("import.bad_byte_line", 3)


@pytest.mark.parametrize("char", ["\x00", "\x07", "\x1b", "\x7f"])
def test_control_characters_are_refused_with_their_row_and_column(char: str) -> None:
    data = (HEADER + f"Jānis;Bēr{char}ziņš;j@example.lv\n").encode()
    error = _refused(data)
    assert error.code == "import.control_character"
    assert (error.values["row"], error.values["column"]) == (2, 2)
    assert error.values["char"] == f"U+{ord(char):04X}"


def test_tab_and_line_breaks_inside_a_quoted_cell_are_kept() -> None:
    table = read_csv_bytes((HEADER + 'Jānis;"Bērziņš\nII";"a\tb"\n').encode())
    assert table.rows[1] == ("Jānis", "Bērziņš\nII", "a\tb")


def test_limits_on_columns_and_cell_length_name_the_limit() -> None:
    wide = ";".join("x" for _ in range(readers.MAX_COLUMNS + 5))
    error = _refused((HEADER + wide + "\n").encode())
    assert (error.code, error.values["limit"], error.values["row"]) == ("import.too_many_columns", 200, 2)
    long = (HEADER + "Jānis;" + "B" * (readers.MAX_CELL + 1) + ";x\n").encode()
    error = _refused(long)
    assert (error.code, error.values["column"]) == ("import.cell_too_long", 2)
    assert str(readers.MAX_CELL) in render(error.code, error.values, "en")


def test_rows_beyond_the_limit_are_refused_and_a_file_at_it_is_read(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(readers, "MAX_ROWS", 5)
    at_limit = (HEADER + "".join(f"Anna{i};Ozola;a{i}@example.lv\n" for i in range(4))).encode()
    assert len(read_csv_bytes(at_limit).rows) == 5  # the header and four people
    error = _refused(at_limit + b"Liga;Liepa;l@example.lv\n")
    assert (error.code, error.values["limit"]) == ("import.too_many_rows", 5)
    wide = at_limit + ";".join("x" for _ in range(readers.MAX_COLUMNS + 1)).encode() + b"\n"
    assert (_refused(wide).code, _refused(wide).values["row"]) == ("import.too_many_columns", 6)


def test_an_unclosed_quote_field_beyond_csv_limit_gets_a_message() -> None:
    data = (HEADER + 'Jānis;"' + "x" * 200_000 + "\n").encode()
    error = _refused(data)
    assert error.code in {"import.csv_unreadable_line", "import.cell_too_long"}


def test_nul_is_refused_before_it_reaches_the_database(db: Database) -> None:
    """On PostgreSQL a NUL in text crashed the insert; now neither back-end sees it, and nothing is saved."""
    with db.session() as s:
        before = s.scalar(select(func.count()).select_from(Person))
    with pytest.raises(AppError) as caught:
        table = read_csv_bytes((HEADER + "Jā\x00nis;Ozols;j@example.lv\n").encode())
        with db.session() as s:
            apply_plan(s, build_plan(s, table))
    assert caught.value.code == "import.control_character"
    with db.session() as s:
        assert s.scalar(select(func.count()).select_from(Person)) == before


def _xlsx(path: Path, rows: list[list[object]]) -> Path:
    from openpyxl import Workbook

    book = Workbook()
    for row in rows:
        book.active.append(row)
    book.save(path)
    return path


def test_a_zip_bomb_xlsx_is_refused_from_its_declared_sizes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    path = _xlsx(tmp_path / "bomb.xlsx", [["Vārds", "Uzvārds"], ["Jānis", "Ozols"]])
    with zipfile.ZipFile(path, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/padding.bin", b"\0" * 3_000_000)  # ~3 KB packed, 3 MB unpacked
    monkeypatch.setattr(readers, "MAX_XLSX_UNPACKED", 2 * 1024 * 1024)
    with pytest.raises(AppError) as caught:
        read_table(path)
    assert (caught.value.code, caught.value.values["limit_mb"]) == ("import.xlsx_too_large", 2)


@pytest.mark.parametrize("cut", [10, 200, 1000, -200])
def test_a_truncated_xlsx_gets_a_message(tmp_path: Path, cut: int) -> None:
    good = _xlsx(tmp_path / "good.xlsx", [["Vārds", "Uzvārds"], ["Jānis", "Ozols"]]).read_bytes()
    bad = tmp_path / "bad.xlsx"
    bad.write_bytes(good[:cut])
    with pytest.raises(AppError) as caught:
        read_table(bad)
    assert caught.value.code == "import.xlsx_unreadable"
    assert "bad.xlsx" in caught.value.message


def test_control_characters_in_xlsx_cells_are_refused(tmp_path: Path) -> None:
    path = _xlsx(tmp_path / "c.xlsx", [["Vārds", "Uzvārds"], ["Jānis", "Ozols"]])
    # openpyxl refuses to write control characters; put one into the sheet's XML as a damaged file would
    with zipfile.ZipFile(path) as archive:
        parts = {name: archive.read(name) for name in archive.namelist()}
    sheet = "xl/worksheets/sheet1.xml"
    strings = "xl/sharedStrings.xml"
    target = strings if strings in parts and b"Ozols" in parts[strings] else sheet
    parts[target] = parts[target].replace(b"Ozols", b"Oz\x1bols")
    with zipfile.ZipFile(path, "w") as archive:
        for name, data in parts.items():
            archive.writestr(name, data)
    with pytest.raises(AppError) as caught:
        read_table(path)
    assert caught.value.code in {"import.control_character", "import.xlsx_unreadable"}


def test_a_windows_1257_line_that_happens_to_be_valid_utf8_does_not_make_the_file_mixed() -> None:
    """ "Ā„" in Windows-1257 is C2 84: valid UTF-8 for a C1 control, which no real UTF-8 text holds."""
    text = HEADER + "Ā„Ozols“;Bērziņš;x@example.lv\nJānis;Ūdris;j@example.lv\n"
    table = read_csv_bytes(text.encode("cp1257"))
    assert table.encoding == "cp1257"
    assert table.rows[1][0] == "Ā„Ozols“"
