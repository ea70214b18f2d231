"""`projektu-vadiba people …` end to end on an SQLite file."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path

import pytest

from projektu_vadiba.cli import main
from projektu_vadiba.core.db import open_database
from projektu_vadiba.core.dto import EventInput
from projektu_vadiba.core.services import activities, people, projects
from tests.core.factories import project_input

NUMBER = "2023.LV/NVOF/MAC/041/58"
CSV = (
    "Vārds;Uzvārds;E-pasts;Pašvaldība;Piedalījās\n"
    "Jānis;Bērziņš;janis@example.lv;Ķekavas novads;jā\n"
    "Ģirts;Ūdris;girts@;Baldone;jā\n"
    "Žanna;Ķuze;zanna@example.lv;Daugmale;nē\n"
)


def run(capsys: pytest.CaptureFixture[str], *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out = capsys.readouterr()
    return code, out.out, out.err


@pytest.fixture
def setup(tmp_path: Path) -> tuple[str, int, Path]:
    url = f"sqlite:///{tmp_path / 'a.sqlite'}"
    db = open_database(url)
    with db.session() as s:
        project = projects.create_project(s, project_input())
        ev = activities.create_event(
            s, project.id, EventInput("Seminārs", datetime(2023, 5, 4, 10), datetime(2023, 5, 4, 12))
        )
    db.close()
    path = tmp_path / "saraksts.csv"
    path.write_bytes(CSV.encode("cp1257"))
    return url, ev.id, path


def test_import_refuses_invalid_rows_then_skips_them_and_links_duplicates(
    setup: tuple[str, int, Path], capsys: pytest.CaptureFixture[str]
) -> None:
    url, event_id, path = setup
    code, out, err = run(capsys, "--db", url, "people", "import", str(path), "--event", str(event_id))
    assert code == 1
    assert "3. rinda: “girts@” nav derīga e-pasta adrese." in err and "Nekas netika saglabāts" in err
    assert run(capsys, "--db", url, "people", "search", "berzins")[1].strip() == "Atrastas personas: 0."

    code, out, _ = run(capsys, "--db", url, "people", "import", str(path), "--skip-invalid", "--dry-run")
    assert code == 0 and "nekas netika saglabāts (--dry-run)" in out

    code, out, _ = run(capsys, "--db", url, "people", "import", str(path), "--event", str(event_id), "--skip-invalid")
    assert code == 0 and "jaunas personas 2" in out and "izlaistas kļūdainās rindas: 3" in out

    code, out, _ = run(capsys, "--db", url, "people", "import", str(path), "--skip-invalid")
    assert code == 0 and "jaunas personas 0, sasaistītas ar esošām 2" in out
    assert "2. rinda: iespējams dublikāts — Jānis Bērziņš" in out

    code, out, _ = run(capsys, "--db", url, "people", "search", "kekava")
    assert code == 0 and "Bērziņš Jānis" in out and "Atrastas personas: 1." in out


def test_export_stats_and_anonymise(
    setup: tuple[str, int, Path], capsys: pytest.CaptureFixture[str], tmp_path: Path
) -> None:
    url, event_id, path = setup
    assert run(capsys, "--db", url, "people", "import", str(path), "--event", str(event_id), "--skip-invalid")[0] == 0
    out_file = tmp_path / "saraksts.xlsx"
    code, out, _ = run(capsys, "--db", url, "people", "export", "--event", str(event_id), "-o", str(out_file))
    assert code == 0 and out_file.is_file() and "personas: 2" in out
    code, out, _ = run(capsys, "--db", url, "people", "export", "--project", NUMBER, "-o", str(tmp_path / "p.csv"))
    assert code == 0 and "Bērziņš" in (tmp_path / "p.csv").read_text(encoding="utf-8-sig")
    code, out, _ = run(capsys, "--db", url, "people", "stats", "--project", NUMBER)
    assert code == 0 and "Unikālās personas: 1; dalības reizes: 1" in out

    code, out, _ = run(capsys, "--db", url, "people", "anonymise", "--project", NUMBER)
    assert code == 2 and "Tiks anonimizētas personas: 2" in out and "Nekas netika mainīts" in out
    code, out, _ = run(capsys, "--db", url, "people", "anonymise", "--project", NUMBER, "--yes")
    assert code == 0 and "Anonimizētas personas: 2." in out
    assert "Atrastas personas: 0." in run(capsys, "--db", url, "people", "search", "berzins")[1]
    assert "Unikālās personas: 1; dalības reizes: 1" in run(capsys, "--db", url, "people", "stats", "--project",
                                                            NUMBER)[1]  # fmt: skip
    db = open_database(url)
    with db.session() as s:
        assert {p.given_name for p in people.search_people(s, "")} == {"Anonimizēts"}
    db.close()


def test_unknown_file_and_event_get_messages(setup: tuple[str, int, Path], capsys: pytest.CaptureFixture[str]) -> None:
    url, _, path = setup
    code, _, err = run(capsys, "--db", url, "people", "import", str(path.with_name("nav.csv")))
    assert code == 1 and err.startswith("Kļūda: Fails") and "Traceback" not in err
    code, _, err = run(capsys, "--db", url, "people", "import", str(path), "--event", "999")
    assert code == 1 and "Pasākums (nr. 999) nav atrasts" in err


def test_a_large_import_leaves_no_upkeep_behind(
    setup: tuple[str, int, Path], capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    """The command line merges the search index itself after a large import (the app does it on a thread)."""
    from projektu_vadiba.core import search_upkeep

    left: list[bool] = []
    run_upkeep = search_upkeep.run

    def spy(engine, *args):  # type: ignore[no-untyped-def]
        with engine.connect() as c:
            left.append(search_upkeep.pending(c))
        return run_upkeep(engine, *args)

    monkeypatch.setattr(search_upkeep, "run", spy)
    url, _event_id, path = setup
    lines = ["Vārds;Uzvārds"] + [f"Ieva{i};Kļaviņa" for i in range(1500)]
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1257"))
    assert run(capsys, "--db", url, "people", "import", str(path))[0] == 0  # an empty registry: buckets cut anew
    path.write_bytes(("\n".join([lines[0]] + [f"Anna{i};Ozola" for i in range(1200)]) + "\n").encode("cp1257"))
    code, out, _ = run(capsys, "--db", url, "people", "import", str(path))
    assert code == 0 and "jaunas personas 1200" in out
    assert left == [False, True]  # the second import (into 1,500 people) left merging, and it was done
    db = open_database(url)
    try:
        with db.engine.connect() as c:
            assert not search_upkeep.pending(c)
            assert c.exec_driver_sql("SELECT v FROM people_fts_config WHERE k = 'automerge'").scalar() == 4
    finally:
        db.close()
    assert "Atrastas personas: 1200 (parādītas 50)." in run(capsys, "--db", url, "people", "search", "ozola")[1]
