"""What a number counts, in open vocabulary: the noun phrase it quantifies, read without
a tagger, normalised to a lower-case plural head, with the event folded in.

"1,100 jobs" -> jobs; "34 airstrikes" -> airstrikes; "2,500 American soldiers" -> troops;
"12 people had been killed" and "killing 12 people" -> deaths; "the death toll rose to
47" -> deaths; "put the number of missing at 23" -> missing; "a convoy of 40 trucks" ->
trucks. A head that no table knows is still a thing: the tables only merge synonyms.

Every function reads one ``Window`` (see ``window.py``), with positions relative to it.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from itertools import islice

from tui.core.claims import rx
from tui.core.claims.events import (
    EVENT_THING,
    FOLDABLE,
    SPELLED,
    event_for,
    fold_event,
)
from tui.core.claims.german import german_head
from tui.core.claims.modifiers import RISING_PAST
from tui.core.claims.nouns import (
    ADJECTIVES,
    PLACE_KINDS,
    QUANTIFIER_MODIFIERS,
    STOP,
    SYNONYMS,
    is_adjective,
    plural,
)
from tui.core.claims.regex_speed import gated, search_last_words
from tui.core.claims.tense import EXPECTED_BY
from tui.core.claims.window import Window

MAX_NP_WORDS = 5  # "2,500 more US combat troops": a counted phrase is short
# One token: a word (letters first, may hold hyphens and apostrophes), a number, or one
# other character. Leading spaces are skipped by the pattern itself.
# A word may hold a dot ("e.g", "PowerOutage.us"), but not one that starts a sentence
# ("12 more stations.The report said": no space after the full stop).
_TOKEN = rx.compile(
    r"\s*(?:(U\.S\.|U\.K\.|[^\W\d_](?:[\w'’-]|\.(?![A-Z][a-z]))*[^\W_]|[^\W\d_])|"
    r"([0-9][0-9.,]*)|(\S))"
)


@dataclass(frozen=True, slots=True)
class Thing:
    """A counted thing and where the text names it (window positions)."""

    name: str
    start: int
    end: int
    follows: bool  # named right after the number: the words between are its modifiers


@dataclass(frozen=True, slots=True)
class _Word:
    text: str
    start: int
    end: int

    @property
    def low(self) -> str:
        return self.text.lower()


# Things an anaphoric subject points back to when the number is linked to it.
_LINK_BEFORE = rx.compile(
    r"(?:\b(?:at|to|of|is|was|were|are|be|been|numbering|numbered|totaling|totalling|totals|"
    r"totalled|totaled|total|reached|reach|reaches|reaching|stood|stands|stand|hit|hits|"
    r"topped|tops|exceeded|exceeds|exceeding|surpassed|passed|passes|touched|rose|risen|climbed|"
    r"jumped|soared|fell|dropped|declined|increased|decreased|grew|went|put|estimated|"
    r"surpassing|rising|climbing|nearing|approaching|exceed|surpass|crossed|crossing|"
    r"crosses|past|beyond|above|exceeds|increased\s+to|rose\s+to|by|"
    # a forecast's base form: "the toll could rise above 1,000", "is likely to top 500"
    r"rise|climb|grow|increase|top|pass|"
    r"sitting|sits|standing|now|just|only|as|on|has|have|had)\s*|[:=(]\s*)$"
)
_LINK_WORDS = 2  # the most words a link above has ("rose to")
_LINKING_MODIFIER = rx.compile(
    r"(?:passed|passes|exceeded|exceeding|topped|tops|surpassed|surpassing|reached|hit|crossed|"
    rf"neared|nearing|approached|approaching|{RISING_PAST})\b"
)
# Count words that point at what they count: "the number of missing", "the death toll".
# Count words that point at what they count: "the number of missing", "total of deaths".
# The counted phrase itself is read by ``phrase_after`` from the end of the match.
_CROWD = rx.compile(r"\b(?:crowds?|attendance)\b")
_NUMBER_OF = rx.compile(r"\b(?:number|total|tally|count|toll|figure|estimate)\s+of\s")
_TOLL = rx.compile(r"\b(death\s+toll|toll|body\s+count|fatalit(?:y|ies))\b")
_THOSE_WHO = rx.compile(
    r"(?:the\s+)?(?:those|people|persons|others)\s+(?:who|that)\s+(?:have\s+|had\s+|were\s+|"
    r"was\s+|are\s+)?(?:been\s+)?(died|killed|injured|wounded|missing|displaced|arrested|"
    r"detained|evacuated|fled)\b"
)
# The size of a force named as a level: "troop levels", "its military presence", "the
# force's strength".
_FORCE_LEVEL = rx.compile(
    r"\b(?:troops?|military|force|forces|soldiers|personnel)(?:'s|’s)?\s+"
    r"(?:presence|levels?|numbers|strength|count|deployment|footprint|size)\b|"
    # a country's presence cut to a count: "plans to cut its presence to fewer than 2,000"
    r"\b(?:its|their)\s+(?:presence|footprint)\b"
)


def _tokens(text: str, pos: int, limit: int) -> list[tuple[str, int, int, str]]:
    """Up to `limit` tokens from `pos`: (text, start, end, class) with class w/n/p."""
    out: list[tuple[str, int, int, str]] = []
    match = _TOKEN.match
    while len(out) < limit:
        m = match(text, pos)
        if m is None:
            break
        out.append(_token(m))
        pos = m.end()
    return out


def _token(m: re.Match[str]) -> tuple[str, int, int, str]:
    # Exactly one of the three groups takes part in a match: `lastindex` says which.
    group = m.lastindex
    assert group is not None
    return m.group(group), m.start(group), m.end(group), _TOKEN_CLASS[group]


class _TokensAfter:
    """`_tokens(text, pos, limit)`, read only as far as asked: a counted phrase is mostly
    one or two words, and reading all `limit` tokens up front cost a regex match each.
    (``finditer`` gives the same tokens as matching again at each end: every position
    that is not trailing space starts a token.)"""

    __slots__ = ("_found", "_next")

    def __init__(self, text: str, pos: int, limit: int) -> None:
        self._found: list[tuple[str, int, int, str]] = []
        self._next = islice(_TOKEN.finditer(text, pos), limit)

    def get(self, i: int) -> tuple[str, int, int, str] | None:
        """The `i`-th token, or None past the last one."""
        found = self._found
        while len(found) <= i:
            m = next(self._next, None)
            if m is None:
                return None
            found.append(_token(m))
        return found[i]


_TOKEN_CLASS = {1: "w", 2: "n", 3: "p"}


def _canonical(words: list[_Word], known: Mapping[str, str] | None = None) -> str | None:
    """The canonical thing of a counted phrase's words (modifiers then head). `known` maps
    words the user's ``[[figures]]`` name (and the built-in lexicon) to their thing, and
    is asked first: the user's "GIs" are troops."""
    if not words:
        return None
    first_head = words[-1].low
    if first_head in FOLDABLE and len(words) > 1 and words[-2].low in EVENT_THING:
        return EVENT_THING[words[-2].low]  # "missing people", "displaced persons"
    if known:
        for size in (3, 2, 1):
            if len(words) >= size:
                phrase = " ".join(w.low for w in words[-size:])
                if phrase in known:
                    return known[phrase]
    head = words[-1].low.strip("'’").removesuffix("'s").removesuffix("’s")
    head = _ELIDED_ARTICLE.sub("", head)  # "13 millions d'exemplaires": exemplaires
    if head in _ADJECTIVE_HEADS:  # "12 dead", "the number of missing"
        return EVENT_THING.get(head, head)
    mods = [w for w in words[:-1]]
    # Drop leading quantifier words and capitalised modifiers (demonyms, names, actors):
    # "20 Israeli hostages" counts hostages; whose they are is the actor's business.
    # A state word before a person ("missing people", "displaced persons") is the event.
    if head in FOLDABLE and mods and mods[-1].low in EVENT_THING:
        return EVENT_THING[mods[-1].low]
    # Non-English phrases put the head first ("150 soldados russos", "soldats tués").
    for w in words:
        if w.low in _FOREIGN_HEADS:
            return SYNONYMS.get(w.low, w.low)
    while mods and (
        "-" in mods[0].low
        or mods[0].low in QUANTIFIER_MODIFIERS
        or mods[0].text[:1].isupper()
        or mods[0].low in ADJECTIVES
        or mods[0].low.endswith("-strong")
    ):
        mods.pop(0)
    if head in ("members", "personnel") and any(w.low in _MILITARY for w in words[:-1]):
        return "troops"  # "600 National Guard members", "US Army personnel"
    last_two = f"{mods[-1].low} {head}" if mods else None
    if last_two is not None and last_two in SYNONYMS:
        return SYNONYMS[last_two]
    if head in SYNONYMS and (not mods or is_adjective(mods[-1].text)):
        return SYNONYMS[head]
    proper = words[-1].text[:1].isupper() and not words[-1].text.isupper()
    if not mods and proper and not _is_plural_head(head):
        return None  # a proper name ("a third of Pakistan"), not a counted thing
    acronym = len(words[-1].text) > 1 and words[-1].text.isupper()
    if acronym:
        head = words[-1].text  # "4.7% of GDP": an acronym is written, not made plural
    elif head.isascii() and (not head.endswith("s") or head.endswith("ss")):
        head = plural(head)  # English plurals only: "грудня" or "militares" stay as written
    head = SYNONYMS.get(head, head)
    if (
        mods
        and not is_adjective(mods[-1].text)
        and not mods[-1].text[:1].isupper()
        and "-" not in mods[-1].low
    ):
        compound = f"{mods[-1].low} {head}"
        return SYNONYMS.get(compound, compound)
    return head


