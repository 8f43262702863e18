"""Place mentions in a sentence, and which one a figure is about.

Mentions are found without a giant regex: one pass finds runs of capitalised words
("Port-au-Prince", "el-Fasher", "Democratic Republic of the Congo", "KYIV"), and every
sub-run of up to MAX_WORDS words is looked up in the gazetteer's dict, longest first.
A qualifier makes a name a place even when the gazetteer does not know it ("Kerr
County", "Noto Peninsula", "Niger state", "the Gaskinde area"). Names that are also
ordinary words ("Reading", "Police") count only after a locative word ("in Reading").
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace
from functools import cache

from tui.core.claims import rx
from tui.core.claims.gazetteer import Gazetteer, gazetteer, place_key
from tui.core.claims.gazetteer_data import ORDINARY_WORDS, QUALIFIERS
from tui.core.claims.regex_speed import compile_guarded

MAX_WORDS = 6  # "Saint Vincent and the Grenadines" is the longest name worth a lookup
_UPPER = "A-ZÀ-ÖØ-ÞĀĂĄĆČĎĐĒĖĘĚĞĢĪĮİĶĹĻĽŁŃŅŇŌŐŒŔŘŚŞŠŢŤŪŮŰŲŹŻŽ"
# A capitalised word ("Port-au-Prince", "N'Djamena") or a dotted short form ("U.S."), and
# runs of them joined by connectors ("Democratic Republic of the Congo", "Ain al-Asad").
# Kept simple because it runs over every sentence with a figure: a possessive ("Gaza's")
# and an Arabic article before a run ("el-Fasher") are handled in code.
# One character class first: the pattern fails fast at the many lower-case positions.
_TOKEN = rf"[{_UPPER}](?:\.(?:[A-Z]\.)+|[\w'’-]*)"
_CONNECT = r"of|de|del|la|le|du|da|do|di|al|el|upon|the|and|y"
_RUN = rx.compile(rf"{_TOKEN}(?:\s(?:(?:{_CONNECT})\s)*(?:(?:[ae][ldnrstz]|ash)-|d')?{_TOKEN})*")
_PIECE = rx.compile(r"\S+")
_ARTICLE_BEFORE = rx.compile(r"(?<![\w-])(?:[ae][ldnrstz]|ash)-\Z")
_POSSESSIVE = ("'s", "’s")
# The locative words that let a name which is also a word be a place ("in Reading").
_SURE_CUES = frozenset(
    {
        "in",
        "at",
        "into",
        "near",
        "across",
        "outside",
        "inside",
        "throughout",
        "through",
        "of-place",
        "im",
        "nach",
        "bei",
        "dans",
        "à",
        "au",
        "aux",
        "en",
        "em",
        "no",
        "na",
        "w",
        "we",
        "di",
    }
)
# Words before an unknown word that may make it a town ("22 in Suzu, five in ...").
_UNKNOWN_CUES = (" in ", " at ", " near ")
_CONNECTORS = frozenset(_CONNECT.split("|"))
# A lower-case qualifier right after a name: "Niger state", "Kursk region", "Gaskinde area".
_AFTER = rx.compile(
    r"\s+(state|region|province|county|district|oblast|governorate|prefecture|area|town|"
    r"village|city)\b"
)
_SHORT_QUALIFIERS = ("area", "town", "village", "city")  # not part of the name: "Kagara town"
# Qualifiers that make an unknown name a place on their own ("Kerr County").
_PLACE_MAKERS = frozenset(
    {
        "county",
        "province",
        "prefecture",
        "governorate",
        "oblast",
        "district",
        "division",
        "strip",
        "peninsula",
        "valley",
        "mountains",
        "desert",
    }
)
# The locative word before a mention, allowing an article and a direction or adjective:
# "in the Gaza Strip", "in northern Gaza", "across eastern Ukraine".
LOCATIVE = compile_guarded(
    r"\b(in|at|into|across|near|from|to|for|outside|inside|around|throughout|through|towards?|off|"
    r"within|of|on|against|im|nach|bei|dans|à|au|aux|en|em|no|na|nos|nas|w|we|di)\s+"
    r"(?:(?:the|die|der|dem|den|das|la|le|les|el|los|las|region|région|región)\s+)*"
    r"(?:(?:north|south|east|west|central|(?:north|south)?"
    r"[- ]?(?:east|west)(?:ern)?|northern|southern|eastern|western|neighbouring|neighboring"
    r"|nearby|occupied|besieged|war-torn|coastal|rural|downtown|southeastern|northeastern|"
    r"southwestern|northwestern)\s+)?\Z"
)
_KIND_RANK = {"site": 0, "city": 0, "feature": 1, "county": 1, "region": 2, "country": 3}
SHORT_FORMS = {"US": "US", "UK": "UK"}


@dataclass(frozen=True, slots=True)
class PlaceMention:
    start: int
    end: int
    name: str  # what a claim reports: as the text writes it (US and UK as short forms)
    rank: int  # 0 city or site .. 3 country: the most specific (lowest) wins
    cue: str | None  # the locative word before it ("in", "at", "from"...), if any
    rows: tuple[int, ...] = ()  # its gazetteer places (none for a name it does not know)
    qualified: bool = False  # written with a qualifier ("Kerr County", "Niger state")


@dataclass(frozen=True, slots=True)
class UserPlaces:
    """The places a user names in ``[[figures]]``: normalised key -> the user's spelling."""

    names: dict[str, str]


