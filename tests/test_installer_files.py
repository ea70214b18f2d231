"""The installer files (installer/, scripts/) hold together without building anything: what they reference exists,
the version has one source, the .desktop file is valid, the Linux package list covers Qt's libraries, and the
per-user Linux install puts everything where a desktop finds it and takes it away again."""

from __future__ import annotations

import ast
import configparser
import os
import re
import shutil
import struct
import subprocess
import tomllib
from pathlib import Path

import pytest

import projektu_vadiba
from projektu_vadiba.core.db import APP_NAME

ROOT = Path(__file__).resolve().parents[1]
INSTALLER = ROOT / "installer"
SPEC = INSTALLER / "projektu-vadiba.spec"
ISS = INSTALLER / "windows" / "projektu-vadiba.iss"
BUILD_PS1 = INSTALLER / "windows" / "build.ps1"
DESKTOP = INSTALLER / "linux" / "projektu-vadiba.desktop"
SYSTEM_PACKAGES = INSTALLER / "linux" / "system-packages.txt"
INSTALL_USER = INSTALLER / "linux" / "install-user.sh"
ICONS = ROOT / "resources" / "icons"
PYPROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["project"]

# The shared libraries Qt needs from a Debian system (platform notes: offscreen, then a real X11 window).
QT_RUNTIME_PACKAGES = {
    "libgl1", "libegl1", "libfontconfig1", "libglib2.0-0", "libxkbcommon0", "libdbus-1-3",
    "libxcb-cursor0", "libxcb-icccm4", "libxcb-image0", "libxcb-keysyms1", "libxcb-render-util0", "libxcb-shape0",
    "libxkbcommon-x11-0",
}  # fmt: skip


def package_list(path: Path) -> set[str]:
    lines = (line.split("#", 1)[0].strip() for line in path.read_text(encoding="utf-8").splitlines())
    return {line for line in lines if line}


def test_the_version_has_one_source() -> None:
    # About shows projektu_vadiba.__version__; the spec copies the package metadata into the bundle and refuses
    # to build when the installed metadata and pyproject.toml differ.
    assert projektu_vadiba.__version__ == PYPROJECT["version"]
    spec = SPEC.read_text(encoding="utf-8")
    assert "copy_metadata(NAME)" in spec and f'NAME = "{PYPROJECT["name"]}"' in spec
    assert '["project"]["version"]' in spec


def test_the_spec_is_python_and_its_files_exist() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    ast.parse(spec)
    paths = re.findall(r'ROOT((?:\s*/\s*"[^"]+")+)', spec)
    assert len(paths) >= 3
    for chain in paths:
        path = ROOT.joinpath(*re.findall(r'"([^"]+)"', chain))
        assert path.exists(), path
    # Alembic reads the migrations as files: the spec must carry them as data, next to the package resources.
    assert '"projektu_vadiba/migrations"' in spec and '"projektu_vadiba/resources"' in spec
    assert (ROOT / "src" / "projektu_vadiba" / "migrations" / "env.py").is_file()
    assert "sqlalchemy.dialects.postgresql.psycopg" in spec and "sqlalchemy.dialects.sqlite" in spec


def test_the_spec_writes_a_windows_version_resource(tmp_path: Path) -> None:
    # The Windows part of the spec cannot run here; its version file is text PyInstaller evaluates: check that.
    spec = SPEC.read_text(encoding="utf-8")
    code = spec[spec.index("def version_numbers") : spec.index("def executable(")]
    namespace: dict[str, object] = {"WINDOWS": True, "VERSION": "1.2.0rc1", "NAME": APP_NAME, "Path": Path}
    namespace["workpath"] = str(tmp_path)
    exec(code, namespace)
    text = Path(namespace["version_resource"]()).read_text(encoding="utf-8")  # type: ignore[operator]

    class Record:
        def __init__(self, *args: object, **kwargs: object) -> None:
            self.args, self.kwargs = args, kwargs

    names = ("VSVersionInfo", "FixedFileInfo", "StringFileInfo", "StringTable", "StringStruct", "VarFileInfo")
    classes = {name: type(name, (Record,), {}) for name in (*names, "VarStruct")}
    info = eval(text, classes)
    assert type(info).__name__ == "VSVersionInfo"
    assert info.kwargs["ffi"].kwargs["filevers"] == (1, 2, 0, 0)
    assert "StringStruct('ProductVersion', '1.2.0rc1')" in text and "Projektu vadība" in text


