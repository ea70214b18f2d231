"""A project with evidence files for the version 2 bundle tests: the complete project of test_bundle.py plus
attachments on the project, an activity, an event and an expense (one content filed twice), our logo and an
interim report's text."""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path

from sqlalchemy import select
from sqlalchemy.orm import Session

from projektu_vadiba.core.db import Database, open_database
from projektu_vadiba.core.models import Activity, Event, Expense, Project, ProjectText
from projektu_vadiba.core.services import attachments
from projektu_vadiba.core.services.attachments import Owner
from tests.core.test_bundle import NUMBER, _build_project

PNG = b"\x89PNG\r\n\x1a\n" + b"\x00\x00\x00\rIHDR" + bytes(range(64))  # enough for the bundle: it checks no pixels
PHOTO = bytes(range(256)) * 40  # a "JPEG": stored in the ZIP as it is
SHEET = b"%PDF-1.4\n" + "Parakstīta lapa: Bērziņš, Ūdre\n".encode() * 50


@dataclass(frozen=True)
class Source:
    db: Database
    folder: Path  # its attachment folder


def _add_evidence(s: Session, scratch: Path) -> None:
    """Files on the project, an activity, an event and an expense; one content filed twice; our logo."""
    project = s.scalars(select(Project).where(Project.number == NUMBER)).one()
    activity = s.scalars(select(Activity).where(Activity.project_id == project.id).order_by(Activity.id)).first()
    events = s.scalars(select(Event).where(Event.project_id == project.id).order_by(Event.id)).all()
    expense = s.scalars(select(Expense).where(Expense.project_id == project.id).order_by(Expense.id)).first()
    assert activity is not None and expense is not None
    own = project.implementer
    own.is_own, own.logo = True, PNG
    # The funder's sentence and logo of this project (a municipality's): a second logo, another file in the ZIP.
    project.publicity, project.logo = "Projektu līdzfinansē Ķekavas novada pašvaldība.", PNG + b"\x00projekts"
    # The interim report's own text (March–June 2023): it travels in project.interim_texts.
    s.add(
        ProjectText(
            project=project,
            key="publicity",
            text="Martā–jūnijā: divi raksti.",
            period_start=dt.date(2023, 3, 1),
            period_end=dt.date(2023, 6, 30),
        )
    )

    files = {"lapa ar parakstiem.pdf": SHEET, "Foto Ķekavā.JPG": PHOTO, "rēķins R-1.pdf": b"%PDF-1.4 invoice"}
    for name, data in files.items():
        (scratch / name).write_bytes(data)
    add = attachments.add
    add(
        s,
        scratch / "lapa ar parakstiem.pdf",
        Owner(event_id=events[0].id),
        kind="signed_sheet",
        date=dt.date(2023, 4, 12),
    )
    add(s, scratch / "Foto Ķekavā.JPG", Owner(event_id=events[1].id), kind="photo", description="Pie upes")
    add(s, scratch / "Foto Ķekavā.JPG", Owner(activity_id=activity.id), kind="publication")  # same file again
    add(s, scratch / "rēķins R-1.pdf", Owner(expense_id=expense.id), kind="invoice", date=dt.date(2023, 4, 30))
    add(s, scratch / "lapa ar parakstiem.pdf", Owner(project_id=project.id), description="Kopija projektam")


def make_source(sqlite_template: Path, tmp_path: Path) -> Iterator[Source]:
    """A fresh SQLite database in tmp_path/source with the project; its attachment folder beside it."""
    folder = tmp_path / "source"
    folder.mkdir()
    shutil.copyfile(sqlite_template, folder / "a.sqlite")
    db = open_database(f"sqlite:///{folder / 'a.sqlite'}")
    scratch = tmp_path / "originals"
    scratch.mkdir()
    with db.session() as s:
        _build_project(s)
        _add_evidence(s, scratch)
    yield Source(db, folder / attachments.FOLDER)
    db.close()
