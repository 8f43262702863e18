"""Places in sentences that state several figures, or name several places at once.

- *Lists*: "1,541 died in Turkey and 910 in Syria". A place written right after another
  figure of the same thing is that figure's own ("910" is not Turkey's). It is *taken*;
  a figure prefers a place no other figure of its thing has taken.
- *Totals*: "... 2,662 in Syria, bringing the total to 11,236". A total whose every place
  is taken by its parts covers them all: "Turkey and Syria".
- *Coordinated places*: "killed 300 in Mali and Burkina Faso", "hits Turkey, Syria". Two
  places joined by "and" or a comma, neither inside the other and no figure between them,
  are one place of the figure: "Mali and Burkina Faso" (the labelling convention).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass

from tui.core.claims import rx
from tui.core.claims.gazetteer import gazetteer
from tui.core.claims.places import PlaceMention


@dataclass(frozen=True, slots=True)
class Neighbour:
    """A figure of the sentence: its phrase [start, end) (from its counted thing when
    that comes first: "the death toll in both countries rose to 900") and what it counts."""

    start: int
    end: int
    thing: str | None
    listed: bool = False  # its thing is the list's before it ("1,541 in Turkey and 910")


def _same_thing(a: str | None, b: str | None) -> bool:
    return a is not None and b is not None and a == b


# "three of the 251 who died in X": the whole a part is counted from shares its place.
_PARTITIVE = rx.compile(r"\s+of\s+(?:the|these|those|its|their)\s+(?:[\w-]+\s+){0,2}?\Z")
# "with another 1,602 dead in Syria": an item of its own, apart from the figure before it.
_ANOTHER = rx.compile(r"\b(?:another|a\s+further|an\s+additional|further)\s+(?:[\w-]+\s+)?\Z")


def taken(
    m: PlaceMention, me: Neighbour, others: Sequence[Neighbour], lower: str = ""
) -> str | None:
    """Is the place `m` another figure's own, of the same thing as `me`? "after": it
    follows another figure that stands after `me`, or lies in that figure's phrase
    ("1,541 in Turkey and 910 in Syria": Syria is 910's for 1,541); "after-listed" when
    that figure only borrows the list's thing (it may be no figure at all: "Shelter
    Nine"). "before": it comes after another figure before `me` ("in Turkey" follows
    1,541, so it is not 910's), outside `me`'s own phrase; "another" when the later
    figure is an item of its own ("with another 1,602 in Syria"). None: it is free. A
    figure of another thing shares its places ("20 killed and 150 injured in Valencia"),
    and so does the whole a part is counted from ("three of the 251 who died in X")."""
    if me.start <= m.start < me.end:
        return None  # in my own phrase: "the toll in both countries rose to 900"
    found: str | None = None
    for o in others:
        if not _same_thing(o.thing, me.thing) or o.start <= me.start < o.end:
            continue
        if m.start >= me.end and o.start >= me.end and o.start <= m.start:
            if _PARTITIVE.match(lower, me.end, o.start) if lower else False:
                continue
            if not o.listed and lower and _ANOTHER.search(lower, max(0, o.start - 30), o.start):
                return "another"
            found = "after-listed" if o.listed else "after"
        elif m.end <= me.start and o.end <= m.start:
            found = found or "before"
    return found


# A total of the figures before it: "bringing the total to", "the total number of deaths
# is", "the overall toll", "the combined toll", "in all".
_TOTAL_BEFORE = rx.compile(
    r"\b(?:total|overall|combined|altogether|cumulative)\b(?:\W+\w+){0,6}?\W+\Z"
)
_TOTAL_AFTER = rx.compile(r"\s+(?:\w+\s+){0,2}?(?:in\s+(?:all|total)|altogether|combined)\b")


def is_total(lower: str, start: int, end: int, lo: int) -> bool:
    """Does the figure at [start, end) read as a total ("putting the total at 20,451")?"""
    return bool(
        _TOTAL_BEFORE.search(lower, max(lo, start - 60), start) or _TOTAL_AFTER.match(lower, end)
    )


def joined_names(names: Sequence[str]) -> str:
    """ "Turkey", "Syria" -> "Turkey and Syria"; three -> "A, B and C"."""
    unique = list(dict.fromkeys(names))
    if len(unique) == 1:
        return unique[0]
    return ", ".join(unique[:-1]) + " and " + unique[-1]


# Between two coordinated places: "and", "or", "&", "/", a comma, with the adjectives a
# place may carry ("Turkey and neighbouring Syria", "central Turkey and northwest Syria").
_DIRECTION = (
    r"(?:north|south|east|west|central|northern|southern|eastern|western|"
    r"(?:north|south)-?(?:east|west)(?:ern)?|neighbou?ring|nearby|adjacent)"
)
_COORDINATOR = rx.compile(
    rf"\s*(?:,\s*(?:and\s+)?|\s+(?:and|&)\s+|\s*/\s*)(?:the\s+)?(?:{_DIRECTION}\s+)?"
)
_SPACE_ONLY = rx.compile(r"\s+")  # "Turkey Syria earthquake": two countries in a headline


def coordinated(
    text: str, mentions: Sequence[PlaceMention], chosen: PlaceMention
) -> list[PlaceMention]:
    """The places written together with `chosen` as one list ("Mali and Burkina Faso"),
    in text order; just `chosen` when it stands alone. Places that nest ("Wajima,
    Ishikawa") are one place written twice, not a list."""
    i = mentions.index(chosen)
    group = [chosen]
    j = i
    while j + 1 < len(mentions) and _joined(text, mentions[j], mentions[j + 1]):
        group.append(mentions[j + 1])
        j += 1
    j = i
    while j > 0 and _joined(text, mentions[j - 1], mentions[j]):
        group.insert(0, mentions[j - 1])
        j -= 1
    return group


def _joined(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    if a.cue == "ref" or b.cue == "ref":
        return False
    between = _COORDINATOR.fullmatch(text, a.end, b.start)
    if between is None:
        both_countries = a.rank == 3 and b.rank == 3
        if not (both_countries and _SPACE_ONLY.fullmatch(text, a.end, b.start)):
            return False
    if a.name.casefold() in b.name.casefold() or b.name.casefold() in a.name.casefold():
        return False  # "Syria and northern Syria": one place, said twice
    # Places of one kind ("Mali and Burkina Faso"), or a user's own name beside one
    # ("central Turkey and northwest Syria"): the gazetteer cannot rank those.
    if a.rank != b.rank and a.rows and b.rows:
        return False
    if _town_then_its_country(text, a, b):
        return False
    return not _nested(a, b)


def _town_then_its_country(text: str, a: PlaceMention, b: PlaceMention) -> bool:
    """A town the gazetteer does not know, then a comma and a country or region ("in
    Derna, Libya", "in Gaskinde, Burkina Faso"): the news style that says where the town
    is, one place and not a list of two."""
    return not a.rows and bool(b.rows) and b.rank >= 2 and text[a.end : b.start].strip() == ","


def _nested(a: PlaceMention, b: PlaceMention) -> bool:
    """Does one of the two lie inside the other (by the gazetteer)?"""
    if not a.rows or not b.rows:
        return False
    g = gazetteer()
    a_rows, b_rows = set(a.rows), set(b.rows)
    return any(r in b_rows for row in a.rows for r in g.ancestors(row)) or any(
        r in a_rows for row in b.rows for r in g.ancestors(row)
    )


# A country's own voice on its own toll: its state media, health ministry, civil defence,
# its national Red Crescent or Red Cross society ("the Libyan Red Crescent").
_NATIONAL_VOICE = rx.compile(
    r"\b(?:state[-\s](?:run\s+)?(?:media|television|tv|news\s+agency|broadcaster)|"
    r"health\s+ministry|ministry\s+of\s+health|civil\s+defen[cs]e|red\s+cr(?:escent|oss))\b",
    re.IGNORECASE,
)
_FIRST_WORD = rx.compile(r"(?:[Tt]he\s+)?([A-Z][\w-]*?)(?:'s|’s)?\b")


def speakers_home(source: str | None) -> str | None:
    """The country whose own voice `source` is ("Syrian state media" -> Syria, "Peru's
    health ministry" -> Peru), or None for any other speaker ("US officials" may speak of
    anywhere)."""
    if not source or not _NATIONAL_VOICE.search(source):
        return None
    from tui.core.claims.countries import country_of

    first = _FIRST_WORD.match(source)
    return country_of(first.group(1)) if first else None


# A country's leader or national office: its president, minister, disaster agency.
_LEADER = rx.compile(
    r"\b(?:(?:vice[-\s])?president|prime\s+minister|premier|minister|ministry|"
    r"disaster\s+(?:and\s+emergency\s+)?(?:management\s+|response\s+)?"
    r"(?:agency|authority|presidency))\b",
    re.IGNORECASE,
)
# After the number, the people it counts: "11,000 people are injured", "912 have died".
# Not soldiers or police: a country's troops are counted wherever they serve.
_PEOPLE_AFTER = rx.compile(
    r"\s+(?:(?:people|persons|civilians|residents|citizens|others)\b|"
    r"(?:were|are|was|is|have|has|had|died|perished)\b)",
    re.IGNORECASE,
)


def leaders_home(source: str | None, text: str, end: int) -> str | None:
    """The country whose leader or national office `source` is ("Turkish President X",
    "Peru's interior minister"), when the figure ending at `end` of `text` counts people
    ("11,000 people are injured"); None otherwise. Such a toll with no place of its own
    is its country's: an earlier sentence's place abroad is not it."""
    if not source or not _LEADER.search(source) or not _PEOPLE_AFTER.match(text, end):
        return None
    from tui.core.claims.countries import country_of

    first = _FIRST_WORD.match(source)
    return country_of(first.group(1)) if first else None


def narrowed_to_home(place: str, home: str) -> str | None:
    """An earlier sentence's place, as a country's own voice speaks of it: a list holding
    its country is that country ("Turkey and Syria" -> Syria, for Syria's state media);
    a place outside it is not the one it counts (None)."""
    from tui.core.claims.gazetteer import place_within

    parts = [p for p in re.split(r"\s*,\s*(?:and\s+)?|\s+and\s+", place) if p]
    inside = [p for p in parts if place_within(p, home)]
    if len(parts) > 1:
        return home if inside else None
    return place if inside else None
