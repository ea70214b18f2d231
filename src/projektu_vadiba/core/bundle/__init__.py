"""The project bundle: one whole project as versioned JSON, for backup, moving computers and partner exchange.
Version 2 (what export writes) is a ZIP holding that JSON as project.json and the attachments and logos it names
under files/ with their SHA-256; version 1 (a plain JSON file, no files) is still read.

Export and import are inverses: a bundle imported into an empty database exports byte-identically. Hence the
bundle holds no database ids and no timestamps, only bundle-local keys ("org-1", "ev-3") numbered in database
id order, which an import into an empty database preserves because it inserts in bundle order.

The format is documented field by field in docs/bundle.md and docs/bundle.schema.json.
Modules: export (database -> bundle), archive (the ZIP, written and checked), files (file -> JSON), reader (JSON ->
checked plan), importer (plan -> database), stored (files to and from the attachment folder), texts (report texts).
"""

from projektu_vadiba.core.bundle.archive import BundleArchive, OpenedBundle, open_bundle_file
from projektu_vadiba.core.bundle.common import FORMAT, READABLE, VERSION
from projektu_vadiba.core.bundle.export import dump_bundle, export_project, write_bundle
from projektu_vadiba.core.bundle.files import load_bundle_file
from projektu_vadiba.core.bundle.importer import ImportSummary, import_bundle

__all__ = [
    "FORMAT",
    "READABLE",
    "VERSION",
    "BundleArchive",
    "ImportSummary",
    "OpenedBundle",
    "dump_bundle",
    "export_project",
    "import_bundle",
    "load_bundle_file",
    "open_bundle_file",
    "write_bundle",
]
