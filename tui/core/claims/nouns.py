"""Word classes for reading a counted noun phrase without a tagger: which words end a
noun phrase, which only modify its head, and how a head becomes the canonical plural
thing ("soldier" -> "troops", "person" -> "people", "child" -> "children").

Pure data and two small functions; ``things.py`` does the reading.
"""

from __future__ import annotations

from tui.core.claims import rx

# Words after which the next word is no longer part of the noun phrase a number counts.
STOP = frozenset(
    """
    of in at to for from on by with within without into onto across through throughout
    toward towards against among amid between near around about over under above below
    after before since until during per via versus vs than as like unlike despite
    were was are is be been being am will would could should shall may might must can
    have has had having do does did done
    and or but nor so yet if when while whereas because although though unless whether
    that which who whom whose where what why how this these those there here then
    it its it's they them their he him his she her we our us you your i me my
    the a an all both each every either neither any some no none such
    said says say told tell telling reported reports according
    percent per cent pct
    also still already just only even now nearly almost most least
    again too very quite rather
    not never
    last next ago earlier later today yesterday tomorrow tonight overnight daily weekly
    year years month months week weeks day days hour hours decade decades
    monday tuesday wednesday thursday friday saturday sunday
    january february march april june july august september october november december
    one two three four five six seven eight nine ten eleven twelve twenty thirty forty fifty
    hundred hundreds thousand thousands million millions billion billions
    remain remains remained remaining went go goes gone lost lose loses held hold holds
    took take takes taken came come comes became become got get gets made make makes
    saw see seen face faces faced need needs needed live include includes including
    correspond corresponds stay stays stayed left leave leaves fled flee
    de des du la le les el los las dans por para y et und bis im zu von der die das den
    dem que com do da dos em no na sur avec ont foram sont son fueron wurden sind
    out up off down back away upon pour ou plus einen eine ein une un en au aux à al con once
    tewas meninggal terluka luka-luka hilang akibat di dan yang telah akan ke dari dalam
    """.split()
)

# Words that sit between a number and its head without being the thing: "2,500 more US
# troops", "20 living hostages", "a further 300 people".
QUANTIFIER_MODIFIERS = frozenset(
    """
    more fewer less additional extra further other new another fresh total overall estimated
    confirmed reported registered recorded suspected alleged known unconfirmed
    remaining living surviving former current serving active active-duty
    elected
    """.split()
)

# Common adjectives that modify but are never the counted head (suffix rules catch most).
ADJECTIVES = frozenset(
    """
    strong big small large huge major minor young old elderly local foreign international
    national federal regional domestic civil civilian military armed unarmed
    senior junior top high low key main total full partial
    pro anti many few several various numerous different separate
    first second third last final next previous early late
    male female adult underage
    """.split()
)
_ADJECTIVE_SUFFIX = rx.compile(
    r"(?:al|ial|ic|ical|ous|ive|ful|less|able|ible|ary|ese|ish|ian|ean|i|ern|ly)$"
)
# Words that look adjectival by suffix but are nouns that head or name counted things.
NOT_ADJECTIVES = frozenset(
    """
    animals arrivals rivals nationals officials individuals criminals generals
    hospitals terminals signals referrals withdrawals renewals approvals arrivals
    professionals radicals locals civilians israelis iraqis pakistanis afghanis
    somalis yemenis kuwaitis saudis omanis qataris bahrainis emiratis bangladeshis
    nepalis thais
    medical
    clinics
    """.split()
)

