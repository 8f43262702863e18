"""Word lists of the attribution grammar (``sources.py``): which nouns can say a figure,
which words end a subject, which words lead into one without being part of it."""

from __future__ import annotations

import re

from tui.core.claims import rx

# Nouns that can head a lower-case source ("the health ministry said", "officials say",
# "data shows"). A capitalised name needs none of them; a lower-case subject without one
# ("troops reported", "the deal said", "cases have been confirmed") is no source.
SOURCE_HEADS = frozenset(
    """
    official officials authority authorities government governments administration ministry
    ministries minister ministers department office agency agencies service services bureau
    commission commissioner council committee police policeman military army navy force
    forces command commander commanders militia spokesman spokeswoman spokesperson
    spokespeople representative representatives governor governors mayor sheriff president
    premier chancellor secretary chief head director envoy ambassador embassy consulate
    diplomat diplomats lawmaker lawmakers legislator legislators senator senators mp mps
    journalist journalists reporter reporters correspondent correspondents witness witnesses
    resident residents survivor survivors activist activists monitor monitors observer
    observers analyst analysts economist economists expert experts researcher researchers
    scientist scientists doctor doctors medic medics nurse hospital hospitals worker workers
    rescuer rescuers volunteer volunteers source sources statement statements report reports
    data figures figure statistics numbers tally count census records estimate estimates
    forecast forecasts forecasters projection projections survey surveys poll polls study
    studies results release bulletin update website media newspaper paper broadcaster
    review reviews assessment assessments analysis audit inquiry investigation
    television tv radio channel broadcasters newspapers wire
    fighters militants rebels insurgents campaigners protesters
    mission missions network outlet coastguard guard group groups organisation organization
    organisations
    organizations charity charities ngo union alliance coalition party tribunal court
    prosecutor prosecutors investigators inspectors watchdog regulator institute centre
    center team teams crew crews staff personnel officer officers soldier soldiers
    agent agents firefighters paramedics operator operators company firm spokesmen relatives
    families family leader leaders people organizers organisers commentators sheriffs
    examiner coroner morgue sources tallies defence defense brigade brigades tank think-tank
    gobierno autoridades autoridad ministerio ministro policía ejército fuentes portavoz
    gouvernement autorités ministère ministre armée porte-parole governo autoridade
    ministério polícia exército fontes porta-voz regierung behörden ministerium minister
    polizei armee sprecher sprecherin quellen préfecture prefectura mairie maire alcalde
    ayuntamiento alcaldía gendarmerie protección protection defensa ministère ong bomberos
    pompiers feuerwehr
    """.split()
)
# Person titles: "Ashraf al-Qedra, the spokesman of the ministry, said" names the person;
# the comma phrase is an apposition.
ROLE_WORDS = frozenset(
    """
    spokesman spokeswoman spokesperson head director chief president minister secretary
    governor mayor commander leader member official officer chairman chairwoman chair envoy
    ambassador deputy adviser advisor founder ceo manager coordinator representative
    general colonel captain lieutenant sheriff judge prosecutor professor doctor
    """.split()
)
# Words that never start a source: a subject chunk loses them at its front ("But the
# deal", "Meanwhile officials", "This comes despite US" -> "US").
LEADING_NOISE = frozenset(
    """
    the a an its his her their our my your this that these those some such but and or so yet
    also meanwhile however now then still earlier later previously separately instead
    moreover furthermore additionally overall elsewhere today yesterday tonight recently
    already even just only both other another more most many few several
    un una unos unas el la los las le les l' des der die das dem den o os as
    january february march april may june july august september october november december
    when while if after before because although though since once until unless whether
    wie comme como
    """.split()
)
# A lower-case word inside a subject chunk that ends it: verbs, auxiliaries, conjunctions,
# prepositions that do not live inside names (unlike "of", "for", "in", "at", "from").
SUBJECT_BREAKS = frozenset(
    """
    is are was were be been being am has have had having will would shall should can could
    may might must do does did done that which who whom whose while whereas but as when
    because although though after before since despite if so where whether than like with
    without amid during following over under against into through until unless once
    comes came come says said say told reported added noted according citing warned stated
    not also never what how why across around near toward towards inside outside within
    beyond between among upon via per throughout along behind onto off out up down about
    to into than by began begun made took taken gave given went gone saw seen found kept
    left held brought sent got paid lost won set met ran fell rose hit cut became make take
    give keep hold get wurden wurde sind seien ist waren hatte hatten fueron
    """.split()
)
# A chunk right after one of these is the object of a preposition ("30 countries across
# five regions reported" is not said by "five regions"); "with" opens an absolute phrase
# ("with projections suggesting") whose noun does speak.
PREPOSITION_BREAKS = frozenset(
    """
    despite without amid during over under against into through across around near toward
    towards inside outside within beyond between among upon via per throughout along behind
    onto off out up down about to by
    """.split()
)
# Lower-case "-ed" words that are adjectives inside a subject ("armed forces", "elected
# officials", "unnamed sources"), not the verb that ends it.
ED_ADJECTIVES = frozenset(
    """
    armed elected displaced detained injured wounded affected retired unnamed unidentified
    concerned alleged named based related trained qualified specialized specialised united
    skilled licensed appointed interested informed registered authorized authorised
    self-styled so-called embattled besieged beleaguered
    """.split()
)
PRONOUNS = frozenset(
    "he she they it we i you this there one that which i've we've they've i'm we're "
    "they're you've".split()
)
FIRST_PERSON = frozenset("i we i've we've i'm we're".split())  # the quotation's speaker
# "the paper said": a newspaper that the same text names elsewhere.
PAPER_WORDS = frozenset({"paper", "newspaper", "daily", "weekly", "tabloid"})
MONTHS = frozenset(
    "january february march april may june july august september october november december "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Time adjuncts at a subject's or a name's end ("officials on Monday said", "according to
# the ministry late on Friday", "a military official said Saturday").
TRAILING_TIME = rx.compile(
    rf"(?:\s+(?:on|late|early|last|this|earlier|later|in|at|during|by|over)?\s*"
    rf"(?:(?:{WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|yesterday|"
    r"(?:this|that|last)\s+(?:week|month|year|morning|afternoon|evening|night)|"
    r"earlier|later|previously|also|now|again|then|still|already|recently))+\s*$",
    re.IGNORECASE,
)
# A trailing phrase about where the speaker is, in lower case ("a police source in the
# disaster-hit area", "rescue workers at the scene"); a named place stays ("the military
# in Mali", "two security sources in Burkina Faso").
# A document and who issued it: "a statement by the army", "a report from the agency".
# The issuer belongs to the source's name ("by" and "from" end it anywhere else).
DOCUMENT_HEADS = frozenset(
    "statement statements report reports release bulletin update communique communiqué "
    "announcement tally letter post".split()
)
# "a statement issued by the army": the participle between a document and its issuer.
ISSUED = frozenset("made issued released published shared signed posted sent".split())
DOCUMENT_BY = rx.compile(
    rf"\b(?:{'|'.join(sorted(DOCUMENT_HEADS))})\s+(?:(?:{'|'.join(sorted(ISSUED))})\s+)?"
    r"(?:from|by)\s+\S"
)
TRAILING_WHERE = rx.compile(
    r"\s+(?:in|at|on|from|near)\s+(?:the\s+|a\s+|an\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)*\s*$"
)
# Sentence-initial capitalised words that are no source on their own ("Troops reported").
NOT_SOURCES = frozenset(
    "troops people civilians cases deaths prices sales children migrants refugees votes "
    "seats jobs numbers figures".split()
)
# Between a subject and its verb: "officials have also said", "the ministry had earlier".
AUX_ADVERBS = frozenset(
    "has have had will would also previously earlier now further later then still already "
    "reportedly initially originally separately again first itself himself herself "
    "themselves officially publicly".split()
)
RELATIVE = frozenset("who which whose whom que qui quien quienes cuyo der die das".split())
TOKEN = rx.compile(r"[^\s,;:()\[\]\"“”«»]+")
HARD_STOP = rx.compile(r"[,;:()\[\]\"“”«»!?<>|•*]|\s[-—–]+\s|[—–]|\.\s|\S*(?:https?:|www\.|=|/)\S*")
COLON_PREFIX = rx.compile(r"[^.:\n]{1,60}\):\s*|[A-Z][^.:\n]{0,40}:\s+")
EVIDENCE_FROM = rx.compile(
    # any two words before the noun: "the latest", "an early", "a preliminary UN"
    r"^(?:(?:the|a|an)\s+)?(?:[\w'’-]+\s+){0,2}?"
    r"(?:data|figures|information|statistics|numbers|estimates?|tally|count|records|"
    # "according to a preliminary assessment by the health office": the office says it
    r"assessments?|analys[ie]s|surveys?|reviews?|stud(?:y|ies)|updates?|calculations?|audits?)\s+"
    r"(?:[\w'’.]+\s+){0,3}?(?:from|by|of)\s+",
    re.IGNORECASE,
)
FRONTED = frozenset(
    "in on at after before during meanwhile however earlier separately last this with "
    "following speaking since by for from under as amid despite".split()
)

ORG_WORDS = SOURCE_HEADS - ROLE_WORDS - {"spokesman", "spokeswoman", "spokesperson"}

DOMAIN = rx.compile(r"[a-z0-9-]+\.(?:com|org|net|gov|us|uk|int|io|info)")

BRACKET_END = rx.compile(r"\s*\([^()]{1,80}\)$")

TIME_ENDINGS = frozenset(
    f"{WEEKDAYS}|morning|afternoon|evening|night|today|tonight|yesterday|week|month|year|"
    "earlier|later|previously|also|now|again|then|still|already|recently".split("|")
)

ASIDE_PREPOSITIONS = frozenset("from of in at on with for by near based aged".split())
