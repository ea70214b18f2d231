"""The gender forms of Latvian surnames: the one rule that search, duplicate finding and walk-in suggestions share.

A Latvian family name has a masculine and a feminine form; a registry holds both, and people type the form they
know (usually the masculine). The rule works on folded words (core.text.fold: lower case, no diacritics, so š is s):

| masculine            | feminine           | examples                                                         |
| -------------------- | ------------------ | ---------------------------------------------------------------- |
| consonant + -s / -š  | -a                 | Ozols/Ozola, Bērziņš/Bērziņa, Ivanovs/Ivanova, Rimšēvičs/Rimšēviča |
| consonant + -s / -š  | -e (not after -iņ) | Jansons/Jansone, Pētersons/Pētersone, Šmits/Šmite, Millers/Millere |
| -is                  | -e                 | Lācis/Lāce, Sproģis/Sproģe, Eglītis/Eglīte, Balodis/Balode       |
| -skis / -ckis        | -ska / -cka        | Kovaļevskis/Kovaļevska, Novickis/Novicka                         |
| -ieks                | -iece              | Lejnieks/Lejniece, Muižnieks/Muižniece                           |

Which of -a and -e a family uses cannot be told from the masculine (Ozola but Šmite), so both are matched, except
the diminutive -iņš, always -iņa; an -e word pairs with both -is and -s (Lāce: Lācis, or a Lācs if there were one).
The relation is symmetric ("lace" finds Lācis, "lacis" finds Lāce) and one step only: a form never chains into a
neighbour ("lace" does not reach Lācplēsis or Lācītis, "ozola" does not reach Ozoliņš). Double-barrelled names are
words apart and pair word by word.

Left alone, on purpose: names used by both genders (Roze, Liepa, Ābele: they only gain a never-used partner such as
"rozis"), -us (3rd declension, few surnames, no single feminine ending), vowel + s such as -as/-es/-os (Lithuanian
and foreign names, whose feminine forms follow other rules), the adjectival -ais/-ā (Baltais/Baltā, rare), and stems
shorter than three letters (Osis/Ose: too many short words would pair by accident). Given names go through the same
rule (a query does not know which word is the surname): "janis" also finds a Jane, ranked after every Jānis.
"""

from __future__ import annotations

from functools import lru_cache
from itertools import product

_VOWELS = frozenset("aeiouy")
_MIN_STEM = 3
_MAX_VARIANTS = 16  # a three-part name of common endings has 27 combinations; the first 16 are plenty
# ending -> the endings of its other forms (-is before -s: the longer ending wins)
_PARTNERS = (("is", ("e", "a")), ("s", ("a", "e")), ("e", ("s", "is")), ("a", ("s", "is")))


def _candidates(word: str) -> tuple[str, ...]:
    """The other forms by ending alone; `other_forms` keeps those that lead back."""
    if word.endswith(("ieks", "iece")):
        stem = word[:-4]
        return (stem + ("iece" if word.endswith("ieks") else "ieks"),) if len(stem) >= _MIN_STEM else ()
    found = next(((e, p) for e, p in _PARTNERS if word.endswith(e)), None)
    if found is None:
        return ()
    ending, partners = found
    stem = word[: -len(ending)]
    if len(stem) < _MIN_STEM or not stem.isalpha() or stem[-1] in _VOWELS:
        return ()  # Markus, Kazlauskas, Baltais, Osis: not this rule
    out = []
    for end in partners:
        if {ending, end} == {"is", "a"} and not stem.endswith(("sk", "ck")):
            continue  # -is and -a pair only as -skis/-ska (Lāča is a case of Lācis, not a woman's name)
        if {ending, end} == {"s", "e"} and stem.endswith("in"):
            continue  # the diminutive -iņš is -iņa always (Bērziņa, never Bērziņe)
        out.append(stem + end)
    return tuple(out)


@lru_cache(maxsize=65536)  # surnames and query words repeat
def other_forms(word: str) -> tuple[str, ...]:
    """The other gender forms of one folded word: 'ozols' -> ('ozola', 'ozole'), 'lace' -> ('lacs', 'lacis'),
    'berzins' -> ('berzina',), 'berz' -> ()."""
    # Only forms that lead back to the word: the relation stays symmetric ('lejnieka' is not Lejnieks's form).
    return tuple(f for f in _candidates(word) if word in _candidates(f))


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
