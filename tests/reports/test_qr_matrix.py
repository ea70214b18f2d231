"""The sheets' QR codes are module for module the ones reportlab's encoder makes (its mask choice is only computed
faster), for page codes of every length and for the larger versions (7+, with version information)."""

from __future__ import annotations

import random

import pytest
from reportlab.graphics.barcode import qrencoder

from projektu_vadiba.core.scan.marks import PagePayload
from projektu_vadiba.reports.qr_matrix import qr_modules


def reportlab_modules(text: str) -> list[list[bool]]:
    qr = qrencoder.QRCode(None, qrencoder.QRErrorCorrectLevel.M)
    qr.addData(text)
    qr.make()
    n = qr.getModuleCount()
    return [[bool(qr.isDark(r, c)) for c in range(n)] for r in range(n)]


def page_codes(count: int) -> list[str]:
    rng = random.Random(7)
    return [
        PagePayload(
            rng.choice(["0", "A1B2C3D4", "FFFFFFFF"]),
            rng.randrange(10 ** rng.randrange(1, 7)),
            rng.randrange(1, 10 ** rng.randrange(1, 6)),
            rng.randrange(1, 30),
            rng.randrange(500),
            rng.randrange(40),
            rng.random() < 0.5,
        ).encode()
        for _ in range(count)
    ]


@pytest.mark.parametrize("text", page_codes(150) + ["Ā" * n for n in (1, 20, 60, 90, 130)])
def test_modules_equal_reportlabs(text: str) -> None:
    assert qr_modules(text) == reportlab_modules(text)


def test_a_long_text_gets_version_information() -> None:
    modules = qr_modules("x" * 150)  # version 8: 49 modules, with the 6x3 version blocks
    assert len(modules) == 49 and modules == reportlab_modules("x" * 150)
