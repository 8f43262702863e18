"""Modifiers that set a figure's bound ("about", "more than", "2,500+"). Whether a figure
is current, planned or historic is read in ``tense.py``."""

from __future__ import annotations

import re

from tui.core.claims import rx
from tui.core.claims.regex_speed import search_last_words
from tui.core.claims.window import Window
from tui.core.models import Bound

# A verb of rising with "past" or "beyond" sets a lower bound ("climbed past 5,000", "rose
# beyond 300"), and links the number to the total it names; "the past 24 hours" does not.
RISING_PAST = (
    r"(?:climb|ris|rose|jump|push|creep|crept|mov|went|gone|go|surg|soar|edg)\w*"
    r"\s+(?:past|beyond)"
)

# Each pattern ends at the number (it is searched in the text just before it). Upper
# comes first: "not more than" is a ceiling, "more than" a floor. German, French, Spanish
# and Portuguese modifiers sit beside the English ones ("über 3.000", "au moins 15").
_BOUNDS: list[tuple[Bound, re.Pattern[str]]] = [
    (
        "upper",
        rx.compile(
            r"(?:\bup\s+to|\bunder|\bfewer\s+than|\bless\s+than|\bnearly|\balmost|\bbelow|"
            r"\bno\s+more\s+than|\bnot\s+(?:[a-z]+\s+){0,2}more\s+than|\bas\s+many\s+as|"
            r"\bas\s+much\s+as|\bas\s+high\s+as|"
            r"\bat\s+most|\bclose\s+to|\bjust\s+(?:under|shy\s+of)|\bshy\s+of|<|"
            r"\bbis\s+zu|\bfast|\bknapp|\bhasta|\bcasi|\bquase|\bpresque|\bjusqu'à|"
            r"\bmenos\s+de|\bmoins\s+de|\bweniger\s+als|\bhampir|\bkurang\s+dari)\s*$"
        ),
    ),
    (
        "lower",
        rx.compile(
            r"(?:\bover|\bmore\s+than|\bat\s+least|\bupwards\s+of|\bin\s+excess\s+of|\babove|"
            r"\bno\s+fewer\s+than|\bno\s+less\s+than|\bnorth\s+of|>|\bas\s+few\s+as|"
            r"\bexceed(?:ed|ing|s)?|\bsurpass(?:ed|ing|es)?|\bpass(?:ed|es|ing)|\btopped|\btopping|\btops|"
            rf"\bcross(?:ed|ing|es)|\b{RISING_PAST}|"
            r"\büber|\bmehr\s+als|\bmindestens|\bmás\s+de|\bal\s+menos|\bpor\s+lo\s+menos|"
            r"\bmais\s+de|\bpelo\s+menos|\bau\s+moins|\bplus\s+de|\bponad|"
            # Indonesian: "setidaknya 50 orang", "lebih dari 1.000"
            r"\bsetidaknya|\bsedikitnya|\blebih\s+dari)\s*$"
        ),
    ),
    (
        "approx",
        rx.compile(
            r"(?:\babout|\baround|\broughly|\bsome|\ban\s+estimated|\bapproximately|\bapprox\.?|"
            r"\bcirca|\bestimated|~|\brund|\betwa|\bungefähr|\bschätzungsweise|"
            r"\balrededor\s+de|\bcerca\s+de|\bunos|\bunas|\baproximadamente|\benviron|"
            r"\bquelque|\bprès\s+de|\bokoło|\bcloser\s+to|\bsekitar|\bkira-kira)\s*$"
        ),
    ),
]
_POSTFIX_BOUND = rx.compile(r"(\+|-plus|\s+or\s+more|\s+or\s+so)")
# The last word of each pattern's modifiers above, the sign it may end on, and how many
# words its longest modifier has ("not much more than": 5): a pattern can match only when
# the word right before the number is one of its own (its match ends there), and only in
# that many words before the number. So most numbers try one pattern, on a few words, not
# all three on the whole head. A number whose preceding word is in none of them has no
# modifier at all: a set lookup answers it.
_LAST_WORDS: dict[Bound, tuple[frozenset[str], str, int]] = {
    "upper": (
        frozenset(
            """
            to under than nearly almost below as most of fast knapp hasta casi quase presque
            jusqu'à zu de als hampir dari
            """.split()
        ),
        "<",
        5,
    ),
    "lower": (
        frozenset(
            """
            over than least of above as exceed exceeded exceeding exceeds surpass surpassed
            surpassing surpasses passed passes passing topped topping tops crossed crossing
            crosses past
            beyond über als mindestens de menos moins ponad setidaknya sedikitnya dari
            """.split()
        ),
        ">",
        3,
    ),
    "approx": (
        frozenset(
            """
            about around roughly some estimated approximately approx approx. circa rund etwa
            ungefähr schätzungsweise de unos unas aproximadamente environ quelque około to
            sekitar kira-kira
            """.split()
        ),
        "~",
        2,
    ),
}
_FINAL_WORDS = frozenset().union(*(words for words, _, _ in _LAST_WORDS.values()))


def bound_before(window: Window, start: int) -> tuple[Bound, int] | None:
    """The bound a modifier right before the number sets, and where the modifier starts.

    Asked two or three times per number (pairing, the thing's reach, the claim): the
    answer is kept in the window."""
    known = window.bounds
    if start in known:
        return known[start]
    found = known[start] = _bound_before(window.lower, start)
    return found


def _bound_before(lower: str, start: int) -> tuple[Bound, int] | None:
    head = lower[max(0, start - 36) : start]
    last = head.rsplit(None, 1)[-1].lstrip("\"'“‘«(") if head.strip() else ""  # '"about 40'
    if last not in _FINAL_WORDS and not last.endswith(("<", ">", "~")):
        return None
    for bound, pattern in _BOUNDS:
        words, sign, reach = _LAST_WORDS[bound]
        if last not in words and not last.endswith(sign):
            continue
        m = search_last_words(pattern, head, reach)
        if m:
            return bound, start - (len(head) - m.start())
    return None


def modifier_before(lower: str, start: int) -> int:
    """Where the modifier of a number at `start` begins (`start` when it has none)."""
    found = _bound_before(lower, start)
    return found[1] if found is not None else start


def bound_after(window: Window, end: int) -> tuple[Bound, int] | None:
    m = _POSTFIX_BOUND.match(window.lower, end)
    if not m:
        return None
    return ("approx" if m.group(1).endswith("so") else "lower"), m.end()
