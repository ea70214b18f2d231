"""Latvian names for the benchmark data: given names by gender, surnames in the bearer's gender form, with
frequencies that fall off as in a real registry (a few very common surnames, a long tail of rare ones).

The common list follows the order of the most frequent surnames in Latvia (Bērziņš, Kalniņš, Ozoliņš, Jansons, ...,
Slavic ones included, as a Latvian NGO's registry has them); each entry gives the feminine form explicitly, since it
cannot always be derived (Ozola but Šmite, Jansone; Priede, Roze, Lapsa are the same for both).
Deterministic: everything is drawn from the random.Random the caller passes.
"""

from __future__ import annotations

import random
from itertools import accumulate

# (name, relative frequency)
MALE = (("Jānis", 10), ("Andris", 7), ("Juris", 6), ("Aleksandrs", 6), ("Sergejs", 5), ("Edgars", 4),
        ("Mārtiņš", 4), ("Aivars", 4), ("Pēteris", 4), ("Kārlis", 3.5), ("Dmitrijs", 3.5), ("Andrejs", 3.5),
        ("Vladimirs", 3), ("Roberts", 3), ("Artūrs", 3), ("Māris", 3), ("Valdis", 3), ("Uldis", 2.5), ("Guntis", 2.5),
        ("Raimonds", 2.5), ("Ivars", 2.5), ("Igors", 2), ("Normunds", 2), ("Aigars", 2), ("Gatis", 2), ("Kristaps", 2),
        ("Toms", 2), ("Rihards", 2), ("Dainis", 1.5), ("Agris", 1.5), ("Oskars", 1.5), ("Ēriks", 1.5), ("Oļegs", 1),
        ("Ģirts", 1), ("Imants", 1), ("Gints", 1), ("Aldis", 1), ("Dzintars", 1), ("Ņikita", 0.8), ("Tālis", 0.5),
        ("Zigmārs", 0.5), ("Ojārs", 0.5))  # fmt: skip
FEMALE = (("Anna", 6), ("Kristīne", 6), ("Inese", 5), ("Ilze", 5), ("Līga", 5), ("Laura", 4), ("Jeļena", 4),
          ("Olga", 3.5), ("Natālija", 3.5), ("Dace", 3.5), ("Sandra", 3.5), ("Tatjana", 3), ("Irina", 3), ("Inga", 3),
          ("Zane", 3), ("Elīna", 3), ("Ieva", 3), ("Baiba", 2.5), ("Gunta", 2), ("Santa", 2), ("Evija", 2),
          ("Agnese", 2), ("Linda", 2), ("Signe", 2), ("Lelde", 1.5), ("Aija", 1.5), ("Daiga", 1.5), ("Vija", 1.5),
          ("Jolanta", 1.5), ("Vineta", 1.5), ("Sanita", 1.5), ("Rūta", 1.5), ("Brigita", 1), ("Žanna", 1),
          ("Ņina", 1), ("Helēna", 0.8), ("Una", 0.5), ("Nora", 0.5), ("Ārija", 0.5), ("Skaidrīte", 0.5))  # fmt: skip
# (masculine, feminine), most frequent first
COMMON = (("Bērziņš", "Bērziņa"), ("Kalniņš", "Kalniņa"), ("Ozoliņš", "Ozoliņa"), ("Jansons", "Jansone"),
          ("Ozols", "Ozola"), ("Liepiņš", "Liepiņa"), ("Krūmiņš", "Krūmiņa"), ("Balodis", "Balode"),
          ("Eglītis", "Eglīte"), ("Zariņš", "Zariņa"), ("Pētersons", "Pētersone"), ("Vītols", "Vītola"),
          ("Kļaviņš", "Kļaviņa"), ("Kārkliņš", "Kārkliņa"), ("Vanags", "Vanaga"), ("Ivanovs", "Ivanova"),
          ("Siliņš", "Siliņa"), ("Lapiņš", "Lapiņa"), ("Lācis", "Lāce"), ("Cīrulis", "Cīrule"),
          ("Grīnbergs", "Grīnberga"), ("Sproģis", "Sproģe"), ("Ābols", "Ābola"), ("Avotiņš", "Avotiņa"),
          ("Strazdiņš", "Strazdiņa"), ("Rudzītis", "Rudzīte"), ("Petrovs", "Petrova"), ("Āboliņš", "Āboliņa"),
          ("Priede", "Priede"), ("Lapsa", "Lapsa"), ("Kovaļevskis", "Kovaļevska"), ("Roze", "Roze"),
          ("Zvaigzne", "Zvaigzne"), ("Kalns", "Kalna"), ("Šmits", "Šmite"), ("Millers", "Millere"),
          ("Andersons", "Andersone"), ("Smirnovs", "Smirnova"), ("Kuzņecovs", "Kuzņecova"),
          ("Jakovļevs", "Jakovļeva"), ("Popovs", "Popova"), ("Vasiļjevs", "Vasiļjeva"),
          ("Dombrovskis", "Dombrovska"), ("Novickis", "Novicka"), ("Muižnieks", "Muižniece"),
          ("Lejnieks", "Lejniece"), ("Gulbis", "Gulbe"), ("Zvirbulis", "Zvirbule"), ("Ūdris", "Ūdre"),
          ("Dūmiņš", "Dūmiņa"), ("Ķēniņš", "Ķēniņa"), ("Ģērmanis", "Ģērmane"), ("Čakste", "Čakste"),
          ("Kalējs", "Kalēja"), ("Riekstiņš", "Riekstiņa"), ("Bite", "Bite"), ("Vilks", "Vilka"), ("Zaķis", "Zaķe"),
          ("Pūpols", "Pūpola"), ("Celmiņš", "Celmiņa"), ("Mednis", "Medne"), ("Ziediņš", "Ziediņa"),
          ("Rimšēvičs", "Rimšēviča"), ("Beķeris", "Beķere"), ("Ņikitins", "Ņikitina"),
          ("Žagata", "Žagata"))  # fmt: skip
