<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="en" sourcelanguage="lv">
<context>
    <name>AboutDialog</name>
    <message>
        <source>Par programmu</source>
        <translation>About</translation>
    </message>
    <message>
        <source>Projektu vadība</source>
        <translation>Projektu vadība</translation>
    </message>
    <message>
        <source>Versija %1</source>
        <translation>Version %1</translation>
    </message>
    <message>
        <source>Grantu projektu, pasākumu, dalībnieku un atskaišu uzskaite nevalstiskajām organizācijām.</source>
        <translation>Grant projects, events, participants and reports for non-governmental organisations.</translation>
    </message>
    <message>
        <source>Datubāze: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>ActivitiesSection</name>
    <message>
        <source>Aktivitātes</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Jauna aktivitāte…</source>
        <translation>New activity…</translation>
    </message>
    <message>
        <source>Labot…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Dzēst…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Reģistrācijas lapa…</source>
        <translation>Attendance sheet…</translation>
    </message>
    <message>
        <source>Meklēt aktivitāti…</source>
        <translation>Search activities…</translation>
    </message>
    <message>
        <source>Aktivitāšu vēl nav. Pievienojiet tās, kā tās aprakstītas projekta pieteikumā.</source>
        <translation>No activities yet. Add them as the project application describes them.</translation>
    </message>
    <message>
        <source>Izvēlētā aktivitāte</source>
        <translation>Selected activity</translation>
    </message>
    <message>
        <source>Jauns pasākums šai aktivitātei…</source>
        <translation>New event for this activity…</translation>
    </message>
    <message>
        <source>Jauna aktivitāte</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Labot aktivitāti</source>
        <translation>Edit activity</translation>
    </message>
    <message>
        <source>Dzēst aktivitāti</source>
        <translation>Delete activity</translation>
    </message>
    <message>
        <source>Izvēlieties aktivitāti sarakstā.</source>
        <translation>Choose an activity in the list.</translation>
    </message>
    <message>
        <source>pasākums</source>
        <translation>event</translation>
    </message>
    <message>
        <source>pasākumi</source>
        <translation>events</translation>
    </message>
    <message>
        <source>pasākumu</source>
        <translation>events</translation>
    </message>
    <message>
        <source>Rezultāts: %1</source>
        <translation>Result: %1</translation>
    </message>
    <message>
        <source>aktivitāti “%1 %2”</source>
        <translation>activity “%1 %2”</translation>
    </message>
</context>
<context>
    <name>ActivityForm</name>
    <message>
        <source>Jauna aktivitāte</source>
        <translation>New activity</translation>
    </message>
    <message>
        <source>Aktivitāte</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>piem., 2.1</source>
        <translation>e.g. 2.1</translation>
    </message>
    <message>
        <source>Kods</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Kā projekta pieteikumā.</source>
        <translation>As in the project application.</translation>
    </message>
    <message>
        <source>Nosaukums</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Plānotais sākums</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>Plānotās beigas</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>Apraksts</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Rezultāts</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Jauna aktivitāte “%1”</source>
        <translation>New activity “%1”</translation>
    </message>
    <message>
        <source>Aktivitātes “%1” labojums</source>
        <translation>Edit of activity “%1”</translation>
    </message>
</context>
<context>
    <name>AttendanceSheetOptionsDialog</name>
    <message>
        <source>Reģistrācijas lapa</source>
        <translation>Attendance sheet</translation>
    </message>
    <message>
        <source>Pasākums: %1, %2</source>
        <translation>Event: %1, %2</translation>
    </message>
    <message>
        <source>Pasākumi: %1 — vienā PDF, katram pasākumam sava lapa</source>
        <translation>Events: %1 — in one PDF, a page for each event</translation>
    </message>
    <message>
        <source>Ar reģistrētajiem dalībniekiem</source>
        <translation>With the registered participants</translation>
    </message>
    <message>
        <source>Tukša lapa (bez vārdiem)</source>
        <translation>Blank sheet (no names)</translation>
    </message>
    <message>
        <source>Ieradušos dalībnieku saraksts pārskata pielikumam</source>
        <translation>List of attendees for the report&apos;s annex</translation>
    </message>
    <message>
        <source>Stateniski (A4)</source>
        <translation>Portrait (A4)</translation>
    </message>
    <message>
        <source>Guliski (A4)</source>
        <translation>Landscape (A4)</translation>
    </message>
    <message>
        <source>Tukšās rindas:</source>
        <translation>Blank rows:</translation>
    </message>
    <message>
        <source>Lapas novietojums:</source>
        <translation>Orientation:</translation>
    </message>
    <message>
        <source>Sagatavot</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>pilna lapa</source>
        <translation>a full page</translation>
    </message>
</context>
<context>
    <name>AttendanceTables</name>
    <message>
        <source>Uzvārds</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Vārds</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Organizācija</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Pašvaldība</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Loma</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Nefotografēt</source>
        <translation>No photos</translation>
    </message>
    <message>
        <source>Mērķa grupa</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Pasākumos</source>
        <translation>Events</translation>
    </message>
</context>
<context>
    <name>AuditDialog</name>
    <message>
        <source>Eksportēt izmaiņu žurnālu</source>
        <translation>Export the change log</translation>
    </message>
    <message>
        <source>Excel darbgrāmata (*.xlsx)</source>
        <translation>Excel workbook (*.xlsx)</translation>
    </message>
    <message>
        <source>Izmaiņu žurnāls</source>
        <translation>Change log</translation>
    </message>
    <message>
        <source>Visi projekti</source>
        <translation>All projects</translation>
    </message>
    <message>
        <source>Visi lietotāji</source>
        <translation>All users</translation>
    </message>
    <message>
        <source>dd.mm.gggg</source>
        <translation>dd.mm.yyyy</translation>
    </message>
    <message>
        <source>Laiks</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Lietotājs</source>
        <translation>User</translation>
    </message>
    <message>
        <source>Ieraksts</source>
        <translation>Record</translation>
    </message>
    <message>
        <source>Darbība</source>
        <translation>Operation</translation>
    </message>
    <message>
        <source>Izmaiņas</source>
        <translation>Changes</translation>
    </message>
    <message>
        <source>Eksportēt XLSX…</source>
        <translation>Export XLSX…</translation>
    </message>
    <message>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>&amp;Projekts</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <source>&amp;Lietotājs</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <source>&amp;No</source>
        <translation>&amp;From</translation>
    </message>
    <message>
        <source>Lī&amp;dz</source>
        <translation>&amp;To</translation>
    </message>
    <message>
        <source>ieraksts</source>
        <translation>entry</translation>
    </message>
    <message>
        <source>ieraksti</source>
        <translation>entries</translation>
    </message>
    <message>
        <source>ierakstu</source>
        <translation>entries</translation>
    </message>
    <message>
        <source> (tabulā jaunākie %1; eksportā visi)</source>
        <translation> (the table shows the newest %1; the export has all)</translation>
    </message>
    <message>
        <source>Ierakstīts %1: %2 rindas</source>
        <translation>Written %1: %2 lines</translation>
    </message>
</context>
<context>
    <name>BudgetLineDialog</name>
    <message>
        <source>Budžeta pozīcija: labot</source>
        <translation>Budget line: edit</translation>
    </message>
    <message>
        <source>Jauna budžeta pozīcija</source>
        <translation>New budget line</translation>
    </message>
    <message>
        <source>Izmaksu pozīcija</source>
        <translation>Cost category</translation>
    </message>
    <message>
        <source>Kods</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nosaukums</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Mērvienība</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Daudzums</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Vienības cena, €</source>
        <translation>Unit price, €</translation>
    </message>
    <message>
        <source>Plānots: %1, €</source>
        <translation>Planned: %1, €</translation>
    </message>
    <message>
        <source>Kopā plānots</source>
        <translation>Total planned</translation>
    </message>
    <message>
        <source>Jauna budžeta pozīcija: %1</source>
        <translation>New budget line: %1</translation>
    </message>
    <message>
        <source>Labota budžeta pozīcija: %1</source>
        <translation>Budget line changed: %1</translation>
    </message>
    <message>
        <source>(daudzums × vienības cena = %1)</source>
        <translation>(quantity × unit price = %1)</translation>
    </message>
</context>
<context>
    <name>BudgetSection</name>
    <message>
        <source>Budžets</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Projekta summas</source>
        <translation>Project totals</translation>
    </message>
    <message>
        <source>Kopējās izmaksas</source>
        <translation>Total cost</translation>
    </message>
    <message>
        <source>Piešķirtais finansējums</source>
        <translation>Grant awarded</translation>
    </message>
    <message>
        <source>Līdzfinansējums</source>
        <translation>Co-financing</translation>
    </message>
    <message>
        <source>Nesadalīts</source>
        <translation>Not allocated</translation>
    </message>
    <message>
        <source>Budžeta pozīcijas, izdevumi un finanšu pārskats šajā sadaļā vēl nav pieejami; tie nāks ar finanšu moduli. Pagaidām šeit redzamas projekta kopsummas.</source>
        <translation>Budget lines, expenses and the financial report are not available in this section yet; they come with the finance module. For now it shows the project&apos;s totals.</translation>
    </message>
</context>
<context>
    <name>BudgetView</name>
    <message>
        <source>Izmaksu pozīcija</source>
        <translation>Cost category</translation>
    </message>
    <message>
        <source>Finansējuma avots</source>
        <translation>Source of funding</translation>
    </message>
    <message>
        <source>Meklēt izdevumos (piegādātājs, dokuments, apraksts)</source>
        <translation>Search expenses (supplier, document, description)</translation>
    </message>
    <message>
        <source>Budžets</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Izdevumi</source>
        <translation>Expenses</translation>
    </message>
    <message>
        <source>Maksājumi</source>
        <translation>Payments</translation>
    </message>
    <message>
        <source>Kopsavilkums</source>
        <translation>Summary</translation>
    </message>
    <message>
        <source>Jauna pozīcija…</source>
        <translation>New line…</translation>
    </message>
    <message>
        <source>Labot…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Dzēst</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Jauns izdevums…</source>
        <translation>New expense…</translation>
    </message>
    <message>
        <source>Jauns maksājums…</source>
        <translation>New payment…</translation>
    </message>
    <message>
        <source>Attiecināmie: %1 · neattiecināmie: %2 · ierakstu: %3</source>
        <translation>Eligible: %1 · not eligible: %2 · records: %3</translation>
    </message>
    <message>
        <source>pārdales robeža %1 %</source>
        <translation>reallocation limit %1 %</translation>
    </message>
    <message>
        <source>Piešķirts: %1 · saņemts: %2 · izlietots no finansējuma: %3 · saņemts − izlietots: %4 · %5</source>
        <translation>Granted: %1 · received: %2 · spent of the grant: %3 · received − spent: %4 · %5</translation>
    </message>
    <message>
        <source>pārdales robeža nav noteikta</source>
        <translation>no reallocation limit set</translation>
    </message>
    <message>
        <source>Neizdevās</source>
        <translation>Failed</translation>
    </message>
    <message>
        <source>budžeta pozīciju “%1”</source>
        <translation>budget line “%1”</translation>
    </message>
    <message>
        <source>Dzēsta budžeta pozīcija: %1</source>
        <translation>Budget line deleted: %1</translation>
    </message>
    <message>
        <source>izdevumu ierakstu “%1”</source>
        <translation>expense record “%1”</translation>
    </message>
    <message>
        <source>Dzēsts izdevums %1</source>
        <translation>Expense deleted %1</translation>
    </message>
    <message>
        <source>maksājumu %1</source>
        <translation>payment %1</translation>
    </message>
    <message>
        <source>Dzēsts maksājums %1</source>
        <translation>Payment deleted %1</translation>
    </message>
</context>
<context>
    <name>CofinancingForm</name>
    <message>
        <source>Līdzfinansējums</source>
        <translation>Co-financing</translation>
    </message>
    <message>
        <source>Avots</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Organizācija</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Summa, €</source>
        <translation>Amount, €</translation>
    </message>
    <message>
        <source>Piezīme</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Ievadiet summu.</source>
        <translation>Enter the amount.</translation>
    </message>
    <message>
        <source>Jauns līdzfinansējums</source>
        <translation>New co-financing</translation>
    </message>
    <message>
        <source>Līdzfinansējuma labojums</source>
        <translation>Edit of co-financing</translation>
    </message>
