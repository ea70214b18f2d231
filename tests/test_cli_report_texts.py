"""`report texts`: each report's texts set from UTF-8 files and read back; bad input is a coded message."""

from __future__ import annotations

from pathlib import Path

import pytest

from projektu_vadiba.cli import main
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.dto import ProjectInput
from projektu_vadiba.core.services import projects
from tests.core.factories import project_input

NUMBER = "2023.LV/NVOF/MAC/041/58"


@pytest.fixture
def url(tmp_path: Path) -> str:
    url = f"sqlite:///{tmp_path / 'texts.sqlite'}"
    db = open_database(url)
    with db.session() as s:
        data: ProjectInput = project_input()
        projects.create_project(s, data)
    db.close()
    return url


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


def test_texts_of_each_report_go_in_and_come_back(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    final = tmp_path / "izmainas.txt"
    final.write_text("Izmaiņu nebija; ķēdes ūdens.\n", encoding="utf-8")
    folder = tmp_path / "2023"
    folder.mkdir()
    (folder / "interim_progress.txt").write_text("Martā–jūlijā trīs tikšanās.", encoding="utf-8")
    code, out, _ = run(capsys, "--db", url, "report", "texts", NUMBER, "--set", "changes", str(final))
    assert code == 0 and "Saglabāts 1 teksts: noslēguma pārskats." in out
    interim = ["--interim", "01.03.2023", "31.07.2023"]
    code, out, _ = run(capsys, "--db", url, "report", "texts", NUMBER, *interim, "--from-dir", str(folder))
    assert code == 0 and "01.03.2023–31.07.2023" in out
    code, out, _ = run(capsys, "--db", url, "report", "texts", NUMBER, *interim, "--show", "interim_progress")
    assert out == "Martā–jūlijā trīs tikšanās.\n"
    code, out, _ = run(capsys, "--db", url, "report", "texts", NUMBER)  # the final report: its own texts only
    assert code == 0 and "changes" in out and "aizpildīts" in out and "interim_progress" not in out
    assert "aim_reached" in out and "TRŪKST" in out
    back = tmp_path / "atpakal"
    code, _, err = run(capsys, "--db", url, "report", "texts", NUMBER, "--to-dir", str(back))
    assert "ierakstīts 1 teksts" in err
    assert code == 0 and [p.name for p in back.iterdir()] == ["changes.txt"]
    assert (back / "changes.txt").read_text(encoding="utf-8") == final.read_text(encoding="utf-8")


def test_bad_input_is_a_message_not_a_traceback(url: str, tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    latin = tmp_path / "latin.txt"
    latin.write_bytes("Izmaiņas".encode("cp1257"))
    good = tmp_path / "labs.txt"
    good.write_text("Teksts.", encoding="utf-8")
    cases = [
        (["--set", "changes", str(latin)], "nav UTF-8 teksts"),
        (["--set", "changes", str(tmp_path / "nav.txt")], "nevar nolasīt"),
        (["--set", "kopsavilkums", str(good)], "Noslēguma pārskatam nav teksta sadaļas “kopsavilkums”"),
        (["--interim", "01.01.2023", "31.12.2023", "--set", "changes", str(good)], "Starpposma pārskatam nav"),
        (["--from-dir", str(tmp_path / "nav")], "nav atrasta"),
    ]
    for extra, said in cases:
        code, out, err = run(capsys, "--db", url, "report", "texts", NUMBER, *extra)
        assert code == 1 and said in err and "Traceback" not in err, (extra, err)
    code, out, _ = run(capsys, "--db", url, "report", "texts", NUMBER, "--show", "changes")
    assert out == "\n"  # nothing was kept by the refused commands
