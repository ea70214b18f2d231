"""Proves that every package the Windows build needs exists as a win_amd64 wheel for the supported Python.

    python scripts/check_windows_wheels.py [--python-version 3.11] [--dest DIR]

What is checked: the app with its PostgreSQL driver (`.[postgres]`) and the build tools
(installer/requirements-build.txt), exactly what installer/windows/build.ps1 installs. pip resolves them for
`--platform win_amd64 --only-binary=:all:` (so a package with no Windows wheel fails the resolution), then
`pip download` fetches every resolved wheel into DIR.

pip evaluates environment markers against the machine it runs on, not the target platform, so on Linux it leaves
out what only Windows needs (PyInstaller's `pefile` and `pywin32-ctypes`, `sys_platform == "win32"`). This script
reads each resolved package's requirements, evaluates their markers for Windows, and resolves again with whatever
was missing until nothing is.
"""

from __future__ import annotations

import argparse
import json
import subprocess
import sys
import tempfile
from pathlib import Path

from packaging.markers import Marker
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parent.parent
MAX_ROUNDS = 5


def windows_environment(python_version: str) -> dict[str, str]:
    return {
        "os_name": "nt",
        "sys_platform": "win32",
        "platform_system": "Windows",
        "platform_machine": "AMD64",
        "platform_release": "10",
        "platform_version": "10.0.19045",
        "implementation_name": "cpython",
        "platform_python_implementation": "CPython",
        "python_version": python_version,
        "python_full_version": f"{python_version}.9",
        "implementation_version": f"{python_version}.9",
    }


def target_args(python_version: str) -> list[str]:
    return [
        "--platform",
        "win_amd64",
        "--only-binary=:all:",
        "--python-version",
        python_version,
        "--implementation",
        "cp",
    ]


def resolve(requirements: list[str], python_version: str, work: Path) -> list[dict[str, object]]:
    """pip's resolution for Windows: the report's "install" entries (name, version, metadata, extras)."""
    report = work / "report.json"
    command = [
        sys.executable,
        "-m",
        "pip",
        "install",
        "--quiet",
        "--dry-run",
        "--ignore-installed",
        "--target",
        str(work / "target"),
        "--report",
        str(report),
        *target_args(python_version),
        *requirements,
    ]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    if result.returncode != 0:
        sys.exit(f"win_amd64 resolution failed (python {python_version}):\n{result.stdout}{result.stderr}")
    installs: list[dict[str, object]] = json.loads(report.read_text(encoding="utf-8"))["install"]
    return installs


def windows_only_needs(installs: list[dict[str, object]], python_version: str) -> list[str]:
    """Requirements whose markers hold on Windows but whose package pip did not resolve (it judged them by Linux)."""
    env = windows_environment(python_version)
    resolved = {canonicalize_name(str(_metadata(i)["name"])) for i in installs}
    wanted: list[str] = []
    for install in installs:
        extras = [str(e) for e in install.get("requested_extras") or []]  # type: ignore[attr-defined]
        for line in _metadata(install).get("requires_dist") or []:  # type: ignore[attr-defined]
            requirement = Requirement(str(line))
            if canonicalize_name(requirement.name) in resolved:
                continue
            if requirement.marker is not None and not _holds(requirement.marker, env, extras):
                continue
            requirement.marker = None
            wanted.append(str(requirement))
    return sorted(set(wanted))


def _holds(marker: Marker, env: dict[str, str], extras: list[str]) -> bool:
    return any(marker.evaluate({**env, "extra": extra}) for extra in [*extras, ""])


def _metadata(install: dict[str, object]) -> dict[str, object]:
    metadata = install["metadata"]
    assert isinstance(metadata, dict)
    return metadata


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n", 1)[0])
    parser.add_argument("--python-version", default="3.11")
    parser.add_argument("--dest", type=Path, help="where the wheels go (default: a temporary folder, removed)")
    args = parser.parse_args()
    requirements = [".[postgres]", "-r", "installer/requirements-build.txt"]
    with tempfile.TemporaryDirectory(prefix="pv-win-") as tmp:
        work = Path(tmp)
        for _ in range(MAX_ROUNDS):
            installs = resolve(requirements, args.python_version, work)
            extra = windows_only_needs(installs, args.python_version)
            if not extra:
                break
            print("Windows-only requirements pip judged by this machine's markers: " + ", ".join(extra))
            requirements += extra
        else:
            sys.exit("the Windows-only requirements did not settle")
        pins = [
            f"{_metadata(i)['name']}=={_metadata(i)['version']}"
            for i in installs
            if canonicalize_name(str(_metadata(i)["name"])) != "projektu-vadiba"
        ]
        dest = args.dest or work / "wheels"
        command = [sys.executable, "-m", "pip", "download", "--quiet", "--no-deps", "-d", str(dest)]
        command += target_args(args.python_version)
        result = subprocess.run([*command, *pins], cwd=ROOT, capture_output=True, text=True, check=False)
        if result.returncode != 0:
            sys.exit(f"pip download of the win_amd64 wheels failed:\n{result.stdout}{result.stderr}")
        wheels = sorted(p.name for p in dest.glob("*.whl"))
        not_windows = [w for w in wheels if not (w.endswith("-none-any.whl") or "win_amd64" in w)]
        if not_windows or len(wheels) != len(pins):
            sys.exit(f"expected {len(pins)} Windows wheels, got {len(wheels)}; not for Windows: {not_windows}")
        size = sum(p.stat().st_size for p in dest.glob("*.whl")) / 1e6
        print(f"win_amd64, Python {args.python_version}: all {len(wheels)} packages resolve to wheels ({size:.0f} MB)")
        for wheel in wheels:
            print(f"  {wheel}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
