"""Numbers that count nothing a reader follows: ages, clock times, magnitudes, distances
and other measurements, ratios, definite references to a known set, counts of sources.

The labelled-set README lists them; each rule below names its case. Counts are figures
by default; these are the exceptions.
"""

from __future__ import annotations

from tui.core.claims import rx
from tui.core.claims.date_words import WRITTEN_WEEKDAYS
from tui.core.claims.lexicon import alternation
from tui.core.claims.nouns import PLACE_KINDS
from tui.core.claims.regex_speed import search_last_words
from tui.core.claims.window import Window

# After the number: a unit of measurement, a clock, an age, a ratio or a scale.
_AFTER = rx.compile(
    r"(?:-|\s)?(?:"
    r"(?:years?|yrs?)[\s-]+old|year-old|-year-old|"  # ages
    r"a\.?m\b\.?|p\.?m\b\.?|o'clock|gmt\b|utc\b|hrs\b|h\b|"  # clock times
    r"(?:kilomet(?:er|re)s?|km|miles?|mi|met(?:er|re)s?|m|feet|foot|ft|inch(?:es)?|in\.|"
    r"centimet(?:er|re)s?|cm|millimet(?:er|re)s?|mm|yards?|nautical)\b|"  # distances
    r"(?:mph|km/h|kph|knots)\b|"  # speeds
    r"(?:[kmgt]b|[kmg]hz|mah|[kmg]wh?|megapixels?)\b|"  # storage, frequency, power
    # temperatures; not a model glued by a hyphen ("20 F-16 jets", "four C-130s")
    r"(?:degrees?|°|c\b(?!-)|f\b(?!-)|celsius|fahrenheit)|"
    r"(?:-|\s)?magnitude\b|on\s+the\s+richter|"  # quake scales
    r"(?:times|fold)\b|-fold\b|"  # ratios
    r"(?:seconds?|minutes?|hours?|days?|weeks?|months?|years?|decades?|centuries)\b|"  # spans
    r"(?:st|nd|rd|th)\b|"  # ordinals written apart
    r"\s?[x×]\s?[0-9]|"  # dimensions: "1920 x 1080 pixels"
    # Ukrainian and Russian month names (genitive, as a date writes them): "18 грудня"
    r"(?:січня|лютого|березня|квітня|травня|червня|липня|серпня|вересня|жовтня|"
    r"листопада|грудня|января|февраля|марта|апреля|мая|июня|июля|августа|сентября|"
    r"октября|ноября|декабря)\b|"
    r"points?\b(?!\s+(?:gap|lead|swing|drop|fall|rise))|"  # scores (not a poll's gap)
    r"\s?(?:%|percent|per\s+cent)\s+(?:certain|certainty|sure|confident)\b|"  # idioms
    r"\s+of\s+(?:miles|kilomet(?:er|re)s|feet|met(?:er|re)s|years|miles\s+away)\b|"  # distances
    r"(?:most\s+[a-z]+|[a-z]{3,}est)\b(?<!\binterest)(?<!\bforest)(?<!\bharvest)"
    r"(?<!\brequest)(?<!\bprotest)(?<!\bcontest)(?<!\bsuggest)"  # ranks: "the 10 deadliest"
    r")"
)
# Before the number: what makes it a measurement or a label.
_BEFORE = rx.compile(
    # "dies at 91", not "put the number of dead at 3,166"
    r"(?:\bdie[sd]?\s+at|(?<!of\s)\bdead\s+at|\bdeath\s+at|\bpassed\s+away\s+at|"
    r"\bmagnitude(?:\s+of)?|\bmagnitude-|\bintensity(?:\s+of)?|\bscale\s+of|\baged|"
    r"\bage(?:\s+of)?|\bages|\bat|\bmaximum|\bregistered\s+(?:a\s+)?(?:maximum\s+)?|"
    r"\bno\.|\bnr\.|\bpage|\bphase|\bcategory|\bversion|\bkm|\bscore(?:d)?|"
    r"\brank(?:ed)?|\bseason|\bgrade|\bworld\s+war|\bchapter|\barticle|"
    r"\bsection|\bresolution|\bunscr|\bminus|\bsuite|\bthe\s+top)\s*$"
)
_BEFORE_WORDS = 3  # the most words a cue above has ("passed away at")
# How a match of _BEFORE can end, before its trailing spaces: a head ending otherwise
# holds no cue, and most heads ("killed", "than") are answered by this test alone.
_BEFORE_ENDS = tuple(
    "at of magnitude magnitude- intensity aged age ages maximum registered a no. nr. page "
    "phase category version km score scored rank ranked season grade war chapter article "
    "section resolution unscr minus suite top".split()
)
_SPELLED_DEFINITE = rx.compile(r"\b(?:the|these|those|both|its|their|all|our|his|her)\s+$")
_SPELLED = rx.compile(r"(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|both)$")
_SAID_AFTER = rx.compile(
    r"(?:\s+[\w'-]+){0,6}?\s+(?:said|say|says|told|reported|confirmed|stated|added)\b"
)
_SOURCE_HEADS = frozenset(
    "sources officials diplomats witnesses residents embassies analysts experts "
    "people familiar".split()
)


