"""Reading a spreadsheet of people into rows of text: CSV (any delimiter, UTF-8 with or without BOM, Windows-1257
as Latvian Excel writes it) and XLSX (openpyxl, read-only, imported only when an XLSX is opened).

Row numbers are the ones the spreadsheet shows: the file's first row is 1, empty rows keep their numbers.
Every input is checked before it reaches the database: one encoding for the whole file (a mixed file is refused
naming the line, never imported as mojibake), no control characters, and limits on rows, columns, cell length and
an XLSX's unpacked size, each refused with a message that names the limit.
"""

from __future__ import annotations

import codecs
import csv
import io
import re
import zipfile
from dataclasses import dataclass
from datetime import date, datetime
from itertools import chain, islice
from pathlib import Path

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.imports.mapping import looks_like_header

DELIMITERS = (";", ",", "\t", "|")
ENCODINGS = {"utf-8": "utf-8", "utf8": "utf-8", "utf-8-sig": "utf-8-sig", "cp1257": "cp1257", "windows-1257": "cp1257"}
_HEADER_SEARCH = 10
MAX_ROWS = 200_000
MAX_COLUMNS = 200
MAX_CELL = 10_000  # characters; a note or an address is far shorter
MAX_FILE_BYTES = 100 * 1024 * 1024  # a CSV is read whole: 200 000 rows of people fit many times over
MAX_XLSX_UNPACKED = 200 * 1024 * 1024  # the parts' declared sizes; zipfile refuses to inflate beyond them
# Control characters crash PostgreSQL (NUL) or hide text; tab, CR and LF are allowed inside a cell.
CONTROL = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")
_C1 = re.compile("[\x80-\x9f]")  # C1 controls: what Windows-1257 punctuation decodes to when read as UTF-8
_UTF8_PAIR = re.compile(b"[\xc2-\xf4][\x80-\xbf]")  # how every non-ASCII letter of UTF-8 begins


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
        strip = str.strip
        return [(i + 1, r) for i, r in enumerate(self.rows) if i >= self.header_row and any(map(strip, r))]

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
    if path.stat().st_size > MAX_FILE_BYTES:  # before reading it whole into memory
        raise AppError.of("import.file_too_large", limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    return read_csv_bytes(path.read_bytes(), delimiter=delimiter, encoding=encoding)


def decode(data: bytes, encoding: str | None = None) -> tuple[str, str]:
    """(text, encoding used): the whole file in ONE encoding, or AppError naming the line that does not fit.
    Without a given encoding: a BOM says UTF-8 (or UTF-16); a file that is valid UTF-8 is UTF-8; a file with no
    valid UTF-8 letters at all is Windows-1257 (Latvian Windows and Excel); a file with both is refused."""
    if encoding:
        name = ENCODINGS.get(encoding.lower().replace("_", "-"), encoding)
        try:
            codecs.lookup(name)
        except LookupError:
            raise AppError.of("import.unknown_encoding", encoding=encoding) from None
        return _strict(data, name), name
    if data.startswith(codecs.BOM_UTF8):
        return _strict(data[len(codecs.BOM_UTF8) :], "utf-8"), "utf-8-sig"
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return _strict(data, "utf-16"), "utf-16"
    try:
        return data.decode("utf-8"), "utf-8"
    except UnicodeDecodeError as exc:
        first_bad = exc.start
    if _has_utf8_letters(data):  # UTF-8 elsewhere in the file: one line in another encoding is refused
        raise AppError.of("import.mixed_encoding", line=_line_of(data, first_bad))
    return _strict(data, "cp1257"), "cp1257"


def _strict(data: bytes, name: str) -> str:
    try:
        return data.decode(name)
    except UnicodeDecodeError as exc:
        raise AppError.of("import.bad_byte_line", encoding=name, line=_line_of(data, exc.start)) from None
    except (UnicodeError, ValueError) as exc:  # a codec that fails otherwise (an odd UTF-16 length)
        raise AppError.of("import.bad_byte", encoding=name, position=getattr(exc, "start", 0)) from None


def _line_of(data: bytes, position: int) -> int:
    return data.count(b"\n", 0, position) + 1


def _has_utf8_letters(data: bytes) -> bool:
    """Whether any line holds non-ASCII text that is valid UTF-8 (a Windows-1257 line of Latvian letters
    almost never is: its letters are single bytes above 0x7F, which UTF-8 never leaves alone)."""
    if _UTF8_PAIR.search(data) is None:  # no lead byte with a continuation byte anywhere: no UTF-8 letter at all
        return False
    for line in data.split(b"\n"):
        if line.isascii():
            continue
        try:
            text = line.decode("utf-8")
        except UnicodeDecodeError:
            continue
        if not _C1.search(text):  # "Ā„" in Windows-1257 is valid UTF-8 too, but decodes to a C1 control
            return True
    return False


def sniff_delimiter(text: str) -> str:
    """The delimiter that splits the first lines into the same number (> 1) of columns most consistently."""
    lines = [line for line in text.splitlines()[:30] if line.strip()]
    best, best_score = ";", -1.0
    for candidate in DELIMITERS:
        try:
            widths = [len(r) for r in csv.reader(lines, delimiter=candidate)]
        except csv.Error:  # a field beyond csv's limit: this candidate tells nothing; reading says why below
            continue
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
    if len(data) > MAX_FILE_BYTES:
        raise AppError.of("import.file_too_large", limit_mb=MAX_FILE_BYTES // (1024 * 1024))
    text, used = decode(data, encoding)
    if delimiter is not None:
        delimiter = {"tab": "\t", "\\t": "\t"}.get(delimiter.lower(), delimiter)
        if len(delimiter) != 1:
            raise AppError.of("import.bad_delimiter", delimiter=delimiter)
    sep = delimiter or sniff_delimiter(text)
    reader = csv.reader(io.StringIO(text), delimiter=sep)
    clean = CONTROL.search(text) is None  # then no cell has one either: cells are pieces of the text
    strip = str.strip
    try:  # one row beyond the limit at most: enough to say that there are too many
        rows = [tuple(map(strip, row)) for row in islice(reader, MAX_ROWS + 1)]
    except csv.Error:  # an unclosed quote at the end, or a field beyond csv's own limit
        raise AppError.of("import.csv_unreadable_line", line=reader.line_num) from None
    # The limits for all cells at once (C loops, ~3 ms for 10,000 rows); row by row only to say where one is broken.
    if not (
        clean
        and max(map(len, rows), default=0) <= MAX_COLUMNS
        and max(map(len, chain.from_iterable(rows)), default=0) <= MAX_CELL
    ):
        rows = [_checked(row, number, clean) for number, row in enumerate(rows, 1)]
    _check_size(rows)
    return RawTable(tuple(rows), detect_header(rows), used, sep)


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
    _check_zip(path)
    from openpyxl import load_workbook  # heavy: only when an XLSX is opened

    try:
        book = load_workbook(path, read_only=True, data_only=True)
    except Exception:  # openpyxl raises many kinds (zip, XML, KeyError, ValueError) for a damaged file
        raise AppError.of("import.xlsx_unreadable", name=path.name) from None
    try:
        names = tuple(book.sheetnames)
        if sheet is not None and sheet not in names:
            raise AppError.of("import.sheet_missing", sheet=sheet, sheets=", ".join(names))
        if not book.worksheets:
            raise AppError.of("import.xlsx_unreadable", name=path.name)
        ws = book[sheet] if sheet else book.worksheets[0]
        title = str(ws.title)
        rows: list[tuple[str, ...]] = []
        # max_col: a sheet claiming 16 384 columns must not make 16 384 cells a row; one more shows the excess.
        for values in ws.iter_rows(values_only=True, max_col=MAX_COLUMNS + 1):
            cells = [_cell_text(v) for v in values]
            while cells and not cells[-1]:  # trailing empty cells cost memory, say nothing
                cells.pop()
            rows.append(_checked(tuple(cells), len(rows) + 1))
            if len(rows) > MAX_ROWS:
                break
    except AppError:
        raise
    except Exception:  # a part that breaks only when its rows are read
        raise AppError.of("import.xlsx_unreadable", name=path.name) from None
    finally:
        book.close()
    while rows and not any(rows[-1]):  # read-only sheets often report trailing empty rows
        rows.pop()
    _check_size(rows)
    return RawTable(tuple(rows), detect_header(rows), "", "", title, names)


def _check_zip(path: Path) -> None:
    """An XLSX is a zip: refuse a damaged one, and one whose parts unpack beyond the limit (a 1 MB zip bomb
    took 2 GB of memory in openpyxl), before openpyxl reads anything."""
    try:
        with zipfile.ZipFile(path) as archive:
            unpacked = sum(info.file_size for info in archive.infolist())
    except (zipfile.BadZipFile, zipfile.LargeZipFile, OSError, ValueError, EOFError):
        raise AppError.of("import.xlsx_unreadable", name=path.name) from None
    if unpacked > MAX_XLSX_UNPACKED:
        raise AppError.of("import.xlsx_too_large", name=path.name, limit_mb=MAX_XLSX_UNPACKED // (1024 * 1024))


def _checked(row: tuple[str, ...], number: int, clean: bool = False) -> tuple[str, ...]:
    """The row, or AppError naming the row and column of a cell beyond the limits or with a control character.
    `clean`: the whole text was found free of control characters (only the lengths are left to check)."""
    if len(row) > MAX_COLUMNS:
        if any(row[MAX_COLUMNS:]):
            raise AppError.of("import.too_many_columns", row=number, limit=MAX_COLUMNS)
        row = row[:MAX_COLUMNS]
    if clean and (not row or max(map(len, row)) <= MAX_CELL):
        return row
    for column, cell in enumerate(row, 1):
        if len(cell) > MAX_CELL:
            raise AppError.of("import.cell_too_long", row=number, column=column, limit=MAX_CELL)
        bad = CONTROL.search(cell)
        if bad:
            code = f"U+{ord(bad.group()):04X}"
            raise AppError.of("import.control_character", row=number, column=column, char=code)
    return row


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
