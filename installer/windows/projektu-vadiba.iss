; Inno Setup 6 script: the Windows installer of Projektu vadība (installer/README.md says how to build it).
;
;   iscc /DAppVersion=0.1.0 /DAppVersionNumeric=0.1.0.0 installer\windows\projektu-vadiba.iss
;
; build.ps1 passes both from pyproject.toml (the single source of the version) after PyInstaller has made
; dist\projektu-vadiba\. The result is dist\projektu-vadiba-<version>-setup.exe.
;
; Installs for the current user by default (no administrator rights needed; an administrator can choose "all
; users"), in Latvian or English, with a Start-menu shortcut and, if ticked, a desktop shortcut. Uninstalling keeps
; the user's database (%LOCALAPPDATA%\projektu-vadiba) unless the user answers Yes to deleting it.

#ifndef AppVersion
  #error Pass the version: iscc /DAppVersion=X.Y.Z /DAppVersionNumeric=X.Y.Z.0 (build.ps1 does this)
#endif
#ifndef AppVersionNumeric
  #define AppVersionNumeric AppVersion
#endif

#define AppName "Projektu vadība"
#define AppExe "projektu-vadiba.exe"
; The user data folder of platformdirs.user_data_path("projektu-vadiba", appauthor=False) (core/db.py).
#define DataFolder "projektu-vadiba"
; The checkout's top folder (relative paths in this script are relative to the script's folder).
#define Root "..\.."

; The full unofficial Latvian translation of Inno Setup's own messages, if someone has put Latvian.isl beside this
; script (see installer/README.md); otherwise lv-messages.isl (ours) over the English defaults.
#if FileExists(AddBackslash(SourcePath) + "Latvian.isl")
  #define LatvianMessages "compiler:Default.isl,lv-messages.isl,Latvian.isl"
#else
  #define LatvianMessages "compiler:Default.isl,lv-messages.isl"
#endif

[Setup]
; AppId identifies the installation for updates and the uninstaller: never change it.
AppId={{6C1E3F52-8B0D-4A8E-9E54-2D7A4F0C9B31}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher={#AppName}
VersionInfoVersion={#AppVersionNumeric}
VersionInfoProductName={#AppName}
VersionInfoProductVersion={#AppVersion}
VersionInfoDescription={#AppName} {#AppVersion}
DefaultDirName={autopf}\Projektu vadiba
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
DisableDirPage=auto
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
WizardStyle=modern
ShowLanguageDialog=auto
SetupIconFile={#Root}\resources\icons\projektu-vadiba.ico
UninstallDisplayIcon={app}\{#AppExe}
UninstallDisplayName={#AppName}
OutputDir={#Root}\dist
OutputBaseFilename=projektu-vadiba-{#AppVersion}-setup
Compression=lzma2/max
SolidCompression=yes
CloseApplications=yes

[Languages]
Name: "latvian"; MessagesFile: "{#LatvianMessages}"
Name: "english"; MessagesFile: "compiler:Default.isl"

[CustomMessages]
latvian.DeleteUserData=Vai dzēst arī jūsu datus — datubāzi ar visiem projektiem, dalībniekiem un atskaitēm, kā arī tās rezerves kopijas?%n%n%1%n%nJa atbildēsiet "Nē", dati paliks un būs pieejami, kad programmu uzstādīsiet atkal.
english.DeleteUserData=Also delete your data — the database with all projects, participants and reports, and its backup copies?%n%n%1%n%nIf you answer "No", the data stays and will be there when you install the program again.

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#Root}\dist\projektu-vadiba\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An update replaces the bundled libraries as a whole: files of the previous version must not linger beside them.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExe}"; WorkingDir: "{userdocs}"; Tasks: desktopicon

[Run]
Filename: "{app}\{#AppExe}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[UninstallDelete]
; Only what the program itself leaves in its folder; the user's data folder is handled in [Code] below.
Type: filesandordirs; Name: "{app}\_internal"
Type: dirifempty; Name: "{app}"

[Code]
{ After the program's files are gone: ask whether to delete the user's data too. "No" is the default button,
  and a silent uninstall (/SILENT, /VERYSILENT) keeps the data without asking. }
procedure CurUninstallStepChanged(CurUninstallStep: TUninstallStep);
var
  DataDir: String;
begin
  if CurUninstallStep <> usPostUninstall then
    Exit;
  DataDir := ExpandConstant('{localappdata}\{#DataFolder}');
  if not DirExists(DataDir) then
    Exit;
  if SuppressibleMsgBox(FmtMessage(CustomMessage('DeleteUserData'), [DataDir]), mbConfirmation,
                        MB_YESNO or MB_DEFBUTTON2, IDNO) = IDYES then
  begin
    DelTree(DataDir, True, True, True);
    { The window size, language and other settings (QSettings: HKCU\Software\projektu-vadiba). }
    RegDeleteKeyIncludingSubkeys(HKEY_CURRENT_USER, 'Software\{#DataFolder}');
  end;
end;