</context>
<context>
    <name>ConflictDialog</name>
    <message>
        <source>Logotips</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Nosaukums</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Veids</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Aktivitāte</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Sākums</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Beigas</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Vieta</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Adrese</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Pašvaldība</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Tiešsaistē</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Saite</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Plānotie dalībnieki</source>
        <translation>Planned participants</translation>
    </message>
    <message>
        <source>Apraksts</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Bez saraksta (tikai skaits)</source>
        <translation>Unlisted (headcount only)</translation>
    </message>
    <message>
        <source>Kods</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Plānotais sākums</source>
        <translation>Planned start</translation>
    </message>
    <message>
        <source>Plānotās beigas</source>
        <translation>Planned end</translation>
    </message>
    <message>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Rezultāts</source>
        <translation>Result</translation>
    </message>
    <message>
        <source>Vārds</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Uzvārds</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Organizācija</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>E-pasts</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Tālrunis</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Dzimums</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Dzimšanas gads</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <source>Vecuma grupa</source>
        <translation>Age group</translation>
    </message>
    <message>
        <source>Mērķa grupa</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>Piekrišana datu apstrādei</source>
        <translation>Consent to data processing</translation>
    </message>
    <message>
        <source>Piekrišana fotografēšanai</source>
        <translation>Consent to photographs</translation>
    </message>
    <message>
        <source>Piezīmes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Datums</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Summa</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Budžeta pozīcija</source>
        <translation>Budget line</translation>
    </message>
    <message>
        <source>Dokumenta nr.</source>
        <translation>Document no.</translation>
    </message>
    <message>
        <source>Piegādātājs</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Attiecināms</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>Apmaksāts</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Finansējuma avots</source>
        <translation>Funding source</translation>
    </message>
    <message>
        <source>Numurs</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Finansētājs</source>
        <translation>Funder</translation>
    </message>
    <message>
        <source>Sākuma datums</source>
        <translation>Start date</translation>
    </message>
    <message>
        <source>Beigu datums</source>
        <translation>End date</translation>
    </message>
    <message>
        <source>Īstenotājs</source>
        <translation>Implementer</translation>
    </message>
    <message>
        <source>Programma</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Programmas virziens</source>
        <translation>Programme strand</translation>
    </message>
    <message>
        <source>Konkursa gads</source>
        <translation>Call year</translation>
    </message>
    <message>
        <source>Finansētāja profils</source>
        <translation>Funder profile</translation>
    </message>
    <message>
        <source>Kopējās izmaksas</source>
        <translation>Total cost</translation>
    </message>
    <message>
        <source>Piešķirtais finansējums</source>
        <translation>Grant awarded</translation>
    </message>
    <message>
        <source>Mērķis</source>
        <translation>Objective</translation>
    </message>
    <message>
        <source>Mērķa grupas</source>
        <translation>Target groups</translation>
    </message>
    <message>
        <source>Glabāt līdz</source>
        <translation>Keep until</translation>
    </message>
    <message>
        <source>Publicitātes teksts</source>
        <translation>Publicity sentence</translation>
    </message>
    <message>
        <source>Finansētāja logotips</source>
        <translation>Funder logo</translation>
    </message>
    <message>
        <source>Izmaksu kategorija</source>
        <translation>Cost category</translation>
    </message>
    <message>
        <source>Summas pa avotiem</source>
        <translation>Amounts by source</translation>
    </message>
    <message>
        <source>Mērvienība</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Daudzums</source>
        <translation>Quantity</translation>
    </message>
    <message>
        <source>Vienības cena</source>
        <translation>Unit price</translation>
    </message>
    <message>
        <source>Plānotā vērtība</source>
        <translation>Planned value</translation>
    </message>
    <message>
        <source>Uzskaites veids</source>
        <translation>Counting method</translation>
    </message>
    <message>
        <source>Uzskaites parametrs</source>
        <translation>Counting parameter</translation>
    </message>
    <message>
        <source>Sasniegtā vērtība</source>
        <translation>Achieved value</translation>
    </message>
    <message>
        <source>Komentārs</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Saņemts</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Piezīme</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Iesniegts</source>
        <translation>Submitted</translation>
    </message>
    <message>
        <source>Reģistrācijas Nr.</source>
        <translation>Registration No.</translation>
    </message>
    <message>
        <source>Tīmekļa vietne</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>sieviete</source>
        <translation>female</translation>
    </message>
    <message>
        <source>vīrietis</source>
        <translation>male</translation>
    </message>
    <message>
        <source>cits</source>
        <translation>other</translation>
    </message>
    <message>
        <source>jā</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nē</source>
        <translation>no</translation>
    </message>
    <message>
        <source>attēls, %1 KB</source>
        <translation>image, %1 KB</translation>
    </message>
    <message>
        <source>Ierakstu vienlaikus mainīja cits lietotājs</source>
        <translation>Another user changed this record at the same time</translation>
    </message>
    <message>
        <source>Katrā rindā izvēlieties, kuru vērtību paturēt (bultiņas ← →), tad “Saglabāt izvēlēto”.</source>
        <translation>In each row choose which value to keep (arrows ← →), then “Save chosen”.</translation>
    </message>
    <message>
        <source>Saglabāt izvēlēto</source>
        <translation>Save chosen</translation>
    </message>
    <message>
        <source>Saglabāt manu versiju</source>
        <translation>Save my version</translation>
    </message>
    <message>
        <source>Paturēt viņu versiju</source>
        <translation>Keep their version</translation>
    </message>
    <message>
        <source>Atpakaļ uz formu</source>
        <translation>Back to the form</translation>
    </message>
    <message>
        <source>mana</source>
        <translation>mine</translation>
    </message>
    <message>
        <source>cita lietotāja</source>
        <translation>other user&apos;s</translation>
    </message>
</context>
<context>
    <name>ConnectionBanner</name>
    <message>
        <source>Mēģināt tagad</source>
        <translation>Try now</translation>
    </message>
    <message>
        <source>Nav savienojuma ar serveri — mēģina vēlreiz…</source>
        <translation>No connection to the server — trying again…</translation>
    </message>
    <message>
        <source>Nav savienojuma ar serveri — mēģina vēlreiz… (nākamais mēģinājums pēc %1 s)</source>
        <translation>No connection to the server — trying again… (next try in %1 s)</translation>
    </message>
    <message>
        <source>Savienojums ar serveri atjaunots. Nesaglabāto formu var saglabāt vēlreiz.</source>
        <translation>Connection to the server restored. The unsaved form can be saved again.</translation>
    </message>
</context>
<context>
    <name>DatabaseSettingsDialog</name>
    <message>
        <source>Datubāze</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Šajā da&amp;torā (SQLite fails)</source>
        <translation>On this &amp;computer (SQLite file)</translation>
    </message>
    <message>
        <source>&amp;Komandas serveris (PostgreSQL)</source>
        <translation>&amp;Team server (PostgreSQL)</translation>
    </message>
    <message>
        <source>Izvēlēties…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>&amp;Fails</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>piem., serveris.biedriba.lv vai 192.0.2.10</source>
        <translation>e.g. server.association.lv or 192.0.2.10</translation>
    </message>
    <message>
        <source>Atcerēties paroli šajā datorā</source>
        <translation>Remember the password on this computer</translation>
    </message>
    <message>
        <source>&amp;Serveris</source>
        <translation>&amp;Server</translation>
    </message>
    <message>
        <source>P&amp;orts</source>
        <translation>P&amp;ort</translation>
    </message>
    <message>
        <source>&amp;Datubāze</source>
        <translation>&amp;Database</translation>
    </message>
    <message>
        <source>&amp;Lietotājs</source>
        <translation>&amp;User</translation>
    </message>
    <message>
        <source>&amp;Parole</source>
        <translation>&amp;Password</translation>
    </message>
    <message>
        <source>Parole netiek glabāta iestatījumos: to glabā PostgreSQL paroļu failā %1, ko var lasīt tikai jūs. Ja to neatceras, paroli jautā katrā palaišanas reizē.</source>
        <translation>The password is not kept in the settings: it is kept in PostgreSQL&apos;s password file %1, which only you can read. If it is not remembered, the password is asked at every start.</translation>
    </message>
    <message>
        <source>Pā&amp;rbaudīt savienojumu</source>
        <translation>&amp;Test the connection</translation>
    </message>
    <message>
        <source>Pārslēdzot datubāzi, atsaukšanas (Ctrl+Z) vēsture tiek notīrīta.</source>
        <translation>Switching the database clears the undo (Ctrl+Z) history.</translation>
    </message>
    <message>
        <source>Saglabāt un pārslēgt</source>
        <translation>Save and switch</translation>
    </message>
    <message>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>saglabāta šajā datorā</source>
        <translation>saved on this computer</translation>
    </message>
    <message>
        <source>Datubāzes fails</source>
        <translation>Database file</translation>
    </message>
    <message>
        <source>SQLite datubāze (*.sqlite *.db);;Visi faili (*)</source>
        <translation>SQLite database (*.sqlite *.db);;All files (*)</translation>
    </message>
    <message>
        <source>serveris</source>
        <translation>server</translation>
    </message>
    <message>
        <source>datubāze</source>
        <translation>database</translation>
    </message>
    <message>
        <source>lietotājs</source>
        <translation>user</translation>
    </message>
    <message>
        <source>Jānorāda: %1.</source>
        <translation>Required: %1.</translation>
    </message>
    <message>
        <source>Pārbauda savienojumu…</source>
        <translation>Testing the connection…</translation>
    </message>
    <message>
        <source>Komandas serveris</source>
        <translation>Team server</translation>
    </message>
    <message>
        <source>Parole lietotājam %1 serverī %2:</source>
        <translation>Password for user %1 on server %2:</translation>
    </message>
</context>
<context>
    <name>DateEdit</name>
    <message>
        <source>Izvēlēties kalendārā (F4)</source>
        <translation>Pick in the calendar (F4)</translation>
    </message>
    <message>
        <source>dd.mm.gggg</source>
        <translation>dd.mm.yyyy</translation>
    </message>
    <message>
        <source>dd.mm.gggg hh:mm</source>
        <translation>dd.mm.yyyy hh:mm</translation>
    </message>
</context>
<context>
    <name>DeadlineForm</name>
    <message>
        <source>Jauns termiņš</source>
        <translation>New deadline</translation>
    </message>
    <message>
        <source>Veids</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Iesniegt līdz</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Pārskata perioda sākums</source>
        <translation>Reporting period start</translation>
    </message>
    <message>
        <source>Pārskata perioda beigas</source>
        <translation>Reporting period end</translation>
    </message>
    <message>
        <source>Piezīme</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Jauns termiņš %1</source>
        <translation>New deadline: %1</translation>
    </message>
</context>
<context>
    <name>Entities</name>
    <message>
        <source>aktivitāte</source>
        <translation>activity</translation>
    </message>
    <message>
        <source>aktivitātes</source>
        <translation>activities</translation>
    </message>
    <message>
        <source>aktivitāšu</source>
        <translation>activities</translation>
    </message>
    <message>
        <source>pasākums</source>
        <translation>event</translation>
    </message>
    <message>
        <source>pasākumi</source>
        <translation>events</translation>
    </message>
    <message>
        <source>pasākumu</source>
        <translation>events</translation>
    </message>
    <message>
        <source>dalības ieraksts</source>
        <translation>attendance record</translation>
    </message>
    <message>
        <source>dalības ieraksti</source>
        <translation>attendance records</translation>
    </message>
    <message>
        <source>dalības ierakstu</source>
        <translation>attendance records</translation>
    </message>
    <message>
        <source>rādītājs</source>
        <translation>indicator</translation>
    </message>
    <message>
        <source>rādītāji</source>
        <translation>indicators</translation>
    </message>
    <message>
        <source>rādītāju</source>
        <translation>indicators</translation>
    </message>
    <message>
        <source>budžeta pozīcija</source>
        <translation>budget line</translation>
    </message>
    <message>
        <source>budžeta pozīcijas</source>
        <translation>budget lines</translation>
    </message>
    <message>
        <source>budžeta pozīciju</source>
        <translation>budget lines</translation>
    </message>
    <message>
        <source>izdevumu ieraksts</source>
        <translation>expense record</translation>
    </message>
    <message>
        <source>izdevumu ieraksti</source>
        <translation>expense records</translation>
    </message>
    <message>
        <source>izdevumu ierakstu</source>
        <translation>expense records</translation>
    </message>
    <message>
        <source>maksājums</source>
        <translation>payment</translation>
    </message>
    <message>
        <source>maksājumi</source>
        <translation>payments</translation>
    </message>
    <message>
        <source>maksājumu</source>
        <translation>payments</translation>
    </message>
</context>
<context>
    <name>EventForm</name>
    <message>
        <source>Jauns pasākums</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Pasākums</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>piem., Ķekavas kultūras nams</source>
        <translation>e.g. Ķekava culture house</translation>
    </message>
    <message>
        <source>piem., Ķekavas novads</source>
        <translation>e.g. Ķekava municipality</translation>
    </message>
    <message>
        <source>Notiek tiešsaistē</source>
        <translation>Held online</translation>
    </message>
    <message>
        <source>Saskaitītie, kas sarakstā nav: pārskatos dalības reizes, ne personas.</source>
        <translation>Counted, not on the list: attendances in the reports, not people.</translation>
    </message>
    <message>
        <source>Nosaukums</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Veids</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Aktivitāte</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Sākums</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Beigas</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Vieta</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Adrese</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Pašvaldība</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Saite</source>
        <translation>Link</translation>
    </message>
    <message>
        <source>Plānotie dalībnieki</source>
        <translation>Planned participants</translation>
    </message>
    <message>
        <source>Bez saraksta (tikai skaits)</source>
        <translation>Not on a list (headcount only)</translation>
    </message>
    <message>
        <source>Apraksts</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>— bez aktivitātes —</source>
        <translation>— no activity —</translation>
    </message>
    <message>
        <source>Jauns pasākums “%1”</source>
        <translation>New event “%1”</translation>
    </message>
    <message>
        <source>Pasākuma “%1” labojums</source>
        <translation>Edit of event “%1”</translation>
    </message>
