"""Who says so: the attribution grammar of news.

The forms read: "X said (that) ...", "..., X said", '"...," said X', "according to X",
"X told Reuters" (-> X), "X reported / estimates / confirmed / announced / stated",
"X put the number at", "data from X", "figures show", "citing X", and cheap non-English
ones ("según X", "selon X", "laut X", "segundo X", "X dijo", "X sagte"). A source is a
clean noun phrase: a subject chunk loses leading articles, conjunctions and adverbs, stops
at verbs and relative clauses, and must be a name or have a noun that can speak (a
ministry, officials, data). A pronoun ("he said") is kept as a mention to resolve from
the same text; alone it is no source. Which mention states a given figure is
``source_choice.py``; the noun phrases are read by ``source_names.py``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache, lru_cache
from typing import Literal

from tui.core.claims import rx
from tui.core.claims import source_names as nm
from tui.core.claims import source_words as sw
from tui.core.claims.lexicon import alternation
from tui.core.claims.sentences import HEADLINE_MAX

Reach = Literal["after", "both"]  # "after": covers what follows ("X said that ...")
Kind = Literal["subject", "according", "inverted", "citing", "pronoun", "participle"]

# A dateline opens a paragraph: an all-caps place, maybe ", Iraq" or "(Reuters)", then a
# dash ("BAGHDAD — ", "ERBIL, Iraq - "; dashes are normalised to "-"). It says where the
# report was filed, never who says so.
_DATELINE = rx.compile(
    r"\s*[A-Z][A-Z'.]{2,}(?:[ -][A-Z][A-Z'.]+)*(?:,\s*[A-Z][A-Za-z.]+(?:\s+[A-Z][A-Za-z.]+)*)?"
    r"(?:,?\s*[A-Z][a-z]{2,8}\.?\s+\d{1,2})?(?:\s*\([A-Za-z .&/-]+\))?\s*[-—–]+\s*"
    r"(?=[A-Z\"'“‘])"
)
# Plain words (the regex is built from them as a trie, see ``lexicon.alternation``)...
_EN_WORDS = (
    "said says say told tells reported reports estimated estimates estimate announced "
    "announces confirmed confirms claimed claims stated states added adds wrote writes "
    "tweeted posted revealed reveals indicated indicates indicate noted notes informed declared "
    "declares explained warned warns recorded records registered tallied counted showed "
    "shows show suggested suggests suggest predicted predicts projected projects expects "
    "expect expected believes believe read reads published suggesting showing indicating "
    "insisted insists admitted admits acknowledged acknowledges disclosed discloses "
    "found finds find"
).split()
# ... and those that report only with their object: "put the number at", "gave it at".
_EN_PHRASES = (
    r"(?:put|puts|placed|places|raised|raises|revised|revises|updated|updates|lowered|"
    r"lowers|gave|gives|take|takes|took|bring|brings|brought)"
    r"(?=\s+(?:the|their|its|that|this|a)\s+(?:\w+\s+){0,2}"
    r"(?:number|figure|total|toll|count|tally|estimate|crowd|crowds|turnout|attendance)|"
    r"\s+it\s+at)"
)
_OTHER_WORDS = (
    "dijo dijeron afirmó informó informaron declaró señaló indicó aseguró anunció "
    "confirmó explicó reportó detalló precisó disse disseram informou informaram afirmou "
    "declarou anunciou confirmou sagte sagten erklärte erklärten berichtete berichteten teilte "
    "teilten mitteilte mitteilten "
    "powiedział powiedziała zapowiedział poinformował poinformowała przekazał "
    "mengatakan menyatakan berjanji"
).split()
_OTHER_PHRASES = (
    "(?:a|ont)\\s+(?:déclaré|indiqué|annoncé|affirmé|précisé)|"
    r"(?:hat|hatte|haben|hatten)\s+(?:\S+\s+){0,4}?(?:gesagt|erklärt|mitgeteilt|berichtet)"
)
_PARTICIPLES = "saying|adding|noting|stating"
_ACCORDING = (
    r"according(?:\s+to)?|citing|cited\s+by|per|según|segun|selon|laut|segundo|"
    r"de\s+acordo\s+com|de\s+acuerdo\s+con|d'après|d’après|conforme|menurut|według|secondo|"
    r"nach\s+angaben(?:\s+(?:des|der|von|eines|einer))?"
)
# What follows "according to" up to the first stop: punctuation or a new clause.
_NAME_SPAN = rx.compile(r"(?:(?:[A-Z]\.){2,}|\.(?=[a-z])|[^,.;:!?()\[\]\n\"“”]){2,140}")


_HEADLINE_SOURCE = rx.compile(
    r"(?:\s*:|\s+[-–—])\s+(?P<name>(?:the\s+)?[A-Za-z][\w.&'’-]*(?:\s+[A-Za-z][\w.&'’-]*){0,4})"
    r"\s*$"
)
_ACRONYM = rx.compile(r"[A-Z]{2,6}")


def _tags_a_source(text: str, tag: re.Match[str]) -> bool:
    """Whether a headline's closing tag names who gives the figure before it: a body by its
    acronym ("WHO", "UN report") or a phrase that ends on a source noun ("health ministry",
    "officials"). Not the outlet that ran it ("- CNN", "- Washington Post"): a publisher, a
    bare name, is no attribution; nor a subtitle after a colon."""
    if not any(c.isdigit() for c in text[: tag.start()]):
        return False
    words = tag.group("name").split()
    if words[0].lower() == "the":
        words = words[1:]
    if not words or len(words) > 3:
        return False
    if _ACRONYM.fullmatch(words[0]) and (len(words) == 1 or words[-1] in sw.SOURCE_HEADS):
        return text[tag.start() : tag.start() + 2].strip() == ":" or len(words) > 1
    return words[-1] in sw.SOURCE_HEADS and all(w.islower() for w in words[1:])


_QUOTED_AS_SAYING = rx.compile(
    r"\bquot(?:ed|es|ing)\s+(?P<name>[^,.;:!?\"“”]{2,80}?)\s+as\s+(?:saying|telling|stating)\b"
)
# "per the ministry", "per Reuters": "per" attributes only before an article or a name.
_PER_SOURCE = rx.compile(r"(?:the\s+|[A-Z])(?!ent\b)")
_AGENT = rx.compile(r"\s+by\s+")
_NAME_SPAN_AGENT = rx.compile(r"(?:(?:[A-Z]\.){2,}|\.(?=[a-z])|[^,.;:!?()\[\]\n\"“”]){2,100}")


@dataclass(frozen=True, slots=True)
class SourceMention:
    """An attribution: [start, end) is its phrase (what actor detection skips)."""

    start: int
    end: int
    name: str
    kind: Kind = "subject"
    reach: Reach = "both"


@cache
def _verb_re() -> re.Pattern[str]:
    # Lower case, matched against the lower-cased text.
    # Each alternative ends at a word's end, so their order does not change the matches.
    verbs = f"{alternation([*_EN_WORDS, *_OTHER_WORDS])}|{_EN_PHRASES}|{_OTHER_PHRASES}"
    return rx.compile(rf"(?<![\w'’-])(?:(?P<v>{verbs})|(?P<p>{_PARTICIPLES}))(?![\w-])")


@cache
def _according_re() -> re.Pattern[str]:
    return rx.compile(rf"(?<![\w-])(?P<k>{_ACCORDING})\s+")


def find_sources(text: str, lowered: str) -> list[SourceMention]:
    """Every attribution in a window of text (`lowered`: ``lower_same_length(text)``).

    Remembered for the last few windows: a sentence is read again as the antecedent of
    the next one, and wire copies repeat sentences across reports."""
    return list(_find_sources(text, lowered))


@lru_cache(maxsize=256)
def _find_sources(text: str, lowered: str) -> tuple[SourceMention, ...]:
    out: list[SourceMention] = []
    dateline = _DATELINE.match(text)
    body = dateline.end() if dateline else 0  # subjects never reach into the dateline
    for m in _according_re().finditer(lowered):
        if m.group("k") == "per" and not _PER_SOURCE.match(text, m.end()):
            continue  # "per cent", "per day", "$500 per soldier": a rate, not "per Reuters"
        span = _NAME_SPAN.match(text, m.end())
        if not span:
            continue
        name = nm.name_after(span.group())
        if not name:
            continue
        span_end = m.end() + len(span.group().rstrip())
        citing = m.group("k") in ("citing",) or m.group("k").startswith("cited")
        fronted = text.startswith(",", span_end) and not _after_comma(text, m.start(), body)
        kind: Kind = "citing" if citing else "according"
        # The mention ends with the name: what follows it in the span is the report
        # ("laut Berichten wurden 400 kanadische Soldaten": the demonym is no source's).
        words = name.split()
        first = text.find(words[0], m.end(), span_end)
        last = text.find(words[-1], max(first, m.end()), span_end)
        end = last + len(words[-1]) if last >= 0 else span_end
        out.append(SourceMention(m.start(), end, name, kind, "after" if fronted else "both"))
    tag = _HEADLINE_SOURCE.search(text) if len(text) <= HEADLINE_MAX else None
    if tag is not None and _tags_a_source(text, tag):
        # A headline's closing tag says who gives its figure: "Cholera cases top 10,000 in
        # Yemen: WHO", "Gaza toll passes 40,000 - health ministry"
        name = nm.name_after(tag.group("name"))
        if name:
            out.append(SourceMention(tag.start(), tag.end("name"), name, "according", "both"))
    for m in _QUOTED_AS_SAYING.finditer(text) if "quot" in lowered else ():
        # "CNN quoted the White Helmets as saying": the quoted say it, not the outlet
        name = nm.name_after(m.group("name"))
        if name:
            out.append(SourceMention(m.start(), m.end("name"), name, "according", "both"))
    for m in _verb_re().finditer(lowered):
        if m.start() < body or not _is_reporting_verb(text, lowered, m):
            continue
        participle = m.group("p") is not None
        found = _participle(text, m, body, out) if participle else _subject_mention(text, m, body)
        if found is not None:
            out.append(found)
    return tuple(_drop_nested(out))


def _after_comma(text: str, pos: int, body: int) -> bool:
    """Whether `pos` follows a comma, a closing quote or a dash: a post-posed phrase."""
    before = text[body:pos].rstrip()
    return bool(before) and before[-1] in ',”"»-—–'


_DETERMINER_BEFORE = rx.compile(r"(?:^|\s)(?:a|an|the|its|their|his|her|this)\s+$")
_COPULA_AFTER = rx.compile(
    r"^(?:\s+(?!(?:that|they|it|he|she|we|the|a|an|its|their|his|her)\b)(?:[a-z]+|\d{4})){0,3}?\s+"
    r"(?:is|was|were|are|has|have|had)\b"
)
_NOUN_THEN_VERB = frozenset(
    "show shows showed say says said indicate indicates indicated suggest suggests began "
    "begin reveal revealed put puts released published obtained seen compiled are were have "
    "has will would can could may might keep remain continue range ranged vary varied stand "
    "stood exceed exceeded top topped".split()
)
# "show" and "find" attribute a figure only to evidence: "data show", "the poll showed",
# "a UN report found" ("the scrapped show", "horror shows keep" are nouns; "rescuers
# found 12 bodies" is what they found, not what they say).
_EVIDENCE_VERBS = frozenset("show shows showed showing found finds find".split())
_EVIDENCE_HEADS = frozenset(
    "data figures figure statistics numbers study studies survey surveys poll polls report "
    "reports records research results estimates estimate analysis census tally count "
    "evidence documents document forecasts forecast projections projection models model "
    "images footage video tests filings statement release bulletin update maps tallies "
    "calculations assessment review inquiry investigation audit probe".split()
)


_ADMITTING = frozenset({"admitted", "admits", "admit"})
# ... but "admitted 40 civilians were killed" admits a clause.
_CLAUSE_AFTER = rx.compile(
    r"(?:\s+[\w.-]+){1,5}?\s+(?:were|was|had|have|has|are|is|died|would|will)\b"
)
_REMARK_AFTER = rx.compile(r"\s*(?:[,.;:\"“”]|that\b|in\b|on\b|$)")
_NEXT_WORD = rx.compile(r"\s+([a-z]+)")


def _is_reporting_verb(text: str, lowered: str, m: re.Match[str]) -> bool:
    """Not every "states" or "reported" reports: "United States", "Member States", "a
    reported approach", "CPI records began", "the rate reported globally in 2021 was"."""
    word = m.group()
    if text[m.start()].isupper():  # "United States", "Reports say" (the noun)
        return False
    if word == "say" and text.startswith(",", m.end()):  # "as, say, a tablet"
        return False
    if word in ("added", "adds") and not _REMARK_AFTER.match(text[m.end() : m.end() + 8]):
        return False  # "Iran has added 700,000 barrels": adding a quantity, not a remark
    if (
        word in _ADMITTING
        and not _REMARK_AFTER.match(text[m.end() : m.end() + 8])
        and not _CLAUSE_AFTER.match(lowered, m.end())
    ):
        return False  # "Hospitals admitted 320 patients": taking them in, not owning up
    if _DETERMINER_BEFORE.search(lowered, max(0, m.start() - 8), m.start()):
        return False
    nxt = _NEXT_WORD.match(lowered[m.end() : m.end() + 30])
    if word.endswith("s") and nxt and nxt.group(1) in _NOUN_THEN_VERB:
        return False  # "hospital records show": the noun
    # A reduced relative: "the rate reported globally in 2021 was 1.9%".
    return not (word.endswith("ed") and _COPULA_AFTER.match(lowered[m.end() : m.end() + 50]))


