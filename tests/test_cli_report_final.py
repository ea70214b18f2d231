"""`projektu-vadiba report final | interim | financial` end to end on the demo database: the files read back
(PDF with pdftotext / pypdf, XLSX with openpyxl) and the messages when something is missing or wrong."""

from __future__ import annotations

import io
from datetime import date
from pathlib import Path

import pytest
from openpyxl import load_workbook
from pypdf import PdfReader

from projektu_vadiba.cli import main
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.services.money_dto import MoneySummary
from projektu_vadiba.core.services.money_summary import money_summary
from projektu_vadiba.core.services.projects import find_project_id
from projektu_vadiba.core.services.report_data import final_report_data
from projektu_vadiba.core.services.report_dto import ReportData
from tests.reports.pdftools import pdftotext_pages

ROAD_MAP = "2023.LV/NVOF/MAC/041/58"  # closed, every text written
MENTORING = "2025.LV/NVOF/MIC/041"  # running: "Projekta mērķis un tā sasniegšana" not written yet


@pytest.fixture(scope="module")
def demo_url(tmp_path_factory: pytest.TempPathFactory) -> str:
    url = f"sqlite:///{tmp_path_factory.mktemp('demo') / 'demo.sqlite'}"
    db = open_database(url)
    with db.session() as s:
        fill_demo(s)
    db.close()
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def flat(text: str) -> str:
    return " ".join(text.replace("\u00a0", " ").split())


def demo_data(url: str, number: str, period: tuple[date, date] | None = None) -> tuple[ReportData, MoneySummary]:
    db = open_database(url)
    try:
        with db.session() as s:
            pid = find_project_id(s, number)
            return final_report_data(s, pid, period), money_summary(s, pid, period)
    finally:
        db.close()


