"""PostgreSQL: people_words, the people's words by two-letter prefix in Latvian order (migration 0019).

One row per person and prefix of their words (the first two letters; a one-letter word is its own prefix): the
person's sort_key and id, and `words`, their words with that prefix joined by single spaces. The btree on
(prefix, sort_key, id) INCLUDE (words) lets a query word of two letters or more walk the entries of its prefix in
Latvian order, test itself with LIKE on `words` in the index, and stop after one page (services/people_search.py).
Prefixes that a fifth of a large registry holds (people_words_common) are not stored: decided by migration 0019,
and again by the upkeep after the registry has doubled since (core.people_words_common, migration 0020). The
triggers are statement triggers with transition tables: a bulk COPY of 100,000 people fills it with one INSERT …
SELECT. SECURITY DEFINER: a team member who may add people fills it without any grant on it (it is read only where
row-level security does not apply, see people_search)."""

from __future__ import annotations

TABLE = "people_words"

# The rows of the people in `source` (people or a transition table), one per person and prefix.
ROWS = (
    "SELECT left(word, 2), p.sort_key, p.id, string_agg(DISTINCT word, ' ') "
    "FROM {source} p CROSS JOIN LATERAL unnest(string_to_array(p.search_text, ' ')) AS word "
    "WHERE word <> '' AND left(word, 2) NOT IN (SELECT prefix FROM people_words_common) "
    "GROUP BY p.id, p.sort_key, left(word, 2)"
)
# The keys of those rows (for a delete).
_KEYS = (
    "SELECT DISTINCT left(word, 2) AS prefix, p.sort_key, p.id "
    "FROM {source} p CROSS JOIN LATERAL unnest(string_to_array(p.search_text, ' ')) AS word WHERE word <> ''"
)
# In index order: a bulk insert then meets each leaf page once (84,600 people into 1,000,000: 12 s -> 7 s).
_INSERT = f"INSERT INTO people_words (prefix, sort_key, id, words) {ROWS} ORDER BY 1, 2, 3"
_DELETE = (
    f"DELETE FROM people_words w USING ({_KEYS}) k WHERE w.prefix = k.prefix AND w.sort_key = k.sort_key "
    "AND w.id = k.id"
)
# Renamed or re-sorted people only: an update of a phone number costs a join of the transition tables.
_CHANGED = (
    "(SELECT {side}.* FROM old_people o JOIN new_people n ON n.id = o.id "
    "WHERE n.search_text IS DISTINCT FROM o.search_text OR n.sort_key IS DISTINCT FROM o.sort_key)"
)

# A prefix is common when the registry's words have it at least `least` times and a fifth as often as there are
# people (the rule of migration 0019).
MIN_COMMON = 10_000
COMMON = (
    "SELECT left(word, 2) FROM people p CROSS JOIN LATERAL unnest(string_to_array(p.search_text, ' ')) AS word "
    "WHERE word <> '' GROUP BY 1 HAVING count(*) >= {least} AND 5 * count(*) >= (SELECT count(*) FROM people)"
)

DDL = (
    "CREATE TABLE people_words (prefix text NOT NULL, sort_key varchar(400) NOT NULL, id integer NOT NULL, "
    "words text NOT NULL)",
    "CREATE TABLE people_words_common (prefix text PRIMARY KEY)",
    # Prefixes that a fifth of a large registry has ('ex', 'lv' of every e-mail, 'no' of 'novads': 44 % of the
    # rows in a registry of 1,000,000) are not stored: a word of them is found among the first people in
    # Latvian order, or tested on the people the other words find (services/people_search). Decided here, and
    # again as the registry grows (core.people_words_common).
    f"INSERT INTO people_words_common (prefix) {COMMON.format(least=MIN_COMMON)}",
)
# Migration 0020: the registry's size when people_words_common was last decided (one row; 0: never on people).
DECIDED = (
    "CREATE TABLE people_words_decided (people bigint NOT NULL)",
    # 0019 decided on the registry of its day, which is not known: the one there now stands for it when 0019
    # found common prefixes; else (an empty or small registry then) the upkeep decides once it is large enough.
    "INSERT INTO people_words_decided (people) SELECT CASE WHEN EXISTS (SELECT 1 FROM people_words_common) "
    "THEN (SELECT count(*) FROM people) ELSE 0 END",
)
FILL = _INSERT.format(source="people")
REFILL = ("TRUNCATE people_words", FILL)  # (tests: after a change of people_words_common)
INDEX = "CREATE UNIQUE INDEX people_words_order ON people_words (prefix, sort_key, id) INCLUDE (words)"


def _function(name: str, body: str) -> str:
    return (
        f"CREATE OR REPLACE FUNCTION {name}() RETURNS trigger LANGUAGE plpgsql SECURITY DEFINER "
        f"SET search_path FROM CURRENT AS $$ BEGIN {body}; RETURN NULL; END $$"
    )


TRIGGERS = (
    _function("people_words_inserted", _INSERT.format(source="new_people")),
    _function("people_words_deleted", _DELETE.format(source="old_people")),
    _function(
        "people_words_updated",
        f"{_DELETE.format(source=_CHANGED.format(side='o'))}; {_INSERT.format(source=_CHANGED.format(side='n'))}",
    ),
    _function("people_words_truncated", "TRUNCATE people_words"),
    "CREATE TRIGGER people_words_ai AFTER INSERT ON people REFERENCING NEW TABLE AS new_people "
    "FOR EACH STATEMENT EXECUTE FUNCTION people_words_inserted()",
    "CREATE TRIGGER people_words_ad AFTER DELETE ON people REFERENCING OLD TABLE AS old_people "
    "FOR EACH STATEMENT EXECUTE FUNCTION people_words_deleted()",
    "CREATE TRIGGER people_words_au AFTER UPDATE ON people REFERENCING OLD TABLE AS old_people "
    "NEW TABLE AS new_people FOR EACH STATEMENT EXECUTE FUNCTION people_words_updated()",
    "CREATE TRIGGER people_words_at AFTER TRUNCATE ON people "
    "FOR EACH STATEMENT EXECUTE FUNCTION people_words_truncated()",
)
DROP = (
    "DROP TRIGGER IF EXISTS people_words_ai ON people",
    "DROP TRIGGER IF EXISTS people_words_ad ON people",
    "DROP TRIGGER IF EXISTS people_words_au ON people",
    "DROP TRIGGER IF EXISTS people_words_at ON people",
    "DROP FUNCTION IF EXISTS people_words_truncated()",
    "DROP FUNCTION IF EXISTS people_words_inserted()",
    "DROP FUNCTION IF EXISTS people_words_deleted()",
    "DROP FUNCTION IF EXISTS people_words_updated()",
    "DROP TABLE IF EXISTS people_words",
    "DROP TABLE IF EXISTS people_words_common",
)
