"""Which attribution states a figure: the speaker of its quotation, the one whose reach
covers its clause, and what "he said" or "the paper said" points to in the same text.
(``sources.py`` finds the attributions.)"""

from __future__ import annotations

from tui.core.claims import rx
from tui.core.claims import source_names as nm
from tui.core.claims import source_words as sw
from tui.core.claims.lexicon import lower_same_length
from tui.core.claims.sources import SourceMention, find_sources

_QUOTES_OPEN = '"“«'
_QUOTES_CLOSE = '"”»'


_QUOTE_MARK = rx.compile('[“«"”»]')


def quote_around(text: str, pos: int) -> tuple[int, int] | None:
    """The quotation (open, close) that holds `pos`, if any."""
    if '"' not in text and "“" not in text and "«" not in text:
        return None  # no opening mark, so no quotation (most sentences)
    opened = -1
    # Only quotation marks change anything: jump from one to the next (a loop over every
    # character cost ~10 µs per figure).
    for m in _QUOTE_MARK.finditer(text):
        i, ch = m.start(), m.group()
        if opened < 0:
            if i >= pos:
                return None
            if ch in '“«"':
                opened = i
        elif ch in '”»"':
            if opened < pos < i:
                return opened, i
            opened = -1
    return None


LOOKBACK_CHARS = 600  # how far back "he said" looks for whom it means


def source_of_figure(
    sources: list[SourceMention],
    window: str,
    base: int,
    start: int,
    end: int,
    clause: tuple[int, int],
    text: str,
) -> str | None:
    """Who states the figure at [start, end) of a window (a sentence at `base` of `text`):
    the attribution that covers it (``choose_source``); a pronoun ("he said", "the paper
    said") points to a source named earlier in the same text."""
    chosen = choose_source(sources, window, start, end, clause)
    if chosen is None:
        # A quotation speaks for itself across sentences; otherwise the sentence before
        # does not speak for this one (the labels agree 16 times out of 20).
        return _quote_speaker(text, base, window, start)
    if not needs_antecedent(chosen):
        return chosen.name
    if chosen.name in sw.FIRST_PERSON:  # '"We counted 85 bodies," the chief said.'
        return _quote_speaker(text, base, window, start)
    earlier = text[max(0, base - LOOKBACK_CHARS) : base + chosen.start]
    resolved = resolve_pronoun(earlier, lower_same_length(earlier), chosen.name.lower())
    return resolved or (None if chosen.kind == "pronoun" else chosen.name)


def _quote_speaker(text: str, base: int, window: str, start: int) -> str | None:
    """The speaker of a quotation that runs past its sentence ('"We raised 9 billion. More
    will come," she wrote.') or was introduced by the sentence before ('Trump said: "..."',
    '"...," Trump said. "...80 percent..."')."""
    inner = quote_around(window, start)
    if inner is not None:
        open_at, close_at = base + inner[0], base + inner[1]
    else:
        last_open = max(window.rfind(q, 0, start) for q in _QUOTES_OPEN)
        if last_open < 0 or (window.count('"', 0, start) % 2 == 0 and "“" not in window[:start]):
            return None
        open_at = base + last_open
        closes = [text.find(q, base + start, base + start + 800) for q in _QUOTES_CLOSE]
        if max(closes) < 0:
            return None
        close_at = min(i for i in closes if i >= 0)
    after = text[close_at + 1 : close_at + 200]
    for s in find_sources(after, lower_same_length(after)):
        if _filler(after[: s.start]) and s.kind in ("subject", "inverted"):
            return s.name
    before = text[max(0, open_at - 200) : open_at].rstrip()
    if before.endswith((":", ".", '"', "”")):
        found = [s for s in find_sources(before, lower_same_length(before)) if s.kind != "citing"]
        if found and nm.rest_is_adjunct(before, found[-1].end) and not needs_antecedent(found[-1]):
            return found[-1].name
    return None


def needs_antecedent(s: SourceMention) -> bool:
    """ "he said", "the paper said": the name is elsewhere in the text."""
    return s.kind == "pronoun" or s.name.lower() in sw.PAPER_WORDS


_OUTLET = rx.compile(
    r"\b(?:Times|Post|Journal|News|Tribune|Herald|Guardian|Telegraph|Gazette|Shimbun|"
    r"Reuters|AFP|AP|BBC|CNN|Xinhua|Yonhap|Kyodo|Bloomberg|Press|[Nn]ews\s+[Aa]gency|paper|"
    r"newspaper|[Dd]aily|Courier|Chronicle|Observer|Express|Mirror|Independent|Standard|"
    r"broadcaster|outlet|media|TV|Television|Radio)\b"
)


