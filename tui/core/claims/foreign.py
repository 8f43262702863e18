"""Country words of non-English reports: German, French, Spanish, Portuguese, Italian,
Polish and Indonesian demonyms and names for the countries news reports most often.

Demonyms in these languages are lower case and inflect ("nordkoreanische Soldaten",
"soldados norcoreanos", "soldats français"), so they are matched by stem with the
language's endings, and only in a sentence that reads as not English (an English one never
needs them, and most windows are English: the scan is skipped there).
"""

from __future__ import annotations

import re
from functools import cache

from tui.core.claims import rx
from tui.core.claims.actors import Mention

# Short name -> "|"-separated stems and forms. A stem ending in "-" takes its language's
# endings (German -e/-en/-er/-es/-em, Romance -o/-a/-os/-as/-e/-i, French -e/-s/-es).
_DEMONYMS: dict[str, str] = {
    "US": "amerikanisch-|us-amerikanisch-|estadounidense|estadounidenses|norteamerican-|"
    "american-|américain-|americain-|amerykańsk-",
    "UK": "britisch-|británic-|britannique|britanniques|britânic-|britannic-|brytyjsk-",
    "Russia": "russisch-|rus-|russ-|russe|russes|rosyjsk-|rosyjscy",
    "Ukraine": "ukrainisch-|ucranian-|ukrainien-|ukraińsk-|ucraini-",
    "North Korea": "nordkoreanisch-|norcorean-|nord-coréen-|nord-coreen-|norte-corean-|"
    "nordcorean-|północnokoreańsk-",
    "South Korea": "südkoreanisch-|surcorean-|sud-coréen-|sul-coreano-",
    "Germany": "deutsch-|alemán|alemana|alemanes|alemanas|allemand-|alemão|alemães|alemã|"
    "tedesc-|niemieck-",
    "France": "französisch-|francés|francesa|franceses|francesas|français|française|"
    "françaises|francês|francese|francesi|francusk-",
    "Israel": "israelisch-|israelí|israelíes|israélien-|israelense|israelenses|"
    "israelian-|izraelsk-",
    "Iran": "iranisch-|iraní|iraníes|iranien-|iranian-|irańsk-",
    "China": "chinesisch-|chin-|chinois-|cinese|cinesi|chińsk-",
    "Turkey": "türkisch-|turc-|turque|turques|turch-|tureck-",
    "Poland": "polnisch-|polac-|polonais-|polonês|polones-|polsk-",
    "Syria": "syrisch-|siri-|syrien-|syryjsk-",
    "Iraq": "irakisch-|iraquí|iraquíes|irakien-|iraquian-|iracken-|irack-",
    "Afghanistan": "afghanisch-|afgan-|afghan-",
    "Sudan": "sudanesisch-|sudanés|sudanesa|sudaneses|soudanais-|sudanes-",
    "Mali": "malisch-|maliense|malienses|malien-|malian-",
    "Niger": "nigrisch-|nigerin-|nigérien-|nigerien-|nigerino-",
    "Kenya": "kenianisch-|kenian-|keniano-|kényan-",
    "Japan": "japanisch-|japonés|japonesa|japoneses|japonais-|japonês|giappones-|japońsk-",
    "India": "indisch-|indi-|indien-|indian-",
    "Palestine": "palästinensisch-|palestin-|palestinien-",
    "Spain": "spanisch-|español-|espagnol-|espanhol-|spagnol-|hiszpańsk-",
    "Italy": "italienisch-|italian-|italien-|włosk-",
    "Canada": "kanadisch-|canadiens-|canadien-|canadiense|canadienses|canadens-|kanadyjsk-",
    "Lithuania": "litauisch-|lituan-|lituanien-|litewsk-",
    "Lebanon": "libanesisch-|libanés|libanesa|libaneses|libanais-|libanes-",
    "Egypt": "ägyptisch-|egipci-|égyptien-|egípci-|egizian-",
    "Saudi Arabia": "saudisch-|saudí|saudíes|saoudien-|saudit-",
    "Belarus": "belarussisch-|bielorrus-|biélorusse|biélorusses|białorusk-",
}  # fmt: skip
# Names of those countries in the same languages, capitalised as written.
_NAMES: dict[str, str] = {
    "US": "Vereinigte Staaten|Vereinigten Staaten|Estados Unidos|États-Unis|Etats-Unis|"
    "Stati Uniti|Stany Zjednoczone|Amerika Serikat",
    "UK": "Großbritannien|Grossbritannien|Reino Unido|Royaume-Uni|Regno Unito|Inggris",
    "Russia": "Russland|Rusia|Russie|Rússia|Russia|Rosja|Rosji",
    "Ukraine": "Ukraine|Ucrania|Ucrânia|Ucraina|Ukraina|Ukrainy",
    "North Korea": "Nordkorea|Corea del Norte|Corée du Nord|Coreia do Norte|"
    "Corea del Nord|Korea Północna|Korea Utara",
    "South Korea": "Südkorea|Corea del Sur|Corée du Sud|Coreia do Sul|Korea Selatan",
    "Germany": "Deutschland|Alemania|Allemagne|Alemanha|Germania|Niemcy|Jerman",
    "France": "Frankreich|Francia|França|Francja|Prancis",
    "Turkey": "Türkei|Turquía|Turquie|Turquia|Turcja|Turki",
    "Poland": "Polen|Polonia|Pologne|Polônia|Polska|Polski",
    "Syria": "Syrien|Siria|Syrie|Síria|Syria|Suriah",
    "Iraq": "Irak|Iraque",
    "Lebanon": "Libanon|Líbano|Liban",
    "Egypt": "Ägypten|Egipto|Égypte|Egito|Egitto|Egipt|Mesir",
    "Japan": "Japón|Japon|Japão|Giappone|Japonia|Jepang",
    "India": "Indien|Inde|Índia|Indie",
    "Spain": "Spanien|España|Espagne|Espanha|Spagna|Hiszpania|Spanyol",
    "Italy": "Italien|Italie|Itália|Włochy",
    "Lithuania": "Litauen|Lituania|Lituanie|Lituânia|Litwa",
    "Kenya": "Kenia|Quênia",
    "NATO": "OTAN|NATO",
}  # fmt: skip
_ENDINGS = "(?:e|en|er|es|em|o|a|os|as|i|s|es|ie|ich|ym|ej|ego|ą|scy|cy)?"
# Function words of English, and of the other languages (one of which a sentence of any
# length all but always has).
_ENGLISH = rx.compile(
    r"\b(?:the|and|of|to|was|were|is|are|has|have|said|with|for|that|at|on|by|from|will)\b"
)
_OTHER = rx.compile(
    r"\b(?:und|der|die|das|den|dem|ein|eine|nicht|mit|von|auf|für|ist|wurden|hatte|el|los|de|"
    r"unos|unas|cerca|alrededor|más|según|plus|environ|selon|mais|cerca|sekitar|"
    r"las|del|una|por|para|con|que|les|une|dans|pour|avec|est|sont|não|uma|em|com|foi|il|"
    r"della|sono|yang|dan|di|ke|dari|untuk|dengan|telah|się|jest|nie|oraz|że|przez|do)\b"
)