_ELIDED_ARTICLE = rx.compile(r"^(?:d|l|dell|dall|nell|sull)['’](?=\w)")


def canonical(words: list[_Word]) -> str | None:
    """The canonical thing of a counted phrase read by ``phrase_after``."""
    return _canonical(words)


def phrase_after(window: Window, end: int, *, allow_of: bool) -> list[_Word]:
    """The words of the noun phrase right after a number ("2,500 American combat troops",
    "hundreds of people"), modifiers then head; [] when none follows."""
    if EXPECTED_BY.match(window.lower, end):
        return []  # "the 150,000 economists had expected": a forecast, not a count of them
    words: list[_Word] = []
    tokens = _TokensAfter(window.text, end, MAX_NP_WORDS + 3)
    i = 0
    first = tokens.get(0)
    if first is not None and first[0] in _QUOTES:  # 'had "several hundred" casualties'
        i = 1
    token = tokens.get(i)
    if allow_of and token is not None and token[0].lower() in _OF:
        i += 1
        while (token := tokens.get(i)) is not None and token[0].lower() in _ARTICLES:
            i += 1
        # A partitive names the whole: "542 of the 543 constituencies", "five of the six
        # regions", "4,500 of the 28,500 US troops" all count what the whole counts.
        if (
            token is not None
            and tokens.get(i + 1) is not None
            and (token[3] == "n" or token[0].lower() in _NUMBER_WORDS)
        ):
            i += 1
    while (token := tokens.get(i)) is not None:
        i += 1
        text, start, stop, cls = token
        low = text.lower()
        if cls == "n" and words and _kind_follows(words[-1].text, tokens.get(i)):
            continue  # a model's number: "18 Leopard 2 tanks"
        if cls != "w" or (low in STOP and not (len(text) > 1 and text.isupper())):
            break  # an acronym ("US", "UN") is a modifier even when it spells a stop word
        if (
            words
            and (low.endswith("ed") or low.endswith("ing"))
            and low not in _NOUN_ING
            and not (_modifying_ing(low, words[-1].text) and _plural_next(tokens.get(i)))
        ):
            # "people killed", "families seeking shelter": the verb after the head; but
            # "40 Bradley fighting vehicles" goes on to its head
            break
        if low.endswith("ly") and len(low) > 4 and text.islower():
            break  # an adverb ("landed safely", "12 badly hurt")
        if low.endswith(("'s", "’s")) and not words:
            continue  # a possessive before the head: "90% of the company's employees"
        words.append(_Word(text, start, stop))
        if len(words) >= MAX_NP_WORDS:
            break
        if _is_plural_head(low) and not _kind_follows(text, tokens.get(i)):
            break  # English puts the plural head last: "4,000 soldiers guard the base"
    # A phrase never ends on a participle ("155 died", "the first seven handed over"),
    # unless it is a counted state on its own ("300 injured"), nor on a modifier ("12
    # were", "the 12 Israeli").
    while words and words[-1].low not in _ADJECTIVE_HEADS:
        last = words[-1].low
        participle = last.endswith(("ed", "ing")) and last not in _NOUN_ING
        # Suffixes mislead on heads ("hospital", "rival"): only listed adjectives and
        # capitalised demonyms ("Israeli") are dropped from the end.
        modifier = (
            last in QUANTIFIER_MODIFIERS
            or last in ADJECTIVES
            or (words[-1].text[:1].isupper() and is_adjective(words[-1].text))
        )
        if not (participle or modifier):
            break
        words.pop()
    return words


