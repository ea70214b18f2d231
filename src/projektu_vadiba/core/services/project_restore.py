"""Deleting a whole project so that undo can bring it back: the project is kept as its own JSON bundle
(core.bundle, the same format as `export`) and imported again on undo; the people stay in the registry and are
matched again. Printed sheets and scans are tied to this database and never travel in a bundle, and attached
documents travel only inside the bundle's ZIP file, not in the data kept here: a project they hang on is not
restorable, and the UI says the delete is final."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from sqlalchemy import func, or_, select
from sqlalchemy.orm import Session

from projektu_vadiba.core.models import Event, Project
from projektu_vadiba.core.models.evidence import Attachment, PrintPage, ScanApply
from projektu_vadiba.core.services import projects
from projektu_vadiba.core.services.common import get_or_404


def restorable(session: Session, project_id: int) -> bool:
    events = select(Event.id).where(Event.project_id == project_id)
    for query in (
        select(func.count()).select_from(PrintPage).where(PrintPage.event_id.in_(events)),
        select(func.count()).select_from(ScanApply).where(ScanApply.event_id.in_(events)),
        select(func.count())
        .select_from(Attachment)
        .where(or_(Attachment.project_id == project_id, Attachment.event_id.in_(events))),
    ):
        if session.scalar(query):
            return False
    return True


@dataclass(frozen=True)
class DeletedProject:
    bundle: dict[str, Any]
    people: dict[str, int]  # the bundle's person keys -> the registry's people (they stay when a project goes)


def delete_project(session: Session, project_id: int) -> DeletedProject:
    """Delete the project; returns all that is needed to make it again."""
    # The bundle code loads on a delete, not with every window that offers one (ui.commands imports this module).
    from projektu_vadiba.core.bundle.export import export_project, person_ids_by_key

    project = get_or_404(session, Project, project_id, "Projekts")
    kept = DeletedProject(
        export_project(session, project.number, project.funder.name), person_ids_by_key(session, project_id)
    )
    projects.delete_project(session, project_id)
    return kept


def restore_project(session: Session, deleted: DeletedProject, people: Mapping[str, int] | None = None) -> int:
    """Import the project again onto the same people (`people`: today's ids where undo/redo re-created some)."""
    from projektu_vadiba.core.bundle.importer import import_bundle

    known = {key: (people or {}).get(key, pid) for key, pid in deleted.people.items()}
    return import_bundle(session, deleted.bundle, known_people=known).project_id
