"""From a report's text to its figures: find numbers, pair them, read their context.

Pipeline: normalise (length-preserving) -> blank boilerplate -> find dates and
quantities in one pass each over the whole text -> group them by sentence -> pair
ranges and changes -> read each one's context in a bounded window -> keep only those
that count something.
"""

from __future__ import annotations

from collections.abc import Callable, Mapping, Sequence
from dataclasses import replace
from datetime import UTC, datetime
from functools import partial
from typing import TypeVar

from tui.core.claims import window as win
from tui.core.claims.actors import lexicon, user_actor_names
from tui.core.claims.antecedent import LOOKBACK, Antecedent, find_antecedent
from tui.core.claims.assemble import build_claims
from tui.core.claims.carry import earlier_actors
from tui.core.claims.coverage import covered_parts
from tui.core.claims.date_claims import is_bare
from tui.core.claims.dates import find_dates
from tui.core.claims.lexicon import lower_same_length, new_thing_synonyms, thing_words
from tui.core.claims.numbers import find_quantities
from tui.core.claims.pairing import Draft, pair_quantities
from tui.core.claims.places import UserPlaces, user_places
from tui.core.claims.respectively import paired_respectively
from tui.core.claims.sentences import Spans, boilerplate_spans, sentence_spans
from tui.core.models import Claim

WINDOW = 300  # characters each side of a number that context may look at
# Only the first MAX_TEXT characters of a report are read. A news article's text is a few
# to a few tens of KB; beyond a few hundred KB it is a dump, a feed of feeds or an attack,
# and reading all of it would cost seconds (10 MB on one line took ~6 s). Offsets stay
# valid: the part read is a prefix of the caller's text.
MAX_TEXT = 300_000
# Length-preserving rewrites so that offsets in the working copy are offsets in the input.
_NORMALISE = str.maketrans(
    {
        **{chr(0x0660 + i): str(i) for i in range(10)},  # Arabic-Indic digits
        **{chr(0x06F0 + i): str(i) for i in range(10)},  # Extended (Persian) digits
        "\u066b": ".",
        "\u066c": ",",
        "\u00a0": " ",
        "\u202f": " ",
        "\u2009": " ",
        "\u2013": "-",
        "\u2014": "-",
        "\u2212": "-",
        "\u2019": "'",
        "\u2018": "'",
        "\r": "\n",
        "\u2028": "\n",
        "\u2029": "\n",
    }
)


# The table as (character, replacement) pairs. Every replacement is one character that no
# pair replaces again, so replacing them one by one is the table's translation.
_NORMALISE_PAIRS = tuple((chr(code), to) for code, to in _NORMALISE.items())


def _normalised(text: str) -> str:
    """``text.translate(_NORMALISE)``: ``str.translate`` looks every character up in the
    table (~14 us for a 190-character sentence), while a text holds few of the table's
    characters, and testing for each then replacing those found costs ~1 us."""
    for char, to in _NORMALISE_PAIRS:
        if char in text:
            text = text.replace(char, to)
    return text


def _blank(text: str, spans: list[tuple[int, int]]) -> str:
    if not spans:
        return text
    pieces: list[str] = []
    cursor = 0
    for start, end in spans:
        pieces.append(text[cursor:start])
        pieces.append("".join("\n" if ch == "\n" else " " for ch in text[start:end]))
        cursor = end
    pieces.append(text[cursor:])
    return "".join(pieces)


def _read_limit(text: str) -> int:
    """Where reading stops: MAX_TEXT, moved back to a line break or space so that a number
    or word is never cut in two ("2,5|00" would read as 2,5)."""
    if len(text) <= MAX_TEXT:
        return len(text)
    for stop in ("\n", " "):
        cut = text.rfind(stop, MAX_TEXT - 2_000, MAX_TEXT)
        if cut > 0:
            return cut
    return MAX_TEXT


