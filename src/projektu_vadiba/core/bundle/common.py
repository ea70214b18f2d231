"""Constants both sides of the bundle share: what a bundle file says it is, and the format version."""

from __future__ import annotations

FORMAT = "projektu-vadiba-bundle"
VERSION = 1