# Canonical things (README of the labelled set): synonyms of one thing land on one name.
SYNONYMS: dict[str, str] = {
    **dict.fromkeys(
        """
        troops troop soldiers soldier forces servicemembers servicemen servicewomen
        marines personnel military-personnel
        soldados soldats soldaten militares militaires militari żołnierzy
        """.split(),
        "troops",
    ),
    **dict.fromkeys(
        [
            "service members",
            "service member",
            "military personnel",
            "combat troops",
            "ground troops",
            "military forces",
            "armed forces",
            "security forces",
            "boots on the ground",
            "foreign troops",
        ],
        "troops",
    ),
    **dict.fromkeys(
        """
        dead deaths death killed fatalities fatality lives martyrs muertos mortos morts
        tote toten
        """.split(),
        "deaths",
    ),
    **dict.fromkeys(["death toll", "toll", "fatality toll"], "deaths"),
    **dict.fromkeys(
        "injured wounded injuries injury heridos feridos blessés verletzte".split(), "injured"
    ),
    **dict.fromkeys(["casualties"], "casualties"),
    **dict.fromkeys(["displaced", "displaced people", "displaced persons"], "displaced"),
    **dict.fromkeys(["captives", "abductees", "hostages", "hostage"], "hostages"),
    **dict.fromkeys(["arrested", "arrests"], "arrests"),
    **dict.fromkeys(["detained", "detainees", "detenidos", "detidos", "détenus"], "detainees"),
    **dict.fromkeys(["evacuated", "evacuees", "evacuados", "évacués"], "evacuees"),
    **dict.fromkeys(["desplazados", "deslocados", "déplacés"], "displaced"),
    **dict.fromkeys(["prisioneros", "prisioneiros", "prisonniers"], "prisoners"),
    **dict.fromkeys(["migrantes", "migranti", "migranten"], "migrants"),
    **dict.fromkeys(["refugiados", "réfugiés", "flüchtlinge", "rifugiati"], "refugees"),
    **dict.fromkeys(["casas", "viviendas", "maisons"], "homes"),
    **dict.fromkeys(["infections", "infection", "cases"], "cases"),
    **dict.fromkeys(["corpses", "bodies", "remains"], "bodies"),
    **dict.fromkeys(["tentara", "pasukan", "prajurit"], "troops"),
    **dict.fromkeys(["petugas polisi", "polícias", "policiers"], "police officers"),
    "orang": "people",
    **dict.fromkeys(["trocas", "canjes", "intercambios", "échanges"], "exchanges"),
    **dict.fromkeys(["persons", "person", "people", "personas", "pessoas", "personnes"], "people"),
    **dict.fromkeys(["vote", "votes", "vote share", "share of the vote"], "votes"),
    **dict.fromkeys(["unemployment rate", "jobless rate", "unemployment"], "unemployment"),
    **dict.fromkeys(["inflation rate", "inflation"], "inflation"),
    **dict.fromkeys(["contained", "containment"], "containment"),
    **dict.fromkeys(["air strikes", "airstrikes", "air strike", "airstrike"], "airstrikes"),
}

# Nouns for a kind of place ("the provinces of ...", "three districts"): after a name, a
# count in brackets is that place's share of something else, not a count of places.
PLACE_KINDS = frozenset(
    """
    province provinces region regions district districts state states city cities town towns
    village villages country countries area areas prefecture prefectures county counties
    municipality municipalities department departments governorate governorates commune
    communes neighbourhood neighbourhoods
    """.split()
)

# Plurals that add no -s, and singulars that pluralise irregularly.
IRREGULAR_PLURALS = {
    "person": "people",
    "child": "children",
    "man": "men",
    "woman": "women",
    "foot": "feet",
    "mouse": "mice",
    "tooth": "teeth",
    "life": "lives",
    "wife": "wives",
    "knife": "knives",
    "thief": "thieves",
    "leaf": "leaves",
    "half": "halves",
    "crisis": "crises",
    "analysis": "analyses",
    "criterion": "criteria",
    "phenomenon": "phenomena",
}
# Heads that are already plural or uncountable: left as they are.
INVARIANT = frozenset(
    """
    people police personnel aircraft livestock cattle sheep fish deer staff
    children men women data media series species offspring
    aid support damage water food fuel equipment ammunition inflation unemployment
    turnout population containment area yen yuan won rupees baht
    weaponry machinery artillery infantry cavalry jewelry jewellery clothing housing
    """.split()
)


def is_adjective(word: str) -> bool:
    """A modifier that is never the head: "elderly", "medical", "Sudanese", "northern"."""
    low = word.lower()
    if low in NOT_ADJECTIVES:
        return False
    return low in ADJECTIVES or (bool(_ADJECTIVE_SUFFIX.search(low)) and len(low) > 4)


def plural(word: str) -> str:
    """The plural of a (lower-case) head noun; already plural or uncountable words stay."""
    if word in INVARIANT or word in IRREGULAR_PLURALS.values():
        return word
    if word in IRREGULAR_PLURALS:
        return IRREGULAR_PLURALS[word]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word
    if word.endswith(("ss", "sh", "ch", "x", "z", "us", "is")):
        return word + "es"
    if word.endswith("y") and len(word) > 2 and word[-2] not in "aeiou":
        return word[:-1] + "ies"
    return word + "s"