def extract_claims(
    text: str,
    *,
    published: datetime | None = None,
    synonyms: Mapping[str, str] | None = None,
    max_claims: int = 200,
    actors: Sequence[str] = (),
    places: Sequence[str] = (),
) -> list[Claim]:
    """The figures stated in `text`, in order of appearance (see the package docstring).

    `actors` are names the user follows (``[[figures]]``): they count as actors besides
    the built-in countries, organisations and parties.
    `places` are the user's own place names (``[[figures]]``): they are places even when
    the gazetteer does not know them.

    Only about the first MAX_TEXT characters are read (see there); offsets point into `text`.
    """
    if not text or max_claims <= 0:
        return []
    when = published or datetime.now(UTC)
    if when.tzinfo is None:
        when = when.replace(tzinfo=UTC)
    read = text[: _read_limit(text)]
    # str.translate looks every character up in the table; an ASCII text can only hold
    # the table's "\r", and most texts hold none.
    if read.isascii():
        normalised = read.replace("\r", "\n") if "\r" in read else read
    else:
        normalised = _normalised(read)
    work = _blank(normalised, boilerplate_spans(normalised))
    if len(work) != len(read):  # a translation that changed length would break offsets
        work = read
    lowered = lower_same_length(work)
    dates = find_dates(work, when, lowered)
    quantities = find_quantities(work, lowered, [(d.start, d.end) for d in dates])
    spans = sentence_spans(work)
    drafts: list[Draft] = [Draft.from_date(d) for d in dates]
    drafts += [Draft.from_quantity(q) for q in quantities]
    drafts.sort(key=lambda d: d.start)
    # Bounds the work on pathological inputs (a real report has far fewer numbers).
    budget = max(max_claims * 10, 2_000)
    drafts = drafts[:budget]
    claims: list[Claim] = []
    counted = 0
    # One antecedent lookup per sentence, however many of its figures ask for it.
    things = thing_words(new_thing_synonyms(synonyms or {}))
    actor_words = lexicon(user_actor_names(actors))
    extra_places = user_places(frozenset(places)) if places else None
    # A sentence's places, actors and sources, found once for all the windows that read it.
    scans = win.Scans()
    earlier_of = _per_sentence(
        partial(earlier_actors, work, lowered, spans, things, actor_words, scans=scans)
    )
    antecedent_of = _per_sentence(
        partial(
            find_antecedent,
            work,
            lowered,
            spans,
            things,
            actor_words=actor_words,
            user_places=extra_places,
            scans=scans,
        )
    )
    by_sentence: dict[int, list[Draft]] = {}
    for draft in drafts:
        by_sentence.setdefault(spans.index_of(draft.start), []).append(draft)
    for index, group in by_sentence.items():
        s_start, s_end = spans.starts[index], spans.ends[index]
        lo = max(s_start, group[0].start - WINDOW)
        hi = min(s_end, group[-1].end + WINDOW)
        if hi - lo > 4 * WINDOW:  # a huge "sentence": analyse each number in its own window
            windows = [
                (max(s_start, d.start - WINDOW), min(s_end, d.end + WINDOW), [d]) for d in group
            ]
        else:
            windows = [(lo, hi, group)]
        for w_lo, w_hi, members in windows:
            window = win.Window(
                work[w_lo:w_hi],
                w_lo,
                lowered[w_lo:w_hi],
                things,
                actor_words,
                extra_places,
                earlier=partial(earlier_of, index),
                scans=scans,
            )
            local = [d.shift(-w_lo) for d in members]
            pair_quantities(window, local)
            inherit = partial(_with_counted, antecedent_of, claims, spans, index)
            found = build_claims(
                window, local, text, when, synonyms or {}, inherit, dated=published is not None
            )
            claims.extend(found)
            # Dates and durations that date no event do not count against the cap: a
            # report names many days, and they must not crowd its counts out.
            counted += sum(not is_bare(c) for c in found)
            if counted >= max_claims:
                return _capped(_parts_said(work, lowered, spans, claims, extra_places), max_claims)
    return _parts_said(work, lowered, spans, claims, extra_places)


def _parts_said(
    work: str, lowered: str, spans: Spans, claims: list[Claim], user: UserPlaces | None
) -> list[Claim]:
    """The parts a text says its figures are of, beyond their own clause: a list paired
    "respectively" with its parts, and a count a later sentence says covers one part."""
    if "respectively" in lowered:
        claims = paired_respectively(work, lowered, spans, claims, user)
    if "only" in lowered or "solely" in lowered or "exclusively" in lowered or "just" in lowered:
        claims = covered_parts(lowered, spans, claims, user, work)
    return claims


def _with_counted(
    antecedent_of: Callable[[int], Antecedent], claims: list[Claim], spans: Spans, index: int
) -> Antecedent:
    """The sentence's antecedent, with the thing the paragraph's last earlier count
    counted ("In April 128,900 encounters were recorded. The figure was 30% lower...")."""
    found = antecedent_of(index)
    para = spans.paragraph[index]
    for claim in reversed(claims):
        j = spans.index_of(claim.start)
        if j >= index:  # an earlier window of this same (huge) sentence
            continue
        if j < index - LOOKBACK or spans.paragraph[j] != para:
            break
        if claim.kind == "count" and claim.thing is not None:
            return replace(found, counted=claim.thing)
    return found


_T = TypeVar("_T")


def _per_sentence(read: Callable[[int], _T]) -> Callable[[int], _T]:
    """`read` remembered per sentence index. (``functools.cache`` did the same, but
    setting up its wrapper twice per call cost ~2% of extracting a short text.)"""
    found: dict[int, _T] = {}

    def get(index: int) -> _T:
        if index not in found:
            found[index] = read(index)
        return found[index]

    return get


def _capped(claims: list[Claim], limit: int) -> list[Claim]:
    """The claims up to the `limit`-th one that counts against the cap."""
    out: list[Claim] = []
    counted = 0
    for claim in claims:
        if not is_bare(claim):
            if counted == limit:
                break
            counted += 1
        out.append(claim)
    return out