_QUOTES = frozenset("\"'“”‘’«»")
_OF = frozenset(["of", "de", "des", "du", "di"])  # "hundreds of people", "miles de personas"
_ARTICLES = ("the", "its", "their", "those")
_NUMBER_WORDS = frozenset(
    "two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty "
    "hundred".split()
)
_MILITARY = frozenset("guard army navy military marine marines forces force armed".split())
_PLURAL_HEADS = frozenset("people personnel children men women".split())


def _kind_follows(name: str, token: tuple[str, int, int, str] | None) -> bool:
    """A capitalised name ("Abrams", "HIMARS", "Leopard") names the make of the plural
    noun after it ("31 Abrams tanks", "12 HIMARS launchers"): that noun is the head."""
    return name[:1].isupper() and _plural_next(token)


def _modifying_ing(low: str, before: str) -> bool:
    """An -ing word that modifies the noun after it: after a make's name ("Bradley
    fighting vehicles") or one of the usual compounds ("polling stations")."""
    return low.endswith("ing") and (before[:1].isupper() or low in _ING_MODIFIERS)


# -ing words that mostly open a compound noun rather than a verb phrase.
_ING_MODIFIERS = frozenset(
    "fighting parking operating landing training polling voting shipping housing nursing "
    "boarding launching firing cooking drinking sleeping".split()
)


