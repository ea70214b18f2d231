"""A demo organisation for an empty database: three projects shaped like real ones (an SIF "NVO fonds" macro
project, an SIF mentoring micro project, a LEADER project), about 300 people, 25 events with attendance sheets,
indicators, budgets, expenses and payments.

Everything goes through the services, so the demo passes the same validation as user input. The data is the same
for the same seed: `random.Random(seed)` makes every choice and every date is fixed (2023–2025, the story told on
DEMO_TODAY); `around=` then moves all dates by whole weeks to stand around another day (core.demo_dates).
"""

from __future__ import annotations

import random
import unicodedata
from collections.abc import Sequence
from dataclasses import asdict, dataclass, field, replace
from datetime import date, datetime, timedelta
from decimal import ROUND_DOWN, Decimal
from typing import NamedTuple

from sqlalchemy import select
from sqlalchemy.orm import Session, selectinload

from projektu_vadiba.core import funders as profiles
from projektu_vadiba.core.age_groups import band_of
from projektu_vadiba.core.demo_dates import demo_shift, keep_in_one_year, shift_dates
from projektu_vadiba.core.dto import (
    ActivityInput,
    BudgetLineInput,
    EventInput,
    ExpenseDTO,
    ExpenseInput,
    IndicatorInput,
    PaymentInput,
    PersonInput,
    ProjectInput,
)
from projektu_vadiba.core.errors import AppError
from projektu_vadiba.core.models import (
    ActivityStatus,
    AttendanceRole,
    AttendanceStatus,
    DeadlineKind,
    Event,
    EventType,
    FundingSource,
    Gender,
    IndicatorMethod,
    OrganisationKind,
    PartnerRole,
    PaymentKind,
    Person,
    ProjectStatus,
)
from projektu_vadiba.core.services import activities, attendance, finance, indicators, organisations, people, projects
from projektu_vadiba.core.text import fold

ALREADY_FILLED = "Datubāzē jau ir projekti; demonstrācijas datus var ielikt tikai tukšā datubāzē."
CENT = Decimal("0.01")
# Ages and age groups are counted at this year, not today's, so the data never changes.
REFERENCE_YEAR = 2025

# ---- places -------------------------------------------------------------------------------------------------------

KEKAVA, ROPAZI, BAUSKA = "Ķekavas novads", "Ropažu novads", "Bauskas novads"
OLAINE, SALASPILS, OGRE = "Olaines novads", "Salaspils novads", "Ogres novads"

MUNICIPALITY_OF = {
    "Baldone": KEKAVA,
    "Ķekava": KEKAVA,
    "Daugmale": KEKAVA,
    "Katlakalns": KEKAVA,
    "Dzērumi": KEKAVA,
    "Krustkalni": KEKAVA,
    "Valdlauči": KEKAVA,
    "Rāmava": KEKAVA,
    "Ulbroka": ROPAZI,
    "Zaķumuiža": ROPAZI,
    "Vangaži": ROPAZI,
    "Iecava": BAUSKA,
    "Code": BAUSKA,
    "Vecumnieki": BAUSKA,
    "Bauska": BAUSKA,
    "Olaine": OLAINE,
    "Jaunolaine": OLAINE,
    "Grēnes": OLAINE,
    "Salaspils": SALASPILS,
    "Saulkalne": SALASPILS,
    "Ķegums": OGRE,
    "Ikšķile": OGRE,
}


class Community(NamedTuple):
    name: str
    locality: str
    venue: str  # "" = the community meets online
    address: str


# The six places of the road-map meetings (project 1), in meeting order.
ROAD_MAP_COMMUNITIES = (
    Community("Baldones iedzīvotāju kopiena", "Baldone", "Baldones kultūras centrs", "Pils iela 4, Baldone, LV-2125"),
    Community("Kopiena “Ķekava kopā”", "Ķekava", "Ķekavas kultūras nams", "Gaismas iela 19, Ķekava, LV-2123"),
    Community("Daugmales kopiena", "Daugmale", "Daugmales kopienu māja", "Skolas iela 5, Daugmale, LV-2124"),
    Community("Katlakalna kopiena", "Katlakalns", "Katlakalna tautas nams", "Ziedu iela 2, Katlakalns, LV-2111"),
    Community("Dzērumu kopiena", "Dzērumi", "Dzērumu ciema bibliotēka", "Liepu iela 7, Dzērumi, LV-2125"),
    Community("Krustkalnu kopiena", "Krustkalni", "Krustkalnu pamatskola", "Ozolu iela 1, Krustkalni, LV-2111"),
)

# Mentoring (project 2): 7 communities in spring, 7 in autumn; priority to new ones, Dzērumi came back.
MENTORED_COMMUNITIES = (
    Community("Valdlauču kopiena", "Valdlauči", "Valdlauču bibliotēka", "Rāmavas iela 3, Valdlauči, LV-1076"),
    Community("Rāmavas kopiena", "Rāmava", "", ""),
    Community("Ulbrokas kopiena", "Ulbroka", "Ulbrokas kultūras nams", "Institūta iela 1, Ulbroka, LV-2130"),
    Community("Zaķumuižas ciema kopiena", "Zaķumuiža", "", ""),
    Community("Vangažu iedzīvotāju kopiena", "Vangaži", "Vangažu bibliotēka", "Meža iela 3, Vangaži, LV-2136"),
    Community("Iecavas kopiena “Iecavnieki”", "Iecava", "Iecavas kultūras nams", "Rīgas iela 26, Iecava, LV-3913"),
    Community("Codes kopiena", "Code", "", ""),
    Community("Vecumnieku kopiena", "Vecumnieki", "Vecumnieku tautas nams", "Rīgas iela 29, Vecumnieki, LV-3933"),
    Community("Jaunolaines kopiena", "Jaunolaine", "Jaunolaines kultūras nams", "Meža iela 2, Jaunolaine, LV-2127"),
    Community("Grēnu ciema kopiena", "Grēnes", "", ""),
    Community("Saulkalnes kopiena", "Saulkalne", "Saulkalnes kopienas telpa", "Rīgas iela 10, Saulkalne, LV-2118"),
    Community("Kopiena “Ķegums kopā”", "Ķegums", "Ķeguma tautas nams", "Komunālā iela 5, Ķegums, LV-5020"),
    Community("Ikšķiles kopiena", "Ikšķile", "", ""),
    ROAD_MAP_COMMUNITIES[4],
)

# ---- organisations and people -------------------------------------------------------------------------------------

IMPLEMENTER = "Biedrība “Ķekavas novada kopienu tīkls”"
IMPLEMENTER_REG_NUMBER = "40008271453"
IMPLEMENTER_ADDRESS = "Gaismas iela 17-4, Ķekava, Ķekavas novads, LV-2123"
KEKAVA_COUNCIL = "Ķekavas novada pašvaldība"
LOCAL_ACTION_GROUP = "Biedrība “Daugavas lejteces partnerība”"

SENIORS, YOUTH, ACTIVISTS = "seniori", "jaunieši", "kopienu aktīvisti"
NGO_PEOPLE, COUNCIL_STAFF = "NVO pārstāvji", "pašvaldības darbinieki"


class Group(NamedTuple):
    """People the demo registry holds: members of one organisation ("" = none) living in one place."""

    organisation: str
    kind: OrganisationKind
    locality: str
    target_group: str
    size: int


