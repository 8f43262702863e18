"""Turn the drafts of one window into claims: read each one's context, drop those that
count nothing (pairing ranges and changes comes first: ``pairing.py``)."""

from __future__ import annotations

import math
from collections.abc import Mapping
from datetime import datetime

from tui.core.claims import context as ctx
from tui.core.claims import events, rx, sharing, tense, things
from tui.core.claims import modifiers as mod
from tui.core.claims import window as win
from tui.core.claims.actors import canonical_actor
from tui.core.claims.date_claims import bare_claim, date_as_of, event_thing
from tui.core.claims.gazetteer import country_of_place
from tui.core.claims.lexicon import (
    ANAPHORA,
    CASUALTY_THINGS,
    CURRENCY_THING,
    FORCE_THINGS,
    lower_same_length,
    norm,
)
from tui.core.claims.notfigures import age_in_apposition, not_a_figure
from tui.core.claims.owner import owner, soldiers_counted
from tui.core.claims.pairing import Draft
from tui.core.claims.percents import percent_thing
from tui.core.claims.place_lists import (
    Neighbour,
    joined_names,
    leaders_home,
    narrowed_to_home,
    speakers_home,
)
from tui.core.claims.regex_speed import search_last_words
from tui.core.claims.sharing import Inherit, modifier_start
from tui.core.claims.source_choice import source_of_figure
from tui.core.claims.sources import SourceMention
from tui.core.models import AsOf, Claim, Predicate

_ANAPHORA = rx.compile(ANAPHORA)  # lower case: matched against window.lower
# The word "one" as a pronoun or in a set phrase, never a count: "the one given in
# Washington", "no one", "at one point", "one another", "one day".
# "... 40 cruise missiles and one", "two in Alta and one": "one" as the last of a list.
_LISTED_ONE = rx.compile(
    r"\b(?:[0-9][0-9,.]*|two|three|four|five|six|seven|eight|nine|ten)\b[^.;]*(?:,|\band)\s+\Z"
)
# A sentence whose subject points back: "The total for the year, which runs to June, was
# 207,600" (its clause, cut at the commas, no longer holds "total").
_OPENS_ON_ANAPHORA = rx.compile(
    r"\s*(?:the|this|that|its|their)\s+(?:latest\s+|new\s+|overall\s+|official\s+)?"
    r"(?:number|total|figure|tally|count)\b(?!\s+of\b)"
)
# A pronoun that holds or changes what an earlier sentence counted: "It currently has
# roughly 2,500 there", "they will keep 2,000", "plans to cut that to 2,000".
_HOLDS_WHAT_WAS_NAMED = rx.compile(
    r"(?:\b(?:it|they)\s+(?:(?:now|currently|still|also|already|only)\s+)?(?:has|have|had|keeps?|"
    r"kept|maintains?|will\s+(?:keep|have|retain|leave|maintain))|"
    r"\b(?:cut|cuts|cutting|reduce|reduces|reducing|bring|brings|bringing|lower|raise|"
    r"raises|raising|increase|increases|double|halve)\s+(?:that|it|this|them|those)\s+to)"
    r"\s+(?:about\s+|around\s+|roughly\s+|some\s+|nearly\s+|almost\s+|more\s+than\s+|"
    r"fewer\s+than\s+|under\s+|over\s+|just\s+)?\Z"
)
_ONE_EACH = rx.compile(r"\s+[a-z]+\s+each\b")
_ONE_BEFORE = rx.compile(r"\b(?:the|this|that|no|any|every|each|which|at)\s+\Z")
# ... and "one of the deadliest quakes", "one of the 10 worst": a rank among others.
_ONE_AFTER = rx.compile(
    r"\s+(?:another|point|day|time|way|side|hand|by|after|or|and|"
    r"of\s+(?:the|its|their|our)\s+(?:[\w-]+\s+){0,2}?(?:\w+est|most|worst|best)\b)"
)


