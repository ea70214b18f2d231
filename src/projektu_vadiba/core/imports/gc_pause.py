"""Python's cyclic garbage collector paused while an import runs.

A 10,000-row import allocates several hundred thousand small objects (cells, rows read back from the registry,
parameter tuples); every so many allocations a full collection walks every live object of the process, the app's
caches and SQLAlchemy's metadata included: measured 1-2 full collections, 0.09-0.17 s of a 0.9 s import
(docs/benchmarks.md). The import makes no reference cycles worth collecting, and the collector runs again as
soon as it is over.
"""

from __future__ import annotations

import functools
import gc
from collections.abc import Callable
from typing import ParamSpec, TypeVar

P = ParamSpec("P")
R = TypeVar("R")


def gc_paused(fn: Callable[P, R]) -> Callable[P, R]:
    """Run `fn` with the collector off; nested calls leave it to the outermost one to switch it back on."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        was_enabled = gc.isenabled()
        gc.disable()
        try:
            return fn(*args, **kwargs)
        finally:
            if was_enabled:
                gc.enable()

    return wrapper
