#!/usr/bin/env python3
"""Screenshots of the team-server screens for docs/team.md: `scripts/team_screenshots.py OUTDIR --postgres URL`.

Offscreen, bundled DejaVu Sans. The connection test runs for real against the PostgreSQL server URL names (a wrong
password, a refused port, then the right password); the "wait for the administrator" message is the same rule
(core/connection.judge) applied to a schema one revision behind, for a role that owns nothing. The last two pictures
put the window on that server behind a proxy (tests/pg_proxy.py), cut it under an open form and press Save.
The URL's database is used as it is (its schema is upgraded if it is behind, nothing is written to it).
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))  # tests/pg_proxy.py
sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "src"))

from PySide6.QtCore import QSettings
from PySide6.QtWidgets import QApplication
from sqlalchemy.engine import make_url

from projektu_vadiba.core.connection import ServerAddress, judge
from projektu_vadiba.core.db import open_database
from projektu_vadiba.ui.app import make_application
from projektu_vadiba.ui.dialogs.database_settings import DatabaseSettingsDialog
from projektu_vadiba.ui.dialogs.project_form import ProjectForm
from projektu_vadiba.ui.main_window import MainWindow
from projektu_vadiba.ui.settings import Settings

SIZE = (1366, 700)


def _settle(app: QApplication) -> None:
    for _ in range(5):
        app.processEvents()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("outdir", type=Path)
    parser.add_argument("--postgres", required=True, help="postgresql+psycopg://user:password@host:port/database")
    args = parser.parse_args(argv)
    args.outdir.mkdir(parents=True, exist_ok=True)
    url = make_url(args.postgres)
    app = make_application()
    # Nothing is written to the password file: the dialog is never saved here.

    with tempfile.TemporaryDirectory() as tmp:
        settings = Settings(QSettings(str(Path(tmp) / "s.ini"), QSettings.Format.IniFormat))
        dialog = DatabaseSettingsDialog(settings)
        dialog.show()
        _settle(app)

        def save(name: str) -> None:
            dialog.adjustSize()
            _settle(app)
            dialog.grab().save(str(args.outdir / name), "PNG", 0)
            print(args.outdir / name)

        save("01-database-this-computer.png")
        dialog.server.setChecked(True)
        dialog.host.setText(url.host or "127.0.0.1")
        dialog.port.setValue(url.port or 5432)
        dialog.database.setText(url.database or "")
        dialog.user.setText(url.username or "")
        dialog.password.setText("nepareiza")
        dialog.test_connection()
        save("02-wrong-password.png")
        dialog.port.setValue(1)
        dialog.password.setText(url.password or "")
        dialog.test_connection()
        save("03-refused-port.png")
        dialog.port.setValue(url.port or 5432)
        dialog.test_connection()
        save("04-connected.png")
        address = ServerAddress(url.host or "", url.port or 5432, url.database or "", url.username or "")
        dialog.checker = lambda _url: judge(address, 150000, "15.0", "0006", False, 40)
        dialog.test_connection()
        save("05-wait-for-admin.png")
        dialog.close()

        from tests.pg_proxy import Proxy

        proxy = Proxy(url.host or "127.0.0.1", url.port or 5432)
        db = open_database(url.set(port=proxy.port).render_as_string(hide_password=False))
        window = MainWindow(db, settings)
        window.resize(*SIZE)
        window.show()
        _settle(app)
        form = ProjectForm(window.ws, parent=window)
        form.show()
        form.number.setText("2026-KOM-1")
        form.title.setText("Kopienu sarunas Daugmalē")
        form.funder.lineEdit().setText("Sabiedrības integrācijas fonds")
        proxy.cut()
        form.accept()  # Save, with the server gone
        _settle(app)
        window.grab().save(str(args.outdir / "06-connection-lost-window.png"), "PNG", 0)
        form.adjustSize()
        _settle(app)
        form.grab().save(str(args.outdir / "07-connection-lost-form.png"), "PNG", 0)
        print(args.outdir / "06-connection-lost-window.png", args.outdir / "07-connection-lost-form.png")
        form.done(0)
        window.connection.stop()
        window.close()
        proxy.close()
        db.close()
        conflict_picture(app, Path(tmp), args.outdir / "08-conflict.png")
    return 0


def conflict_picture(app: QApplication, tmp: Path, out: Path) -> None:
    """A real conflict: Beate saves an event of the demo data after Anna's form was loaded; Anna saves hers."""
    from dataclasses import replace

    from projektu_vadiba.core.concurrency import ConflictError
    from projektu_vadiba.core.demo import fill_demo
    from projektu_vadiba.core.services import activities, projects
    from projektu_vadiba.core.services.event_delete import event_input
    from projektu_vadiba.ui.conflict_dialog import ConflictDialog

    anna = open_database(f"sqlite:///{tmp / 'demo.sqlite'}")
    with anna.session() as s:
        fill_demo(s)
        pid = projects.list_projects(s)[0].id
        event = activities.list_events(s, pid)[0]
        loaded = event_input(activities.get_event(s, event.id))
    beate = open_database(anna.url)
    with beate.session() as s:
        activities.update_event(s, event.id, replace(loaded, place="Tautas nams", planned_participants=25))
    mine = replace(loaded, place="Bibliotēkas zāle", description="Sarunas par kopienas telpām.")
    try:
        with anna.session() as s:
            activities.update_event(s, event.id, mine)
    except ConflictError as exc:
        dialog = ConflictDialog(exc.with_original(loaded))
        dialog.show()
        _settle(app)
        dialog.grab().save(str(out), "PNG", 0)
        print(out)
        dialog.close()
    beate.close()
    anna.close()


if __name__ == "__main__":
    sys.exit(main())
