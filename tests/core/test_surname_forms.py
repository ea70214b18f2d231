"""Latvian surname gender forms (core.surname_forms) in search, duplicates and the rule itself, on both back-ends."""

from __future__ import annotations

import pytest

from projektu_vadiba.core import people_order, person_keys, surname_forms
from projektu_vadiba.core.db import Database
from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.services import duplicates, people, people_search
from projektu_vadiba.core.text import fold

# (masculine, feminine): the pairs of the issue and the other endings the rule knows
PAIRS = [
    ("Ozols", "Ozola"),
    ("Bērziņš", "Bērziņa"),
    ("Kalniņš", "Kalniņa"),
    ("Lācis", "Lāce"),
    ("Sproģis", "Sproģe"),
    ("Jansons", "Jansone"),
    ("Šmits", "Šmite"),
    ("Kovaļevskis", "Kovaļevska"),
    ("Lejnieks", "Lejniece"),
]
# Near neighbours that are other names, not gender forms
NEIGHBOURS = ["Lācplēsis", "Lācītis", "Ozoliņš", "Ozoliņa", "Kalns", "Bērzs"]


@pytest.fixture
def registry(db: Database) -> Database:
    with db.session() as s:
        for given, surname in [("Jānis", m) for m, _f in PAIRS] + [("Anna", f) for _m, f in PAIRS]:
            people.create_person(s, PersonInput(given, surname))
        for surname in NEIGHBOURS:
            people.create_person(s, PersonInput("Ilze", surname))
        people.create_person(s, PersonInput("Inese", "Bērziņa-Kalniņa"))
    return db


def found(db: Database, query: str, **page: int) -> list[str]:
    with db.session() as s:
        result = [p.surname for p in people.search_people(s, query, **page)]
        if not page:
            assert people.count_people(s, query) == len(result)
    return result


@pytest.mark.parametrize(("masculine", "feminine"), PAIRS)
def test_the_masculine_form_finds_the_feminine_after_itself(registry: Database, masculine: str, feminine: str) -> None:
    result = found(registry, fold(masculine))
    assert masculine in result and feminine in result
    assert result.index(masculine) < result.index(feminine)


@pytest.mark.parametrize(("masculine", "feminine"), PAIRS)
def test_the_feminine_form_finds_the_masculine_after_itself(registry: Database, masculine: str, feminine: str) -> None:
    result = found(registry, fold(feminine))  # users type the masculine mostly, but the feminine works too
    assert feminine in result and masculine in result
    assert result.index(feminine) < result.index(masculine)


def test_ozols_lists_ozols_before_ozola_though_ozola_comes_first_alphabetically(registry: Database) -> None:
    assert found(registry, "ozols") == ["Ozols", "Ozola"]
    assert found(registry, "ozola") == ["Ozola", "Ozols"]


def test_search_stays_blind_to_case_and_diacritics(registry: Database) -> None:
    assert found(registry, "BĒRZIŅŠ") == found(registry, "berzins") == ["Bērziņš", "Bērziņa", "Bērziņa-Kalniņa"]
    assert found(registry, "Lāce") == found(registry, "lace") == ["Lāce", "Lācis"]


def test_a_prefix_typed_so_far_finds_both_forms_in_alphabetical_order(registry: Database) -> None:
    assert found(registry, "berz") == ["Bērziņa", "Bērziņa-Kalniņa", "Bērziņš", "Bērzs"]
    assert found(registry, "lac") == ["Lāce", "Lācis", "Lācītis", "Lācplēsis"]
    assert found(registry, "ozol") == ["Ozola", "Ozoliņa", "Ozoliņš", "Ozols"]


def test_a_whole_word_pairs_only_with_its_own_other_form_not_with_longer_or_shorter_names(registry: Database) -> None:
    # "lace" is Lāce or Lācis, not Lācplēsis nor Lācītis; "ozola" is not Ozoliņa; "kalnins" is not Kalns
    assert found(registry, "lace") == ["Lāce", "Lācis"]
    assert found(registry, "ozola") == ["Ozola", "Ozols"]
    assert found(registry, "kalnins") == ["Kalniņš", "Bērziņa-Kalniņa", "Kalniņa"]
    assert found(registry, "lacplesis") == ["Lācplēsis"]


def test_double_barrelled_names_pair_part_by_part(registry: Database) -> None:
    assert "Bērziņa-Kalniņa" in found(registry, "kalnins")
    assert found(registry, "berzins kalnins") == ["Bērziņa-Kalniņa"]
    assert found(registry, "inese berzins") == ["Bērziņa-Kalniņa"]


def test_every_word_of_the_query_must_still_match(registry: Database) -> None:
    assert found(registry, "anna ozols") == ["Ozola"]
    assert found(registry, "janis ozola") == ["Ozols"]
    assert found(registry, "anna ozola") == ["Ozola"]