</context>
<context>
    <name>EventPage</name>
    <message>
        <source>← Visi pasākumi</source>
        <translation>← All events</translation>
    </message>
    <message>
        <source>Labot…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Dzēst…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Reģistrācijas lapa…</source>
        <translation>Attendance sheet…</translation>
    </message>
    <message>
        <source>Pasākums</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Laiks</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Veids</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Aktivitāte</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Plānotie dalībnieki</source>
        <translation>Planned participants</translation>
    </message>
    <message>
        <source>Vieta</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Adrese</source>
        <translation>Address</translation>
    </message>
    <message>
        <source>Pašvaldība</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Tiešsaistē</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Dalībnieki</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>jā</source>
        <translation>yes</translation>
    </message>
    <message>
        <source>nē</source>
        <translation>no</translation>
    </message>
    <message>
        <source>bez saraksta</source>
        <translation>not on a list</translation>
    </message>
    <message>
        <source>Sarakstā %1, piedalījās %2.</source>
        <translation>On the list: %1; attended: %2.</translation>
    </message>
    <message>
        <source>persona</source>
        <translation>person</translation>
    </message>
    <message>
        <source>personas</source>
        <translation>people</translation>
    </message>
    <message>
        <source>personu</source>
        <translation>people</translation>
    </message>
</context>
<context>
    <name>EventsSection</name>
    <message>
        <source>Pasākumi</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Saraksts</source>
        <translation>List</translation>
    </message>
    <message>
        <source>Kalendārs</source>
        <translation>Calendar</translation>
    </message>
    <message>
        <source>Jauns pasākums…</source>
        <translation>New event…</translation>
    </message>
    <message>
        <source>Labot…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Dzēst…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Reģistrācijas lapa…</source>
        <translation>Attendance sheet…</translation>
    </message>
    <message>
        <source>Meklēt pasākumu (nosaukums, vieta, datums)…</source>
        <translation>Search events (title, place, date)…</translation>
    </message>
    <message>
        <source>Pasākumu vēl nav. Pievienojiet pirmo ar pogu “Jauns pasākums”.</source>
        <translation>No events yet. Add the first one with “New event”.</translation>
    </message>
    <message>
        <source>Jauns pasākums</source>
        <translation>New event</translation>
    </message>
    <message>
        <source>Labot pasākumu</source>
        <translation>Edit event</translation>
    </message>
    <message>
        <source>Dzēst pasākumu</source>
        <translation>Delete event</translation>
    </message>
    <message>
        <source>Atpakaļ uz sarakstu</source>
        <translation>Back to the list</translation>
    </message>
    <message>
        <source>Rādīti %1 no %2.</source>
        <translation>Showing %1 of %2.</translation>
    </message>
    <message>
        <source>pasākumu “%1”</source>
        <translation>event “%1”</translation>
    </message>
</context>
<context>
    <name>ExpenseDialog</name>
    <message>
        <source>Izdevumi: labot ierakstu</source>
        <translation>Expenses: edit record</translation>
    </message>
    <message>
        <source>Izdevumi: jauns ieraksts</source>
        <translation>Expenses: new record</translation>
    </message>
    <message>
        <source>1 234,56</source>
        <translation>1 234,56</translation>
    </message>
    <message>
        <source>— bez budžeta pozīcijas —</source>
        <translation>— no budget line —</translation>
    </message>
    <message>
        <source>Attiecināmās izmaksas</source>
        <translation>Eligible costs</translation>
    </message>
    <message>
        <source>tukšs, ja vēl nav apmaksāts</source>
        <translation>empty if not paid yet</translation>
    </message>
    <message>
        <source>Dokumenta datums</source>
        <translation>Document date</translation>
    </message>
    <message>
        <source>Dokumenta Nr.</source>
        <translation>Document No.</translation>
    </message>
    <message>
        <source>Piegādātājs</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Apraksts</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Summa, €</source>
        <translation>Amount, €</translation>
    </message>
    <message>
        <source>Budžeta pozīcija</source>
        <translation>Budget line</translation>
    </message>
    <message>
        <source>Finansējuma avots</source>
        <translation>Source of funding</translation>
    </message>
    <message>
        <source>Apmaksāts</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Ievadiet summu.</source>
        <translation>Enter the amount.</translation>
    </message>
    <message>
        <source>Jauns izdevums: %1</source>
        <translation>New expense: %1</translation>
    </message>
    <message>
        <source>Labots izdevums %1</source>
        <translation>Expense changed %1</translation>
    </message>
</context>
<context>
    <name>FormDialog</name>
    <message>
        <source>* — obligāti aizpildāms lauks</source>
        <translation>* — required field</translation>
    </message>
    <message>
        <source>Saglabāt</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Formā ir nesaglabātas izmaiņas. Saglabāt tās?</source>
        <translation>The form has unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>Nesaglabāt</source>
        <translation>Don&apos;t save</translation>
    </message>
    <message>
        <source>Turpināt labot</source>
        <translation>Keep editing</translation>
    </message>
</context>
<context>
    <name>IndicatorForm</name>
    <message>
        <source>Jauns rādītājs</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <source>Rādītājs</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>piem., personas, pasākumi</source>
        <translation>e.g. people, events</translation>
    </message>
    <message>
        <source>Kods</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Nosaukums</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Mērvienība</source>
        <translation>Unit</translation>
    </message>
    <message>
        <source>Plānotā vērtība</source>
        <translation>Planned value</translation>
    </message>
    <message>
        <source>Sasniegto vērtību</source>
        <translation>Achieved value</translation>
    </message>
    <message>
        <source>Ko skaitīt</source>
        <translation>What to count</translation>
    </message>
    <message>
        <source>Aktivitāte</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Rādītājs pieder šai aktivitātei; skaitot ņem tikai tās pasākumus.</source>
        <translation>The indicator belongs to this activity; counting takes only its events.</translation>
    </message>
    <message>
        <source>Sasniegtā vērtība</source>
        <translation>Achieved value</translation>
    </message>
    <message>
        <source>Komentārs</source>
        <translation>Comment</translation>
    </message>
    <message>
        <source>Kā sasniegtā vērtība iegūta.</source>
        <translation>How the achieved value was obtained.</translation>
    </message>
    <message>
        <source>visi pasākumi</source>
        <translation>all events</translation>
    </message>
    <message>
        <source>visas organizācijas</source>
        <translation>all organisations</translation>
    </message>
    <message>
        <source>— visā projektā —</source>
        <translation>— the whole project —</translation>
    </message>
    <message>
        <source>Ievadiet plānoto vērtību.</source>
        <translation>Enter the planned value.</translation>
    </message>
    <message>
        <source>Jauns rādītājs “%1”</source>
        <translation>New indicator “%1”</translation>
    </message>
    <message>
        <source>Rādītāja “%1” labojums</source>
        <translation>Edit of indicator “%1”</translation>
    </message>
</context>
<context>
    <name>IndicatorsSection</name>
    <message>
        <source>Rādītāji</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Jauns rādītājs…</source>
        <translation>New indicator…</translation>
    </message>
    <message>
        <source>Labot…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Dzēst…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Rādītāju vēl nav. Pievienojiet projekta pieteikumā apsolītos rezultātus ar plānotajām vērtībām.</source>
        <translation>No indicators yet. Add the results the project application promised, with their planned values.</translation>
    </message>
    <message>
        <source>Kā iegūta sasniegtā vērtība</source>
        <translation>Where the achieved value comes from</translation>
    </message>
    <message>
        <source>Jauns rādītājs</source>
        <translation>New indicator</translation>
    </message>
    <message>
        <source>Labot rādītāju</source>
        <translation>Edit indicator</translation>
    </message>
    <message>
        <source>Dzēst rādītāju</source>
        <translation>Delete indicator</translation>
    </message>
    <message>
        <source>Ievadīts ar roku.</source>
        <translation>Entered by hand.</translation>
    </message>
    <message>
        <source> Tikai aktivitātē %1.</source>
        <translation> Only in activity %1.</translation>
    </message>
    <message>
        <source>Aprēķina no datiem: %1.</source>
        <translation>Computed from the data: %1.</translation>
    </message>
    <message>
        <source>Vērtība mainās līdz ar pasākumiem un dalībnieku sarakstiem.</source>
        <translation>The value follows the events and their attendance lists.</translation>
    </message>
    <message>
        <source>Plānots %1, sasniegts %2, līdz šodienai būtu jābūt %3.</source>
        <translation>Planned %1, achieved %2; by today it should be %3.</translation>
    </message>
    <message>
        <source>Komentārs: %1</source>
        <translation>Comment: %1</translation>
    </message>
    <message>
        <source>rādītāju “%1 %2”</source>
        <translation>indicator “%1 %2”</translation>
    </message>
</context>
<context>
    <name>LogoField</name>
    <message>
        <source>Izvēlēties…</source>
        <translation>Choose…</translation>
    </message>
    <message>
        <source>Noņemt</source>
        <translation>Remove</translation>
    </message>
    <message>
        <source>nav logotipa</source>
        <translation>no logo</translation>
    </message>
    <message>
        <source>Šo failu nevar nolasīt kā attēlu.</source>
        <translation>This file cannot be read as a picture.</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Projektu vadība — %1</source>
        <translation>Projektu vadība — %1</translation>
    </message>
    <message>
        <source>&amp;Fails</source>
        <translation>&amp;File</translation>
    </message>
    <message>
        <source>&amp;Jauns projekts…</source>
        <translation>&amp;New project…</translation>
    </message>
    <message>
        <source>&amp;Atjaunot</source>
        <translation>&amp;Refresh</translation>
    </message>
    <message>
        <source>Importēt &amp;projektu (.pvz)…</source>
        <translation>Import &amp;project (.pvz)…</translation>
    </message>
    <message>
        <source>&amp;Eksportēt projektu (.pvz)…</source>
        <translation>&amp;Export project (.pvz)…</translation>
    </message>
    <message>
        <source>&amp;Organizācijas dati…</source>
        <translation>&amp;Organisation details…</translation>
    </message>
    <message>
        <source>&amp;Iestatījumi…</source>
        <translation>&amp;Settings…</translation>
    </message>
    <message>
        <source>&amp;Datubāze…</source>
        <translation>&amp;Database…</translation>
    </message>
    <message>
        <source>&amp;Lietotāji…</source>
        <translation>&amp;Users…</translation>
    </message>
    <message>
        <source>Izmaiņu &amp;žurnāls…</source>
        <translation>Change &amp;log…</translation>
    </message>
    <message>
        <source>&amp;Iziet</source>
        <translation>&amp;Quit</translation>
    </message>
    <message>
        <source>&amp;Rediģēt</source>
        <translation>&amp;Edit</translation>
    </message>
    <message>
        <source>&amp;Atsaukt</source>
        <translation>&amp;Undo</translation>
    </message>
    <message>
        <source>Atcelt atsau&amp;kšanu</source>
        <translation>&amp;Redo</translation>
    </message>
    <message>
        <source>&amp;Skats</source>
        <translation>&amp;View</translation>
    </message>
    <message>
        <source>&amp;Sākums</source>
        <translation>&amp;Home</translation>
    </message>
    <message>
        <source>&amp;Projekts</source>
        <translation>&amp;Project</translation>
    </message>
    <message>
        <source>&amp;Labot projektu…</source>
        <translation>&amp;Edit project…</translation>
    </message>
    <message>
        <source>&amp;Dzēst projektu…</source>
        <translation>&amp;Delete project…</translation>
    </message>
    <message>
        <source>&amp;Nolasīt parakstītās lapas…</source>
        <translation>&amp;Read signed sheets…</translation>
    </message>
    <message>
        <source>Pierādījumu &amp;arhīvs (ZIP)…</source>
        <translation>Evidence &amp;archive (ZIP)…</translation>
    </message>
    <message>
        <source>P&amp;ersonas</source>
        <translation>P&amp;eople</translation>
    </message>
    <message>
        <source>Personu &amp;reģistrs…</source>
        <translation>People &amp;registry…</translation>
    </message>
    <message>
        <source>&amp;Importēt personas no CSV/XLSX…</source>
        <translation>&amp;Import people from CSV/XLSX…</translation>
    </message>
    <message>
        <source>&amp;Palīdzība</source>
        <translation>&amp;Help</translation>
    </message>
    <message>
        <source>&amp;Lietošanas pamācība</source>
        <translation>&amp;User guide</translation>
    </message>
    <message>
        <source>&amp;Par programmu…</source>
        <translation>&amp;About…</translation>
    </message>
    <message>
        <source>Projektu vadība</source>
        <translation>Projektu vadība</translation>
    </message>
    <message>
        <source>Datubāze</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Atvērta datubāze %1. Atsaukšanas vēsture notīrīta: tā attiecās uz iepriekšējo datubāzi.</source>
        <translation>Opened database %1. The undo history was cleared: it belonged to the previous database.</translation>
    </message>
    <message>
        <source>&amp;Atsaukt: %1</source>
        <translation>&amp;Undo: %1</translation>
    </message>
    <message>
        <source>Atcelt atsau&amp;kšanu: %1</source>
        <translation>&amp;Redo: %1</translation>
    </message>
    <message>
        <source>Atsaukt</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Datubāze: %1</source>
        <translation>Database: %1</translation>
    </message>
    <message>
        <source>projekts</source>
        <translation>project</translation>
    </message>
    <message>
        <source>projekti</source>
        <translation>projects</translation>
    </message>
    <message>
        <source>projektu</source>
        <translation>projects</translation>
    </message>
