"""Is a figure the current level, a plan, or history?

*planned*: a stated plan, target, deadline, forecast or pledge ("will drop to fewer than
2,000", "could reach 20,000", "is expected to free 20", "plans to spend $870m", "the
forecast called for 0.3%"). *historic*: an earlier level ("down from 5,200 in 2020", "the
52 seats it won in 2019", "at its peak"), or a forecast that has since been overtaken
("analysts had predicted 42%"). Anything else is *current*.

Cues are read in the figure's clause: the verb group before the number, and the few words
after its counted phrase ("another 120 are expected").
"""

from __future__ import annotations

from tui.core.claims import rx
from tui.core.claims.lexicon import CHANGE_AFTER, CHANGED_BY
from tui.core.claims.regex_speed import compile_guarded, search_last_words
from tui.core.claims.window import Window
from tui.core.models import AsOf

# A modal or plan verb governing the number: "would deploy", "plans to send", "is to free".
_PLAN_BEFORE = compile_guarded(
    # (a poll's "would vote" is an opinion now: "45% would vote for X, against 39% for Y")
    r"\b(?:will|would(?!\s+(?:say|vote|back|support|oppose|prefer|choose)\b)|'ll|shall|could|"
    r"might|(?:is|are|was|were|be|been)\s+(?:(?:now|still|also|widely)\s+)?"
    r"(?:expected|set|due|scheduled|slated|poised|projected|predicted|forecast|likely|"
    r"planned|planning|going|about|supposed|tipped|on\s+course|on\s+track)\s+to|"
    r"(?:is|are|was|were)\s+to|"
    r"(?:plans?|planned|planning|aims?|aimed|aiming|intends?|intended|intending|"
    r"pledged?|pledging|promised?|promising|vowed?|vowing|agreed|agrees|offered|offers|"
    r"proposed?|proposing|wants?|wanted|seeks?|sought|hopes?|hoped|prepared|ready|"
    r"commit(?:s|ted)?|expects?|expected)\s+to|"
    r"targets?|targeting|forecasts?|projections?|estimates?\s+called|"
    r"called\s+for|calls\s+for|looking\s+for|predicts?|anticipates?|"
    # an option under study: "is weighing pulling out 4,500", "considering withdrawing"
    r"(?:considering|weighing|mulling|discussing|debating|studying|exploring|contemplating|"
    r"involves|would\s+involve)(?:\s+(?:the\s+)?(?:idea|option|possibility|plans?|options?)"
    r"\s+(?:of|to|for))?\s+[a-z]+ing)\b"
)
# A headline's future: a name, then "to" and a verb ("US to cut troops", "Pentagon to
# withdraw 500", "Hamas to free 33 hostages").
_HEADLINE_TO = rx.compile(
    r"(?:[A-Z][\w.'’-]*\s+){1,4}to\s+(?:cut|withdraw|reduce|send|deploy|pull|keep|leave|"
    r"end|halve|double|boost|raise|add|remove|release|free|hand|close|expand|shrink|slash)\b"
)
# The whole a planned part is taken from: "will pull 2,000 of its 2,500 troops" plans the
# 2,000; the 2,500 are there now.
_WHOLE_OF_A_PART = rx.compile(r"\d[\d,.]*\s+of\s+(?:its|their|his|her|the)\s+\Z")
# Words that end the verb group a plan cue governs: a new finite verb or clause.
_CLAUSE_TURN = rx.compile(
    r"\b(?:after|since|when|because|as|which|who|that|while|but|and\s+(?:has|have|had|was|were))\b"
)
# Not across another number ("has deployed 400, with 600 more expected" plans the 600);
# past a comma only nearby, but across a relative clause further ("150 women and children
# that were detained in Israeli prisons are to be released").
_PLAN_AFTER = rx.compile(
    r"(?:[^.;:0-9]{0,50}?|[^.;:0-9,]{0,80}?)\b(?:(?:is|are|were|was)\s+(?:also\s+)?"
    r"(?:expected|due|set|scheduled|slated|to\s+be|likely|planned)|"
    r"expected\s+(?:in|to|by|later|next|soon)|"
    r"to\s+be\s+(?:released|freed|sent|deployed|built|delivered)|"
    r"to\s+come|to\s+follow|to\s+arrive|in\s+the\s+coming|"
    # "the 20 hostages it intends to release", "$400 billion will be needed"
    r"(?:intends?|plans?|hopes?|wants?|aims?|is\s+set)\s+to|"
    r"will\s+be\s+(?:needed|required|sent|deployed|released|freed|withdrawn|cut)|"
    # "fewer than 2,000 troops will remain", "2,500 are to stay until September"
    r"(?:will|would)\s+(?:remain|stay|leave|return|arrive|number|total|deploy|withdraw|go)|"
    r"(?:is|are)\s+to\s+(?:remain|stay|leave|return|arrive|be\s+withdrawn)|"
    r"(?:is|are)\s+to\s+be\s+[a-z]+ed)\b"
)
# The counted phrase is the subject of a future: "some 3,000 soldiers will take part",
# "about 500 troops will join", "said 4,000 reservists would be called up". Only words
# of the phrase may come between, no new clause ("30 were killed and the toll will
# rise" is no plan for the 30). A possibility done to the phrase looks ahead too: "up to
# 1,000 troops could be sent", "2,000 jobs may be cut" (not "may have died": an estimate).
_SUBJECT_WILL = rx.compile(
    r"(?:\s+(?!(?:and|or|but|as|while|who|which|that|when|after|before|if|were|was|are|is|"
    r"have|has|had)\b)[a-z][\w'-]*){0,4}?\s+(?:"
    r"(?:will|'ll|shall|would)\s+"
    # a poll's "would" is an opinion now: "19 percent of voters would back him"
    r"(?!have\b|(?:say|vote|back|support|agree|oppose|prefer|choose|consider|like|welcome|"
    r"accept|favou?r)\b)(?:(?:also|now|soon|then|still|eventually|initially|later|each|all|not)\s+)*"
    r"[a-z]+\b"
    r"|(?:could|may|might)\s+(?:(?:also|now|soon|still|eventually|later|not)\s+)?be\s+"
    r"(?!(?:seen|heard|felt|spotted|observed)\b)[a-z]+(?:ed|en|wn|nt|ut)\b)"
)
# The future in French, Spanish and Portuguese: the counted phrase as the subject of
# "seront", "serán", "serão" ("3 000 soldats seront déployés"), and a future verb before
# the number ("enviará 500 militares"). Not German: "werden" and "sollen" are as often a
# passive ("werden vermisst") or hearsay ("400 Opfer sollen es sein").
_FOREIGN_FUTURE_AFTER = rx.compile(
    r"(?:\s+[^\W\d_][\w'-]*){0,3}?\s+(?:seront|sera|vont|serán|será|van\s+a|serão|vão)\s"
)
_FOREIGN_FUTURE_BEFORE = rx.compile(
    r"\b[^\W\d_]+(?:ará|erá|irá|arán|erán|irán|arão|erão|irão)\s+(?:[^\W\d_]+\s+){0,2}$"
)
# The forecasters after a number are who expected it, not what it counts: "far more than
# the 150,000 economists had expected" is a forecast of the thing counted before.
EXPECTED_BY = rx.compile(
    r"\s+(?:economists|analysts|experts|forecasters|markets|traders|investors|pollsters)\s+"
    r"(?:had\s+|have\s+|were\s+|are\s+)?(?:expected|expecting|forecast|predicted|"
    r"projected|anticipated|estimated|pencilled\s+in|penciled\s+in)\b"
)
# A forecast of a named total: "officials expect the number of arrivals to top 50,000".
_EXPECT_TOTAL = compile_guarded(
    r"\b(?:expects?|expected|predicts?|predicted|forecasts?|projects?|projected|fears?|feared)"
    r"\s+(?:the|a|its|their)\s+(?:[a-z][\w'-]*\s+){0,4}?(?:number|total|toll|count|figure)"
    r"(?:\s+of\s+(?:[a-z][\w'-]*\s+){0,3}?[a-z][\w'-]*)?\s+to\s+"
    r"(?:(?:reach|top|exceed|rise|climb|hit|surpass|pass|fall|drop|grow|double|be)\b"
    r"[^.;:]{0,30})?$"
)
# A forecast overtaken by events, or a state that used to hold.
_OVERTAKEN = rx.compile(
    r"\b(?:had\s+(?:earlier\s+|previously\s+|initially\s+|originally\s+)?"
    r"(?:predicted|forecast|projected|expected|estimated|said|put)|"
    r"earlier\s+(?:predicted|forecast|estimate[sd]?|put)|initially\s+(?:said|put|reported)|"
    r"previously\s+(?:said|reported|put))\b"
)
# Cues that the figure right after them is an earlier level ("compared with 52").
_HISTORIC_BEFORE = compile_guarded(
    r"\b(?:at\s+the\s+height|at\s+(?:its|the|their)\s+peak|peak(?:ed)?\s+(?:at|of)|"
    r"was\s+once|once\s+numbered|formerly|at\s+one\s+point|the\s+previous|previously|"
    r"compared\s+(?:with|to)|than\s+the|than|from\s+the|from\s+a|down\s+from|up\s+from|"
    r"below\s+(?:even\s+)?the|beyond\s+the)"
    r"(?:\s+(?:a|an|the|its|their|rise|fall|total|level|tally|record|of|about|around|some|"
    r"nearly|roughly|just|over|more|than))*\s*$"
)
# Cues after the figure that it belongs to an earlier time ("it won in 2019").
_HISTORIC_AFTER = rx.compile(
    r"[^.;:]{0,40}?\b(?:(?:in|during|of|at)\s+(?:the\s+)?((?:19|20)[0-9]{2})\b|"
    r"(?:a\s+year|a\s+decade|the\s+day|the\s+week|the\s+month)\s+(?:earlier|before|ago)|"
    r"years\s+ago|last\s+(?:year|election|time)\b(?!['’]s))"
)
_BASE_OF_CHANGE = rx.compile(r"\b(?:compared|from|than|versus|vs|over|on)\b")
# A clause that opens in an earlier year: "In 2010, floods killed more than 2,000."
_OPENS_IN_YEAR = rx.compile(r"\s*(?:in|during|back\s+in)\s+((?:19|20)[0-9]{2})\b")


