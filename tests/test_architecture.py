"""The core and the reports must run without Qt: the UI depends on them, never the reverse."""

from __future__ import annotations

import ast
import subprocess
import sys
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "src" / "projektu_vadiba"
HEADLESS = ["core", "reports", "cli", "resources.py"]
QT_MODULES = ("PySide6", "PyQt5", "PyQt6", "shiboken6")
# Only these load OpenCV, zxing-cpp and numpy: imported when a scan is read, never at start-up.
SCAN_IMAGE_MODULES = ("core/scan/reader.py", "core/scan/pdf_pages.py", "core/scan/service.py")


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
    names: set[str] = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module and node.level == 0:
            names.add(node.module)
    return names


def _headless_files() -> list[Path]:
    files: list[Path] = []
    for part in HEADLESS:
        target = PACKAGE / part
        files.extend(sorted(target.rglob("*.py")) if target.is_dir() else [target] if target.exists() else [])
    return files


def test_no_qt_import_in_core_or_reports() -> None:
    files = _headless_files()
    assert len(files) > 10  # the scan really looked at the core
    offenders = [
        f"{path.relative_to(PACKAGE)}: {name}"
        for path in files
        for name in _imports(path)
        if name.split(".")[0] in QT_MODULES or name.startswith("projektu_vadiba.ui")
    ]
    assert offenders == []


def test_core_imports_leave_qt_and_report_libraries_unloaded() -> None:
    """The static scan misses dynamic imports; a fresh interpreter catches them. Report modules may import
    reportlab themselves: they are only imported when a report is made."""
    modules = sorted(
        "projektu_vadiba." + ".".join(p.relative_to(PACKAGE).with_suffix("").parts)
        for p in _headless_files()
        if p.name != "__init__.py"
        and "reports" not in p.relative_to(PACKAGE).parts
        and p.relative_to(PACKAGE).as_posix() not in SCAN_IMAGE_MODULES
    )
    code = (
        "import importlib, sys\n"
        f"for m in {modules!r}: importlib.import_module(m)\n"
        "bad = [m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'reportlab', 'openpyxl',"
        " 'cv2', 'zxingcpp', 'numpy', 'docx', 'lxml')]\n"
        "print(','.join(bad))\n"
    )
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True)
    # reportlab and openpyxl load when a report is made, OpenCV and numpy when a scan is read: not at import.
    assert out.stdout.strip() == ""