def test_final_report_of_the_demo_project(demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "nosleguma-parskats.pdf"
    code, out, err = run(capsys, "--db", demo_url, "report", "final", ROAD_MAP, "-o", str(target))
    assert (code, err) == (0, "")
    pages = pdftotext_pages(target.read_bytes())
    assert out.strip() == f"Saglabāts: {target} (lapas: {len(pages)})"
    data, summary = demo_data(demo_url, ROAD_MAP)
    text = flat(" ".join(pdftotext_pages(target.read_bytes(), layout=True)))
    positions = [text.find(flat(s.heading)) for s in data.sections]
    assert -1 not in positions and positions == sorted(positions)
    assert text.index("I. Saturiskā atskaite") < text.index("II. Finanšu atskaite")
    for c in summary.categories:  # planned / spent / variance as the ledger sums them
        row = " ".join(flat(x).replace("\u00a0", " ") for x in (c.label, *map(_eur, (c.planned, c.spent, c.variance))))
        assert row in text
    for n in range(1, len(pages) + 1):
        assert f"Lapa {n} no {len(pages)}" in flat(pages[n - 1])
    assert "Ceļa karte iedzīvotāju kopienām: sadarbība ar pašvaldību Ķekavas novadā" in text


def _eur(value: object) -> str:
    from projektu_vadiba.core.services.money_format import eur

    return eur(value)  # type: ignore[arg-type]


def test_final_report_with_the_lists_appended(
    demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "ar-sarakstiem.pdf"
    code, out, _ = run(capsys, "--db", demo_url, "report", "final", ROAD_MAP, "--with-lists", "-o", str(target))
    assert code == 0
    data, _ = demo_data(demo_url, ROAD_MAP)
    reader = PdfReader(io.BytesIO(target.read_bytes()))
    assert f"pievienoti saraksti: {len(data.annexes)}" in out
    last = flat(pdftotext_pages(target.read_bytes())[-1])
    assert f"Pielikums Nr. {len(data.annexes)}" in last and "Pasākuma dalībnieku saraksts" in last
    assert len(reader.pages) > len(data.annexes)


def test_a_missing_text_stops_the_report_and_draft_makes_it(
    demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "mentorings.pdf"
    code, out, err = run(capsys, "--db", demo_url, "report", "final", MENTORING, "-o", str(target))
    assert (code, out) == (1, "") and not target.exists()
    assert err.strip() == (
        "Kļūda: Trūkst obligātā teksta: “Projekta mērķis un tā sasniegšana”. Ierakstiet to projekta pārskata tekstos "
        "vai veidojiet pārskata melnrakstu. Melnrakstam: --draft."
    )
    code, out, err = run(capsys, "--db", demo_url, "report", "final", MENTORING, "--draft", "-o", str(target))
    assert code == 0 and out.startswith(f"Saglabāts: {target}")
    assert err.strip() == "Melnraksts: jāaizpilda “Projekta mērķis un tā sasniegšana”."
    pages = [flat(p) for p in pdftotext_pages(target.read_bytes())]
    assert all("MELNRAKSTS" in p for p in pages)
    assert "[Jāaizpilda: Projekta mērķis un tā sasniegšana]" in " ".join(pages)


def test_interim_report_for_a_period(demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "starpposma.pdf"
    argv = ["--db", demo_url, "report", "interim", ROAD_MAP, "--from", "01.09.2023", "--to", "2023-09-30"]
    code, _, err = run(capsys, *argv, "-o", str(target))
    assert code == 1 and "“Virzība uz projekta mērķi pārskata periodā”" in err and "--draft" in err
    code, _, _ = run(capsys, *argv, "--draft", "-o", str(target))
    assert code == 0
    data, summary = demo_data(demo_url, ROAD_MAP, (date(2023, 9, 1), date(2023, 9, 30)))
    text = flat(" ".join(pdftotext_pages(target.read_bytes(), layout=True)))
    assert "Projekta starpposma pārskats" in text and "Pārskata periods: 01.09.2023–30.09.2023" in text
    assert "Kopienas tikšanās: Katlakalns" in text and "Kopienas tikšanās: Dzērumi" not in text  # 5.10.2023
    assert f"Kopā {_eur(summary.planned)} {_eur(summary.spent)}".replace("\u00a0", " ") in text
    assert len(data.annexes) == 4


def test_financial_workbook(demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "finanses.xlsx"
    code, out, err = run(capsys, "--db", demo_url, "report", "financial", ROAD_MAP, "-o", str(target))
    _, summary = demo_data(demo_url, ROAD_MAP)
    assert code == 0 and out.startswith(f"Saglabāts: {target} (izdevumu ieraksti: {len(summary.ledger)}")
    assert err.count("Uzmanību:") == len(summary.warnings)
    wb = load_workbook(target)
    assert wb.sheetnames == ["Budžets", "Izdevumi", "Maksājumi", "Kopsavilkums"]
    numbers = [row[0] for row in wb["Izdevumi"].iter_rows(min_row=5, values_only=True) if isinstance(row[0], int)]
    assert numbers == [r.number for r in summary.ledger]
    codes = {c.value for c in wb["Budžets"]["A"] if c.value}
    assert {ln.line.code for c in summary.categories for ln in c.lines} <= codes

    period_file = tmp_path / "finanses-2023-q3.xlsx"
    argv = ["--db", demo_url, "report", "financial", ROAD_MAP, "--from", "1.7.2023", "--to", "30.09.2023"]
    assert run(capsys, *argv, "-o", str(period_file))[0] == 0 and period_file.exists()


@pytest.mark.parametrize(
    ("argv", "code", "message"),
    [
        (["report", "financial", ROAD_MAP, "--from", "01.07.2023", "-o", "x.xlsx"], 1, "gan sākumu (--from)"),
        (["report", "financial", ROAD_MAP, "--from", "01.10.2023", "--to", "01.07.2023", "-o", "x.xlsx"], 1,
         "nevar būt pirms sākuma"),
        (["report", "final", "1999.LV/NAV/000", "-o", "x.pdf"], 1, "nav atrasts"),
        (["report", "interim", ROAD_MAP, "--from", "31.02.2023", "--to", "01.03.2023", "-o", "x.pdf"], 2,
         "“31.02.2023” nav datums"),
        (["report", "interim", ROAD_MAP, "--to", "01.03.2023", "-o", "x.pdf"], 2, "--from"),
        (["report", "final", ROAD_MAP], 2, "-o/--output"),
    ],
)  # fmt: skip
def test_wrong_input_gets_a_clear_message(
    demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path, argv: list[str], code: int, message: str
) -> None:
    argv = [str(tmp_path / a) if a.endswith((".pdf", ".xlsx")) else a for a in argv]
    if code == 2:
        with pytest.raises(SystemExit) as exit_:
            main(["--db", demo_url, *argv])
        assert exit_.value.code == 2 and message in capsys.readouterr().err
    else:
        got, _, err = run(capsys, "--db", demo_url, *argv)
        assert got == code and message in err and err.startswith("Kļūda: ")


def test_an_unwritable_file_is_reported(demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "nav-mapes" / "parskats.pdf"
    code, _, err = run(capsys, "--db", demo_url, "report", "final", ROAD_MAP, "-o", str(target))
    assert code == 1 and err.startswith(f"Kļūda: Neizdevās ierakstīt failu {target}")
