"""The words of dates: month and weekday names (English, German, French, Spanish,
Portuguese, Italian, Indonesian) and the prepositions that set a date's bound.

A name's tier says what it needs around it to be read as a date:
"free" stands alone ("in March", "March"), "guarded" needs a preposition, a day or a year
("May" the modal verb, "Mai", "mars"), "abbrev" needs a day or a year ("Oct. 13", "Jan 2024":
"Jan Egeland" is a name).
"""

from __future__ import annotations

from collections.abc import Callable

_EN_MONTHS = [
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December",
]  # fmt: skip
_EN_ABBREV = [
    ("Jan",), ("Feb",), ("Mar",), ("Apr",), (), ("Jun",),
    ("Jul",), ("Aug",), ("Sept", "Sep"), ("Oct",), ("Nov",), ("Dec",),
]  # fmt: skip
# Other languages, lower case as French, Spanish, Portuguese and Italian write them; the
# capitalised forms (German, Indonesian, or a sentence start) are added below.
_OTHER_MONTHS = [
    "januar jänner janvier enero janeiro gennaio januari",
    "februar février fevrier febrero fevereiro febbraio februari",
    "märz maerz mars marzo março aprile maret",
    "avril abril",
    "mai mayo maio maggio mei",
    "juni juin junio junho giugno",
    "juli juillet julio julho luglio",
    "août aout agosto agustus",
    "septembre septiembre setiembre setembro settembre",
    "oktober octobre octubre outubro ottobre",
    "novembre noviembre novembro",
    "dezember décembre decembre diciembre dezembro dicembre desember",
]


def _months() -> dict[str, tuple[int, str]]:
    out: dict[str, tuple[int, str]] = {}
    for i, words in enumerate(_OTHER_MONTHS, start=1):
        for word in words.split():
            out[word] = out[word.capitalize()] = (i, "guarded")
    for i, (name, abbrevs) in enumerate(zip(_EN_MONTHS, _EN_ABBREV, strict=True), start=1):
        out[name] = (i, "guarded" if name == "May" else "free")
        for abbrev in abbrevs:
            out[abbrev] = (i, "abbrev")
    return out


MONTHS = _months()

_WEEKDAY_ROWS = [
    "Monday Montag lundi lunes segunda-feira lunedì",
    "Tuesday Dienstag mardi martes terça-feira terca-feira martedì",
    "Wednesday Mittwoch mercredi miércoles miercoles quarta-feira mercoledì",
    "Thursday Donnerstag jeudi jueves quinta-feira giovedì",
    "Friday Freitag vendredi viernes sexta-feira venerdì",
    "Saturday Samstag Sonnabend samedi sábado sabado sabato",
    "Sunday Sonntag dimanche domingo domenica",
]
# As written in the rows (English and German capitalised) and, for the rest, also
# capitalised at a sentence start ("Lundi", "Domingo").
WRITTEN_WEEKDAYS = {w: i for i, row in enumerate(_WEEKDAY_ROWS) for w in row.split()}
WEEKDAYS = WRITTEN_WEEKDAYS | {w.capitalize(): i for w, i in WRITTEN_WEEKDAYS.items()}

# Prepositions in front of a date, by the bound they give it. Lower case.
UPPER_PREPS = [
    "by", "before", "until", "till", "through", "no later than", "not later than",
    "ahead of", "prior to", "bis", "hasta", "até", "avant", "jusqu'au", "jusqu'en", "d'ici",
    "sampai", "hingga",
]  # fmt: skip
LOWER_PREPS = [
    "since", "after", "from", "starting", "beginning", "as from", "seit", "ab", "desde",
    "depuis", "après", "dès", "sejak",
]  # fmt: skip
# No bound of their own, but they make a guarded name ("in May") or a bare relative year
# ("in 2019") a date.
PLAIN_PREPS = [
    "in", "into", "on", "during", "at", "of", "for", "as of", "between", "im", "am", "vom", "en",
    "em", "au", "pada", "bulan",
]  # fmt: skip
# A weekday is a newspaper's name here: "The Sunday Times", "Mail on Sunday".
WEEKDAY_NAMES_AFTER = frozenset(
    "Times Telegraph Express Mirror Post Herald Independent Night Star Sport World Review"
    " Age Mail Business Tribune Observer Edition Magazine Show School".split()
)
# A year straight after a capitalised word is part of a name ("Finance Bill 2024",
# "Vision 2030", "Euro 2024"), except after these.
YEAR_NAME_EXCEPTIONS = frozenset(
    "The In Since By Until From Before After During Of And Or For To On At As Early Late Mid"
    " Spring Summer Autumn Fall Winter Christmas Easter Between Through Year Fiscal".split()
)
# What English text needs: the patterns built for it leave the other languages out (they
# are compiled only for text that looks foreign, which keeps a cold start cheap).
ENGLISH_NAMES = frozenset(
    [*_EN_MONTHS, *(a for abbrevs in _EN_ABBREV for a in abbrevs)]
    + [row.split()[0] for row in _WEEKDAY_ROWS]
)
FOREIGN_PREPS = frozenset(
    "bis hasta até avant jusqu'au jusqu'en d'ici sampai hingga seit ab desde depuis après dès"
    " sejak im am vom en em au pada bulan".split()
)


def lead_starts(lowered: str, end: int, lo: int, is_lead: Callable[[str], bool]) -> list[int]:
    """Where the run of lead words that ends at `end` begins, word by word, earliest first
    ("since the end of" before "2027", "more than half a" before "century"). Words are
    split at spaces and hyphens ("mid-2021"); an opening bracket or quote is skipped. Found
    with ``str.rfind``: several times cheaper than tokenising the span with a pattern."""
    starts: list[int] = []
    j = end
    while j > lo:
        i = j
        while i > lo and lowered[i - 1] in " \n\t":
            i -= 1
        if i <= lo or (i == j and j != end):
            break
        space = max(
            lowered.rfind(" ", lo, i), lowered.rfind("\n", lo, i), lowered.rfind("\t", lo, i)
        )
        k = max(space + 1, lo)
        pos = i
        for n, piece in enumerate(reversed(lowered[k:i].split("-"))):
            if n:  # the hyphen before the piece to its right
                pos -= 1
                if not is_lead("-"):
                    return starts[::-1]
                starts.append(pos)
            if piece:
                word = piece.lstrip("([\"'")
                if not is_lead(word):
                    return starts[::-1]
                pos -= len(piece)
                starts.append(pos + len(piece) - len(word))
        j = k
    return starts[::-1]