@cache
def user_places(places: frozenset[str] = frozenset()) -> UserPlaces:
    # Sorted: spellings that share a key ("Turkiye", "Türkiye") must give the same name
    # whatever the set's (hash-seeded) order; the last in code-point order wins.
    return UserPlaces({place_key(p): " ".join(p.split()) for p in sorted(places) if p.strip()})


@cache
def _user_pattern(places: tuple[str, ...]) -> re.Pattern[str]:
    """The user's place names as written in lower case ("rebel-held northwest"): matched
    anywhere, since a user's words need no capital letter to be a place."""
    words = sorted({" ".join(p.lower().split()) for p in places}, key=len, reverse=True)
    # A hyphen and a space are one ("government controlled areas" is the user's
    # "government-controlled areas"); `place_key` folds them alike for the name.
    alternation = "|".join(re.sub(r"(?:\\ |\\?-)+", r"[\\s-]+", re.escape(w)) for w in words)
    # The user's words: re.compile, not rx (whose file keeps the code's patterns).
    return re.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])")


def _with_user_mentions(
    lower: str, user: dict[str, str], found: list[PlaceMention]
) -> list[PlaceMention]:
    """`found` with the user's places the capitalised scan missed ("government-held
    areas"). A user's place that holds found names replaces them: "government-controlled
    parts of Syria" is one place, not Syria."""
    out = list(found)
    for m in _user_pattern(tuple(sorted(user.values()))).finditer(lower):
        start, end = m.span()
        overlapping = [f for f in out if f.start < end and start < f.end]
        if any(f.start < start or f.end > end for f in overlapping):
            continue  # it cuts across a longer name
        if any(f.start == start and f.end == end for f in overlapping):
            continue  # found as written already
        name = user.get(place_key(m.group()), " ".join(m.group().split()))
        out = [f for f in out if f not in overlapping]
        out.append(PlaceMention(start, end, name, 1, _cue(lower, start)))
    return sorted(out, key=lambda f: f.start)


def _surface(text: str) -> str:
    name = " ".join(text.split())
    return name[4:] if name.startswith(("The ", "the ")) else name  # "The New Jersey senator"


