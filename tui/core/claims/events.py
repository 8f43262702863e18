"""The event a count is of: "12 people were killed" and "killing 12" are deaths, "300
injured" injured, "forced to flee" displaced. Read from the verb after the counted phrase
or before the number, in English and the other languages the extractor reads, and folded
into the thing (``fold_event``): people counted by an event are that event.

Every function reads one ``Window`` (see ``window.py``), with positions relative to it.
"""

from __future__ import annotations

from tui.core.claims import rx
from tui.core.claims.regex_speed import compile_guarded
from tui.core.claims.window import Window

# An event after the counted phrase: "12 people (had been) killed", "14 still missing".
# A number as a word, in a second counted phrase ("five soldiers and four civilians").
SPELLED = (
    r"(?:[0-9][0-9,.]*|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"a\s+dozen|dozens|scores|several|hundreds|thousands)"
)
_EVENT_AFTER = rx.compile(
    # an insert between the phrase and its verb: "40 people, including six residents of
    # a care home, perished", "1,061 people (among them 360 children) died"
    r"(?P<insert>,\s*(?:including|among\s+them|(?:most|many|some|all)\s+of\s+them|mostly|"
    r"mainly)\s+[^,;()]{1,80},|\s*\([^()]{1,80}\))?"
    r"\s*(?:(?:from|in|of|at|on|near|aboard)\s+(?:[^\W\d_][\w'-]*\s+){1,4}?|"
    # "23 girls attending the camp were unaccounted for"
    r"[a-z]+ing\s+(?:the\s+|a\s+)?[a-z][\w'-]*\s+)?"
    # a second counted phrase in coordination: "14,000 Palestinians and 1,200 Israelis"
    r"(?P<second>(?:,\s*|and\s+)(?:at\s+least\s+|more\s+than\s+|about\s+|some\s+|nearly\s+)?"
    # ("9 people, one of whom later died": a subset's verb is not the whole's event)
    rf"{SPELLED}\s+(?!of\s+(?:whom|them|which|those|these)\b)(?:[^\W\d_][\w'-]*\s+){{1,3}}?|"
    # a second head with no number of its own: "14 climbers and guides were killed"
    r"(?:and|or)\s+[a-z][\w'-]*\s+(?=(?:have|has|had|were|was|are)\b))?"
    r"(?:(?:who|that|have|has|had|were|was|are|is|been|being|reportedly|also|now|so\s+far|still|"
    r"more|others|"
    r"remain|remains|remained|went|gone|go|got|left|lay|lie|reported|as|"
    r"confirmed|believed|feared|presumed|known|found|to\s+be|to\s+have|later|since|already|be|"
    # "20,000 people may have died", "are thought to have been killed"
    r"may|might|could|would|likely|probably|thought|estimated|said|"
    r"all|each|either|or|and|critically|seriously|severely|badly|slightly)\s+)*"
    r"(?P<event>killed|dead|died|die|perished|drowned|murdered|slain|executed|"
    r"injured|wounded|hurt|missing|unaccounted|"
    r"displaced|fled|uprooted|homeless|evacuated|"
    r"arrested|detained|hospitali[sz]ed|martyred|abducted|kidnapped|raped|sickened|"
    r"forced\s+to\s+flee|forced\s+from\s+their\s+homes|had\s+to\s+(?:leave|flee)|"
    r"unconfirmed|unaccounted\s+for|lost\s+their\s+lives|rescued|saved|"
    # "four service members suffered minor injuries", "two sustained wounds"
    r"(?:suffered|sustained|received)\s+(?:(?:minor|serious|severe|critical|light|"
    r"non-life-threatening|life-threatening|multiple|head|burn|gunshot|shrapnel)\s+)*"
    r"(?:injuries|wounds))\b"
)
# An event before the number (and its modifier): "killing at least 12", "left 3 dead".
_EVENT_BEFORE = compile_guarded(
    r"\b(killing|killed|kills|kill|claimed|claiming|took\s+the\s+lives\s+of|shot\s+dead|"
    r"(?:claimed|claiming|cost|costing)\s+the\s+lives\s+of|"
    r"injuring|injured|injures|wounding|wounded|wounds|"
    r"displacing|displaced|displaces|displace|forcing|forced|forces|force|evacuating|evacuated|"
    r"uprooting|uprooted|injure|wound|"
    r"rescuing|rescued|saving|saved|infecting|infected|infects|sickening|sickened|"
    r"arresting|arrested|arrests|detaining|detained|abducting|abducted|kidnapping|kidnapped|"
    r"deaths?\s+of|killing\s+of|lost\s+the\s+lives\s+of|injuries\s+to|the\s+loss\s+of|"
    r"evacuar\s+a|evacuate)\s+"
    r"(?:(?:a|an|the|some|about|around|roughly|approximately|nearly|almost|at\s+least|"
    r"more\s+than|over|up\s+to|an\s+estimated|as\s+many\s+as|another|a\s+further|"
    r"a\s+total\s+of|just|only)\s+)*$"
)
# Earlier items of a list, back to the verb that governs them: "13 US soldiers and ",
# "27 boys, three school employees and ".
_LIST_BEFORE = rx.compile(
    rf"(?:{SPELLED}\s+(?:[^\W\d_][\w'-]*\s+){{0,3}}?[^\W\d_][\w'-]*(?:\s*,\s*|,?\s+and\s+)){{1,3}}"
    r"(?:(?:some|about|around|nearly|almost|at\s+least|more\s+than|over|another)\s+)*$"
)
EVENT_THING = {
    **dict.fromkeys(
        "killed dead died die perished drowned murdered slain executed martyred killing "
        "kills kill claimed claiming".split(),
        "deaths",
    ),
    **dict.fromkeys(
        "injured wounded hurt injuring injures injure wounding wounds wound".split(),
        "injured",
    ),
    "missing": "missing",
    "unaccounted": "missing",
    **dict.fromkeys(
        "displaced fled uprooted homeless displacing displaces displace forcing forced "
        "forces force".split(),
        "displaced",
    ),
    **dict.fromkeys("evacuated evacuating".split(), "evacuees"),
    **dict.fromkeys("arrested arresting arrests".split(), "arrests"),
    **dict.fromkeys("detained detaining".split(), "detainees"),
    **dict.fromkeys("abducted abducting kidnapped kidnapping".split(), "hostages"),
    "unconfirmed": "missing",
    "lost": "deaths",
    **dict.fromkeys("rescued rescuing saved saving".split(), "survivors"),
    "uprooting": "displaced",
    "lost their lives": "deaths",
    **dict.fromkeys(("suffered", "sustained", "received"), "injured"),
    "forced to flee": "displaced",
    "forced from their homes": "displaced",
    "had to leave": "displaced",
    "had to flee": "displaced",
    "raped": "victims",
    "sickened": "cases",  # "40 people were sickened"
    "hospitalised": "hospitalized",
    "hospitalized": "hospitalized",
}
_AND = rx.compile(r"\b(?:and|or)\b")
_AND_VERB = rx.compile(r"\band\s+[a-z]+ed\b")
_OWN_OBJECT = rx.compile(
    rf"\s+(?:(?:at\s+least|more\s+than|about|some|nearly|another|over)\s+)?{SPELLED}\b"
)
_KILLED_OR_WOUNDED = rx.compile(
    r"[\"'”’]?\s*(?:(?:have|has|had|were|was|are|is|been|being|either|reportedly|allegedly|"
    r"also|now|all)\s+)*"
    r"(?:(?:killed|dead)\s+(?:or|and)\s+(?:wounded|injured)|"
    r"(?:[^\W\d_][\w-]*\s+){0,4}?(?:getötet|tués|muertos)\s+(?:oder|ou|o)\s+"
    r"(?:verwundet|verletzt|blessés|heridos))\b"
)
_LEFT_THEM = rx.compile(r"\s+(?:people\s+|others\s+)?(dead|injured|wounded|homeless|missing)\b")
# Heads an event replaces: people counted as dead are deaths, soldiers counted as wounded
# are injured ("injured service members" are not the troop count).
FOLDABLE = frozenset(
    """
    people persons civilians children women men residents villagers troops soldiers
    workers migrants refugees passengers students journalists fighters militants
    policemen officers firefighters patients pilgrims protesters demonstrators
    others palestinians israelis ukrainians russians
    nurses doctors medics paramedics teachers pupils hikers tourists farmers miners guards
    volunteers staff employees crew sailors fishermen pilots drivers shoppers worshippers
    spectators fans visitors campers climbers swimmers locals citizens nationals foreigners
    babies infants teenagers adults boys girls relatives inmates rescuers police individuals
    policemen policewomen aid-workers reporters officials lawmakers voters pedestrians
    """.split()
)

