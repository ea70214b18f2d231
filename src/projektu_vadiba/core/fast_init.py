"""Frozen dataclasses made as fast as they are read: for the few made once per row of a 10,000-row import.

A frozen dataclass's generated `__init__` sets each field through `object.__setattr__` (its own `__setattr__`
refuses): ~2.5 µs for PersonInput's 14 fields against 0.3 µs unfrozen, and an import makes a PersonInput, a
duplicate-finding Keys and a PlannedRow per row (~45 ms of a 0.6 s import of 10,000 rows). `fast_init` gives such a
class an `__init__` of the same parameters and defaults that fills the instance's `__dict__` in one call (~0.9 µs);
everything else (frozen assignment, equality, hashing, `replace`, pickling) is the dataclass's own.
"""

from __future__ import annotations

import dataclasses
from typing import Any, TypeVar, cast

T = TypeVar("T")


def fast_init(cls: type[T]) -> type[T]:
    """Apply above `@dataclass(frozen=True)`. Only for classes whose fields all take plain defaults (or none) and
    that have no `__post_init__`: anything else is refused when the module is imported, not at the first call."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__name__}: fast_init is for frozen dataclasses")
    if hasattr(cls, "__post_init__") or hasattr(cls, "__slots__"):
        raise TypeError(f"{cls.__name__}: fast_init does not run __post_init__ nor fill slots")
    fields = dataclasses.fields(cast(Any, cls))
    namespace: dict[str, Any] = {}
    arguments: list[str] = []
    for f in fields:
        if f.name == "self":  # the dataclass would rename its own parameter; this keeps to the simple case
            raise TypeError(f"{cls.__name__}: a field called 'self'")
        if not f.init or f.kw_only is True or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: fast_init takes positional init fields with plain defaults only")
        if f.default is dataclasses.MISSING:
            arguments.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            arguments.append(f"{f.name}=_default_{f.name}")
    values = ", ".join(f"{f.name!r}: {f.name}" for f in fields)
    source = f"def __init__(self, {', '.join(arguments)}):\n    self.__dict__.update({{{values}}})\n"
    exec(source, namespace)  # the way dataclasses itself writes __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010 (a method replaced on purpose)
    return cls
