"""core.fast_init: the faster __init__ makes the same objects as the dataclass's own, refuses what it cannot do,
and the import's per-row classes keep their parameters."""

from __future__ import annotations

import dataclasses
import inspect
import pickle
from dataclasses import dataclass, field

import pytest

from projektu_vadiba.core.dto import PersonInput
from projektu_vadiba.core.fast_init import fast_init
from projektu_vadiba.core.imports.plan import PlannedRow
from projektu_vadiba.core.services.duplicates import Keys


@dataclass(frozen=True)
class Plain:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    note: str | None = field(default=None, compare=False)


@fast_init
@dataclass(frozen=True, slots=True)
class Fast:
    name: str
    count: int = 0
    tags: tuple[str, ...] = ()
    note: str | None = field(default=None, compare=False)


def _values(obj: object) -> dict[str, object]:
    return {f.name: getattr(obj, f.name) for f in dataclasses.fields(obj)}  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("args", "kwargs"),
    [(("a",), {}), (("a", 3), {}), (("a",), {"tags": ("x",), "note": "n"}), ((), {"name": "b", "count": 2})],
)
def test_the_same_object_as_the_dataclass_makes(args: tuple[object, ...], kwargs: dict[str, object]) -> None:
    fast, plain = Fast(*args, **kwargs), Plain(*args, **kwargs)  # type: ignore[arg-type]
    assert _values(fast) == _values(plain)
    assert repr(fast) == repr(plain).replace("Plain", "Fast")
    assert fast == Fast(*args, **kwargs) and hash(fast) == hash(Fast(*args, **kwargs))  # type: ignore[arg-type]
    assert fast == dataclasses.replace(fast, note="other")  # compare=False is kept
    assert pickle.loads(pickle.dumps(fast)) == fast


def test_still_frozen_and_checked_like_the_dataclass() -> None:
    fast = Fast("a")
    with pytest.raises(dataclasses.FrozenInstanceError):
        fast.name = "b"  # type: ignore[misc]
    assert dataclasses.replace(fast, count=5) == Fast("a", 5)
    with pytest.raises(TypeError):
        Fast()  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Fast("a", colour="red")  # type: ignore[call-arg]
    with pytest.raises(TypeError):
        Fast("a", 1, (), None, "one too many")  # type: ignore[call-arg]
    assert Fast.__init__.__qualname__ == "Fast.__init__"
    assert not hasattr(fast, "__dict__")  # slots: small objects


def test_refuses_what_it_cannot_make() -> None:
    with pytest.raises(TypeError, match="frozen"):

        @fast_init
        @dataclass
        class Mutable:
            a: int

    with pytest.raises(TypeError, match="slots=True"):

        @fast_init
        @dataclass(frozen=True)
        class WithDict:
            a: int

    with pytest.raises(TypeError, match="__post_init__"):

        @fast_init
        @dataclass(frozen=True, slots=True)
        class Checked:
            a: int

            def __post_init__(self) -> None:
                pass

    with pytest.raises(TypeError, match="plain defaults"):

        @fast_init
        @dataclass(frozen=True, slots=True)
        class Factory:
            a: list[int] = field(default_factory=list)


@pytest.mark.parametrize("cls", [PersonInput, Keys, PlannedRow])
def test_the_import_classes_keep_their_parameters(cls: type) -> None:
    fields = dataclasses.fields(cls)
    parameters = list(inspect.signature(cls).parameters.values())
    assert [p.name for p in parameters] == [f.name for f in fields]
    assert [p.default for p in parameters] == [
        inspect.Parameter.empty if f.default is dataclasses.MISSING else f.default for f in fields
    ]
    assert cls.__init__.__module__ == cls.__module__
