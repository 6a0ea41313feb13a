"""NATO's relations with the world: members, partners, programmes and events.

    >>> import datetime
    >>> from nato_relations import get_country
    >>> get_country("Sweden").status_on(datetime.date(2024, 3, 1)).value
    'aspirant'

Importing the package reads no data; the dataset is loaded, once, by the
first question asked of it.
"""

from typing import TYPE_CHECKING, Any

from ._dates import PartialDate, Precision
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
from ._queries import (
    countries,
    dataset_info,
    events,
    get_country,
    get_programme,
    lineage,
    members,
    participants,
    programmes,
)
from ._version import __version__
from .exceptions import (
    AmbiguousCountryError,
    BeyondDataWarning,
    CountryNotFoundError,
    DataError,
    ExtraNotInstalledError,
    NatoRelationsError,
    NotFoundError,
    ProgrammeNotFoundError,
)

if TYPE_CHECKING:
    from ._affiliation import Affiliation
    from ._catalogue import DatasetInfo, Programme, ProgrammeKind
    from ._changes import changes
    from ._chart import timeline
    from ._cite import cite
    from ._convert import convert
    from ._export import export, to_dataframe
    from ._map import affiliation_map
    from ._panel import Panel, PanelRecord, panel
    from ._records import Change, ChangeAction

# Exports, charts, maps, panels and the programme catalogue's classes are imported on first use:
# they need modules (csv, pathlib, matplotlib, pandas) or work that a first look-up should not pay for.
_LAZY = {
    "Affiliation": "._affiliation",
    "Change": "._records",
    "ChangeAction": "._records",
    "DatasetInfo": "._catalogue",
    "Panel": "._panel",
    "PanelRecord": "._panel",
    "Programme": "._catalogue",
    "changes": "._changes",
    "cite": "._cite",
    "convert": "._convert",
    "ProgrammeKind": "._catalogue",
    "affiliation_map": "._map",
    "export": "._export",
    "panel": "._panel",
    "timeline": "._chart",
    "to_dataframe": "._export",
}


def __getattr__(name: str) -> Any:
    if name in _LAZY:
        import importlib

        value = getattr(importlib.import_module(_LAZY[name], __name__), name)
        globals()[name] = value
        return value
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")


__all__ = [
    "Affiliation",
    "AmbiguousCountryError",
    "BeyondDataWarning",
    "Change",
    "ChangeAction",
    "Country",
    "CountryNotFoundError",
    "DataError",
    "DatasetInfo",
    "Event",
    "EventKind",
    "ExtraNotInstalledError",
    "FormerName",
    "NatoRelationsError",
    "NotFoundError",
    "Panel",
    "PanelRecord",
    "PartialDate",
    "Participation",
    "Precision",
    "Programme",
    "ProgrammeKind",
    "ProgrammeNotFoundError",
    "Source",
    "Status",
    "Suspension",
    "SystemMembership",
    "__version__",
    "affiliation_map",
    "changes",
    "cite",
    "convert",
    "countries",
    "dataset_info",
    "events",
    "export",
    "get_country",
    "get_programme",
    "lineage",
    "members",
    "panel",
    "participants",
    "programmes",
    "timeline",
    "to_dataframe",
]
