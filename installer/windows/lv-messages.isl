; *** Inno Setup 6 Latvian messages for Projektu vadība ***
;
; Written for this project (not the unofficial Latvian.isl from the Inno Setup site). The .iss reads it after
; compiler:Default.isl, so any message not translated here is shown in English rather than missing.
; Messages without a trailing period must stay without one: Inno Setup adds it where needed.
; Saved as UTF-8 with a byte order mark (Inno Setup 6 needs the mark to read UTF-8).

[LangOptions]
LanguageName=Latviešu
LanguageID=$0426
LanguageCodePage=1257

[Messages]

; *** Application titles
SetupAppTitle=Uzstādīšana
SetupWindowTitle=Uzstādīšana — %1
UninstallAppTitle=Noņemšana
UninstallAppFullTitle=%1 — noņemšana

; *** Misc. common
InformationTitle=Informācija
ConfirmTitle=Apstiprinājums
ErrorTitle=Kļūda

; *** SetupLdr messages
SetupLdrStartupMessage=Tiks uzstādīta programma %1. Vai turpināt?
LdrCannotCreateTemp=Neizdevās izveidot pagaidu failu. Uzstādīšana pārtraukta
LdrCannotExecTemp=Neizdevās palaist failu pagaidu mapē. Uzstādīšana pārtraukta

; *** Startup error messages
LastErrorMessage=%1.%n%nKļūda %2: %3
SetupFileMissing=Uzstādīšanas mapē trūkst faila %1. Novērsiet problēmu vai iegūstiet jaunu programmas kopiju.
SetupFileCorrupt=Uzstādīšanas faili ir bojāti. Iegūstiet jaunu programmas kopiju.
SetupFileCorruptOrWrongVer=Uzstādīšanas faili ir bojāti vai nav saderīgi ar šo uzstādītāja versiju. Novērsiet problēmu vai iegūstiet jaunu programmas kopiju.
InvalidParameter=Komandrindā norādīts nederīgs parametrs:%n%n%1
SetupAlreadyRunning=Uzstādīšana jau notiek.
WindowsVersionNotSupported=Šī programma nedarbojas ar datorā uzstādīto Windows versiju.
NotOnThisPlatform=Šī programma nedarbojas ar %1.
OnlyOnThisPlatform=Šī programma darbojas tikai ar %1.
OnlyOnTheseArchitectures=Šo programmu var uzstādīt tikai Windows versijās šādiem procesoru tipiem:%n%n%1
WinVersionTooLowError=Programmai vajadzīga %1 versija %2 vai jaunāka.
WinVersionTooHighError=Programmu nevar uzstādīt %1 versijā %2 vai jaunākā.
AdminPrivilegesRequired=Lai uzstādītu šo programmu, jāpiesakās kā administratoram.
PowerUserPrivilegesRequired=Lai uzstādītu šo programmu, jāpiesakās kā administratoram vai grupas "Power Users" dalībniekam.
SetupAppRunningError=Uzstādītājs konstatēja, ka programma %1 pašlaik darbojas.%n%nAizveriet visus tās logus un spiediet "Labi", lai turpinātu, vai "Atcelt", lai izietu.
UninstallAppRunningError=Noņēmējs konstatēja, ka programma %1 pašlaik darbojas.%n%nAizveriet visus tās logus un spiediet "Labi", lai turpinātu, vai "Atcelt", lai izietu.

; *** Startup questions
PrivilegesRequiredOverrideInstruction=Izvēlieties uzstādīšanas veidu
PrivilegesRequiredOverrideTaskDialogText1=Programmu %1 var uzstādīt visiem lietotājiem (vajadzīgas administratora tiesības) vai tikai jums.
PrivilegesRequiredOverrideMsgBoxText1=Programmu %1 var uzstādīt visiem lietotājiem (ieteicams, bet vajadzīgas administratora tiesības) vai tikai jums.%n%nVai uzstādīt visiem lietotājiem?
PrivilegesRequiredOverrideTaskDialogText2=Programmu %1 var uzstādīt tikai jums vai visiem lietotājiem (vajadzīgas administratora tiesības).
PrivilegesRequiredOverrideMsgBoxText2=Programmu %1 var uzstādīt tikai jums (ieteicams) vai visiem lietotājiem (vajadzīgas administratora tiesības).%n%nVai uzstādīt tikai jums?
PrivilegesRequiredOverrideAllUsers=Uzstādīt &visiem lietotājiem
PrivilegesRequiredOverrideCurrentUser=Uzstādīt tikai &man
PrivilegesRequiredOverrideRecommended=%1 (ieteicams)