GROUPS: tuple[Group, ...] = (
    *(Group(c.name, OrganisationKind.COMMUNITY, c.locality, ACTIVISTS, 12) for c in ROAD_MAP_COMMUNITIES),
    # The last mentored community (Dzērumi) already has its people from the road map.
    *(Group(c.name, OrganisationKind.COMMUNITY, c.locality, ACTIVISTS, 6) for c in MENTORED_COMMUNITIES[:-1]),
    Group("Biedrība “Baldones seniori”", OrganisationKind.NGO, "Baldone", SENIORS, 5),
    Group("Biedrība “Daugmales attīstībai”", OrganisationKind.NGO, "Daugmale", NGO_PEOPLE, 5),
    Group("Biedrība “Jauniešu iniciatīvu centrs”", OrganisationKind.NGO, "Ķekava", YOUTH, 5),
    Group("Biedrība “Ropažu novada NVO centrs”", OrganisationKind.RESOURCE_CENTRE, "Ulbroka", NGO_PEOPLE, 4),
    Group("Biedrība “Iecavas lauku sievietes”", OrganisationKind.NGO, "Iecava", NGO_PEOPLE, 3),
    Group("Nodibinājums “Olaines kopienu fonds”", OrganisationKind.NGO, "Olaine", NGO_PEOPLE, 3),
    Group("Biedrība “Zaļā sēta”", OrganisationKind.NGO, "Salaspils", NGO_PEOPLE, 3),
    Group(KEKAVA_COUNCIL, OrganisationKind.MUNICIPALITY, "Ķekava", COUNCIL_STAFF, 10),
    Group("Ropažu novada pašvaldība", OrganisationKind.MUNICIPALITY, "Ulbroka", COUNCIL_STAFF, 3),
    Group("Bauskas novada pašvaldība", OrganisationKind.MUNICIPALITY, "Bauska", COUNCIL_STAFF, 3),
    Group("Olaines novada pašvaldība", OrganisationKind.MUNICIPALITY, "Olaine", COUNCIL_STAFF, 3),
    Group("Daugmales pamatskola", OrganisationKind.INSTITUTION, "Daugmale", YOUTH, 4),
    # Residents who came on their own, mostly around Daugmale where the community house is (project 3).
    Group("", OrganisationKind.OTHER, "Daugmale", SENIORS, 12),
    Group("", OrganisationKind.OTHER, "Daugmale", YOUTH, 8),
    Group("", OrganisationKind.OTHER, "Katlakalns", SENIORS, 7),
    Group("", OrganisationKind.OTHER, "Baldone", SENIORS, 8),
    Group("", OrganisationKind.OTHER, "Baldone", YOUTH, 5),
    Group("", OrganisationKind.OTHER, "Ķekava", SENIORS, 8),
    Group("", OrganisationKind.OTHER, "Ķekava", YOUTH, 8),
    Group("", OrganisationKind.OTHER, "Ķekava", ACTIVISTS, 6),
    Group("", OrganisationKind.OTHER, "Dzērumi", SENIORS, 7),
    Group("", OrganisationKind.OTHER, "Krustkalni", SENIORS, 7),
    Group("", OrganisationKind.OTHER, "Krustkalni", YOUTH, 5),
    Group("", OrganisationKind.OTHER, "Katlakalns", YOUTH, 5),
    Group("", OrganisationKind.OTHER, "Dzērumi", YOUTH, 4),
)


class Staff(NamedTuple):
    key: str
    given_name: str
    surname: str
    gender: Gender
    birth_year: int
    notes: str


# The implementer's own people lead the events; fixed names so that a demo can say "ask Inese".
STAFF = (
    Staff("manager", "Inese", "Kalniņa", Gender.FEMALE, 1978, "Valdes priekšsēdētāja, projektu vadītāja"),
    Staff("expert", "Ēvalds", "Krūmiņš", Gender.MALE, 1964, "Kopienu attīstības eksperts"),
    Staff("mentor_m", "Mārtiņš", "Ozols", Gender.MALE, 1983, "Mentors"),
    Staff("mentor_f", "Baiba", "Vītola", Gender.FEMALE, 1986, "Mentore"),
    Staff("volunteer", "Ģirts", "Žagata", Gender.MALE, 1999, "Brīvprātīgo koordinators"),
    Staff("accountant", "Ļuba", "Ivanova", Gender.FEMALE, 1971, "Grāmatvede"),
)

FEMALE_NAMES = (
    "Anna", "Līga", "Ilze", "Inese", "Kristīne", "Laura", "Dace", "Sandra", "Inga", "Baiba", "Zane", "Elīna",
    "Agnese", "Ieva", "Marta", "Sanita", "Gunta", "Vija", "Ārija", "Ērika", "Ļuba", "Ņina", "Skaidrīte", "Dzintra",
    "Rūta", "Māra", "Aija", "Ināra", "Līvija", "Žanna", "Olga", "Tatjana", "Santa", "Evita", "Madara", "Katrīna",
)  # fmt: skip
MALE_NAMES = (
    "Jānis", "Andris", "Juris", "Pēteris", "Mārtiņš", "Kārlis", "Edgars", "Uldis", "Aivars", "Ēvalds", "Ģirts",
    "Ņikita", "Oļegs", "Raimonds", "Valdis", "Guntis", "Artūrs", "Dāvis", "Roberts", "Matīss", "Emīls",
    "Krišjānis", "Rihards", "Aleksandrs", "Sergejs", "Normunds", "Jurģis", "Ivars", "Aigars", "Gatis",
)  # fmt: skip
# (masculine, feminine): Latvian surnames change their ending with the bearer's gender.
SURNAMES = (
    ("Bērziņš", "Bērziņa"), ("Kalniņš", "Kalniņa"), ("Ozols", "Ozola"), ("Liepiņš", "Liepiņa"),
    ("Krūmiņš", "Krūmiņa"), ("Zariņš", "Zariņa"), ("Vītols", "Vītola"), ("Jansons", "Jansone"),
    ("Ābele", "Ābele"), ("Ķesteris", "Ķestere"), ("Šmits", "Šmite"), ("Žagata", "Žagata"),
    ("Ozoliņš", "Ozoliņa"), ("Eglītis", "Eglīte"), ("Pētersons", "Pētersone"), ("Kļaviņš", "Kļaviņa"),
    ("Lācis", "Lāce"), ("Avotiņš", "Avotiņa"), ("Siliņš", "Siliņa"), ("Balodis", "Balode"),
    ("Strazdiņš", "Strazdiņa"), ("Grīnbergs", "Grīnberga"), ("Kārkliņš", "Kārkliņa"), ("Ivanovs", "Ivanova"),
    ("Kuzņecovs", "Kuzņecova"), ("Rudzītis", "Rudzīte"), ("Sproģis", "Sproģe"), ("Ūdris", "Ūdre"),
    ("Dūmiņš", "Dūmiņa"), ("Gulbis", "Gulbe"), ("Muižnieks", "Muižniece"), ("Zvirbulis", "Zvirbule"),
    ("Āboliņš", "Āboliņa"), ("Ņikitins", "Ņikitina"), ("Ķēniņš", "Ķēniņa"), ("Ģērmanis", "Ģērmane"),
    ("Čakste", "Čakste"), ("Lapiņš", "Lapiņa"), ("Priedītis", "Priedīte"), ("Šteins", "Šteina"),
)  # fmt: skip
BIRTH_YEARS = {SENIORS: (1941, 1960), YOUTH: (2001, 2009)}
OTHER_BIRTH_YEARS = (1962, 1998)
EMAIL_DOMAINS = ("example.com", "example.org", "example.net", "example.com")  # reserved (RFC 2606): never real mail

# ---- money --------------------------------------------------------------------------------------------------------


class Line(NamedTuple):
    """A budget line and how it was spent. grant = quantity x unit cost - own - municipality."""

    code: str
    category: str  # a cost category key of the project's funder profile
    name: str
    unit: str
    quantity: int
    unit_cost: str
    supplier: str
    document: str  # expense document number; {year} {month} {n} are filled per document
    documents: int = 1
    spent: str = "1"  # share of the planned amount spent; above 1 = over budget
    own: str = "0"
    municipality: str = "0"


INVOICE = "Rēķ. Nr. {year}/{n:03d}"
PAYROLL = "Algu saraksts Nr. {year}/{month:02d}"
CONTRACT = "Pieņemšanas–nodošanas akts Nr. {n}/{year}"

