"""A logo compressed once per process is written into each document exactly as reportlab's drawImage writes it:
the whole PDF byte for byte, with and without transparency, binary or ASCII85, one picture used twice."""

from __future__ import annotations

import io
from typing import Any

import pytest
from PIL import Image
from reportlab import rl_config
from reportlab.lib.utils import ImageReader
from reportlab.pdfgen.canvas import Canvas

from projektu_vadiba.reports.common import draw_encoded_image
from projektu_vadiba.resources import resource


def _readers() -> list[Any]:
    with_alpha = ImageReader(str(resource("logos", "sif.png")))
    flat = io.BytesIO()
    Image.open(resource("logos", "lad.png")).convert("RGB").save(flat, "PNG")  # no transparency
    readers = [with_alpha, ImageReader(io.BytesIO(flat.getvalue()))]
    for r in readers:
        r.getRGBData()  # decoded as common._image does it
    return readers


def _pdf(readers: list[Any], ours: bool) -> bytes:
    buffer = io.BytesIO()
    c = Canvas(buffer, invariant=1, pageCompression=1)
    for page in range(2):
        for n, reader in enumerate([*readers, readers[0]]):  # the first picture twice: stored once
            width, height = reader.getSize()
            c.beginForm(f"logo{page}_{n}", 0, 0, width, height)
            if ours:
                draw_encoded_image(c, reader)
            else:
                c.drawImage(reader, 0, 0, width, height, mask="auto")
            c.endForm()
            c.doForm(f"logo{page}_{n}")
        c.showPage()
    c.save()
    return buffer.getvalue()


@pytest.mark.parametrize("a85", [0, 1])
def test_a_logo_encoded_once_is_written_as_draw_image_writes_it(a85: int) -> None:
    readers = _readers()
    saved, rl_config.useA85 = rl_config.useA85, a85
    try:
        expected = _pdf(readers, ours=False)
        first, second = _pdf(readers, ours=True), _pdf(readers, ours=True)  # the second from the process's cache
    finally:
        rl_config.useA85 = saved
    assert first == expected
    assert second == expected
    assert expected.count(b"/SMask") == 1  # the transparent picture's, stored once
