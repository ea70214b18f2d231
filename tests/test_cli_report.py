"""`projektu-vadiba report attendance` end to end on the demo database: the PDF read back, the messages."""

from __future__ import annotations

import io
import re
from pathlib import Path

import pytest
from pypdf import PdfReader

from projektu_vadiba.cli import main
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.demo import fill_demo
from projektu_vadiba.core.dto_sheets import SheetSet, SheetVariant
from projektu_vadiba.core.services import sheets
from projektu_vadiba.core.services.projects import find_project_id
from tests.reports.pdftools import pdftotext_pages, squeeze

NUMBER = "2023.LV/NVOF/MAC/041/58"


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


def demo_sheets(url: str, variant: SheetVariant = SheetVariant.PREFILLED) -> SheetSet:
    db = open_database(url)
    try:
        with db.session() as s:
            return sheets.project_sheets(s, find_project_id(s, NUMBER), variant)
    finally:
        db.close()


def test_without_a_target_it_lists_the_events(demo_url: str, capsys: pytest.CaptureFixture[str]) -> None:
    code, out, err = run(capsys, "--db", demo_url, "report", "attendance", NUMBER)
    assert code == 2
    ids = [int(i) for i in re.findall(r"ID\s+(\d+)", out)]
    assert ids == [sh.event.id for sh in demo_sheets(demo_url).sheets]
    assert "Kopienas tikšanās: Ķekava" in out and "--event ID" in err and "--all" in err


def test_one_event_pdf_holds_its_people(demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    data = demo_sheets(demo_url)
    sheet = max(data.sheets, key=lambda sh: len(sh.rows))
    target = tmp_path / "lapa.pdf"
    code, out, _ = run(
        capsys, "--db", demo_url, "report", "attendance", NUMBER, "--event", str(sheet.event.id), "-o", str(target)
    )
    assert code == 0 and str(target) in out and "pasākumi: 1" in out
    texts = pdftotext_pages(target.read_bytes())
    flat = "\n".join(texts)
    assert NUMBER in texts[0] and f"{sheet.event.starts_at:%d.%m.%Y}" in texts[0]
    assert squeeze(sheet.event.place) in squeeze(texts[0])
    for row in sheet.rows:
        assert row.given_name in flat and row.surname in flat
    assert f"Lapa 1 no {len(texts)}" in texts[0] and "Sabiedrības integrācijas fonds no Kultūras ministrijas" in flat


def test_all_events_activity_blank_attended_landscape(
    demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    data = demo_sheets(demo_url)
    everything = tmp_path / "visas.pdf"
    assert run(capsys, "--db", demo_url, "report", "attendance", NUMBER, "--all", "-o", str(everything))[0] == 0
    texts = pdftotext_pages(everything.read_bytes())
    assert sum("Lapa 1 no" in t for t in texts) == len(data.sheets)

    code = run(
        capsys, "--db", demo_url, "report", "attendance", NUMBER, "--activity", "4", "-o", str(tmp_path / "a.pdf")
    )
    assert (
        code[0] == 0
        and f"pasākumi: {sum(1 for sh in data.sheets if sh.activity and sh.activity.code == '4')}" in code[1]
    )

    blank = tmp_path / "tuksa.pdf"
    event = str(data.sheets[0].event.id)
    args = ["--db", demo_url, "report", "attendance", NUMBER, "--event", event, "--blank", "--blank-rows", "3"]
    assert run(capsys, *args, "-o", str(blank))[0] == 0
    text = pdftotext_pages(blank.read_bytes())[0]
    assert all(row.surname not in text for row in data.sheets[0].rows)

    annex = tmp_path / "pielikums.pdf"
    args = ["--db", demo_url, "report", "attendance", NUMBER, "--event", event, "--attended", "--landscape"]
    assert run(capsys, *args, "-o", str(annex))[0] == 0
    page = PdfReader(io.BytesIO(annex.read_bytes())).pages[0]
    assert float(page.mediabox.width) > float(page.mediabox.height)
    came = demo_sheets(demo_url, SheetVariant.ATTENDED).sheets[0].rows
    assert f"Kopā piedalījās: {len(came)}" in "\n".join(pdftotext_pages(annex.read_bytes()))


def test_mistakes_get_latvian_messages(demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    base = ["--db", demo_url, "report", "attendance"]
    code, _, err = run(capsys, *base, "2099.LV/NVOF/MIC/999", "--all", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and err.startswith("Kļūda: Projekts ar numuru 2099.LV/NVOF/MIC/999")

    other = demo_sheets(demo_url).sheets[-1].event.id + 1000
    code, _, err = run(capsys, *base, NUMBER, "--event", str(other), "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and err.startswith("Kļūda: Pasākums")

    lad_event = _first_event_of(demo_url, "23-00-U31523.0-000003")
    code, _, err = run(capsys, *base, NUMBER, "--event", str(lad_event), "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and f"Pasākums ar ID {lad_event} nav projektā {NUMBER}" in err

    code, _, err = run(capsys, *base, NUMBER, "--activity", "99", "-o", str(tmp_path / "x.pdf"))
    assert code == 1 and "Aktivitāte ar kodu 99" in err

    code, _, err = run(capsys, *base, NUMBER, "--all")
    assert code == 2 and "-o FAILS.pdf" in err

    code, _, err = run(capsys, *base, NUMBER, "--all", "-o", str(tmp_path / "nav" / "x.pdf"))
    assert code == 1 and "Neizdevās ierakstīt failu" in err and "Traceback" not in err
    assert not (tmp_path / "x.pdf").exists()


def _first_event_of(url: str, number: str) -> int:
    db = open_database(url)
    try:
        with db.session() as s:
            return sheets.project_sheets(s, find_project_id(s, number)).sheets[0].event.id
    finally:
        db.close()