# The same events in the other languages the extractor reads: "15 soldats ont été tués".
# The auxiliary may be absent where the participle follows its noun as an adjective does:
# "52 personas desaparecidas", "30 personnes blessées".
_FOREIGN_EVENT = rx.compile(
    r"\s+(?:(?:[^\W\d_][\w'-]*\s+){0,2}?(?:ont\s+été|ont|sont|han\s+sido|fueron|han|foram|"
    r"resultaron|quedaron|siguen|permanecen|restent|seguem|continuam|wurden|sind|seien)\s+"
    r"(?:[^\W\d_][\w'-]*\s+)?)?"
    # a finite verb of dying: "95 personas murieron", "200 Menschen starben"
    r"(murieron|fallecieron|perecieron|morreram|faleceram|starben|"
    r"(?:kamen\s+)?ums\s+leben(?:\s+gekommen)?|"  # "kamen ums Leben": died
    r"tués|tuées|morts|mortes|blessés|blessées|disparus|disparues|muertos|muertas|"
    r"fallecidos|fallecidas|heridos|heridas|desaparecidos|desaparecidas|asesinados|"
    r"asesinadas|mortos|mortas|feridos|feridas|getötet|verletzt|vermisst|evakuiert|"
    r"detenidos|detenidas|detidos|detidas|arrêtés|arrêtées|interpellés|festgenommen|"
    r"tewas|meninggal(?:\s+dunia)?|terluka|luka-luka|hilang)\b"  # Indonesian
)
_FOREIGN_EVENT_THING = {
    **dict.fromkeys(
        "tués tuées morts mortes muertos muertas fallecidos fallecidas asesinados asesinadas "
        "mortos mortas getötet murieron fallecieron perecieron morreram faleceram starben "
        "tewas meninggal".split(),
        "deaths",
    ),
    **dict.fromkeys(
        "blessés blessées heridos heridas feridos feridas verletzt terluka luka-luka".split(),
        "injured",
    ),
    **dict.fromkeys(
        "disparus disparues desaparecidos desaparecidas vermisst hilang".split(), "missing"
    ),
    "evakuiert": "evacuees",
    **dict.fromkeys("detenidos detenidas detidos detidas".split(), "detainees"),  # detained
    **dict.fromkeys("arrêtés arrêtées interpellés festgenommen".split(), "arrests"),
}