def _plural_next(token: tuple[str, int, int, str] | None) -> bool:
    """The next token is a lower-case plural noun."""
    return (
        token is not None and token[3] == "w" and token[0].islower() and _is_plural_head(token[0])
    )


def _is_plural_head(low: str) -> bool:
    """A plural noun ends the counted phrase: "soldiers", "people", "cases"."""
    if low in _PLURAL_HEADS:
        return True
    return (
        len(low) > 3
        and low.endswith("s")
        and not low.endswith(("ss", "us", "is", "'s", "’s"))
        and low not in _NOT_PLURAL
    )


# Words ending in -s that are not plural heads (modifiers or singulars).
_NOT_PLURAL = frozenset(
    "its this has was does gas news series species aids measles mumps rabies scabies "
    "diabetes herpes shingles rickets lens economics politics physics athletics".split()
)  # (diseases and fields named in the singular: "640 measles cases")
# Heads of phrases in languages that put adjectives after the noun.
_FOREIGN_HEADS = frozenset(
    "soldados soldats soldaten militares militaires muertos mortos morts heridos feridos "
    "blessés personas pessoas personnes tentara pasukan prajurit orang".split()
)
# -ing/-ed words that are nouns when they head a counted phrase.
_NOUN_ING = frozenset(
    "buildings dwellings meetings bombings shootings killings sightings crossings "
    "hearings findings offerings earnings savings warnings proceedings".split()
)
# Adjective-looking words that are counted things on their own ("12 dead", "300 injured").
_ADJECTIVE_HEADS = frozenset("dead injured wounded missing displaced homeless".split())


def thing_after(
    window: Window, end: int, *, allow_of: bool, known: Mapping[str, str] | None = None
) -> Thing | None:
    if window.german():
        head = german_head(window.text, end)
        return Thing(head[0], head[1], head[2], True) if head else None
    words = phrase_after(window, end, allow_of=allow_of)
    name = _canonical(words, known)
    if name is None:
        return None
    # The head's position: the words between the number and it are its modifiers, which
    # is where an actor adjective is looked for ("3,000 US soldiers").
    return Thing(name, words[-1].start, words[-1].end, True)


