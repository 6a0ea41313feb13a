"""NATO's relations with the world: members, partners, programmes and events.

>>> import datetime
>>> from nato_relations import get_country
>>> get_country("Sweden").status_on(datetime.date(2024, 3, 1)).value
'partner'

Importing the package reads no data; the dataset is loaded, once, by the
first question asked of it.
"""

from ._dates import PartialDate, Precision
from ._model import (
    Country,
    DatasetInfo,
    Event,
    EventKind,
    Participation,
    Programme,
    ProgrammeKind,
    Source,
    Status,
)
from ._queries import (
    countries,
    dataset_info,
    events,
    get_country,
    get_programme,
    members,
    participants,
    programmes,
)
from ._version import __version__
from .exceptions import (
    CountryNotFoundError,
    DataError,
    NatoRelationsError,
    NotFoundError,
    ProgrammeNotFoundError,
)

__all__ = [
    "Country",
    "CountryNotFoundError",
    "DataError",
    "DatasetInfo",
    "Event",
    "EventKind",
    "NatoRelationsError",
    "NotFoundError",
    "PartialDate",
    "Participation",
    "Precision",
    "Programme",
    "ProgrammeKind",
    "ProgrammeNotFoundError",
    "Source",
    "Status",
    "__version__",
    "countries",
    "dataset_info",
    "events",
    "get_country",
    "get_programme",
    "members",
    "participants",
    "programmes",
]