_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
_DAY = rf"({'|'.join(_WEEKDAYS)})"
# A clause that opens on an earlier moment: "On Tuesday the toll stood at", "Earlier, the
# ministry reported", "By Monday night, it was".
_OPENS_ON_DAY = rx.compile(
    rf"\s*[\"“']?\s*(?:(?:on|by|as\s+of|until)\s+)?{_DAY}(?:\s+(?:night|morning|evening|"
    rf"afternoon))?\s*,?\s"
)
_OPENS_EARLIER = rx.compile(r"\s*[\"“']?\s*(?:earlier|previously|initially|at\s+first)\s*,")
# ... or closes on one: "had risen to 1,200 by Tuesday".
_CLOSES_ON_DAY = rx.compile(rf"[^.;:]{{0,25}}?\b(?:by|on|as\s+of|until)\s+{_DAY}\b")
# A level stated in the past: "stood at", "was", "had risen to".
_PAST_LEVEL = rx.compile(
    r"\b(?:stood|was|were|had|totall?ed|reached|rose|climbed|numbered|came\s+to)\b"
)
# Words that turn a sentence back to now ("; this week it reported 800", "but today").
_NOW = rx.compile(
    r"\b(?:now|currently|so\s+far|as\s+of\s+now|today|this\s+(?:week|month|year))\b|;"
)