ROAD_MAP_BUDGET = (
    Line("1.1", "personnel", "Projekta vadītājas atlīdzība", "mēn.", 10, "520.00", "Inese Kalniņa", PAYROLL, 10,
         own="520.00"),
    Line("1.2", "personnel", "Aptaujas un metodikas eksperta atlīdzība", "līgums", 1, "3600.00", "Ēvalds Krūmiņš",
         CONTRACT, 2),
    Line("1.3", "personnel", "Vadlīniju izstrādes eksperta atlīdzība", "līgums", 1, "2800.00", "Ēvalds Krūmiņš",
         CONTRACT, 2),
    Line("1.4", "personnel", "Tikšanos moderatora atlīdzība", "tikšanās", 7, "180.00", "Inese Kalniņa", PAYROLL, 3),
    Line("2.1", "travel", "Transporta izdevumi uz tikšanām", "brauciens", 7, "45.00", "SIA “Ceļā”", INVOICE, 2,
         spent="0.7"),
    Line("3.1", "services", "Kafijas pauzes tikšanās", "tikšanās", 6, "140.00", "SIA “Kafija un Ko”", INVOICE, 6),
    Line("3.2", "services", "Noslēguma pasākuma ēdināšana", "pers.", 50, "16.00", "SIA “Kafija un Ko”", INVOICE,
         spent="1.14"),
    Line("3.3", "services", "Zāles noma noslēguma pasākumam", "diena", 1, "400.00", KEKAVA_COUNCIL, INVOICE,
         municipality="400.00"),
    Line("3.4", "services", "Tiešsaistes aptaujas rīka abonements", "mēn.", 3, "30.00", "SIA “Aptaujas LV”",
         INVOICE, 3),
    Line("4.1", "materials", "Kancelejas preces un izdales materiāli", "kompl.", 1, "350.00",
         "SIA “Biroja pasaule”", INVOICE, 2, spent="0.94"),
    Line("5.1", "publicity", "Vadlīniju maketēšana un druka", "eks.", 200, "6.50", "SIA “Drukātava Ķekava”",
         INVOICE),
    Line("5.2", "publicity", "Publikācijas sociālajos tīklos un novada laikrakstā", "kompl.", 1, "450.00",
         "SIA “Novada Ziņas”", INVOICE, 3, spent="0.96"),
    Line("6.1", "administration", "Grāmatvedības pakalpojumi", "mēn.", 10, "110.00", "IK “Skaitļi un Ko”",
         INVOICE, 10, own="300.00"),
    Line("6.2", "administration", "Bankas komisijas un sakaru izdevumi", "mēn.", 10, "15.00", "SIA “Sakari LV”",
         INVOICE, 4, spent="0.82", own="150.00"),
)  # fmt: skip

MENTORING_BUDGET = (
    Line("1.1", "personnel", "Programmas koordinatores atlīdzība", "mēn.", 10, "300.00", "Inese Kalniņa", PAYROLL,
         9, spent="0.9"),
    Line("1.2", "personnel", "Mentoru atlīdzība", "konsultācija", 14, "120.00", "Mārtiņš Ozols, Baiba Vītola",
         CONTRACT, 2, spent="0.5"),
    Line("1.3", "personnel", "Ieteikumu un uzdevumu sarakstu sagatavošana", "kopiena", 14, "40.00",
         "Mārtiņš Ozols, Baiba Vītola", CONTRACT, 1, spent="0.5"),
    Line("2.1", "travel", "Mentoru ceļa izdevumi uz konsultācijām klātienē", "brauciens", 9, "35.00",
         "SIA “Ceļā”", INVOICE, 3, spent="0.78"),
    Line("3.1", "services", "Tiešsaistes sapulču platformas abonements", "mēn.", 10, "14.00", "SIA “Tīkls LV”",
         INVOICE, 9, spent="0.9"),
    Line("3.2", "services", "Kafijas pauzes konsultācijās", "konsultācija", 9, "25.00", "SIA “Kafija un Ko”",
         INVOICE, 4, spent="0.85"),
    Line("4.1", "materials", "Darba burtnīcas kopienām", "kompl.", 14, "12.50", "SIA “Drukātava Ķekava”",
         INVOICE),
    Line("5.1", "publicity", "Informācija par pieteikšanos un rezultātiem", "kompl.", 1, "250.00",
         "SIA “Novada Ziņas”", INVOICE, 2, spent="0.6"),
    Line("6.1", "administration", "Grāmatvedības pakalpojumi", "mēn.", 10, "80.00", "IK “Skaitļi un Ko”", INVOICE,
         9, spent="0.9", own="200.00"),
)  # fmt: skip

COMMUNITY_HOUSE_BUDGET = (
    Line("1.1", "construction", "Kopienu mājas virtuves telpas remonts", "kompl.", 1, "6200.00",
         "SIA “Daugmales būvnieks”", INVOICE, 2, own="620.00"),
    Line("2.1", "equipment", "Virtuves iekārtas (plīts, ledusskapis, trauku mazgājamā mašīna)", "kompl.", 1,
         "4850.00", "SIA “Virtuves tehnika”", INVOICE, 2, spent="0.62", own="485.00"),
    Line("2.2", "equipment", "Saliekamie galdi", "gab.", 10, "118.00", "SIA “Mēbeļu nams”", INVOICE, own="118.00"),
    Line("2.3", "equipment", "Krēsli", "gab.", 40, "42.00", "SIA “Mēbeļu nams”", INVOICE, own="168.00"),
    Line("2.4", "equipment", "Projektors un ekrāns", "kompl.", 1, "890.00", "SIA “Datorcentrs”", INVOICE,
         spent="0", own="89.00"),
    Line("3.1", "services", "Talkas, darbnīcas un semināra organizēšana", "pasākums", 3, "250.00",
         "IK “Ēdienu darbnīca”", INVOICE, 3, spent="0.96", municipality="250.00"),
    Line("3.2", "services", "Autobusa noma pieredzes braucienam", "diena", 1, "520.00", "SIA “Auto Ceļš”", INVOICE),
    Line("4.1", "materials", "Darbnīcu materiāli", "kompl.", 1, "380.00", "SIA “Zaļais dārzs”", INVOICE, 2,
         spent="0.88"),
    Line("5.1", "publicity", "Publicitātes plāksne un informatīvie materiāli", "kompl.", 1, "240.00",
         "SIA “Drukātava Ķekava”", INVOICE),
    Line("6.1", "general", "Būvniecības tāmes un dokumentācijas sagatavošana", "kompl.", 1, "900.00",
         "SIA “Projekts un Tāme”", INVOICE, own="90.00"),
)  # fmt: skip


# ---- result -------------------------------------------------------------------------------------------------------


@dataclass(frozen=True)
class DemoSummary:
    projects: int
    activities: int
    events: int
    people: int
    attendances: int
    indicators: int
    budget_lines: int
    expenses: int
    payments: int


@dataclass
class _Counts:
    projects: int = 0
    activities: int = 0
    events: int = 0
    people: int = 0
    attendances: int = 0
    indicators: int = 0
    budget_lines: int = 0
    expenses: int = 0
    payments: int = 0


@dataclass(frozen=True)
class _Member:
    id: int
    locality: str
    organisation: str
    target_group: str
    no_photos: bool


@dataclass
class _Demo:
    """What the project builders share: the session, the one random generator, the registry, the counts."""

    session: Session
    rng: random.Random
    counts: _Counts = field(default_factory=_Counts)
    members: list[_Member] = field(default_factory=list)
    staff: dict[str, int] = field(default_factory=dict)
    duplicates: list[int] = field(default_factory=list)
    # The session's identity map holds rows weakly: without these references every attendance.register would
    # load its event, person and organisation again (three queries a row, most of the demo's run time).
    loaded: list[object] = field(default_factory=list)

    def pool(self, *, locality: str = "", organisation: str = "", target_group: str = "") -> list[int]:
        return [
            m.id
            for m in self.members
            if (not locality or m.locality == locality)
            and (not organisation or m.organisation == organisation)
            and (not target_group or m.target_group == target_group)
        ]

    def pick(self, pool: Sequence[int], n: int, exclude: Sequence[int] = ()) -> list[int]:
        candidates = [i for i in dict.fromkeys(pool) if i not in exclude]
        return self.rng.sample(candidates, min(n, len(candidates)))


# ---- entry point --------------------------------------------------------------------------------------------------


