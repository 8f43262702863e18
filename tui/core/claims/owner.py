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

from collections.abc import Sequence

from tui.core.claims import rx
from tui.core.claims.actors import Mention
from tui.core.claims.lexicon import FORCE_THINGS
from tui.core.claims.sources import SourceMention
from tui.core.claims.subject import PLACE_BEFORE, VERBS, clause_owner
from tui.core.claims.window import Window

# Counted things that are victims: a demonym beside them names who they are, not whose
# figure it is (the perpetrator's, when the text names one).
VICTIM_THINGS = frozenset(
    {"deaths", "injuries", "injured", "casualties", "missing", "displaced", "people",
     "civilians", "children", "women", "victims", "refugees", "migrants", "evacuees",
     "infections", "cases", "survivors", "patients", "bodies", "remains"}
)  # fmt: skip
# Captives: the actor is who holds, frees or hands them over, not their nationality.
CAPTIVE_THINGS = frozenset({"hostages", "prisoners", "detainees", "captives", "arrests"})
# Head nouns of armed or uniformed people: their demonym is their side, even as victims
# ("13 US soldiers were killed" is the US's toll).
_FORCE_WORDS = frozenset(
    "troops troop soldiers soldier servicemen serviceman servicemembers marines sailors "
    "airmen pilots personnel forces officers policemen police peacekeepers guards "
    "guardsmen lives army military service".split()  # ("service members")
)
# Soldiers, in the languages the extractor reads: see `soldiers_counted`.
_SOLDIER_WORDS = frozenset(
    "troops soldiers soldier servicemen serviceman servicemembers marines sailors airmen "
    "peacekeepers guardsmen soldats soldaten soldados militares tentara prajurit".split()
)
_PEOPLE_WORDS = _FORCE_WORDS | frozenset(
    "people workers employees volunteers members staff".split()
)
_WORD = rx.compile(r"[A-Za-z][\w'’-]*")
_SPACED_WORD = rx.compile(r"[ \t]{0,2}([A-Za-z][\w'’-]*)")
# Words that end the noun phrase after a number (a verb, a preposition, a conjunction).
_NP_END = frozenset(
    "of in at to for from on by with were was are is be been will would could should have "
    "has had and or but that which who said says than as if when while since after before "
    "until during into over under about around more worth within nach aus dans em para ke di dari "
    "desde hacia vers verso nel nella sur del du von vom zu zur zum bei en au aux a im ins am "
    "beim through across near toward towards via inside outside against between among "
    "throughout including alongside amid despite".split()
)
_IRREGULAR_PAST = frozenset(
    "left fled went came took sent held fell rose won lost got made saw met ran began led "
    "fought struck stood drew grew flew kept brought bought caught sought told gave".split()
)
_AGENT_BEFORE = rx.compile(
    r"\b(?:by|blamed\s+on|attributed\s+to)\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)
_ATTACK_AFTER = rx.compile(
    r"[\s-]+(?:[a-z]+\s+)?(attacks?|strikes?|airstrikes?|air\s+strikes?|bombardments?|"
    r"bombings?|shelling|fire|offensive|raids?|assaults?|forces|army|military|troops|"
    r"soldiers|drones?|missiles?|rockets?|aggression|occupation|invasion|bombs?|"
    r"prisons?|jails?|custody|detention)\b"
)
# A force named by its side elsewhere in the sentence: "the US presence in South Korea,
# where about 28,500 troops are stationed", "the German brigade ... of 5,000 soldiers".
_FORCE_UNIT_AFTER = rx.compile(
    r"(?:'s|’s)?\s+(?:[a-z]+\s+)?(?:presence|contingent|deployment|brigade|battalion|"
    r"garrison|mission|force|forces|troops|army|military)\b"
)
_RELEASE_BEFORE = rx.compile(
    r"\b(?:releas\w*|free[ds]?|freeing|hand(?:ed|s|ing)?\s+over|hand-?over|return(?:ed|s|ing)?|"
    r"exchang\w*|swap\w*|transfer\w*)\s+(?:\w+\s+){0,6}$"
)
_PARTITIVE = rx.compile(r"\s+of\s+(?:the|its|their|his|her|these|those)?\s*")
# Things whose side a sentence may leave to the one before, and words that point back.
_CARRY_THINGS = FORCE_THINGS | frozenset({"seats", "bases", "drones", "missiles", "rockets"})
_ANAPHOR = rx.compile(
    r"\b(?:the\s+(?:party|group|alliance|bloc|country|militants|rebels|militia|army|"
    r"military|government|movement|coalition)|this\s+outcome|it|they|its|their)\b"
)
_ARMED_BODY = rx.compile(r"\b(?:army|military)\b")  # "the Israeli army", not "Rapid Support Forces"
# Victims whose toll the text may blame on someone (the displaced and the rescued fled or
# were saved from something, not by someone).
_PERPETRATED = frozenset(
    {"deaths", "injuries", "injured", "casualties", "missing", "civilians", "people",
     "children", "women", "victims", "bodies", "remains"}
)  # fmt: skip
# A number whose noun phrase is only an event ("47 injured") shares the one before it.
_EVENT_WORDS = frozenset("killed dead died injured wounded hurt missing".split())
_SHARED_BEFORE = rx.compile(r"(\d[\d,.]*)[^\d;]{1,80}?\s+and\s+$")
_RELATION = rx.compile(
    r"(?:allies|partners|neighbou?rs|enemies|rivals|opponents|critics|donors|backers)\b"
)
# Counted places and nationals: an actor beside them names where or whose nationals they
# are ("five WHO regions", "123,000 American citizens"), not whose figure it is; a bloc's
# members are its own ("eight NATO member countries").
_AREA_THINGS = frozenset(
    {"regions", "districts", "provinces", "states", "countries", "constituencies", "counties",
     "municipalities", "cities", "towns", "villages", "areas", "polling stations"}
)  # fmt: skip
_NATIONALS = frozenset(
    "citizens nationals residents tourists expatriates expats students passengers "
    "pilgrims fans workers".split()
)
_GAP_BREAK = rx.compile(r"[,;.:()\d]")
_MAKER_AFTER = rx.compile(r"\s+(?:origin|design|make|manufacture|built|made)\b")
_COUNTED_BEFORE = rx.compile(r"\d[\d,.]*\s+$")
_DIGIT = rx.compile(r"\d")
_IN_EXCHANGE = rx.compile(r"\b(?:in\s+exchange\s+for|in\s+return\s+for|for\s+the\s+release\s+of)\b")
_OTHER_SIDE = rx.compile(r"\b(?:exchange|return|for|while|whereas|compared|than|versus|against)\b")
_SUBORDINATE = rx.compile(r"\b(?:after|when|as|because|since|while|which|who|before|until)\b")
# A possessive naming a place rather than an owner: "Russia's Kursk region".
_FIGURE_NOUN_AFTER_POSSESSIVE = rx.compile(
    r"\s+(?:[a-z]+\s+){0,2}(?:share|vote|votes|tally|total|majority|seats|budget|target|count|"
    r"toll|forces|troops|army|spending|aid|contribution|pledge|release|arsenal|stockpile|"
    r"reserves|losses|haul)\b"
)
_MOVEMENT_BEFORE = rx.compile(
    r"\b(?:withdraw\w*|withdrew|pull\w*|remov\w*|evacuat\w*|bring\w*|brought|mov\w*|redeploy\w*|"
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
        word = m.group(1).lower()
        if pos > end and (word.endswith("ed") or word in _IRREGULAR_PAST):
            return pos  # "4,000 soldiers | passed through", "2,000 troops | left Niger"
        pos = m.end()
        if window.text[pos : pos + 1] in (",", ";", ".", ":", ")"):
            return pos
    return pos


def soldiers_counted(window: Window, end: int) -> bool:
    """Whether the noun phrase after the number at `end` counts soldiers."""
    words = _WORD.findall(window.text, end, noun_phrase_end(window, end))
    return any(w.lower() in _SOLDIER_WORDS for w in words)


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
    found = _owner_here(window, start, end, thing, thing_span, clause, sources, modifiers_only)
    if found is None and not modifiers_only and window.earlier is not None:
        return _carried(window, start, end, thing, clause, sources)
    return found


def _carried(
    window: Window,
    start: int,
    end: int,
    thing: str | None,
    clause: tuple[int, int],
    sources: Sequence[SourceMention],
) -> str | None:
    """Rule 8: a sentence that names no side takes the paragraph's: the perpetrator for
    victims, the subject for forces, seats, votes and weapons or after an anaphor ("The
    party is set to gain 208 seats")."""
    if sources is window.sources():
        if window.unsourced_actors():
            return None
    else:
        avoid = [(s.start, s.end) for s in sources]
        if any(not any(a <= m.start < b for a, b in avoid) for m in window.actors()):
            return None
    assert window.earlier is not None
    head = {w.lower() for w in _WORD.findall(window.text, end, noun_phrase_end(window, end))}
    if thing in VICTIM_THINGS and not head & _FORCE_WORDS:  # soldiers' deaths: their side
        return window.earlier().perpetrator
    if (
        thing in _CARRY_THINGS
        or head & _FORCE_WORDS
        or _ANAPHOR.search(window.lower, clause[0], start)
    ):
        return window.earlier().subject
    return None


def _owner_here(
    window: Window,
    start: int,
    end: int,
    thing: str | None,
    thing_span: tuple[int, int] | None,
    clause: tuple[int, int],
    sources: Sequence[SourceMention],
    modifiers_only: bool,
) -> str | None:
    every = window.actors()
    if not every:
        return None
    if sources is window.sources():  # the window's own (every caller's): found once
        mentions = window.unsourced_actors()
    else:
        avoid = [(s.start, s.end) for s in sources]
        mentions = [m for m in every if not any(a <= m.start < b for a, b in avoid)]
    released = _RELEASE_BEFORE.search(window.lower, max(0, start - 40), start) is not None
    captive = thing in CAPTIVE_THINGS or released
    # "suspected cholera cases", "child refugees": victims by their head noun
    victim = (thing in VICTIM_THINGS or _head_noun(thing) in VICTIM_THINGS) and not captive
    np_end = noun_phrase_end(window, end)
    partitive = _PARTITIVE.match(window.text, np_end)
    of_end = np_end
    if partitive:  # "16 percent of the USFK troops", "dozens of Iranian officials"
        np_end = noun_phrase_end(window, partitive.end())
    if thing_span is not None and thing_span[0] >= end:
        np_end = max(np_end, thing_span[1])
    head = {w.lower() for w in _WORD.findall(window.text, end, np_end)}
    forces = bool(head & _FORCE_WORDS) or thing in FORCE_THINGS
    # 1. a modifier inside the noun phrase the number starts (or of its linked thing)
    side: str | None = None  # the captives' own side ("150 Russian servicemen")
    for m in mentions:
        if end <= m.start < np_end:
            if m.kind == "people" and not (captive or victim):
                return None  # "15,000 Indians": the counted people, nobody's figure
            if m.kind not in ("demonym", "country", "org"):
                continue
            right_after_of = partitive is not None and m.start == partitive.end()
            if (
                m.kind == "country"
                and m.start >= of_end
                and not (right_after_of and m.end < np_end)
            ):
                # "a third of Pakistan", "9 regions of Ukraine": a place; but "hundreds
                # of US soldiers": the country modifies the noun after it
                continue
            if m.kind == "demonym" and (
                captive
                or (victim and not forces)
                or head & _NATIONALS
                or _MAKER_AFTER.match(window.text, m.end)
            ):
                side = m.actor if captive and not head & _NATIONALS else None
                break
            if thing in _AREA_THINGS and not window.text.startswith(" member", m.end):
                return None
            return m.actor
    if thing_span is not None and thing_span[1] <= start:
        found = _modifying(window, mentions, thing_span[0])
        if found is not None and not captive and (not victim or forces):
            return found
    events_only = not head - _EVENT_WORDS
    if events_only or not (victim or captive):
        # "50 North Korean soldiers were killed and 47 injured", "destroyed 41 Russian
        # tanks and 12 artillery systems": the second item shares the first's side (a
        # victim's own nationality is not shared: it is not whose the figure is).
        shared = _SHARED_BEFORE.search(window.text, clause[0], start)
        kinds = ("demonym", "country") if events_only else ("demonym",)
        if shared is not None:
            at = shared.end(1)
            for m in mentions:
                if at <= m.start < noun_phrase_end(window, at) and m.kind in kinds:
                    return m.actor
    if modifiers_only:
        return None
    lo, hi = clause
    found = (
        _possessive(window, mentions, lo, start)
        or _origin(window, mentions, head, np_end, start)
        or _agent(window, mentions, end, hi, victim)
    )
    if found is not None:
        return found
    # 5. for victims and captives, who attacked or holds them
    if thing in _PERPETRATED or captive:
        for m in window.actors():  # even inside a source: "the toll from Israeli attacks"
            if end <= m.start < np_end:
                continue
            if m.kind == "org" and m.actor != window.text[m.start : m.end]:
                if _ARMED_BODY.search(window.text, m.start, m.end):  # "the Israeli army"
                    return m.actor
                continue
            if m.kind not in ("demonym", "country"):
                continue
            if _COUNTED_BEFORE.search(window.text, max(0, m.start - 12), m.start):
                continue  # "13 US soldiers and 169 Afghans": fellow victims
            cue = _ATTACK_AFTER.match(window.text, m.end)
            if cue and not (captive and cue.group(1).lower() in _FORCE_WORDS):
                return m.actor
    if forces or thing in ("bases", "base"):
        for m in mentions:
            if m.kind in ("demonym", "country") and _FORCE_UNIT_AFTER.match(window.text, m.end):
                return m.actor
    swap = _IN_EXCHANGE.search(window.lower, lo, start) if captive else None
    if swap is not None and _DIGIT.search(window.lower, lo, swap.start()):
        # "Hamas will free 33 hostages in exchange for 1,900 prisoners": the subject holds
        # what it frees (the count before), not what it gets back, whose holder goes unnamed
        return None
    # 6-7. the clause's subject, the speaker
    found = clause_owner(
        window, mentions, sources, clause, (start, end), victim=victim, captive=captive
    )
    if found is None and thing == "prisoners":
        # Soldiers brought home in a swap, with no side named that frees them, are their
        # own side's: "1,100 Ukrainian soldiers were returned" (Ukraine's).
        return side
    return found


def _head_noun(thing: str | None) -> str | None:
    return thing.rpartition(" ")[2] if thing else None


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
        if PLACE_BEFORE.search(window.text, max(0, m.start - 25), m.start):
            return None
        if len(between) <= 2 and not any(
            w[0].isupper() or w.lower() in _NP_END or w.lower() in VERBS or w.endswith("ed")
            for w in between
        ):
            return m.actor
        return None
    return None


_FROM_AFTER = rx.compile(r"\s+(?:from|of)\s+(?:the\s+)?(?:neighbou?ring\s+)?")


def _origin(
    window: Window, mentions: list[Mention], head: set[str], np_end: int, start: int
) -> str | None:
    """Rule 3: "200 police officers from Kenya", "1,000 people from FEMA". A country after
    "from" is where a force leaves when the verb is a movement ("withdrawing 4,500 troops
    from South Korea")."""
    if not head & _PEOPLE_WORDS:
        return None
    tail = _FROM_AFTER.match(window.text, np_end)
    if tail is None:
        return None
    at = tail.end()
    moving = _MOVEMENT_BEFORE.search(window.lower, max(0, start - 40), start) is not None
    for m in mentions:
        if m.start == at:
            if m.kind == "org" or (m.kind == "country" and head & _FORCE_WORDS and not moving):
                return m.actor
            return None
    return None


def _agent(window: Window, mentions: list[Mention], end: int, hi: int, victim: bool) -> str | None:
    """Rule 4: "held by Israel", "launched at its territory by Russia", "killed by gangs".
    Close after the number, with no other number or subordinate clause between ("fled the
    city after it was taken by the RSF" does not say who displaced them)."""
    for m in mentions:
        if not (end <= m.start < hi) or m.kind in ("capital", "leader"):
            continue
        between = window.text[end : m.start]
        if m.start - end > 100 or between.count(",") > 2:
            return None
        if _DIGIT.search(between) and _OTHER_SIDE.search(between):
            return None  # "20 hostages ... in exchange for 2,000 prisoners held by Israel"
        if victim and _SUBORDINATE.search(between):
            return None
        if _AGENT_BEFORE.search(window.text, max(end, m.start - 40), m.start):
            if _GO_BETWEEN.search(window.lower, max(end, m.start - 40), m.start):
                return None  # "swapped 150 prisoners, mediated by the UAE": no party to it
            return m.actor
    return None


# Who brings the sides together is neither's: "a swap brokered by Qatar".
_GO_BETWEEN = rx.compile(
    r"\b(?:mediated|brokered|facilitated|hosted|arranged|overseen|negotiated|supervised)\s+"
    r"by\s+(?:the\s+)?(?:[a-z][\w-]*\s+){0,2}$"
)


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
    if _RELATION.match(window.text, thing_start):
        return None  # "Ukraine's allies": the allies' own, not Ukraine's
    gap = window.text[last.end : thing_start].removeprefix("'s").removeprefix("’s")
    words = _WORD.findall(gap)
    if (
        len(words) > 2
        or _GAP_BREAK.search(gap)
        or any(
            w.lower() in _NP_END or w.lower() in VERBS or w.endswith(("ing", "ed")) for w in words
        )
    ):
        return None
    return last.actor
