"""Counted phrases in German, where every noun is capitalised and the head comes first
after the number's adjectives: "rund 9000 Stellen", "12 weitere Menschen", "50 Staaten".
English rules misread them (a lower-case verb after the noun looks like an English head,
and English plurals do not apply), so a German sentence has its own reading.
"""

from __future__ import annotations

from tui.core.claims import rx
from tui.core.claims.foreign import english_words

# Function words only German has among the languages the extractor reads, and German
# words English spells too ("die", "will", "hat"), which count only beside another.
_GERMAN = rx.compile(
    r"\b(?:und|der|das|dem|den|ein|eine|einen|nicht|mit|für|ist|sind|wurde|wurden|"
    r"werden|wird|haben|hatte|sich|auch|bei|nach|zum|zur|im|vom|teilte|laut|rund|etwa|"
    r"mindestens|ums|kamen)\b"
)
_SHARED = rx.compile(r"\b(?:die|will|hat|an|war)\b")
# The head, after at most two lower-case adjectives ("weitere", "neue", "schwer verletzte").
_HEAD = rx.compile(r"\s*(?:[a-zäöüß][\wäöüß-]*\s+){0,2}([A-ZÄÖÜ][\wäöüßÄÖÜ-]*)")
# German heads the labelled set's conventions give an English thing.
GERMAN_THINGS = {
    **dict.fromkeys("stellen arbeitsplätze jobs".split(), "jobs"),
    **dict.fromkeys("menschen personen leute".split(), "people"),
    **dict.fromkeys("tote toten todesopfer".split(), "deaths"),
    **dict.fromkeys("verletzte verletzten".split(), "injured"),
    **dict.fromkeys("vermisste vermissten".split(), "missing"),
    **dict.fromkeys("soldaten truppen".split(), "troops"),
    **dict.fromkeys("staaten länder".split(), "countries"),
    **dict.fromkeys("häuser wohnungen gebäude".split(), "homes"),
    **dict.fromkeys("flüchtlinge geflüchtete".split(), "refugees"),
    **dict.fromkeys("mitarbeiter mitarbeitende beschäftigte".split(), "employees"),
    **dict.fromkeys("kinder".split(), "children"),
    **dict.fromkeys("geiseln".split(), "hostages"),
    **dict.fromkeys("gefangene gefangenen".split(), "prisoners"),
    **dict.fromkeys("stimmen".split(), "votes"),
    **dict.fromkeys("sitze mandate".split(), "seats"),
    **dict.fromkeys("fälle".split(), "cases"),
    **dict.fromkeys("euro".split(), "euros"),
    **dict.fromkeys("dollar".split(), "dollars"),
}


def reads_german(lower: str) -> bool:
    """Whether a sentence reads as German: one of its own function words (or two it shares
    with English), and more of them than English ones ("Der Konzern will 900 Stellen
    abbauen" has "will" too)."""
    own = len(_GERMAN.findall(lower))
    if own == 0:
        return False
    german = own + len(_SHARED.findall(lower))
    return german > english_words(lower)


def german_head(text: str, end: int) -> tuple[str, int, int] | None:
    """The head noun right after a number at `end`: (thing, start, end), or None."""
    m = _HEAD.match(text, end)
    if m is None:
        return None
    word = m.group(1)
    low = word.lower()
    return GERMAN_THINGS.get(low, low), m.start(1), m.end(1)
