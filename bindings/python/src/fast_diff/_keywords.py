"""Option keywords: declared once as a ``TypedDict``, checked before anything reaches C.

Each family of functions declares its keywords as one ``TypedDict`` (the
functions take ``**options: Unpack[...]``, so type checkers see every
keyword and its type) and one table of defaults. :func:`with_keywords`
turns the two into the function's runtime signature, so ``help()`` and
``inspect.signature`` show the keywords as if they were written out.
The checks below refuse a wrong value with an error naming the keyword,
so that C only ever sees what it accepts.
"""

from __future__ import annotations

import inspect
import operator
from collections.abc import Callable, Collection, Mapping
from typing import Any, SupportsIndex, TypeVar

UINT32_MAX = 2**32 - 1
UINT64_MAX = 2**64 - 1

F = TypeVar("F", bound=Callable[..., Any])


def with_keywords(keywords: type, defaults: Mapping[str, object]) -> Callable[[F], F]:
    """Gives the decorated function (which ends in ``**options``) the signature it would
    have with each keyword of the ``TypedDict`` ``keywords`` written out, keyword-only,
    with its default from ``defaults``."""

    def decorate(function: F) -> F:
        signature = inspect.signature(function)
        own = [p for p in signature.parameters.values() if p.kind is not inspect.Parameter.VAR_KEYWORD]
        written_out = [
            inspect.Parameter(name, inspect.Parameter.KEYWORD_ONLY, default=defaults[name], annotation=annotation)
            for name, annotation in keywords.__annotations__.items()
        ]
        function.__signature__ = signature.replace(parameters=own + written_out)  # type: ignore[attr-defined]
        return function

    return decorate


def refuse_unknown(function: str, options: Collection[str], known: Collection[str]) -> None:
    """The TypeError Python raises for a keyword the function does not take."""
    for name in options:
        if name not in known:
            raise TypeError(f"{function}() got an unexpected keyword argument {name!r}")


def count(name: str, value: object, maximum: int, minimum: int = 0) -> int:
    """An integer option in [minimum, maximum]; bool is refused, as it is not a count."""
    if isinstance(value, bool):
        raise TypeError(f"{name} must be an int, not bool")
    if type(value) is not int and not isinstance(value, SupportsIndex):
        raise TypeError(f"{name} must be an int, not {type(value).__name__}")
    number = operator.index(value)
    if not minimum <= number <= maximum:
        raise ValueError(f"{name} must be between {minimum} and {maximum}, not {number}")
    return number


def flag(name: str, value: object) -> bool:
    """A yes/no option: only a bool, since a count or a string there is a mistake, not a wish."""
    if type(value) is not bool:
        raise TypeError(f"{name} must be a bool, not {type(value).__name__}")
    return value


def flags(options: Mapping[str, object], bits: Mapping[str, int]) -> int:
    """The bits of the yes/no ``options`` that are set, each keyword's bit from ``bits``."""
    result = 0
    for name, bit in bits.items():
        value = options.get(name, False)
        if value is not False and flag(name, value):
            result |= bit
    return result


def choice(name: str, value: object, numbers: Mapping[str, int]) -> int:
    """The C number of a ``StrEnum`` member or of its value; ``numbers`` maps every member."""
    # A StrEnum member hashes and compares as its value, so either finds it.
    number = numbers.get(value) if isinstance(value, str) else None
    if number is not None:
        return number
    kind = type(next(iter(numbers))).__name__
    names = ", ".join(repr(str(member)) for member in numbers)
    if not isinstance(value, str):
        article = "an" if kind[0] in "AEIOU" else "a"
        raise TypeError(f"{name} must be {article} {kind} or one of {names}, not {type(value).__name__}")
    raise ValueError(f"unknown {name} {value!r}; expected one of {names}")
