from __future__ import annotations

import pytest

from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import ProjectDetail
from projektu_vadiba.core.services import projects
from tests.core.factories import project_input


@pytest.fixture
def project(db: Database) -> ProjectDetail:
    with db.session() as s:
        return projects.create_project(s, project_input())
