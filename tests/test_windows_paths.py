"""What differs on the users' Windows machines, tested on Linux where it can be: the data folder under
%LOCALAPPDATA% (the one the uninstaller offers to delete), folders and files with Latvian letters and spaces, CSV files
as Excel on a Latvian Windows saves them (Windows-1257, CRLF line ends), a scanner's PDF read without poppler, and
Latvian text printed into a pipe whose code page is not UTF-8. The real Windows run is
.github/workflows/windows-installer.yml (built and smoke-tested on a hosted Windows runner)."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from projektu_vadiba.cli import main
from projektu_vadiba.core.db import APP_NAME, default_data_dir

ROOT = Path(__file__).resolve().parent.parent
NUMBER = "2023.LV/NVOF/MAC/041/58"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """Like C:\\Users\\Jānis Bērziņš\\Mani dokumenti\\Projekti ar atstarpēm."""
    path = tmp_path / "Jānis Bērziņš" / "Mani dokumenti" / "Projekti ar atstarpēm"
    path.mkdir(parents=True)
    return path


@pytest.fixture
def demo_db(folder: Path, capsys: pytest.CaptureFixture[str]) -> str:
    db = folder / "Biedrības dati.sqlite"
    assert run(capsys, "--db", str(db), "demo")[0] == 0
    return str(db)


def test_the_data_folder_is_under_localappdata_where_the_uninstaller_looks(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import platformdirs
    from platformdirs import windows

    local = tmp_path / "Users" / "Jānis Bērziņš" / "AppData" / "Local"
    monkeypatch.setenv("LOCALAPPDATA", str(local))
    monkeypatch.setenv("APPDATA", str(tmp_path / "Users" / "Jānis Bērziņš" / "AppData" / "Roaming"))
    monkeypatch.delenv("PROJEKTU_VADIBA_DB", raising=False)
    # platformdirs as on Windows, reading the folders from the environment (its fallback there).
    monkeypatch.setattr(windows, "_RESOLVE_WIN_FOLDER", windows.get_win_folder_from_env_vars)
    monkeypatch.setattr(platformdirs, "PlatformDirs", windows.Windows)

    assert default_data_dir() == local / APP_NAME  # local, not roaming; no vendor folder in between
    iss = (ROOT / "installer" / "windows" / "projektu-vadiba.iss").read_text(encoding="utf-8-sig")
    assert f'#define DataFolder "{APP_NAME}"' in iss and "ExpandConstant('{localappdata}\\{#DataFolder}')" in iss

    # With nothing given, the app makes its database there and finds it again.
    assert run(capsys, "demo")[0] == 0
    assert (local / APP_NAME / "projektu-vadiba.sqlite").is_file()
    code, out, _ = run(capsys, "projects")
    assert code == 0 and NUMBER in out


def test_folders_and_files_with_latvian_letters_and_spaces(
    folder: Path, demo_db: str, capsys: pytest.CaptureFixture[str]
) -> None:
    bundle = folder / "Projekts ķēde.pvz"
    assert run(capsys, "--db", demo_db, "export", NUMBER, "-o", str(bundle))[0] == 0
    other = folder / "Otrs dators" / "Ūdens dati.sqlite"
    code, out, err = run(capsys, "--db", str(other), "import", str(bundle))
    assert code == 0, err
    code, out, _ = run(capsys, "--db", f"sqlite:///{other}", "projects")  # the URL form of the same path
    assert code == 0 and NUMBER in out and "Ķekavas novadā" in out
    sheet = folder / "Reģistrācijas lapas" / "lapas ar garumzīmēm.pdf"
    sheet.parent.mkdir()
    code, out, err = run(capsys, "--db", demo_db, "report", "attendance", NUMBER, "--event", "1", "-o", str(sheet))
    assert code == 0, err
    assert sheet.read_bytes().startswith(b"%PDF") and str(sheet) in out


@pytest.mark.parametrize("encoding", ["cp1257", "utf-8-sig"])
def test_a_csv_saved_by_excel_on_a_latvian_windows(
    folder: Path, demo_db: str, capsys: pytest.CaptureFixture[str], encoding: str
) -> None:
    """Excel's "CSV (semicolon delimited)" on a Latvian Windows: Windows-1257, or UTF-8 with a BOM, CRLF line ends."""
    rows = [
        "Vārds;Uzvārds;E-pasts;Pašvaldība",
        "Ģirts;Ūdris;girts.udris@example.lv;Ķekavas novads",
        "Žanna;Čakste;;Līvāni",
    ]
    path = folder / "Dalībnieki (Excel).csv"
    path.write_bytes(("\r\n".join(rows) + "\r\n").encode(encoding))
    code, out, err = run(capsys, "--db", demo_db, "people", "import", str(path))
    assert code == 0, err + out
    code, out, _ = run(capsys, "--db", demo_db, "people", "search", "udris")
    assert code == 0 and "Ūdris Ģirts  (Ķekavas novads, girts.udris@example.lv)" in out and "\r" not in out
    code, out, _ = run(capsys, "--db", demo_db, "people", "search", "Čakste")
    assert code == 0 and "Čakste Žanna  (Līvāni)" in out and "\r" not in out


