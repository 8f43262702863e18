"""Who a figure belongs to: the actor lexicon and the actor mentions of a text.

An actor is whose troops, money, seats, votes, drones or hostages a figure counts: a
country (named, or by its demonym or capital), an alliance, organisation, armed group or
party. Mentions are found by dictionary lookups over capitalised words (a few thousand
aliases: one regex alternation of them would cost more to compile than a cold start may
take), plus a short list of lower-case words ("the coalition", "gangs").
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from functools import cache
from typing import Literal

from tui.core.claims import rx
from tui.core.claims.countries import countries

# How a mention names its actor; the rules that pick a figure's actor treat them apart:
# a capital is an actor only as a clause's subject ("Moscow launched"), never as a place
# ("in Moscow"); a people noun counted by the number is what is counted ("169 Afghans").
Kind = Literal["country", "demonym", "people", "capital", "leader", "org", "group"]

# Canonical name -> aliases. Single words match as written (case matters: "US", "IS",
# "Labour"); phrases of several words match with any case after their first word.
ORGANISATIONS: dict[str, tuple[str, ...]] = {
    "NATO": ("NATO", "Nato", "North Atlantic Treaty Organization", "Atlantic alliance"),
    "UN": ("UN", "U.N.", "United Nations", "UN Security Council", "Security Council",
           "MONUSCO", "UNIFIL", "UN peacekeepers", "UN peacekeeping mission"),
    "EU": ("EU", "E.U.", "European Union", "European Commission", "Brussels"),
    "African Union": ("African Union", "AU"),
    "ECOWAS": ("ECOWAS", "Ecowas"),
    "coalition": ("US-led coalition", "U.S.-led coalition", "US-led", "U.S.-led"),
    "IS": ("IS", "ISIS", "ISIL", "Islamic State", "Daesh", "ISWAP", "ISKP", "IS-K", "ISIS-K"),
    "al-Qaeda": ("al-Qaeda", "Al-Qaeda", "al-Qaida", "Al-Qaida", "al Qaeda", "AQAP", "JNIM"),
    "al-Shabaab": ("al-Shabaab", "Al-Shabaab", "al-Shabab", "Al-Shabab", "Shabaab"),
    "Boko Haram": ("Boko Haram",),
    "Taliban": ("Taliban",),
    "Hamas": ("Hamas", "Qassam Brigades", "al-Qassam Brigades"),
    "Islamic Jihad": ("Islamic Jihad", "Palestinian Islamic Jihad"),
    "Hezbollah": ("Hezbollah", "Hizbollah", "Hizbullah"),
    "Houthis": ("Houthis", "Houthi", "Huthis", "Huthi", "Ansar Allah"),
    "RSF": ("RSF", "Rapid Support Forces"),
    "SAF": ("SAF", "Sudanese Armed Forces", "Sudanese army"),
    "M23": ("M23", "M23 rebels", "March 23 Movement", "AFC/M23"),
    "ADF": ("ADF", "Allied Democratic Forces"),
    "Wagner": ("Wagner", "Wagner Group", "Africa Corps"),
    "PKK": ("PKK", "Kurdistan Workers' Party"),
    "SDF": ("SDF", "Syrian Democratic Forces"),
    "HTS": ("HTS", "Hayat Tahrir al-Sham"),
    "Kurdish": ("Kurdish", "Peshmerga", "Kurds", "YPG"),
    "FEMA": ("FEMA", "Federal Emergency Management Agency"),
    "National Guard": ("National Guard", "Guardsmen"),
    "Border Patrol": ("Border Patrol", "CBP", "Customs and Border Protection"),
    "ICE": ("ICE", "Immigration and Customs Enforcement"),
    "Red Cross": ("Red Cross", "ICRC", "Red Crescent", "IFRC"),
    "World Bank": ("World Bank",),
    "IMF": ("IMF", "International Monetary Fund"),
    "Federal Reserve": ("Federal Reserve", "Fed"),
    "ECB": ("ECB", "European Central Bank"),
    "Bank of England": ("Bank of England", "BoE"),
    "European Bank for Reconstruction and Development": (
        "European Bank for Reconstruction and Development", "EBRD"),
    "WHO": ("WHO", "World Health Organization", "World Health Organisation"),
    "UNHCR": ("UNHCR", "UN refugee agency"),
    "UNICEF": ("UNICEF", "Unicef"),
    "WFP": ("WFP", "World Food Programme", "World Food Program"),
    "UNRWA": ("UNRWA", "Unrwa"),
    "IOM": ("IOM", "International Organization for Migration"),
    "MSF": ("MSF", "Doctors Without Borders", "Médecins Sans Frontières"),
    # Parties (elections): UK
    "Labour": ("Labour", "Labour Party"),
    "Conservatives": ("Conservatives", "Conservative Party", "Conservative", "Tories", "Tory"),
    "Liberal Democrats": ("Liberal Democrats", "Lib Dems", "Lib Dem", "LibDems"),
    "Reform UK": ("Reform UK", "Reform Party", "Reform"),
    "SNP": ("SNP", "Scottish National Party"),
    "Plaid Cymru": ("Plaid Cymru", "Plaid"),
    # As the text writes it: "the Greens" (UK, Germany) and "the Green Party" both occur.
    "Greens": ("Greens", "Die Grünen", "Grüne"),
    "Green Party": ("Green Party", "Green party"),
    "Sinn Féin": ("Sinn Féin", "Sinn Fein"),
    "DUP": ("DUP", "Democratic Unionist Party"),
    # India
    "BJP": ("BJP", "Bharatiya Janata Party"),
    "Congress": ("Congress", "Congress party", "Indian National Congress", "INC"),
    "NDA": ("NDA", "National Democratic Alliance"),
    "INDIA bloc": ("INDIA bloc", "INDIA alliance"),
    "TDP": ("TDP", "Telugu Desam Party"),
    "JD(U)": ("JD(U)", "JDU", "Janata Dal (United)"),
    "Samajwadi Party": ("Samajwadi Party", "SP"),
    "TMC": ("TMC", "Trinamool Congress", "Trinamool"),
    "AAP": ("AAP", "Aam Aadmi Party"),
    "DMK": ("DMK",),
    # South Africa
    "ANC": ("ANC", "African National Congress"),
    "Democratic Alliance": ("Democratic Alliance",),
    "EFF": ("EFF", "Economic Freedom Fighters"),
    "MK": ("MK", "MK Party", "MK party", "uMkhonto weSizwe", "uMkhonto weSizwe Party"),
    "IFP": ("IFP", "Inkatha Freedom Party"),
    # Germany
    "CDU/CSU": ("CDU/CSU", "CDU-CSU", "Union bloc", "conservative bloc"),
    "CDU": ("CDU", "Christian Democratic Union", "Christian Democrats"),
    "CSU": ("CSU", "Christian Social Union"),
    "SPD": ("SPD", "Social Democratic Party", "Social Democrats"),
    "AfD": ("AfD", "Alternative for Germany", "Alternative für Deutschland"),
    "FDP": ("FDP", "Free Democratic Party", "Free Democrats"),
    "BSW": ("BSW", "Sahra Wagenknecht Alliance"),
    "Left Party": ("Left Party", "Die Linke", "Linke"),
    # Elsewhere
    "Democrats": ("Democrats", "Democratic Party"),
    "Republicans": ("Republicans", "Republican Party", "GOP"),
    "National Rally": ("National Rally", "Rassemblement National", "RN"),
    "Likud": ("Likud",),
    "Fidesz": ("Fidesz",),
    "PiS": ("PiS", "Law and Justice"),
    "PTI": ("PTI", "Pakistan Tehreek-e-Insaf"),
    "LDP": ("LDP", "Liberal Democratic Party"),
    "ZANU-PF": ("ZANU-PF", "Zanu-PF"),
    "Morena": ("Morena",),
    "PSOE": ("PSOE",),
    "Vox": ("Vox",),
}  # fmt: skip
# State bodies that stand for their country: the Pentagon's troops are the US's.
GOVERNMENT_BODIES: dict[str, tuple[str, ...]] = {
    "US": ("Pentagon", "White House", "State Department", "US military", "U.S. military",
           "US Army", "U.S. Army", "USFK", "US Forces Korea", "CENTCOM", "AFRICOM",
           "Trump administration", "Biden administration"),
    "Israel": ("IDF", "Israel Defense Forces", "Israeli army", "Israeli military", "Shin Bet",
               "Israel Prison Service"),
    "Russia": ("Kremlin",),
    "Iran": ("IRGC", "Revolutionary Guard", "Revolutionary Guards"),
    "Germany": ("Bundeswehr",),
    "China": ("PLA", "People's Liberation Army"),
    "UK": ("Ministry of Defence", "MoD", "Downing Street"),
}  # fmt: skip
# Heads of state or government whose name stands for their country as a subject ("Trump
# will send 1,000 troops"); like capitals, never as a modifier or a place.
LEADERS: dict[str, tuple[str, ...]] = {
    "US": ("Trump", "Biden", "Obama"),
    "Russia": ("Putin",),
    "Ukraine": ("Zelensky", "Zelenskyy", "Zelenskiy"),
    "Israel": ("Netanyahu",),
    "China": ("Xi Jinping",),
    "North Korea": ("Kim Jong Un", "Kim Jong-un"),
    "France": ("Macron",),
    "Turkey": ("Erdogan", "Erdoğan"),
}
# Lower-case words that name a side: the coalition, and the armed groups a toll is blamed
# on ("killed by gangs"). Matched only where they are the actor's own position.
GROUPS: dict[str, str] = {
    "coalition": "coalition",
    "international coalition": "coalition",
    "gangs": "gangs",
    "armed groups": "armed groups",
    "armed gangs": "gangs",
}


@dataclass(frozen=True, slots=True)
class Mention:
    start: int
    end: int
    actor: str
    kind: Kind
    possessive: bool = False  # "Russia's 40 drones"


@dataclass(frozen=True, slots=True)
class Lexicon:
    """Actor aliases: single words as written, phrases by their lower-case form."""

    words: dict[str, tuple[str, Kind]]
    phrases: dict[str, tuple[str, Kind]]
    longest: dict[str, int]  # a phrase's first word -> most words of a phrase it starts


def _build(extra: Iterable[str]) -> Lexicon:
    words: dict[str, tuple[str, Kind]] = {}
    phrases: dict[str, tuple[str, Kind]] = {}
    longest: dict[str, int] = {}

    def add(alias: str, actor: str, kind: Kind) -> None:
        parts = alias.split()
        if len(parts) == 1:
            words.setdefault(alias, (actor, kind))
            return
        phrases.setdefault(" ".join(parts).lower(), (actor, kind))
        longest[parts[0]] = max(longest.get(parts[0], 1), len(parts))

    for country in countries():
        for name in country.names:
            add(name, country.name, "country")
        for form in country.demonyms:
            people = form.endswith("s") and form[:-1] in country.demonyms
            add(form, country.name, "people" if people else "demonym")
        for capital in country.capitals:
            add(capital, country.name, "capital")
    for actor, aliases in ORGANISATIONS.items():
        for alias in aliases:
            add(alias, actor, "org")
    for actor, aliases in GOVERNMENT_BODIES.items():
        for alias in aliases:
            add(alias, actor, "org")
    for actor, aliases in LEADERS.items():
        for alias in aliases:
            add(alias, actor, "leader")
    for name in extra:  # the user's own actors; an alias the tables know keeps its meaning
        add(name, name, "org")
    return Lexicon(words, phrases, longest)


@cache
def lexicon(extra: tuple[str, ...] = ()) -> Lexicon:
    """The built-in actors plus `extra` (the user's own names), cached per set."""
    return _build(extra)


# Capitalised words (with "U.S.", "JD(U)", "CDU/CSU", "US-led", "al-Shabaab"), and the next
# word after one (phrases may go on in lower case: "Democratic Republic of the Congo").
# Written so that it starts with a character class (the engine then skips to capitals
# quickly); same as r"(?<![\w'’-])(?:[A-Z]|al-[A-Z]|uM)[\w.&/()'’-]*", 2.5x faster.
_CAPITALISED = rx.compile(r"[A-Zau](?<![\w'’-].)(?:(?<=[A-Z])|(?<=a)l-[A-Z]|(?<=u)M)[\w.&/()'’-]*")
_NEXT_WORD = rx.compile(r"[ \t]+([\w.&/()'’-]+)")
_GROUP = rx.compile(r"\b(?:international coalition|coalition|armed groups|armed gangs|gangs)\b")
_POSSESSIVE = ("'s", "’s", "'", "’")
_MAY_HIDE = frozenset("s'’.)")
# The last characters `_clean` may drop: a bracket, a dot, a possessive's ("'s", "'").
_CLEAN_ENDS = frozenset(")." + "".join(ending[-1] for ending in _POSSESSIVE))


def _clean(token: str) -> tuple[str, bool]:
    """A token without its possessive ending or the punctuation that closes a sentence or
    a bracket ("Russia's" -> "Russia", "(ANC)." -> "ANC"; "U.S." keeps its dots)."""
    if token[-1:] not in _CLEAN_ENDS:  # most tokens ("Iraq", "Pentagon"): nothing to drop
        return token, False
    while token and (
        (token[-1] == ")" and token.count(")") > token.count("("))
        or (token[-1] == "." and token.count(".") == 1)
    ):
        token = token[:-1]
    for ending in _POSSESSIVE:
        if token.endswith(ending) and len(token) > len(ending):
            return token[: -len(ending)], True
    return token, False


def find_mentions(text: str, lower: str, lex: Lexicon) -> list[Mention]:
    """Every actor mention in `text` (``lower`` is its same-length lower-case copy)."""
    out: list[Mention] = []
    taken = 0
    for m in _CAPITALISED.finditer(text):
        if m.start() < taken:
            continue
        token = m.group()
        # Most capitalised words ("The", "President") start no alias: skip them unless a
        # possessive, bracket, dot or hyphen may hide one ("Russia's", "(ANC)", "US-led").
        if (
            token not in lex.words
            and token not in lex.longest
            and token[-1] not in _MAY_HIDE
            and "-" not in token
        ):
            continue
        found = _longest_at(text, m, lex)
        if found is not None:
            out.append(found)
            taken = found.end
    groups = "coalition" in lower or "gangs" in lower or "armed groups" in lower
    for m in _GROUP.finditer(lower) if groups else ():
        if not any(x.start <= m.start() < x.end + 1 for x in out):
            out.append(Mention(m.start(), m.end(), GROUPS[m.group()], "group"))
    out.sort(key=lambda x: x.start)
    return out


def _longest_at(text: str, m: re.Match[str], lex: Lexicon) -> Mention | None:
    first, first_possessive = _clean(m.group())
    span = lex.longest.get(first, 1)
    if span > 1:
        words, ends, pos = [first], [m.end()], m.end()
        for _ in range(span - 1):
            nxt = _NEXT_WORD.match(text, pos)
            if nxt is None:
                break
            words.append(nxt.group(1))
            pos = nxt.end()
            ends.append(pos)
        for n in range(len(words), 1, -1):
            last, possessive = _clean(words[n - 1])
            key = " ".join([*words[: n - 1], last]).lower()
            hit = lex.phrases.get(key)
            if hit is not None:
                end = ends[n - 1] - (len(words[n - 1]) - len(last))
                return Mention(m.start(), end, hit[0], hit[1], possessive)
    hit = lex.words.get(first)
    if hit is None and "-" in first:
        # "US-Soldaten", "US-Truppen": a German compound names its side; "Israeli-made",
        # "Hamas-run", "U.S.-brokered" name a maker or sponsor, not the owner.
        head, _, rest = first.partition("-")
        hit = lex.words.get(head) if rest[:1].isupper() and rest not in lex.words else None
        if hit is None:
            return None
        return Mention(m.start(), m.start() + len(head), hit[0], "demonym", False)
    if hit is None:
        return None
    return Mention(m.start(), m.start() + len(first), hit[0], hit[1], first_possessive)


def user_actor_names(actors: Sequence[str]) -> tuple[str, ...]:
    """The user's `[[figures]]` actors in a hashable, stable form for ``lexicon``."""
    if not actors:
        return ()
    return tuple(sorted({" ".join(a.split()) for a in actors if a.strip()}))


@cache
def actor_aliases() -> frozenset[str]:
    """Every built-in alias in lower case: words a report's thing synonyms may not take."""
    lex = lexicon()
    return frozenset(w.lower() for w in lex.words) | lex.phrases.keys()


def canonical_actor(name: str) -> str:
    """The name claims carry for an actor the user writes ("United States", "American",
    "Tories" -> "US", "US", "Conservatives"); a name no table knows stays as written."""
    clean = " ".join(name.split())
    lex = lexicon()
    hit = lex.words.get(clean) if " " not in clean else lex.phrases.get(clean.lower())
    return hit[0] if hit else clean