# The numbers before a shared head: "303 and 282 seats", "16, 12 and 9 seats".
_COORDINATED = rx.compile(
    rf"(?:\s*,\s*{SPELLED})*\s*,?\s+(?:and|or)\s+(?:some\s+|about\s+|nearly\s+)?{SPELLED}"
    r"(?=\s)"
)


def coordinated_thing(
    window: Window, end: int, known: Mapping[str, str] | None = None
) -> Thing | None:
    """The thing of the last number of a coordination the number opens ("the 303 and
    282 seats" -> seats for 303), or None."""
    m = _COORDINATED.match(window.lower, end)
    if m is None:
        return None
    found = thing_after(window, m.end(), allow_of=True, known=known)
    return Thing(found.name, found.start, found.end, False) if found else None


# Units of a force: "a 2,500-strong contingent" counts troops.
_FORCE_UNITS = frozenset(
    "contingent force forces brigade battalion army mission group garrison unit units "
    "division regiment corps deployment presence militia team".split()
)


def sized_thing(window: Window, suffix: str, end: int, known: Mapping[str, str] | None) -> str:
    """What a size glued to its number counts: "-strong" a force's troops (or the crowd's
    people), "-member" members, "-seat" seats, "-man"/"-person" people or troops."""
    if suffix == "member":
        return "members"
    if suffix == "seat":
        return "seats"
    words = phrase_after(window, end, allow_of=False)
    head = words[-1].low if words else ""
    force = not words or head in _FORCE_UNITS or words[-1].text[:1].isupper()
    if suffix == "strong":
        if force:
            return "troops"
        return (
            "people"
            if head in ("crowd", "crowds", "delegation")
            else _canonical(words, known) or "troops"
        )
    return "troops" if force else "people"


def thing_before(
    window: Window, start: int, clause_start: int, known: Mapping[str, str] | None = None
) -> Thing | None:
    """The thing named earlier in the clause when the number is linked to it: "the death
    toll rose to 47", "the number of missing at 23", "inflation rose to 3.2%", "the
    injured at 9,733". `start` is where the number's modifier starts, if it has one
    ("rose to more than 5,000"). The mention nearest the number wins."""
    head = window.lower[clause_start:start]
    linked = search_last_words(_LINK_BEFORE, head, _LINK_WORDS)
    if not (linked or _LINKING_MODIFIER.match(window.lower, start)):
        return None  # ("the death toll passed 8,500": the modifier is the link verb)
    best: Thing | None = None
    for m in _NUMBER_OF.finditer(window.lower, clause_start, start):
        words = phrase_after(window, m.end() - 1, allow_of=False)
        name = _canonical(words, known) if words else None
        who = _THOSE_WHO.match(window.lower, m.end()) if not words else None
        if who is not None:  # "the number of those who died rose to 12"
            best = Thing(EVENT_THING[who.group(1)], m.end(), who.end(), False)
            continue
        if name is not None:
            event = event_for(window, m.end(), m.end(), words[-1].end)
            best = Thing(fold_event(name, event) or name, words[-1].start, words[-1].end, False)
    for m in _TOLL.finditer(window.lower, clause_start, start):
        if best is None or m.start() > best.start:
            best = Thing("deaths", m.start(), m.end(), False)
    for m in _FORCE_LEVEL.finditer(window.lower, clause_start, start):
        if best is None or m.start() > best.start:  # "cut troop levels to 2,000"
            best = Thing("troops", m.start(), m.end(), False)
    for m in _THE_COUNTED.finditer(window.lower, clause_start, start):
        if best is None or m.start() > best.start:
            best = Thing(EVENT_THING[m.group(1)], m.start(1), m.end(1), False)
    for m in _CROWD.finditer(window.lower, clause_start, start):
        if best is None or m.start() > best.start:  # "police put the crowd at 15,000"
            best = Thing("people", m.start(), m.end(), False)
    if best is None:  # "payrolls rose by 150,000", "arrivals climbed to 21,000"
        best = changed_subject(head, clause_start)
    return best


