"""The subject of the clause that owns a figure, and the speaker whose own figure it is
(rules 6 and 7 of ``owner.py``).

No parser: a subject is an actor mention followed by a verb (an auxiliary, a listed verb,
or a word in -ed/-ing), after an optional bracketed short form or aside ("The Congress,
which is part of the INDIA bloc, won 99 seats"). A country after a preposition is a place
or a recipient ("troops in Iraq", "aid to Ukraine"), never a subject.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.core.claims import rx
from tui.core.claims.actors import Mention
from tui.core.claims.sources import SourceMention
from tui.core.claims.window import Window

# Before a country, capital or party: it is a place or a recipient there, not a subject.
PLACE_BEFORE = rx.compile(
    r"(?:^|[\s(,])(?:in|into|at|to|from|across|near|toward|towards|inside|within|throughout|"
    r"against|for|between|of|on|over|around|outside|via|through|than|like|including|"
    r"among|beyond|fled|entered|left|visited|invaded|struck|hit|leave|leaving|reach|reached|"
    r"cross|crossed|crossing|enter)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_APPOSITIVE_BEFORE = rx.compile(r"[A-Z][\w'-]+,\s+$")
# A state body named by its demonym, speaking for its own figures: "the German army".
_SPEAKING_BODY = rx.compile(
    r"\s+(?:army|military|armed\s+forces|government|navy|air\s+force|defen[cs]e\s+ministry)"
)
# A hold or release the subject intends after the number: "the 20 hostages it intends to
# release" (a participle there is the victims' own: "2,500 people killed").
_HARM_AHEAD = rx.compile(
    r".{0,40}?\b(?:to|will|would)\s+(?:be\s+)?(?:\w+\s+)?(?:releas|free|hand|return|exchang|swap)"
)
# Between a subject and the number: a clause with a subject of its own ("with air
# defences destroying 28 drones", "adding that its air defence systems destroyed 18"), or
# membership of the counted set ("M23 is the most effective of more than 100 groups").
_NOT_THE_SUBJECT = rx.compile(
    r",\s+with\s+(?!the\s+[A-Z])[a-z][a-z ]{0,40}?\b\w+ing\b"
    r"|\bthat\s+(?:its|their|the)\s+[a-z][a-z ]{2,40}?\s+\w+ed\b"
    r"|^\s+(?:is|are|was|were)\s+(?:one|among|the\s+\w+est|the\s+most\s+\w+)\b.*\bof\b"
)
# A speaker owns captives it frees or hands over, not ones it receives.
_RELEASING = rx.compile(r"\b(?:releas|free|hand|transfer|swap|exchang|return)")
_FOREIGN_PLACE_BEFORE = rx.compile(
    r"(?:^|\s)(?:nach|aus|en|dans|au|aux|em|no|na|para|ke|di|dari|w|do|z|desde|hacia|à|im|ins|"
    r"vers|verso|nel|nella|sur|del|du|des|von|vom)\s+$"
)
_RESULT_FOR = rx.compile(
    r"\b(?:win|victory|landslide|majority|triumph|defeat|loss|blow|setback)\s+for\s+(?:the\s+)?$"
)
_WITH_BEFORE = rx.compile(r"\bwith\s+(?:the\s+)?$", re.IGNORECASE)
# The first object of a giving verb, with what is given right after it: "Washington gave
# Kyiv $61 billion", "Germany sent Ukraine 14 tanks": a recipient, not the giver.
_GIVING_VERB_BEFORE = rx.compile(
    r"\b(?:g[ia]ve|gives|giving|sen[dt]s?|sending|lent|lends?|lending|offer(?:s|ed|ing)?|"
    r"promis(?:e|es|ed|ing)|grant(?:s|ed|ing)?|award(?:s|ed|ing)?|pa(?:ys?|id|ying)|owe[sd]?|owing|"
    r"hand(?:s|ed|ing)|sold|sells?|selling|loan(?:s|ed|ing)?)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_GIFT_AFTER = rx.compile(
    r"\s+(?:(?:a\s+further|another|an\s+additional|an\s+extra|more\s+than|over|some|about|"
    r"nearly|almost|around|at\s+least|up\s+to)\s+)?(?:[$€£¥]|(?:US|USD|EUR|GBP)\s*\d|\d)"
)
_CONJUNCT = rx.compile(r"\s*(?:,\s*(?:and|or)\s+|\s+and\s+|\s+or\s+|,\s+)(?:the\s+)?")
_LIST_GOES_ON = rx.compile(r"\s*(?:,|\band\b|\bor\b)")
# A state body after a demonym or country: "the Spanish government has mobilized".
_STATE_BODY = (
    r"(?:\s+(?:government|army|military(?:\s+junta)?|armed\s+forces|forces|troops|navy|"
    r"air\s+force|authorities|administration|police|coast\s+guard|defen[cs]e\s+ministry|"
    r"ministry\s+of\s+defen[cs]e|junta|regime|cabinet|parliament|party|bloc|alliance|coalition|"
    # a group's own members: "Boko Haram militants abducted", "Houthi rebels fired"
    r"militants|fighters|rebels|gunmen|militiamen|insurgents|jihadists|members|soldiers))"
)
# What may follow a subject before its verb: a bracketed short form, an aside.
# A leader's title and name after a country or party: "Japan's Prime Minister Aiko Sato".
_LEADER = (
    r"(?:\s+(?:President|Prime\s+Minister|Premier|Chancellor|Foreign\s+Minister|"
    r"Defen[cs]e\s+Minister|Finance\s+Minister|Minister|Secretary|leader|King)"
    r"(?:\s+(?:of\s+)?[A-Z][\w'’-]+){0,3})"
)
_BODY_OR_LEADER = rx.compile(rf"(?:'s|’s)?(?:{_STATE_BODY}|{_LEADER})")
_SUBJECT_TAIL = rx.compile(
    rf"(?:'s|’s)?\)?(?:{_STATE_BODY}|{_LEADER})?\s*(?:\([^()]{{1,40}}\)\s*)?(?:,(?:[^,;]|(?<=\d),(?=\d)){{1,120}},\s*)?"
    r"(?:,?\s*(?:which|who|that)\s+)?(?:(?:on|last|this|next)\s+\w+day\s+)?"
    r"(?:(?:\w+ly|now|already|still|also|just|then|again)\s+)?(\w+)"
)
VERBS = frozenset(
    "is was are were has have had will would could can may might must shall should did "
    "does do says said plans keeps heads holds wants needs sends deploys provides gives "
    "pledges spends gets wins leads faces controls maintains claims remains stands "
    "receives launches fires fields contributes commits offers won sent came got took gave lent "
    "made lost saw held fell rose kept left became began brought paid put set spent led met "
    "ran stood told went drew grew hit cut fought bought sought dominate control hold own "
    "plan want need flew struck shot drove sold swept dealt chose spoke wrote bore "
    "hatte hat haben ist sind wird werden war waren a ha han es son fue "
    "tem foi são est sont telah akan sudah berjanji".split()
)
_HARM = rx.compile(
    r"\b(?:kill|murder|massacr|shot|shoot|wound|injur|abduct|kidnap|seiz|captur|execut|"
    r"attack|target|strik|struck|bomb|shell|destroy|displac|detain|arrest|held|hold|took|"
    r"take|releas|free|hand|return|exchang|swap|transfer|launch|fire|fir|brought|bring|"
    r"repatriat|receiv)"
)
# A disaster or accident that did the harm itself, in a clause of its own.
_NATURE_HARMED = rx.compile(
    r"\b(?:earthquakes?|quakes?|tremors?|floods?|flooding|storms?|hurricanes?|typhoons?|"
    r"cyclones?|landslides?|mudslides?|avalanches?|wildfires?|fires?|blazes?|heatwaves?|"
    r"tsunamis?|eruptions?|crash(?:es)?|accidents?|collapse|outbreaks?|epidemic)\s+"
    r"(?:that|which)\s+(?:\w+\s+){0,2}?(?:kill|claim|injur|wound|left|displac)"
)
_AND = rx.compile(r",?\s+and\s+(?:the\s+)?")
_PRONOUN = rx.compile(r"\b(?:it|they|its|their)\b")
_PRONOUN_AFTER = rx.compile(
    r"(?:\s+[a-z]+){0,2}?\s+(it|they)\s+(?:has\s+|had\s+|have\s+)?[a-z]+ed\b|\s+(?:it|they)\s+won\b"
)
# A figure before its subject: "Despite gaining over 200 seats, Labour's vote share ...".
# "the DA on 21.7%", "AfD - 151"; "the Labour Party, with a majority of 174".
_LIST_ITEM = rx.compile(r"(?:'s|’s)?\s*(?:\([^()]{1,40}\)\s*)?(?:on|with|at|-|:)?\s*")
_WITH_FIGURE = rx.compile(
    r"(?:\s*\([^()]{1,40}\))?,?\s+with\s+(?:an?\s+|its\s+|their\s+)?(?:[a-z-]+\s+){0,3}(?:of\s+)?"
)
_FRONTED = rx.compile(
    r"\W*(?:despite|after|before|by|while|since|on)?\s*\w+ing\s+(?:[a-z]+\s+){0,3}", re.I
)
_TITLE = rx.compile(
    r"(?:'s|’s)?\s+(?:President|Prime\s+Minister|Minister|Secretary|Chancellor|Foreign\s+Minister|"
    r"Defen[cs]e\s+Minister|spokes(?:man|woman|person)|chief|head|leader|ambassador|envoy|"
    r"Commissioner|Governor|Mayor)\b"
)
# Clause breaks a subject does not reach across (", and" and dashes it does).
_HARD_BREAK = rx.compile(r";|\s(?:while|whereas)\s")
_OWN_WORD = rx.compile(r"\b(?:it|its|they|their|we|our)\b")
_OWN_COUNTRY = rx.compile(r"\b(?:his|her|their|its|our)\s+(?:country|nation|government)\b")


def blocked_mentions(window: Window, mentions: list[Mention]) -> set[int]:
    """Mentions that name a place or recipient ("in Iraq", "aid to Ukraine", and the rest
    of a list after one: "between Israel and Hamas"). Demonym adjectives never are ("in
    Israeli prisons" are Israel's); "with" is a place unless a verb or share follows ("with
    the ANC falling to 19 per cent")."""
    out: set[int] = set()
    previous: Mention | None = None
    english = window.english()
    for m in mentions:
        if _names_place(window, m, previous if previous and previous.start in out else None):
            out.add(m.start)
        elif not english and _FOREIGN_PLACE_BEFORE.search(
            window.lower, max(0, m.start - 8), m.start
        ):
            out.add(m.start)  # "ke Haiti", "nach Litauen", "en Ucrania"
        previous = m
    return out


def _names_place(window: Window, m: Mention, blocked_before: Mention | None) -> bool:
    """`blocked_before`: the mention just before, when it names a place."""
    if m.kind == "demonym":
        return False
    before = window.text[max(0, m.start - 25) : m.start]
    if PLACE_BEFORE.search(before):
        return not _RESULT_FOR.search(before)  # "a historic win for the Labour Party"
    if _GIVING_VERB_BEFORE.search(before) and _GIFT_AFTER.match(window.text, m.end):
        return True
    if (
        m.kind == "country"
        and _APPOSITIVE_BEFORE.search(before)
        and window.text[m.end : m.end + 1] in (",", ".", "")
    ):
        return True  # "Marrakech, Morocco": the city's country
    if _WITH_BEFORE.search(before):
        return not is_subject(window, m)
    if blocked_before is None:
        return False
    gap = window.text[blocked_before.end : m.start]
    if not _CONJUNCT.fullmatch(gap):
        return False
    # "from the US, Ukraine and Korea": a bare comma continues a list only when more of
    # it follows ("of the ANC, MK has won" starts a new clause).
    return (
        "and" in gap or "or" in gap.split() or _LIST_GOES_ON.match(window.text, m.end) is not None
    )


def is_subject(window: Window, m: Mention, limit: int | None = None) -> bool:
    """Whether a verb follows `m` (before `limit`): "Labour won", "the ANC falling"."""
    tail = _SUBJECT_TAIL.match(window.text, m.end, limit or len(window.text))
    if tail is None:
        return False
    word = tail.group(1).lower()
    if word.endswith("s") and window.text.startswith(" to ", tail.end()):
        return True  # "continues to bombard", "plans to send", "vows to"
    if word in VERBS or word.endswith(("ed", "ing")):
        return True
    # A headline's verb right before the figure: "Hamas frees three hostages", "US to
    # pull 1,000 troops" (an -s word further from the number may be a plural noun).
    if limit is None or not tail.group(1).islower():
        return False
    gap = window.text[tail.end() : limit]
    if word == "to":
        return _HEADLINE_VERB_GAP.fullmatch(gap) is not None
    return word.endswith("s") and not word.endswith("ss") and _BOUND_GAP.fullmatch(gap) is not None


# Between a headline's verb and its number: nothing but a bound ("at least", "over"); after
# "to", the verb itself and then that.
_BOUND = r"(?:(?:at\s+least|more\s+than|over|about|around|nearly|some|another|up\s+to|almost)\s+)?"
_BOUND_GAP = rx.compile(rf"\s*{_BOUND}")
_HEADLINE_VERB_GAP = rx.compile(rf"\s+[a-z]+\s*{_BOUND}")


def _subject(
    window: Window,
    mentions: list[Mention],
    blocked: set[int],
    span: tuple[int, int],
    figure: tuple[int, int, int],
    harm: bool,
) -> str | None:
    """Rule 6: the nearest actor in `span` that is the subject of a verb before the
    number, or a list item right before it ("the Democratic Alliance (DA) on 21.7%",
    "AfD — 151"). `figure` is the number's (start, end, clause end). Not one of a joint
    subject ("Ukraine and Russia swapped 300 prisoners" is neither's alone). For victims
    and captives the verb must harm, hold or free them, before the number or just after
    ("the 20 hostages it intends to release")."""
    start, end, hi = figure
    for m in reversed(mentions):
        if not (span[0] <= m.start < span[1]) or m.start in blocked or m.kind == "people":
            continue
        if _joint(window, mentions, m):
            continue
        gap = window.text[m.end : start]
        if _LIST_ITEM.fullmatch(gap) or _WITH_FIGURE.fullmatch(gap):
            return m.actor
        if not window.english() and m.kind in ("country", "org", "capital"):
            return m.actor  # no verb list for other languages: the nearest side before
        if not is_subject(window, m, start) or _NOT_THE_SUBJECT.search(gap):
            continue
        if m.kind == "demonym" and not _BODY_OR_LEADER.match(window.text, m.end):
            continue
        if harm and not (
            _HARM.search(window.lower, m.end, start)
            or _HARM_AHEAD.match(window.lower, end, min(hi, end + 60))
        ):
            continue
        if harm and _NATURE_HARMED.search(window.lower, m.end, start):
            continue  # "Iran offered condolences after an earthquake that killed hundreds"
        return m.actor
    return None


def _fronted_owner(
    window: Window, mentions: list[Mention], blocked: set[int], end: int, hi: int
) -> str | None:
    """ "Despite gaining over 200 seats, Labour's vote share rose": the first actor after
    the fronted phrase, as subject or owner."""
    comma = window.text.find(",", end, hi)
    if comma == -1:
        return None
    for m in mentions:
        if m.start > comma and m.start not in blocked and m.kind != "people":
            if m.possessive or is_subject(window, m):
                return m.actor
            return None
    return None


def _joint(window: Window, mentions: list[Mention], m: Mention) -> bool:
    """Whether `m` is one of "X and Y" (a joint subject)."""
    for x in mentions:
        if x.end <= m.start and _AND.fullmatch(window.text, x.end, m.start):
            return True
        if x.start >= m.end and _AND.fullmatch(window.text, m.end, x.start):
            return True
    return False


def _pronoun(
    window: Window,
    mentions: list[Mention],
    blocked: set[int],
    lo: int,
    start: int,
    end: int,
    harm: bool,
) -> str | None:
    """A pronoun subject or owner of the figure ("the record 303 it won", "they secured
    240 seats"): the nearest actor named before it in the sentence."""
    if harm:
        return None
    before = list(_PRONOUN.finditer(window.lower, lo, start))
    pronoun = before[-1] if before else _PRONOUN_AFTER.match(window.lower, end)
    if pronoun is None:
        return None
    for m in reversed(mentions):
        if m.end <= pronoun.start() and m.start not in blocked and m.kind in ("country", "org"):
            return m.actor
    return None


def _speaker(
    window: Window,
    every: list[Mention],
    sources: Sequence[SourceMention],
    lo: int,
    start: int,
    harm: bool,
    captive: bool = False,
) -> str | None:
    """Rule 7 (not for victims: who counts them is not who harmed them): the figure is
    the speaker's own when the speaker is an actor by name
    ("Germany announced 381 million euros", "the Pentagon said") or refers to itself
    ("Berlin said it would deploy", "says his country plans to spend"), or the speaker's
    title is ("European Commission President X announced 50 billion euros")."""
    for s in sources:
        if s.start >= start:
            continue
        inside = [m for m in every if s.start <= m.start < s.end]
        if not inside:
            continue
        named = [m for m in inside if m.kind in ("country", "org", "capital", "leader")]
        name = s.name.removeprefix("the ").removeprefix("The ")
        releases = _RELEASING.search(window.lower, s.end, start + 60) is not None
        if (
            not harm
            and named
            and (releases or not captive)
            and (
                any(window.text[m.start : m.end] == name for m in named)
                or (
                    name.startswith(window.text[named[0].start : named[0].end])
                    and _TITLE.match(name, named[0].end - named[0].start)
                )
            )
        ):
            return named[0].actor
        first = inside[0]
        if (  # "according to the German army", "the US government reported"
            not harm
            and first.kind in ("demonym", "country")
            and window.text[first.start : first.end] == name.split()[0]
            and _SPEAKING_BODY.fullmatch(window.text, first.end, first.start + len(name))
        ):
            return first.actor
        if _OWN_COUNTRY.search(window.lower, s.end, start):
            return inside[0].actor
        own = _OWN_WORD.search(window.lower, max(lo, s.end), start)
        if named and own and not (harm or captive):  # "its staff received 13 captives"
            return named[0].actor
    return None


def clause_owner(
    window: Window,
    mentions: list[Mention],
    sources: Sequence[SourceMention],
    clause: tuple[int, int],
    figure: tuple[int, int],
    *,
    victim: bool,
    captive: bool,
) -> str | None:
    """Rules 6 and 7 for the figure at `figure` (start, end) in `clause`: the subject of a
    verb before the number (in its clause, else the clause before across a soft break, or
    after a fronted "Despite gaining 200 seats, ..."), the speaker, a pronoun's antecedent."""
    lo, hi = clause
    start, end = figure
    if mentions is window.unsourced_actors():  # the same for every figure of the window
        if window.blocked_unsourced is None:
            window.blocked_unsourced = blocked_mentions(window, mentions)
        blocked = window.blocked_unsourced
    else:
        blocked = blocked_mentions(window, mentions)
    harm = victim or captive
    found = _subject(window, mentions, blocked, (lo, start), (start, end, hi), harm)
    back = lo
    for _ in range(3):  # earlier clauses, across soft breaks (", and", dashes)
        if found is not None or back <= 0 or _HARD_BREAK.match(window.text, back):
            break
        span = window.clause(back - 1)
        found = _subject(window, mentions, blocked, span, (start, end, hi), harm)
        back = span[0]
    if found is None and _FRONTED.fullmatch(window.text, lo, start):
        found = _fronted_owner(window, mentions, blocked, end, hi)
    if found is not None:
        return found
    return _speaker(window, window.actors(), sources, lo, start, victim, captive) or _pronoun(
        window, mentions, blocked, lo, start, end, harm
    )