def fill_demo(session: Session, seed: int = 2026, around: date | None = None) -> DemoSummary:
    """Fill an empty database (no projects) with the demo organisation, inside the caller's transaction. With
    `around`, every date is then moved by whole weeks so that the story stands on that day instead of DEMO_TODAY
    (a user trying the app today sees a running project, not one that ended a year ago)."""
    if projects.list_projects(session):
        raise AppError.of("demo.already_filled")
    demo = _Demo(session, random.Random(seed))
    _organisations(demo)
    _people(demo)
    _road_map_project(demo)
    _mentoring_project(demo)
    _community_house_project(demo)
    if around is not None:
        shift_dates(session, demo_shift(around))
        keep_in_one_year(session)
    return DemoSummary(**asdict(demo.counts))


def _organisations(demo: _Demo) -> None:
    # Made first with their kind and place: people and partners found later by name then reuse them.
    ours = organisations.find_or_create_organisation(
        demo.session,
        IMPLEMENTER,
        OrganisationKind.OWN,
        reg_number=IMPLEMENTER_REG_NUMBER,
        address=IMPLEMENTER_ADDRESS,
        municipality=KEKAVA,
    )
    ours.is_own = True  # the demo is seen from this organisation (Organizācijas dati)
    for group in GROUPS:
        if group.organisation:
            organisations.find_or_create_organisation(
                demo.session, group.organisation, group.kind, municipality=MUNICIPALITY_OF[group.locality]
            )
    organisations.find_or_create_organisation(
        demo.session, LOCAL_ACTION_GROUP, OrganisationKind.PARTNERSHIP, municipality=KEKAVA
    )


# ---- people -------------------------------------------------------------------------------------------------------


def _people(demo: _Demo) -> None:
    used_names: set[str] = set()
    used_emails: set[str] = set()
    for s in STAFF:
        email = f"{fold(s.given_name)}.{fold(s.surname)}@example.org"
        used_names.add(f"{s.given_name} {s.surname}")
        used_emails.add(email)
        person = people.create_person(
            demo.session,
            PersonInput(
                given_name=s.given_name,
                surname=s.surname,
                organisation_name=IMPLEMENTER,
                municipality=KEKAVA,
                email=email,
                phone=_phone(demo.rng),
                gender=s.gender,
                birth_year=s.birth_year,
                age_group=_age_group(s.birth_year),
                target_group=NGO_PEOPLE,
                consent_data=True,
                consent_photo=True,
                notes=s.notes,
            ),
        )
        demo.staff[s.key] = person.id
        demo.members.append(_Member(person.id, "Ķekava", IMPLEMENTER, NGO_PEOPLE, False))
    for group in GROUPS:
        for _ in range(group.size):
            _random_person(demo, group, used_names, used_emails)
    _near_duplicates(demo)
    ids = [m.id for m in demo.members]
    demo.loaded += demo.session.scalars(
        select(Person).where(Person.id.in_(ids)).options(selectinload(Person.organisation))
    ).all()


def _random_person(demo: _Demo, group: Group, used_names: set[str], used_emails: set[str]) -> None:
    rng = demo.rng
    # NGO work is mostly women's work in the real lists; youth lists are closer to even.
    female = rng.random() < (0.55 if group.target_group == YOUTH else 0.68)
    while True:
        given = rng.choice(FEMALE_NAMES if female else MALE_NAMES)
        surname = rng.choice(SURNAMES)[1 if female else 0]
        if f"{given} {surname}" not in used_names:
            break
    used_names.add(f"{given} {surname}")
    low, high = BIRTH_YEARS.get(group.target_group, OTHER_BIRTH_YEARS)
    birth_year = rng.randint(low, high)
    # Many sheets only ask for an age group; a seniors' list rarely has an e-mail on it.
    has_email = rng.random() < (0.45 if group.target_group == SENIORS else 0.9)
    photo = rng.random()
    person = people.create_person(
        demo.session,
        PersonInput(
            given_name=given,
            surname=surname,
            organisation_name=group.organisation,
            municipality=MUNICIPALITY_OF[group.locality],
            email=_email(rng, given, surname, used_emails) if has_email else "",
            phone=_phone(rng) if rng.random() < 0.85 else "",
            gender=Gender.FEMALE if female else Gender.MALE,
            birth_year=birth_year if rng.random() < 0.6 else None,
            age_group=_age_group(birth_year),
            target_group=group.target_group,
            consent_data=True if rng.random() < 0.96 else None,  # None: not asked yet
            consent_photo=True if photo < 0.8 else (False if photo < 0.9 else None),
        ),
    )
    demo.members.append(
        _Member(person.id, group.locality, group.organisation, group.target_group, person.consent_photo is False)
    )


def _near_duplicates(demo: _Demo) -> None:
    """Three people typed in once more from a paper sheet without diacritics: the registry's merge work."""
    communities = [c.name for c in ROAD_MAP_COMMUNITIES]
    candidates = [m for m in demo.members if m.organisation in communities]
    for member in demo.rng.sample(candidates, len(candidates)):
        original = people.get_person(demo.session, member.id)
        plain = _strip_diacritics(original.given_name), _strip_diacritics(original.surname)
        if plain == (original.given_name, original.surname):
            continue
        copy = people.create_person(
            demo.session,
            PersonInput(
                given_name=plain[0],
                surname=plain[1],
                organisation_name=original.organisation_name or "",
                municipality=original.municipality,
                phone=original.phone,
                gender=original.gender,
                age_group=original.age_group,
                target_group=original.target_group,
            ),
        )
        demo.members.append(_Member(copy.id, member.locality, member.organisation, member.target_group, False))
        demo.duplicates.append(copy.id)
        if len(demo.duplicates) == 3:
            break
    demo.counts.people = len(demo.members)


def _strip_diacritics(text: str) -> str:
    return "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch))


def _email(rng: random.Random, given: str, surname: str, used: set[str]) -> str:
    first, last = fold(given), fold(surname)
    local = rng.choice((f"{first}.{last}", f"{first[0]}{last}", f"{first}{last[:3]}"))
    domain = rng.choice(EMAIL_DOMAINS)
    email = f"{local}@{domain}"
    while email in used:
        email = f"{local}{rng.randint(1, 99)}@{domain}"
    used.add(email)
    return email


def _phone(rng: random.Random) -> str:
    return f"+371 2{rng.randint(0, 9_999_999):07d}"


def _age_group(birth_year: int) -> str:
    return band_of(birth_year, REFERENCE_YEAR)


# ---- events and attendance ----------------------------------------------------------------------------------------


def _at(day: str, hhmm: str) -> datetime:
    return datetime.fromisoformat(f"{day}T{hhmm}")


def _event(demo: _Demo, project_id: int, data: EventInput) -> int:
    demo.counts.events += 1
    event_id = activities.create_event(demo.session, project_id, data).id
    demo.loaded.append(demo.session.get(Event, event_id))
    return event_id


def _attend(
    demo: _Demo,
    event_id: int,
    leads: Sequence[tuple[int, AttendanceRole]],
    participants: Sequence[int],
    *,
    role: AttendanceRole = AttendanceRole.PARTICIPANT,
    ticked: bool = True,
) -> list[int]:
    """Puts leads and participants on the list; returns who attended. Unticked = the sheet is not entered yet."""
    came: list[int] = []
    rows = [(pid, r, AttendanceStatus.ATTENDED) for pid, r in leads]
    leading = [pid for pid, _ in leads]
    # Pools overlap (a council worker lives in Ķekava too); a person is on a list once.
    for pid in [p for p in dict.fromkeys(participants) if p not in leading]:
        status = AttendanceStatus.REGISTERED
        if ticked:
            status = AttendanceStatus.ATTENDED if demo.rng.random() < 0.88 else AttendanceStatus.ABSENT
        rows.append((pid, role, status))
    for pid, r, status in rows:
        attendance.register(demo.session, event_id, pid, status, r)  # carries the person's photo refusal
        if status is AttendanceStatus.ATTENDED:
            came.append(pid)
    demo.counts.attendances += len(rows)
    return came


# ---- projects: shared steps ---------------------------------------------------------------------------------------


def _project(demo: _Demo, data: ProjectInput, budget: Sequence[Line]) -> int:
    total, grant, _own, _municipality = _totals(budget)
    # The project's totals are the budget's, so the financial report adds up.
    project = projects.create_project(demo.session, replace(data, total_cost=total, grant_amount=grant))
    demo.counts.projects += 1
    return project.id


