"""A large import through the dialog leaves the search index's merging to a background thread (ui.upkeep): the
window stays usable, the upkeep finishes on its own, searches find the same, and undo still takes it all back."""

from __future__ import annotations

import threading
import time
from pathlib import Path

import pytest
from PySide6.QtCore import Qt
from PySide6.QtWidgets import QMessageBox
from sqlalchemy import text

from projektu_vadiba.core import people_words, search_upkeep
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.services import people
from projektu_vadiba.ui.people.import_dialog import ImportDialog
from projektu_vadiba.ui.upkeep import Upkeep
from projektu_vadiba.ui.workspace import Workspace
from tests.core.test_people_search import _many
from tests.core.test_search_upkeep import _seeded


def _pending(db: Database) -> bool:
    with db.engine.connect() as c:
        return search_upkeep.pending(c)


def test_a_large_import_is_merged_in_the_background_and_undone(
    qtbot, empty_db: Database, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:  # type: ignore[no-untyped-def]
    db = _seeded(empty_db)
    path = tmp_path / "dalibnieki.csv"
    lines = ["Vārds;Uzvārds;E-pasts"] + [f"Ieva{i};Kļaviņa;ieva{i}@example.lv" for i in range(1200)]
    path.write_bytes(("\n".join(lines) + "\n").encode("cp1257"))
    monkeypatch.setattr(QMessageBox, "information", lambda *a: None)
    ws = Workspace(db)
    started: list[bool] = []
    original = ws.upkeep.start
    monkeypatch.setattr(ws.upkeep, "start", lambda d: (started.append(True), original(d)))
    dialog = ImportDialog(ws, None, None)
    qtbot.addWidget(dialog)
    dialog.show()
    dialog.load_file(path)
    qtbot.mouseClick(dialog.check_button, Qt.MouseButton.LeftButton)
    assert dialog.plan is not None and len(dialog.plan.rows) == 1200
    with qtbot.waitSignal(ws.dataChanged):
        qtbot.mouseClick(dialog.import_button, Qt.MouseButton.LeftButton)
    assert dialog.result is not None and dialog.result.created == 1200
    assert started == [True]
    qtbot.waitUntil(lambda: not ws.upkeep.running and not _pending(db), timeout=10_000)
    with db.session() as s:
        assert people.count_people(s, "klavina") == 1200
        assert [p.given_name for p in people.search_people(s, "ieva11", limit=3)] == ["Ieva11", "Ieva110", "Ieva1100"]
    ws.undo()
    assert started == [True, True]  # taking it back leaves upkeep too (PostgreSQL: the GIN index's pending list)
    with db.session() as s:
        assert people.count_people(s, "klavina") == 0
        assert people.count_people(s) == 1500


def test_postgresql_decides_the_common_prefixes_on_the_upkeep_thread(
    db: Database, monkeypatch: pytest.MonkeyPatch
) -> None:
    """PostgreSQL: the upkeep's check (a count of people) and the decision run on the thread, never on the UI's."""
    if db.engine.dialect.name != "postgresql":
        pytest.skip("PostgreSQL people_words")
    monkeypatch.setattr(people_words, "MIN_COMMON", 30)

    def common() -> set[str]:
        with db.engine.begin() as c:
            return set(c.execute(text("SELECT prefix FROM people_words_common")).scalars())

    def reset() -> None:
        with db.engine.begin() as c:
            c.execute(text("DELETE FROM people_words_common"))
            c.execute(text("UPDATE people_words_decided SET people = 0"))

    reset()
    with db.session() as s:
        _many(s, 40)
    upkeep = Upkeep()
    threads = threading.active_count()
    upkeep.start(db)
    assert upkeep.running or threading.active_count() == threads  # (it may have finished already)
    deadline = time.monotonic() + 30
    while upkeep.running and time.monotonic() < deadline:
        time.sleep(0.05)
    try:
        assert common() == {"ex", "lv"}
    finally:
        reset()
