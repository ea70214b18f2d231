"""The start and set-up scripts on a fake machine: which packages `scripts/install-system-packages.sh` finds missing
(by library, file and command, so Debian 13's renamed t64 packages count), what it tells a user without sudo, that a
set-up machine calls neither apt nor sudo, and that `./run` starts the app from its stamps alone. The real thing, on
bare Debian and Ubuntu roots, is `scripts/check_fresh_machine.sh` (CI runs it)."""

from __future__ import annotations

import hashlib
import os
import shlex
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from projektu_vadiba.cli import build_parser

ROOT = Path(__file__).resolve().parent.parent
INSTALL = ROOT / "scripts" / "install-system-packages.sh"
BASH = shutil.which("bash") or "/bin/bash"
FONT = "/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"
APP_SONAMES = [
    "libGL.so.1", "libEGL.so.1", "libfontconfig.so.1", "libglib-2.0.so.0", "libxkbcommon.so.0", "libdbus-1.so.3",
    "libxcb-cursor.so.0", "libxcb-icccm.so.4", "libxcb-image.so.0", "libxcb-keysyms.so.1", "libxcb-render-util.so.0",
    "libxcb-shape.so.0", "libxkbcommon-x11.so.0",
]  # fmt: skip


TOOLS = ("bash", "awk", "grep", "sed", "tr", "sort", "head", "tail", "cat", "basename", "dirname", "sha256sum", "cut",
         "find", "rm", "touch", "mkdir", "env", "xargs")  # fmt: skip


class FakeMachine:
    """A PATH of stub commands (apt-get, apt-cache, sudo, id, getconf, ...) that log their calls, a linker cache
    with the chosen libraries, and a system root for files."""

    def __init__(self, tmp: Path) -> None:
        self.tmp = tmp
        self.bin = tmp / "bin"
        self.bin.mkdir()
        self.sysroot = tmp / "sysroot"
        self.log = tmp / "calls.log"
        self.log.touch()
        self.libs = list(APP_SONAMES)
        self.font = True
        self.uid = 0
        self.apt_knows: list[str] = []
        self.glibc = "2.36"
        self.sudo: str | None = None  # None: no sudo; else its exit code for `sudo -n true`
        for name in ("apt-get", "apt", "dpkg", "dpkg-query", "pip"):
            self.stub(name, 'echo "$(basename "$0") $*" >>"$LOG"')
        self.stub("pdftoppm", "exit 0")
        # The script in a checkout of its own: this one may have a .venv (which skips the Python checks).
        self.script = tmp / "checkout" / "scripts" / INSTALL.name
        self.script.parent.mkdir(parents=True)
        shutil.copy2(INSTALL, self.script)
        # Only these real tools: whatever else this machine has installed (PostgreSQL, unzip, ...) is not there.
        for tool in TOOLS:
            found = shutil.which(tool)
            assert found, tool
            (self.bin / tool).symlink_to(found)

    def stub(self, name: str, body: str) -> None:
        path = self.bin / name
        path.write_text(f"#!/bin/sh\n{body}\n", encoding="utf-8")
        path.chmod(0o755)

    def run(
        self, *args: str, script: Path | None = None, cwd: Path = ROOT, **env: str
    ) -> subprocess.CompletedProcess[str]:
        cache = self.tmp / "ldcache"
        cache.write_text(
            f"{len(self.libs)} libs found in cache\n"
            + "".join(f"\t{so} (libc6,x86-64) => /lib/x86_64-linux-gnu/{so}\n" for so in self.libs),
            encoding="utf-8",
        )
        if self.font:
            (self.sysroot / FONT[1:]).parent.mkdir(parents=True, exist_ok=True)
            (self.sysroot / FONT[1:]).touch()
        elif (self.sysroot / FONT[1:]).exists():
            (self.sysroot / FONT[1:]).unlink()
        self.stub("id", f'[ "$1" = -u ] && echo {self.uid} || /usr/bin/id "$@"')
        self.stub("getconf", f"echo glibc {self.glibc}")
        packages = "".join(f"Package: {p}\n\n" for p in self.apt_knows)
        self.stub("apt-cache", f'echo "apt-cache $*" >>"$LOG"; printf "%s" {shlex.quote(packages)}')
        if self.sudo is None:
            (self.bin / "sudo").unlink(missing_ok=True)
        else:
            self.stub("sudo", f'echo "sudo $*" >>"$LOG"; [ "$1" = -n ] && exit {self.sudo}; exec "$@"')
        environment = {
            "PATH": str(self.bin),
            "HOME": str(self.tmp),
            "LOG": str(self.log),
            "PV_LDCONFIG": f"cat {cache}",
            "PV_SYSROOT": str(self.sysroot),
            "PYTHON": sys.executable,
            **env,
        }
        return subprocess.run(
            [BASH, str(script or self.script), *args],
            cwd=cwd,
            env=environment,
            capture_output=True,
            text=True,
            stdin=subprocess.DEVNULL,
        )

    def calls(self) -> list[str]:
        return self.log.read_text(encoding="utf-8").splitlines()