def changed_subject(head: str, clause_start: int) -> Thing | None:
    """The plural noun a verb of change has for its subject, right before the verb or
    with where in between ("arrivals to Italy by sea fell to"); `head` is lower case."""
    for pattern in (_SUBJECT_CHANGED, _SUBJECT_WHERE_CHANGED):
        subject = pattern.search(head)
        if subject is None or _IN_PHRASE.search(head, 0, subject.start(1)):
            continue
        word = subject.group(1)
        if word.endswith("s") and _SINGULAR_VERB.match(head, subject.end(1)):
            continue  # "... in Valencia and other regions has risen to 225": not its subject
        name = _COUNT_SUBJECTS.get(word)
        if name is None and _is_plural_head(word) and word not in STOP:
            name = SYNONYMS.get(word, word)
        if name is not None and name not in _NOT_COUNTED:
            at = clause_start + subject.start(1)
            return Thing(name, at, at + len(word), False)
    return None


_SINGULAR_VERB = rx.compile(r"\s(?:has|is|was)\s")
# A noun right before a verb of change that takes the number: "payrolls rose by 150,000".
_SUBJECT_CHANGED = rx.compile(
    r"\b([a-z][a-z-]+)\s+(?:has\s+|have\s+|had\s+)?(?:rose|risen|grew|grown|fell|fallen|"
    r"increased|decreased|dropped|declined|climbed|jumped|surged|plunged|soared|totaled|"
    r"totalled|numbered|reached|topped|exceeded|stood|stand|stands|were|was|are|is)\s+"
    r"(?:by\s+|to\s+|at\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|"
    r"more\s+than\s+|over\s+|just\s+)?$"
)
# The same with where in between: "arrivals to Italy by sea fell to 66,000", "cases in
# the county climbed to 124". Only verbs of change: "X in Y were 40" says too little.
_SUBJECT_WHERE_CHANGED = rx.compile(
    r"\b([a-z][a-z-]+)\s+(?:to|in|into|across|at|from)\s+(?:the\s+)?[a-z][\w'-]*"
    r"(?:\s+by\s+(?:sea|land|air|boat|road))?\s+(?:has\s+|have\s+|had\s+)?"
    r"(?:rose|risen|grew|grown|fell|fallen|increased|decreased|dropped|declined|climbed|"
    r"jumped|surged|plunged|soared|totaled|totalled|reached|topped|exceeded)\s+"
    r"(?:by\s+|to\s+)?(?:about\s+|around\s+|nearly\s+|almost\s+|some\s+|roughly\s+|"
    r"more\s+than\s+|over\s+|just\s+)?$"
)
# "floods in Valencia and other regions has risen to 225": the noun is a preposition's.
_IN_PHRASE = rx.compile(
    r"\b(?:in|of|from|at|on|for|with|across|following|to|by|near|among|between|after)\s+"
    r"(?:[\w'-]+,?\s+){0,3}$"
)
# Mass nouns that stand for a count when they change: employment grows by jobs.
_COUNT_SUBJECTS = {
    "employment": "jobs",
    "payrolls": "jobs",
    "payroll": "jobs",
    "hiring": "jobs",
    "enrollment": "enrollment",
    "enrolment": "enrollment",
}
# Plural subjects that are not what the number counts ("the results were 40 to 2").
_NOT_COUNTED = frozenset(
    "results figures numbers estimates reports data statistics officials authorities sources "
    "projections polls others ones times terms odds chances rates levels".split()
)


# "the injured at 9,733", "the dead numbered 40": a state word standing for its people.
_THE_COUNTED = rx.compile(r"\bthe\s+(dead|injured|wounded|missing|displaced)\b")


