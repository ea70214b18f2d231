"""Constants both sides of the bundle share: what a bundle file says it is, and the format versions."""

from __future__ import annotations

import re

FORMAT = "projektu-vadiba-bundle"
VERSION = 2  # what export writes: a ZIP holding project.json and the files it names (archive.py)
READABLE = (1, 2)  # version 1: the plain JSON file of earlier releases, no files
JSON_NAME = "project.json"
FILES_FOLDER = "files/"
# A file inside the ZIP: "files/<sha256>" plus the stored name's suffix, as the attachment folder names it.
FILE_NAME = re.compile(r"files/([0-9a-f]{64})(?:\.[a-z0-9_-]{1,9})?")
