"""The cattrs converters: the one definition of a valid record, and JSON output.

``file_converter`` is the schema of the shipped files: the strict path of
``_loader.py`` (any load whose files are not byte for byte the release's),
``scripts/format_data.py`` and CI all structure records with it. The
release's own files skip it (they were checked by it when they were made),
because importing cattrs costs more than a whole cold look-up.
"""

from __future__ import annotations

import datetime
import enum
from typing import Any

import cattrs
from cattrs.gen import make_dict_structure_fn, make_dict_unstructure_fn, override

from ._catalogue import Programme, ProgrammeKind
from ._dates import PartialDate
from ._model import (
    Country,
    Event,
    EventKind,
    FormerName,
    Participation,
    Source,
    Status,
    Suspension,
    SystemMembership,
)
from ._records import Change, ChangeAction, Meta

__all__ = ["FILE_TYPES", "converter", "file_converter"]


def _structure_partial_date(value: Any, _type: type) -> PartialDate:
    return PartialDate.parse(value)


def _structure_date(value: Any, _type: type) -> datetime.date:
    if not isinstance(value, str):
        raise TypeError(f"a date is a string, not {type(value).__name__}")
    return datetime.date.fromisoformat(value)


def _structure_enum(value: Any, type_: type[enum.Enum]) -> enum.Enum:
    return type_(value)


def _unstructure_enum(value: enum.Enum) -> Any:
    return value.value


def _structure_int(value: Any, _type: type) -> int:
    if type(value) is not int:
        raise TypeError(f"expected an integer, got {type(value).__name__}")
    return value


def _structure_str(value: Any, _type: type) -> str:
    if not isinstance(value, str):
        raise TypeError(f"expected a string, got {type(value).__name__}")
    return value


def _lists_only(conv: cattrs.Converter, *types: Any) -> None:
    """Make ``tuple[X, ...]`` accept JSON arrays only (cattrs would split a string)."""
    for tuple_type in types:
        default = conv.get_structure_hook(tuple_type)

        def structure(value: Any, type_: Any, default: Any = default) -> Any:
            if not isinstance(value, list):
                raise TypeError(f"expected a list, got {type(value).__name__}")
            return default(value, type_)

        def is_wanted(candidate: Any, wanted: Any = tuple_type) -> bool:
            return bool(candidate == wanted)

        conv.register_structure_hook_func(is_wanted, structure)


def _base() -> cattrs.Converter:
    conv = cattrs.Converter(forbid_extra_keys=True, detailed_validation=True)
    conv.register_structure_hook(str, _structure_str)
    conv.register_structure_hook(int, _structure_int)
    # Our enums are str subclasses (like enum.StrEnum): without these, the str hook would claim them.
    for kind in (ChangeAction, EventKind, ProgrammeKind, Status):
        conv.register_structure_hook(kind, _structure_enum)
        conv.register_unstructure_hook(kind, _unstructure_enum)
    conv.register_structure_hook(PartialDate, _structure_partial_date)
    conv.register_unstructure_hook(PartialDate, str)
    conv.register_structure_hook(datetime.date, _structure_date)
    conv.register_unstructure_hook(datetime.date, datetime.date.isoformat)
    return conv


def _make_converter() -> cattrs.Converter:
    """Objects <-> plain data, every field included (a Country with its relations)."""
    conv = _base()
    _lists_only(
        conv,
        tuple[str, ...],
        tuple[Source, ...],
        tuple[Suspension, ...],
        tuple[SystemMembership, ...],
        tuple[FormerName, ...],
        tuple[Participation, ...],
        tuple[Event, ...],
    )
    return conv


def _make_file_converter() -> cattrs.Converter:
    """Plain data in the shipped files' shape <-> records.

    In the files a country is a ``Country`` without its relations
    (``participations`` and ``events`` are not allowed there), a spell a
    ``Participation`` without ``run_by`` (its programme's), and fields
    with defaults may be left out; every other field is required and
    unknown keys are errors.
    """
    conv = _base()
    _lists_only(
        conv,
        tuple[str, ...],
        tuple[Source, ...],
        tuple[Suspension, ...],
        tuple[SystemMembership, ...],
        tuple[FormerName, ...],
    )
    for cls in (
        Source,
        FormerName,
        Suspension,
        SystemMembership,
        Programme,
        Event,
        Meta,
        Change,
    ):
        conv.register_structure_hook(cls, make_dict_structure_fn(cls, conv, _cattrs_forbid_extra_keys=True))
    # Joined at load, never written in the record: a spell's run_by (its programme's) and a country's relations.
    omit = override(omit=True)
    conv.register_structure_hook(
        Participation, make_dict_structure_fn(Participation, conv, _cattrs_forbid_extra_keys=True, run_by=omit)
    )
    conv.register_unstructure_hook(Participation, make_dict_unstructure_fn(Participation, conv, run_by=omit))
    conv.register_structure_hook(
        Country,
        make_dict_structure_fn(Country, conv, _cattrs_forbid_extra_keys=True, participations=omit, events=omit),
    )
    conv.register_unstructure_hook(Country, make_dict_unstructure_fn(Country, conv, participations=omit, events=omit))
    _lists_only(
        conv,
        tuple[Programme, ...],
        tuple[Participation, ...],
        tuple[Event, ...],
        tuple[Country, ...],
        tuple[Change, ...],
    )
    return conv


#: Full objects to plain data and back (used by the CLI's JSON output).
converter = _make_converter()
#: The shipped files' shape (used by validation and the data formatter).
file_converter = _make_file_converter()

#: The type each shipped file structures to.
FILE_TYPES: dict[str, Any] = {
    "changes.json": tuple[Change, ...],
    "countries.json": tuple[Country, ...],
    "events.json": tuple[Event, ...],
    "meta.json": Meta,
    "participations.json": tuple[Participation, ...],
    "programmes.json": tuple[Programme, ...],
}
