"""The certificates PDF read back: one page per person, Latvian letters intact, the funder's publicity; the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from projektu_vadiba.cli import main
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.services.certificates import certificates
from projektu_vadiba.reports.certificate import build_certificates_pdf
from tests.reports.pdftools import pdftotext_pages
from tests.reports.sample import make_sample


def test_one_page_per_person_in_the_funders_look(tmp_path: Path) -> None:
    db = open_database(f"sqlite:///{tmp_path / 'x.sqlite'}")
    try:
        with db.session() as s:
            sample = make_sample(s, "sif_nvo_fonds")
            certs = certificates(s, sample.project_id)
    finally:
        db.close()
    pdf = build_certificates_pdf(certs)
    pages = [" ".join(p.split()) for p in pdftotext_pages(pdf.data)]
    assert pdf.pages == len(pages) == len(certs.certificates) > 1
    for page, cert in zip(pages, certs.certificates, strict=True):
        assert "APLIECINĀJUMS" in page and cert.name in page
        assert "Kopienu tikšanās Baldonē" in page and "17.10.2023" in page and "2,5" in page
        assert "Projektu finansiāli atbalsta Sabiedrības integrācijas fonds" in page  # the funder's publicity
        assert "Biedrība “Ķekavas novada kopienu tīkls” vārdā" in page
    english = " ".join(pdftotext_pages(build_certificates_pdf(certs, "en").data)[0].split())
    assert "CERTIFICATE" in english and "This is to certify that" in english and "2.5" in english


def test_cli_writes_the_certificates(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'x.sqlite'}"
    db = open_database(url)
    with db.session() as s:
        sample = make_sample(s, "eea_active_citizens")
    db.close()
    out = tmp_path / "apliecinājumi.pdf"
    assert main(["--db", url, "certificates", sample.number, "--event", str(sample.event_id), "-o", str(out)]) == 0
    said = capsys.readouterr().out
    assert "apliecinājum" in said and out.is_file()
    assert "Ārija Čakste" in " ".join(" ".join(pdftotext_pages(out.read_bytes())).split())
    assert (
        main(["--db", url, "certificates", sample.number, "--event", str(sample.empty_event_id), "-o", str(out)]) == 1
    )
    assert "neviens dalībnieks" in capsys.readouterr().err
