"""What each role may read and write, as PostgreSQL enforces it: grants per group role and row-level security per
project, installed by `admin init-server` and again after every migration (core/team/server.py).

The tables belong to the administrators' group role, so an administrator (and the audit trigger, which runs as
its owner) bypasses row-level security; every other user sees the rows of the projects in team_members where they
have the needed project role. Helper functions are SECURITY DEFINER with a fixed search_path, so a policy reading
team_members or attendance does not recurse into their own policies; they identify the user by session_user (each
person logs in as their own role). See docs/team.md, "Roles and rights".
"""

from __future__ import annotations

from dataclasses import dataclass

from sqlalchemy import Connection, text

from projektu_vadiba.core.team.audit_triggers import audit_statements
from projektu_vadiba.core.team.roles import Groups, quoted

# Which project roles a capability needs (the administrator has every capability).
CAPABILITIES: dict[str, tuple[str, ...]] = {
    "member": ("manager", "accountant", "staff", "viewer"),
    "finance_read": ("manager", "accountant", "viewer"),
    "manager": ("manager",),
    "events": ("manager", "staff"),
    "finance": ("manager", "accountant"),
    "writers": ("manager", "accountant", "staff"),
}

PROJECT = "project_id IN (SELECT pv_team_projects('{cap}'))"
EVENT = "event_id IN (SELECT pv_team_events('{cap}'))"
PAGE = "page_id IN (SELECT p.id FROM public.print_pages p WHERE p.event_id IN (SELECT pv_team_events('{cap}')))"
LINE = "line_id IN (SELECT l.id FROM public.budget_lines l WHERE l.project_id IN (SELECT pv_team_projects('{cap}')))"
VISIBLE_PERSON = "EXISTS (SELECT 1 FROM public.people p WHERE p.id = person_id)"  # the person's own policy decides
OWN = "role_name = session_user"


@dataclass(frozen=True)
class Rule:
    """read/write: the capability whose groups get SELECT / `privileges`; write None: administrators only.
    rows: the row filter ({cap} is replaced by the capability), None for shared reference data (no row security);
    write_rows: a stricter filter for writing where it differs."""

    read: str
    write: str | None
    rows: str | None
    write_rows: str | None = None
    privileges: str = "INSERT, UPDATE, DELETE"
    granted: str | None = None  # whose groups get SELECT when wider than `read` (the rows still follow `read`)


RULES: dict[str, Rule] = {
    # A project is created and deleted by an administrator, who then gives it members.
    "projects": Rule("member", "manager", "id IN (SELECT pv_team_projects('{cap}'))", privileges="UPDATE"),
    "activities": Rule("member", "manager", PROJECT),
    "project_partners": Rule("member", "manager", PROJECT),
    "project_target_groups": Rule("member", "manager", PROJECT),
    "project_texts": Rule("member", "manager", PROJECT),
    "report_deadlines": Rule("member", "manager", PROJECT),
    "indicators": Rule("member", "manager", PROJECT),
    "events": Rule("member", "events", PROJECT),
    # Only people the user can see may be put on a list: an id guessed from another project is refused.
    "attendance": Rule("member", "events", EVENT, write_rows=f"{EVENT} AND {VISIBLE_PERSON}"),
    "print_pages": Rule("member", "events", EVENT),
    "print_rows": Rule("member", "events", PAGE),
    "scan_applies": Rule("member", "events", EVENT),
    "sheet_prints": Rule("member", "events", None, privileges="INSERT, UPDATE"),  # options only; pages say whose
    # Money: staff get no row of it. SELECT is granted to every member so that the app's project pages, which
    # read a project together with its co-financing and totals, still open for staff (with no money in them).
    "budget_lines": Rule("finance_read", "finance", PROJECT, granted="member"),
    "budget_amounts": Rule("finance_read", "finance", LINE, granted="member"),
    "expenses": Rule("finance_read", "finance", PROJECT, granted="member"),
    "payments": Rule("finance_read", "finance", PROJECT, granted="member"),
    "cofinancing": Rule("finance_read", "finance", PROJECT, granted="member"),
    # An invoice (expense_id) follows the money's rules, a photo or a signed sheet the events'.
    "attachments": Rule(
        "member",
        "writers",
        "pv_team_attachment_ok(project_id, activity_id, event_id, expense_id, false)",
        write_rows="pv_team_attachment_ok(project_id, activity_id, event_id, expense_id, true)",
    ),
    # A person: on a list of an event of the user's projects, or registered by the user (not on a list yet).
    "people": Rule(
        "member",
        "events",
        "created_by = session_user OR id IN (SELECT pv_team_people('member'))",
        write_rows="created_by = session_user OR id IN (SELECT pv_team_people('events'))",
    ),
    "personal_data_log": Rule("member", "events", f"person_id IS NULL OR {VISIBLE_PERSON}", privileges="INSERT"),
    "organisations": Rule("member", "writers", None),
    "funders": Rule("member", "manager", None),
    "programmes": Rule("member", "manager", None),
    "app_meta": Rule("member", None, None),
    "alembic_version": Rule("member", None, None),
    # Users and memberships: each user reads their own rows; administrators manage them.
    "team_members": Rule("member", None, OWN),
    "team_users": Rule("member", None, OWN),
    # The audit log: project managers read their projects' entries; only the trigger writes.
    "audit_log": Rule("manager", None, "project_id IN (SELECT pv_team_projects('manager'))"),
}


def _roles_array(cap: str) -> str:
    return "ARRAY[" + ", ".join(f"'{r}'" for r in CAPABILITIES[cap]) + "]"


