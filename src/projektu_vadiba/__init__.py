"""Projektu vadība: grant-funded project management for Latvian NGOs."""

from importlib.metadata import PackageNotFoundError, version

try:
    __version__ = version("projektu-vadiba")
except PackageNotFoundError:  # a source tree or a frozen bundle without metadata
    __version__ = "0.1.0"