# "the city of el-Fasher", "the outskirts of Kyiv": "of" after these is as good as "in".
_OF_PLACE = rx.compile(
    r"\b(?:city|cities|towns?|villages?|regions?|provinces?|states?|districts?|areas?"
    r"|county|counties|prefectures|capital|port"
    r"|islands?|municipality|outskirts|suburbs?|streets|neighbou?rhood|camp|prefecture"
    r"|governorate|parts|north|south|east|west|centre|center|rest)\s+\Z"
)

# "50 km south of Beirut", "southwest of Marrakech": a reference point, not the place.
_BEARING = rx.compile(
    r"(?<!the )\b(?:north|south|east|west|(?:north|south)-?(?:east|west))(?:ern)?\s+\Z"
)


# Verbs whose object is a place: "crossed the Channel", "the quake that struck Al Haouz".
_PLACE_VERB = rx.compile(
    r"\b(?:cross(?:ed|es|ing)?|fle(?:d|e|es|eing)|hit(?:s|ting)?|str(?:uck|ikes?|iking)|"
    r"battered|ravaged|pounded|entered|reached|invaded|evacuated|leaving|left|"
    # what a quake or storm does to a place: "the earthquake that slammed Turkey and Syria"
    r"slam(?:med|s)|rock(?:ed|s)|jolt(?:ed|s)|sh(?:ook|akes)|devastat(?:ed|es)|lash(?:ed|es)|"
    r"hammer(?:ed|s)|pummell?(?:ed|s)|inundat(?:ed|es)|engulf(?:ed|s)|flood(?:ed|s))\s+"
    r"(?:the\s+)?(?:(?:north|south|east|west|central|northern|southern|eastern|western)\s+)?\Z"
)


_MOVING = rx.compile(
    r"\b(?:send|sends|sent|sending|deploy\w*|mov(?:e|ed|es|ing)|transferr?\w*|return\w*|"
    r"arriv\w*|dispatch\w*|evacuat\w*|flown|flew|relocat\w*|redeploy\w*)\b"
)


def _cue(lower: str, start: int, text: str = "") -> str | None:
    m = LOCATIVE.search(lower, max(0, start - 40), start)
    if m is not None and text and _inside_a_name(text, m.start(1)):
        return None  # "George W Bush": a capital W is an initial, not the Polish "w"
    if m is None:
        return "verb" if _PLACE_VERB.search(lower, max(0, start - 40), start) else None
    if m.group(1) == "to" and _MOVING.search(lower, max(0, m.start() - 60), m.start()):
        return "into"  # "send 1,000 troops to Poland": where they go
    if m.group(1) == "of":
        before = lower[max(0, m.start() - 24) : m.start()]
        if _OF_PLACE.search(before):
            return "ref" if _BEARING.search(before) else "of-place"
        if _BEARING.search(before):
            return "ref"
    return m.group(1)


_WORD_BEFORE = rx.compile(r"([\w.'’-]+)\s+\Z")


def _inside_a_name(text: str, at: int) -> bool:
    """Is the capitalised word at `at` inside a run of capitalised words (an initial or a
    name's part), rather than a sentence's first word ("In Gaza, ...")?"""
    if not text[at : at + 1].isupper():
        return False
    before = _WORD_BEFORE.search(text, max(0, at - 30), at)
    word = before.group(1) if before else ""
    return word[:1].isupper() and not word.endswith(".")


def _name_for(g: Gazetteer, rows: list[int], surface: str) -> tuple[str, int]:
    kind = g.kind(rows[0])
    if kind == "country" and g.name(rows[0]) in SHORT_FORMS:
        return SHORT_FORMS[g.name(rows[0])], 3
    if kind == "site":
        return g.name(rows[0]), 0
    return surface, _KIND_RANK[kind]