@pytest.mark.parametrize("broad", [10**9, 1])
def test_pages_run_on_from_the_typed_form_into_the_other_form(
    registry: Database, monkeypatch: pytest.MonkeyPatch, broad: int
) -> None:
    monkeypatch.setattr(people_search, "_FIRST", 0 if broad > 1 else 10**6)  # PostgreSQL: GIN / the walk first
    if registry.engine.dialect.name == "sqlite":  # one bucket (every match sorted) / one person a bucket
        monkeypatch.setattr(people_order, "BUCKET", broad)
        with registry.session() as s:
            people_order.rebuild(s.connection())
    whole = found(registry, "berzins")
    pages = [found(registry, "berzins", limit=2, offset=o) for o in (0, 2, 4)]
    assert [n for page in pages for n in page] == whole == ["Bērziņš", "Bērziņa", "Bērziņa-Kalniņa"]


def test_the_rule_is_symmetric_and_one_step_only() -> None:
    for masculine, feminine in PAIRS:
        m, f = fold(masculine), fold(feminine)
        assert f in surname_forms.other_forms(m)
        assert m in surname_forms.other_forms(f)
    for word in ["berz", "markus", "osis", "kazlauskas", "baltais", "12", "berzins1", ""]:
        assert surname_forms.other_forms(word) == ()
    assert surname_forms.other_forms("berzins") == ("berzina",)  # -iņš is -iņa always, never -iņe
    assert surname_forms.other_forms("ozols") == ("ozola", "ozole")  # Ozola, but Šmite: both are possible
    assert "laca" not in surname_forms.other_forms("lacis")  # Lāča is a case of Lācis, not a woman's name
    assert surname_forms.other_forms("lejnieka") == ()  # not a form of Lejnieks (Lejniece is)
    assert surname_forms.variants("berzina kalnina") == (
        "berzina kalnina",
        "berzina kalnins",
        "berzins kalnina",
        "berzins kalnins",
    )


def test_name_keys_cover_every_form_of_the_surname() -> None:
    keys = person_keys.name_key_forms("Anna", "Bērziņa")
    assert keys[0] == person_keys.name_key("Anna", "Bērziņa")
    assert person_keys.name_key("Anna", "Bērziņš") in keys
    assert person_keys.name_key("Bērziņš", "Anna") not in keys  # the swapped key varies the other slot
    assert person_keys.name_key_forms("", "") == ()


def test_anna_berzina_and_anna_berzins_with_one_email_are_one_person(db: Database) -> None:
    with db.session() as s:
        anna = people.create_person(s, PersonInput("Anna", "Bērziņš", email="anna@example.lv"))
        janis = people.create_person(s, PersonInput("Jānis", "Bērziņš"))
    with db.session() as s:
        found_ = duplicates.find_duplicates(s, PersonInput("Anna", "Bērziņa", email="Anna@Example.lv"))
        assert [(d.person.id, d.reasons) for d in found_] == [
            (anna.id, ("tā pati e-pasta adrese", "tas pats vārds un uzvārds"))
        ]
        # without contacts the name alone still points at her; another e-mail makes it another person
        assert [d.person.id for d in duplicates.find_duplicates(s, PersonInput("anna", "berzina"))] == [anna.id]
        assert duplicates.find_duplicates(s, PersonInput("Anna", "Bērziņa", email="cita@example.lv")) == []
        # the same surname in the feminine with another given name is somebody else (Jānis's sister, say)
        assert janis.id not in [d.person.id for d in duplicates.find_duplicates(s, PersonInput("Jana", "Bērziņa"))]
        # neighbours that are not gender forms are not duplicates
        assert duplicates.find_duplicates(s, PersonInput("Anna", "Bērziņe")) == []


def test_an_import_links_a_feminine_row_to_the_registered_masculine_name(db: Database) -> None:
    with db.session() as s:
        known = people.create_person(s, PersonInput("Inese", "Bērziņš-Kalniņš", email="inese@example.lv"))
        keys = duplicates.Keys.of("Inese", "Bērziņa-Kalniņa", "inese@example.lv", "")
        index = duplicates.build_index(s, [keys])
        assert index.matches(keys) == {known.id: ["tā pati e-pasta adrese", "tas pats vārds un uzvārds"]}


@pytest.mark.parametrize("query", ["ozols", "lace", "berzins kalnins", "berz", "anna ozols", "xyz"])
def test_other_back_ends_match_through_like_with_the_same_answers(
    registry: Database, monkeypatch: pytest.MonkeyPatch, query: str
) -> None:
    expected = found(registry, query), found(registry, query, limit=2, offset=1)
    monkeypatch.setattr(people_search, "dialect", lambda _session: "other")  # the LIKE path on the same rows
    assert (found(registry, query), found(registry, query, limit=2, offset=1)) == expected