@pytest.fixture
def machine(tmp_path: Path) -> FakeMachine:
    return FakeMachine(tmp_path)


def test_a_set_up_machine_calls_neither_apt_nor_sudo(machine: FakeMachine) -> None:
    machine.uid = 1000
    machine.sudo = 1
    run = machine.run()
    assert (run.returncode, run.stderr) == (0, "")
    assert machine.calls() == []


def test_renamed_t64_library_counts_by_what_loads(machine: FakeMachine) -> None:
    """Debian 13: libglib-2.0.so.0 comes from libglib2.0-0t64; the library is there, so nothing is missing."""
    machine.apt_knows = ["libglib2.0-0t64"]
    machine.glibc = "2.41"
    run = machine.run("--missing")
    assert (run.returncode, run.stdout.strip()) == (0, "")


@pytest.mark.parametrize(
    ("apt_knows", "glibc", "expected"),
    [
        (["libglib2.0-0t64"], "2.41", "libglib2.0-0t64"),  # Debian 13, apt's lists say so
        (["libglib2.0-0"], "2.36", "libglib2.0-0"),  # Debian 12
        ([], "2.39", "libglib2.0-0t64"),  # no apt lists yet: Ubuntu 24.04's C library tells
        ([], "2.36", "libglib2.0-0"),
    ],
)
def test_a_missing_library_is_named_as_this_release_calls_it(
    machine: FakeMachine, apt_knows: list[str], glibc: str, expected: str
) -> None:
    machine.libs.remove("libglib-2.0.so.0")
    machine.font = False
    machine.apt_knows = apt_knows
    machine.glibc = glibc
    run = machine.run("--missing")
    assert (run.returncode, run.stdout.split()) == (0, [expected, "fonts-dejavu-core"])


def test_without_sudo_the_user_is_told_which_packages_to_ask_for(machine: FakeMachine) -> None:
    machine.uid = 1000
    machine.libs.remove("libGL.so.1")
    machine.libs.remove("libxcb-cursor.so.0")
    run = machine.run()
    assert run.returncode == 1
    assert "sudo apt-get install libgl1 libxcb-cursor0\n" in run.stderr and "administrator" in run.stderr
    assert not [c for c in machine.calls() if c.startswith(("apt-get", "sudo"))]


def test_sudo_that_needs_a_password_without_a_terminal_is_not_tried(machine: FakeMachine) -> None:
    machine.uid = 1000
    machine.sudo = 1
    machine.libs.remove("libEGL.so.1")
    run = machine.run()
    assert run.returncode == 1 and "sudo apt-get install libegl1\n" in run.stderr
    assert [c for c in machine.calls() if not c.startswith("apt-cache")] == ["sudo -n true"]


def test_as_root_only_the_missing_packages_are_installed(machine: FakeMachine) -> None:
    machine.libs.remove("libdbus-1.so.3")
    machine.apt_knows = ["libdbus-1-3"]
    run = machine.run()
    assert run.returncode == 0, run.stderr
    installs = [c for c in machine.calls() if c.startswith("apt-get")]
    assert installs == ["apt-get update -qq", "apt-get install -y -qq --no-install-recommends libdbus-1-3"]


def test_with_passwordless_sudo_it_installs_through_sudo(machine: FakeMachine) -> None:
    machine.uid = 1000
    machine.sudo = 0
    machine.libs.remove("libxkbcommon.so.0")
    run = machine.run()
    assert run.returncode == 0, run.stderr
    assert "sudo apt-get install -y -qq --no-install-recommends libxkbcommon0" in machine.calls()