def find_places(text: str, lower: str, extra: UserPlaces | None = None) -> list[PlaceMention]:
    """Every place named in `text` (`lower` is its same-length lower-cased copy)."""
    g = gazetteer()
    user = extra.names if extra else {}
    out: list[PlaceMention] = []
    keys, weak = g.keys, g.weak
    for run in _RUN.finditer(text):
        start, end = run.span()
        if text.startswith("$", end):
            continue  # "US$397 million", "NZ$635": a currency, not a country
        word = run.group()
        if word.isalpha() and word.isascii():  # one plain word (most runs): a quick no
            key = word.lower()
            if (
                key not in keys
                and key not in weak
                and key not in user
                and not (start >= 3 and lower.startswith("of ", start - 3))
                and not lower.endswith(_UNKNOWN_CUES, max(0, start - 6), start)
                and _AFTER.match(lower, end) is None
            ):
                continue
        if start >= 3 and text[start - 1] == "-":  # "el-Fasher": the article is the name's
            article = _ARTICLE_BEFORE.search(lower, start - 4, start)
            start = article.start() if article else start
        groups = _groups(text, start, end)
        if len(groups) > 1:  # cut after a possessive; but "Cox's Bazar" is one name
            groups = _across_possessive(g, user, text, lower, groups, out)
        for group in groups:
            i = 0
            while i < len(group):
                found = _longest(g, user, text, lower, group, i)
                if found is None:
                    i += 1
                    continue
                mention, used = found
                out.append(mention)
                i += used
    if user:
        out = _with_user_mentions(lower, user, out)
    return out


def _across_possessive(
    g: Gazetteer,
    user: dict[str, str],
    text: str,
    lower: str,
    groups: list[list[tuple[int, int]]],
    out: list[PlaceMention],
) -> list[list[tuple[int, int]]]:
    """The groups to look up, after taking a name that runs across the first possessive
    ("Cox's Bazar", "Martha's Vineyard") into `out`; unchanged when there is none."""
    first = groups[0]
    run_end = groups[-1][-1][1]
    whole = [m.span() for m in _PIECE.finditer(text, first[0][0], run_end)]
    for i in range(len(first)):
        found = _longest(g, user, text, lower, whole, i)
        if found is None or i + found[1] <= len(first):
            continue  # none, or one that ends before the possessive: looked up as usual
        out.append(found[0])
        rest = whole[i + found[1] :]
        before = [first[:i]] if i else []
        return before + (_groups(text, rest[0][0], run_end) if rest else [])
    return groups


def _groups(text: str, start: int, end: int) -> list[list[tuple[int, int]]]:
    """The run's words as (start, end), cut after a possessive: "Russia's Kursk" is two
    names, each looked up on its own."""
    chunk = text[start:end]
    if " " not in chunk and "\n" not in chunk and "\t" not in chunk:  # most runs: one word
        if chunk.endswith(_POSSESSIVE):
            end -= 2
        return [[(start, end)]] if end > start else []
    groups: list[list[tuple[int, int]]] = [[]]
    for m in _PIECE.finditer(text, start, end):
        s, e = m.span()
        if text.endswith(_POSSESSIVE, s, e):
            groups[-1].append((s, e - 2))
            groups.append([])
        else:
            groups[-1].append((s, e))
    return [grp for grp in groups if grp]


def _longest(
    g: Gazetteer,
    user: dict[str, str],
    text: str,
    lower: str,
    pieces: list[tuple[int, int]],
    i: int,
) -> tuple[PlaceMention, int] | None:
    first = text[pieces[i][0] : pieces[i][1]]
    if first in _CONNECTORS:  # lower case only: "Al Haouz" starts a name, "al" joins one
        return None
    for j in range(min(len(pieces), i + MAX_WORDS), i, -1):
        last = text[pieces[j - 1][0] : pieces[j - 1][1]]
        if last in _CONNECTORS:
            continue
        start, end = pieces[i][0], pieces[j - 1][1]
        mention = _lookup(g, user, text, lower, start, end, j - i, last)
        if mention is None:
            continue
        if mention.cue is None and _embedded(text, pieces, i, j, mention.rank):
            return None  # "Lok Sabha", "World Bank", "Hurricane Helene": part of a name
        if j < len(pieces) and _name_goes_on(g, text, pieces[j:], mention):
            return None  # "at Abu Ghraib prison", "the New York Times": part of a name
        if j - i == 1 and j < len(pieces) and _weak_before_name(g, text, first, pieces[j]):
            # "Metro Manila", "Greater Sydney": the word qualifies the place after it
            s, e = pieces[j]
            inner = _lookup(g, user, text, lower, s, e, 1, text[s:e])
            if inner is None or inner.rank == 3:
                return mention, 1
            name = _surface(text[start : inner.end]) if inner.name == text[s:e] else inner.name
            cue = _cue(lower, start)
            return replace(inner, start=start, name=name, cue=cue), 2
        return mention, j - i
    return None