def not_a_figure(window: Window, start: int, end: int, thing: str | None) -> bool:
    """True when the number at [start, end) is a measurement, label or reference, not a
    figure. `thing` is the counted thing found so far (None when none was)."""
    low = window.lower
    if _AFTER.match(low, end):
        # "12 months to March", "45-year-old", "10 a.m.", "16 kilometres", "eight times"
        return True
    head = low[max(0, start - 30) : start]
    if head.endswith("(") and low.startswith(")", end) and _WEEKDAY_BRACKET.search(head):
        return True  # "nesta segunda-feira (24)", "el lunes (15)": the day of the month
    before = (
        search_last_words(_BEFORE, head, _BEFORE_WORDS)
        if head.rstrip().endswith(_BEFORE_ENDS)
        else None
    )
    if before is not None and (before.group().strip() != "at" or _clock_like(window, start, end)):
        # "magnitude 7.6", "aged 45", "at 10 on Monday", "Category 4", "Resolution 2231"
        return True
    if _DIGITS_AROUND.search(low, max(0, start - 3), start) or _DIGITS_NEXT.match(low, end):
        return True  # "+1 202 555 0143", "0800 123 456": a phone number or an id
    if (thing is None and _SCORE.match(low, end)) or _SCORE_BEFORE.search(head):
        return True  # "voted 170-4", "won 3-1": a score or a tally of votes
    if thing is None and _CLOCK_SPAN.search(low, max(0, start - 12), min(len(low), end + 30)):
        return True  # "from 9 to 5 in the evening": hours of a day
    if thing is None and age_in_apposition(window, start, end):
        return True  # "Yu Hu, 32, said", "a man, 33, was stabbed": an age in apposition
    if thing is None and _PRONOUN_AGE.search(head) and _COMMA_AFTER.match(window.text, end):
        return True  # "He was 38.": an age
    if thing is None and _bracketed_age(window, start, end):
        return True  # "L. Kumar (50) and his wife Devi (45)": ages after names
    if _PHONE_BEFORE.search(window.text, max(0, start - 8), start):
        return True  # "(202) 691-5902": a phone number
    if _GROUP_OF.search(window.text, max(0, start - 12), start):
        return True  # "the Group of Seven", "the Group of 20": a name
    # "6) So coal", "(312) 555-0148"; not "Alta (45) and Baja (12)", a count in brackets
    list_marker = _LIST_MARKER.match(window.text, end) and (
        window.text[start - 1 : start] != "(" or window.text[end + 2 : end + 3].isdigit()
    )
    if _ADDRESS_AFTER.match(window.text, end) or list_marker:
        return True  # "3300 Gallows Rd.", "6) So coal...": an address or a list marker
    if thing is None and _between_names(window, start, end):
        return True  # "Redmagic 11 Air", "Galaxy S 24 Ultra": a product or model name
    if thing is None and _after_a_name(window, start):
        return True  # "VirtualBox 3.0 released", "With iOS 10, apps...": a version or model
    if _DECIMAL.search(low, start, end) and _QUAKE_AFTER.match(low, end):
        return True  # "a 6.4 earthquake", "the 7.8 quake": a magnitude
    if _ROAD_AFTER.match(window.text, end):
        return True  # "the 101 Freeway", "the 405 Highway": a road's name
    if _UNIT_AFTER.match(window.text, end):
        return True  # "4 Go de mémoire", "un disque de 5 To": storage, as French writes it
    if thing is None and _label_before(window, start):
        return True  # "Flight 17 landed", "Route 66 was closed": a name, not a count
    number = low[start:end]
    if _SPELLED.match(number) and _SPELLED_DEFINITE.search(head):
        return True  # "the two sides", "these four attacks", "the three prefectures"
    # "two security sources told Reuters": the sources, not a figure
    return bool(thing and thing.split()[-1] in _SOURCE_HEADS and _SAID_AFTER.match(low, end))


