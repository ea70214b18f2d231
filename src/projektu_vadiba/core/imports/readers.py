"""Reading a spreadsheet of people into rows of text: CSV (any delimiter, UTF-8 with or without BOM, Windows-1257
as Latvian Excel writes it) and XLSX (openpyxl, read-only, imported only when an XLSX is opened).

Row numbers are the ones the spreadsheet shows: the file's first row is 1, empty rows keep their numbers.
"""

from __future__ import annotations

import codecs
import csv
import io
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.imports.mapping import looks_like_header

DELIMITERS = (";", ",", "\t", "|")
ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "utf-8-sig": "utf-8-sig", "cp1257": "cp1257", "windows-1257": "cp1257"}
_HEADER_SEARCH = 10
MAX_ROWS = 200_000


@dataclass(frozen=True)
class RawTable:
    """A sheet as text. rows[i] is spreadsheet row i + 1; `header_row` is the 1-based number of the header."""

    rows: tuple[tuple[str, ...], ...]
    header_row: int
    encoding: str = ""
    delimiter: str = ""
    sheet: str = ""
    sheets: tuple[str, ...] = ()

    @property
    def header(self) -> tuple[str, ...]:
        return self.rows[self.header_row - 1] if self.rows else ()

    @property
    def width(self) -> int:
        return max((len(r) for r in self.rows), default=0)

    def data_rows(self) -> list[tuple[int, tuple[str, ...]]]:
        """(spreadsheet row number, cells) of every non-empty row below the header."""
        return [(i + 1, r) for i, r in enumerate(self.rows) if i >= self.header_row and any(c.strip() for c in r)]

    def with_header(self, header_row: int) -> RawTable:
        if not 1 <= header_row <= len(self.rows):
            raise AppError.of("import.header_row_missing", row=header_row, rows=len(self.rows))
        return RawTable(self.rows, header_row, self.encoding, self.delimiter, self.sheet, self.sheets)


def read_table(
    path: Path, *, delimiter: str | None = None, encoding: str | None = None, sheet: str | None = None
) -> RawTable:
    if not path.is_file():
        raise AppError.of("file.not_found", path=str(path))
    suffix = path.suffix.lower()
    if suffix in (".xlsx", ".xlsm"):
        return read_xlsx(path, sheet)
    if suffix == ".xls":
        raise AppError.of("import.xls_unsupported")
    return read_csv_bytes(path.read_bytes(), delimiter=delimiter, encoding=encoding)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used). Without a given encoding: a BOM says UTF-8; text that is valid UTF-8 is UTF-8;
    anything else is read as Windows-1257, the code page of Latvian Windows and Excel."""
    if encoding:
        name = ENCODINGS.get(encoding.lower().replace("_", "-"), encoding)
        try:
            codecs.lookup(name)
        except LookupError:
            raise AppError.of("import.unknown_encoding", encoding=encoding) from None
        try:
            return data.decode(name), name
        except UnicodeDecodeError as exc:
            raise AppError.of("import.bad_byte", encoding=name, position=exc.start) from None
    if data.startswith(codecs.BOM_UTF8):
        return data[len(codecs.BOM_UTF8) :].decode("utf-8", errors="replace"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return data.decode("utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError:
        return data.decode("cp1257", errors="replace"), "cp1257"


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same number (> 1) of columns most consistently."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ";", -1.0
    for candidate in DELIMITERS:
        widths = [len(r) for r in csv.reader(lines, delimiter=candidate)]
        if not widths:
            continue
        common = max(set(widths), key=widths.count)
        if common < 2:
            continue
        score = widths.count(common) / len(widths) + common / 1000  # consistency first, then more columns
        if score > best_score:
            best, best_score = candidate, score
    return best


def read_csv_bytes(data: bytes, *, delimiter: str | None = None, encoding: str | None = None) -> RawTable:
    text, used = decode(data, encoding)
    if delimiter is not None:
        delimiter = {"tab": "\t", "\\t": "\t"}.get(delimiter.lower(), delimiter)
        if len(delimiter) != 1:
            raise AppError.of("import.bad_delimiter", delimiter=delimiter)
    sep = delimiter or sniff_delimiter(text)
    try:
        rows = tuple(tuple(cell.strip() for cell in row) for row in csv.reader(io.StringIO(text), delimiter=sep))
    except csv.Error as exc:
        raise AppError.of("import.csv_unreadable", reason=str(exc)) from None
    _check_size(rows)
    return RawTable(rows, detect_header(rows), used, sep)


def _cell_text(value: object) -> str:
    if value is None:
        return ""
    if isinstance(value, datetime):
        return value.strftime("%d.%m.%Y") if value.time() == datetime.min.time() else value.strftime("%d.%m.%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d.%m.%Y")
    if isinstance(value, float) and value.is_integer():
        return str(int(value))  # 1990.0 -> "1990", 20000000.0 -> "20000000"
    if isinstance(value, bool):
        return "jā" if value else "nē"
    return str(value).strip()


def read_xlsx(path: Path, sheet: str | None = None) -> RawTable:
    from openpyxl import load_workbook  # heavy: only when an XLSX is opened

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged or non-XLSX file
        raise AppError.of("import.xlsx_unreadable", name=path.name, reason=str(exc)) from None
    try:
        names = tuple(book.sheetnames)
        if sheet is not None and sheet not in names:
            raise AppError.of("import.sheet_missing", sheet=sheet, sheets=", ".join(names))
        ws = book[sheet] if sheet else book.worksheets[0]
        rows: list[tuple[str, ...]] = []
        for values in ws.iter_rows(values_only=True):
            rows.append(tuple(_cell_text(v) for v in values))
            if len(rows) > MAX_ROWS:
                break
    finally:
        book.close()
    while rows and not any(rows[-1]):  # read-only sheets often report trailing empty rows
        rows.pop()
    _check_size(rows)
    return RawTable(tuple(rows), detect_header(rows), "", "", ws.title, names)


def _check_size(rows: tuple[tuple[str, ...], ...] | list[tuple[str, ...]]) -> None:
    if not any(any(c for c in r) for r in rows):
        raise AppError.of("import.empty")
    if len(rows) > MAX_ROWS:
        raise AppError.of("import.too_many_rows", limit=MAX_ROWS)


def detect_header(rows: tuple[tuple[str, ...], ...] | list[tuple[str, ...]]) -> int:
    """1-based number of the header row: the first of the first ten rows that names known columns; when none
    does, the first row with at least two filled cells (titles above a table usually fill one cell)."""
    for i, row in enumerate(rows[:_HEADER_SEARCH]):
        if looks_like_header(row):
            return i + 1
    for i, row in enumerate(rows[:_HEADER_SEARCH]):
        if sum(1 for c in row if c) >= 2:
            return i + 1
    return 1