# Words after a place's name that make it a newspaper's ("the Washington Post").
_OUTLET_WORDS = frozenset(
    "Times Post Herald Tribune Journal Gazette Chronicle Observer Telegraph Inquirer "
    "Examiner Courier Standard Independent".split()
)
_CALENDAR_WORDS = frozenset(
    "Monday Tuesday Wednesday Thursday Friday Saturday Sunday January February March April "
    "May June July August September October November December".split()
)


def _name_goes_on(
    g: Gazetteer, text: str, rest: list[tuple[int, int]], mention: PlaceMention
) -> bool:
    """Does the capitalised word after a found name continue a longer name? A newspaper's
    word always does; after a town or a name that is also a word, any word the gazetteer
    does not know does ("Abu Ghraib", "Most Wonderful Plants"), except a calendar word, a
    qualifier, or a name that ends as an institution of the town ("Goma Airport", "the
    Kochi Medical College": it stands in the town)."""
    nxt = rest[0]
    word = text[nxt[0] : nxt[1]]
    if word in _OUTLET_WORDS:
        return True
    if mention.cue is None or mention.qualified or not word.isalpha() or not word[0].isupper():
        return False
    weak = place_key(_surface(text[mention.start : mention.end])) in g.weak
    if mention.rank > 1 and not weak:
        return False
    if word in _CALENDAR_WORDS or word in _NOT_NAMES or word in _INSTITUTIONS:
        return False
    if any(text[s:e] in _INSTITUTIONS or text[s:e] in _SITES for s, e in rest[1:4]):
        return False
    return not g.rows(place_key(word)) and word.lower() not in QUALIFIERS


def _weak_before_name(g: Gazetteer, text: str, word: str, nxt: tuple[int, int]) -> bool:
    """A place that is also a word ("Metro", "Greater") right before a place that is not."""
    following = place_key(text[nxt[0] : nxt[1]])
    return place_key(word) in g.weak and following not in g.weak and bool(g.rows(following))


# Capitalised words that start sentences or titles, not names ("The Asheville police"),
# or qualify a place's name ("Region Kursk", "Province of").
_NOT_NAMES = frozenset(
    "The A An In At On For By From Of And But As After Before When While With Some Most "
    "More About Over Nearly Almost At Around Up To Only Also Region Province State City "
    "Town Village District County Prefecture Oblast Governorate".split()
)
# Last words of a name that make it a site in its town ("Kochi Steel Plant").
_SITES = frozenset(
    "College School Institute Plant Factory Mill Mine Stadium Market Centre Center Camp "
    "Cathedral Mosque Temple Church Bridge Dam Park Square Hall Court Tower".split()
)
# Capitalised words that widen a place to its area, not another name before it.
_AREA_PREFIXES = frozenset("Greater Metro Metropolitan".split())
# Words after a town's name that make it an institution of the town, not another name:
# "the Asheville Police Department", "Goma Airport".
_INSTITUTIONS = frozenset(
    "Police Fire Sheriff City Council Mayor Airport Health Ministry Government Governor "
    "Department Municipal Municipality Hospital University Port Station Province Region "
    "County District Prefecture State".split()
)