def _thing_for(window: win.Window, d: Draft, clause: tuple[int, int], earlier: str) -> None:
    """Set the draft's counted thing and, when the text names it, where that mention is."""
    q = d.q
    assert q is not None
    known = window.things.table
    if d.kind == "money":
        money = things.money_thing(
            window, modifier_start(window, d), d.end, clause[0], window.things.table
        )
        if money is not None:
            d.thing, d.thing_start, d.thing_end = money.name, money.start, money.end
            d.thing_follows = True
        else:
            d.thing = CURRENCY_THING.get(q.unit or "", "money")
        return
    if d.kind == "percent":
        d.thing = percent_thing(window, d.start, d.end, clause, earlier)
        return
    size = _SIZE.match(window.lower, d.end)
    if size is not None:  # "a 2,500-strong contingent", "the 400-member assembly"
        d.thing = things.sized_thing(window, size.group(1), size.end(), known)
        return
    if _BODIES_OF.search(window.lower, max(0, d.start - 30), modifier_start(window, d)):
        d.thing = "bodies"  # "the bodies of 24 hostages", "the remains of four captives"
        return
    if q.fraction is not None:  # "a third of the troops", "half of the dead"
        share = things.thing_after(window, d.end, allow_of=True, known=window.things.table)
        if share is not None:
            d.thing, d.thing_start, d.thing_end = share.name, share.start, share.end
        elif _share_of_a_place(window, d.end):
            d.thing = "area"  # "a third of Pakistan was under water"
        return
    found = things.thing_after(window, d.end, allow_of=not q.spelled_one, known=window.things.table)
    event = events.event_for(window, d.start, d.end, found.end if found else d.end)
    if found is not None:
        d.thing = things.in_context(window, events.fold_event(found.name, event), d.start)
        d.thing_start, d.thing_end = found.start, found.end
        d.thing_follows = True
        if d.thing == "people":  # "the death toll had reached 72 people"
            before = things.thing_before(window, modifier_start(window, d), clause[0], known)
            d.thing = before.name if before is not None else d.thing
        return
    # A count linked to a named total ("the death toll rose to 211") counts that total,
    # whatever event a later count of the sentence names.
    before = things.thing_before(window, modifier_start(window, d), clause[0], known)
    if before is None and event is None:
        # "The death toll ... in Valencia, Spain, and other regions has risen to 225": a
        # named total may open the sentence, before the clause the number sits in.
        before = things.thing_before(window, modifier_start(window, d), 0, known)
    if before is not None:  # "the number of people crossing the Channel" -> migrants
        d.thing, d.thing_start = things.in_context(window, before.name, d.start), before.start
    elif event is not None:
        d.thing = event
    else:  # "the 303 and 282 seats", "16 and 12 seats, respectively"
        shared = things.coordinated_thing(window, d.end, known)
        if shared is not None:
            d.thing, d.thing_start, d.thing_end = shared.name, shared.start, shared.end
            d.thing_follows = True


_OF_PLACE = rx.compile(r"\s+of\s+(?:the\s+)?(?=[A-Z])")


def _share_of_a_place(window: win.Window, end: int) -> bool:
    """A fraction "of" a place names ("a third of Pakistan", "half of the Gaza Strip") is
    a share of its area."""
    m = _OF_PLACE.match(window.text, end)
    return m is not None and any(p.start == m.end() for p in window.places())


_SIZE = rx.compile(r"-(strong|member|seat|man|person)\b")
_BODIES_OF = rx.compile(r"\b(?:bodies|remains|corpses)\s+of\s+(?:the\s+|some\s+)?$")


def _source_for(window: win.Window, d: Draft, clause: tuple[int, int], text: str) -> str | None:
    """Who states the figure (``source_choice.source_of_figure``)."""
    return source_of_figure(
        window.sources(), window.text, window.base, d.start, d.end, clause, text
    )


