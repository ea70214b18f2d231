"""The fuzz corpus (issue 18, items 4 and 8): damaged, hostile and random CSV, XLSX, bundle, scan and database
files each end in success or a coded message — never another exception, never a hang (CASE_SECONDS a case).

Quick by default (a few dozen cases of each kind, fixed seeds); PV_FUZZ_FULL=1 runs the issue's counts, and
bench/reliability_fuzz.py runs them with a table of outcomes (docs/reliability.md)."""

from __future__ import annotations

import os
import random
from collections.abc import Iterator

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from tests.reliability import fuzz

FULL = {"csv": 350, "xlsx": 360, "bundle": 340, "scan": 300, "database": 120}
QUICK = {"csv": 60, "xlsx": 40, "bundle": 30, "scan": 6, "database": 12}
COUNTS = FULL if os.environ.get("PV_FUZZ_FULL") else QUICK
SOURCES = st.randoms(use_true_random=False)


def fuzz_settings(kind: str) -> settings:
    return settings(
        max_examples=COUNTS[kind],
        deadline=None,  # the time limit is fuzz.CASE_SECONDS, an outcome of its own
        database=None,
        derandomize=True,  # the same cases on every run: a failure here is reproducible
        suppress_health_check=list(HealthCheck),
    )


@pytest.fixture(scope="module")
def corpus(tmp_path_factory: pytest.TempPathFactory) -> Iterator[fuzz.Corpus]:
    made = fuzz.make_corpus(tmp_path_factory.mktemp("fuzz"))
    yield made
    made.close()


def _check(outcome: str) -> None:
    assert fuzz.allowed(outcome), outcome


@fuzz_settings("csv")
@given(source=SOURCES)
def test_csv_files_end_in_success_or_a_message(corpus: fuzz.Corpus, source: random.Random) -> None:
    _check(fuzz.outcome_of(fuzz.csv_case(corpus, source)))


@fuzz_settings("csv")
@given(text=st.text(max_size=300))
def test_any_unicode_text_as_a_csv_ends_in_success_or_a_message(corpus: fuzz.Corpus, text: str) -> None:
    data = ("Vārds;Uzvārds;E-pasts\n" + text).encode("utf-8", errors="surrogatepass")
    _check(fuzz.outcome_of(lambda: fuzz.run_table(corpus, data, ".csv")))


@fuzz_settings("xlsx")
@given(source=SOURCES)
def test_xlsx_files_end_in_success_or_a_message(corpus: fuzz.Corpus, source: random.Random) -> None:
    _check(fuzz.outcome_of(fuzz.xlsx_case(corpus, source)))


def test_a_zip_bombed_xlsx_is_refused_before_it_is_unpacked(corpus: fuzz.Corpus) -> None:
    from projektu_vadiba.core.imports import readers

    bomb = readers.MAX_XLSX_UNPACKED + 8 * 1024 * 1024
    outcome = fuzz.outcome_of(fuzz.xlsx_case(corpus, random.Random(1), bomb_bytes=bomb))
    assert outcome == "message:import.xlsx_too_large"


@fuzz_settings("bundle")
@given(source=SOURCES)
def test_bundles_end_in_success_or_a_message(corpus: fuzz.Corpus, source: random.Random) -> None:
    _check(fuzz.outcome_of(fuzz.bundle_case(corpus, source)))


@fuzz_settings("scan")
@given(source=SOURCES)
def test_scans_end_in_success_or_a_message(corpus: fuzz.Corpus, source: random.Random) -> None:
    _check(fuzz.outcome_of(fuzz.scan_case(corpus, source)))


@fuzz_settings("database")
@given(source=SOURCES)
def test_damaged_databases_end_in_success_or_a_message(corpus: fuzz.Corpus, source: random.Random) -> None:
    path, run = fuzz.database_case(corpus, source)
    _check(fuzz.outcome_of(run, boundary=path))


def test_the_seeds_themselves_are_read_whole(corpus: fuzz.Corpus) -> None:
    """The mutations start from files the app reads: a fuzz run over broken seeds would prove nothing."""
    assert fuzz.outcome_of(lambda: fuzz.run_table(corpus, corpus.csv[0], ".csv")) == "ok"
    assert fuzz.outcome_of(lambda: fuzz.run_table(corpus, corpus.xlsx[0], ".xlsx")) == "ok"
    assert fuzz.outcome_of(lambda: fuzz.run_bundle(corpus, corpus.bundle[0])) == "ok"
    assert fuzz.outcome_of(lambda: fuzz.run_bundle(corpus, corpus.bundle_zip[0], ".pvz")) == "ok"
    seed = corpus.file(corpus.database, ".sqlite")
    assert fuzz.outcome_of(lambda: fuzz.run_database(corpus, seed), boundary=seed) == "ok"
    suffix, data = corpus.scans[0]
    assert fuzz.outcome_of(lambda: fuzz.run_scan(corpus, data, suffix)) == "ok"
