"""What the connected user may do, read from the same rules the database enforces, so the UI shows and hides by
them (it never decides alone: PostgreSQL refuses anything the rules do not allow anyway).

On SQLite and on a PostgreSQL database not set up for a team there is one person, who may do everything.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from sqlalchemy import text
from sqlalchemy.orm import Session

from projektu_vadiba.core.db import current_user


@dataclass(frozen=True)
class Access:
    user: str
    team: bool  # False: one person, roles are off
    is_admin: bool
    project_roles: dict[int, str] = field(default_factory=dict)  # project id -> manager/accountant/staff/viewer

    def role_in(self, project_id: int) -> str | None:
        """'admin' for an administrator (and the one person of a non-team database), else the project role."""
        return "admin" if self.is_admin else self.project_roles.get(project_id)

    def can(self, project_id: int, capability: str) -> bool:
        """capability: a key of core.team.policies.CAPABILITIES (member, finance_read, finance, events, manager)."""
        role = self.role_in(project_id)
        if role == "admin":
            return True
        from projektu_vadiba.core.team.policies import CAPABILITIES  # team mode only: not loaded for one person

        return role is not None and role in CAPABILITIES[capability]

    def sees(self, project_id: int) -> bool:
        return self.can(project_id, "member")

    def sees_finance(self, project_id: int) -> bool:
        return self.can(project_id, "finance_read")

    def edits_finance(self, project_id: int) -> bool:
        return self.can(project_id, "finance")

    def edits_events(self, project_id: int) -> bool:
        return self.can(project_id, "events")

    def manages(self, project_id: int) -> bool:
        return self.can(project_id, "manager")


def my_access(session: Session) -> Access:
    conn = session.connection()
    if conn.dialect.name != "postgresql":  # SQLite: one person (the team modules stay out of the start-up)
        return Access(current_user(), team=False, is_admin=True)
    from projektu_vadiba.core.team import server

    groups = server.team_groups(conn)
    if groups is None:
        return Access(current_user(), team=False, is_admin=True)
    row = conn.execute(
        text(
            "SELECT session_user AS name, r.rolsuper OR pg_catalog.pg_has_role(session_user, :admin, 'USAGE') AS admin "
            "FROM pg_catalog.pg_roles r WHERE r.rolname = session_user"
        ),
        {"admin": groups.admin},
    ).one()
    roles = conn.execute(
        text("SELECT project_id, project_role FROM public.team_members WHERE role_name = session_user")
    ).all()
    return Access(str(row.name), team=True, is_admin=bool(row.admin), project_roles={r[0]: r[1] for r in roles})
