"""A country's affiliation with NATO on a day, the categories the affiliation map colours."""

from __future__ import annotations

import datetime

from ._model import Country, Status, StrEnum

__all__ = ["Affiliation", "affiliation"]


class Affiliation(StrEnum):
    """What the map colours a country by on a day: its :class:`Status`, partners split by framework.

    A partner's framework is the first that it takes part in (not suspended)
    in this order: Euro-Atlantic (NACC, EAPC, PfP), Mediterranean Dialogue,
    Istanbul Cooperation Initiative, partners across the globe; a partner in
    none of them (only a cooperation programme, for example) is
    ``OTHER_PARTNER``. A partner all of whose NATO-run spells are suspended
    that day is ``SUSPENDED_PARTNER`` (Russia from 1 April 2014, Belarus
    from November 2021, Afghanistan from 20 August 2021): still on NATO's
    lists, its cooperation halted.
    ``MAJOR_NON_NATO_ALLY`` marks a country with no NATO status that the
    United States designates; a member, aspirant or partner
    keeps its NATO colour even when it is also designated.
    """

    MEMBER = "member"
    ASPIRANT = "aspirant"
    EURO_ATLANTIC_PARTNER = "Euro-Atlantic partner (NACC, EAPC, PfP)"
    MEDITERRANEAN_DIALOGUE = "Mediterranean Dialogue"
    ISTANBUL_COOPERATION_INITIATIVE = "Istanbul Cooperation Initiative"
    PARTNER_ACROSS_THE_GLOBE = "partner across the globe"
    OTHER_PARTNER = "other partner"
    SUSPENDED_PARTNER = "partner, cooperation suspended"
    MAJOR_NON_NATO_ALLY = "Major non-NATO ally of the United States"
    NONE = "none"


_FRAMEWORKS = (
    (Affiliation.EURO_ATLANTIC_PARTNER, frozenset({"NACC", "EAPC", "PfP"})),
    (Affiliation.MEDITERRANEAN_DIALOGUE, frozenset({"MD"})),
    (Affiliation.ISTANBUL_COOPERATION_INITIATIVE, frozenset({"ICI"})),
    (Affiliation.PARTNER_ACROSS_THE_GLOBE, frozenset({"PATG"})),
)


def affiliation(country: Country, day: datetime.date) -> Affiliation:
    """The :class:`Affiliation` of ``country`` on ``day``, from its status and its running spells.

    >>> import datetime, nato_relations as nr
    >>> affiliation(nr.get_country("Morocco"), datetime.date(2024, 3, 7)).value
    'Mediterranean Dialogue'
    """
    status = country.status_on(day)
    if status is Status.MEMBER:
        return Affiliation.MEMBER
    if status is Status.ASPIRANT:
        return Affiliation.ASPIRANT
    running = [p for p in country.participations_on(day) if not p.suspended_on(day)]
    if status is Status.PARTNER:
        if not any(p.run_by == "NATO" for p in running):  # a partner, so its NATO-run spells are all suspended
            return Affiliation.SUSPENDED_PARTNER
        codes = {p.programme for p in running}
        return next((kind for kind, frameworks in _FRAMEWORKS if codes & frameworks), Affiliation.OTHER_PARTNER)
    return Affiliation.MAJOR_NON_NATO_ALLY if any(p.programme == "MNNA" for p in running) else Affiliation.NONE
