"""Whose figure it is: the actor a number belongs to, read from its sentence.

The rules, first that answers wins (each reads the actor mentions of ``actors.py``,
never one inside a source phrase: "Iraqi sources said" speaks, it does not own):

1. A modifier of the counted noun phrase: "2,500 American troops", "50 North Korean
   soldiers". Not a victim's or captive's nationality: the actor of "30 Palestinian
   civilians killed" is who killed them, of "20 Israeli hostages" who holds them.
2. A possessive owner: "Russia's 40 drones", "Labour's vote share rose to 34%".
3. A force's origin after it: "200 police officers from Kenya", "members of Hamas".
4. The agent: "prisoners held by Israel", "drones launched by Russia", "killed by gangs".
5. For victims, the attacker: "killed in Israeli strikes", "a Russian missile attack".
6. The subject of a verb before the number: "France will withdraw its 1,500 soldiers",
   "Labour won 412 seats", "Moscow launched dozens of drones", and list items ("the DA on
   21.7%"). Victims need a verb that harms them ("M23 rebels killed 131 civilians"): the
   subject of "Italy rescued 400 people" did not do the counting's harm.
7. The speaker, when the figure is the speaker's own: "Germany announced 381 million
   euros", "Berlin said it would deploy ...", "says his country plans to spend ...".
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from tui.core.claims.actors import Mention
from tui.core.claims.sources import SourceMention
from tui.core.claims.window import Window

# Counted things that are victims: a demonym beside them names who they are, not whose
# figure it is (the perpetrator's, when the text names one).
VICTIM_THINGS = frozenset(
    {"deaths", "injuries", "injured", "casualties", "missing", "displaced", "people",
     "civilians", "children", "women", "victims", "refugees", "migrants", "evacuees",
     "infections", "cases"}
)  # fmt: skip
# Captives: the actor is who holds, frees or hands them over, not their nationality.
CAPTIVE_THINGS = frozenset(
    {"hostages", "prisoners", "detainees", "captives", "arrests", "bodies", "remains"}
)
# Head nouns of armed or uniformed people: their demonym is their side, even as victims
# ("13 US soldiers were killed" is the US's toll).
_FORCE_WORDS = frozenset(
    "troops troop soldiers soldier servicemen serviceman servicemembers marines sailors "
    "airmen pilots personnel forces officers policemen police peacekeepers guards "
    "guardsmen lives army military".split()
)
_PEOPLE_WORDS = _FORCE_WORDS | frozenset(
    "people workers employees volunteers members staff".split()
)
_WORD = re.compile(r"[A-Za-z][\w'’-]*")
_SPACED_WORD = re.compile(r"[ \t]{0,2}([A-Za-z][\w'’-]*)")
# Words that end the noun phrase after a number (a verb, a preposition, a conjunction).
_NP_END = frozenset(
    "of in at to for from on by with were was are is be been will would could should have "
    "has had and or but that which who said says than as if when while since after before "
    "until during into over under about around more worth".split()
)
# Before a country, capital or party: it is a place or a recipient there, not a subject.
_PLACE_BEFORE = re.compile(
    r"(?:^|[\s(,])(?:in|into|at|to|from|across|near|toward|towards|inside|within|throughout|"
    r"against|for|between|of|on|over|around|outside|via|through|than|like|including|"
    r"among|beyond|fled|entered|left|visited|invaded|struck|hit)\s+(?:the\s+)?$",
    re.IGNORECASE,
)
_WITH_BEFORE = re.compile(r"\bwith\s+(?:the\s+)?$", re.IGNORECASE)
_CONJUNCT = re.compile(r"\s*(?:,\s*(?:and|or)\s+|\s+and\s+|\s+or\s+|,\s+)(?:the\s+)?")
_LIST_GOES_ON = re.compile(r"\s*(?:,|\band\b|\bor\b)")
_AGENT_BEFORE = re.compile(
    r"\b(?:by|blamed\s+on|attributed\s+to)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)
_ATTACK_AFTER = re.compile(
    r"[\s-]+(?:[a-z]+\s+)?(attacks?|strikes?|airstrikes?|air\s+strikes?|bombardments?|"
    r"bombings?|shelling|fire|offensive|raids?|assaults?|forces|army|military|troops|"
    r"soldiers|drones?|missiles?|rockets?|aggression|occupation|invasion|bombs?|"
    r"prisons?|jails?|custody|detention)\b"
)
# A force named by its side elsewhere in the sentence: "the US presence in South Korea,
# where about 28,500 troops are stationed", "the German brigade ... of 5,000 soldiers".
_FORCE_UNIT_AFTER = re.compile(
    r"(?:'s|’s)?\s+(?:[a-z]+\s+)?(?:presence|contingent|deployment|brigade|battalion|"
    r"garrison|mission|force|forces|troops|army|military)\b"
)
# A state body after a demonym or country: "the Spanish government has mobilized".
_STATE_BODY = (
    r"(?:\s+(?:government|army|military|armed\s+forces|forces|troops|navy|air\s+force|"
    r"authorities|administration|police|coast\s+guard|defen[cs]e\s+ministry|"
    r"ministry\s+of\s+defen[cs]e|junta|regime|cabinet|parliament|party))"
)
# What may follow a subject before its verb: a bracketed short form, an aside.
_SUBJECT_TAIL = re.compile(
    rf"(?:'s|’s)?\)?{_STATE_BODY}?\s*(?:\([^()]{{1,40}}\)\s*)?(?:,[^,;]{{1,90}},\s*)?"
    r"(?:,?\s*(?:which|who|that)\s+)?(?:(?:on|last|this|next)\s+\w+day\s+)?"
    r"(?:(?:\w+ly|now|already|still|also|just|then|again)\s+)?(\w+)"
)
_VERBS = frozenset(
    "is was are were has have had will would could can may might must shall should did "
    "does do says said plans keeps heads holds wants needs sends deploys provides gives "
    "pledges spends gets wins leads faces controls maintains claims remains stands "
    "receives launches fires fields contributes commits offers won sent came got took gave "
    "made lost saw held fell rose kept left became began brought paid put set spent led met "
    "ran stood told went drew grew hit cut fought bought sought dominate control hold own "
    "plan want need".split()
)
_HARM = re.compile(
    r"\b(?:kill|murder|massacr|shot|shoot|wound|injur|abduct|kidnap|seiz|captur|execut|"
    r"attack|target|strik|struck|bomb|shell|destroy|displac|detain|arrest|held|hold|took|"
    r"take|releas|free|hand|return|exchang|swap|transfer|launch|fire|fir)"
)
_RELEASE_BEFORE = re.compile(
    r"\b(?:releas\w*|free[ds]?|freeing|hand(?:ed|s|ing)?\s+over|return(?:ed|s|ing)?|"
    r"exchang\w*|swap\w*|transfer\w*)\s+(?:\w+\s+){0,4}$"
)
# Clause breaks a subject does not reach across (", and" and dashes it does).
_HARD_BREAK = re.compile(r";|\s(?:while|whereas|but)\s")
_JOINT = re.compile(r"\w\s+and\s+(?:the\s+)?$")
_JOINT_AFTER = re.compile(r"\s+and\s+(?:the\s+)?[A-Z]")
_OWN_WORD = re.compile(r"\b(?:it|its|they|their|we|our)\b")
_OWN_COUNTRY = re.compile(r"\b(?:his|her|their|its|our)\s+(?:country|nation|government)\b")
# A possessive naming a place rather than an owner: "Russia's Kursk region".
_FIGURE_NOUN_AFTER_POSSESSIVE = re.compile(
    r"\s+(?:[a-z]+\s+){0,2}(?:share|vote|votes|tally|total|majority|seats|budget|target|count|"
    r"toll|forces|troops|army|spending|aid|contribution|pledge|release|arsenal|stockpile|"
    r"reserves|losses|haul)\b"
)
_MOVEMENT_BEFORE = re.compile(
    r"\b(?:withdraw\w*|pull\w*|remov\w*|evacuat\w*|bring\w*|brought|mov\w*|redeploy\w*|"
    r"relocat\w*|cut\w*|reduc\w*)\b"
)


def noun_phrase_end(window: Window, end: int) -> int:
    """Where the noun phrase a number starts ends: at most five words, up to a verb or
    preposition ("2,500 American combat troops | in Iraq")."""
    pos = end
    for _ in range(5):
        m = _SPACED_WORD.match(window.text, pos)
        if m is None or m.group(1).lower() in _NP_END:
            return pos
        pos = m.end()
        if window.text[pos : pos + 1] in (",", ";", ".", ":", ")"):
            return pos
    return pos


def owner(
    window: Window,
    start: int,
    end: int,
    thing: str | None,
    thing_span: tuple[int, int] | None,
    clause: tuple[int, int],
    sources: Sequence[SourceMention],
    *,
    modifiers_only: bool = False,
) -> str | None:
    """The actor of the figure at [start, end) in `window` (rules 1-7 above), or None.
    With `modifiers_only`, rule 1 alone (the thing came from an earlier sentence, whose
    actor the caller has)."""
    every = window.actors()
    if not every:
        return None
    avoid = [(s.start, s.end) for s in sources]
    mentions = [m for m in every if not any(a <= m.start < b for a, b in avoid)]
    released = _RELEASE_BEFORE.search(window.lower, max(0, start - 40), start) is not None
    captive = thing in CAPTIVE_THINGS or released
    victim = thing in VICTIM_THINGS and not captive
    np_end = noun_phrase_end(window, end)
    if thing_span is not None and thing_span[0] >= end:
        np_end = max(np_end, thing_span[1])
    head = {w.lower() for w in _WORD.findall(window.text, end, np_end)}
    forces = bool(head & _FORCE_WORDS)
    # 1. a modifier inside the noun phrase the number starts (or of its linked thing)
    for m in mentions:
        if end <= m.start < np_end and m.kind in ("demonym", "country", "org"):
            if m.kind == "demonym" and (captive or (victim and not forces)):
                break
            return m.actor
    if thing_span is not None and thing_span[1] <= start:
        found = _modifying(window, mentions, thing_span[0])
        if found is not None and not captive and (not victim or forces):
            return found
    if modifiers_only:
        return None
    lo, hi = clause
    found = (
        _possessive(window, mentions, lo, start)
        or _origin(window, mentions, head, np_end, start)
        or _agent(window, mentions, end, hi)
    )
    if found is not None:
        return found
    # 5. for victims and captives, who attacked or holds them
    if victim or captive:
        for m in mentions:
            if end <= m.start < np_end or m.kind not in ("demonym", "country"):
                continue
            cue = _ATTACK_AFTER.match(window.text, m.end)
            if cue and not (captive and cue.group(1).lower() in _FORCE_WORDS):
                return m.actor
    if forces:
        for m in mentions:
            if m.kind in ("demonym", "country") and _FORCE_UNIT_AFTER.match(window.text, m.end):
                return m.actor
    # 6. the subject of a verb before the number: in its clause, else in its sentence
    blocked = _blocked_mentions(window, mentions)
    harm = victim or captive
    found = _subject(window, mentions, blocked, (lo, start), start, harm)
    if found is None and lo > 0 and not _HARD_BREAK.match(window.text, lo):
        found = _subject(window, mentions, blocked, window.clause(lo - 1), start, harm)
    if found is not None:
        return found
    return _speaker(window, every, sources, lo, start, victim or captive)


def _possessive(window: Window, mentions: list[Mention], lo: int, start: int) -> str | None:
    """Rule 2: "Russia's 40 drones", "the Tories' 43.6 per cent", "Labour's vote share".
    Not a place's possessive ("in Russia's Kursk region destroyed 12 homes")."""
    for m in reversed(mentions):
        if not (lo <= m.start < start) or not m.possessive:
            continue
        if m.kind not in ("country", "org", "capital", "leader"):
            return None
        after = m.end + (1 if window.text[m.end : m.end + 1] in "'’" else 0) + 1
        if _FIGURE_NOUN_AFTER_POSSESSIVE.match(window.text, after):
            return m.actor
        between = _WORD.findall(window.text, after, start)
        if _PLACE_BEFORE.search(window.text, max(0, m.start - 25), m.start):
            return None
        if len(between) <= 2 and not any(
            w[0].isupper() or w.lower() in _NP_END or w.lower() in _VERBS or w.endswith("ed")
            for w in between
        ):
            return m.actor
        return None
    return None


