"""Dates feedparser cannot read: RFC 822 layouts written with another language's names.

Outlets localise their feed dates ("Seg, 24 Set 2018 19:42:40 -0300", "Mo, 3 Mär 2025
08:00 +0100", "mar., 4 févr. 2025 10:00:00 GMT"). feedparser only knows English names and
gives up, so those items would be dated when first seen. This is the fallback: map the
month name, drop the day name, and read the rest as RFC 822.
"""

from __future__ import annotations

import re
import unicodedata
from datetime import UTC, datetime
from email.utils import parsedate_to_datetime

_MONTHS = {
    1: "jan janeiro januar janvier janv enero ene gennaio gen januari",
    2: "feb fev fevereiro februar fevrier fevr febrero febbraio februari",
    3: "mar marco marz mrz mars marzo maart mrt",
    4: "apr abr abril april avril avr aprile",
    5: "may mai maio mayo maggio mag mei",
    6: "jun junho juni juin junio giugno giu",
    7: "jul julho juli juillet juil julio luglio lug",
    8: "aug ago agosto august aout augustus",
    9: "sep sept set setembro september septembre septiembre settembre",
    10: "oct out outubro oktober okt octobre octubre ottobre ott",
    11: "nov novembro november novembre noviembre",
    12: "dec dez dezembro dezember decembre dic diciembre dicembre december",
}
_MONTH_OF = {name: month for month, names in _MONTHS.items() for name in names.split()}
_ENGLISH = ("Jan Feb Mar Apr May Jun Jul Aug Sep Oct Nov Dec").split()
# Zone names RFC 822 defines; any other word is a day name or filler and is dropped.
_ZONES = frozenset("ut utc gmt z est edt cst cdt mst mdt pst pdt".split())
_WORD = re.compile(r"[^\W\d_]+")


def _fold(text: str) -> str:
    """Lower case without accents: "Mär" -> "mar", "févr." -> "fevr."."""
    decomposed = unicodedata.normalize("NFKD", text.lower())
    return "".join(c for c in decomposed if not unicodedata.combining(c))


def parse_localised_date(text: str) -> datetime | None:
    """A UTC datetime from an RFC 822-like date with non-English names, else None.

    A date without a zone is taken as UTC (RFC 822's "-0000": the zone is unknown).
    """
    if not text or len(text) > 100:
        return None
    folded = _fold(text)
    first_digit = next((i for i, c in enumerate(folded) if c.isdigit()), len(folded))
    months = [m for m in _WORD.finditer(folded) if m.group() in _MONTH_OF]
    # The day name comes before the day number ("mar., 4 fevr." is Tuesday 4 February):
    # the month is the first month word after a digit, else the first one at all.
    month_word = next((m for m in months if m.start() > first_digit), months[0] if months else None)
    if month_word is None:
        return None
    month = _ENGLISH[_MONTH_OF[month_word.group()] - 1]
    zones = ["+0000" if w == "z" else w.upper() for w in _WORD.findall(folded) if w in _ZONES]
    numbers = re.findall(r"[+-]?\d+(?::\d+)*", folded)
    if len(numbers) < 2:
        return None
    day, year, *rest = numbers
    candidate = " ".join([day.lstrip("+-"), month, year.lstrip("+-"), *rest, *zones])
    try:
        moment = parsedate_to_datetime(candidate)
    except (TypeError, ValueError, IndexError, OverflowError):
        return None
    return moment.replace(tzinfo=UTC) if moment.tzinfo is None else moment.astimezone(UTC)
