# Smoke test of the Windows build (after build.ps1): the frozen app in dist\projektu-vadiba, then the setup program
# installed for the current user, run from where it installed, and uninstalled keeping the data.
#
#   powershell -ExecutionPolicy Bypass -File installer\windows\smoke.ps1
#
# Uses a temporary folder with Latvian letters and spaces for every database and file. The installed copy's
# default data folder (%LOCALAPPDATA%\projektu-vadiba) is used too, so run it on a build machine, not a user's.
# .github/workflows/windows-installer.yml runs it on a hosted Windows runner.
[CmdletBinding()]
param([switch]$SkipSetup)
$ErrorActionPreference = "Stop"
[Console]::OutputEncoding = [System.Text.Encoding]::UTF8  # the frozen app writes UTF-8 (Python's UTF-8 mode)
$Root = Resolve-Path (Join-Path $PSScriptRoot "..\..")
Set-Location $Root
$Version = (Select-String -Path pyproject.toml -Pattern '^version = "(.*)"$').Matches[0].Groups[1].Value
$Number = "2023.LV/NVOF/MAC/041/58"  # a project of the demo data
$Checks = 0

function Step([string]$What) { $script:Checks++; Write-Host "== $What" }
function Fail([string]$Why) { throw "SMOKE FAILED: $Why" }
function Run-Cli([string]$Exe, [string[]]$Arguments) {
    # Returns the output (stderr too: warnings are not errors here); a non-zero exit fails the smoke test.
    $ErrorActionPreference = "Continue"
    $out = & $Exe @Arguments 2>&1 | Out-String
    if ($LASTEXITCODE -ne 0) { Fail "$Exe $($Arguments -join ' ') exited $LASTEXITCODE`n$out" }
    return $out
}
function Expect([string]$Text, [string]$Part, [string]$What) {
    if (-not $Text.Contains($Part)) { Fail "${What}: '$Part' not in:`n$Text" }
}