</context>
<context>
    <name>MonthModel</name>
    <message>
        <source>Pirmdiena</source>
        <translation>Monday</translation>
    </message>
    <message>
        <source>Otrdiena</source>
        <translation>Tuesday</translation>
    </message>
    <message>
        <source>Trešdiena</source>
        <translation>Wednesday</translation>
    </message>
    <message>
        <source>Ceturtdiena</source>
        <translation>Thursday</translation>
    </message>
    <message>
        <source>Piektdiena</source>
        <translation>Friday</translation>
    </message>
    <message>
        <source>Sestdiena</source>
        <translation>Saturday</translation>
    </message>
    <message>
        <source>Svētdiena</source>
        <translation>Sunday</translation>
    </message>
    <message>
        <source>janvāris</source>
        <translation>January</translation>
    </message>
    <message>
        <source>februāris</source>
        <translation>February</translation>
    </message>
    <message>
        <source>marts</source>
        <translation>March</translation>
    </message>
    <message>
        <source>aprīlis</source>
        <translation>April</translation>
    </message>
    <message>
        <source>maijs</source>
        <translation>May</translation>
    </message>
    <message>
        <source>jūnijs</source>
        <translation>June</translation>
    </message>
    <message>
        <source>jūlijs</source>
        <translation>July</translation>
    </message>
    <message>
        <source>augusts</source>
        <translation>August</translation>
    </message>
    <message>
        <source>septembris</source>
        <translation>September</translation>
    </message>
    <message>
        <source>oktobris</source>
        <translation>October</translation>
    </message>
    <message>
        <source>novembris</source>
        <translation>November</translation>
    </message>
    <message>
        <source>decembris</source>
        <translation>December</translation>
    </message>
    <message>
        <source>%1. gada %2</source>
        <translation>%2 %1</translation>
    </message>
</context>
<context>
    <name>MonthView</name>
    <message>
        <source>+ vēl %1</source>
        <translation>+ %1 more</translation>
    </message>
    <message>
        <source>Iepriekšējais mēnesis (Page Up)</source>
        <translation>Previous month (Page Up)</translation>
    </message>
    <message>
        <source>Nākamais mēnesis (Page Down)</source>
        <translation>Next month (Page Down)</translation>
    </message>
    <message>
        <source>Šodien</source>
        <translation>Today</translation>
    </message>
</context>
<context>
    <name>NavigatorPanel</name>
    <message>
        <source>⌂  Sākums</source>
        <translation>⌂  Home</translation>
    </message>
    <message>
        <source>Meklēt projektu…</source>
        <translation>Search projects…</translation>
    </message>
</context>
<context>
    <name>NewUserDialog</name>
    <message>
        <source>Jauns lietotājs</source>
        <translation>New user</translation>
    </message>
    <message>
        <source>mazie burti, cipari, _ (piem. janis_k)</source>
        <translation>lower-case letters, digits, _ (e.g. janis_k)</translation>
    </message>
    <message>
        <source>Lietotājvārds</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Vārds, uzvārds</source>
        <translation>Full name</translation>
    </message>
    <message>
        <source>Loma komandā</source>
        <translation>Role in the team</translation>
    </message>
    <message>
        <source>Parole</source>
        <translation>Password</translation>
    </message>
    <message>
        <source>Parole vēlreiz</source>
        <translation>Password again</translation>
    </message>
    <message>
        <source>Saglabāt</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
</context>
<context>
    <name>OrganisationForm</name>
    <message>
        <source>Organizācijas logotips</source>
        <translation>Organisation logo</translation>
    </message>
    <message>
        <source>Attēli (*.png *.jpg *.jpeg *.bmp)</source>
        <translation>Pictures (*.png *.jpg *.jpeg *.bmp)</translation>
    </message>
    <message>
        <source>Organizācijas dati</source>
        <translation>Organisation details</translation>
    </message>
    <message>
        <source>piem., Biedrība “Ķekavas novada kopienu tīkls”</source>
        <translation>e.g. Biedrība “Ķekavas novada kopienu tīkls”</translation>
    </message>
    <message>
        <source>Nosaukums</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Reģistrācijas Nr.</source>
        <translation>Registration No.</translation>
    </message>
    <message>
        <source>Juridiskā adrese</source>
        <translation>Registered address</translation>
    </message>
    <message>
        <source>E-pasts</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Tālrunis</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Tīmekļa vietne</source>
        <translation>Website</translation>
    </message>
    <message>
        <source>Logotips</source>
        <translation>Logo</translation>
    </message>
    <message>
        <source>Drukā reģistrācijas lapu augšējā labajā stūrī.</source>
        <translation>Printed in the top right corner of the attendance sheets.</translation>
    </message>
    <message>
        <source>Organizācijas dati: %1</source>
        <translation>Organisation details: %1</translation>
    </message>
</context>
<context>
    <name>OverviewSection</name>
    <message>
        <source>Projekts</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Finansētājs</source>
        <translation>Funder</translation>
    </message>
    <message>
        <source>Programma</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Īstenotājs</source>
        <translation>Implementer</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Kopējās izmaksas</source>
        <translation>Total cost</translation>
    </message>
    <message>
        <source>Piešķirtais finansējums</source>
        <translation>Grant awarded</translation>
    </message>
    <message>
        <source>Līdzfinansējums</source>
        <translation>Co-financing</translation>
    </message>
    <message>
        <source>Tuvākie termiņi</source>
        <translation>Next deadlines</translation>
    </message>
    <message>
        <source>Gaidāmie pasākumi</source>
        <translation>Coming up</translation>
    </message>
    <message>
        <source>Rādītāju izpilde</source>
        <translation>Indicator progress</translation>
    </message>
    <message>
        <source>Svītra rāda, cik būtu jāsasniedz līdz šodienai, ja darbs ritētu vienmērīgi visu projekta laiku.</source>
        <translation>The tick shows what should be achieved by today if the work went evenly over the whole project period.</translation>
    </message>
    <message>
        <source>Rādītāju vēl nav. Pievienojiet tos sadaļā “Rādītāji”.</source>
        <translation>No indicators yet. Add them in the “Indicators” section.</translation>
    </message>
    <message>
        <source>Sadarbības partneri</source>
        <translation>Partners</translation>
    </message>
    <message>
        <source>Pievienot…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Labot…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Dzēst…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>dokumentu formas</source>
        <translation>paperwork</translation>
    </message>
    <message>
        <source>(pēc budžeta)</source>
        <translation>(from the budget)</translation>
    </message>
    <message>
        <source>Projekts sāksies %1.</source>
        <translation>The project starts on %1.</translation>
    </message>
    <message>
        <source>Projekta periods beidzās %1.</source>
        <translation>The project period ended on %1.</translation>
    </message>
    <message>
        <source>Pagājuši %1 % no projekta perioda, līdz beigām %2.</source>
        <translation>%1 % of the project period has passed; %2 to go.</translation>
    </message>
    <message>
        <source>diena</source>
        <translation>day</translation>
    </message>
    <message>
        <source>dienas</source>
        <translation>days</translation>
    </message>
    <message>
        <source>dienu</source>
        <translation>days</translation>
    </message>
    <message>
        <source>aktivitāte</source>
        <translation>activity</translation>
    </message>
    <message>
        <source>aktivitātes</source>
        <translation>activities</translation>
    </message>
    <message>
        <source>aktivitāšu</source>
        <translation>activities</translation>
    </message>
    <message>
        <source>pasākums</source>
        <translation>event</translation>
    </message>
    <message>
        <source>pasākumi</source>
        <translation>events</translation>
    </message>
    <message>
        <source>pasākumu</source>
        <translation>events</translation>
    </message>
    <message>
        <source>dalībnieks</source>
        <translation>participant</translation>
    </message>
    <message>
        <source>dalībnieki</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>dalībnieku</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>dalības reize</source>
        <translation>attendance</translation>
    </message>
    <message>
        <source>dalības reizes</source>
        <translation>attendances</translation>
    </message>
    <message>
        <source>dalības reižu</source>
        <translation>attendances</translation>
    </message>
    <message>
        <source>Jāpievērš uzmanība</source>
        <translation>Needs attention</translation>
    </message>
    <message>
        <source>Neiesniegtu pārskatu nav.</source>
        <translation>No reports pending.</translation>
    </message>
    <message>
        <source>Tuvākajā laikā pasākumu nav.</source>
        <translation>No events coming up.</translation>
    </message>
    <message>
        <source>Plānots %1, sasniegts %2; līdz šodienai būtu jābūt %3.</source>
        <translation>Planned %1, achieved %2; by today it should be %3.</translation>
    </message>
    <message>
        <source>partneri “%1”</source>
        <translation>partner “%1”</translation>
    </message>
    <message>
        <source>līdzfinansējumu %1</source>
        <translation>co-financing of %1</translation>
    </message>
</context>
<context>
    <name>ParticipantsSection</name>
    <message>
        <source>Dalībnieki</source>
        <translation>Participants</translation>
    </message>
</context>
<context>
    <name>PartnerForm</name>
    <message>
        <source>Jauns partneris</source>
        <translation>New partner</translation>
    </message>
    <message>
        <source>Partneris</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>piem., nodrošina telpas pasākumiem</source>
        <translation>e.g. provides the rooms for events</translation>
    </message>
    <message>
        <source>Organizācija</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Veids</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Loma</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Ieguldījums</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <source>Jauns partneris “%1”</source>
        <translation>New partner “%1”</translation>
    </message>
    <message>
        <source>Partnera “%1” labojums</source>
        <translation>Edit of partner “%1”</translation>
    </message>
</context>
<context>
    <name>PaymentDialog</name>
    <message>
        <source>Maksājums: labot</source>
        <translation>Payment: edit</translation>
    </message>
    <message>
        <source>Saņemts maksājums</source>
        <translation>Payment received</translation>
    </message>
    <message>
        <source>Veids</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Saņemts</source>
        <translation>Received</translation>
    </message>
    <message>
        <source>Summa, €</source>
        <translation>Amount, €</translation>
    </message>
    <message>
        <source>Piezīme</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>Ievadiet summu.</source>
        <translation>Enter the amount.</translation>
    </message>
    <message>
        <source>Jauns maksājums: %1</source>
        <translation>New payment: %1</translation>
    </message>
    <message>
        <source>Labots maksājums %1</source>
        <translation>Payment changed %1</translation>
    </message>