def _embedded(text: str, pieces: list[tuple[int, int]], i: int, j: int, rank: int) -> bool:
    """Whether the words [i, j) of a run are part of a longer name: a capitalised word
    (not a connector) stands right before them ("Lok Sabha"; a country's name is never
    part of another: "North Korea" is looked up whole), or, for a town, right after them
    ("Hurricane Helene"; a region's name may modify: "Gaza Health Ministry")."""
    for k, applies in ((i - 1, rank < 3), (j, rank < 2)):
        if applies and 0 <= k < len(pieces):
            word = text[pieces[k][0] : pieces[k][1]]
            if (
                word in _CONNECTORS
                or word in _NOT_NAMES
                or (k == j and word in _INSTITUTIONS)
                or (k < i and word in _AREA_PREFIXES)  # "Greater Manchester"
            ):
                continue
            return True
    return False


def _lookup(
    g: Gazetteer,
    user: dict[str, str],
    text: str,
    lower: str,
    start: int,
    end: int,
    words: int,
    last: str,
) -> PlaceMention | None:
    span = text[start:end]
    key = place_key(span)
    rows = g.rows(key)
    qualifier = last.lower() if words >= 2 else ""
    # Most sub-runs name nothing: give up before reading the words around them.
    after = None
    if not rows and key not in user and qualifier not in QUALIFIERS:
        if words > 1 and not (words == 2 and _COMPASS_NAME.fullmatch(span)):
            return None
        after = _AFTER.match(lower, end)
        if (
            after is None
            and not (start >= 3 and lower.startswith("of ", start - 3))
            and not lower.endswith(_UNKNOWN_CUES, max(0, start - 6), start)
        ):
            return None
    else:
        after = _AFTER.match(lower, end)
    if after is not None and not text[after.start(1)].islower():
        after = None  # "Islamic State" is a name, "Niger state" a place
    full_end = after.end() if after and after.group(1) not in _SHORT_QUALIFIERS else end
    cue = _cue(lower, start, text)
    if cue is not None and after is None and _modifies_noun(text, lower, end):
        cue = None  # "in US strikes near Kandahar": the strikes' side, not where it was
    if key in user:
        # The user's spelling, as specific as the gazetteer says ("Syria" is a country:
        # "Syria's opposition-held northwest" is more specific than it).
        rank = _KIND_RANK[g.kind(rows[0])] if rows else 0
        return PlaceMention(start, full_end, user[key], rank, cue, tuple(rows))
    if rows:
        if span.isupper() and len(span) <= 4 and g.kind(rows[0]) != "country":
            return None  # an acronym ("RSF", "UN") is not a small town's name
        if lower.startswith(" crude", end) and g.kind(rows[0]) != "country":
            return None  # "Brent crude" is a grade of oil, not the London borough
        if after is None and (
            (key in g.weak and cue not in _SURE_CUES)  # "in Reading", not "to Reading"
            or (cue is None and _actor_only(g, key, rows))
        ):
            return None
        if after is not None and after.group(1) not in _SHORT_QUALIFIERS:  # "Niger state"
            rows = [r for r in rows if g.kind(r) in ("region", "county")] or rows
        name, rank = _name_for(g, rows, _surface(text[start:full_end]))
        qualified = after is not None or g.kind(rows[0]) in ("feature", "county")
        return PlaceMention(start, full_end, name, rank, cue, tuple(rows), qualified)
    if qualifier in QUALIFIERS and " and " not in span:
        head = place_key(text[start : end - len(last)])
        head_rows = g.rows(head)
        if head in g.weak and cue is None:
            return None  # "Police Department" is not in the Polish town
        if head_rows or qualifier in _PLACE_MAKERS:
            rank = _KIND_RANK[g.kind(head_rows[0])] if head_rows else 1
            return PlaceMention(start, end, _surface(span), rank, cue, tuple(head_rows), True)
    # "in the Gaskinde area", "in Zamfara state", "the village of Kurilovka": a place the
    # gazetteer does not know.
    known_word = key in g.weak or key in ORDINARY_WORDS or key in _actor_words()
    compass = _COMPASS_NAME.fullmatch(span) if words == 2 else None
    if (  # "in North Waziristan,": a district too small for the gazetteer, named by its part
        compass is not None
        and cue in ("in", "at", "near")
        and _NAME_END.match(text, end)
        and place_key(compass.group(1)) not in ORDINARY_WORDS
    ):
        return PlaceMention(start, end, span, 0, cue)
    if words > 1 or known_word or not _NAME_SHAPE.match(span):
        return None
    if (after is not None and cue is not None) or cue == "of-place":
        return PlaceMention(start, full_end, _surface(text[start:full_end]), 1, cue, (), True)
    if cue in ("in", "at", "near") and _NAME_END.match(text, end):
        # "killed in Alamo, officials said": a town too small for the gazetteer.
        return PlaceMention(start, end, span, 0, cue)
    return None


