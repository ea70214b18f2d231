"""compose.yaml (a team database in a container, docs/team.md). Docker cannot run on the machines that build and
test this project, so the file is checked by parsing it: the image, the volume, the healthcheck, the password taken
from the environment (never written in the file), the port on loopback unless the user opens it."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import yaml  # PyYAML, from the test extra

ROOT = Path(__file__).resolve().parents[1]


def test_compose_file_runs_postgres_16_with_a_volume_and_a_healthcheck() -> None:
    data: dict[str, Any] = yaml.safe_load((ROOT / "compose.yaml").read_text(encoding="utf-8"))
    service = data["services"]["postgres"]
    assert service["image"] == "postgres:16"
    volume = service["volumes"][0].split(":")
    assert volume[1] == "/var/lib/postgresql/data" and volume[0] in data["volumes"]
    check = service["healthcheck"]
    assert check["test"][0] == "CMD-SHELL" and "pg_isready" in check["test"][1]
    env = service["environment"]
    assert env["POSTGRES_PASSWORD"].startswith("${PV_DB_PASSWORD:?")  # required from the environment
    assert env["POSTGRES_DB"] == env["POSTGRES_USER"] == "projektu_vadiba"
    assert service["ports"] == ["127.0.0.1:5432:5432"]


def test_the_documented_commands_name_the_compose_database() -> None:
    text = (ROOT / "compose.yaml").read_text(encoding="utf-8")
    assert "projektu-vadiba admin init-server postgresql+psycopg://projektu_vadiba:" in text
    assert "@127.0.0.1:5432/projektu_vadiba" in text
