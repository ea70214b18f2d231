# Builds the Windows installer of Projektu vadiba: dist\projektu-vadiba-<version>-setup.exe
# (step-by-step instructions: installer\README.md).
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\build.ps1
#
# Needs: 64-bit Python 3.11+ (python.org installer, "Add python.exe to PATH") and Inno Setup 6.3+.
# Steps: a build environment in build\venv-win (the project installed as a package, plus PyInstaller), the one-folder
# app in dist\projektu-vadiba\ (installer\projektu-vadiba.spec), a quick check that it starts, then the installer.
# Options: -Python <path to python.exe>, -Iscc <path to ISCC.exe>, -SkipInstaller (stop after the app folder).
[CmdletBinding()]
param(
    [string]$Python = "",
    [string]$Iscc = "",
    [switch]$SkipInstaller
)
$ErrorActionPreference = "Stop"
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8  # the frozen app writes UTF-8 (Latvian letters)
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root
$started = Get-Date

function Invoke-Checked {
    param([string]$What, [scriptblock]$Command)
    Write-Host "== $What"
    & $Command
    if ($LASTEXITCODE -ne 0) { throw "$What failed (exit code $LASTEXITCODE)" }
}

# --- Python -------------------------------------------------------------------------------------------------------
if (-not $Python -and (Get-Command py -ErrorAction SilentlyContinue)) {
    # The py launcher (python.org installs it) picks the newest installed Python 3.
    try { $Python = (& py -3 -c "import sys; print(sys.executable)").Trim() } catch { $Python = "" }
}
if (-not $Python) { $Python = (Get-Command python -ErrorAction SilentlyContinue).Source }
if (-not $Python) { throw "Python 3.11 not found: install it from python.org (tick 'Add python.exe to PATH') or pass -Python." }
& $Python -c "import sys; assert sys.version_info >= (3, 11) and sys.maxsize > 2**32, sys.version"
if ($LASTEXITCODE -ne 0) { throw "$Python is not a 64-bit Python 3.11 or newer." }

# --- Build environment --------------------------------------------------------------------------------------------
$Venv = Join-Path $Root "build\venv-win"
$VenvPython = Join-Path $Venv "Scripts\python.exe"
if (-not (Test-Path $VenvPython)) {
    Invoke-Checked "create build\venv-win" { & $Python -m venv $Venv }
}
Invoke-Checked "install build tools" { & $VenvPython -m pip install -q --upgrade pip }
Invoke-Checked "install dependencies" { & $VenvPython -m pip install -q ".[postgres]" -r installer\requirements-build.txt }
# The project itself on every build: the bundle must hold this checkout's code and version.
Invoke-Checked "install the project" { & $VenvPython -m pip install -q --no-deps --no-build-isolation --force-reinstall . }

# --- Version (pyproject.toml is the only source) ------------------------------------------------------------------
$AppVersion = (& $VenvPython -c "import tomllib; print(tomllib.load(open('pyproject.toml', 'rb'))['project']['version'])").Trim()
$AppVersionNumeric = (& $VenvPython -c "from packaging.version import Version; r = (list(Version('$AppVersion').release) + [0, 0, 0])[:4]; print('.'.join(map(str, r)))").Trim()
Write-Host "version $AppVersion ($AppVersionNumeric)"

# --- The one-folder app -------------------------------------------------------------------------------------------
Invoke-Checked "PyInstaller" {
    & $VenvPython -m PyInstaller --noconfirm --log-level WARN --distpath dist --workpath build\pyinstaller installer\projektu-vadiba.spec
}
$Cli = Join-Path $Root "dist\projektu-vadiba\projektu-vadiba-cli.exe"
$Said = (& $Cli --version).Trim()
if ($Said -ne "projektu-vadiba $AppVersion") { throw "The frozen app says '$Said', expected 'projektu-vadiba $AppVersion'." }
# A fresh database in a temporary folder: proves the migrations, the demo data and a PDF report work when frozen.
$Tmp = Join-Path ([System.IO.Path]::GetTempPath()) ("pv-smoke-" + [guid]::NewGuid())
New-Item -ItemType Directory $Tmp | Out-Null
try {
    $Db = Join-Path $Tmp "smoke.sqlite"
    Invoke-Checked "frozen app: demo data" { & $Cli --db $Db demo }
    Invoke-Checked "frozen app: projects" { & $Cli --db $Db projects }
    Invoke-Checked "frozen app: attendance sheet" {
        & $Cli --db $Db report attendance "2023.LV/NVOF/MAC/041/58" --all -o (Join-Path $Tmp "sheet.pdf")
    }
} finally {
    Remove-Item -Recurse -Force $Tmp -ErrorAction SilentlyContinue
}
if ($SkipInstaller) { Write-Host "App folder ready: dist\projektu-vadiba"; exit 0 }

# --- The installer ------------------------------------------------------------------------------------------------
if (-not $Iscc) {
    $candidates = @(
        (Get-Command iscc -ErrorAction SilentlyContinue).Source,
        "${env:ProgramFiles(x86)}\Inno Setup 6\ISCC.exe",
        "$env:ProgramFiles\Inno Setup 6\ISCC.exe",
        "$env:LOCALAPPDATA\Programs\Inno Setup 6\ISCC.exe"
    ) | Where-Object { $_ -and (Test-Path $_) }
    $Iscc = $candidates | Select-Object -First 1
}
if (-not $Iscc) { throw "Inno Setup 6 (ISCC.exe) not found: install it from jrsoftware.org or pass -Iscc." }
Invoke-Checked "Inno Setup" {
    & $Iscc /Q "/DAppVersion=$AppVersion" "/DAppVersionNumeric=$AppVersionNumeric" installer\windows\projektu-vadiba.iss
}
$Setup = Join-Path $Root "dist\projektu-vadiba-$AppVersion-setup.exe"
$Minutes = [math]::Round(((Get-Date) - $started).TotalMinutes, 1)
Write-Host "Installer: $Setup ($([math]::Round((Get-Item $Setup).Length / 1MB)) MB), built in $Minutes min"
