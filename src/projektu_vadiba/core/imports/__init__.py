"""Importing people (and their attendance of an event) from CSV and XLSX files.

table = read_table(path)                      # text rows, header row detected
plan = build_plan(session, table, mapping)    # every row checked, duplicates found; nothing stored
result = apply_plan(session, plan, ...)       # all or nothing, in the caller's transaction
"""

from projektu_vadiba.core.imports.apply import ImportInvalid, ImportResult, apply_plan, undo_import
from projektu_vadiba.core.imports.mapping import FIELDS, IGNORE, ImportField, guess_mapping
from projektu_vadiba.core.imports.plan import Choice, ImportCancelled, ImportPlan, PlannedRow, Progress, build_plan
from projektu_vadiba.core.imports.readers import RawTable, read_csv_bytes, read_table

__all__ = [
    "FIELDS",
    "IGNORE",
    "Choice",
    "ImportCancelled",
    "ImportField",
    "ImportInvalid",
    "ImportPlan",
    "ImportResult",
    "PlannedRow",
    "Progress",
    "RawTable",
    "apply_plan",
    "build_plan",
    "guess_mapping",
    "read_csv_bytes",
    "read_table",
    "undo_import",
]
