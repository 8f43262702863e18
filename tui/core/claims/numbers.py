"""Reading numbers: digits, scales, currencies, percentages, spelled and vague counts.

``find_quantities`` scans a whole (normalised) text once per pattern; every pattern is
linear (no nested quantifiers over overlapping alternatives), and digit runs are
validated *after* matching, so "1,2,3,..." a million times long is one rejected run.
"""

from __future__ import annotations

import math
import re
from dataclasses import dataclass
from functools import cache

from tui.core.claims import rx
from tui.core.claims.lexicon import CURRENCY_SYMBOLS, SCALES, VAGUE, alternation
from tui.core.models import Kind

MAX_DIGIT_RUN = 40  # longer digit runs are ids, lists or garbage, never a figure


@dataclass(slots=True)
class Quantity:
    """A number found in the text, before context decides whether it is a figure."""

    start: int
    end: int
    value: float
    kind: Kind
    unit: str | None = None
    vague: tuple[float, float] | None = None
    scale: float = 1.0  # the explicit scale word's factor ("million" -> 1e6), else 1
    spelled_one: bool = False  # the word "one": "one of" is never a count
    year_like: bool = False  # a bare 4-digit 19xx/20xx integer
    fraction: float | None = None  # "half", "two-thirds": a share of another figure