_CLOCK_SPAN = rx.compile(
    r"\bfrom\s+[0-9]{1,2}\s+(?:to|until|till)\s+[0-9]{1,2}\s+(?:in\s+the\s+)?"
    r"(?:morning|evening|afternoon|night|hours|o'clock)"
)


# A weekday in any language the dates read, then an opening bracket (lower case).
_WEEKDAY_BRACKET = rx.compile(
    rf"(?:{alternation(sorted({w.lower() for w in WRITTEN_WEEKDAYS}))})\s*\($"
)


def age_in_apposition(window: Window, start: int, end: int) -> bool:
    """ "Yu Hu, 32, said", "a man, 33, was stabbed": a number set off by commas after a
    name or a person."""
    apposition = _AGE_APPOSITION.search(window.text, max(0, start - 30), start) or (
        _PERSON_APPOSITION.search(window.lower, max(0, start - 30), start)
    )
    return apposition is not None and _COMMA_AFTER.match(window.text, end) is not None


_AGE_APPOSITION = rx.compile(r"[A-Z][\w'’-]+,\s$")
_PERSON_APPOSITION = rx.compile(
    r"\b(?:man|woman|boy|girl|teenager|teen|pensioner|mother|father|son|daughter|wife|"
    r"husband|driver|student|victim|suspect|grandmother|grandfather|farmer|mum|dad|"
    r"widow|cyclist|motorist|pedestrian)\s*,\s$"
)
_PRONOUN_AGE = rx.compile(r"\b(?:he|she)\s+(?:was|is|turned|turns)\s+$")
_NAME_BEFORE_BRACKET = rx.compile(r"\b[A-Z][a-z'’-]+\s\($")
_PLACE_KIND = rx.compile(rf"\b(?:{alternation(PLACE_KINDS)})\b")


def _bracketed_age(window: Window, start: int, end: int) -> bool:
    """ "(45)" after a name that is no place, in a sentence that lists no places by kind:
    a person's age, as South Asian and British papers write it."""
    if window.text[end : end + 1] != ")" or not _NAME_BEFORE_BRACKET.search(
        window.text, max(0, start - 30), start
    ):
        return False
    number = window.text[start:end]
    if not number.isdigit() or int(number) > 110 or _PLACE_KIND.search(window.lower):
        return False
    name_end = start - 2  # the name ends before " ("
    return not any(p.start <= name_end - 1 < p.end for p in window.places())


# After an age in apposition: a comma, or the sentence's end ("said Roman Borshch, 29.").
_COMMA_AFTER = rx.compile(r",|\.(?:\s|$)|\s*$")
_ADDRESS_AFTER = rx.compile(
    r"(?:\s[A-Z][\w'-]+){1,3}\s(?:Rd|St|Ave|Avenue|Street|Road|Blvd|Boulevard|Lane|Drive)\b"
)
_LIST_MARKER = rx.compile(r"\)\s")
_PHONE_BEFORE = rx.compile(r"\(\d{3}\)\s?$")
_GROUP_OF = rx.compile(r"\bGroup\s+of\s+$")  # capitalised: a name, not "a group of 40"