def _participle(
    text: str, m: re.Match[str], body: int, found: list[SourceMention]
) -> SourceMention | None:
    """ ", adding that ...", ", saying ...": the subject of the clause before says it."""
    if not text[: m.start()].rstrip().endswith(","):
        return None
    if found and found[-1].kind in ("subject", "inverted", "according"):
        return SourceMention(m.start(), m.end(), found[-1].name, "participle", "both")
    lead = nm.leading_subject(text, body)
    if lead is None:
        return None
    return SourceMention(lead[0], m.end(), lead[2], "participle", "both")


def _subject_mention(text: str, m: re.Match[str], body: int) -> SourceMention | None:
    v_start, v_end = m.start(), m.end()
    found = nm.subject_before(text, body, v_start)
    post = _after_comma(text, found[0], body) if found else _after_comma(text, v_start, body)
    tail = nm.rest_is_adjunct(text, v_end)
    reach: Reach = "both" if (post or tail) else "after"
    if found is not None:
        start, name = found[0], found[2]
        subject = text[max(body, start - 40) : v_start].lower().replace("’", "'").split()
        evidence = {w.removesuffix("'s") for w in subject} & _EVIDENCE_HEADS
        if m.group() in _EVIDENCE_VERBS and not evidence:
            return None
        if name.lower() in sw.PRONOUNS:
            return SourceMention(start, v_end, name.lower(), "pronoun", reach)
        return SourceMention(start, v_end, name, "subject", reach)
    # "30 deaths were reported by the ministry": the passive's agent says it.
    agent = _AGENT.match(text, v_end)
    if agent and m.group().endswith("ed"):
        span = _NAME_SPAN_AGENT.match(text, agent.end())
        by = nm.name_after(span.group(), 10) if span else None
        if by and by not in sw.PRONOUNS and span is not None:
            return SourceMention(v_start, span.end(), by, "inverted", "both")
    # '"...," said a police source': the inverted form, after a comma or a quote.
    if _after_comma(text, v_start, body):
        after = nm.name_inverted(text, v_end)
        if after is not None:
            return SourceMention(v_start, after[1], after[0], "inverted", "both")
    return None


def _drop_nested(found: list[SourceMention]) -> list[SourceMention]:
    """A mention inside a longer one is a misreading of part of it; the longer one wins."""
    found.sort(key=lambda s: (s.start, -s.end))
    if len(found) < 2:  # most windows: nothing to be nested in
        return found
    spans = [(o.start, o.end) for o in found]
    return [
        s
        for s in found
        if not any(a <= s.start and s.end <= b and (a, b) != (s.start, s.end) for a, b in spans)
    ]
