"""The report font: DejaVu Sans (bundled, every Latvian letter) registered with reportlab once, on first use.

reportlab's standard fonts (Helvetica, Times) and its bundled Vera lose ā ē ģ ī ķ ļ ņ ū: every style of every
report must name one of the fonts below.
"""

from __future__ import annotations

import threading
from dataclasses import dataclass

from projektu_vadiba.core.errors import AppError
from projektu_vadiba.resources import resource

FAMILY = "DejaVuSans"
REGULAR, BOLD, ITALIC, BOLD_ITALIC = "DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique", "DejaVuSans-BoldOblique"
FILES = {
    REGULAR: "DejaVuSans.ttf",
    BOLD: "DejaVuSans-Bold.ttf",
    ITALIC: "DejaVuSans-Oblique.ttf",
    BOLD_ITALIC: "DejaVuSans-BoldOblique.ttf",
}


@dataclass(frozen=True)
class Fonts:
    regular: str = REGULAR
    bold: str = BOLD
    italic: str = ITALIC
    bold_italic: str = BOLD_ITALIC


_lock = threading.Lock()
_registered = False


def register_fonts() -> Fonts:
    """Register the family (idempotent, thread-safe); returns the font names to use."""
    global _registered
    with _lock:
        if not _registered:
            from reportlab.pdfbase import pdfmetrics
            from reportlab.pdfbase.ttfonts import TTFont

            for name, file_name in FILES.items():
                path = resource("fonts", file_name)
                if not path.is_file():
                    raise AppError.of("font.missing", path=str(path))
                pdfmetrics.registerFont(TTFont(name, str(path)))
            pdfmetrics.registerFontFamily(FAMILY, normal=REGULAR, bold=BOLD, italic=ITALIC, boldItalic=BOLD_ITALIC)
            _registered = True
    return Fonts()