def _between_names(window: Window, start: int, end: int) -> bool:
    """A number between two capitalised words inside a sentence names a thing."""
    before = window.text[max(0, start - 25) : start]
    after = window.text[end : end + 25]
    words = before.split()
    if len(words) < 2 or not before.endswith(" ") or not after.startswith(" "):
        return False
    last, nxt = words[-1], after.split()[0] if after.split() else ""
    return (
        last[:1].isupper()
        and last.isalpha()
        and nxt[:1].isupper()
        and nxt.isalpha()
        and not words[-2].endswith((".", ":", "!", "?"))
        and last.lower() not in _NOT_NAMES
    )


_NOT_NAMES = frozenset(
    "january february march april may june july august september october november december "
    "monday tuesday wednesday thursday friday saturday sunday".split()
)
_DIGITS_AROUND = rx.compile(r"(?:[0-9]|\+)\s?$")
_DIGITS_NEXT = rx.compile(r"\s[0-9]")
_SCORE = rx.compile(r"\s?[-–:]\s?[0-9]")
_SCORE_BEFORE = rx.compile(r"[0-9]\s?[-–:x×]\s?$")  # also the second side of "1920 x 1080"
_LABEL_WORDS = frozenset(
    "flight route highway road bus line gate room apartment unit platform terminal "
    "version model channel chapter page item act phase lot area zone sector block "
    "district ward camp base building floor level stage type class grade group".split()
)


_DECIMAL = rx.compile(r"[0-9][.,][0-9]$")
_QUAKE_AFTER = rx.compile(
    r"(?:-|\s)(?:magnitude\s+)?(?:earthquakes?|quakes?|tremors?|aftershocks?)\b"
)
_ROAD_AFTER = rx.compile(r"\s(?:Freeway|Highway|Motorway|Expressway|Turnpike|Parkway)\b")
# French storage units, capitalised (lower case, "to" and "go" are English words).
_UNIT_AFTER = rx.compile(r"\s(?:Go|To|Mo|Ko)\b")
# Capitalised words that sit before a count without naming it: modifiers, articles.
_COUNT_OPENERS = frozenset(
    "about around some nearly almost over under more fewer less only just at least up to "
    "roughly approximately an a the another all with by than some estimated exactly "
    "barely below above beyond past since from between and or but of in on for as "
    "mais más plus environ etwa rund über gut fast knapp cerca unos unas alrededor".split()
)


def _after_a_name(window: Window, start: int) -> bool:
    """A count with no head right after a capitalised word names a version or a model:
    "VirtualBox 3.0", "iOS 10", "Battlefield 4". Months, weekdays and words that open a
    count ("About 300 were hurt") are not names."""
    before = window.text[max(0, start - 30) : start]
    if not before.endswith(" ") or before.endswith("  "):
        return False
    words = before.split()
    if not words:
        return False
    word = words[-1]
    if not word.isalpha() or word.islower() or (word.isupper() and len(word) > 5):
        return False
    low = word.lower()
    return low not in _NOT_NAMES and low not in _COUNT_OPENERS


def _label_before(window: Window, start: int) -> bool:
    """A naming word glued before a number that counts nothing: "Flight 17", "Camp 4"."""
    head = window.text[max(0, start - 20) : start]
    words = head.split()
    if not words or not head.endswith(" "):
        return False
    word = words[-1].strip("\"'(")
    return word[:1].isupper() and word.lower() in _LABEL_WORDS


def _clock_like(window: Window, start: int, end: int) -> bool:
    """ "at 10" is a clock time only when the number stands alone ("at 10 on Monday");
    "at 1,200" or "at 300 people" is a level."""
    number = window.text[start:end]
    if not number.isdigit() or int(number) > 24:
        return False
    return _CLOCK_CONTEXT.match(window.lower, end) is not None


_CLOCK_CONTEXT = rx.compile(
    r"\s*(?:on|this|that|local|sharp|last|yesterday|today|tonight|in\s+the\s+(?:morning|evening|afternoon))\b"
)