def test_tests_and_the_bundle_build_need_their_own_tools(machine: FakeMachine) -> None:
    machine.stub("pdftotext", "exit 0")
    run = machine.run("--test", "--build", "--missing")
    missing = run.stdout.split()
    packages = ("postgresql", "libreoffice-calc", "libreoffice-writer", "unzip", "binutils", "xvfb", "xauth")
    for package in (*packages, "libwayland-client0"):
        assert package in missing
    version = f"{sys.version_info[0]}.{sys.version_info[1]}"
    assert f"libpython{version}" in missing  # the Python that builds, by its version
    assert "poppler-utils" not in missing  # pdftoppm and pdftotext are there: a command counts, not a name


def test_an_old_python_is_refused_with_the_way_out(machine: FakeMachine) -> None:
    old = machine.bin / "python3.10"
    old.write_text('#!/bin/sh\n[ "$2" = \'import sys; print("%d.%d" % sys.version_info[:2])\' ] && echo 3.10\nexit 1\n')
    old.chmod(0o755)
    run = machine.run(PYTHON=str(old))
    assert run.returncode == 1 and "3.11 or newer" in run.stderr and "PYTHON=" in run.stderr
    assert machine.calls() == []


def _checkout_copy(tmp: Path) -> Path:
    """run, the scripts it calls and pyproject.toml, with a .venv whose stamps say it is set up."""
    tree = tmp / "projektu vadība"
    (tree / "scripts").mkdir(parents=True)
    for name in ("run", "pyproject.toml", "scripts/install-system-packages.sh", "scripts/venv.sh"):
        shutil.copy2(ROOT / name, tree / name)
    venv = tree / ".venv" / "bin"
    venv.mkdir(parents=True)
    for name in ("python", "projektu-vadiba"):
        (venv / name).write_text('#!/bin/sh\necho "$(basename "$0") $*"\n', encoding="utf-8")
        (venv / name).chmod(0o755)
    digest = hashlib.sha256((tree / "pyproject.toml").read_bytes()).hexdigest()[:16]
    (tree / ".venv" / f".installed-{digest}-test").touch()
    (tree / ".venv" / f".installed-{digest}-app").touch()
    (tree / ".venv" / ".qt-loads").touch()
    return tree


def test_run_on_a_set_up_checkout_starts_the_app_without_apt_sudo_or_pip(machine: FakeMachine) -> None:
    tree = _checkout_copy(machine.tmp)
    machine.uid = 1000
    machine.stub("sudo", 'echo "sudo $*" >>"$LOG"; exit 1')
    run = machine.run("--db", "x.sqlite", "projects", script=tree / "run", cwd=machine.tmp)
    assert (run.returncode, run.stdout, run.stderr) == (0, "projektu-vadiba --db x.sqlite projects\n", "")
    assert machine.calls() == []


def test_run_reinstalls_the_runtime_when_pyproject_changes(machine: FakeMachine) -> None:
    tree = _checkout_copy(machine.tmp)
    with (tree / "pyproject.toml").open("a", encoding="utf-8") as f:
        f.write("\n# changed\n")
    run = machine.run("projects", script=tree / "run", cwd=machine.tmp)
    assert run.returncode == 0, run.stderr
    assert "python -m pip install -q -e .[postgres]" in run.stdout  # the runtime: no test or dev extras
    assert sorted(p.name for p in (tree / ".venv").glob(".installed-*"))[0].endswith("-app")


@pytest.mark.parametrize(
    "script",
    ["run", "scripts/install-system-packages.sh", "scripts/venv.sh", "scripts/test.sh",
     "scripts/check_fresh_machine.sh", ".ci/run"],
)  # fmt: skip
def test_the_scripts_are_executable_and_parse(script: str) -> None:
    path = ROOT / script
    assert os.access(path, os.X_OK), f"chmod +x {script}"
    subprocess.run(["bash", "-n", str(path)], check=True)


def readme_run_examples() -> list[list[str]]:
    lines = (ROOT / "README.md").read_text(encoding="utf-8").splitlines()
    examples = [line[4:].split("  #", 1)[0].strip() for line in lines if line.startswith("    ./run")]
    return [shlex.split(example)[1:] for example in examples]


def test_every_readme_example_is_a_command_the_app_knows() -> None:
    """check_fresh_machine.sh runs them for real; this catches a misspelt one in a second."""
    examples = readme_run_examples()
    assert len(examples) >= 10 and [] in examples
    parser = build_parser()
    for argv in examples:
        if argv:
            parser.parse_args(argv)
