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

# Migration 0022: the rows of a bulk insert's people wait for the upkeep (core.search_upkeep), as SQLite's full-text
# index does (core.people_order): with them, 84,600 people's COPY into 1,000,000 took 7.3-8.1 s, 4.0-5.0 without.
# An insert made while the transaction's LATER setting is 'on' leaves its people's ids in people_words_pending as one
# range (min, max) per statement; `FILL_PENDING` writes their rows afterwards, a step at a time. Searches do not read
# people_words while a range is there (services/people_search: the first people and the GIN index, which the
# insert keeps); a rename or delete meanwhile keeps it right as ever (the rows it writes are the ones the step
# would; the step skips them).
LATER = "projektu_vadiba.words_later"
PENDING_TABLE = "CREATE TABLE people_words_pending (first_id integer NOT NULL, last_id integer NOT NULL)"
INSERTED = _function(
    "people_words_inserted",
    f"IF current_setting('{LATER}', true) = 'on' THEN "
    "INSERT INTO people_words_pending (first_id, last_id) SELECT min(id), max(id) FROM new_people "
    f"HAVING count(*) > 0; ELSE {_INSERT.format(source='new_people')}; END IF",
)
TRUNCATED = _function("people_words_truncated", "TRUNCATE people_words, people_words_pending")
INSERTED_0019, TRUNCATED_0019 = TRIGGERS[0], TRIGGERS[3]
# The ranges that overlap or touch made one (each statement of an insert leaves one: an INSERT of a row per statement
# leaves a range per person).
_MERGE_RANGES = (
    "WITH old AS (DELETE FROM people_words_pending RETURNING first_id, last_id), "
    "r AS (SELECT first_id, last_id, max(last_id) OVER (ORDER BY first_id, last_id "
    "ROWS BETWEEN UNBOUNDED PRECEDING AND 1 PRECEDING) AS reach FROM old), "
    "g AS (SELECT first_id, last_id, count(*) FILTER (WHERE reach IS NULL OR first_id > reach + 1) "
    "OVER (ORDER BY first_id, last_id) AS grp FROM r) "
    "INSERT INTO people_words_pending (first_id, last_id) SELECT min(first_id), max(last_id) FROM g GROUP BY grp"
)
# One step: the rows of the pending people among the `n` ids from the lowest pending one, under a lock that no
# trigger of people_words writes past (a rename committed between this step's read of people and its insert would
# otherwise leave its old rows), ON CONFLICT DO NOTHING for those a trigger wrote meanwhile; then the ranges cut.
# Returns whether ranges remain (NULL: there were none). SECURITY DEFINER: any user's upkeep does it (a team member
# has no rights on people_words).
FILL_PENDING = (
    "CREATE OR REPLACE FUNCTION people_words_fill_pending(n integer) RETURNS boolean LANGUAGE plpgsql "
    "SECURITY DEFINER SET search_path FROM CURRENT AS $$ DECLARE lo integer; hi bigint; BEGIN "
    "LOCK TABLE people_words IN SHARE ROW EXCLUSIVE MODE; "
    "IF (SELECT count(*) > 1 FROM people_words_pending) THEN " + _MERGE_RANGES + "; END IF; "
    "SELECT min(first_id) INTO lo FROM people_words_pending; "
    "IF lo IS NULL THEN RETURN NULL; END IF; "
    "hi := lo + greatest(n, 1) - 1; "
    "INSERT INTO people_words (prefix, sort_key, id, words) "
    + ROWS.format(
        source="(SELECT * FROM people WHERE id BETWEEN lo AND hi AND EXISTS (SELECT 1 FROM people_words_pending r "
        "WHERE people.id BETWEEN r.first_id AND r.last_id))"
    )
    + " ORDER BY 1, 2, 3 ON CONFLICT DO NOTHING; "
    "DELETE FROM people_words_pending WHERE last_id <= hi; "
    "UPDATE people_words_pending SET first_id = hi + 1 WHERE first_id <= hi; "
    "RETURN EXISTS (SELECT 1 FROM people_words_pending); END $$"
)
PENDING_DROP = (
    "DROP FUNCTION IF EXISTS people_words_fill_pending(integer)",
    "DROP TABLE IF EXISTS people_words_pending",
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
