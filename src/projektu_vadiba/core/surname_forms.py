"""The gender forms of Latvian surnames: the one rule that search, duplicate finding and walk-in suggestions share.

A Latvian family name has a masculine and a feminine form; a registry holds both, and people type the form they
know (usually the masculine). The rule works on folded words (core.text.fold: lower case, no diacritics, so š is s):

| masculine          | feminine           | examples                                                  |
| ------------------ | ------------------ | --------------------------------------------------------- |
| consonant + -s/-š  | -a                 | Ozols/Ozola, Bērziņš/Bērziņa, Ivanovs/Ivanova, Rimšēvičs/Rimšēviča |
| -ons               | -one (and -a)      | Jansons/Jansone, Pētersons/Pētersone                      |
| -is                | -e                 | Lācis/Lāce, Sproģis/Sproģe, Eglītis/Eglīte, Balodis/Balode |
| -skis / -ckis      | -ska / -cka        | Kovaļevskis/Kovaļevska, Novickis/Novicka (and -e)         |
| -ieks              | -iece              | Lejnieks/Lejniece, Dārznieks/Dārzniece                    |

Left alone, on purpose: names used by both genders (Roze, Liepa, Lapsa: they only gain a harmless never-used
partner such as "rozis"), -us (3rd declension, few surnames, no single feminine ending), -as/-es/-os (Lithuanian and
foreign names, whose feminine forms follow other rules), the adjectival -ais/-ā (Baltais/Baltā, rare), and stems
shorter than three letters (Osis, Ose: too many short words would pair by accident).

Each word belongs to at most one class (stem, declension); its forms are the words of that class. So the relation
is symmetric ("lace" finds Lācis, "lacis" finds Lāce) and never chains into a neighbour ("lace" does not reach
Lācplēsis, "ozola" does not reach Ozoliņš). Double-barrelled names are words apart and pair word by word.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

_VOWELS = frozenset("aeiouy")
_MIN_STEM = 3
_MAX_VARIANTS = 16  # a three-part name of common endings has 8 combinations; more is not a name


def _class(word: str) -> tuple[str, str] | None:
    """(stem, declension) of a folded word, None when the word has no gender partner."""
    if word.endswith(("ieks", "iece")):
        stem, kind = word[:-4], "ieks"
    elif word.endswith("is"):
        stem, kind = word[:-2], "is"
    elif word.endswith("s"):
        stem, kind = word[:-1], "s"
    elif word.endswith("e"):
        stem = word[:-1]
        kind = "s" if stem.endswith("on") else "is"  # Jansone is Jansons's; Lāce is Lācis's
    elif word.endswith("a"):
        stem = word[:-1]
        kind = "is" if stem.endswith(("sk", "ck")) else "s"  # Kovaļevska is Kovaļevskis's; Ozola is Ozols's
    else:
        return None
    if len(stem) < _MIN_STEM or not stem.isalpha() or (kind != "ieks" and stem[-1] in _VOWELS):
        return None  # Markus, Kazlauskas, Baltais: not this rule
    return stem, kind


def _members(stem: str, kind: str) -> tuple[str, ...]:
    if kind == "ieks":
        return (stem + "ieks", stem + "iece")
    if kind == "is":
        return (stem + "is", stem + "e") + ((stem + "a",) if stem.endswith(("sk", "ck")) else ())
    return (stem + "s", stem + "a") + ((stem + "e",) if stem.endswith("on") else ())


@lru_cache(maxsize=65536)  # surnames and query words repeat
def other_forms(word: str) -> tuple[str, ...]:
    """The other gender forms of one folded word: 'ozols' -> ('ozola',), 'lace' -> ('lacis',), 'berz' -> ()."""
    cls = _class(word)
    if cls is None:
        return ()
    # Only words that the rule puts back into the same class: keeps the relation symmetric.
    return tuple(w for w in _members(*cls) if w != word and _class(w) == cls)


def key(word: str) -> str:
    """One key for all gender forms of a folded word ('ozols', 'ozola' -> 'ozol|s'); the word itself otherwise."""
    cls = _class(word)
    return f"{cls[0]}|{cls[1]}" if cls else word


@lru_cache(maxsize=65536)
def variants(words: str) -> tuple[str, ...]:
    """Every gender form of folded space-separated words, part by part, the words as given first:
    'berzina kalnina' -> ('berzina kalnina', 'berzina kalnins', 'berzins kalnina', 'berzins kalnins')."""
    if not words:
        return ()
    choices = [(w, *other_forms(w)) for w in words.split(" ")]
    out: list[str] = []
    for combo in product(*choices):
        out.append(" ".join(combo))
        if len(out) == _MAX_VARIANTS:
            break
    return tuple(out)