_EVENT_THINGS = frozenset(
    "deaths injured casualties missing displaced evacuees arrests detainees hostages "
    "hospitalized".split()
)


def is_event_thing(thing: str) -> bool:
    """A thing that is an event's count (deaths, injured, missing...)."""
    return thing in _EVENT_THINGS


def is_person_head(thing: str) -> bool:
    """A thing that names people, which an event can count ("children", "police officers")."""
    return thing.rsplit(" ", 1)[-1] in FOLDABLE


def event_for(window: Window, start: int, end: int, phrase_end: int) -> str | None:
    """The event a count is of, from the verb after its phrase ("were killed") or before
    the number ("killing 12"); None when the sentence names no such event there."""
    both = _KILLED_OR_WOUNDED.match(window.lower, phrase_end)
    if both is not None:
        return "casualties"  # "killed or wounded": both at once
    m = _EVENT_AFTER.match(window.lower, phrase_end)
    if m is not None and phrase_end == end and m.group("second"):
        m = None  # "rose to 211 and 419 others injured": the event is the second count's
    if m is not None and m.group("insert") and _AND.search(m.group(), len(m.group("insert"))):
        m = None  # "killed 1,061 people (including 360 children) and injured 1,575"
    before = _EVENT_BEFORE.search(window.lower, max(0, start - 60), start)
    governed = before is not None
    if m is None and phrase_end != end:
        m = _EVENT_AFTER.match(window.lower, end)
    own_object = m is not None and _AND_VERB.search(m.group()) is not None
    if own_object and m is not None and (governed or _OWN_OBJECT.match(window.lower, m.end())):
        # "killed thousands and displaced millions", "infected 2,300 and killed 47": the
        # verb after "and" has an object of its own
        m = None
    if m is not None:
        words = m.group("event").split()
        return EVENT_THING.get(" ".join(words)) or EVENT_THING.get(words[0])
    foreign = _FOREIGN_EVENT.match(window.lower, phrase_end)
    if foreign is not None:
        verb = foreign.group(1)
        if "leben" in verb or verb.startswith("meninggal"):  # "ums Leben", "meninggal dunia"
            return "deaths"
        return _FOREIGN_EVENT_THING[verb]
    b = before  # the verb before the number, searched above
    if b is None:  # a later item of the verb's list: "killed 13 soldiers and 169 Afghans"
        listed = _LIST_BEFORE.search(window.lower, max(0, start - 120), start)
        if listed is not None:
            b = _EVENT_BEFORE.search(window.lower, max(0, listed.start() - 60), listed.start())
    if b is not None:
        verb = b.group(1).split()[0]
        if b.group(1).endswith("lives of"):  # "claimed the lives of 45,000 people"
            return "deaths"
        if verb in ("force", "forces") and not _TO_LEAVE.match(window.lower, phrase_end):
            return None  # "Floods force 20,000 to flee"; not "the air force 200 jets"
        if verb in ("left", "leaving", "leaves"):
            tail = _LEFT_THEM.match(window.lower, phrase_end)
            return EVENT_THING.get(tail.group(1)) if tail else None
        if verb in ("took", "death", "deaths", "lost", "the", "shot"):
            return "deaths"
        if verb == "injuries":
            return "injured"
        if verb in ("evacuar", "evacuate"):
            return "evacuees"
        if verb in ("claimed", "claiming") and not _counts_lives(window.lower[end:phrase_end]):
            return None  # "claimed 170 attacks": a claim; "claimed 40 lives" is a toll
        if verb in _INFECTING:
            # "the outbreak has infected 1,200 people": cases. (Only as the verb before the
            # number: "18 of the infected individuals were hospitalised" counts the latter.)
            return "cases"
        return EVENT_THING.get(verb)
    return None


