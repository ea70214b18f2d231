"""Frozen dataclasses made at half the cost: for the few made once per row of a 10,000-row import.

A frozen dataclass's generated `__init__` sets each field through `object.__setattr__` (its own `__setattr__`
refuses): ~2.1 µs for PersonInput's 14 fields, and an import makes a PersonInput, a duplicate-finding Keys and a
PlannedRow per row. `fast_init` gives a frozen dataclass with slots an `__init__` of the same parameters and
defaults that sets each slot through its own descriptor (~1.1 µs); everything else (frozen assignment, equality,
hashing, `replace`, pickling) is the dataclass's own. Slots also keep each object small (PersonInput: 152 bytes
against 262 with a `__dict__`). (Filling the instance's `__dict__` in one call was as fast, but gave every object a
dict of its own: 582 bytes, and slower attribute reads.)
"""

from __future__ import annotations

import dataclasses
import types
from typing import Any, TypeVar, cast

T = TypeVar("T")


def fast_init(cls: type[T]) -> type[T]:
    """Apply above `@dataclass(frozen=True, slots=True)`. Only for classes whose fields all take plain defaults (or
    none) and that have no `__post_init__`: anything else is refused when the module is imported, not at the first
    call."""
    params = getattr(cls, "__dataclass_params__", None)
    if params is None or not params.frozen:
        raise TypeError(f"{cls.__name__}: fast_init is for frozen dataclasses")
    if "__slots__" not in cls.__dict__:
        raise TypeError(f"{cls.__name__}: fast_init sets slots: declare the dataclass with slots=True")
    if hasattr(cls, "__post_init__"):
        raise TypeError(f"{cls.__name__}: fast_init does not run __post_init__")
    fields = dataclasses.fields(cast(Any, cls))
    namespace: dict[str, Any] = {}
    arguments: list[str] = []
    for f in fields:
        if f.name == "self":  # the dataclass would rename its own parameter; this keeps to the simple case
            raise TypeError(f"{cls.__name__}: a field called 'self'")
        if not f.init or f.kw_only is True or f.default_factory is not dataclasses.MISSING:
            raise TypeError(f"{cls.__name__}.{f.name}: fast_init takes positional init fields with plain defaults only")
        slot = cls.__dict__.get(f.name)
        if not isinstance(slot, types.MemberDescriptorType):
            raise TypeError(f"{cls.__name__}.{f.name}: not a slot")
        namespace[f"_set_{f.name}"] = slot.__set__  # the slot's own setter: not the class's refusing __setattr__
        if f.default is dataclasses.MISSING:
            arguments.append(f.name)
        else:
            namespace[f"_default_{f.name}"] = f.default
            arguments.append(f"{f.name}=_default_{f.name}")
    body = "".join(f"    _set_{f.name}(self, {f.name})\n" for f in fields) or "    pass\n"
    exec(f"def __init__(self, {', '.join(arguments)}):\n{body}", namespace)  # as dataclasses writes __init__
    init = namespace["__init__"]
    init.__qualname__ = f"{cls.__qualname__}.__init__"
    init.__module__ = cls.__module__
    init.__doc__ = cls.__init__.__doc__
    setattr(cls, "__init__", init)  # noqa: B010 (a method replaced on purpose)
    return cls