def _origin(
    window: Window, mentions: list[Mention], head: set[str], np_end: int, start: int
) -> str | None:
    """Rule 3: "200 police officers from Kenya", "1,000 people from FEMA". A country after
    "from" is where a force leaves when the verb is a movement ("withdrawing 4,500 troops
    from South Korea")."""
    if not head & _PEOPLE_WORDS:
        return None
    tail = re.match(r"\s+(?:from|of)\s+(?:the\s+)?(?:neighbou?ring\s+)?", window.text[np_end:])
    if tail is None:
        return None
    at = np_end + tail.end()
    moving = _MOVEMENT_BEFORE.search(window.lower, max(0, start - 40), start) is not None
    for m in mentions:
        if m.start == at:
            if m.kind == "org" or (m.kind == "country" and head & _FORCE_WORDS and not moving):
                return m.actor
            return None
    return None


def _agent(window: Window, mentions: list[Mention], end: int, hi: int) -> str | None:
    """Rule 4: "held by Israel", "launched at its territory by Russia", "killed by gangs"."""
    for m in mentions:
        if end <= m.start < hi and m.kind not in ("capital", "leader"):
            if window.text.count(",", end, m.start) > 1:
                return None
            if _AGENT_BEFORE.search(window.text, max(end, m.start - 40), m.start):
                return m.actor
    return None