_UNITS = [
    "zero",
    "one",
    "two",
    "three",
    "four",
    "five",
    "six",
    "seven",
    "eight",
    "nine",
    "ten",
    "eleven",
    "twelve",
    "thirteen",
    "fourteen",
    "fifteen",
    "sixteen",
    "seventeen",
    "eighteen",
    "nineteen",
]
_TENS = ["twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
_WORD_VALUE = {w: i for i, w in enumerate(_UNITS)} | {w: 20 + 10 * i for i, w in enumerate(_TENS)}
_WORD_SCALE = {"dozen": 12, "hundred": 100, "thousand": 1_000, "million": 1e6, "billion": 1e9}
_FRACTIONS = {
    "half": 0.5,
    "third": 1 / 3,
    "quarter": 0.25,
    "fifth": 0.2,
    "thirds": 2 / 3,
    "quarters": 0.75,
}
_NUMBER_WORD = alternation([*_WORD_VALUE, *_WORD_SCALE])


@cache
def _digits_re() -> re.Pattern[str]:
    # digit-run (separators only between digits) scale? percent? currency-word?
    # It starts with a digit, which lets the regex engine skip to digits quickly; a
    # currency prefix is looked for behind each match (an optional prefix group in front
    # made this pattern ~10x slower: it was tried at every position of the text).
    return rx.compile(
        r"(?P<num>[0-9]{1,3}(?:[ \u202f\u00a0][0-9]{3}(?![0-9]))+(?![0-9]|[.,][0-9])"
        r"|[0-9](?:[0-9]|[.,](?=[0-9]))*)"
        r"(?P<scale>(?:(?:\s?|-)(?:thousand|millions|million|billion|trillion|mln|mn|bn|millones|"
        r"millón|millon|"
        r"milhões|milhão|millionen|milliarden|milliards?|mil|tys\.?|mio\.?|mrd\.?|lakhs?|"
        r"crores?)|"
        r"(?:k|m|bn|b|tn))(?![\w]))?"
        # "3 thousand 385", "20 thousand 426": the hundreds written after the scale word
        r"(?P<rest>(?<=thousand)[ -][0-9]{1,3}(?![0-9]|[.,][0-9]))?"
        # a change in a share is a percent too: "fell by 0.4 percentage point"
        r"(?P<pct>\s?%|\s(?:percent|per\s+cent|pct|percentage\s+points?|"
        r"prozent|prozentpunkte|pour\s+cent|por\s+ciento|por\s+cento|procent|persen)\b|"
        r"[\s-]points?(?=\s+(?:gap|lead|swing|drop|fall|rise|margin)\b))?"
        # "$"-less money: "40 euros", and after a scale word in French, Spanish, Portuguese
        # and German: "173 millions d'euros", "2.500 millones de dólares", "5 Milliarden Euro"
        # ("300 Euro", "145 €": the sign after the number, as German and French write it)
        r"(?P<curword>\s?€|\s(?:(?<=[a-z]\s)(?:de|d['’])\s?)?(?:us\s)?"
        r"(?:dollars|euros|pounds|dinars|euro|(?<=[a-z]\s)libras|"
        r"(?<=\sde\s)(?:dólares|dolares|libras)|(?<=d['’])euros|(?<=d['’]\s)euros)\b)?"
    )


@cache
def _spelled_re() -> re.Pattern[str]:
    word = rf"(?:{_NUMBER_WORD})"
    # Every match starts with "a" or a number word's first letter: the look-ahead fails
    # most word boundaries at one character test (see ``regex_speed``; the optional
    # article hides those letters from ``compile_guarded``).
    first = "".join(sorted({"a", *(w[0] for w in [*_WORD_VALUE, *_WORD_SCALE])}))
    return rx.compile(rf"\b(?=[{first}])(?:an?\s+)?{word}(?:(?:\s+and\s+|\s+|-){word})*\b")


@cache
def _fraction_re() -> re.Pattern[str]:
    return rx.compile(
        r"\b(?:(?:a|one)[\s-]?(?:third|quarter|fifth)|(?:two)[\s-]?thirds|"
        r"(?:three)[\s-]?quarters|half)\b"
    )


# After a spelled number: an Indian scale word ("three lakh": 300,000), or the hundreds
# in digits after a spelled thousand ("three-thousand-162": 3,162).
_INDIAN_SCALE_AFTER = rx.compile(r"\s+(lakhs?|crores?)\b")
_SPELLED_THEN_DIGITS = rx.compile(r"-([0-9]{1,3})(?![0-9,.])")
# After "a third", "a quarter", "a fifth": a word that makes it an ordinal ("a third
# term", "a third-period tie", "a quarter century") rather than a share ("a third of the
# town", "a third are children", "a third bigger", "a quarter point").
_ORDINAL_AFTER = rx.compile(
    r"(?:-[a-z]|\s+(?!(?:of|are|were|is|was|have|has|had|live|lives|lived|say|said|says|do|"
    r"did|does|will|would|could|can|may|might|must|bigger|smaller|larger|higher|lower|more|"
    r"less|fewer|cheaper|longer|shorter|point|percentage|remain|remained|also|now|still|"
    r"already|again|think|believe|want|support|oppose|back|backed|voted|went|came|"
    r"or|and|to|than|in|on|at|from|by|with)\b)[a-z])"
)


# "one in seven": a share written as a ratio (the percent is 100 / N).
# (r"\b(?:one|1)\s+in..." written to start with a character class: much faster to search.)
_ONE_IN = rx.compile(
    r"[o1](?<!\w.)(?:(?<=o)ne|(?<=1))"
    r"\s+in\s+(two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,3})\b"
)
# "nine out of 10", "two out of three": a share written as a count of a whole.
_SMALL = r"one|two|three|four|five|six|seven|eight|nine|ten|[0-9]{1,3}"
_OUT_OF = rx.compile(rf"\b({_SMALL})\s+out\s+of\s+(?:every\s+)?({_SMALL})\b(?![.,][0-9])")
# "half a million", "a half million": the fraction scales the word after it.
_HALF_SCALE = rx.compile(r"\b(?:a\s+)?half\s+(?:a\s+)?(thousand|million|billion)\b")


@cache
def _vague_re() -> re.Pattern[str]:
    return rx.compile(rf"\b(?:{alternation(VAGUE)})\b")


@cache
def _vague_needles() -> re.Pattern[str]:
    """The longest word of each vague phrase, anywhere (no word boundaries): a text holding
    none of them has no vague count, and one search for the 37 of them as a trie is much
    cheaper than trying the pattern at every word (and than 37 substring tests)."""
    return rx.compile(alternation({max(phrase.split(), key=len) for phrase in VAGUE}))


_EN_THOUSANDS = rx.compile(r"[0-9]{1,3}(?:,[0-9]{3})+(?:\.[0-9]+)?")
_DE_THOUSANDS = rx.compile(r"[0-9]{1,3}(?:\.[0-9]{3})+(?:,[0-9]+)?")
_DECIMAL = rx.compile(r"[0-9]+(?:\.[0-9]+)?")
_DE_DECIMAL = rx.compile(r"[0-9]+,[0-9]{1,2}")
_COMMA_DECIMAL = rx.compile(r"[0-9]+,[0-9]+")
# Scale words of the other languages the extractor reads: their numbers group with dots
# and mark decimals with commas.
_FOREIGN_SCALES = frozenset(
    "millones millón millon milhões milhão millionen milliarden milliard milliards millions "
    "mil mio mio. mrd mrd. tys tys.".split()
)


_SPACE_THOUSANDS = rx.compile(r"[0-9]{1,3}(?:[ \u202f\u00a0][0-9]{3})+")


def parse_digits(run: str, *, scaled: bool, foreign_scale: bool = False) -> float | None:
    """Value of a digit run with separators, or None when it is not one number.

    "2.500" is German for 2500 (a dot before exactly three digits is a thousands
    separator) unless an English scale word follows ("1.125 million" is 1.125 million);
    before a scale word of another language it still is ("2.500 millones" is 2.5 billion,
    "1,125 millones" 1.125 million). A comma before one or two digits is a German decimal
    only before a scale or percent.
    """
    if len(run) > MAX_DIGIT_RUN:
        return None
    if _SPACE_THOUSANDS.fullmatch(run):  # "667 000": French, Polish, SI grouping
        return float("".join(ch for ch in run if ch.isdigit()))
    if foreign_scale and (_DE_THOUSANDS.fullmatch(run) or _COMMA_DECIMAL.fullmatch(run)):
        value = float(run.replace(".", "").replace(",", "."))
    elif _EN_THOUSANDS.fullmatch(run):
        value = float(run.replace(",", ""))
    elif not scaled and _DE_THOUSANDS.fullmatch(run):
        value = float(run.replace(".", "").replace(",", "."))
    elif _DECIMAL.fullmatch(run):
        if len(run) > 1 and run[0] == "0" and run[1] != ".":
            return None  # "0143": part of a phone number or an id
        value = float(run)
    elif scaled and _DE_DECIMAL.fullmatch(run):
        value = float(run.replace(",", "."))
    else:
        return None
    return value if math.isfinite(value) else None


def spelled_length(phrase: str) -> int:
    """How much of `phrase` is one number: "three two-wheelers" and "a two-wheeler" are
    three and two (a unit after a unit starts another word; "an" is an article)."""
    last = None
    for m in re.finditer(r"[^\s-]+", phrase.lower()):
        word = m.group()
        value = _WORD_VALUE.get(word)
        if value is not None and last is not None and _UNIT_AFTER.get(last, 0) <= value:
            return len(phrase[: m.start()].rstrip(" -"))
        last = word if word in _WORD_VALUE else None
    return len(phrase)


_FRACTION_NEXT = rx.compile(r"[\s-](?:thirds?|quarters?|fifths?)\b")
# What a number word may be followed by in one number: "twenty" by 1-9 ("twenty-two").
_UNIT_AFTER = {w: 10 for w in _WORD_VALUE if _WORD_VALUE[w] >= 20}


def parse_spelled(phrase: str) -> float | None:
    """ "two thousand five hundred" -> 2500; "a hundred" -> 100; "sixty-five" -> 65."""
    words = re.split(r"[\s-]+", phrase.lower())
    total = 0.0
    current = 0.0
    seen = False
    article = False  # "a" or "an" counts one only before a scale: "a hundred", not "a two"
    for word in words:
        if word in ("a", "an", "and"):
            if word != "and":
                current = 1 if not seen else current
                article = not seen
            continue
        seen = True
        if word in _WORD_VALUE:
            if article:
                current, article = 0, False
            current += _WORD_VALUE[word]
        elif word in ("hundred", "dozen"):
            current = max(current, 1) * _WORD_SCALE[word]
        elif word in _WORD_SCALE:
            total += max(current, 1) * _WORD_SCALE[word]
            current = 0
    return total + current if seen else None


def _glued(text: str, start: int, end: int) -> bool:
    """True when a digit run is part of a code, time, model number or compound word."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    if before.isalpha() or before in "_#@]":
        return True  # G7, MQ9, #3, "[ID]778124[/ID]"
    if before == "-" and start > 1 and text[start - 2].isalpha():
        return True  # F-16, MQ-9
    if before in ":/" and start > 1 and text[start - 2].isdigit():
        return True  # 10:30, 9/11
    if after.isalpha() or after == "_":
        return True  # 1e308, 3rd, 737MAX
    if after in ":/" and end + 1 < len(text) and text[end + 1].isdigit():
        return True
    if after == "-" and _SIZE_SUFFIX.match(text, end):
        return False  # "a 2,500-strong contingent", "the 400-member assembly": a size
    return after == "-" and end + 1 < len(text) and text[end + 1].isalpha()  # 45-year-old


# A number glued to one of these counts what it sizes.
_SIZE_SUFFIX = rx.compile(r"-(?:strong|member|seat|man|person)\b", re.IGNORECASE)


def _signed(text: str, num_start: int) -> bool:
    """A minus sign glued before the number and after a space or bracket: "(-7.1%)"."""
    return (
        num_start > 0
        and text[num_start - 1] == "-"
        and (num_start == 1 or text[num_start - 2] in " ([\n")
    )


_CURRENCY_BEFORE = rx.compile(
    r"(?:(?:us|a|au|c|ca|nz|hk|s|r)?\$|€|£|₹|\b(?:usd|eur|gbp|iqd|inr)\s?|\brs\.?\s?)\Z"
)
_CURRENCY_REACH = 4  # the longest prefix: "usd "


def _digit_quantities(text: str, lowered: str) -> list[Quantity]:
    found: list[Quantity] = []
    last_end = 0
    for m in _digits_re().finditer(lowered):
        num_start, num_end = m.span("num")
        end = m.end()
        prefix = _CURRENCY_BEFORE.search(
            lowered, max(last_end, num_start - _CURRENCY_REACH), num_start
        )
        last_end = end
        run, scale, rest, pct, curword = m.group("num", "scale", "rest", "pct", "curword")
        scale_word = (scale or "").strip().lower().lstrip("-")
        if _glued(text, num_start, m.end("scale") if scale_word else num_end):
            continue
        value = parse_digits(
            run,
            scaled=bool(scale_word or pct),
            foreign_scale=scale_word in _FOREIGN_SCALES,
        )
        if value is None:
            continue
        if scale_word:
            # rounded: 531.7 * 1e6 is 531700000.00000006 in binary floating point
            value = round(value * SCALES[scale_word], 6)
        if rest:
            value += int(rest[1:])
        cur = prefix.group() if prefix else curword
        kind: Kind = "count"
        unit: str | None = None
        if pct:
            kind, unit = "percent", "%"
            end = m.end("pct")
        elif cur:
            word = _FOREIGN_OF.sub("", cur.strip().lower()).removeprefix("us ")
            kind, unit = "money", CURRENCY_SYMBOLS.get(word)
            if unit is None:  # "$", "US$"; other dollars are their own ("NZ$635 million")
                unit = _DOLLARS.get(word.removesuffix("$"), "USD") if "$" in cur else None
        else:
            end = m.end("rest") if rest else (m.end("scale") if scale_word else num_end)
        if not math.isfinite(value):
            continue
        year_like = not scale_word and len(run) == 4 and run[:2] in ("19", "20")
        start = prefix.start() if prefix else num_start
        if not prefix and _signed(text, num_start):  # "-140,000": a fall, as data tables write it
            value, start = -value, num_start - 1
        found.append(
            Quantity(
                start,
                end,
                value,
                kind,
                unit,
                scale=SCALES[scale_word] if scale_word else 1.0,
                year_like=year_like,
            )
        )
    return found


_DOLLARS = {
    "a": "AUD",
    "au": "AUD",
    "c": "CAD",
    "ca": "CAD",
    "nz": "NZD",
    "hk": "HKD",
    "s": "SGD",
    "r": "BRL",
}
_FOREIGN_OF = rx.compile(r"^(?:de|d['’])\s?")
_VAGUE_MONEY = rx.compile(r"\s+(?:of\s+)?(dollars|euros|pounds)\b")


def _word_quantities(text: str) -> list[Quantity]:
    """Vague, fractional and spelled counts; `text` is lower case (see ``find_quantities``)."""
    found: list[Quantity] = []
    vague = _vague_needles().search(text) is not None
    for m in _vague_re().finditer(text) if vague else ():
        low, high = VAGUE[" ".join(m.group().lower().split())]
        q = Quantity(m.start(), m.end(), low, "count", vague=(low, high))
        money = _VAGUE_MONEY.match(text, m.end())  # "several billion dollars"
        if money is not None:
            q.kind, q.unit, q.end = "money", CURRENCY_SYMBOLS[money.group(1)], money.end()
        found.append(q)
    # A substring test first: these patterns are tried at every word of the text, and
    # most texts hold none of the words they need.
    half = "half" in text
    for m in _HALF_SCALE.finditer(text) if half else ():
        found.append(Quantity(m.start(), m.end(), 0.5 * _WORD_SCALE[m.group(1)], "count"))
    for m in _OUT_OF.finditer(text) if "out of" in text else ():
        part, whole = (_WORD_VALUE.get(g) or int(g) for g in (m.group(1), m.group(2)))
        if 0 < part < whole and (whole <= 10 or whole == 100):  # "15 out of 20 seats": counts
            share = round(part / whole, 3)  # "nine out of 10" is 90 percent
            found.append(Quantity(m.start(), m.end(), share, "count", fraction=share))
    for m in _ONE_IN.finditer(text):
        n = m.group(1)
        parts = _WORD_VALUE.get(n) or int(n)
        if parts >= 2:
            share = round(1 / parts, 3)
            found.append(Quantity(m.start(), m.end(), share, "count", fraction=share))
    shares = half or any(word in text for word in ("third", "quarter", "fifth"))
    for m in _fraction_re().finditer(text) if shares else ():
        if _ORDINAL_AFTER.match(text, m.end()) and not m.group().lower().endswith(("s", "half")):
            continue  # "a third term", "a third-period goal": an ordinal, not a share
        word = m.group().lower().replace("-", " ")
        key = next(k for k in sorted(_FRACTIONS, key=len, reverse=True) if word.endswith(k))
        share = round(_FRACTIONS[key], 3)  # a third is 33.3 percent, as news writes it
        found.append(Quantity(m.start(), m.end(), share, "count", fraction=share))
    for m in _spelled_re().finditer(text):
        phrase = m.group()
        if phrase.lower() in ("a", "an"):
            continue
        used = spelled_length(phrase)
        if _FRACTION_NEXT.match(text, m.start() + used):
            continue  # "a two-thirds majority": the fraction reads it
        phrase = phrase[:used]
        value = parse_spelled(phrase)
        if value is None:
            continue
        end = m.start() + used
        if (
            text.startswith("-", end)
            and text[end + 1 : end + 2].isalpha()
            and not _SIZE_SUFFIX.match(text, end)
        ):
            continue  # "a two-win gap", "a five-star hotel": a compound word, as "45-year-old"
        q = Quantity(m.start(), end, value, "count", spelled_one=value == 1)
        digits = _SPELLED_THEN_DIGITS.match(text, q.end) if value >= 1000 else None
        if digits is not None:  # "three-thousand-162", as Korean wire copy writes 3,162
            q.value, q.end = value + int(digits.group(1)), digits.end()
        indian = (
            _INDIAN_SCALE_AFTER.match(text, q.end) if "lakh" in text or "crore" in text else None
        )
        if indian is not None:  # "three lakh apartments": 300,000
            q.value, q.end, q.spelled_one = value * SCALES[indian.group(1)], indian.end(), False
        tail = text[q.end : q.end + 12].lower()
        for word, factor in (("percent", 1.0), ("per cent", 1.0)):
            if tail.startswith(" " + word):
                q.kind, q.unit, q.end = "percent", "%", q.end + 1 + len(word)
                q.value *= factor
        found.append(q)
    return found


def find_quantities(text: str, lowered: str, blocked: list[tuple[int, int]]) -> list[Quantity]:
    """All quantities in `text` not overlapping `blocked` spans, earliest first.

    `lowered` is ``lower_same_length(text)``: the patterns are lower-case and
    case-sensitive, which is several times faster than ``re.IGNORECASE``.

    Where two readings overlap ("a few hundred" vague vs "hundred" spelled), the one that
    starts first and then the longer one wins.
    """
    raw = _digit_quantities(text, lowered) + _word_quantities(lowered)
    raw.sort(key=lambda q: (q.start, -(q.end - q.start)))
    taken = sorted(blocked)
    out: list[Quantity] = []
    last_end = -1
    bi = 0
    for q in raw:
        if q.start < last_end:
            continue
        while bi < len(taken) and taken[bi][1] <= q.start:
            bi += 1
        if bi < len(taken) and taken[bi][0] < q.end:
            continue
        out.append(q)
        last_end = q.end
    return out
