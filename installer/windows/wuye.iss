; Inno Setup 6 script: the Windows installer of 物业服务台 (Property Service Desk).
;
; Built by .github/workflows/windows-installer.yml after PyInstaller has made the bundle:
;
;   iscc /DAppVersion=0.1.0 /DBundleDir=C:\src\build\bundle\wuye /DOutputDir=C:\src\build\installer installer\windows\wuye.iss
;
; AppVersion is the version in pyproject.toml (the workflow reads it there); BundleDir is the
; PyInstaller one-folder bundle (wuye.exe, wuyew.exe, _internal\). The result is
; OutputDir\wuye-desktop-VERSION-setup.exe. Silent install: /VERYSILENT /SUPPRESSMSGBOXES.
;
; Installs for all users under Program Files (an administrator installs the desks), with a
; start-menu shortcut, a desktop shortcut (a task, on by default) and an uninstaller. The
; shortcuts start wuyew.exe, the windowed executable; wuye.exe is the console one for the
; `wuye` commands and `wuye.exe --selftest`.
;
; Uninstalling removes the program's folder only. The users' data stays where the program
; keeps it: the database in %LOCALAPPDATA%\wuye_desktop, the log in
; %LOCALAPPDATA%\wuye_desktop\Logs, the settings in %APPDATA%\wuye\wuye_desktop.ini.

#ifndef AppVersion
  #error Pass the version from pyproject.toml: iscc /DAppVersion=X.Y.Z ...
#endif
#ifndef BundleDir
  #define BundleDir "..\..\build\bundle\wuye"
#endif
#ifndef OutputDir
  #define OutputDir "..\..\build\installer"
#endif

#define AppName "物业服务台"
#define AppNameEn "Property Service Desk"

[Setup]
; The same AppId for every version: a new installer upgrades the installed program in place.
AppId={{C0F8FDE4-78AF-4EDC-A72A-C2BA2B3F08EB}
AppName={#AppName}
AppVersion={#AppVersion}
AppVerName={#AppName} {#AppVersion}
AppPublisher=wuye_desktop
VersionInfoVersion={#AppVersion}
VersionInfoProductName={#AppNameEn}
VersionInfoDescription={#AppNameEn} setup
DefaultDirName={autopf}\wuye-desktop
DefaultGroupName={#AppName}
DisableProgramGroupPage=yes
PrivilegesRequired=admin
PrivilegesRequiredOverridesAllowed=commandline
ArchitecturesAllowed=x64compatible
ArchitecturesInstallIn64BitMode=x64compatible
MinVersion=10.0
OutputDir={#OutputDir}
OutputBaseFilename=wuye-desktop-{#AppVersion}-setup
SetupIconFile={#BundleDir}\_internal\resources\icons\wuye.ico
UninstallDisplayIcon={app}\wuyew.exe
UninstallDisplayName={#AppName} ({#AppNameEn})
Compression=lzma2/max
SolidCompression=yes
WizardStyle=modern
; Running desks lock the program's files: ask to close it rather than reboot.
CloseApplications=yes
RestartApplications=no

[Languages]
; Chinese first when this Inno Setup has the translation (newer releases ship it).
#if FileExists(CompilerPath + "Languages\ChineseSimplified.isl")
Name: "chinesesimplified"; MessagesFile: "compiler:Languages\ChineseSimplified.isl"
#endif
Name: "english"; MessagesFile: "compiler:Default.isl"

[Tasks]
Name: "desktopicon"; Description: "{cm:CreateDesktopIcon}"; GroupDescription: "{cm:AdditionalIcons}"

[Files]
Source: "{#BundleDir}\*"; DestDir: "{app}"; Flags: ignoreversion recursesubdirs createallsubdirs

[InstallDelete]
; An upgrade replaces the whole bundle: no library of the previous version may linger.
Type: filesandordirs; Name: "{app}\_internal"

[Icons]
Name: "{autoprograms}\{#AppName}"; Filename: "{app}\wuyew.exe"; WorkingDir: "{app}"; Comment: "{#AppNameEn}"
Name: "{autodesktop}\{#AppName}"; Filename: "{app}\wuyew.exe"; WorkingDir: "{app}"; Comment: "{#AppNameEn}"; Tasks: desktopicon

[Run]
Filename: "{app}\wuyew.exe"; Description: "{cm:LaunchProgram,{#AppName}}"; Flags: nowait postinstall skipifsilent
