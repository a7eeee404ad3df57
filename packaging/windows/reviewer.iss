; Inno Setup script: a Windows installer for the one-folder app that `make package` (packaging/build.py)
; builds into dist\reviewer. Compile on Windows after the build, from the repository root:
;     iscc packaging\windows\reviewer.iss                 (version below)
;     iscc /DAppVersion=0.2.0 packaging\windows\reviewer.iss
; The installer goes to dist\installer\reviewer-<version>-setup.exe. It installs per user by default (no admin
; rights needed; the dialog offers all users), adds a Start-menu shortcut to the windowed Reviewer.exe, offers
; "Open with" for PDF files, and puts the command-line reviewer.exe on the user's PATH if asked.
; Uninstalling removes the program only: the encrypted register (register.db in the user's data folder)
; stays, because it holds the user's reviews. See docs/packaging.md for removing it.

#ifndef AppVersion
  #define AppVersion "0.1.0"
#endif
#define AppName "Reviewer"
#define AppExeName "Reviewer.exe"
#define CliExeName "reviewer.exe"
#define DistDir "..\..\dist\reviewer"

[Setup]
AppId={{6F1C2B7E-4A1D-4C3B-9E59-0B7A5C2D8E41}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=reviewer
VersionInfoVersion={#AppVersion}
DefaultDirName={autopf}\{#AppName}
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=lowest
PrivilegesRequiredOverridesAllowed=dialog
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
OutputDir=..\..\dist\installer
OutputBaseFilename=reviewer-{#AppVersion}-setup
SetupIconFile=..\..\resources\icons\reviewer.ico
UninstallDisplayIcon={app}\{#AppExeName}
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
ChangesEnvironment=yes

[Languages]
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"; Flags: unchecked
Name: "addtopath"; Description: "Add the reviewer command to PATH (for the command line)"; Flags: unchecked

[Files]
Source: "{#DistDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\{#AppExeName}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\{#AppExeName}"; Tasks: desktopicon

[Registry]
; "Open with > Reviewer" for PDFs, without taking over the default PDF viewer
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\SupportedTypes"; ValueType: string; ValueName: ".pdf"; ValueData: ""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Applications\{#AppExeName}\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" gui ""%1"""; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\.pdf\OpenWithProgids"; ValueType: none; ValueName: "Reviewer.pdf"; Flags: uninsdeletevalue
Root: HKA; Subkey: "Software\Classes\Reviewer.pdf"; ValueType: string; ValueName: ""; ValueData: "PDF document"; Flags: uninsdeletekey
Root: HKA; Subkey: "Software\Classes\Reviewer.pdf\DefaultIcon"; ValueType: string; ValueName: ""; ValueData: "{app}\{#AppExeName},0"
Root: HKA; Subkey: "Software\Classes\Reviewer.pdf\shell\open\command"; ValueType: string; ValueName: ""; ValueData: """{app}\{#AppExeName}"" gui ""%1"""
; the command line: the user's PATH (HKCU) when installed per user, the machine's when for all users
Root: HKCU; Subkey: "Environment"; ValueType: expandsz; ValueName: "Path"; ValueData: "{olddata};{app}"; Tasks: addtopath; Check: not IsAdminInstallMode and NeedsAddPath(ExpandConstant('{app}'))

[Run]
Filename: "{app}\{#AppExeName}"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent

[Code]
function NeedsAddPath(Dir: string): Boolean;
var
  Path: string;
begin
  if not RegQueryStringValue(HKCU, 'Environment', 'Path', Path) then
  begin
    Result := True;
    exit;
  end;
  Result := Pos(';' + Uppercase(Dir) + ';', ';' + Uppercase(Path) + ';') = 0;
end;
