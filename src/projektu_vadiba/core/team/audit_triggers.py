"""The audit trigger: every row inserted, changed or deleted in a team database leaves an audit_log row, written by
the database itself (a client cannot skip it and, lacking INSERT on audit_log, cannot forge one).

A person's personal data is logged by field name only: for `people` only the fields in SHOWN have values in the
log; elsewhere the fields in HIDDEN (a note about a person, a logo's bytes, a page's geometry) are names only.
"""

from __future__ import annotations

from projektu_vadiba.core.team.roles import quoted

# people: every field is personal data except these (a new column is hidden until it is listed here).
SHOWN: dict[str, tuple[str, ...]] = {
    "people": ("id", "created_at", "updated_at", "anonymised_at", "created_by"),
}
HIDDEN: dict[str, tuple[str, ...]] = {
    "attendance": ("note",),
    "organisations": ("logo",),
    "print_pages": ("geometry",),
}

# The project a row belongs to, for rows that do not carry project_id themselves (r: the row as jsonb).
_EVENT_PROJECT = "(SELECT e.project_id FROM public.events e WHERE e.id = (r->>'event_id')::integer)"
PROJECT_OF: dict[str, str] = {
    "projects": "(r->>'id')::integer",
    "attendance": _EVENT_PROJECT,
    "print_pages": _EVENT_PROJECT,
    "scan_applies": _EVENT_PROJECT,
    "print_rows": "(SELECT e.project_id FROM public.print_pages p JOIN public.events e ON e.id = p.event_id"
    " WHERE p.id = (r->>'page_id')::integer)",
    "budget_amounts": "(SELECT l.project_id FROM public.budget_lines l WHERE l.id = (r->>'line_id')::integer)",
    "attachments": "coalesce((r->>'project_id')::integer,"
    " (SELECT t.project_id FROM public.activities t WHERE t.id = (r->>'activity_id')::integer),"
    " (SELECT t.project_id FROM public.events t WHERE t.id = (r->>'event_id')::integer),"
    " (SELECT t.project_id FROM public.expenses t WHERE t.id = (r->>'expense_id')::integer))",
}


def _function() -> str:
    cases = " ".join(f"WHEN '{table}' THEN {sql}" for table, sql in PROJECT_OF.items())
    return f"""CREATE OR REPLACE FUNCTION public.pv_team_audit() RETURNS trigger
    LANGUAGE plpgsql SECURITY DEFINER SET search_path = pg_catalog, pg_temp AS $$
    DECLARE
        old_row jsonb := CASE WHEN TG_OP <> 'INSERT' THEN to_jsonb(OLD) END;
        new_row jsonb := CASE WHEN TG_OP <> 'DELETE' THEN to_jsonb(NEW) END;
        r jsonb := coalesce(new_row, old_row);
        listed text[] := TG_ARGV[1:TG_NARGS - 1];
        changes jsonb := '{{}}'::jsonb;
        k text;
        o jsonb;
        n jsonb;
    BEGIN
        FOR k IN SELECT jsonb_object_keys(r) LOOP
            o := old_row -> k;
            n := new_row -> k;
            CONTINUE WHEN TG_OP = 'UPDATE' AND o IS NOT DISTINCT FROM n;
            CONTINUE WHEN TG_OP = 'INSERT' AND n = 'null'::jsonb;
            CONTINUE WHEN TG_OP = 'DELETE' AND o = 'null'::jsonb;
            IF (TG_ARGV[0] = 'show') <> (k = ANY (listed)) THEN
                changes := changes || jsonb_build_object(k, NULL);  -- personal data: the name, never the value
            ELSE
                changes := changes || jsonb_build_object(k, jsonb_build_array(o, n));
            END IF;
        END LOOP;
        INSERT INTO public.audit_log (at, db_user, table_name, row_id, project_id, operation, transaction_id, changes)
        VALUES (now(), session_user, TG_TABLE_NAME, coalesce(r->>'id', r->>'key', ''),
                CASE TG_TABLE_NAME {cases} ELSE (r->>'project_id')::integer END,
                TG_OP, txid_current(), changes);
        RETURN NULL;
    END $$"""


def _arguments(table: str) -> str:
    mode, names = ("show", SHOWN[table]) if table in SHOWN else ("hide", HIDDEN.get(table, ()))
    return ", ".join(f"'{x}'" for x in (mode, *names))


def audit_statements(tables: list[str]) -> list[str]:
    out = [_function()]
    for table in sorted(tables):
        name = f"public.{quoted(table)}"
        out.append(f"DROP TRIGGER IF EXISTS pv_team_audit ON {name}")
        out.append(
            f"CREATE TRIGGER pv_team_audit AFTER INSERT OR UPDATE OR DELETE ON {name} "
            f"FOR EACH ROW EXECUTE FUNCTION public.pv_team_audit({_arguments(table)})"
        )
    return out
