"""How specific a place is: a facility, a settlement, a region or country.

In: an entity's or mention's subtype ("Prison", "City", "Country", ...).
Out: whether it is a built site, and a rank for ordering places most
specific first and for telling which places are precise enough for two
reports to be about one event.
"""

from __future__ import annotations

from kg.model import Entity, Mention

# Place subtypes too wide to tell two reports are about one event by themselves.
BROAD_PLACES = ("country", "region", "continent", "state", "province")
SETTLEMENTS = ("city", "town", "village")
# Any other place subtype (Facility, Prison, Airport, ...) is a built site.
SPECIFIC_RANK = 3  # ranks below this (facility, settlement, unknown size) are specific


def is_facility(subtype: str | None) -> bool:
    return bool(subtype) and subtype.lower() not in (*BROAD_PLACES, *SETTLEMENTS)


def place_rank(entity: Entity | None) -> int:
    """Most specific place first: a facility, then a town, then a place of unknown size, then a region or country."""
    subtype = (entity.subtype or "").lower() if entity else ""
    if is_facility(subtype):
        return 0
    return 1 if subtype in SETTLEMENTS else 3 if subtype in BROAD_PLACES else 2


def is_broad(entity: Entity | None) -> bool:
    """A country or region: where a report happened, but too wide to identify the event."""
    return place_rank(entity) >= SPECIFIC_RANK


def is_broad_subtype(subtype: str | None) -> bool:
    """A mention's subtype naming a country or region (an entity's: ``is_broad``)."""
    return (subtype or "").lower() in BROAD_PLACES


def is_site(mention: Mention) -> bool:
    """A town or a built site: where things happen, never who does them."""
    subtype = (mention.subtype or "").lower()
    return subtype in SETTLEMENTS or is_facility(subtype)


def acts(mention: Mention) -> bool:
    """A country acts as a party ("the US invasion"); a town or facility is where things happen."""
    return (mention.subtype or "").lower() == "country"