def _actor_for(
    window: win.Window,
    d: Draft,
    thing: str | None,
    clause: tuple[int, int],
    sources: list[SourceMention],
    inherited: str | None,
    thing_inherited: bool,
) -> str | None:
    """Whose figure it is (see ``owner.py``). When the counted thing came from an earlier
    sentence ("Iraqi officials put the number at over 3,000"), so does its actor, unless
    the number's own noun phrase names one. `thing` is the figure's final thing (it may
    come from elsewhere than the draft's own mention)."""
    span = None
    if d.thing_start is not None:
        span = (d.thing_start, d.thing_end if d.thing_end is not None else d.thing_start + 1)
    if thing_inherited and inherited is not None:
        found = owner(window, d.start, d.end, thing, span, clause, sources, modifiers_only=True)
        return found or inherited
    return owner(window, d.start, d.end, thing, span, clause, sources)


_THE_COUNTRY = rx.compile(r"\b(?:in|across|inside|throughout|out\s+of|from)\s+the\s+country\b")


_OF_A_POINT = rx.compile(r"\s+(?:of\s+)?an?\s+(?:percentage\s+|per\s*cent(?:age)?\s+)?point\b")
# A giving verb before the number: what a country sends, pledges, delivers, launches or
# frees goes elsewhere ("Germany sent 14 tanks", "Russia launched 90 drones", "Israel
# freed 183 prisoners"), so the giver is not the figure's place.
_GIVEN = rx.compile(
    r"\b(?:sen[dt]s?|sending|deliver(?:s|ed|ing)?|suppl(?:y|ies|ied|ying)|pledg(?:e|es|ed|ing)|"
    r"donat(?:e|es|ed|ing)|provid(?:e|es|ed|ing)|ship(?:s|ped|ping)?|transferr?(?:s|ed|ing)?|"
    r"g[ia]ve|gives?|giving|dispatch(?:es|ed|ing)?|launch(?:es|ed|ing)?|fir(?:es|ed|ing)|"
    r"releas(?:e|es|ed|ing)|free[ds]?|freeing)\b"
    r"(?:\s+\S+){0,3}\s*$"
)


# Money given over a span that ends in a later year: a pledge still to be paid.
_UNTIL_YEAR = rx.compile(
    r"[^.;]{0,60}?\b(?:through|until|till|by)\s+(?:the\s+end\s+of\s+)?((?:19|20)[0-9]{2})\b"
)


def _paid_out_until_later(
    window: win.Window, end: int, clause: tuple[int, int], year: int | None
) -> bool:
    until = _UNTIL_YEAR.match(window.lower, end)
    return (
        year is not None
        and until is not None
        and until.end() <= clause[1]
        and int(until.group(1)) > year
    )


_TOLLS = frozenset({"deaths", "injured", "casualties", "missing"})


def _country_itself(place: str) -> str | None:
    """`place` as an actor when it names a country (not a region or town in one)."""
    country = country_of_place(place)
    if country is None or canonical_actor(country) != canonical_actor(place):
        return None
    return canonical_actor(country)


def _owner_not_place(window: win.Window, actor: str | None, place: str) -> bool:
    """Is `place` only the country whose forces are counted (`actor`: the figure's actor as
    a count of troops), named with no locative word? "The US plans to cut its presence to
    2,000", "France will withdraw its 600 soldiers from the country": whose the troops
    are, not where; that is said elsewhere (an earlier sentence's place, inherited)."""
    if actor is None or norm(actor) != norm(place):
        return False
    return not any(m.name == place and m.cue not in (None, "of") for m in window.places())