</context>
<context>
    <name>PdfPreviewDialog</name>
    <message>
        <source>Priekšskatījums</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Pēc platuma</source>
        <translation>Fit width</translation>
    </message>
    <message>
        <source>Visa lapa</source>
        <translation>Whole page</translation>
    </message>
    <message>
        <source>Lapa </source>
        <translation>Page </translation>
    </message>
    <message>
        <source>Pāriet uz pasākuma pirmo lapu</source>
        <translation>Go to the event&apos;s first page</translation>
    </message>
    <message>
        <source>Drukāt…</source>
        <translation>Print…</translation>
    </message>
    <message>
        <source>Saglabāt kā PDF…</source>
        <translation>Save as PDF…</translation>
    </message>
    <message>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>PDF neizdevās atvērt.</source>
        <translation>The PDF could not be opened.</translation>
    </message>
    <message>
        <source>1 lapa</source>
        <translation>1 page</translation>
    </message>
    <message>
        <source>Lapas: %1</source>
        <translation>Pages: %1</translation>
    </message>
    <message>
        <source> no %1</source>
        <translation> of %1</translation>
    </message>
    <message>
        <source>Saglabāt kā PDF</source>
        <translation>Save as PDF</translation>
    </message>
    <message>
        <source>PDF dokumenti (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Drukāt</source>
        <translation>Print</translation>
    </message>
    <message>
        <source>Printeri neizdevās sagatavot drukai.</source>
        <translation>The printer could not be made ready.</translation>
    </message>
</context>
<context>
    <name>PeopleRegistryWindow</name>
    <message>
        <source>Personu reģistrs</source>
        <translation>People registry</translation>
    </message>
    <message>
        <source>Atsaukt</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Atcelt atsaukšanu</source>
        <translation>Redo</translation>
    </message>
</context>
<context>
    <name>ProjectForm</name>
    <message>
        <source>Jauns projekts</source>
        <translation>New project</translation>
    </message>
    <message>
        <source>Projekts</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>piem., seniori, jaunieši, kopienu aktīvisti</source>
        <translation>e.g. seniors, young people, community activists</translation>
    </message>
    <message>
        <source>Projekta numurs</source>
        <translation>Project number</translation>
    </message>
    <message>
        <source>Nosaukums</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Finansētājs</source>
        <translation>Funder</translation>
    </message>
    <message>
        <source>Finansētāja profils</source>
        <translation>Funder profile</translation>
    </message>
    <message>
        <source>Programma</source>
        <translation>Programme</translation>
    </message>
    <message>
        <source>Darbības virziens</source>
        <translation>Strand</translation>
    </message>
    <message>
        <source>Konkursa gads</source>
        <translation>Call year</translation>
    </message>
    <message>
        <source>Īstenotājs</source>
        <translation>Implementer</translation>
    </message>
    <message>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Sākums</source>
        <translation>Start</translation>
    </message>
    <message>
        <source>Beigas</source>
        <translation>End</translation>
    </message>
    <message>
        <source>Kopējās izmaksas, €</source>
        <translation>Total cost, €</translation>
    </message>
    <message>
        <source>Piešķirtais finansējums, €</source>
        <translation>Grant awarded, €</translation>
    </message>
    <message>
        <source>Mērķis</source>
        <translation>Aim</translation>
    </message>
    <message>
        <source>Mērķa grupas</source>
        <translation>Target groups</translation>
    </message>
    <message>
        <source>Atdaliet ar komatu.</source>
        <translation>Separate with commas.</translation>
    </message>
    <message>
        <source>Publicitātes teksts</source>
        <translation>Publicity sentence</translation>
    </message>
    <message>
        <source>Tukšs: finansētāja profila teksts. Drukā katras lapas kājenē.</source>
        <translation>Empty: the funder profile&apos;s sentence. Printed in every page&apos;s footer.</translation>
    </message>
    <message>
        <source>Finansētāja logotips</source>
        <translation>Funder&apos;s logo</translation>
    </message>
    <message>
        <source>Drukā blakus profila logotipiem.</source>
        <translation>Printed next to the profile&apos;s logos.</translation>
    </message>
    <message>
        <source>piem., %1</source>
        <translation>e.g. %1</translation>
    </message>
    <message>
        <source>piem., Projektu finansē Ķekavas novada pašvaldība.</source>
        <translation>e.g., The project is funded by Ķekava Municipality.</translation>
    </message>
    <message>
        <source>Jauns projekts %1</source>
        <translation>New project %1</translation>
    </message>
    <message>
        <source>Projekta %1 labojums</source>
        <translation>Edit of project %1</translation>
    </message>
</context>
<context>
    <name>ProjectListPanel</name>
    <message>
        <source>Meklēt projektu…</source>
        <translation>Search projects…</translation>
    </message>
    <message>
        <source>Vēl nav neviena projekta. Ievadiet savas organizācijas datus (tie būs uz reģistrācijas lapām) un izveidojiet savu pirmo projektu vai, lai vispirms apskatītos, ielieciet demonstrācijas organizāciju: trīs projekti ar pasākumiem, dalībniekiem un budžetu ap šodienu.</source>
        <translation>There are no projects yet. Enter your organisation&apos;s details (they go on the attendance sheets) and create your first project or, to look around first, add the demo organisation: three projects with events, participants and a budget around today.</translation>
    </message>
    <message>
        <source>Organizācijas dati…</source>
        <translation>Organisation details…</translation>
    </message>
    <message>
        <source>Jauns projekts…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <source>Ielikt demonstrācijas datus…</source>
        <translation>Add demo data…</translation>
    </message>
    <message>
        <source>Neviens projekts neatbilst meklētajam.</source>
        <translation>No project matches the search.</translation>
    </message>
</context>
<context>
    <name>ProjectLists</name>
    <message>
        <source>šodien</source>
        <translation>today</translation>
    </message>
    <message>
        <source>pēc %1</source>
        <translation>in %1</translation>
    </message>
    <message>
        <source>dienas</source>
        <translation>day</translation>
    </message>
    <message>
        <source>dienām</source>
        <translation>days</translation>
    </message>
    <message>
        <source>nokavēts par %1</source>
        <translation>overdue by %1</translation>
    </message>
    <message>
        <source>dienu</source>
        <translation>day</translation>
    </message>
    <message>
        <source>Organizācija</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Veids</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Loma</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Ieguldījums</source>
        <translation>Contribution</translation>
    </message>
    <message>
        <source>Avots</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Summa</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Piezīme</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>iesniegts %1</source>
        <translation>submitted %1</translation>
    </message>
    <message>
        <source>Iesniegt līdz</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Pārskats</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Pārskata periods</source>
        <translation>Reporting period</translation>
    </message>
    <message>
        <source>Stāvoklis</source>
        <translation>State</translation>
    </message>
</context>
<context>
    <name>ProjectPage</name>
    <message>
        <source>Labot projektu…</source>
        <translation>Edit project…</translation>
    </message>
    <message>
        <source>Dzēst projektu…</source>
        <translation>Delete project…</translation>
    </message>
    <message>
        <source>Reģistrācijas lapa…</source>
        <translation>Attendance sheet…</translation>
    </message>
    <message>
        <source>Nr. %1</source>
        <translation>No. %1</translation>
    </message>
    <message>
        <source>projektu %1 “%2”</source>
        <translation>project %1 “%2”</translation>
    </message>
</context>
<context>
    <name>ProjectTables</name>
    <message>
        <source>Tiešsaistē</source>
        <translation>Online</translation>
    </message>
    <message>
        <source>Kods</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Aktivitāte</source>
        <translation>Activity</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Period</translation>
    </message>
    <message>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Pasākumi</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Datums</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Pasākums</source>
        <translation>Event</translation>
    </message>
    <message>
        <source>Veids</source>
        <translation>Type</translation>
    </message>
    <message>
        <source>Vieta</source>
        <translation>Place</translation>
    </message>
    <message>
        <source>Reģistrēti</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Piedalījās</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Rādītājs</source>
        <translation>Indicator</translation>
    </message>
    <message>
        <source>Sasniegto nosaka</source>
        <translation>Achieved value</translation>
    </message>
    <message>
        <source>Plānots</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Sasniegts</source>
        <translation>Achieved</translation>
    </message>
    <message>
        <source>Izpilde</source>
        <translation>Progress</translation>
    </message>
</context>
<context>
    <name>ProjectsTableModel</name>
    <message>
        <source>Numurs</source>
        <translation>Number</translation>
    </message>
    <message>
        <source>Nosaukums</source>
        <translation>Title</translation>
    </message>
    <message>
        <source>Finansētājs</source>
        <translation>Funder</translation>
    </message>
    <message>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Periods</source>
        <translation>Period</translation>
    </message>
</context>
<context>
    <name>ReadOnlyAttendance</name>
    <message>
        <source>Sarakstā vēl neviena nav.</source>
        <translation>Nobody is on the list yet.</translation>
    </message>
</context>
<context>
    <name>ReadOnlyParticipants</name>
    <message>
        <source>Meklēt dalībnieku…</source>
        <translation>Search participants…</translation>
    </message>
    <message>
        <source>Šeit redzami visi, kas ir kāda šī projekta pasākuma sarakstā. Dalībniekus pievieno pasākuma lapā.</source>
        <translation>Everyone on the list of one of this project&apos;s events. Participants are added on the event&apos;s page.</translation>
    </message>
    <message>
        <source>%1, no tiem piedalījās %2.</source>
        <translation>%1, of whom %2 took part.</translation>
    </message>
    <message>
        <source>persona sarakstos</source>
        <translation>person on the lists</translation>
    </message>
    <message>
        <source>personas sarakstos</source>
        <translation>people on the lists</translation>
    </message>
    <message>
        <source>personu sarakstos</source>
        <translation>people on the lists</translation>
    </message>
</context>
<context>
    <name>RecentFilesList</name>
    <message>
        <source>Šim projektam vēl nav saglabāts neviens pārskats.</source>
        <translation>No report has been saved for this project yet.</translation>
    </message>
    <message>
        <source>Atvērt</source>
        <translation>Open</translation>
    </message>
    <message>
        <source>Parādīt mapē</source>
        <translation>Show in folder</translation>
    </message>
    <message>
        <source>(fails nav atrasts)</source>
        <translation>(file not found)</translation>
    </message>
</context>
<context>
    <name>ReportPreviewDialog</name>
    <message>
        <source>MELNRAKSTS</source>
        <translation>DRAFT</translation>
    </message>
</context>
<context>
    <name>ReportTextsEditor</name>
    <message>
        <source>Pārskata teksti</source>
        <translation>Report texts</translation>
    </message>
    <message>
        <source>Katram pārskatam ir savi teksti: noslēguma pārskatam un katram periodam.</source>
        <translation>Each report has its own texts: the final report and each period.</translation>
    </message>
    <message>
        <source>Pārskats:</source>
        <translation>Report:</translation>
    </message>
    <message>
        <source>Saglabāt tekstus</source>
        <translation>Save texts</translation>
    </message>
    <message>
        <source>Ctrl+S</source>
        <translation>Ctrl+S</translation>
    </message>
    <message>
        <source>Noslēguma pārskats</source>
        <translation>Final report</translation>
    </message>
    <message>
        <source>Starpposma pārskats %1</source>
        <translation>Interim report %1</translation>
    </message>
    <message>
        <source>Ierakstiet tekstu pārskatam…</source>
        <translation>Write the text for the report…</translation>
    </message>
    <message>
        <source>* obligāti aizpildāms: bez tā pārskatu var sagatavot tikai kā melnrakstu.</source>
        <translation>* required: without it the report can only be made as a draft.</translation>
    </message>
    <message>
        <source>Atskaites teksts: %1</source>
        <translation>Report text: %1</translation>
    </message>
    <message>
        <source>Starpposma pārskata (%1) teksts: %2</source>
        <translation>Interim report (%1) text: %2</translation>
    </message>
    <message>
        <source>Tekstus neizdevās saglabāt: %1</source>
        <translation>The texts could not be saved: %1</translation>
    </message>
    <message>
        <source>Cita lietotāja saglabātais: %1. Kuru tekstu paturēt?</source>
        <translation>Saved by another user: %1. Which text do you keep?</translation>
    </message>
    <message>
        <source>Saglabāt manu</source>
        <translation>Save mine</translation>
    </message>
    <message>
        <source>Ņemt cita lietotāja</source>
        <translation>Take the other user’s</translation>
    </message>
    <message>
        <source>Turpināt rakstīt</source>
        <translation>Keep writing</translation>
    </message>
    <message>
        <source>Pārskata tekstos ir nesaglabātas izmaiņas. Saglabāt tās?</source>
        <translation>The report texts have unsaved changes. Save them?</translation>
    </message>
    <message>
        <source>Nesaglabātas izmaiņas</source>
        <translation>Unsaved changes</translation>
    </message>
    <message>
        <source>Visi teksti saglabāti</source>
        <translation>All texts saved</translation>
    </message>
</context>
<context>
    <name>ReportsSection</name>
    <message>
        <source>Atskaites un termiņi</source>
        <translation>Reports and deadlines</translation>
    </message>
    <message>
        <source>Atzīmēt kā iesniegtu</source>
        <translation>Mark as submitted</translation>
    </message>
    <message>
        <source>Pievienot termiņu…</source>
        <translation>Add deadline…</translation>
    </message>
    <message>
        <source>Dzēst…</source>
        <translation>Delete…</translation>
    </message>
    <message>
        <source>Pārskatu iesniegšanas termiņi</source>
        <translation>Report deadlines</translation>
    </message>
    <message>
        <source>Saturiskā un finanšu pārskata sagatavošana šajā sadaļā vēl nav pieejama; tā nāks ar pārskatu moduli.</source>
        <translation>Making the content and financial reports is not available in this section yet; it comes with the reports module.</translation>
    </message>
    <message>
        <source>Termiņi aprēķināti pēc finansētāja profila “%1” no projekta beigu datuma; ja beigu datums mainās, neiesniegtie termiņi pārceļas līdzi. Dubultklikšķis vai atstarpe atzīmē pārskatu kā iesniegtu.</source>
        <translation>Deadlines are computed by the funder profile “%1” from the project&apos;s end date; when the end date changes, deadlines not yet submitted move with it. Double-click or Space marks a report as submitted.</translation>
    </message>
    <message>
        <source>Atcelt atzīmi “iesniegts”</source>
        <translation>Remove the “submitted” mark</translation>
    </message>
    <message>
        <source>%1 atzīmēts kā iesniegts %2</source>
        <translation>%1 marked as submitted on %2</translation>
    </message>
    <message>
        <source>%1: atzīme “iesniegts” atcelta</source>
        <translation>%1: “submitted” mark removed</translation>
    </message>
    <message>
        <source>termiņu “%1” (%2)</source>
        <translation>deadline “%1” (%2)</translation>
    </message>
</context>
<context>
    <name>ReportsView</name>
    <message>
        <source>Pārskati</source>
        <translation>Reports</translation>
    </message>
    <message>
        <source>Noslēguma pārskats</source>
        <translation>Final report</translation>
    </message>
    <message>
        <source>Starpposma pārskats</source>
        <translation>Interim report</translation>
    </message>
    <message>
        <source>Finanšu pārskats grāmatvedim (XLSX)</source>
        <translation>Financial report for the accountant (XLSX)</translation>
    </message>
    <message>
        <source>Dalībnieku saraksti pielikumiem (PDF)</source>
        <translation>Attendance lists for the annexes (PDF)</translation>
    </message>
    <message>
        <source>Apliecinājumi par dalību, lapa katram dalībniekam (PDF)</source>
        <translation>Certificates of participation, a page for each participant (PDF)</translation>
    </message>
    <message>
        <source>Sagatavot</source>
        <translation>Make</translation>
    </message>
    <message>
        <source>Pārskata teksti</source>
        <translation>Report texts</translation>
    </message>
    <message>
        <source>Ko sagatavot</source>
        <translation>What to make</translation>
    </message>
    <message>
        <source>no</source>
        <translation>from</translation>
    </message>
    <message>
        <source>līdz</source>
        <translation>to</translation>
    </message>
    <message>
        <source>Pievienot ieradušos dalībnieku sarakstus pārskata beigās</source>
        <translation>Add the attendee lists at the end of the report</translation>
    </message>
    <message>
        <source>latviešu</source>
        <translation>Latvian</translation>
    </message>
    <message>
        <source>angļu</source>
        <translation>English</translation>
    </message>
    <message>
        <source>PDF</source>
        <translation>PDF</translation>
    </message>
    <message>
        <source>DOCX (rediģējams)</source>
        <translation>DOCX (editable)</translation>
    </message>
    <message>
        <source>DOCX: to pašu pārskatu var labot Word vai LibreOffice Writer.</source>
        <translation>DOCX: the same report, editable in Word or LibreOffice Writer.</translation>
    </message>
    <message>
        <source>Formāts:</source>
        <translation>Format:</translation>
    </message>
    <message>
        <source>Valoda:</source>
        <translation>Language:</translation>
    </message>
    <message>
        <source>Aizpildīt tekstus…</source>
        <translation>Fill in the texts…</translation>
    </message>
    <message>
        <source>Priekšskatīt</source>
        <translation>Preview</translation>
    </message>
    <message>
        <source>Saglabāt kā…</source>
        <translation>Save as…</translation>
    </message>
    <message>
        <source>Pēdējie sagatavotie faili</source>
        <translation>Recently made files</translation>
    </message>
    <message>
        <source>DOCX failu saglabājiet un atveriet Word vai LibreOffice Writer.</source>
        <translation>Save the DOCX file and open it in Word or LibreOffice Writer.</translation>
    </message>
    <message>
        <source>XLSX failu saglabājiet un atveriet izklājlapā.</source>
        <translation>Save the XLSX file and open it in a spreadsheet.</translation>
    </message>
    <message>
        <source>Pārskata perioda beigas nevar būt pirms sākuma.</source>
        <translation>The reporting period cannot end before it starts.</translation>
    </message>
    <message>
        <source>Gatavo pārskatu…</source>
        <translation>Preparing the report…</translation>
    </message>
    <message>
        <source>Saglabāts: %1</source>
        <translation>Saved: %1</translation>
    </message>
    <message>
        <source>Pārskatam trūkst teksta</source>
        <translation>The report lacks text</translation>
    </message>
    <message>
        <source>Veidot melnrakstu</source>
        <translation>Make a draft</translation>
    </message>
    <message>
        <source>Aizpildīt tekstus</source>
        <translation>Fill in the texts</translation>
    </message>
    <message>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>PDF dokumenti (*.pdf)</source>
        <translation>PDF documents (*.pdf)</translation>
    </message>
    <message>
        <source>Word dokumenti (*.docx)</source>
        <translation>Word documents (*.docx)</translation>
    </message>
    <message>
        <source>Excel darbgrāmatas (*.xlsx)</source>
        <translation>Excel workbooks (*.xlsx)</translation>
    </message>
    <message>
        <source>Saglabāt kā</source>
        <translation>Save as</translation>
    </message>
</context>
<context>
    <name>SettingsDialog</name>
    <message>
        <source>Iestatījumi</source>
        <translation>Settings</translation>
    </message>
    <message>
        <source> dienas</source>
        <translation> days</translation>
    </message>
    <message>
        <source>Palaižot atvērt projektu, kas bija atvērts pēdējais</source>
        <translation>At start, open the project that was open last</translation>
    </message>
    <message>
        <source>Valoda</source>
        <translation>Language</translation>
    </message>
    <message>
        <source>Sākumlapā rādīt termiņus</source>
        <translation>Deadlines on the home page</translation>
    </message>
    <message>
        <source>&amp;Mainīt datubāzi…</source>
        <translation>&amp;Change database…</translation>
    </message>
    <message>
        <source>Datubāze</source>
        <translation>Database</translation>
    </message>
    <message>
        <source>Valoda mainās uzreiz. Datumi un summas arī angliski paliek latviešu formā (17.10.2020, 1 234,56 €).</source>
        <translation>The language changes at once. Dates and amounts keep the Latvian form in English too (17.10.2020, 1 234,56 €).</translation>
    </message>
    <message>
        <source>Saglabāt</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>%1 (tiks atvērta, aizverot iestatījumus)</source>
        <translation>%1 (opened when the settings close)</translation>
    </message>
</context>
<context>
    <name>StartPage</name>
    <message>
        <source>Sākums</source>
        <translation>Home</translation>
    </message>
    <message>
        <source>Jauns projekts…</source>
        <translation>New project…</translation>
    </message>
    <message>
        <source>Pasākumi tuvākajās %1 dienās</source>
        <translation>Events in the next %1 days</translation>
    </message>
    <message>
        <source>Tuvākajā mēnesī pasākumu nav.</source>
        <translation>No events in the coming month.</translation>
    </message>
    <message>
        <source>Visi projekti</source>
        <translation>All projects</translation>
    </message>
    <message>
        <source>Šodien %1, %2</source>
        <translation>Today is %1, %2</translation>
    </message>
    <message>
        <source>Pārskatu termiņi tuvākajās %1 dienās</source>
        <translation>Report deadlines in the next %1 days</translation>
    </message>
    <message>
        <source>Tuvāko %1 dienu laikā pārskatu termiņu nav.</source>
        <translation>No report deadlines in the next %1 days.</translation>
    </message>
    <message>
        <source>Nākamais: %1 — %2, projekts %3.</source>
        <translation>Next: %1 — %2, project %3.</translation>
    </message>
    <message>
        <source>Demonstrācijas dati</source>
        <translation>Demo data</translation>
    </message>
    <message>
        <source>Ielikt datubāzē demonstrācijas organizāciju? Tie ir trīs izdomāti projekti ar aktivitātēm, pasākumiem, ap 300 izdomātām personām, budžetu un izdevumiem; datumi ir ap šodienu.

To nevarēs atsaukt ar Ctrl+Z, bet demonstrācijas projektus var izdzēst tāpat kā citus.</source>
        <translation>Add the demo organisation to the database? It is three made-up projects with activities, events, about 300 made-up people, a budget and expenses; the dates are around today.

This cannot be undone with Ctrl+Z, but the demo projects can be deleted like any others.</translation>
    </message>
</context>
<context>
    <name>StartTables</name>
    <message>
        <source>Iesniegt līdz</source>
        <translation>Due by</translation>
    </message>
    <message>
        <source>Atlicis</source>
        <translation>Left</translation>
    </message>
    <message>
        <source>Pārskats</source>
        <translation>Report</translation>
    </message>
    <message>
        <source>Projekts</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Laiks</source>
        <translation>Time</translation>
    </message>
    <message>
        <source>Pasākums</source>
        <translation>Event</translation>
    </message>
</context>
<context>
    <name>UserGuideDialog</name>
    <message>
        <source>Lietošanas pamācība</source>
        <translation>User guide</translation>
    </message>
    <message>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
</context>
<context>
    <name>UsersDialog</name>
    <message>
        <source>Lietotāji</source>
        <translation>Users</translation>
    </message>
    <message>
        <source>Lietotājvārds</source>
        <translation>User name</translation>
    </message>
    <message>
        <source>Vārds</source>
        <translation>First name</translation>
    </message>
    <message>
        <source>Loma komandā</source>
        <translation>Role in the team</translation>
    </message>
    <message>
        <source>Projekti</source>
        <translation>Projects</translation>
    </message>
    <message>
        <source>Pievienot lietotāju…</source>
        <translation>Add user…</translation>
    </message>
    <message>
        <source>Dzēst lietotāju…</source>
        <translation>Delete user…</translation>
    </message>
    <message>
        <source>Saglabāt lomu</source>
        <translation>Save role</translation>
    </message>
    <message>
        <source>— nav projektā —</source>
        <translation>— not in the project —</translation>
    </message>
    <message>
        <source>Saglabāt lomu projektā</source>
        <translation>Save role in project</translation>
    </message>
    <message>
        <source>Izvēlētais lietotājs</source>
        <translation>Selected user</translation>
    </message>
    <message>
        <source>Projekts</source>
        <translation>Project</translation>
    </message>
    <message>
        <source>Loma projektā</source>
        <translation>Role in project</translation>
    </message>
    <message>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Dzēst lietotāju %1? Viņa izmaiņas audita žurnālā paliek.</source>
        <translation>Delete user %1? Their changes stay in the audit log.</translation>
    </message>
</context>
<context>
    <name>Workspace</name>
    <message>
        <source>Atsaucot “%1”, tiks dzēsti arī kopš tā laika pievienotie dati:
%2

Atsaukt?</source>
        <translation>Undoing “%1” also deletes what was added to it since:
%2

Undo?</translation>
    </message>
    <message>
        <source>Atsaukt</source>
        <translation>Undo</translation>
    </message>
</context>
<context>
    <name>app</name>
    <message>
        <source>Projektu vadība</source>
        <translation>Projektu vadība</translation>
    </message>
    <message>
        <source>Datubāzes iestatījumi…</source>
        <translation>Database settings…</translation>
    </message>
    <message>
        <source>Iziet</source>
        <translation>Quit</translation>
    </message>
</context>
<context>
    <name>attendance</name>
    <message>
        <source>“%1” nav vārds un uzvārds. Izvēlieties personu no piedāvājuma (bultiņa uz leju, Enter) vai ierakstiet tikai jaunās personas vārdu un uzvārdu.</source>
        <translation>“%1” is not a name and surname. Pick a person from the suggestions (Down arrow, Enter) or type only the new person&apos;s name and surname.</translation>
    </message>
    <message>
        <source>dalībnieks</source>
        <translation>participant</translation>
    </message>
    <message>
        <source>dalībnieki</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>dalībnieku</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>Atzīmēta dalība: %1</source>
        <translation>Attendance marked: %1</translation>
    </message>
    <message>
        <source>Atzīmēts, ka nepiedalījās: %1</source>
        <translation>Marked as absent: %1</translation>
    </message>
    <message>
        <source>Atzīmēts, ka reģistrējies: %1</source>
        <translation>Marked as registered: %1</translation>
    </message>
    <message>
        <source>Atzīmēta dalība %1: %2</source>
        <translation>Attendance marked %1: %2</translation>
    </message>
    <message>
        <source>Atzīmēts, ka nepiedalījās %1: %2</source>
        <translation>Marked absent %1: %2</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Vārds, uzvārds</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Organizācija</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Piedalījās</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Statuss</source>
        <translation>Status</translation>
    </message>
    <message>
        <source>Loma</source>
        <translation>Role</translation>
    </message>
    <message>
        <source>Nefotografēt</source>
        <translation>No photos</translation>
    </message>
    <message>
        <source>Piedalījās %1</source>
        <translation>Attended %1</translation>
    </message>
    <message>
        <source>Atzīme “Nefotografēt”: %1</source>
        <translation>“No photos” mark: %1</translation>
    </message>
    <message>
        <source>Mainīta loma: %1</source>
        <translation>Role changed: %1</translation>
    </message>
    <message>
        <source>Atzīmēt: piedalījās</source>
        <translation>Mark: attended</translation>
    </message>
    <message>
        <source>Atzīmēt: nepiedalījās</source>
        <translation>Mark: absent</translation>
    </message>
    <message>
        <source>Noņemt no saraksta</source>
        <translation>Remove from the list</translation>
    </message>
    <message>
        <source>Importēt sarakstu…</source>
        <translation>Import a list…</translation>
    </message>
    <message>
        <source>Pieteikt: rakstiet vārdu un uzvārdu, Enter pievieno</source>
        <translation>Register: type the name and surname, Enter adds</translation>
    </message>
    <message>
        <source>Ieradās bez reģistrācijas: rakstiet vārdu un uzvārdu, Enter pievieno</source>
        <translation>Walk-in: type the name and surname, Enter adds</translation>
    </message>
    <message>
        <source>Sarakstā %1, piedalījās %2, nepiedalījās %3</source>
        <translation>On the list %1, attended %2, absent %3</translation>
    </message>
    <message>
        <source>pa dienām: %1</source>
        <translation>by day: %1</translation>
    </message>
    <message>
        <source>Dalībnieks</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Noņemts no saraksta: %1</source>
        <translation>Removed from the list: %1</translation>
    </message>
    <message>
        <source>Noņemti no saraksta: %1</source>
        <translation>Removed from the list: %1</translation>
    </message>
    <message>
        <source>Pievienots dalībnieks: %1</source>
        <translation>Participant added: %1</translation>
    </message>
</context>
<context>
    <name>attendance_sheet</name>
    <message>
        <source>Reģistrācijas lapa</source>
        <translation>Attendance sheet</translation>
    </message>
    <message>
        <source>Tukša reģistrācijas lapa</source>
        <translation>Blank attendance sheet</translation>
    </message>
    <message>
        <source>Dalībnieku saraksts</source>
        <translation>List of participants</translation>
    </message>
    <message>
        <source>Šeit vēl nav neviena pasākuma.</source>
        <translation>There are no events here yet.</translation>
    </message>
    <message>
        <source>Gatavo reģistrācijas lapas…</source>
        <translation>Preparing the attendance sheets…</translation>
    </message>
</context>
<context>
    <name>background</name>
    <message>
        <source>Lūdzu, uzgaidiet</source>
        <translation>Please wait</translation>
    </message>
</context>
<context>
    <name>budget</name>
    <message>
        <source>Avanss</source>
        <translation>Advance</translation>
    </message>
    <message>
        <source>Starpposma maksājums</source>
        <translation>Interim payment</translation>
    </message>
    <message>
        <source>Noslēguma maksājums</source>
        <translation>Final payment</translation>
    </message>
    <message>
        <source>Jā</source>
        <translation>Yes</translation>
    </message>
    <message>
        <source>Nē</source>
        <translation>No</translation>
    </message>
    <message>
        <source>Pārsniegts plānotais.</source>
        <translation>Over the planned amount.</translation>
    </message>
    <message>
        <source>Kopā: %1</source>
        <translation>Total: %1</translation>
    </message>
    <message>
        <source>KOPĀ</source>
        <translation>TOTAL</translation>
    </message>
    <message>
        <source>Kods</source>
        <translation>Code</translation>
    </message>
    <message>
        <source>Pozīcija</source>
        <translation>Line</translation>
    </message>
    <message>
        <source>Daudzums × cena</source>
        <translation>Quantity × price</translation>
    </message>
    <message>
        <source>Plānots</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Izlietots</source>
        <translation>Spent</translation>
    </message>
    <message>
        <source>Atlikums</source>
        <translation>Remaining</translation>
    </message>
    <message>
        <source>% izlietots</source>
        <translation>% spent</translation>
    </message>
    <message>
        <source>Attiecināmi izdevumi bez budžeta pozīcijas.</source>
        <translation>Eligible expenses without a budget line.</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Datums</source>
        <translation>Date</translation>
    </message>
    <message>
        <source>Dokuments</source>
        <translation>Document</translation>
    </message>
    <message>
        <source>Piegādātājs</source>
        <translation>Supplier</translation>
    </message>
    <message>
        <source>Apraksts</source>
        <translation>Description</translation>
    </message>
    <message>
        <source>Avots</source>
        <translation>Source</translation>
    </message>
    <message>
        <source>Summa</source>
        <translation>Amount</translation>
    </message>
    <message>
        <source>Attiecināms</source>
        <translation>Eligible</translation>
    </message>
    <message>
        <source>Apmaksāts</source>
        <translation>Paid</translation>
    </message>
    <message>
        <source>Veids</source>
        <translation>Kind</translation>
    </message>
    <message>
        <source>Piezīme</source>
        <translation>Note</translation>
    </message>
    <message>
        <source>% no plāna</source>
        <translation>% of plan</translation>
    </message>
    <message>
        <source>izdevumu ieraksts</source>
        <translation>expense record</translation>
    </message>
    <message>
        <source>izdevumu ieraksti</source>
        <translation>expense records</translation>
    </message>
    <message>
        <source>izdevumu ierakstu</source>
        <translation>expense records</translation>
    </message>
    <message>
        <source>%1 paliks uzskaitē bez pozīcijas</source>
        <translation>%1 will stay in the ledger without a budget line</translation>
    </message>
    <message>
        <source>pievienots dokuments</source>
        <translation>attached document</translation>
    </message>
    <message>
        <source>pievienoti dokumenti</source>
        <translation>attached documents</translation>
    </message>
    <message>
        <source>pievienotu dokumentu</source>
        <translation>attached documents</translation>
    </message>
    <message>
        <source>Atsaucot “%1”: %2 (“Atcelt atsaukšanu” tos atkal piesaistīs).

Atsaukt?</source>
        <translation>Undoing “%1”: %2 (“Redo” will link them again).

Undo?</translation>
    </message>
</context>
<context>
    <name>error_hook</name>
    <message>
        <source>Projektu vadība</source>
        <translation>Projektu vadība</translation>
    </message>
</context>
<context>
    <name>import</name>
    <message>
        <source>Personu imports</source>
        <translation>Import people</translation>
    </message>
    <message>
        <source>Fails nav izvēlēts.</source>
        <translation>No file chosen.</translation>
    </message>
    <message>
        <source>Izvēlēties failu…</source>
        <translation>Choose a file…</translation>
    </message>
    <message>
        <source>Galvene rindā </source>
        <translation>Header in row </translation>
    </message>
    <message>
        <source>— tikai personu reģistrā —</source>
        <translation>— people registry only —</translation>
    </message>
    <message>
        <source>Pievienot pasākuma sarakstam:</source>
        <translation>Add to the event&apos;s list:</translation>
    </message>
    <message>
        <source>Pārbaudīt</source>
        <translation>Check</translation>
    </message>
    <message>
        <source>Rinda</source>
        <translation>Row</translation>
    </message>
    <message>
        <source>Failā</source>
        <translation>In the file</translation>
    </message>
    <message>
        <source>Līdzīgs</source>
        <translation>Similar</translation>
    </message>
    <message>
        <source>Ko darīt</source>
        <translation>Action</translation>
    </message>
    <message>
        <source>Izlaist kļūdainās rindas un importēt pārējās</source>
        <translation>Skip the rows with errors and import the rest</translation>
    </message>
    <message>
        <source>Importēt</source>
        <translation>Import</translation>
    </message>
    <message>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>Kolonnas (izvēlieties, ko katra satur) un pirmās rindas:</source>
        <translation>Columns (choose what each holds) and the first rows:</translation>
    </message>
    <message>
        <source>Kļūdas:</source>
        <translation>Errors:</translation>
    </message>
    <message>
        <source>Iespējamie dublikāti:</source>
        <translation>Possible duplicates:</translation>
    </message>
    <message>
        <source>Izvēlieties failu</source>
        <translation>Choose a file</translation>
    </message>
    <message>
        <source>Izklājlapas (*.csv *.xlsx *.txt);;Visi faili (*)</source>
        <translation>Spreadsheets (*.csv *.xlsx *.txt);;All files (*)</translation>
    </message>
    <message>
        <source>Lauks</source>
        <translation>Field</translation>
    </message>
    <message>
        <source>— neimportēt —</source>
        <translation>— do not import —</translation>
    </message>
    <message>
        <source>%1. rinda šajā failā</source>
        <translation>row %1 of this file</translation>
    </message>
    <message>
        <source>Sasaistīt ar esošo</source>
        <translation>Link to the existing person</translation>
    </message>
    <message>
        <source>Izveidot jaunu personu</source>
        <translation>Create a new person</translation>
    </message>
    <message>
        <source>Rindas: %1; derīgas: %2; ar kļūdām: %3; iespējamie dublikāti: %4.</source>
        <translation>Rows: %1; valid: %2; with errors: %3; possible duplicates: %4.</translation>
    </message>
    <message>
        <source>%1 rindās ir kļūdas. Izlabojiet failu vai atzīmējiet “Izlaist kļūdainās rindas”; līdz tam nekas netiek saglabāts.</source>
        <translation>%1 rows have errors. Correct the file or tick “Skip the rows with errors”; until then nothing is saved.</translation>
    </message>
    <message>
        <source>Importē personas…</source>
        <translation>Importing people…</translation>
    </message>
    <message>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Imports: %1</source>
        <translation>Import: %1</translation>
    </message>
    <message>
        <source>dalībnieks</source>
        <translation>participant</translation>
    </message>
    <message>
        <source>dalībnieki</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>dalībnieku</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>Importēts: jaunas personas %1, sasaistītas ar esošām %2, izlaistas rindas %3. Atsaukt var ar Ctrl+Z.</source>
        <translation>Imported: new people %1, linked to existing %2, rows skipped %3. Ctrl+Z undoes it.</translation>
    </message>
</context>
<context>
    <name>labels</name>
    <message>
        <source>Plānots</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Notiek</source>
        <translation>In progress</translation>
    </message>
    <message>
        <source>Noslēgts</source>
        <translation>Closed</translation>
    </message>
    <message>
        <source>Plānota</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Pabeigta</source>
        <translation>Done</translation>
    </message>
    <message>
        <source>Atcelta</source>
        <translation>Cancelled</translation>
    </message>
    <message>
        <source>Seminārs</source>
        <translation>Seminar</translation>
    </message>
    <message>
        <source>Tikšanās</source>
        <translation>Meeting</translation>
    </message>
    <message>
        <source>Darbnīca</source>
        <translation>Workshop</translation>
    </message>
    <message>
        <source>Diskusija</source>
        <translation>Discussion</translation>
    </message>
    <message>
        <source>Pārgājiens</source>
        <translation>Hike</translation>
    </message>
    <message>
        <source>Talka</source>
        <translation>Volunteer work day</translation>
    </message>
    <message>
        <source>Simpozijs</source>
        <translation>Symposium</translation>
    </message>
    <message>
        <source>Pieredzes brauciens</source>
        <translation>Study trip</translation>
    </message>
    <message>
        <source>Konsultācija</source>
        <translation>Consultation</translation>
    </message>
    <message>
        <source>Konference</source>
        <translation>Conference</translation>
    </message>
    <message>
        <source>Cits</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Ievada ar roku</source>
        <translation>Entered by hand</translation>
    </message>
    <message>
        <source>Notikušo pasākumu skaits</source>
        <translation>Number of events held</translation>
    </message>
    <message>
        <source>Dažādu dalībnieku skaits</source>
        <translation>Number of different participants</translation>
    </message>
    <message>
        <source>Dalības reižu skaits</source>
        <translation>Number of attendances</translation>
    </message>
    <message>
        <source>Iesaistīto organizāciju skaits</source>
        <translation>Number of organisations involved</translation>
    </message>
    <message>
        <source>Mērķa grupas dalībnieku skaits</source>
        <translation>Participants of a target group</translation>
    </message>
    <message>
        <source>Dalībnieku skaits no pašvaldības</source>
        <translation>Participants from a municipality</translation>
    </message>
    <message>
        <source>Starpposma pārskats</source>
        <translation>Interim report</translation>
    </message>
    <message>
        <source>Noslēguma pārskats</source>
        <translation>Final report</translation>
    </message>
    <message>
        <source>Maksājuma pieprasījums</source>
        <translation>Payment claim</translation>
    </message>
    <message>
        <source>Cits termiņš</source>
        <translation>Other deadline</translation>
    </message>
    <message>
        <source>Sadarbības partneris</source>
        <translation>Partner</translation>
    </message>
    <message>
        <source>Līdzfinansētājs</source>
        <translation>Co-financier</translation>
    </message>
    <message>
        <source>Atbalstītājs</source>
        <translation>Supporter</translation>
    </message>
    <message>
        <source>Finansētāja finansējums</source>
        <translation>Funder&apos;s grant</translation>
    </message>
    <message>
        <source>Pašu līdzfinansējums</source>
        <translation>Own co-financing</translation>
    </message>
    <message>
        <source>Pašvaldības līdzfinansējums</source>
        <translation>Municipal co-financing</translation>
    </message>
    <message>
        <source>Cits finansējums</source>
        <translation>Other funding</translation>
    </message>
    <message>
        <source>Reģistrējies</source>
        <translation>Registered</translation>
    </message>
    <message>
        <source>Lektors</source>
        <translation>Speaker</translation>
    </message>
    <message>
        <source>Pašvaldība</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>Mūsu organizācija</source>
        <translation>Our organisation</translation>
    </message>
    <message>
        <source>Biedrība vai nodibinājums</source>
        <translation>Association or foundation</translation>
    </message>
    <message>
        <source>Iedzīvotāju kopiena</source>
        <translation>Resident community</translation>
    </message>
    <message>
        <source>Finansētājs</source>
        <translation>Funder</translation>
    </message>
    <message>
        <source>Vietējā rīcības grupa</source>
        <translation>Local action group</translation>
    </message>
    <message>
        <source>Kopienu resursu centrs</source>
        <translation>Community resource centre</translation>
    </message>
    <message>
        <source>Uzņēmums</source>
        <translation>Company</translation>
    </message>
    <message>
        <source>Iestāde</source>
        <translation>Institution</translation>
    </message>
    <message>
        <source>Cita</source>
        <translation>Other</translation>
    </message>
    <message>
        <source>Piedalījās</source>
        <translation>Attended</translation>
    </message>
    <message>
        <source>Nepiedalījās</source>
        <translation>Absent</translation>
    </message>
    <message>
        <source>Dalībnieks</source>
        <translation>Participant</translation>
    </message>
    <message>
        <source>Moderators</source>
        <translation>Moderator</translation>
    </message>
    <message>
        <source>Mentors</source>
        <translation>Mentor</translation>
    </message>
    <message>
        <source>Brīvprātīgais</source>
        <translation>Volunteer</translation>
    </message>
    <message>
        <source>Organizators</source>
        <translation>Organiser</translation>
    </message>
    <message>
        <source>Plānotie</source>
        <translation>Planned</translation>
    </message>
    <message>
        <source>Notiekošie</source>
        <translation>Running</translation>
    </message>
    <message>
        <source>Noslēgtie</source>
        <translation>Closed</translation>
    </message>
</context>
<context>
    <name>operations</name>
    <message>
        <source>Dzēst %1?</source>
        <translation>Delete %1?</translation>
    </message>
    <message>
        <source>Kopā ar to tiks dzēsti arī šie dati:</source>
        <translation>This goes with it:</translation>
    </message>
    <message>
        <source>Dzēšanu varēs atsaukt ar Ctrl+Z.</source>
        <translation>Ctrl+Z can bring it back.</translation>
    </message>
    <message>
        <source>Šo darbību nevarēs atsaukt.</source>
        <translation>This cannot be undone.</translation>
    </message>
    <message>
        <source>Dzēšana</source>
        <translation>Deleting</translation>
    </message>
    <message>
        <source>Dzēst</source>
        <translation>Delete</translation>
    </message>
    <message>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Dzēsts: %1</source>
        <translation>Deleted: %1</translation>
    </message>
</context>
<context>
    <name>people</name>
    <message>
        <source>Uzvārds</source>
        <translation>Surname</translation>
    </message>
    <message>
        <source>Vārds</source>
        <translation>Given name</translation>
    </message>
    <message>
        <source>Organizācija</source>
        <translation>Organisation</translation>
    </message>
    <message>
        <source>Pašvaldība</source>
        <translation>Municipality</translation>
    </message>
    <message>
        <source>E-pasts</source>
        <translation>E-mail</translation>
    </message>
    <message>
        <source>Tālrunis</source>
        <translation>Phone</translation>
    </message>
    <message>
        <source>Anonimizēta persona: vārds un kontakti dzēsti.</source>
        <translation>Anonymised person: name and contacts removed.</translation>
    </message>
    <message>
        <source>Persona</source>
        <translation>Person</translation>
    </message>
    <message>
        <source>Jauna persona</source>
        <translation>New person</translation>
    </message>
    <message>
        <source>Vecuma grupa</source>
        <translation>Age group</translation>
    </message>
    <message>
        <source>Mērķa grupa</source>
        <translation>Target group</translation>
    </message>
    <message>
        <source>nav norādīts</source>
        <translation>not given</translation>
    </message>
    <message>
        <source>sieviete</source>
        <translation>female</translation>
    </message>
    <message>
        <source>vīrietis</source>
        <translation>male</translation>
    </message>
    <message>
        <source>cits</source>
        <translation>other</translation>
    </message>
    <message>
        <source>Dzimums</source>
        <translation>Gender</translation>
    </message>
    <message>
        <source>Dzimšanas gads</source>
        <translation>Year of birth</translation>
    </message>
    <message>
        <source>nav jautāts</source>
        <translation>not asked</translation>
    </message>
    <message>
        <source>piekrīt</source>
        <translation>agrees</translation>
    </message>
    <message>
        <source>nepiekrīt</source>
        <translation>refuses</translation>
    </message>
    <message>
        <source>Datu apstrāde</source>
        <translation>Data processing</translation>
    </message>
    <message>
        <source>Fotografēšana</source>
        <translation>Photographs</translation>
    </message>
    <message>
        <source>Piezīmes</source>
        <translation>Notes</translation>
    </message>
    <message>
        <source>Saglabāt</source>
        <translation>Save</translation>
    </message>
    <message>
        <source>Atcelt</source>
        <translation>Cancel</translation>
    </message>
    <message>
        <source>Pievienots dalībnieks: %1</source>
        <translation>Participant added: %1</translation>
    </message>
    <message>
        <source>Labots dalībnieks: %1</source>
        <translation>Participant changed: %1</translation>
    </message>
    <message>
        <source>Iespējams dublikāts</source>
        <translation>Possible duplicate</translation>
    </message>
    <message>
        <source>Reģistrā jau ir līdzīga persona.</source>
        <translation>The registry already has a similar person.</translation>
    </message>
    <message>
        <source>Izmantot esošo</source>
        <translation>Use the existing one</translation>
    </message>
    <message>
        <source>Tomēr izveidot jaunu</source>
        <translation>Create a new one anyway</translation>
    </message>
    <message>
        <source>Atpakaļ</source>
        <translation>Back</translation>
    </message>
    <message>
        <source>Apvienot personas</source>
        <translation>Merge people</translation>
    </message>
    <message>
        <source>Atstāt šo ierakstu; otra ieraksta dalība pasākumos tiks pārcelta uz to, trūkstošie dati papildināti, un otrs ieraksts dzēsts. Apvienošanu varēs atsaukt ar Ctrl+Z.</source>
        <translation>Keep this record; the other record&apos;s attendance moves to it, missing details are filled in and the other record is deleted. The merge can be undone with Ctrl+Z.</translation>
    </message>
    <message>
        <source>Apvienot</source>
        <translation>Merge</translation>
    </message>
    <message>
        <source>Meklēt: vārds, e-pasts, organizācija vai pašvaldība</source>
        <translation>Search: name, e-mail, organisation or municipality</translation>
    </message>
    <message>
        <source>Pievienot…</source>
        <translation>Add…</translation>
    </message>
    <message>
        <source>Labot…</source>
        <translation>Edit…</translation>
    </message>
    <message>
        <source>Dzēst dalībnieku…</source>
        <translation>Delete participant…</translation>
    </message>
    <message>
        <source>Apvienot…</source>
        <translation>Merge…</translation>
    </message>
    <message>
        <source>Anonimizēt…</source>
        <translation>Anonymise…</translation>
    </message>
    <message>
        <source>Atrastas personas: vairāk nekā %1</source>
        <translation>People found: more than %1</translation>
    </message>
    <message>
        <source>Atrastas personas: %1</source>
        <translation>People found: %1</translation>
    </message>
    <message>
        <source>Dzēsts dalībnieks: %1</source>
        <translation>Participant deleted: %1</translation>
    </message>
    <message>
        <source>Dzēst dalībnieku</source>
        <translation>Delete participant</translation>
    </message>
    <message>
        <source>Apvienoti dalībnieki: %1</source>
        <translation>Participants merged: %1</translation>
    </message>
    <message>
        <source>Anonimizēt personu</source>
        <translation>Anonymise person</translation>
    </message>
    <message>
        <source>%1: vārds, uzvārds, e-pasts, tālrunis, dzimšanas gads un piezīmes tiks dzēsti neatgriezeniski. Dalība pasākumos un visi skaiti paliks.</source>
        <translation>%1: name, surname, e-mail, phone, year of birth and notes will be removed for good. Attendance and all counts stay.</translation>
    </message>
    <message>
        <source>Datubāzes rezerves kopijās (tās veidotas pirms programmas atjauninājumiem) šīs personas dati vēl ir:
%1

Dzēst šīs rezerves kopijas?</source>
        <translation>The database&apos;s backup copies (made before program upgrades) still hold this person&apos;s data:
%1

Delete these backup copies?</translation>
    </message>
    <message>
        <source>ieraksts pasākumu sarakstos</source>
        <translation>entry on event lists</translation>
    </message>
    <message>
        <source>ieraksti pasākumu sarakstos</source>
        <translation>entries on event lists</translation>
    </message>
    <message>
        <source>ierakstu pasākumu sarakstos</source>
        <translation>entries on event lists</translation>
    </message>
    <message>
        <source>%1 jau ir šī pasākuma sarakstā.</source>
        <translation>%1 is already on this event&apos;s list.</translation>
    </message>
</context>
<context>
    <name>project_bundle</name>
    <message>
        <source>Eksportēt projektu</source>
        <translation>Export project</translation>
    </message>
    <message>
        <source>Projekta pakete (*.pvz)</source>
        <translation>Project package (*.pvz)</translation>
    </message>
    <message>
        <source>Projekts saglabāts: {path}
Pielikumi: {files}. Citā datorā to atver ar “Fails → Importēt projektu”.</source>
        <translation>Project saved: {path}
Attachments: {files}. On another computer open it with “File → Import project”.</translation>
    </message>
    <message>
        <source>Importēt projektu</source>
        <translation>Import project</translation>
    </message>
    <message>
        <source>Projekta pakete (*.pvz *.json);;Visi faili (*)</source>
        <translation>Project package (*.pvz *.json);;All files (*)</translation>
    </message>
    <message>
        <source>Projekts {number} importēts: pasākumi {events}, personas {people}, pielikumi {files}.</source>
        <translation>Project {number} imported: events {events}, people {people}, attachments {files}.</translation>
    </message>
</context>
<context>
    <name>scan</name>
    <message>
        <source>Noskenētās reģistrācijas lapas</source>
        <translation>Scanned attendance sheets</translation>
    </message>
    <message>
        <source>Skeni un foto (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</source>
        <translation>Scans and photos (*.pdf *.jpg *.jpeg *.png *.tif *.tiff)</translation>
    </message>
    <message>
        <source>Pierādījumu arhīvs</source>
        <translation>Evidence archive</translation>
    </message>
    <message>
        <source>ZIP arhīvs (*.zip)</source>
        <translation>ZIP archive (*.zip)</translation>
    </message>
    <message>
        <source>Arhīvs saglabāts: {path}
Pielikumi: {files}.</source>
        <translation>Archive saved: {path}
Attachments: {files}.</translation>
    </message>
    <message>
        <source>Trūkst: {s} pasākumiem parakstītas lapas, {i} izdevumiem rēķina.</source>
        <translation>Missing: signed sheets for {s} events, invoices for {i} expenses.</translation>
    </message>
</context>
<context>
    <name>scan_review</name>
    <message>
        <source>Noskenēto lapu pārbaude</source>
        <translation>Check of scanned sheets</translation>
    </message>
    <message>
        <source>, {page}. lpp.</source>
        <translation>, page {page}</translation>
    </message>
    <message>
        <source>{file}, {page}. lpp.</source>
        <translation>{file}, page {page}</translation>
    </message>
    <message>
        <source>Nr.</source>
        <translation>No.</translation>
    </message>
    <message>
        <source>Vārds, uzvārds</source>
        <translation>Name</translation>
    </message>
    <message>
        <source>Nolasīts</source>
        <translation>Read as</translation>
    </message>
    <message>
        <source>Apstiprināt atzīmes</source>
        <translation>Confirm the ticks</translation>
    </message>
    <message>
        <source>Atsaukt</source>
        <translation>Undo</translation>
    </message>
    <message>
        <source>Aizvērt</source>
        <translation>Close</translation>
    </message>
    <message>
        <source>parakstīts</source>
        <translation>signed</translation>
    </message>
    <message>
        <source>neskaidrs — pārbaudiet</source>
        <translation>uncertain — check</translation>
    </message>
    <message>
        <source>tukšs</source>
        <translation>empty</translation>
    </message>
    <message>
        <source>ierakstīts uz vietas — jāievada</source>
        <translation>written in on the spot — to type in</translation>
    </message>
    <message>
        <source>Atzīmēs kā piedalījušos: {n}</source>
        <translation>Will mark as attended: {n}</translation>
    </message>
    <message>
        <source>Skenējuma atzīmes: %1</source>
        <translation>Scan marks: %1</translation>
    </message>
    <message>
        <source>dalībnieks</source>
        <translation>participant</translation>
    </message>
    <message>
        <source>dalībnieki</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>dalībnieku</source>
        <translation>participants</translation>
    </message>
    <message>
        <source>Atzīmēti kā piedalījušies: {n}. Lapas saglabātas kā pasākuma pierādījumi.</source>
        <translation>Marked as attended: {n}. The sheets are kept as the event&apos;s evidence.</translation>
    </message>
    <message>
        <source>Atzīmes atsauktas.</source>
        <translation>Ticks undone.</translation>
    </message>
</context>
<context>
    <name>sections</name>
    <message>
        <source>Pārskats</source>
        <translation>Overview</translation>
    </message>
    <message>
        <source>Aktivitātes</source>
        <translation>Activities</translation>
    </message>
    <message>
        <source>Pasākumi</source>
        <translation>Events</translation>
    </message>
    <message>
        <source>Dalībnieki</source>
        <translation>Participants</translation>
    </message>
    <message>
        <source>Rādītāji</source>
        <translation>Indicators</translation>
    </message>
    <message>
        <source>Budžets</source>
        <translation>Budget</translation>
    </message>
    <message>
        <source>Atskaites un termiņi</source>
        <translation>Reports and deadlines</translation>
    </message>
</context>
<context>
    <name>team</name>
    <message>
        <source>administrators</source>
        <translation>administrator</translation>
    </message>
    <message>
        <source>projekta vadītājs</source>
        <translation>project manager</translation>
    </message>
    <message>
        <source>grāmatvedis</source>
        <translation>accountant</translation>
    </message>
    <message>
        <source>darbinieks</source>
        <translation>staff member</translation>
    </message>
    <message>
        <source>skatītājs</source>
        <translation>viewer</translation>
    </message>
</context>
</TS>
