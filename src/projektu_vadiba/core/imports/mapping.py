"""Which column holds what: the fields an import can fill, their Latvian labels, the header names they are
recognised by (Latvian and English, folded: case and diacritics do not matter), and parsers for coded values."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from projektu_vadiba.core.models import AttendanceRole, AttendanceStatus, Gender
from projektu_vadiba.core.person_keys import search_words


@dataclass(frozen=True)
class ImportField:
    key: str
    label: str  # Latvian, for the mapping dialog and messages
    aliases: tuple[str, ...]  # folded header texts (words joined by one space)


FIELDS: tuple[ImportField, ...] = (
    ImportField("full_name", "Vārds Uzvārds", ("vards uzvards", "vards un uzvards", "name", "full name", "dalibnieks",
                                                "dalibnieka vards uzvards", "persona", "participant")),
    ImportField("given_name", "Vārds", ("vards", "given name", "first name", "firstname", "name first", "vardi")),
    ImportField("surname", "Uzvārds", ("uzvards", "surname", "last name", "lastname", "family name")),
    ImportField("email", "E-pasts", ("e pasts", "epasts", "e pasta adrese", "email", "e mail", "mail",
                                     "e pasts vai talrunis")),
    ImportField("phone", "Tālrunis", ("talrunis", "talr", "talr nr", "telefons", "telefona nr", "talruna numurs",
                                      "mob talrunis", "mobilais", "phone", "telephone", "tel", "mobile")),
    ImportField("organisation_name", "Organizācija", ("organizacija", "iestade", "organisation", "organization",
                                                      "darba vieta", "parstavota organizacija",
                                                      "nvo", "kopiena")),
    ImportField("municipality", "Pašvaldība", ("pasvaldiba", "novads", "pilseta", "pagasts", "dzivesvieta",
                                               "municipality", "city", "town", "novads pilseta", "teritorija")),
    ImportField("gender", "Dzimums", ("dzimums", "gender", "sex")),
    ImportField("birth_year", "Dzimšanas gads", ("dzimsanas gads", "dz gads", "birth year", "year of birth")),
    ImportField("age_group", "Vecuma grupa", ("vecuma grupa", "vecums", "age group", "age")),
    ImportField("target_group", "Mērķa grupa", ("merka grupa", "target group", "grupa")),
    ImportField("consent_data", "Piekrīt datu apstrādei", ("piekrit datu apstradei", "datu apstrade",
                                                           "piekrisana datu apstradei", "consent", "gdpr", "vdar")),
    ImportField("consent_photo", "Piekrīt fotografēšanai", ("piekrit fotografesanai", "foto", "fotografesana",
                                                            "drikst fotografet", "photo consent", "photos")),
    ImportField("notes", "Piezīmes", ("piezimes", "komentars", "notes", "comment", "comments")),
    ImportField("status", "Dalības statuss", ("statuss", "piedalijas", "ieradas", "apmeklejums", "status",
                                              "attended", "paraksts")),
    ImportField("role", "Loma", ("loma", "role", "funkcija")),
)  # fmt: skip
FIELD_BY_KEY = {f.key: f for f in FIELDS}
_ALIAS = {alias: f.key for f in FIELDS for alias in f.aliases}
IGNORE = ""  # the mapping value of a column that is not imported


def _folded(text: str) -> str:
    return " ".join(search_words(text))


def guess_field(header: str) -> str:
    folded = _folded(header)
    if not folded:
        return IGNORE
    if folded in _ALIAS:
        return _ALIAS[folded]
    # "Vārds, uzvārds" or "E-pasts (darba)": the longest alias the header starts with
    for alias in sorted(_ALIAS, key=len, reverse=True):
        if len(alias) >= 4 and folded.startswith(alias + " "):
            return _ALIAS[alias]
    return IGNORE


def guess_mapping(header: Sequence[str]) -> list[str]:
    """A field key (or IGNORE) per column; each field is given to its first column only."""
    out: list[str] = []
    for cell in header:
        key = guess_field(cell)
        out.append(key if key and key not in out else IGNORE)
    if "given_name" in out and "surname" in out and "full_name" in out:  # both forms: use the split one
        out[out.index("full_name")] = IGNORE
    return out


def looks_like_header(row: Sequence[str]) -> bool:
    keys = {guess_field(c) for c in row if c}
    keys.discard(IGNORE)
    return len(keys) >= 2 or bool(keys & {"full_name", "surname"})


def split_full_name(text: str) -> tuple[str, str]:
    """'Anna Marija Liepiņa' -> ('Anna Marija', 'Liepiņa'); 'Liepiņa, Anna' -> ('Anna', 'Liepiņa')."""
    if "," in text:
        surname, _, given = text.partition(",")
        return " ".join(given.split()), " ".join(surname.split())
    parts = text.split()
    if len(parts) < 2:
        return " ".join(parts), ""
    return " ".join(parts[:-1]), parts[-1]


_YES = {"ja", "j", "yes", "y", "1", "x", "true", "patiesi", "+", "v", "piekrit"}
_NO = {"ne", "n", "no", "0", "false", "nepiekrit", "-"}
_GENDER = {
    **dict.fromkeys(("s", "siev", "sieviete", "f", "female", "woman", "female sieviete", "sieviesu"), Gender.FEMALE),
    **dict.fromkeys(("v", "vir", "virietis", "m", "male", "man", "viriesu"), Gender.MALE),
    **dict.fromkeys(("cits", "other", "o", "cits dzimums"), Gender.OTHER),
}
_STATUS = {
    **dict.fromkeys(("piedalijas", "ieradas", "attended", "ir", "+", "x", "ja", "yes", "1", "v", "apmekleja",
                     "parakstijas"), AttendanceStatus.ATTENDED),
    **dict.fromkeys(("nepiedalijas", "neieradas", "absent", "nav", "-", "ne", "no", "0", "neapmekleja"),
                    AttendanceStatus.ABSENT),
    **dict.fromkeys(("registrejies", "registrejusies", "registreta", "registrets", "registered", "pieteicies",
                     "pieteikusies"), AttendanceStatus.REGISTERED),
}  # fmt: skip
_ROLE = {
    **dict.fromkeys(("dalibnieks", "dalibniece", "participant"), AttendanceRole.PARTICIPANT),
    **dict.fromkeys(("lektors", "lektore", "runatajs", "runataja", "speaker", "lecturer", "referents"),
                    AttendanceRole.SPEAKER),
    **dict.fromkeys(("moderators", "moderatore", "vaditajs", "moderator", "facilitator"), AttendanceRole.MODERATOR),
    **dict.fromkeys(("mentors", "mentore", "mentor", "konsultants"), AttendanceRole.MENTOR),
    **dict.fromkeys(("brivpratigais", "brivpratiga", "volunteer"), AttendanceRole.VOLUNTEER),
    **dict.fromkeys(("organizators", "organizatore", "organiser", "organizer", "rikotajs"), AttendanceRole.ORGANISER),
}  # fmt: skip


def parse_yes_no(text: str) -> bool | None:
    """True / False / None (empty); raises ValueError for anything else."""
    folded = _folded(text) or text.strip()
    if not folded:
        return None
    if folded in _YES:
        return True
    if folded in _NO:
        return False
    raise ValueError(text)


def parse_gender(text: str) -> Gender | None:
    folded = _folded(text)
    if not folded:
        return None
    if folded in _GENDER:
        return _GENDER[folded]
    raise ValueError(text)


def parse_status(text: str) -> AttendanceStatus | None:
    folded = _folded(text) or text.strip()
    if not folded:
        return None
    if folded in _STATUS:
        return _STATUS[folded]
    raise ValueError(text)


def parse_role(text: str) -> AttendanceRole | None:
    folded = _folded(text)
    if not folded:
        return None
    if folded in _ROLE:
        return _ROLE[folded]
    raise ValueError(text)