def _functions() -> list[str]:
    cases = " ".join(f"WHEN '{cap}' THEN {_roles_array(cap)}" for cap in CAPABILITIES)
    definer = "STABLE SECURITY DEFINER SET search_path = pg_catalog, pg_temp"
    return [
        f"""CREATE OR REPLACE FUNCTION public.pv_team_projects(cap text) RETURNS SETOF integer
        LANGUAGE sql {definer} AS $$
            SELECT m.project_id FROM public.team_members m
            WHERE m.role_name = session_user
              AND m.project_role = ANY (CASE cap {cases} ELSE ARRAY[]::text[] END)
        $$""",
        f"""CREATE OR REPLACE FUNCTION public.pv_team_events(cap text) RETURNS SETOF integer
        LANGUAGE sql {definer} AS $$
            SELECT e.id FROM public.events e WHERE e.project_id IN (SELECT public.pv_team_projects(cap))
        $$""",
        f"""CREATE OR REPLACE FUNCTION public.pv_team_people(cap text) RETURNS SETOF integer
        LANGUAGE sql {definer} AS $$
            SELECT a.person_id FROM public.attendance a JOIN public.events e ON e.id = a.event_id
            WHERE e.project_id IN (SELECT public.pv_team_projects(cap))
        $$""",
        f"""CREATE OR REPLACE FUNCTION public.pv_team_attachment_ok(
            p integer, a integer, e integer, x integer, writing boolean) RETURNS boolean
        LANGUAGE sql {definer} AS $$
            SELECT coalesce(
                p,
                (SELECT t.project_id FROM public.activities t WHERE t.id = a),
                (SELECT t.project_id FROM public.events t WHERE t.id = e),
                (SELECT t.project_id FROM public.expenses t WHERE t.id = x)
            ) IN (SELECT public.pv_team_projects(CASE
                WHEN x IS NULL AND writing THEN 'events' WHEN x IS NULL THEN 'member'
                WHEN writing THEN 'finance' ELSE 'finance_read' END))
        $$""",
        # The creator of a person is the database's to say, not the client's.
        """CREATE OR REPLACE FUNCTION public.pv_team_person_creator() RETURNS trigger
        LANGUAGE plpgsql SET search_path = pg_catalog, pg_temp AS $$
        BEGIN
            IF TG_OP = 'INSERT' THEN NEW.created_by := session_user; ELSE NEW.created_by := OLD.created_by; END IF;
            RETURN NEW;
        END $$""",
        "DROP TRIGGER IF EXISTS pv_team_person_creator ON public.people",
        """CREATE TRIGGER pv_team_person_creator BEFORE INSERT OR UPDATE ON public.people
        FOR EACH ROW EXECUTE FUNCTION public.pv_team_person_creator()""",
    ]


def _table_statements(table: str, rule: Rule | None, groups: Groups) -> list[str]:
    name = f"public.{quoted(table)}"
    every = ", ".join(quoted(g) for g in groups.all if g != groups.admin)
    out = [f"REVOKE ALL ON {name} FROM PUBLIC, {every}"]
    if rule is None:  # a table these rules do not know yet: administrators only until it is given a rule
        return out
    out.append(f"GRANT SELECT ON {name} TO {_groups(rule.granted or rule.read, groups)}")
    if rule.write is not None:
        out.append(f"GRANT {rule.privileges} ON {name} TO {_groups(rule.write, groups)}")
    if rule.rows is None or table == "alembic_version":
        return out
    out.append(f"ALTER TABLE {name} ENABLE ROW LEVEL SECURITY")
    for policy in ("pv_read", "pv_insert", "pv_update", "pv_delete"):
        out.append(f"DROP POLICY IF EXISTS {policy} ON {name}")
    out.append(f"CREATE POLICY pv_read ON {name} FOR SELECT USING ({rule.rows.format(cap=rule.read)})")
    if rule.write is not None:
        check = (rule.write_rows or rule.rows).format(cap=rule.write)
        out.append(f"CREATE POLICY pv_insert ON {name} FOR INSERT WITH CHECK ({check})")
        out.append(f"CREATE POLICY pv_update ON {name} FOR UPDATE USING ({check}) WITH CHECK ({check})")
        out.append(f"CREATE POLICY pv_delete ON {name} FOR DELETE USING ({check})")
    return out


def _groups(cap: str, groups: Groups) -> str:
    return ", ".join(quoted(groups.group(r)) for r in CAPABILITIES[cap])


def security_statements(tables: list[str], groups: Groups) -> list[str]:
    """Everything, idempotent: run again after a migration, it gives new tables their rules."""
    out = _functions()
    for table in sorted(tables):
        out.extend(_table_statements(table, RULES.get(table), groups))
    every = ", ".join(quoted(g) for g in groups.all if g != groups.admin)
    out.append(f"GRANT USAGE, SELECT ON ALL SEQUENCES IN SCHEMA public TO {every}")
    out.extend(audit_statements([t for t in tables if t not in ("audit_log", "alembic_version")]))
    return out


def public_tables(connection: Connection) -> list[str]:
    sql = "SELECT tablename FROM pg_catalog.pg_tables WHERE schemaname = 'public' ORDER BY tablename"
    return [str(t) for t in connection.execute(text(sql)).scalars()]


def apply(connection: Connection, groups: Groups) -> None:
    """Run as the tables' owner (the administrators' group role), inside the caller's transaction."""
    for statement in security_statements(public_tables(connection), groups):
        connection.exec_driver_sql(statement)