def _blocked_mentions(window: Window, mentions: list[Mention]) -> set[int]:
    """Mentions that name a place or recipient ("in Iraq", "aid to Ukraine", and the rest
    of a list after one: "between Israel and Hamas"). Demonym adjectives never are ("in
    Israeli prisons" are Israel's); "with" is a place unless a verb or share follows ("with
    the ANC falling to 19 per cent")."""
    out: set[int] = set()
    previous: Mention | None = None
    for m in mentions:
        if _names_place(window, m, previous if previous and previous.start in out else None):
            out.add(m.start)
        previous = m
    return out


def _names_place(window: Window, m: Mention, blocked_before: Mention | None) -> bool:
    """`blocked_before`: the mention just before, when it names a place."""
    if m.kind == "demonym":
        return False
    before = window.text[max(0, m.start - 25) : m.start]
    if _PLACE_BEFORE.search(before):
        return True
    if _WITH_BEFORE.search(before):
        return not _is_subject(window, m)
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


def _is_subject(window: Window, m: Mention) -> bool:
    tail = _SUBJECT_TAIL.match(window.text, m.end)
    if tail is None:
        return False
    word = tail.group(1).lower()
    return word in _VERBS or word.endswith(("ed", "ing"))


def _subject(
    window: Window,
    mentions: list[Mention],
    blocked: set[int],
    span: tuple[int, int],
    start: int,
    harm: bool,
) -> str | None:
    """Rule 6: the nearest actor in `span` (before the number at `start`) that is the
    subject of a verb, or a list item right before the number ("the Democratic Alliance
    (DA) on 21.7%", "AfD — 151"). Not one of a joint subject ("Ukraine and Russia
    swapped 300 prisoners" is neither's alone)."""
    for m in reversed(mentions):
        if not (span[0] <= m.start < span[1]) or m.start in blocked or m.kind == "people":
            continue
        if _JOINT.search(window.text, max(0, m.start - 40), m.start) or _JOINT_AFTER.match(
            window.text, m.end
        ):
            joint = [x for x in mentions if x is not m and abs(x.start - m.start) < 45]
            if joint:
                continue
        gap = window.text[m.end : start]
        if re.fullmatch(r"(?:'s|’s)?\s*(?:\([^()]{1,40}\)\s*)?(?:on|with|at|-|:)?\s*", gap):
            return m.actor
        if not _is_subject(window, m):
            continue
        if m.kind == "demonym" and not re.match(_STATE_BODY, window.text[m.end :]):
            continue
        if harm and not _HARM.search(window.lower, m.end, start):
            continue
        return m.actor
    return None