; *** Misc. errors
ErrorCreatingDir=Uzstādītājs nevarēja izveidot mapi "%1"
ErrorTooManyFilesInDir=Nevar izveidot failu mapē "%1", jo tajā ir pārāk daudz failu

; *** Setup common messages
ExitSetupTitle=Iziet no uzstādīšanas
ExitSetupMessage=Uzstādīšana nav pabeigta. Ja iziesiet tagad, programma netiks uzstādīta.%n%nUzstādīšanu var pabeigt vēlāk, palaižot uzstādītāju vēlreiz.%n%nVai iziet no uzstādīšanas?
AboutSetupMenuItem=&Par uzstādītāju...
AboutSetupTitle=Par uzstādītāju
AboutSetupMessage=%1, versija %2%n%3%n%n%1 mājaslapa:%n%4

; *** Buttons
ButtonBack=< &Atpakaļ
ButtonNext=&Tālāk >
ButtonInstall=&Uzstādīt
ButtonOK=Labi
ButtonCancel=Atcelt
ButtonYes=&Jā
ButtonYesToAll=Jā &visiem
ButtonNo=&Nē
ButtonNoToAll=N&ē visiem
ButtonFinish=&Pabeigt
ButtonBrowse=&Pārlūkot...
ButtonWizardBrowse=Pā&rlūkot...
ButtonNewFolder=&Jauna mape

; *** "Select Language" dialog messages
SelectLanguageTitle=Uzstādīšanas valoda
SelectLanguageLabel=Izvēlieties valodu, kurā notiks uzstādīšana:

; *** Common wizard text
ClickNext=Spiediet "Tālāk", lai turpinātu, vai "Atcelt", lai izietu no uzstādīšanas.
BrowseDialogTitle=Mapes izvēle
BrowseDialogLabel=Izvēlieties mapi sarakstā un spiediet "Labi".
NewFolderName=Jauna mape

; *** "Welcome" wizard page
WelcomeLabel1=Laipni lūdzam [name] uzstādīšanas vednī
WelcomeLabel2=Datorā tiks uzstādīta programma [name/ver].%n%nPirms turpināt, ieteicams aizvērt citas programmas.

; *** "License Agreement" wizard page
WizardLicense=Licences līgums
LicenseLabel=Pirms turpināt, izlasiet šo svarīgo informāciju.
LicenseLabel3=Izlasiet licences līgumu. Lai turpinātu uzstādīšanu, jāpiekrīt tā noteikumiem.
LicenseAccepted=&Piekrītu līgumam
LicenseNotAccepted=&Nepiekrītu līgumam

; *** "Information" wizard pages
WizardInfoBefore=Informācija
InfoBeforeLabel=Pirms turpināt, izlasiet šo svarīgo informāciju.
InfoBeforeClickLabel=Kad esat gatavs turpināt, spiediet "Tālāk".
WizardInfoAfter=Informācija
InfoAfterLabel=Pirms turpināt, izlasiet šo svarīgo informāciju.
InfoAfterClickLabel=Kad esat gatavs turpināt, spiediet "Tālāk".