def build_claims(
    window: win.Window,
    drafts: list[Draft],
    text: str,
    when: datetime,
    synonyms: Mapping[str, str],
    inherit: Inherit,
    *,
    dated: bool = True,
) -> list[Claim]:
    """Claims for the drafts of one window; numbers that count nothing are dropped."""
    clauses = [window.clause(d.start) for d in drafts]
    # The paragraph before this sentence: a percent's measure may be named there (only a
    # percent reads it).
    earlier = ""
    if any(d.kind == "percent" for d in drafts):
        earlier = text[max(0, window.base - EARLIER_CHARS) : window.base]
        earlier = lower_same_length(earlier[earlier.rfind("\n\n") + 1 :])
    for d, clause in zip(drafts, clauses, strict=True):
        if d.q is not None and not d.dropped:
            _thing_for(window, d, clause, earlier)
    borrowed: set[int] = set()  # ids of drafts whose thing is another's (for places)
    for d in drafts:  # a change or fraction shares its partner's thing
        if d.thing is None and d.partner is not None:
            d.thing = drafts[d.partner].thing
            d.thing_start = drafts[d.partner].thing_start
            borrowed.add(id(d))
    sharing.shares_of_sized_wholes(window, drafts)
    sharing.subsets_share_event(window, drafts)
    sharing.changes_measure_counts(window, drafts, inherit)
    listed = sharing.inherit_listed_things(window, drafts) | borrowed
    counts = [d for d in drafts if not d.dropped and d.q is not None and d.kind == "count"]
    out: list[Claim] = []
    for d, clause in zip(drafts, clauses, strict=True):
        if d.dropped:
            continue
        others = [_neighbour(o, id(o) in listed) for o in counts if o is not d]
        claim = _claim(
            window, d, clause, text, when, synonyms, inherit, others, id(d) in listed, dated=dated
        )
        if claim is not None:
            out.append(claim)
    return out


def _neighbour(d: Draft, listed: bool) -> Neighbour:
    """A count's phrase, from its counted thing when that comes first ("the death toll
    ... rose to 900") and is its own, for choosing the places of a sentence's figures."""
    start = d.start if d.thing_start is None or listed else min(d.start, d.thing_start)
    return Neighbour(start, d.end, d.thing, listed)


EARLIER_CHARS = 600  # how far back a percent looks for what it measures


def _plural_thing(window: win.Window, d: Draft) -> bool:
    """A year-like number counts only a plural thing right after it ("2000 soldiers")."""
    if d.thing_end is None or not d.thing_follows:
        return False
    head = window.lower[d.thing_start or d.thing_end - 1 : d.thing_end]
    return head.endswith("s") or head in ("people", "children", "personnel")


def _counts_one(window: win.Window, d: Draft) -> bool:
    """Spelled "one" counts only with its counted thing right after it ("one soldier was
    killed", "one US service member") or as a casualty ("one was killed", not "no one
    was hurt"); otherwise it is a pronoun ("the one given", "one of", "one another")."""
    event = d.thing is not None and (d.thing in CASUALTY_THINGS or events.is_event_thing(d.thing))
    # A single thing that is neither an event nor an item of a list of counts is a
    # mention, not a figure: "One ship had 61 people on board", "at least one analyst".
    listed = (
        _LISTED_ONE.search(window.lower, max(0, d.start - 80), d.start) is not None
        or _ONE_EACH.match(window.lower, d.end) is not None  # "reported one case each"
    )
    # Troops are the story's own count ("one US soldier arrived"), and "only one" states
    # a count ("only one hospital still works").
    kept = listed or d.thing in FORCE_THINGS or window.lower.endswith("only ", 0, d.start)
    if not (event or (d.thing_follows and kept)):
        return False
    head = window.lower[max(0, d.start - 12) : d.start]
    return not (_ONE_BEFORE.search(head) or _ONE_AFTER.match(window.lower, d.end))


# What a move leaves is a level, not a move: "cut its troops in Iraq to 2,000", "reduce the
# force to about 2,000", "the plan would leave 1,500 troops in Iraq". ("withdraw 500
# troops" and "500 troops left" count the move.)
_LEVEL_AFTER_A_MOVE = rx.compile(r"(?:\bto|\bleaves?|\bleaving|\bleft)\s+(?:behind\s+)?\Z")