def _planned(line: Line) -> Decimal:
    return (line.quantity * Decimal(line.unit_cost)).quantize(CENT)


def _totals(budget: Sequence[Line]) -> tuple[Decimal, Decimal, Decimal, Decimal]:
    total = sum((_planned(b) for b in budget), Decimal("0.00"))
    own = sum((Decimal(b.own) for b in budget), Decimal("0.00"))
    municipality = sum((Decimal(b.municipality) for b in budget), Decimal("0.00"))
    return total, total - own - municipality, own, municipality


def _activities(demo: _Demo, project_id: int, items: Sequence[ActivityInput]) -> dict[str, int]:
    ids = {}
    for item in items:
        ids[item.code] = activities.create_activity(demo.session, project_id, item).id
    demo.counts.activities += len(items)
    return ids


def _indicators(demo: _Demo, project_id: int, items: Sequence[IndicatorInput]) -> None:
    for item in items:
        indicators.create_indicator(demo.session, project_id, item)
    demo.counts.indicators += len(items)


def _cofinancing(demo: _Demo, project_id: int, budget: Sequence[Line], own_note: str, council_note: str) -> None:
    _total, _grant, own, municipality = _totals(budget)
    if own:
        projects.add_cofinancing(demo.session, project_id, FundingSource.OWN, own, IMPLEMENTER, own_note)
    if municipality:
        projects.add_cofinancing(
            demo.session, project_id, FundingSource.MUNICIPALITY, municipality, KEKAVA_COUNCIL, council_note
        )


def _deadlines(demo: _Demo, project_id: int, profile_key: str, start: date, end: date, note: str) -> list[int]:
    """The funder's own deadline rules, from its profile, counted from the project's end date."""
    ids = []
    for rule in profiles.load_profile(profile_key).deadlines:
        due = rule.due(end)
        ids.append(projects.add_deadline(demo.session, project_id, DeadlineKind(rule.kind), due, start, end, note).id)
    return ids


def _mark_submitted(demo: _Demo, deadline_id: int, on: date) -> None:
    # A closed project's report must not look overdue.
    projects.mark_deadline_submitted(demo.session, deadline_id, on)


def _budget(
    demo: _Demo, project_id: int, budget: Sequence[Line], start: date, until: date
) -> tuple[dict[str, int], list[ExpenseDTO]]:
    """Creates the budget lines and spends on each as the table says, between start and until."""
    line_ids: dict[str, int] = {}
    spent: list[ExpenseDTO] = []
    for line in budget:
        own, municipality = Decimal(line.own), Decimal(line.municipality)
        amounts = {FundingSource.GRANT: _planned(line) - own - municipality}
        if own:
            amounts[FundingSource.OWN] = own
        if municipality:
            amounts[FundingSource.MUNICIPALITY] = municipality
        created = finance.create_budget_line(
            demo.session,
            project_id,
            BudgetLineInput(
                category_key=line.category,
                code=line.code,
                name=line.name,
                amounts=amounts,
                unit=line.unit,
                quantity=Decimal(line.quantity),
                unit_cost=Decimal(line.unit_cost),
            ),
        )
        line_ids[line.code] = created.id
        source = max(amounts, key=lambda s: amounts[s])
        spent += _spend(demo, project_id, created.id, line, source, start, until)
    demo.counts.budget_lines += len(budget)
    return line_ids, spent


