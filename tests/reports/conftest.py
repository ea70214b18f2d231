from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from projektu_vadiba.core.db import Database, open_database
from tests.reports.sample import Sample, make_sample

SampleFactory = Callable[[str], tuple[Database, Sample]]


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Iterator[SampleFactory]:
    """One SQLite file per funder profile with the sample project, made on first use and shared (read-only)."""
    made: dict[str, tuple[Database, Sample]] = {}

    def get(profile: str) -> tuple[Database, Sample]:
        if profile not in made:
            db = open_database(f"sqlite:///{tmp_path_factory.mktemp(profile) / 'sheets.sqlite'}")
            with db.session() as s:
                made[profile] = (db, make_sample(s, profile, extra_events=2))
        return made[profile]

    yield get
    for db, _ in made.values():
        db.close()