def _claim(
    window: win.Window,
    d: Draft,
    clause: tuple[int, int],
    text: str,
    when: datetime,
    synonyms: Mapping[str, str],
    inherit: Inherit,
    others: list[Neighbour],
    listed: bool,
    *,
    dated: bool = True,
) -> Claim | None:
    """One draft's claim (`others`: the sentence's other counts, for its place); `dated`
    says whether `when` is the real publication date (past years then make a figure
    historic) or only today's date standing in for it."""
    year = when.year if dated else None
    start, end = d.start, d.end
    thing = d.thing
    place: str | None = None
    predicate: Predicate
    as_of: AsOf = "current"
    high: float | None
    thing_inherited = False
    inherited_actor: str | None = None
    if d.date is not None:
        thing = event_thing(window, d.date, d.start, clause)
        if thing is None:  # a date of no event, or a duration: value and tense only
            return bare_claim(window, d, text, when)
        bound, low, high = d.date.bound, d.date.low, d.date.high
        predicate = "movement" if thing == "withdrawal" else "other"
        as_of = date_as_of(d.date, when, thing)
    else:
        q = d.q
        assert q is not None
        if q.spelled_one and not _counts_one(window, d):
            return None
        guessed = False
        if d.kind == "count" and thing is None:
            if q.year_like:
                return None
            points_back = _OPENS_ON_ANAPHORA.match(window.lower, 0, d.start) is not None
            if (
                points_back
                or _ANAPHORA.search(window.lower, clause[0], d.start)
                or _HOLDS_WHAT_WAS_NAMED.search(window.lower, clause[0], d.start)
            ):
                # "put the number at": the thing named last before, in this sentence or
                # the previous ones of the paragraph.
                mention = win.last_thing_before(window, d.start)
                if mention is not None:
                    thing, d.thing_start = mention[2], mention[0]
                else:
                    antecedent = inherit()
                    thing, place = antecedent.thing, antecedent.place
                    inherited_actor, thing_inherited = antecedent.thing_actor, True
                    if thing is None and points_back:
                        thing = antecedent.counted  # what the paragraph's last figure counted
            if thing is None:  # the sentence's own plural noun, else people
                guess = things.sentence_thing(window, d.start, d.end)
                if guess is not None:
                    thing, d.thing_start = guess
                    guessed = True
                    if d.thing_start is None:  # "About 8,000 are still in shelters"
                        thing = things.in_context(window, thing, d.start)
        # A guessed thing is no head: "said Ana Ruiz, 25, whose ..." is still an age.
        own_thing = None if guessed else thing
        if d.kind == "count" and not_a_figure(window, d.start, d.end, own_thing):
            return None
        if (
            d.kind == "count"
            and d.thing_start is not None
            and d.thing_start < d.start
            and age_in_apposition(window, d.start, d.end)
        ):
            return None  # "three residents: Herbert Walker, 49, of Frederick": still an age
        if d.kind == "count" and q.year_like and not _plural_thing(window, d):
            return None  # "the 2024 budget", "in 2003": a year, not a count
        if d.kind == "count" and ctx.is_label_number(window, d.start) and q.vague is None:
            return None
        if q.fraction is not None and d.partner is None:
            # "half of the votes" is 50%, but "half a percentage point" is 0.5 points
            of_a_point = _OF_A_POINT.match(window.lower, d.end) is not None
            # (rounded: 0.333 * 100 is 33.300000000000004 in binary floating point)
            d.kind, d.value = "percent", round(q.fraction * (1 if of_a_point else 100), 6)
        bound = d.bound or ("vague" if q.vague else "exact")
        if d.bound is None:
            pre = mod.bound_before(window, d.start)
            post = mod.bound_after(window, d.end)
            if pre and q.vague is None:
                bound, start = pre
            elif post and q.vague is None:
                bound, end = post
        low = d.value
        if bound == "vague" and q.vague:
            low, high = q.vague
        elif bound == "range":
            high = d.high
        elif bound == "lower":
            high = None
        elif bound == "upper":
            low, high = 0.0, d.value
        else:
            high = d.value
        if d.historic:
            as_of = "historic"  # the old value of a change ("down from 5,200")
        else:
            as_of = tense.as_of(window, start, end, clause, year, when.weekday() if dated else None)
            if d.current and as_of == "historic":
                as_of = "current"  # the new value of a change ("rose to 11,300")
            if (
                as_of == "current"
                and d.kind == "money"
                and _paid_out_until_later(window, end, clause, year)
            ):
                as_of = "planned"  # "pledged €50 billion to Ukraine through 2027"
        if thing in CASUALTY_THINGS:
            predicate = "casualty"
        elif d.kind == "money":
            predicate = "money"
        else:
            found = win.predicate_near(window, d.start, d.end, *clause)
            if found == "movement" and _LEVEL_AFTER_A_MOVE.search(window.lower, clause[0], start):
                found = "presence"
            predicate = found if found in ("presence", "movement", "casualty") else "other"  # type: ignore[assignment]
    if thing is not None:
        thing = synonyms.get(thing, thing)
    # "3,000 US soldiers": a country between the number and its thing is whose, not where.
    between = (d.end, d.thing_start) if d.thing_follows and d.thing_start is not None else None
    mine = others if d.kind == "count" else []
    own_start = None if listed else d.thing_start
    items: list[str] = []  # "..., with another 1,602 in Syria": the items it holds
    found = win.place_for(window, d.start, d.end, clause, between, d.thing, mine, own_start, items)
    # The actor of the figure read as a count of troops, when asked: the final actor is
    # the same question when the figure counts troops of its own (not an inherited thing's).
    troops_actor: str | None = None
    asked_troops = False
    if found is not None and (
        thing in FORCE_THINGS
        or search_last_words(_GIVEN, window.lower[clause[0] : start], 4) is not None
    ):
        troops_actor = _actor_for(window, d, "troops", clause, window.sources(), None, False)
        asked_troops = True
        if _owner_not_place(window, troops_actor, found):
            found = None
    place = found or place
    source = _source_for(window, d, clause, text)
    if place is None and d.date is None:
        antecedent = inherit()
        place = antecedent.place
        if place is not None and items and place not in items:
            place = joined_names([place, *items])  # the story's place and the items' places
        home = speakers_home(source)
        leader = None if home else leaders_home(source, window.text, d.end)
        if place is not None and home is not None:
            # "Syrian state media said 100 were killed there": its own country's toll.
            place = narrowed_to_home(place, home)
        elif place is not None and leader is not None and narrowed_to_home(place, leader) is None:
            # "Turkish President X said 11,000 people are injured" after a sentence on
            # Syria's north-west: a leader counting people counts his own country's.
            place = leader
        if place is None:
            # No place written or carried: a country's own voice ("340 died, Syrian state
            # television said") speaks of its country; other speakers may speak of anywhere.
            place = home
        if not thing_inherited:
            inherited_actor = antecedent.place_actor
    if found is None and place is not None and _THE_COUNTRY.search(window.lower, *clause):
        # "the number still in the country" after a sentence on Erbil: an earlier
        # sentence's place, and the country it is in
        place = country_of_place(place) or place
    if d.date is None and predicate == "other" and thing in FORCE_THINGS and place:
        predicate = "presence"
    sources = window.sources()
    if asked_troops and thing == "troops" and not (thing_inherited and inherited_actor is not None):
        actor = troops_actor
    else:
        actor = _actor_for(window, d, thing, clause, sources, inherited_actor, thing_inherited)
    if actor is None and place is not None and thing in _TOLLS and soldiers_counted(window, d.end):
        # "killed five soldiers in Niger", "15 soldats ont été tués ... au Burkina Faso":
        # soldiers whose side goes unnamed, killed in a country, are that country's
        actor = _country_itself(place)
    if not math.isfinite(low) or (high is not None and not math.isfinite(high)):
        return None
    base = window.base
    return Claim(
        surface=text[base + start : base + end],
        kind=d.kind,
        bound=bound,
        low=low,
        high=high,
        unit=d.q.unit if d.q is not None else None,
        thing=thing,
        place=place,
        actor=actor,
        source=source,
        predicate=predicate,
        as_of=as_of,
        sentence=text[base : base + len(window.text)].strip(),
        start=base + start,
        end=base + end,
    )
