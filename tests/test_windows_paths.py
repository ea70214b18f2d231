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


@pytest.mark.skipif(sys.platform == "win32", reason="simulates Windows on Linux; real Windows writes UTF-8 (below)")
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


def _without_encoding_overrides() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k not in ("PYTHONIOENCODING", "PYTHONUTF8")}
    env["PYTHONPATH"] = os.pathsep.join(sys.path)
    return env


def test_a_code_page_without_latvian_letters_degrades_the_text_never_a_traceback(demo_db: str, tmp_path: Path) -> None:
    """stdout and stderr in cp1252 with strict errors, as a redirected stream on a Western Windows: on Linux the
    letters cp1252 lacks become "?", on Windows the CLI switches to UTF-8; either way no UnicodeEncodeError."""
    env = {**_without_encoding_overrides(), "PYTHONIOENCODING": "cp1252:strict"}
    listed = subprocess.run(
        [sys.executable, "-m", "projektu_vadiba", "--db", demo_db, "projects"], capture_output=True, env=env
    )
    failed = subprocess.run(
        [sys.executable, "-m", "projektu_vadiba", "--db", str(tmp_path), "projects"], capture_output=True, env=env
    )
    assert listed.returncode == 0 and failed.returncode == 1
    assert b"Traceback" not in listed.stderr + failed.stderr
    if sys.platform == "win32":
        assert "Ķekavas novadā" in listed.stdout.decode("utf-8")
        assert failed.stderr.decode("utf-8").startswith("Kļūda: ")
    else:
        assert "?ekavas novad?" in listed.stdout.decode("cp1252")
        assert failed.stderr.decode("cp1252").startswith("K??da: ")


@pytest.mark.skipif(sys.platform != "win32", reason="Windows Python only: scripts/windows_under_wine.sh runs it")
def test_on_windows_output_redirected_to_files_is_utf8(demo_db: str, tmp_path: Path) -> None:
    """`projektu-vadiba ... > out.txt 2> err.txt` as a scheduled task does it: Windows gives the files the ANSI code
    page, which lacks letters; the CLI writes UTF-8 into both, with Windows line ends."""

    def run(*argv: str) -> tuple[int, bytes, bytes]:
        out, err = tmp_path / "out.txt", tmp_path / "err.txt"
        with out.open("wb") as stdout, err.open("wb") as stderr:
            code = subprocess.call(
                [sys.executable, "-m", "projektu_vadiba", *argv],
                stdout=stdout,
                stderr=stderr,
                env=_without_encoding_overrides(),
            )
        return code, out.read_bytes(), err.read_bytes()

    code, out, err = run("--db", demo_db, "projects")
    assert code == 0 and b"Traceback" not in err
    assert "Ķekavas novadā" in out.decode("utf-8")
    assert out.endswith(b"\r\n")
    code, out, err = run("--db", str(tmp_path), "projects")
    assert code == 1 and b"Traceback" not in err
    assert err.decode("utf-8").startswith("Kļūda: ")
