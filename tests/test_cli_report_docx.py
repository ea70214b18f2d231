"""`projektu-vadiba report final | interim -o FILE.docx`: the editable Word report from the command line."""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.reports.docx_text import docx_body_text
from tests.test_cli_report_final import MENTORING, ROAD_MAP, demo_url, run

__all__ = ["demo_url"]  # the module's demo database fixture, shared


def test_a_docx_output_writes_the_word_report(
    demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "Noslēguma pārskats.DOCX"
    code, out, err = run(capsys, "--db", demo_url, "report", "final", ROAD_MAP, "-o", str(target))
    assert (code, err) == (0, "")
    assert out.strip() == f"Saglabāts: {target} (rediģējams DOCX)"
    assert target.read_bytes()[:2] == b"PK"
    text = docx_body_text(target)
    assert "Projekta noslēguma pārskats" in text and "I. Saturiskā atskaite" in text


def test_a_docx_interim_report_asks_for_a_draft_like_the_pdf(
    demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    target = tmp_path / "starpposma.docx"
    argv = ["--db", demo_url, "report", "interim", ROAD_MAP, "--from", "01.09.2023", "--to", "30.09.2023"]
    code, out, err = run(capsys, *argv, "-o", str(target))
    assert (code, out) == (1, "") and "--draft" in err and not target.exists()
    code, out, err = run(capsys, *argv, "--draft", "-o", str(target))
    assert code == 0 and out.startswith(f"Saglabāts: {target}")
    assert err.startswith("Melnraksts: jāaizpilda “")
    assert "[Jāaizpilda:" in docx_body_text(target)


def test_lists_cannot_be_appended_to_a_docx(demo_url: str, capsys: pytest.CaptureFixture[str], tmp_path: Path) -> None:
    target = tmp_path / "x.docx"
    code, out, err = run(capsys, "--db", demo_url, "report", "final", MENTORING, "--with-lists", "-o", str(target))
    assert (code, out) == (1, "") and not target.exists()
    assert err.strip() == (
        "Kļūda: Dalībnieku sarakstus (--with-lists) pievieno tikai PDF pārskatam; DOCX veidojiet bez tiem, "
        "sarakstus — kā PDF."
    )
