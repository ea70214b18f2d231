"""The project bundle: one whole project as versioned JSON, for backup, moving computers and partner exchange.

Export and import are inverses: a bundle imported into an empty database exports byte-identically. Hence the
bundle holds no database ids and no timestamps, only bundle-local keys ("org-1", "ev-3") numbered in database
id order, which an import into an empty database preserves because it inserts in bundle order.

The format is documented field by field in docs/bundle.md and docs/bundle.schema.json.
Modules: export (database -> bundle), files (file -> JSON), reader (JSON -> checked plan), importer (plan -> database).
"""

from projektu_vadiba.core.bundle.common import FORMAT, VERSION
from projektu_vadiba.core.bundle.export import dump_bundle, export_project
from projektu_vadiba.core.bundle.files import load_bundle_file
from projektu_vadiba.core.bundle.importer import ImportSummary, import_bundle

__all__ = [
    "FORMAT",
    "VERSION",
    "ImportSummary",
    "dump_bundle",
    "export_project",
    "import_bundle",
    "load_bundle_file",
]