# A part of a place, named by its compass word ("North Waziristan", "Upper Dir"): the
# name after it has the shape of an unknown town's (`_NAME_SHAPE`).
_COMPASS_NAME = rx.compile(
    r"(?:North|South|East|West|Upper|Lower|Central)\s+((?:(?:[ae][ldnrstz]|ash)-)?[A-Z][a-z]{2,})"
)

# An unknown word that may be a small town's name: capitalised, then lower case ("Suzu",
# "al-Hasima"), not an acronym or CamelCase product ("WWDC", "SmartThings").
_NAME_SHAPE = rx.compile(r"(?:(?:[ae][ldnrstz]|ash)-)?[A-Z][a-z]{2,}(?:-[A-Za-z][a-z]+)*\Z")
# ... and ends a phrase: "in Suzu, while", "in Alamo." (not "in Parliament Square"), or
# a clause goes on after it ("died in Derna after the dams burst", "in Suzu when").
_NAME_END = rx.compile(
    r"\s*(?:[,.;:)]|\Z|\s+(?:and|on|last|this|earlier|late|early|after|before|when|where"
    r"|while|as|since|following|during|amid|but|until)\b)"
)


# A name used as a modifier ("died in US strikes", "at Miami University in Oxford"): the
# locative word before it governs the noun after it, so it says whose or which, not where.
# The nouns are those a side or a town's name usually modifies in news: attacks and the
# forces that make them, and institutions named after a place that may lie elsewhere.
_MODIFIED_NOUN = rx.compile(
    r"(?:-(?:led|backed|made|based)\b|\s+(?:air|drone|missile|rocket|artillery)?\s*"
    r"(?:strikes?|airstrikes?|attacks?|raids?|bombings?|bombardments?|shelling|offensives?|"
    r"operations?|assaults?|custody|detention|captivity|forces|troops|soldiers|military|"
    r"army|navy|police|officials|authorities|government|embassy|jails?|prisons?)\b)"
)
_NAMED_INSTITUTION = rx.compile(r"\s+(?:University|College|Institute|Academy|School)\b")


def _modifies_noun(text: str, lower: str, end: int) -> bool:
    return bool(_MODIFIED_NOUN.match(lower, end) or _NAMED_INSTITUTION.match(text, end))


@cache
def _actor_words() -> frozenset[str]:
    """Organisations and groups ("Hamas", "Xinhua"): never a town of the same name
    unless a locative word says so."""
    from tui.core.claims.actors import actor_aliases

    return frozenset(place_key(a) for a in actor_aliases())


def _actor_only(g: Gazetteer, key: str, rows: list[int]) -> bool:
    return key in _actor_words() and g.kind(rows[0]) not in ("country", "region")


def first_place(mentions: Iterable[PlaceMention]) -> PlaceMention | None:
    return next(iter(mentions), None)