; *** "Select Destination Location" wizard page
WizardSelectDir=Uzstādīšanas vieta
SelectDirDesc=Kur uzstādīt [name]?
SelectDirLabel3=[name] tiks uzstādīta šajā mapē.
SelectDirBrowseLabel=Lai turpinātu, spiediet "Tālāk". Ja vēlaties citu mapi, spiediet "Pārlūkot".
DiskSpaceMBLabel=Vajadzīgi vismaz [mb] MB brīvas vietas diskā.
CannotInstallToNetworkDrive=Uzstādīt tīkla diskā nav iespējams.
CannotInstallToUNCPath=Uzstādīt UNC ceļā nav iespējams.
InvalidPath=Jānorāda pilns ceļš ar diska burtu, piemēram:%n%nC:\PROGRAMMA%n%nvai UNC ceļš formā:%n%n\\serveris\koplietojums
InvalidDrive=Izvēlētais disks vai UNC koplietojums nepastāv vai nav pieejams. Izvēlieties citu.
DiskSpaceWarningTitle=Diskā nepietiek vietas
DiskSpaceWarning=Uzstādīšanai vajadzīgi vismaz %1 KB brīvas vietas, bet izvēlētajā diskā pieejami tikai %2 KB.%n%nVai tomēr turpināt?
DirNameTooLong=Mapes nosaukums vai ceļš ir pārāk garš.
InvalidDirName=Mapes nosaukums nav derīgs.
BadDirName32=Mapes nosaukumā nedrīkst būt šādas rakstzīmes:%n%n%1
DirExistsTitle=Mape jau pastāv
DirExists=Mape%n%n%1%n%njau pastāv. Vai tomēr uzstādīt šajā mapē?
DirDoesntExistTitle=Mape nepastāv
DirDoesntExist=Mape%n%n%1%n%nnepastāv. Vai izveidot šo mapi?

; *** "Select Additional Tasks" wizard page
WizardSelectTasks=Papildu darbības
SelectTasksDesc=Kas vēl jāizdara?
SelectTasksLabel2=Atzīmējiet, kas vēl jāizdara, uzstādot [name], un spiediet "Tālāk".

; *** "Select Start Menu Folder" wizard page
WizardSelectProgramGroup=Izvēlnes "Sākt" mape
SelectStartMenuFolderDesc=Kur novietot programmas saīsnes?
SelectStartMenuFolderLabel3=Programmas saīsnes tiks izveidotas šajā izvēlnes "Sākt" mapē.
SelectStartMenuFolderBrowseLabel=Lai turpinātu, spiediet "Tālāk". Ja vēlaties citu mapi, spiediet "Pārlūkot".
MustEnterGroupName=Jānorāda mapes nosaukums.
GroupNameTooLong=Mapes nosaukums vai ceļš ir pārāk garš.
InvalidGroupName=Mapes nosaukums nav derīgs.
BadGroupName=Mapes nosaukumā nedrīkst būt šādas rakstzīmes:%n%n%1
NoProgramGroupCheck2=&Neveidot mapi izvēlnē "Sākt"

; *** "Ready to Install" wizard page
WizardReady=Gatavs uzstādīšanai
ReadyLabel1=Viss gatavs, lai datorā uzstādītu [name].
ReadyLabel2a=Spiediet "Uzstādīt", lai sāktu, vai "Atpakaļ", ja vēlaties pārskatīt vai mainīt iestatījumus.
ReadyLabel2b=Spiediet "Uzstādīt", lai sāktu.
ReadyMemoUserInfo=Lietotāja informācija:
ReadyMemoDir=Uzstādīšanas vieta:
ReadyMemoType=Uzstādīšanas veids:
ReadyMemoComponents=Izvēlētās sastāvdaļas:
ReadyMemoGroup=Izvēlnes "Sākt" mape:
ReadyMemoTasks=Papildu darbības:

; *** "Preparing to Install" wizard page
WizardPreparing=Sagatavošanās uzstādīšanai
PreparingDesc=Tiek sagatavota [name] uzstādīšana.
PreviousInstallNotCompleted=Iepriekšējās programmas uzstādīšana vai noņemšana nav pabeigta. Lai to pabeigtu, restartējiet datoru.%n%nPēc restartēšanas palaidiet uzstādītāju vēlreiz, lai pabeigtu [name] uzstādīšanu.
CannotContinue=Uzstādīšanu nevar turpināt. Spiediet "Atcelt", lai izietu.
ApplicationsFound=Šīs programmas izmanto failus, kas uzstādītājam jāatjaunina. Ieteicams ļaut uzstādītājam tās aizvērt automātiski.
ApplicationsFound2=Šīs programmas izmanto failus, kas uzstādītājam jāatjaunina. Ieteicams ļaut uzstādītājam tās aizvērt automātiski. Pēc uzstādīšanas uzstādītājs mēģinās tās palaist atkal.
CloseApplications=&Automātiski aizvērt programmas
DontCloseApplications=&Neaizvērt programmas
ErrorCloseApplications=Uzstādītājs nevarēja automātiski aizvērt visas programmas. Pirms turpināt, ieteicams aizvērt visas programmas, kas izmanto atjauninātos failus.

; *** "Installing" wizard page
WizardInstalling=Uzstādīšana
InstallingLabel=Uzgaidiet, kamēr datorā tiek uzstādīta [name].

; *** "Setup Completed" wizard page
FinishedHeadingLabel=[name] uzstādīšana pabeigta
FinishedLabelNoIcons=Programma [name] ir uzstādīta.
FinishedLabel=Programma [name] ir uzstādīta. To var palaist ar izveidotajām saīsnēm.
ClickFinish=Spiediet "Pabeigt", lai aizvērtu uzstādītāju.
FinishedRestartLabel=Lai pabeigtu [name] uzstādīšanu, dators jārestartē. Vai restartēt tagad?
FinishedRestartMessage=Lai pabeigtu [name] uzstādīšanu, dators jārestartē.%n%nVai restartēt tagad?
ShowReadmeCheck=Jā, vēlos izlasīt README failu
YesRadio=&Jā, restartēt datoru tagad
NoRadio=&Nē, restartēšu vēlāk
RunEntryExec=Palaist %1
RunEntryShellExec=Atvērt %1

; *** Installation phase messages
SetupAborted=Uzstādīšana netika pabeigta.%n%nNovērsiet problēmu un palaidiet uzstādītāju vēlreiz.
AbortRetryIgnoreChooseAction=Izvēlieties darbību
AbortRetryIgnoreRetry=&Mēģināt vēlreiz
AbortRetryIgnoreProceedAnyway=&Tomēr turpināt
AbortRetryIgnoreCancel=Atcelt uzstādīšanu

; *** Installation status messages
StatusClosingApplications=Aizver programmas...
StatusCreateDirs=Veido mapes...
StatusExtractFiles=Izpako failus...
StatusCreateIcons=Veido saīsnes...
StatusCreateIniEntries=Veido INI ierakstus...
StatusCreateRegistryEntries=Veido reģistra ierakstus...
StatusRegisterFiles=Reģistrē failus...
StatusSavingUninstall=Saglabā noņemšanas informāciju...
StatusRunProgram=Pabeidz uzstādīšanu...
StatusRestartingApplications=Palaiž programmas atkal...
StatusRollback=Atsauc izmaiņas...

; *** Misc. errors
ErrorInternal2=Iekšēja kļūda: %1
ErrorFunctionFailedNoCode=%1 neizdevās
ErrorFunctionFailed=%1 neizdevās; kods %2
ErrorFunctionFailedWithMessage=%1 neizdevās; kods %2.%n%3
ErrorExecutingProgram=Neizdevās palaist failu:%n%1

; *** File copying errors
FileAbortRetryIgnoreSkipNotRecommended=&Izlaist šo failu (nav ieteicams)
FileAbortRetryIgnoreProceedAnywayNotRecommended=&Tomēr turpināt (nav ieteicams)
SourceIsCorrupted=Avota fails ir bojāts
SourceDoesntExist=Avota fails "%1" nepastāv
ExistingFileReadOnly=Esošais fails ir atzīmēts kā tikai lasāms.
ExistingFileReadOnlyRetry=&Noņemt atzīmi "tikai lasāms" un mēģināt vēlreiz
ExistingFileReadOnlySkip=&Izlaist šo failu
ErrorReadingExistingDest=Kļūda, lasot esošo failu:
FileExists=Fails jau pastāv.%n%nVai uzstādītājam to pārrakstīt?
ExistingFileNewer=Esošais fails ir jaunāks par to, ko uzstādītājs mēģina uzstādīt. Ieteicams esošo failu paturēt.%n%nVai paturēt esošo failu?
ErrorChangingAttr=Kļūda, mainot esošā faila atribūtus:
ErrorCreatingTemp=Kļūda, veidojot failu mērķa mapē:
ErrorReadingSource=Kļūda, lasot avota failu:
ErrorCopying=Kļūda, kopējot failu:
ErrorReplacingExistingFile=Kļūda, aizstājot esošo failu:
ErrorRenamingTemp=Kļūda, pārdēvējot failu mērķa mapē:

; *** Uninstall display name markings
UninstallDisplayNameMarkAllUsers=Visi lietotāji
UninstallDisplayNameMarkCurrentUser=Pašreizējais lietotājs

; *** Post-installation errors
ErrorRestartingComputer=Uzstādītājs nevarēja restartēt datoru. Restartējiet to pats.

; *** Uninstaller messages
UninstallNotFound=Fails "%1" nepastāv. Noņemt nav iespējams.
UninstallOpenError=Failu "%1" neizdevās atvērt. Noņemt nav iespējams
UninstallUnsupportedVer=Noņemšanas žurnāla fails "%1" ir šai noņēmēja versijai nezināmā formātā. Noņemt nav iespējams
UninstallUnknownEntry=Noņemšanas žurnālā ir nezināms ieraksts (%1)
ConfirmUninstall=Vai tiešām pilnībā noņemt %1 un visas tās sastāvdaļas?
UninstallOnlyOnWin64=Šo programmu var noņemt tikai 64 bitu Windows.
OnlyAdminCanUninstall=Šo programmu var noņemt tikai lietotājs ar administratora tiesībām.
UninstallStatusLabel=Uzgaidiet, kamēr %1 tiek noņemta no datora.
UninstalledAll=%1 ir noņemta no datora.
UninstalledMost=%1 noņemšana pabeigta.%n%nDažus elementus neizdevās noņemt. Tos var izdzēst pats.
UninstalledAndNeedsRestart=Lai pabeigtu %1 noņemšanu, dators jārestartē.%n%nVai restartēt tagad?
UninstallDataCorrupted=Fails "%1" ir bojāts. Noņemt nav iespējams

; *** Uninstallation phase messages
ConfirmDeleteSharedFileTitle=Vai dzēst koplietoto failu?
ConfirmDeleteSharedFile2=Sistēma norāda, ka šo koplietoto failu vairs neizmanto neviena programma. Vai dzēst to?%n%nJa kāda programma to tomēr izmanto, tā pēc dzēšanas var nedarboties pareizi. Ja neesat pārliecināts, izvēlieties "Nē": faila paturēšana nekaitē.
SharedFileNameLabel=Faila nosaukums:
SharedFileLocationLabel=Atrašanās vieta:
WizardUninstalling=Noņemšanas gaita
StatusUninstalling=Noņem %1...

; *** Shutdown block reasons
ShutdownBlockReasonInstallingApp=Uzstāda %1.
ShutdownBlockReasonUninstallingApp=Noņem %1.

[CustomMessages]

NameAndVersion=%1, versija %2
AdditionalIcons=Papildu saīsnes:
CreateDesktopIcon=Izveidot saīsni &darbvirsmā
CreateQuickLaunchIcon=Izveidot saīsni &ātrās palaišanas joslā
ProgramOnTheWeb=%1 tīmeklī
UninstallProgram=Noņemt %1
LaunchProgram=Palaist %1
AssocFileExtension=&Saistīt %1 ar faila paplašinājumu %2
AssocingFileExtension=Saista %1 ar faila paplašinājumu %2...
AutoStartProgramGroupDescription=Startēšana:
AutoStartProgram=Automātiski palaist %1
AddonHostProgramNotFound=Izvēlētajā mapē neizdevās atrast %1.%n%nVai tomēr turpināt?