def test_a_scanners_pdf_is_read_without_poppler(
    folder: Path, demo_db: str, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Windows has no pdftoppm: the picture on each page of a scanner's PDF is read instead."""
    from projektu_vadiba.core.scan import pdf_pages
    from tests.core import scan_images as im

    if shutil.which("pdftoppm") is None:  # a Windows runner: nothing here can make the test's scan
        pytest.skip("making the scanned PDF for this test needs poppler's pdftoppm")

    printed = folder / "izdrukāta lapa.pdf"
    assert run(capsys, "--db", demo_db, "report", "attendance", NUMBER, "--event", "1", "-o", str(printed))[0] == 0
    pages = [im.jpeg(page) for page in im.render(printed.read_bytes())]  # the scanner (poppler only makes the scan)
    scanned = im.save_pdf(pages, folder / "Skenētās lapas 1. pasākums.pdf")

    monkeypatch.setattr(pdf_pages.shutil, "which", lambda _name: None)
    code, out, err = run(capsys, "--db", demo_db, "attendance", "scan", str(scanned), "--json")
    assert code == 0, err
    report = json.loads(out)
    assert report["errors"] == [] and [p["page"] for p in report["pages"]] == list(range(1, len(pages) + 1))
    assert {p["event"] for p in report["pages"]} == {1}
    # The printed PDF itself (no scan in it): each page says what to do instead of failing the run.
    code, out, _ = run(capsys, "--db", demo_db, "attendance", "scan", str(printed), "--json")
    errors = json.loads(out)["errors"]
    assert code == 1 and len(errors) == len(pages) and "pdftoppm" in errors[0]["message"]


def test_latvian_output_into_a_pipe_on_a_latvian_windows(demo_db: str) -> None:
    """Into a pipe, Python writes the ANSI code page: Windows-1257 on a Latvian Windows holds every Latvian letter."""
    env = {**os.environ, "PYTHONIOENCODING": "cp1257", "PYTHONPATH": os.pathsep.join(sys.path)}
    result = subprocess.run(
        [sys.executable, "-m", "projektu_vadiba", "--db", demo_db, "projects"], capture_output=True, env=env
    )
    assert result.returncode == 0, result.stderr.decode("cp1257", "replace")
    assert "Ķekavas novadā" in result.stdout.decode("cp1257")


def test_the_frozen_windows_program_writes_utf8_whatever_the_code_page(demo_db: str) -> None:
    """Another code page (cp1252) lacks ā, ķ, ņ: the frozen program runs in Python's UTF-8 mode (the spec's
    "X utf8" option), which this reproduces, so its output is UTF-8 (build.ps1 reads it as such)."""
    spec = (ROOT / "installer" / "projektu-vadiba.spec").read_text(encoding="utf-8")
    assert '("X utf8", None, "OPTION")' in spec
    env = {k: v for k, v in os.environ.items() if k != "PYTHONIOENCODING"}
    env.update({"LC_ALL": "C", "PYTHONPATH": os.pathsep.join(sys.path)})
    result = subprocess.run(
        [sys.executable, "-X", "utf8", "-m", "projektu_vadiba", "--db", demo_db, "projects"],
        capture_output=True,
        env=env,
    )
    assert result.returncode == 0, result.stderr.decode("utf-8", "replace")
    assert "Ķekavas novadā" in result.stdout.decode("utf-8")