def english_words(lower: str) -> int:
    """How many English function words a sentence has."""
    return len(_ENGLISH.findall(lower))


def reads_english(lower: str) -> bool:
    """Whether a sentence reads as English: it has an English function word, or no
    function word of the other languages either."""
    return _ENGLISH.search(lower) is not None or _OTHER.search(lower) is None


@cache
def _demonym_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    forms: dict[str, str] = {}
    parts: list[str] = []
    for country, words in _DEMONYMS.items():
        for word in words.split("|"):
            stem = word.removesuffix("-")
            forms[stem] = country
            parts.append(re.escape(stem) + (_ENDINGS if word.endswith("-") else ""))
    parts.sort(key=len, reverse=True)
    return rx.compile(rf"(?<![\w-])(?:{'|'.join(parts)})(?![\w-])"), forms


@cache
def _name_pattern() -> tuple[re.Pattern[str], dict[str, str]]:
    names = {n: c for c, words in _NAMES.items() for n in words.split("|")}
    alternation = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
    return rx.compile(rf"(?<![\w-])(?:{alternation})(?![\w-])"), names


def foreign_mentions(text: str, lower: str) -> list[Mention]:
    """Country names and demonyms of a non-English sentence (``lower``: its lower-case
    copy of the same length)."""
    out: list[Mention] = []
    pattern, forms = _demonym_pattern()
    for m in pattern.finditer(lower):
        word = m.group()
        stem = max((s for s in forms if word.startswith(s)), key=len)
        out.append(Mention(m.start(), m.end(), forms[stem], "demonym"))
    names, table = _name_pattern()
    for m in names.finditer(text):
        actor = table[m.group()]
        out.append(Mention(m.start(), m.end(), actor, "org" if actor == "NATO" else "country"))
    return out