def _imported_modules() -> set[str]:
    """Every module the app's source imports (dotted names and each of their parents)."""
    names: set[str] = set()
    for path in (ROOT / "src").rglob("*.py"):
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Import):
                found = [alias.name for alias in node.names]
            elif isinstance(node, ast.ImportFrom) and node.module and not node.level:
                found = [node.module]
            else:
                continue
            for name in found:
                parts = name.split(".")
                names.update(".".join(parts[: i + 1]) for i in range(len(parts)))
    return names


def test_the_spec_excludes_nothing_the_app_imports() -> None:
    spec = SPEC.read_text(encoding="utf-8")
    qt_unused = {
        f"PySide6.{name}" for name in re.findall(r'"(Qt\w+)"', spec.split("QT_UNUSED = [", 1)[1].split("]")[0])
    }
    others = set(re.findall(r'"([\w.]+)"', spec.split("excludes = ", 1)[1].split("a = Analysis(", 1)[0]))
    excluded = qt_unused | others
    imported = _imported_modules()
    assert {"PySide6.QtWidgets", "PySide6.QtPdf", "reportlab", "sqlalchemy"} <= imported
    assert "PySide6.QtWebEngineCore" in excluded
    assert not imported & excluded, imported & excluded


def test_the_inno_setup_script_references_existing_files() -> None:
    raw = ISS.read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf"), "Inno Setup reads UTF-8 (ā, ī, ...) only with a byte order mark"
    iss = raw.decode("utf-8-sig")
    windows = ISS.parent
    root = iss.split('#define Root "', 1)[1].split('"', 1)[0]
    iss = iss.replace("{#Root}", root)
    references = re.findall(r'^Source: "([^"]+)"', iss, flags=re.MULTILINE)
    references += re.findall(r"^SetupIconFile=(.+)$", iss, flags=re.MULTILINE)
    for files in re.findall(r'^  #define LatvianMessages "([^"]+)"', iss, flags=re.MULTILINE):
        references += [f for f in files.split(",") if not f.startswith("compiler:") and f != "Latvian.isl"]
    assert len(references) >= 3
    for ref in references:
        path = (windows / ref.replace("\\", "/")).resolve()
        if "dist" in path.relative_to(ROOT).parts:  # the build output: the app folder PyInstaller makes
            assert path.parent.relative_to(ROOT).as_posix() == "dist/projektu-vadiba"
        else:
            assert path.exists(), ref


def test_the_inno_setup_script_has_languages_shortcuts_and_keeps_user_data() -> None:
    iss = ISS.read_text(encoding="utf-8-sig")
    assert re.search(r'^Name: "latvian"; MessagesFile: "\{#LatvianMessages\}"$', iss, flags=re.MULTILINE)
    assert re.search(r'^Name: "english"; MessagesFile: "compiler:Default.isl"$', iss, flags=re.MULTILINE)
    assert iss.index('Name: "latvian"') < iss.index('Name: "english"')  # Latvian is the default
    assert re.search(r'^Name: "desktopicon";', iss, flags=re.MULTILINE)
    assert re.search(r"^Name: \"\{autodesktop\}.*Tasks: desktopicon$", iss, flags=re.MULTILINE)
    assert re.search(r"^Name: \"\{autoprograms\}", iss, flags=re.MULTILINE)
    # The uninstaller deletes the data folder only on an explicit Yes; No is the default and the silent answer.
    assert f'#define DataFolder "{APP_NAME}"' in iss
    assert "{localappdata}\\{#DataFolder}" in iss
    assert "MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES" in iss
    for language in ("latvian", "english"):
        assert f"{language}.DeleteUserData=" in iss


def test_the_latvian_messages_file_is_valid() -> None:
    raw = (ISS.parent / "lv-messages.isl").read_bytes()
    assert raw.startswith(b"\xef\xbb\xbf")
    text = raw.decode("utf-8-sig")
    assert "LanguageID=$0426" in text
    messages = dict(line.split("=", 1) for line in text.splitlines() if "=" in line and not line.startswith((";", "[")))
    wizard = ("ButtonNext", "ButtonInstall", "ButtonCancel", "WelcomeLabel1", "ConfirmUninstall", "CreateDesktopIcon")
    for name in wizard:
        assert messages[name].strip(), name
    assert any(letter in "".join(messages.values()) for letter in "āēīūš")