_TO_LEAVE = rx.compile(r"\s+(?:to\s+(?:flee|leave|evacuate)|from\s+their\s+homes)\b")
_INFECTING = frozenset({"infecting", "infected", "infects", "sickening"})


def _counts_lives(phrase: str) -> bool:
    """The phrase after "claimed N" counts lives or people (or nothing is named)."""
    words = phrase.split()
    return not words or words[-1] in ("lives", "victims") or words[-1] in FOLDABLE


def fold_event(thing: str | None, event: str | None) -> str | None:
    """People (or anyone) counted by an event are that event: "12 civilians killed" ->
    deaths, "3 soldiers wounded" -> injured. Hostages, prisoners, votes and the like stay
    what they are: "20 hostages released" counts hostages. A rescue names its survivors
    only when the text does not say who they are: "rescued 40 people" counts survivors,
    "rescued 212 migrants" migrants."""
    if event is None or thing in _KEEP_UNDER_EVENT:
        return thing
    if event == "survivors" and thing not in _ANYONE:
        return thing
    return event


_ANYONE = frozenset({None, "people", "persons", "individuals", "others"})


_KEEP_UNDER_EVENT = frozenset(
    "hostages prisoners detainees votes seats cases bodies victims homes buildings "
    "survivors livestock animals cattle".split()
)