_MONEY_FOR = rx.compile(
    r"\)?(?:\s*\([^()]{0,40}\))?\s+(?:in|for|of|worth\s+of|worth|as)\s+(?:new\s+|additional\s+)?"
)
# Stories of exchanges: the soldiers or people freed are prisoners ("a swap of 150 each").
_SWAP = gated(
    r"\b(?:exchanges?|swaps?|prisoners?\s+of\s+war|pows?|prisoner|trocas?|intercambios?|"
    r"canjes?|échanges?|austausch|gefangenen\w*)\b",
    "change swap prisoner pow troca intercambio canje austausch gefangenen",
)
# Soldiers released or handed back are prisoners ("Ukraine released 55 Russian soldiers").
_RELEASED_BEFORE = rx.compile(
    r"\b(?:released|freed|frees|free|repatriated|returned|handed\s+over|brought\s+home|"
    r"swapped|exchanged)\s+(?:[\w'-]+\s+){0,3}$"
)
_POW = gated(r"\b(?:prisoners?\s+of\s+war|pows?|prisoner\s+(?:exchange|swap)s?)\b", "prisoner pow")
_SWAPPED = frozenset("troops people citizens individuals civilians".split())
# Stories of crossings: the people who cross are migrants ("7,000 people made the crossing").
_CROSSING = gated(
    r"\b(?:crossings?|crossed|cross|small\s+boats?|dinghy|dinghies|migrants?|asylum)\b",
    "cross boat dingh migrant asylum",
)


_CAPTIVES = frozenset("people students pupils schoolchildren girls boys staff".split())
_ABDUCTED = gated(
    r"\b(?:abduct\w*|kidnap\w*|hostages?|captiv\w*|seized)\b", "abduct kidnap hostage captiv seized"
)
# People in shelters (not "without shelter"), in the count's own clause: "9,000 are
# affected, while 4,000 are being evacuated" makes evacuees of the 4,000 only.
_SHELTERED = rx.compile(
    r"\b(?:evacuat\w*|(?:in|at|into|to|inside)\s+(?:[\w-]+\s+){0,2}?shelters?|relief\s+camps?)\b"
)


def money_thing(
    window: Window, start: int, end: int, clause_start: int, known: Mapping[str, str] | None
) -> Thing | None:
    """What money is for: "$500m in military aid", "a $6.5 billion deal for jets", or a
    money noun the sum is linked to ("the damage is estimated at $2 billion")."""
    m = _MONEY_FOR.match(window.lower, end)
    if m is None or not _TIME_AFTER.match(window.lower, m.end()):  # "in fiscal 2024": when
        found = thing_after(window, m.end() if m else end, allow_of=False, known=known)
        if found is not None:
            return found
    head = window.lower[clause_start:start]
    if not search_last_words(_LINK_BEFORE, head, _LINK_WORDS):
        return None
    named = max(_MONEY_NOUN.finditer(head), key=lambda m: m.start(), default=None)
    if named is None:
        return None
    word = named.group(1)
    at = clause_start + named.start(1)
    return Thing(_MONEY_NOUNS.get(word, word), at, at + len(word), False)


_TIME_AFTER = rx.compile(
    r"(?:(?:fiscal|financial)\s+(?:year|(?:19|20)[0-9]{2})|"
    r"the\s+(?:first|second|third|fourth|last|past|next|same)\s+(?:quarter|half|year|month|week)|"
    r"(?:19|20)[0-9]{2}|january|february|march|april|may|june|july|august|september|october|"
    r"november|december)\b"
)
# Nouns a sum of money is the amount of: "the cost of rebuilding at $400 billion".
_MONEY_NOUNS = {"costs": "cost", "damages": "damage", "loss": "losses", "bills": "bill"}
_MONEY_NOUN = rx.compile(
    r"\b(cost|costs|damage|damages|losses|loss|bill|bills|budget|funding|aid|assistance|"
    r"package|deficit|debt|spending|revenue|revenues|compensation|fine|ransom|bail|"
    r"reward|pledge|pledges|loan|loans|grant|grants)\b"
)


def in_context(window: Window, thing: str | None, start: int = 0) -> str | None:
    """A generic thing read in its story: the people freed in a swap are prisoners, the
    abducted are hostages, the people crossing the Channel are migrants, the people in
    shelters are evacuees (the labelled set's conventions)."""
    if thing in _SWAPPED and _SWAP.search(window.lower):
        return "prisoners"
    if thing == "hostages" and _POW.search(window.lower):
        return "prisoners"  # "former captives" brought home in a swap of prisoners of war
    if thing in _CAPTIVES and _ABDUCTED.search(window.lower):
        return "hostages"
    if thing == "people" and _SHELTERED.search(window.lower, *window.clause(start)):
        return "evacuees"
    if thing == "troops" and _RELEASED_BEFORE.search(window.lower, max(0, start - 50), start):
        return "prisoners"
    if thing == "people" and (
        _CROSSING.search(window.lower)
        or (_BOATS.search(window.lower) and _ARRIVING.search(window.lower))
    ):
        return "migrants"
    if thing == "officers" and _POLICE.search(window.lower):
        return "police officers"
    return thing