def _speaker(
    window: Window,
    every: list[Mention],
    sources: Sequence[SourceMention],
    lo: int,
    start: int,
    harm: bool,
) -> str | None:
    """Rule 7: the figure is the speaker's own when the speaker is an actor by name
    ("Germany announced 381 million euros", "the Pentagon said") or refers to itself
    ("Berlin said it would deploy", "says his country plans to spend")."""
    for s in sources:
        if s.start >= start:
            continue
        inside = [m for m in every if s.start <= m.start < s.end]
        if not inside:
            continue
        named = [m for m in inside if m.kind in ("country", "org", "capital", "leader")]
        name = s.name.removeprefix("the ").removeprefix("The ")
        if not harm and any(window.text[m.start : m.end] == name for m in named):
            return named[0].actor
        if _OWN_COUNTRY.search(window.lower, s.end, start):
            return inside[0].actor
        if named and _OWN_WORD.search(window.lower, max(lo, s.end), start) and not harm:
            return named[0].actor
    return None


def _modifying(window: Window, mentions: list[Mention], thing_start: int) -> str | None:
    """An actor adjective right before a thing mention: "U.S. forces", "Iraq's army"."""
    last = None
    for m in mentions:
        if m.end > thing_start:
            break
        if m.start >= thing_start - 40 and m.kind not in ("capital", "leader"):
            last = m
    if last is None:
        return None
    gap = window.text[last.end : thing_start].removeprefix("'s").removeprefix("’s")
    words = _WORD.findall(gap)
    if len(words) > 2 or any(w.lower() in _NP_END for w in words) or re.search(r"[,;.:()]", gap):
        return None
    return last.actor
