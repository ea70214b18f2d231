"""Managing the team's users (administrators only): each user is a PostgreSQL login role; their team role and
their project roles decide which group roles they are in (grants), team_members decides which rows they see.

Each function takes a session connected as an administrator and does one use case in its transaction.
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import select, text
from sqlalchemy.orm import Session

from projektu_vadiba.core.errors import AppError, NotFoundError
from projektu_vadiba.core.models import Project, TeamMember, TeamUser
from projektu_vadiba.core.models.team import PROJECT_ROLES
from projektu_vadiba.core.team import server
from projektu_vadiba.core.team.roles import Groups, check_name, check_role, quoted


@dataclass(frozen=True)
class Membership:
    project_id: int
    project_number: str
    project_role: str


@dataclass(frozen=True)
class UserDTO:
    name: str
    role: str
    full_name: str
    can_login: bool
    projects: tuple[Membership, ...]


def groups_of(session: Session) -> Groups:
    groups = server.team_groups(session.connection())
    if groups is None:
        raise AppError.of("team.not_team_database")
    return groups


def _exists(session: Session, name: str) -> bool:
    found = session.execute(text("SELECT 1 FROM pg_catalog.pg_roles WHERE rolname = :n"), {"n": name}).first()
    return found is not None


def _user(session: Session, name: str) -> TeamUser:
    user = session.get(TeamUser, check_name(name))
    if user is None:
        raise NotFoundError.of("team.user_not_found", name=name)
    return user


def add_user(session: Session, name: str, role: str, password: str, full_name: str = "") -> UserDTO:
    groups = groups_of(session)
    check_role(role)
    if _exists(session, check_name(name)):
        raise AppError.of("team.role_exists", name=name)
    server.create_login(session.connection(), name, password, role, groups)
    session.get_one(TeamUser, name).full_name = full_name.strip()
    session.flush()
    return _dto(session, name)


def set_role(session: Session, name: str, role: str) -> UserDTO:
    groups = groups_of(session)
    user = _user(session, name)
    check_role(role)
    if role != "admin" and user.role == "admin" and name == _me(session):
        raise AppError.of("team.not_yourself", name=name)
    user.role = role
    session.flush()
    _sync_groups(session, name, groups)
    return _dto(session, name)


def set_membership(session: Session, name: str, project_id: int, project_role: str | None) -> UserDTO:
    """Give the user a role in one project (None: take them off the project)."""
    groups = groups_of(session)
    _user(session, name)
    if session.get(Project, project_id) is None:
        raise NotFoundError.of("team.project_not_found", id=project_id)
    row = session.scalars(
        select(TeamMember).where(TeamMember.project_id == project_id, TeamMember.role_name == name)
    ).one_or_none()
    if project_role is None:
        if row is not None:
            session.delete(row)
    else:
        check_role(project_role, allowed=PROJECT_ROLES)
        if row is None:
            session.add(TeamMember(project_id=project_id, role_name=name, project_role=project_role))
        else:
            row.project_role = project_role
    session.flush()
    _sync_groups(session, name, groups)
    return _dto(session, name)


def remove_user(session: Session, name: str) -> None:
    """The login role goes; what the user changed stays in the audit log under their name."""
    _user(session, name)
    if name == _me(session):
        raise AppError.of("team.not_yourself", name=name)
    session.execute(text("DELETE FROM team_members WHERE role_name = :n"), {"n": name})
    session.execute(text("DELETE FROM team_users WHERE role_name = :n"), {"n": name})
    session.flush()
    session.connection().exec_driver_sql(f"DROP ROLE {quoted(name)}")


def list_users(session: Session) -> list[UserDTO]:
    groups_of(session)
    return [_dto(session, n) for n in session.scalars(select(TeamUser.role_name).order_by(TeamUser.role_name))]


def set_password(session: Session, name: str, password: str) -> None:
    from projektu_vadiba.core.team.roles import check_password, scram_verifier

    _user(session, name)
    verifier = scram_verifier(check_password(password))
    session.connection().exec_driver_sql(f"ALTER ROLE {quoted(name)} PASSWORD '{verifier}'")


def _me(session: Session) -> str:
    return str(session.execute(text("SELECT session_user")).scalar())


def _sync_groups(session: Session, name: str, groups: Groups) -> None:
    user = session.get_one(TeamUser, name)
    roles = {user.role, *session.scalars(select(TeamMember.project_role).where(TeamMember.role_name == name))}
    server.grant_groups(session.connection(), name, roles, groups)


def _dto(session: Session, name: str) -> UserDTO:
    user = session.get_one(TeamUser, name)
    can_login = session.execute(
        text("SELECT rolcanlogin FROM pg_catalog.pg_roles WHERE rolname = :n"), {"n": name}
    ).scalar()
    rows = session.execute(
        select(TeamMember.project_id, Project.number, TeamMember.project_role)
        .join(Project, Project.id == TeamMember.project_id)
        .where(TeamMember.role_name == name)
        .order_by(Project.number)
    ).all()
    memberships = tuple(Membership(r.project_id, r.number, r.project_role) for r in rows)
    return UserDTO(user.role_name, user.role, user.full_name, bool(can_login), memberships)