def test_the_installer_gets_its_version_from_the_build_script() -> None:
    iss = ISS.read_text(encoding="utf-8-sig")
    ps1 = BUILD_PS1.read_text(encoding="utf-8")
    required = set(re.findall(r"^#ifndef (\w+)\s*\n\s*#error", iss, flags=re.MULTILINE))
    used = set(re.findall(r"\{#(AppVersion\w*)\}", iss))
    passed = set(re.findall(r'"/D(\w+)=\$\w+"', ps1))
    assert required == {"AppVersion"} and used <= passed | {"AppVersionNumeric"}
    assert passed == {"AppVersion", "AppVersionNumeric"}
    assert ps1.isascii(), "Windows PowerShell 5.1 reads a script without a byte order mark as ANSI"
    assert "pyproject.toml" in ps1 and "installer\\projektu-vadiba.spec" in ps1
    assert f"OutputBaseFilename={APP_NAME}-{{#AppVersion}}-setup" in iss
    assert "dist\\projektu-vadiba-$AppVersion-setup.exe" in ps1


def _desktop_entry() -> configparser.SectionProxy:
    parser = configparser.ConfigParser(interpolation=None, strict=True)
    parser.optionxform = str  # type: ignore[assignment,method-assign]  # keys are case-sensitive
    parser.read_string(DESKTOP.read_text(encoding="utf-8"))
    return parser["Desktop Entry"]


def test_the_desktop_file_is_valid() -> None:
    validator = shutil.which("desktop-file-validate")
    if validator:
        result = subprocess.run([validator, str(DESKTOP)], capture_output=True, text=True, check=False)
        assert result.returncode == 0 and not result.stdout.strip(), result.stdout + result.stderr
    entry = _desktop_entry()
    assert entry["Type"] == "Application" and entry["Terminal"] == "false"
    assert entry["Name"] == "Projektu vadība"
    assert entry["Exec"] == entry["TryExec"] == APP_NAME  # install-user.sh puts the full path here
    assert entry["Icon"] == APP_NAME and (ICONS / f"{APP_NAME}.svg").is_file()
    assert entry["Categories"].endswith(";") and "Office" in entry["Categories"].split(";")
    assert entry["StartupWMClass"] == APP_NAME  # what ui/app.py sets with setDesktopFileName


def test_the_icons_exist_in_every_size_installers_use() -> None:
    for size in (48, 128, 256):
        assert (ICONS / f"{APP_NAME}-{size}.png").is_file()
    data = (ICONS / f"{APP_NAME}.ico").read_bytes()
    reserved, kind, count = struct.unpack_from("<HHH", data)
    assert (reserved, kind) == (0, 1) and count >= 5
    sizes = set()
    for i in range(count):
        width, _height, _colours, _reserved, _planes, bits, length, offset = struct.unpack_from(
            "<BBBBHHII", data, 6 + 16 * i
        )
        assert bits == 32 and data[offset : offset + 8] == b"\x89PNG\r\n\x1a\n" and offset + length <= len(data)
        sizes.add(width or 256)
    assert {16, 32, 48, 256} <= sizes


def test_the_linux_package_list_covers_qts_libraries() -> None:
    listed = package_list(SYSTEM_PACKAGES)
    assert not QT_RUNTIME_PACKAGES - listed
    # ... and whatever the app's install script gives Qt (its "lib:" needs: one of each need's alternative names).
    script = (ROOT / "scripts" / "install-system-packages.sh").read_text(encoding="utf-8")
    needs_app = script.split("needs_app=(", 1)[1].split("\n)", 1)[0]
    libraries = [line.split()[1] for line in needs_app.splitlines() if line.strip().startswith('"lib:')]
    assert len(libraries) >= len(QT_RUNTIME_PACKAGES)
    for alternatives in libraries:
        assert set(alternatives.strip('"').split("|")) & listed, alternatives


@pytest.mark.parametrize(
    "script",
    ["installer/linux/build.sh", "installer/linux/install-user.sh", "scripts/build_linux_bundle.sh",
     "scripts/smoke_frozen.sh"],
)  # fmt: skip
def test_shell_scripts_are_executable_and_parse(script: str) -> None:
    path = ROOT / script
    assert os.access(path, os.X_OK), f"chmod +x {script}"
    subprocess.run(["bash", "-n", str(path)], check=True)