# A figure of an earlier time named just before it, across the clause's comma: "in 1997,
# when Labour won 43%", "down on 2022, when 21,344 were recorded", "the same period in 2024
# (2,983)", "the figure recorded last year, which was 17,620".
_EARLIER_TIME_BEFORE = rx.compile(
    r"(?:\b((?:19|20)[0-9]{2})|\blast\s+(?:year|month|week|time|election))"
    r"(?:\s*\(\s*|\s*,?\s+(?:when|which\s+(?:was|were|stood\s+at|saw))\b[^.;:(),]{0,50}?)\Z"
)


def _of_an_earlier_time(low: str, start: int, year: int | None) -> bool:
    m = _EARLIER_TIME_BEFORE.search(low, max(0, start - 70), start)
    if m is None:
        return False
    return m.group(1) is None or (year is not None and int(m.group(1)) < year)


def _days_before(day: str, weekday: int) -> int:
    """How many days before a report published on `weekday` (0 = Monday) `day` fell."""
    return (weekday - _WEEKDAYS.index(day)) % 7


def _older_day(low: str, lo: int, start: int, end: int, hi: int, weekday: int | None) -> bool:
    """Is the figure a level of an earlier day than its report's, two days back or more
    ("On Tuesday the toll stood at 42,310" in Friday's report, "Earlier, it reported")?
    The day before is still news: a wire story is often filed for the next morning."""
    if _OPENS_EARLIER.match(low, lo):
        return True
    before = low[lo:start]
    if weekday is None or not _PAST_LEVEL.search(before) or _NOW.search(before):
        return False
    day = _OPENS_ON_DAY.match(low, lo)
    if day is None:
        closing = _CLOSES_ON_DAY.match(low, end)
        day = closing if closing is not None and closing.end() <= hi else None
    return day is not None and _days_before(day.group(1), weekday) >= 2