def choose_source(
    sources: list[SourceMention], text: str, start: int, end: int, clause: tuple[int, int]
) -> SourceMention | None:
    """The attribution of the figure at [start, end): the speaker of the quotation that
    holds it; else, in the figure's clause, one that closes the sentence (", according to
    X."), the outermost speaker before it ("X says estimates show ...", a fronted
    "According to X,") or the nearest post-posed one after it ("..., X said, adding");
    else the nearest whose reach covers it (from an earlier clause); else the nearest in
    its clause. "citing X" yields to any other."""
    if not sources:
        return None
    quote = quote_around(text, start)
    if quote is not None:
        speakers = [s for s in sources if _speaks_quote(text, s, quote)]
        if speakers:
            return speakers[0]
        sources = [s for s in sources if not quote[0] < s.start < quote[1]] or sources

    def gap(s: SourceMention) -> int:
        return s.start - end if s.start >= end else max(0, start - s.end)

    pool = [s for s in sources if s.reach == "both" or s.end <= start]
    lo, hi = clause
    main = [s for s in pool if lo <= s.start < hi and s.kind != "citing"]
    before = [s for s in main if s.end <= start]
    after = [s for s in main if s.start >= end]
    # The reporter's attribution of the whole sentence: one that closes it, or an inverted
    # "..., said X" ("The authorities confirmed 773 deaths, said Patrick Muyaya").
    final = [s for s in after if s.kind == "inverted" or _closes_sentence(text, s)]
    if before and final:
        # A news outlet closing the sentence relays the speaker before the figure
        # ("Oktay said 3,419 had died, reports CNN"), as "X told Reuters" is X's.
        relay = _OUTLET.search(final[0].name) and not _OUTLET.search(before[-1].name)
        return _outermost(before, text) if relay else final[0]
    if before:
        return _outermost(before, text)
    if after:
        return after[0]
    if pool:
        return min(pool, key=lambda s: (s.kind == "citing", gap(s)))
    inside = [s for s in sources if lo <= s.start < hi]
    return min(inside, key=gap) if inside else None


def _closes_sentence(text: str, s: SourceMention) -> bool:
    """ ", according to the agency." / ", said X." at the sentence's end: the reporter's
    attribution of everything before it."""
    rest = text[s.end :]
    return len(rest) < 60 and not any(map(str.isdigit, rest)) and nm.rest_is_adjunct(text, s.end)


def _outermost(before: list[SourceMention], text: str) -> SourceMention:
    """The last speaker before the figure, or the one that introduces it ("X says early
    estimates show", "According to UNICEF, the ministry reports"); a news outlet yields
    to the speaker it quotes ("According to the Tribune, Hawkins said")."""
    best = before[-1]
    for outer in reversed(before[:-1]):
        between = text[outer.end : best.start]
        if any(map(str.isdigit, between)) or len(between.split()) > 3:
            break
        if _OUTLET.search(outer.name):
            break
        best = outer
    return best


def _speaks_quote(text: str, s: SourceMention, quote: tuple[int, int]) -> bool:
    """'"...," the GUR wrote' or 'X said: "..."': the mention touches the quotation."""
    after = text[quote[1] + 1 : s.start]
    before = text[s.end : quote[0]]
    return (s.start > quote[1] and _filler(after)) or (s.end <= quote[0] and _filler(before))


def _filler(between: str) -> bool:
    """Only punctuation or an article between a quotation and its speaker."""
    return between.strip(" ,:\n").lower() in ("", "the", "a", "an", "its", "his", "her", "their")


def resolve_pronoun(earlier: str, earlier_lower: str, pronoun: str) -> str | None:
    """Who "he said" / "the paper said" points to, from the text before it: the subject
    of its own sentence when the pronoun is inside it ("..., which it said"), else the
    last named source a few sentences back, else the last sentence's subject. "he" and
    "she" point to a person, never to "FEMA"."""
    person = pronoun in ("he", "she")
    paper = pronoun in sw.PAPER_WORDS

    def fits(name: str) -> bool:
        if paper:
            return bool(_OUTLET.search(name)) or name[:1].isupper()
        return not person or nm.is_person(name)

    cut = max(earlier.rfind(". "), earlier.rfind("\n"), earlier.rfind("? "))
    sentence_start = cut + 1
    own = nm.leading_subject(earlier, _skip_space(earlier, sentence_start))
    if own is not None and own[1] <= len(earlier) and fits(own[2]):
        return own[2]
    named = [s for s in find_sources(earlier, earlier_lower) if not needs_antecedent(s)]
    named = [s for s in named if s.kind != "citing" and fits(s.name)]
    if named:
        return named[-1].name
    if cut <= 0:
        return None
    prev = max(earlier.rfind(". ", 0, cut), earlier.rfind("\n", 0, cut)) + 1
    lead = nm.leading_subject(earlier, _skip_space(earlier, prev))
    return lead[2] if lead is not None and fits(lead[2]) else None


def _skip_space(text: str, pos: int) -> int:
    while pos < len(text) and text[pos] in " \n\t\"“'‘":
        pos += 1
    return pos