_BOATS = rx.compile(r"\bboats?\b")
_ARRIVING = rx.compile(r"\b(?:arriv(?:ed|ing|als?|es)|landed|landing)\b")
_POLICE = rx.compile(r"\bpolice\b")


# A bare count as a clause's subject counts people: "About 28,000 are still in shelters".
_PERSON_VERB = rx.compile(
    r"\s+(?:are|were|remain|remained|have|had|live|lived|stay|stayed|fled|died|voted)\b"
)
_NOT_A_THING = frozenset(
    "times years months days weeks hours minutes decades percent points others ones marks "
    "milestones levels "
    "sides terms results projections figures numbers estimates reports statistics data "
    "officials sources authorities".split()
)


_AFTER_NAME = rx.compile(r"[A-Z][\w'’-]+\s?\($")
# A bare count as the object of a verb that takes people: "left thousands without power",
# "affected more than 2 million", "a boat carrying up to 400".
_PEOPLE_OBJECT = rx.compile(
    r"\b(?:left|leaving|leaves|affected|affecting|affects|carrying|carried)\s+"
    r"(?:(?:about|around|some|nearly|almost|more\s+than|over|up\s+to|an\s+estimated|"
    r"at\s+least|as\s+many\s+as|another)\s+)*$"
)
# Between a noun and a bare count that is a subject, a clause boundary: the noun is the
# speaker's ("aid groups warned that thousands are at risk"), not the count's head.
_NEW_CLAUSE = rx.compile(r"\b(?:that|said|says|say|warned|warn|warns)\b|[:;]")


def takes_people(window: Window, start: int) -> bool:
    """A count at `start` is the object of a verb that takes people ("carrying 600")."""
    return _PEOPLE_OBJECT.search(window.lower, max(0, start - 60), start) is not None


# Verbs in -s that take "to" and a verb, and look like plural nouns: "it plans to cut".
_TAKES_TO = frozenset(
    "plans aims hopes wants needs seeks vows intends expects promises pledges threatens "
    "agrees refuses tries wishes decides continues appears seems offers prepares "
    "proposes votes moves works".split()
)


def sentence_thing(window: Window, start: int, end: int) -> tuple[str, int | None] | None:
    """A thing for a count that names none: people when it is the object of a verb that
    takes people ("left thousands without power"), else the nearest plural noun before it
    in the sentence ("Labour won fewer votes, at 9.7 million"), else people when the count
    is the subject of a verb that people do ("hundreds of thousands are in danger").
    Returns the thing and where the sentence names it (None for the people guess)."""
    if _PEOPLE_OBJECT.search(window.lower, max(0, start - 60), start):
        return "people", None
    # "deaths in the provinces of Alta (120) and Baja (45)": a count in brackets after a
    # name is that place's share of the thing, not a count of provinces.
    bracketed = _AFTER_NAME.search(window.text, max(0, start - 40), start) is not None
    best: tuple[str, int | None] | None = None
    for text, t_start, _end, cls in _tokens(window.text[:start], 0, 400):
        low = text.lower()
        plural_noun = cls == "w" and text.islower() and _is_plural_head(low)
        if bracketed and low in PLACE_KINDS:
            continue
        if plural_noun and low in _TAKES_TO and window.lower.startswith(" to ", _end):
            continue  # "Washington plans to cut ...": a verb, not a noun
        if plural_noun and low not in STOP and low not in _NOT_A_THING:
            best = SYNONYMS.get(low, low), t_start
    subject = _PERSON_VERB.match(window.lower, end) is not None
    if (
        best is not None
        and best[1] is not None
        and subject
        and _NEW_CLAUSE.search(window.lower, best[1], start)
    ):
        return "people", None
    if best is not None:
        return best
    if subject:
        return "people", None
    return None