def as_of(
    window: Window,
    start: int,
    end: int,
    clause: tuple[int, int],
    year: int | None,
    weekday: int | None = None,
) -> AsOf:
    """The tense of the figure at [start, end) in its clause; `year` is the publication
    year and `weekday` its day (0 = Monday), None when unknown (past-year and weekday cues
    then say nothing)."""
    low = window.lower
    lo, hi = clause
    before = low[lo:start]
    if _OVERTAKEN.search(before) or _older_day(low, lo, start, end, hi, weekday):
        return "historic"
    plan = None
    headline = _HEADLINE_TO.match(window.text) if lo == 0 else None
    if headline is not None and headline.end() <= start:
        plan = headline  # "US to cut troops in Iraq to under 2,000": a headline's future
    for m in _PLAN_BEFORE.finditer(before):
        plan = m
    whole = _WHOLE_OF_A_PART.search(low, max(lo, start - 40), start) is not None
    if plan is not None and not whole and not _CLAUSE_TURN.search(before, plan.end()):
        return "planned"
    after = (
        _PLAN_AFTER.match(low, end)
        or _SUBJECT_WILL.match(low, end)
        or _FOREIGN_FUTURE_AFTER.match(low, end)
    )
    if after is not None and after.end() <= hi:
        return "planned"
    if search_last_words(_FOREIGN_FUTURE_BEFORE, before, 3):
        return "planned"  # "El Gobierno enviará 500 militares"
    if _EXPECT_TOTAL.search(before) or EXPECTED_BY.match(low, end):
        return "planned"
    if _HISTORIC_BEFORE.search(low, max(lo, start - 60), start):
        return "historic"
    if _of_an_earlier_time(low, start, year):
        return "historic"
    after_cue = _HISTORIC_AFTER.match(low, end)
    if after_cue is not None and after_cue.end() <= hi:
        cue_year = after_cue.group(1)
        # a verb of change before the number, or a word of change after it ("a 10%
        # increase on last year"): the number is the change, now
        changed = (
            CHANGED_BY.search(low, max(lo, start - 40), start) is not None
            or CHANGE_AFTER.match(low, end) is not None
        )
        if changed and (cue_year is None or _BASE_OF_CHANGE.search(after_cue.group())):
            # "fell 3.1% from a year earlier", "fell 60% compared with the same period of
            # 2023": the earlier time is the change's base
            pass
        elif cue_year is None or (year is not None and int(cue_year) < year):
            return "historic"
    opening = _OPENS_IN_YEAR.match(low, lo)
    if opening is not None and year is not None and int(opening.group(1)) < year:
        return "historic"
    if _opens_in_the_past(low, start, year) and not _NOW.search(low, end, min(hi, end + 24)):
        return "historic"
    return "current"


# A sentence that opens on an earlier period: "Last year alone, gangs killed 4,000",
# "Last week the ministry reported 500", "Five years ago, ...", "During the 2010 floods,
# 1,200 homes were lost" (a year's phrase is set off by its comma).
_OPENS_IN_THE_PAST = rx.compile(
    r"\s*[\"“']?\s*(?:(?:(?:at\s+the\s+(?:end|start|beginning|height)\s+of\s+)?"
    r"last\s+(?:year|month|week|summer|winter|spring|autumn|january|february|march|april|may|"
    r"june|july|august|september|october|november|december)|a\s+year\s+(?:ago|earlier)|"
    r"(?:a|one|two|three|four|five|six|seven|eight|nine|ten|[0-9]+)\s+"
    r"(?:years|months|weeks|decades)\s+(?:ago|earlier))(?:\s+alone)?\s*,?\s|"
    r"(?:in|during|throughout)\s+(?:the\s+)?((?:19|20)[0-9]{2})(?:\s+[a-z]+){0,2}"
    r"(?:\s+alone)?\s*,)"
)


def _opens_in_the_past(low: str, start: int, year: int | None) -> bool:
    """The figure's sentence opens on an earlier period and says nothing of now before it."""
    m = _OPENS_IN_THE_PAST.match(low)
    if m is None or m.end() > start or _NOW.search(low, m.end(), start):
        return False
    cue_year = m.group(1)
    return cue_year is None or (year is not None and int(cue_year) < year)