def _fake_bundle(folder: Path) -> Path:
    """What the tar.gz unpacks to, with a stub instead of the frozen program."""
    folder.mkdir()
    (folder / "_internal").mkdir()
    program = folder / APP_NAME
    program.write_text("#!/bin/sh\necho frozen\n", encoding="utf-8")
    program.chmod(0o755)
    for source in (DESKTOP, INSTALL_USER, SYSTEM_PACKAGES, ICONS / f"{APP_NAME}.svg"):
        shutil.copy2(source, folder / source.name)
    for size in (48, 128, 256):
        shutil.copy2(ICONS / f"{APP_NAME}-{size}.png", folder)
    return folder


def test_install_user_installs_for_the_user_and_uninstalls_keeping_data(tmp_path: Path) -> None:
    bundle = _fake_bundle(tmp_path / "projektu-vadiba-1.0")
    home = tmp_path / "home with space"
    data = home / ".local" / "share"
    (data / APP_NAME).mkdir(parents=True)
    (data / APP_NAME / "projektu-vadiba.sqlite").write_text("dati", encoding="utf-8")
    env = {"HOME": str(home), "PATH": os.environ["PATH"]}

    run = subprocess.run([str(bundle / "install-user.sh")], env=env, capture_output=True, text=True, check=True)
    target = home / ".local" / "opt" / APP_NAME
    assert "uzstādīta" in run.stdout and (target / APP_NAME).is_file() and (target / "_internal").is_dir()
    desktop = data / "applications" / f"{APP_NAME}.desktop"
    text = desktop.read_text(encoding="utf-8")
    assert f'Exec="{target / APP_NAME}"\n' in text and f"TryExec={target / APP_NAME}\n" in text
    assert "Name=Projektu vadība" in text
    validator = shutil.which("desktop-file-validate")
    if validator:
        subprocess.run([validator, str(desktop)], check=True)
    assert (data / "icons" / "hicolor" / "256x256" / "apps" / f"{APP_NAME}.png").is_file()
    assert (data / "icons" / "hicolor" / "scalable" / "apps" / f"{APP_NAME}.svg").is_file()
    link = home / ".local" / "bin" / APP_NAME
    assert link.is_symlink() and subprocess.run([str(link)], capture_output=True, text=True).stdout == "frozen\n"

    # Installing again (an update) replaces the program in place.
    subprocess.run([str(bundle / "install-user.sh")], env=env, capture_output=True, text=True, check=True)
    assert sorted(p.name for p in target.parent.iterdir()) == [APP_NAME]

    run = subprocess.run(
        [str(target / "install-user.sh"), "--uninstall"], env=env, capture_output=True, text=True, check=True
    )
    assert "dati palika" in run.stdout
    assert not target.exists() and not desktop.exists() and not link.is_symlink()
    assert (data / APP_NAME / "projektu-vadiba.sqlite").read_text(encoding="utf-8") == "dati"


def test_install_user_refuses_to_run_outside_the_bundle(tmp_path: Path) -> None:
    script = tmp_path / "install-user.sh"
    shutil.copy2(INSTALL_USER, script)
    run = subprocess.run(
        [str(script)], env={"HOME": str(tmp_path), "PATH": os.environ["PATH"]}, capture_output=True, text=True
    )
    assert run.returncode == 1 and "izpakotās mapes" in run.stderr
    assert not (tmp_path / ".local").exists()


def test_the_build_installs_every_package_the_bundle_lists() -> None:
    """smoke_frozen.sh installs the bundle's system-packages.txt through install-system-packages.sh --build."""
    script = (ROOT / "scripts" / "install-system-packages.sh").read_text(encoding="utf-8")
    needs = script.split("needs_app=(", 1)[1].split("ldcache=", 1)[0]
    names = {
        name
        for line in needs.splitlines()
        if line.strip().startswith('"')
        for name in line.strip().strip('"').split()[1].split("|")
    }
    assert not package_list(SYSTEM_PACKAGES) - names


def test_powershell_scripts_with_latvian_letters_carry_a_bom() -> None:
    """Windows PowerShell 5.1 reads a .ps1 without a BOM in the ANSI code page: "ā" would become "Ä\x81"."""
    for script in (ROOT / "installer" / "windows").glob("*.ps1"):
        data = script.read_bytes()
        assert data.isascii() or data.startswith(b"\xef\xbb\xbf"), f"{script.name}: save as UTF-8 with BOM"