$Tmp = Join-Path ([System.IO.Path]::GetTempPath()) ("pv smoke Jānis Bērziņš " + [guid]::NewGuid())
New-Item -ItemType Directory $Tmp | Out-Null
try {
    $Cli = Join-Path $Root "dist\projektu-vadiba\projektu-vadiba-cli.exe"
    if (-not (Test-Path $Cli)) { Fail "no $Cli: run installer\windows\build.ps1 first" }
    $Db = Join-Path $Tmp "dati ar garumzīmēm.sqlite"

    Step "version"
    Expect (Run-Cli $Cli @("--version")) "projektu-vadiba $Version" "--version"

    Step "demo data, projects (Latvian letters in the path and in the output)"
    Expect (Run-Cli $Cli @("--db", $Db, "demo")) "Demonstrācijas dati ielikti" "demo"
    $Projects = Run-Cli $Cli @("--db", $Db, "projects")
    Expect $Projects $Number "projects"
    Expect $Projects "Ķekavas novadā" "projects (UTF-8 output)"

    Step "reports: attendance sheets, final report, financial XLSX, evidence ZIP"
    $Sheet = Join-Path $Tmp "reģistrācijas lapas.pdf"
    Run-Cli $Cli @("--db", $Db, "report", "attendance", $Number, "--event", "1", "-o", $Sheet) | Out-Null
    Run-Cli $Cli @("--db", $Db, "report", "final", $Number, "-o", (Join-Path $Tmp "pārskats.pdf")) | Out-Null
    Run-Cli $Cli @("--db", $Db, "report", "financial", $Number, "-o", (Join-Path $Tmp "finanses.xlsx")) | Out-Null
    Run-Cli $Cli @("--db", $Db, "evidence", $Number, "-o", (Join-Path $Tmp "pierādījumi.zip")) | Out-Null
    foreach ($f in @($Sheet, "pārskats.pdf", "finanses.xlsx", "pierādījumi.zip")) {
        $p = if ([System.IO.Path]::IsPathRooted($f)) { $f } else { Join-Path $Tmp $f }
        if (-not (Test-Path $p) -or (Get-Item $p).Length -eq 0) { Fail "not written: $p" }
    }

    Step "reading a sheet back without poppler (Windows has no pdftoppm)"
    # The printed PDF holds no scan: each page must get a message, not a traceback (exit 1 = a user message).
    $ErrorActionPreference = "Continue"
    $Scan = & $Cli --db $Db attendance scan $Sheet 2>&1 | Out-String
    if ($Scan.Contains("Traceback") -or $Scan.Contains("No module named")) { Fail "scan: $Scan" }
    Expect $Scan "pdftoppm" "scan without poppler"

    Step "PostgreSQL driver"
    $Pg = & $Cli --db "postgresql+psycopg://smoke:smoke@127.0.0.1:9/none" projects 2>&1 | Out-String
    if ($LASTEXITCODE -eq 0) { Fail "a database on a closed port opened?" }
    $ErrorActionPreference = "Stop"
    if ($Pg.Contains("No module named") -or $Pg.Contains("Traceback")) { Fail "PostgreSQL driver: $Pg" }

    Step "window (offscreen and on the desktop), About shows the version"
    foreach ($Platform in @("offscreen", "windows")) {
        $env:PROJEKTU_VADIBA_SMOKE_QUIT_MS = "0"
        $env:QT_QPA_PLATFORM = $Platform
        try { $Gui = Run-Cli $Cli @("--db", $Db) } finally {
            Remove-Item Env:PROJEKTU_VADIBA_SMOKE_QUIT_MS, Env:QT_QPA_PLATFORM -ErrorAction SilentlyContinue
        }
        Expect $Gui "smoke: visible: True" "window ($Platform)"
        Expect $Gui "smoke: about: Versija $Version" "About ($Platform)"
        Write-Host ($Gui -split "`n" | Where-Object { $_ -like "smoke: *" } | Out-String)
    }

    if ($SkipSetup) { Write-Host "SMOKE OK (frozen app; setup skipped): $Checks checks"; exit 0 }

    Step "setup: install for the current user, silently"
    $Setup = Join-Path $Root "dist\projektu-vadiba-$Version-setup.exe"
    if (-not (Test-Path $Setup)) { Fail "no $Setup" }
    $Target = Join-Path $Tmp "Programmas ar atstarpēm\Projektu vadība"
    $p = Start-Process -FilePath $Setup -Wait -PassThru -ArgumentList @(
        "/VERYSILENT", "/SUPPRESSMSGBOXES", "/NORESTART", "/DIR=`"$Target`"", "/LOG=`"$Tmp\setup.log`"")
    if ($p.ExitCode -ne 0) { Fail "setup exited $($p.ExitCode): $(Get-Content "$Tmp\setup.log" -Tail 20 | Out-String)" }
    $Installed = Join-Path $Target "projektu-vadiba-cli.exe"
    Expect (Run-Cli $Installed @("--version")) "projektu-vadiba $Version" "installed --version"

    Step "installed app: its default database in %LOCALAPPDATA%\projektu-vadiba"
    $DataDir = Join-Path $env:LOCALAPPDATA "projektu-vadiba"
    $DefaultDb = Join-Path $DataDir "projektu-vadiba.sqlite"
    $Existed = Test-Path $DefaultDb
    if (-not $Existed) { Run-Cli $Installed @("demo") | Out-Null }
    Expect (Run-Cli $Installed @("projects")) $Number "installed projects"
    if (-not (Test-Path $DefaultDb)) { Fail "no database at $DefaultDb" }

    Step "uninstall silently: the program goes, the data stays"
    $Uninstaller = Get-ChildItem $Target -Filter "unins*.exe" | Select-Object -First 1
    $p = Start-Process -FilePath $Uninstaller.FullName -Wait -PassThru -ArgumentList @("/VERYSILENT", "/SUPPRESSMSGBOXES")
    if ($p.ExitCode -ne 0) { Fail "uninstaller exited $($p.ExitCode)" }
    Start-Sleep -Seconds 2  # the uninstaller removes its own files from a copy that runs on
    if (Test-Path $Installed) { Fail "still there after uninstalling: $Installed" }
    if (-not (Test-Path $DefaultDb)) { Fail "the uninstaller deleted the data: $DefaultDb" }
    if (-not $Existed) { Remove-Item -Recurse -Force $DataDir }

    Write-Host "SMOKE OK: $Checks checks"
} finally {
    Remove-Item -Recurse -Force $Tmp -ErrorAction SilentlyContinue
}
