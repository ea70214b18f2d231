"""The command line end to end: the same services as the GUI, messages instead of tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from projektu_vadiba.cli import main

NUMBER = "2023.LV/NVOF/MAC/041/58"


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_demo_projects_export_import_roundtrip(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    first, second = f"sqlite:///{tmp_path / 'a.sqlite'}", f"sqlite:///{tmp_path / 'b.sqlite'}"
    code, out, _ = run(capsys, "--db", first, "demo")
    assert code == 0 and "projekti 3" in out

    code, out, _ = run(capsys, "--db", first, "projects")
    assert code == 0
    lines = out.strip().splitlines()
    assert len(lines) == 3 and any(line.startswith(NUMBER) for line in lines)
    assert "23-00-U31523.0-000003" in out

    one, two = tmp_path / "one.pvz", tmp_path / "two.pvz"
    assert run(capsys, "--db", first, "export", NUMBER, "-o", str(one))[0] == 0
    code, out, _ = run(capsys, "--db", second, "import", str(one))
    assert code == 0 and NUMBER in out
    assert run(capsys, "--db", second, "export", NUMBER, "-o", str(two))[0] == 0
    assert one.read_bytes() == two.read_bytes()
    with zipfile.ZipFile(one) as archive:
        assert archive.namelist()[0] == "project.json"
        bundle = json.loads(archive.read("project.json").decode("utf-8"))
    assert bundle["project"]["number"] == NUMBER and bundle["events"] and bundle["people"]

    code, _, err = run(capsys, "--db", second, "import", str(one))
    assert code == 1 and "jau ir" in err and "Traceback" not in err


def test_demo_refuses_a_database_with_projects(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    assert run(capsys, "--db", url, "demo")[0] == 0
    code, _, err = run(capsys, "--db", url, "demo")
    assert code == 1 and err.startswith("Kļūda: ")
    assert len(run(capsys, "--db", url, "projects")[1].strip().splitlines()) == 3


def test_user_mistakes_get_messages(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    assert run(capsys, "--db", url, "projects") == (0, "Datubāzē nav projektu.\n", "")

    code, _, err = run(capsys, "--db", url, "export", "2099.LV/NVOF/MIC/999", "-o", str(tmp_path / "x.pvz"))
    assert code == 1 and err.startswith("Kļūda: Projekts ar numuru") and "2099.LV/NVOF/MIC/999" in err
    assert "nav atrasts" in err
    assert not (tmp_path / "x.pvz").exists()
    # A .json name would hold a ZIP: refused with the name to use instead.
    code, _, err = run(capsys, "--db", url, "export", "2099.LV/NVOF/MIC/999", "-o", str(tmp_path / "x.json"))
    assert code == 1 and "ZIP" in err and f"“{tmp_path / 'x.pvz'}”" in err
    assert not (tmp_path / "x.json").exists()

    broken = tmp_path / "broken.json"
    broken.write_text('{"format": "projektu-vadiba-bundle", "version": 1,', encoding="utf-8")
    code, _, err = run(capsys, "--db", url, "import", str(broken))
    assert code == 1 and "Kļūda:" in err

    code, _, err = run(capsys, "--db", url, "import", str(tmp_path / "nav.json"))
    assert code == 1 and "nav.json" in err


def test_entry_point_prints_no_traceback(tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "projektu_vadiba", "--db", "postgresql+psycopg://x:y@127.0.0.1:1/none", "projects"],
        capture_output=True,
        text=True,
        timeout=60,
    )
    assert done.returncode == 1
    assert done.stderr.startswith("Kļūda: Neizdevās atvērt datubāzi")
    assert "Traceback" not in done.stderr


def test_gui_command_goes_through_the_composition_root(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    from projektu_vadiba import app
    from projektu_vadiba.ui import app as ui_app

    calls: list[str | None] = []
    monkeypatch.setattr(ui_app, "run_gui", lambda url: calls.append(url) or 0)
    assert app.main(["--db", "x.sqlite", "gui"]) == 0
    assert app.main([]) == 0
    assert calls == ["x.sqlite", None]
    code, _, err = run(capsys, "gui")  # the headless CLI alone has no window to open
    assert code == 2 and "nav pieejams" in err