def _spend(
    demo: _Demo, project_id: int, line_id: int, line: Line, source: FundingSource, start: date, until: date
) -> list[ExpenseDTO]:
    total = (_planned(line) * Decimal(line.spent)).quantize(CENT)
    if not total:
        return []
    rng, n = demo.rng, line.documents
    if line.unit == "mēn.":  # monthly bills are equal
        share = (total / n).quantize(CENT, ROUND_DOWN)
        parts = [share] * (n - 1)
    else:
        weights = [rng.uniform(0.7, 1.3) for _ in range(n)]
        parts = [(total * Decimal(w / sum(weights))).quantize(CENT) for w in weights[:-1]]
    parts.append(total - sum(parts, Decimal("0.00")))
    first = start + timedelta(days=20)
    span = (until - first).days
    out = []
    for i, amount in enumerate(parts):
        day = first + timedelta(days=span * (i + 1) // (n + 1) + rng.randint(-4, 4))
        day = min(max(day, first), until)
        number = line.document.format(year=day.year, month=day.month, n=rng.randint(1, 240))
        out.append(
            _expense(
                demo,
                project_id,
                ExpenseInput(
                    date=day,
                    amount=amount,
                    budget_line_id=line_id,
                    document_number=number,
                    supplier=line.supplier,
                    description=line.name,
                    paid_on=day + timedelta(days=rng.randint(0, 12)),
                    source=source,
                ),
            )
        )
    return out


def _expense(demo: _Demo, project_id: int, data: ExpenseInput) -> ExpenseDTO:
    demo.counts.expenses += 1
    return finance.add_expense(demo.session, project_id, data)


def _payment(demo: _Demo, project_id: int, data: PaymentInput) -> None:
    finance.add_payment(demo.session, project_id, data)
    demo.counts.payments += 1


def _grant_spent(expenses: Sequence[ExpenseDTO], until: date) -> Decimal:
    return sum(
        (e.amount for e in expenses if e.eligible and e.source is FundingSource.GRANT and e.date <= until),
        Decimal("0.00"),
    )


def _texts(demo: _Demo, project_id: int, texts: dict[str, str]) -> None:
    for key, text in texts.items():
        projects.set_text(demo.session, project_id, key, text)


# ---- project 1: a road map for resident communities (SIF macro project, closed) -----------------------------------

ROAD_MAP_MEETINGS = ("2023-09-07", "2023-09-14", "2023-09-21", "2023-09-28", "2023-10-05", "2023-10-12")


def _road_map_project(demo: _Demo) -> None:
    sif = profiles.load_profile("sif_nvo_fonds")
    start, end = date(2023, 3, 1), date(2023, 12, 15)
    pid = _project(
        demo,
        ProjectInput(
            number="2023.LV/NVOF/MAC/041/58",
            title="Ceļa karte iedzīvotāju kopienām: sadarbība ar pašvaldību Ķekavas novadā",
            funder_name=sif.funder_name,
            funder_profile=sif.key,
            programme_name="NVO fonds",
            programme_strand="Atbalsts NVO pilsoniskās sabiedrības aktivitātēm",
            call_year=2023,
            start_date=start,
            end_date=end,
            implementer_name=IMPLEMENTER,
            status=ProjectStatus.CLOSED,
            aim=(
                "Stiprināt Ķekavas novada iedzīvotāju kopienas un to sadarbību ar pašvaldību: kopienu aptauja, "
                "ceļa kartes metodika un vadlīnijas, pārbaudītas tikšanās sešās novada vietās."
            ),
            target_groups=(ACTIVISTS, NGO_PEOPLE, COUNCIL_STAFF),
        ),
        ROAD_MAP_BUDGET,
    )
    projects.add_partner(
        demo.session,
        pid,
        KEKAVA_COUNCIL,
        OrganisationKind.MUNICIPALITY,
        PartnerRole.PARTNER,
        "Pārstāvji darba grupā; zāle noslēguma tikšanās vajadzībām.",
    )
    projects.add_partner(
        demo.session,
        pid,
        ROAD_MAP_COMMUNITIES[0].name,
        OrganisationKind.COMMUNITY,
        PartnerRole.PARTNER,
        "Aptaujas izmēģinājums un pirmā tikšanās Baldonē.",
    )
    _cofinancing(
        demo,
        pid,
        ROAD_MAP_BUDGET,
        "Biedrības līdzfinansējums no biedru naudām.",
        "Zāles noma noslēguma tikšanās vajadzībām (nefinanšu ieguldījums).",
    )
    done = ActivityStatus.DONE
    acts = _activities(
        demo,
        pid,
        (
            ActivityInput("1", "Kopienu aptauja visā Latvijā", "Tiešsaistes aptauja kopienām un to līderiem.",
                          date(2023, 4, 1), date(2023, 5, 31), done, "212 atbildes no 64 kopienām."),
            ActivityInput("2", "Kopienu ceļa kartes metodika", "Metodika kopienas attīstības soļu plānošanai.",
                          date(2023, 6, 1), date(2023, 7, 31), done, "Metodika (32 lpp.)."),
            ActivityInput("3", "Vadlīnijas sadarbībai ar pašvaldību", "Kopā ar pašvaldības darba grupu.",
                          date(2023, 8, 1), date(2023, 10, 31), done, "Vadlīnijas, izdotas 200 eksemplāros."),
            ActivityInput("4", "Tikšanās ar kopienām sešās vietās",
                          "Baldone, Ķekava, Daugmale, Katlakalns, Dzērumi, Krustkalni.",
                          date(2023, 9, 1), date(2023, 10, 31), done, "6 tikšanās, ap 70 dalībnieku."),
            ActivityInput("5", "Noslēguma tikšanās", "Ceļa kartes un vadlīniju prezentācija.",
                          date(2023, 11, 1), date(2023, 11, 30), done),
            ActivityInput("6", "Projekta vadība un publicitāte", "", start, end, done),
        ),
    )  # fmt: skip
    manager, expert = demo.staff["manager"], demo.staff["expert"]
    council = demo.pool(organisation=KEKAVA_COUNCIL)
    came: list[int] = []
    for community, day in zip(ROAD_MAP_COMMUNITIES, ROAD_MAP_MEETINGS, strict=True):
        eid = _event(
            demo,
            pid,
            EventInput(
                title=f"Kopienas tikšanās: {community.locality}",
                starts_at=_at(day, "17:30"),
                ends_at=_at(day, "19:30"),
                activity_id=acts["4"],
                type=EventType.MEETING,
                place=community.venue,
                address=community.address,
                municipality=KEKAVA,
                planned_participants=12,
                description="Ceļa kartes metodikas pārbaude: kopienas stiprās puses, vajadzības, nākamie soļi.",
            ),
        )
        local = demo.pool(locality=community.locality)
        guests = [*demo.pick(local, 13, exclude=[manager, expert]), *demo.pick(council, demo.rng.randint(1, 2))]
        came += _attend(demo, eid, [(manager, AttendanceRole.MODERATOR), (expert, AttendanceRole.SPEAKER)], guests)
    closing = _event(
        demo,
        pid,
        EventInput(
            title="Noslēguma tikšanās un kopienu simpozijs “Ceļa karte kopienām”",
            starts_at=_at("2023-11-23", "10:00"),
            ends_at=_at("2023-11-23", "16:00"),
            activity_id=acts["5"],
            type=EventType.SYMPOSIUM,
            place="Ķekavas novada pašvaldības zāle",
            address="Gaismas iela 19 k-9, Ķekava, LV-2123",
            municipality=KEKAVA,
            planned_participants=45,
            description="Ceļa kartes un vadlīniju prezentācija, diskusija ar pašvaldību, kopienu pieredzes stāsti.",
        ),
    )
    council_speaker = council[0]
    guests = [
        *demo.pick(came, 22, exclude=[manager, expert, council_speaker]),
        *demo.pick(council, 4, exclude=[*came, council_speaker]),
        *demo.pick(demo.pool(target_group=NGO_PEOPLE), 8, exclude=[*came, manager, expert, *demo.staff.values()]),
        *demo.pick(demo.pool(target_group=COUNCIL_STAFF), 2, exclude=council),
    ]
    leads = [
        (manager, AttendanceRole.MODERATOR),
        (expert, AttendanceRole.SPEAKER),
        (council_speaker, AttendanceRole.SPEAKER),
    ]
    _attend(demo, closing, leads, guests)
    _indicators(
        demo,
        pid,
        (
            IndicatorInput("1", "Tikšanās ar kopienām", Decimal(6), "tikšanās", IndicatorMethod.EVENTS,
                           EventType.MEETING.value, activity_id=acts["4"]),
            IndicatorInput("2", "Tikšanos dalībnieki", Decimal(70), "personas", IndicatorMethod.UNIQUE_PEOPLE,
                           activity_id=acts["4"]),
            IndicatorInput("3", "Dalības reizes visos pasākumos", Decimal(110), "reizes",
                           IndicatorMethod.ATTENDANCES),
            IndicatorInput("4", "Iesaistītās organizācijas un kopienas", Decimal(12), "organizācijas",
                           IndicatorMethod.ORGANISATIONS),
            IndicatorInput("5", "Iesaistītie kopienu aktīvisti", Decimal(30), "personas",
                           IndicatorMethod.TARGET_GROUP, ACTIVISTS),
            IndicatorInput("6", "Aptaujas respondenti", Decimal(150), "respondenti", achieved_manual=Decimal(212),
                           activity_id=acts["1"],
                           comment="Tiešsaistes aptauja 01.04.–31.05.2023; 212 derīgas atbildes no 64 kopienām."),
            IndicatorInput("7", "Vadlīnijas sadarbībai ar pašvaldību", Decimal(1), "dokuments",
                           achieved_manual=Decimal(1), activity_id=acts["3"],
                           comment="Publicētas biedrības tīmekļvietnē, izdotas 200 eksemplāros."),
        ),
    )  # fmt: skip
    lines, spent = _budget(demo, pid, ROAD_MAP_BUDGET, start, date(2023, 12, 12))
    for extra in (
        ExpenseInput(date(2023, 11, 23), Decimal("38.50"), lines["3.2"], "Čeks Nr. 004512",
                     "SIA “Ziedu salons Rozīte”", "Ziedi noslēguma pasākuma runātājiem", eligible=False,
                     paid_on=date(2023, 11, 23), source=FundingSource.OWN),
        ExpenseInput(date(2023, 12, 5), Decimal("12.00"), lines["6.2"], "Rēķ. Nr. 2023/231", "SIA “Sakari LV”",
                     "Soda nauda par novēlotu rēķina apmaksu", eligible=False, paid_on=date(2023, 12, 7),
                     source=FundingSource.OWN),
    ):  # fmt: skip
        spent.append(_expense(demo, pid, extra))
    _total, grant, _own, _municipality = _totals(ROAD_MAP_BUDGET)
    advance = (grant * Decimal("0.8")).quantize(CENT)
    _payment(demo, pid, PaymentInput(PaymentKind.ADVANCE, date(2023, 3, 24), advance, "Avanss 80 % apmērā."))
    final = min(grant, _grant_spent(spent, end)) - advance
    _payment(
        demo, pid, PaymentInput(PaymentKind.FINAL, date(2024, 2, 20), final, "Pēc noslēguma pārskata apstiprināšanas.")
    )
    for deadline_id in _deadlines(demo, pid, sif.key, start, end, "Noslēguma pārskats: saturiskā un finanšu daļa."):
        _mark_submitted(demo, deadline_id, date(2024, 1, 10))
    _texts(
        demo,
        pid,
        {
            "aim_reached": (
                "Mērķis sasniegts. Aptaujā atbildēja 212 respondenti no 64 kopienām; izstrādāta ceļa kartes "
                "metodika un vadlīnijas sadarbībai ar pašvaldību. Tikšanās Baldonē, Ķekavā, Daugmalē, Katlakalnā, "
                "Dzērumos un Krustkalnos piedalījās ap 70 iedzīvotāju; vadlīnijas pieņēma pašvaldības un kopienu "
                "darba grupa."
            ),
            "publicity": (
                "Biedrības tīmekļvietnē un sociālajos tīklos 12 ieraksti (#NVOFonds2023), divas publikācijas "
                f"novada laikrakstā. Visos materiālos: “{profiles.pick(sif.publicity)}”"
            ),
            "changes": (
                "Tikšanās Krustkalnos pārcelta uz 12.10.2023 skolas remonta dēļ. Noslēguma tikšanās ēdināšana "
                "izmaksāja vairāk, nekā plānots (vairāk dalībnieku); starpību sedza ietaupījums transporta izmaksās."
            ),
        },
    )


# ---- project 2: mentoring for communities (SIF micro project, running) --------------------------------------------

MENTORING_SESSIONS = (  # day, start; one hour each
    ("2025-03-06", "18:00"), ("2025-03-13", "19:00"), ("2025-03-20", "18:00"), ("2025-03-27", "18:30"),
    ("2025-04-03", "17:30"), ("2025-04-10", "18:00"), ("2025-04-17", "18:00"),
    ("2025-09-11", "18:00"), ("2025-09-18", "17:00"), ("2025-09-25", "19:00"), ("2025-10-02", "18:00"),
    ("2025-10-09", "18:00"), ("2025-10-16", "18:30"), ("2025-10-23", "17:30"),
)  # fmt: skip


def _mentoring_project(demo: _Demo) -> None:
    sif = profiles.load_profile("sif_nvo_fonds")
    start, end = date(2025, 2, 3), date(2025, 11, 28)
    pid = _project(
        demo,
        ProjectInput(
            number="2025.LV/NVOF/MIC/041",
            title="Mentoringa programma iedzīvotāju kopienām",
            funder_name=sif.funder_name,
            funder_profile=sif.key,
            programme_name="NVO fonds",
            programme_strand="NVO darbības stiprināšana",
            call_year=2025,
            start_date=start,
            end_date=end,
            implementer_name=IMPLEMENTER,
            status=ProjectStatus.RUNNING,
            aim=(
                "Palīdzēt jaunām iedzīvotāju kopienām sākt darbu: 14 kopienām (7 pavasarī, 7 rudenī) viena "
                "stundu gara mentoringa konsultācija klātienē vai tiešsaistē, ar ieteikumiem un uzdevumu sarakstu."
            ),
            target_groups=(ACTIVISTS, NGO_PEOPLE),
        ),
        MENTORING_BUDGET,
    )
    projects.add_partner(
        demo.session,
        pid,
        "Biedrība “Ropažu novada NVO centrs”",
        OrganisationKind.RESOURCE_CENTRE,
        PartnerRole.SUPPORTER,
        "Informē kopienas par pieteikšanos, nodrošina telpas Ulbrokā.",
    )
    _cofinancing(demo, pid, MENTORING_BUDGET, "Biedrības līdzfinansējums grāmatvedības izmaksām.", "")
    acts = _activities(
        demo,
        pid,
        (
            ActivityInput("1", "Pieteikšanās un kopienu atlase", "Pieteikuma anketa līdz 21.02.2025; priekšroka "
                          "jaunām kopienām.", date(2025, 2, 3), date(2025, 2, 28), ActivityStatus.DONE,
                          "14 pieteikumi: 13 jaunas kopienas un Dzērumu kopiena."),
            ActivityInput("2", "Mentoringa konsultācijas — 1. kārta", "7 kopienas.", date(2025, 3, 1),
                          date(2025, 4, 30), ActivityStatus.DONE, "7 konsultācijas, ieteikumi nosūtīti."),
            ActivityInput("3", "Mentoringa konsultācijas — 2. kārta", "7 kopienas.", date(2025, 9, 1),
                          date(2025, 10, 31), ActivityStatus.IN_PROGRESS),
            ActivityInput("4", "Ieteikumu un uzdevumu sarakstu sagatavošana", "", date(2025, 3, 1),
                          date(2025, 11, 15), ActivityStatus.IN_PROGRESS),
            ActivityInput("5", "Projekta vadība", "", start, end, ActivityStatus.IN_PROGRESS),
        ),
    )  # fmt: skip
    mentors = (demo.staff["mentor_m"], demo.staff["mentor_f"])
    for i, (community, (day, hour)) in enumerate(zip(MENTORED_COMMUNITIES, MENTORING_SESSIONS, strict=True)):
        online = not community.venue
        begins = _at(day, hour)
        eid = _event(
            demo,
            pid,
            EventInput(
                title=f"Mentoringa konsultācija: {community.name}",
                starts_at=begins,
                ends_at=begins + timedelta(hours=1),
                activity_id=acts["2" if i < 7 else "3"],
                type=EventType.CONSULTATION,
                place="Tiešsaistē (Zoom)" if online else community.venue,
                address=community.address,
                municipality=MUNICIPALITY_OF[community.locality],
                online=online,
                online_link=f"https://meet.example.org/j/84{i:02d}5501" if online else "",
                planned_participants=4,
                description="Kopienas situācija, mērķi, pirmie soļi; beigās ieteikumi un uzdevumu saraksts.",
            ),
        )
        members = demo.pick(demo.pool(organisation=community.name), demo.rng.randint(3, 5))
        # The last session's sheet has not been entered yet: everyone is still only registered.
        last = i == len(MENTORED_COMMUNITIES) - 1
        _attend(demo, eid, [(mentors[i % 2], AttendanceRole.MENTOR)], members, ticked=not last)
    _indicators(
        demo,
        pid,
        (
            IndicatorInput("1", "Mentoringa konsultācijas", Decimal(14), "konsultācijas", IndicatorMethod.EVENTS,
                           EventType.CONSULTATION.value),
            IndicatorInput("2", "Kopienas, kas saņēmušas konsultāciju", Decimal(14), "kopienas",
                           IndicatorMethod.ORGANISATIONS, OrganisationKind.COMMUNITY.value),
            IndicatorInput("3", "Konsultāciju dalībnieki", Decimal(50), "personas", IndicatorMethod.UNIQUE_PEOPLE),
            IndicatorInput("4", "Ieteikumu un uzdevumu saraksti kopienām", Decimal(14), "saraksti",
                           achieved_manual=Decimal(10), activity_id=acts["4"],
                           comment="Otrās kārtas sarakstus mentori pabeigs līdz 15.11.2025."),
        ),
    )  # fmt: skip
    _budget(demo, pid, MENTORING_BUDGET, start, date(2025, 10, 31))
    _total, grant, _own, _municipality = _totals(MENTORING_BUDGET)
    advance = (grant * Decimal("0.9")).quantize(CENT)
    _payment(demo, pid, PaymentInput(PaymentKind.ADVANCE, date(2025, 2, 21), advance, "Avanss 90 % apmērā."))
    _deadlines(demo, pid, sif.key, start, end, "Noslēguma pārskats: saturiskā un finanšu daļa.")
    _texts(
        demo,
        pid,
        {
            "publicity": (
                "Pieteikšanās izsludināta biedrības tīmekļvietnē un četru pašvaldību informatīvajos izdevumos. "
                f"Materiālos: “{profiles.pick(sif.publicity)}”"
            ),
            "changes": (
                "Piecas konsultācijas pēc kopienu lūguma notika tiešsaistē. Jaunu kopienu pieteikumu bija 13, "
                "tāpēc otrajā kārtā piedalās arī Dzērumu kopiena, kas jau darbojās projektā “Ceļa karte”."
            ),
        },
    )


# ---- project 3: a community house (LEADER, running) ---------------------------------------------------------------


def _community_house_project(demo: _Demo) -> None:
    lad = profiles.load_profile("lad_leader")
    start, end = date(2024, 6, 3), date(2025, 10, 31)
    daugmale = ROAD_MAP_COMMUNITIES[2]
    pid = _project(
        demo,
        ProjectInput(
            number="23-00-U31523.0-000003",
            title="Daugmales kopienu mājas aprīkošana un kopienas pasākumi",
            funder_name=lad.funder_name,
            funder_profile=lad.key,
            programme_name="LEADER",
            programme_strand="Kopienu iniciatīvas un vietējās sabiedrības telpas",
            call_year=2023,
            start_date=start,
            end_date=end,
            implementer_name=IMPLEMENTER,
            status=ProjectStatus.RUNNING,
            aim=(
                "Izveidot Daugmales kopienu mājā visām paaudzēm pieejamu tikšanās vietu: atjaunot virtuvi, "
                "iegādāties mēbeles un aprīkojumu, rīkot talku, darbnīcas, semināru un pieredzes braucienu."
            ),
            target_groups=(SENIORS, YOUTH, ACTIVISTS),
        ),
        COMMUNITY_HOUSE_BUDGET,
    )
    for name, kind, role, note in (
        (daugmale.name, OrganisationKind.COMMUNITY, PartnerRole.PARTNER, "Kopienu mājas ikdienas saimnieki."),
        (KEKAVA_COUNCIL, OrganisationKind.MUNICIPALITY, PartnerRole.COFINANCIER, "Līdzfinansē pasākumus."),
        (LOCAL_ACTION_GROUP, OrganisationKind.PARTNERSHIP, PartnerRole.SUPPORTER, "Vietējā rīcības grupa."),
    ):
        projects.add_partner(demo.session, pid, name, kind, role, note)
    _cofinancing(
        demo,
        pid,
        COMMUNITY_HOUSE_BUDGET,
        "Biedrības līdzfinansējums (10 % no iekārtām un remonta).",
        "Pašvaldības atbalsts kopienas pasākumiem.",
    )
    acts = _activities(
        demo,
        pid,
        (
            ActivityInput("1", "Virtuves telpas remonts", "", date(2024, 6, 3), date(2024, 9, 30),
                          ActivityStatus.DONE, "Virtuve atjaunota, nodota ekspluatācijā 27.09.2024."),
            ActivityInput("2", "Mēbeļu un aprīkojuma iegāde", "", date(2024, 10, 1), date(2025, 8, 31),
                          ActivityStatus.IN_PROGRESS),
            ActivityInput("3", "Kopienas pasākumi", "Talka, darbnīca, seminārs, pieredzes brauciens.",
                          date(2024, 9, 1), date(2025, 6, 30), ActivityStatus.DONE),
            ActivityInput("4", "Publicitāte", "", start, end, ActivityStatus.IN_PROGRESS),
        ),
    )  # fmt: skip
    neighbours = [
        *demo.pool(locality="Daugmale"),
        *demo.pool(locality="Katlakalns"),
        *demo.pool(organisation="Biedrība “Jauniešu iniciatīvu centrs”"),
    ]
    # The paper-sheet duplicates are neighbours too: they show up on lists as separate people.
    neighbours += demo.duplicates
    staff = list(demo.staff.values())
    crafts = demo.pool(organisation="Biedrība “Daugmales attīstībai”")
    volunteer, manager, expert = demo.staff["volunteer"], demo.staff["manager"], demo.staff["expert"]

    def event(title: str, day: str, hours: tuple[str, str], kind: EventType, planned: int, text: str) -> int:
        return _event(
            demo,
            pid,
            EventInput(
                title=title,
                starts_at=_at(day, hours[0]),
                ends_at=_at(day, hours[1]),
                activity_id=acts["3"],
                type=kind,
                place=daugmale.venue,
                address=daugmale.address,
                municipality=KEKAVA,
                planned_participants=planned,
                description=text,
            ),
        )

    talka = event("Talka kopienu mājas teritorijā", "2024-09-21", ("10:00", "14:00"), EventType.VOLUNTEER_WORK,
                  30, "Teritorijas sakopšana, puķu dobes, zupa pēc darba.")  # fmt: skip
    _attend(demo, talka, [(volunteer, AttendanceRole.ORGANISER)], demo.pick(neighbours, 30, exclude=staff),
            role=AttendanceRole.VOLUNTEER)  # fmt: skip
    workshop = event("Radošā darbnīca “Rotājumi no dabas materiāliem”", "2024-11-16", ("11:00", "14:00"),
                     EventType.WORKSHOP, 16, "Senioru un jauniešu kopīga darbnīca.")  # fmt: skip
    leader = crafts[0]
    group_of = {m.id: m.target_group for m in demo.members}
    old_and_young = [i for i in neighbours if group_of[i] in (SENIORS, YOUTH)]
    _attend(demo, workshop, [(leader, AttendanceRole.SPEAKER)], demo.pick(old_and_young, 17, exclude=[leader]))
    seminar = event("Seminārs “Kopienu mājas apsaimniekošana un brīvprātīgo darbs”", "2025-03-15",
                    ("10:00", "15:00"), EventType.SEMINAR, 25, "Kā kopiena uztur un izmanto savu māju.")  # fmt: skip
    activists = demo.pool(target_group=ACTIVISTS)
    guests = [*demo.pick(neighbours, 12, exclude=staff), *demo.pick(activists, 12, exclude=neighbours)]
    _attend(demo, seminar, [(expert, AttendanceRole.SPEAKER), (manager, AttendanceRole.MODERATOR)], guests)
    trip = _event(
        demo,
        pid,
        EventInput(
            title="Pieredzes brauciens uz Bauskas novada kopienu mājām",
            starts_at=_at("2025-05-24", "08:00"),
            ends_at=_at("2025-05-24", "19:00"),
            activity_id=acts["3"],
            type=EventType.STUDY_TRIP,
            place="Iecavas un Codes kopienu mājas",
            address="Izbraukšana no Daugmales kopienu mājas, Skolas iela 5, Daugmale",
            municipality=BAUSKA,
            planned_participants=35,
            description="Divas kopienu mājas, saruna ar Bauskas novada pašvaldību par kopienu atbalstu.",
        ),
    )
    hosts = demo.pick(demo.pool(organisation="Iecavas kopiena “Iecavnieki”"), 1)
    _attend(
        demo,
        trip,
        [(manager, AttendanceRole.ORGANISER), *((h, AttendanceRole.SPEAKER) for h in hosts)],
        demo.pick(neighbours, 34, exclude=staff),
    )
    _indicators(
        demo,
        pid,
        (
            IndicatorInput("1", "Kopienas pasākumi kopienu mājā un ārpus tās", Decimal(4), "pasākumi",
                           IndicatorMethod.EVENTS),
            IndicatorInput("2", "Pasākumu dalībnieki", Decimal(60), "personas", IndicatorMethod.UNIQUE_PEOPLE),
            IndicatorInput("3", "Iesaistītie seniori", Decimal(15), "personas", IndicatorMethod.TARGET_GROUP, SENIORS),
            IndicatorInput("4", "Iesaistītie jaunieši", Decimal(15), "personas", IndicatorMethod.TARGET_GROUP, YOUTH),
            IndicatorInput("5", "Iegādātās aprīkojuma vienības", Decimal(52), "vienības",
                           achieved_manual=Decimal(51), activity_id=acts["2"],
                           comment="Projektors un ekrāns vēl nav piegādāti (piegāde septembrī)."),
        ),
    )  # fmt: skip
    lines, spent = _budget(demo, pid, COMMUNITY_HOUSE_BUDGET, start, date(2025, 6, 30))
    spent.append(
        _expense(
            demo,
            pid,
            ExpenseInput(date(2025, 5, 24), Decimal("46.80"), lines["3.2"], "Čeks Nr. 118734", "SIA “Degviela Plus”",
                         "Degviela privātajai automašīnai bez ceļazīmes", eligible=False,
                         paid_on=date(2025, 5, 24), source=FundingSource.OWN),
        )
    )  # fmt: skip
    first_claim = date(2024, 11, 30)
    claim = projects.add_deadline(
        demo.session,
        pid,
        DeadlineKind.PAYMENT_CLAIM,
        date(2024, 12, 31),
        start,
        first_claim,
        "Starpposma maksājuma pieprasījums.",
    )
    _mark_submitted(demo, claim.id, date(2024, 12, 18))
    # LEADER pays back what was spent: the first claim covers the grant share spent until its period's end.
    claimed = _grant_spent(spent, first_claim)
    _payment(demo, pid, PaymentInput(PaymentKind.INTERIM, date(2025, 2, 14), claimed, "Pēc 1. maksājuma pieprasījuma."))
    _deadlines(demo, pid, lad.key, start, end, "Noslēguma maksājuma pieprasījums.")
    _texts(
        demo,
        pid,
        {
            "publicity": (
                "Pie kopienu mājas ieejas publicitātes plāksne ar ES, LEADER un LAD logotipiem; informācija "
                f"pagasta izdevumā un biedrības tīmekļvietnē: “{profiles.pick(lad.publicity)}”"
            ),
            "changes": (
                "Virtuves iekārtas iegādātas divās daļās, jo piegādātājs nevarēja laikā piegādāt trauku "
                "mazgājamo mašīnu. Projektora iegāde pārcelta uz rudeni."
            ),
        },
    )