# The long tail: roots with the usual endings, each ending with its feminine (-iņš/-iņa, -ītis/-īte, ...).
_ROOTS = ("Bērz", "Kaln", "Ozol", "Liep", "Kļav", "Egl", "Priež", "Vītol", "Strazd", "Zīl", "Lāč", "Vilk", "Zaķ",
          "Krūm", "Avot", "Sil", "Meln", "Balt", "Sark", "Dzen", "Žagar", "Ķirš", "Pūp", "Riekst", "Saul", "Mež",
          "Purv", "Lauk", "Dārz", "Sēj", "Akmen", "Rož", "Ceļ", "Tīrum", "Puķ", "Dīķ", "Grav", "Smilg", "Ūdr", "Šķēl",
          "Čiekur", "Ļaud", "Ģērm", "Laiv", "Skuj", "Rudz", "Miež", "Apš", "Vīksn", "Kārkl", "Lazd", "Niedr",
          "Dzērv", "Stirn", "Ērgl", "Pried", "Sprog", "Zvejn", "Galdn", "Rat")  # fmt: skip
_ENDINGS = (("iņš", "iņa"), ("s", "a"), ("ītis", "īte"), ("nieks", "niece"), ("ulis", "ule"),
            ("ovskis", "ovska"), ("is", "e"), ("ēns", "ēna"), ("ups", "upa"))  # fmt: skip
_known = {m for m, _f in COMMON}
RARE = tuple((r + m, r + f) for r in _ROOTS for m, f in _ENDINGS if r + m not in _known)
COMMON_SHARE = 0.25  # of people bear one of COMMON: the most common (Bērziņš/Bērziņa) about 1.8 %
FEMALE_SHARE = 0.58  # registries of NGO activities hold more women
DOUBLE_BARRELLED = {True: 0.08, False: 0.01}  # women keep both names more often


def _cumulative(weights: list[float]) -> list[float]:
    return list(accumulate(weights))


# Zipf-like fall-off for the common surnames (1/(rank + 5)), the tail flat: cumulative weights for random.choices.
_COMMON_W = [COMMON_SHARE / (r + 5) for r in range(len(COMMON))]
_RARE_W = [(1 - COMMON_SHARE) * sum(1 / (r + 5) for r in range(len(COMMON))) / len(RARE)] * len(RARE)
_SURNAMES = COMMON + RARE
_SURNAME_CUM = _cumulative(_COMMON_W + _RARE_W)
_MALE_CUM = _cumulative([w for _n, w in MALE])
_FEMALE_CUM = _cumulative([w for _n, w in FEMALE])


def surname(rnd: random.Random, female: bool) -> str:
    """One surname in the bearer's gender form; sometimes double-barrelled, both parts in that form."""
    first = rnd.choices(_SURNAMES, cum_weights=_SURNAME_CUM)[0][female]
    if rnd.random() >= DOUBLE_BARRELLED[female]:
        return first
    second = rnd.choices(_SURNAMES, cum_weights=_SURNAME_CUM)[0][female]
    return first if second == first else f"{first}-{second}"


def name(rnd: random.Random) -> tuple[str, str, bool]:
    """(given name, surname, female) of one person."""
    female = rnd.random() < FEMALE_SHARE
    given = rnd.choices(FEMALE if female else MALE, cum_weights=_FEMALE_CUM if female else _MALE_CUM)[0][0]
    return given, surname(rnd, female), female
