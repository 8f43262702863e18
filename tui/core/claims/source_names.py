"""Word lists of the attribution grammar (``sources.py``): which nouns can say a figure,
which words end a subject, which words lead into one without being part of it."""

from __future__ import annotations

import re

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
    network outlet coastguard guard group groups organisation organization organisations
    organizations charity charities ngo union alliance coalition party tribunal court
    prosecutor prosecutors investigators inspectors watchdog regulator institute centre
    center team teams crew crews staff personnel officer officers soldier soldiers
    agent agents firefighters paramedics operator operators company firm spokesmen relatives
    families family leader leaders people organizers organisers commentators sheriffs
    examiner coroner morgue sources tallies
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
    to into than
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
    {"he", "she", "they", "it", "we", "i", "you", "this", "there", "one", "that", "which"}
)
# "the paper said": a newspaper that the same text names elsewhere.
PAPER_WORDS = frozenset({"paper", "newspaper", "daily", "weekly", "tabloid"})
WEEKDAYS = "monday|tuesday|wednesday|thursday|friday|saturday|sunday"
# Time adjuncts at a subject's or a name's end ("officials on Monday said", "according to
# the ministry late on Friday", "a military official said Saturday").
TRAILING_TIME = re.compile(
    rf"(?:\s+(?:on|late|early|last|this|earlier|later|in|at|during|by|over)?\s*"
    rf"(?:(?:{WEEKDAYS})(?:\s+(?:morning|afternoon|evening|night))?|today|tonight|yesterday|"
    r"(?:this|that|last)\s+(?:week|month|year|morning|afternoon|evening|night)|"
    r"earlier|later|previously|also|now|again|then|still|already|recently))+\s*$",
    re.IGNORECASE,
)
# A trailing phrase about where the speaker is, in lower case ("a police source in the
# disaster-hit area", "rescue workers at the scene"); a named place stays ("the military
# in Mali", "two security sources in Burkina Faso").
TRAILING_WHERE = re.compile(
    r"\s+(?:in|at|on|from|near)\s+(?:the\s+|a\s+|an\s+)?[a-z][\w'’-]*(?:\s+[a-z][\w'’-]*)*\s*$"
)
# Sentence-initial capitalised words that are no source on their own ("Troops reported").
NOT_SOURCES = frozenset(
    "troops people civilians cases deaths prices sales children migrants refugees votes "
    "seats jobs numbers figures".split()
)
# Between a subject and its verb: "officials have also said", "the ministry had earlier".
_AUX_ADVERBS = frozenset(
    "has have had will would also previously earlier now further later then still already "
    "reportedly initially originally separately again first itself himself herself "
    "themselves officially publicly".split()
)
_RELATIVE = frozenset("who which whose whom que qui quien quienes cuyo der die das".split())
_TOKEN = re.compile(r"[^\s,;:()\[\]\"“”«»]+")
_HARD_STOP = re.compile(r"[,;:()\[\]\"“”«»!?]|\s[-—–]+\s|[—–]|\.\s")
_COLON_PREFIX = re.compile(r"[^.:\n]{1,60}\):\s*|[A-Z][^.:\n]{0,40}:\s+")
_EVIDENCE_FROM = re.compile(
    r"^(?:(?:the|a|an)\s+)?(?:(?:latest|new|official|preliminary|provisional|final)\s+)*"
    r"(?:data|figures|information|statistics|numbers|estimates|tally|count|records)\s+"
    r"(?:[\w'’.]+\s+){0,3}?(?:from|by|of)\s+",
    re.IGNORECASE,
)
_FRONTED = frozenset(
    "in on at after before during meanwhile however earlier separately last this with "
    "following speaking since by for from under as amid despite".split()
)


def is_verb_like(word: str) -> bool:
    """A lower-case word that ends a subject: a break word or a past-tense verb."""
    if not word or not word[0].islower():
        return False
    if word in SUBJECT_BREAKS:
        return True
    return (
        word.endswith("ed")
        and len(word) > 4
        and "-" not in word
        and word not in ED_ADJECTIVES
        and not word.endswith(("eed", "hundred"))
    )


def _strip_front(words: list[str]) -> list[str]:
    while words:
        if words[0].isupper() and len(words[0]) > 1:  # "UN", not the Spanish "un"
            break
        w = words[0].lower().strip("'’")
        if w in LEADING_NOISE or (w.endswith("ly") and len(w) > 4 and w not in ("italy",)):
            words = words[1:]
        else:
            break
    return words


def clean(chunk: str, max_words: int = 12) -> str | None:
    """The chunk as a source name, or None when it is no noun phrase that can speak."""
    chunk = _EVIDENCE_FROM.sub("", chunk.strip(" \t\n'\"“”‘’«»-—–"))
    for trailing in (TRAILING_TIME, TRAILING_WHERE):
        chunk = trailing.sub("", chunk)
    words = _strip_front(chunk.split())
    if not words or len(words) > max_words:
        return None
    name = " ".join(words).strip(" '\"“”‘’")
    if not name or any(ch.isdigit() for ch in name):
        return None
    low = name.lower()
    if low in PRONOUNS:
        return low
    heads = {w.lower().removesuffix("'s").removesuffix("’s") for w in words}
    if words[0].lower() in PRONOUNS or low in NOT_SOURCES:
        return None
    if heads & SOURCE_HEADS or _DOMAIN.fullmatch(low):
        return name
    # A name ("Hamas", "Ashraf al-Qedra"), or a noun phrase holding one ("the Alarm Phone
    # hotline"); a capital only at the front may be the sentence's ("Measles cases").
    if any(ch.isupper() for ch in words[-1]) or any(w[:1].isupper() for w in words[1:]):
        return None if words[0].lower() in NOT_SOURCES else name
    return None


_DOMAIN = re.compile(r"[a-z0-9-]+\.(?:com|org|net|gov|us|uk|int|io|info)")


def rest_is_adjunct(text: str, pos: int) -> bool:
    """Whether what follows a verb up to the clause's end is only time or manner ("said on
    Monday.", "wrote on Telegram,"): then the phrase closes a report rather than opens one."""
    piece = re.match(r"[^.;!?\n,“”\"]*", text[pos : pos + 100])
    rest = piece.group() if piece else ""
    if any(ch.isdigit() for ch in rest):
        return False
    words = rest.split()
    return len(words) <= 6 and "that" not in words and "dass" not in words


def _comma_segments(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[lo, hi) cut at commas, as (start, end) pieces, last one last."""
    out: list[tuple[int, int]] = []
    cursor = lo
    for i in range(lo, hi):
        if text[i] == ",":
            out.append((cursor, i))
            cursor = i + 1
    out.append((cursor, hi))
    return out


def _chunk_back(text: str, lo: int, hi: int) -> int:
    """Where the subject ending at `hi` starts: after the last stop or verb-like word."""
    stop = lo
    for m in _HARD_STOP.finditer(text, lo, hi):
        stop = m.end()
    start = hi
    following = ""
    for m in reversed(list(_TOKEN.finditer(text, stop, hi))):
        word = m.group()
        if is_verb_like(word) and not (following == "by" and word.endswith("ed")):
            break
        start, following = m.start(), word
    return start


_BRACKET_END = re.compile(r"\s*\([^()]{1,40}\)$")
_TIME_ENDINGS = frozenset(
    f"{WEEKDAYS}|morning|afternoon|evening|night|today|tonight|yesterday|week|month|year|"
    "earlier|later|previously|also|now|again|then|still|already|recently".split("|")
)


def _trim_before_verb(text: str, lo: int, hi: int) -> int:
    """Move `hi` back over auxiliaries, adverbs, time words and a "(IOM)" bracket."""
    while True:
        end = lo + len(text[lo:hi].rstrip())
        cut = text.rfind(" ", lo, end) + 1 or lo
        last = text[cut:end].lower()
        tail_lo = max(lo, end - 60)
        if last.endswith(")") and (b := _BRACKET_END.search(text, tail_lo, end)):
            hi = b.start()
        elif last in _TIME_ENDINGS and (t := TRAILING_TIME.search(text[tail_lo:end])):
            hi = tail_lo + t.start()
            if last in _AUX_ADVERBS and hi == tail_lo:
                hi = cut
        elif last in _AUX_ADVERBS or (last.endswith("ly") and len(last) > 4):
            hi = cut
        else:
            return end
        if hi <= lo:
            return lo


def subject_before(text: str, body: int, verb: int) -> tuple[int, int, str] | None:
    """The subject of the reporting verb at `verb`: (start, end, name)."""
    lo = max(body, verb - 160)
    hi = _trim_before_verb(text, lo, verb)
    start = _chunk_back(text, lo, hi)
    if start < hi:
        name = clean(text[start:hi])
        return (start, hi, name) if name else None
    # ", said": the subject sits before an apposition or a relative clause.
    if not text[lo:hi].rstrip().endswith(","):
        return None
    segs = _comma_segments(text, lo, hi)[:-1]
    if len(segs) < 2:
        return None
    b_start, b_end = segs[-1]
    a_end = segs[-2][1]
    b_words = text[b_start:b_end].split()
    if not b_words or len(b_words) > 14:
        return None
    first = b_words[0].lower()
    content = [w.lower() for w in b_words if w.lower() not in LEADING_NOISE]
    apposition = (
        first in _RELATIVE
        or first.endswith(("ing", "ed"))
        or (bool(content) and content[0] in ROLE_WORDS)
        or (first in ("the", "a", "an") and len(b_words) <= 4)
    )
    if not apposition:
        name = clean(text[b_start:b_end])
        return (b_start, b_end, name) if name else None
    a_lo = _chunk_back(text, lo if len(segs) == 2 else segs[-3][1] + 1, a_end)
    name = clean(text[a_lo:a_end])
    if name is None or name in PRONOUNS:
        name = clean(text[b_start:b_end]) if first not in _RELATIVE else None
        return (b_start, b_end, name) if name else None
    return a_lo, a_end, name


def name_after(span: str, max_words: int = 14) -> str | None:
    """The name in "according to X ...": cut where a new clause starts."""
    span = _EVIDENCE_FROM.sub("", span.strip())
    end = len(span)
    for m in _TOKEN.finditer(span):
        word = m.group()
        if (word in ("as", "to", "on") and m.start() > 0) or is_verb_like(word):
            end = m.start()
            break
    return clean(span[:end], max_words)


def name_inverted(text: str, pos: int) -> tuple[str, int] | None:
    """The name after an inverted verb: '"...," said a police source in the area.'"""
    m = re.match(
        rf"\s+(?:(?:on\s+)?(?:{WEEKDAYS}|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche)"
        r"\s+)?([^,.;:!?()\n\"“”]{2,80})",
        text[pos:],
        re.IGNORECASE,
    )
    if not m:
        return None
    name = name_after(re.sub(r"^by\s+", "", m.group(1)), 8)
    return (name, pos + m.end()) if name and name not in PRONOUNS else None


def leading_subject(text: str, body: int) -> tuple[int, int, str] | None:
    """The subject that opens the sentence, after a dateline, a "Gaza (Agencies):" prefix
    or a fronted phrase ("In a statement on Monday, the ministry ...")."""
    start = body
    prefix = _COLON_PREFIX.match(text, start)
    if prefix:
        start = prefix.end()
    first = _TOKEN.match(text, start)
    if first and first.group().lower() in _FRONTED:
        comma = text.find(",", start, start + 120)
        if comma < 0:
            return None
        start = comma + 1
    end = start
    for m in _TOKEN.finditer(text, start, min(len(text), start + 120)):
        if is_verb_like(m.group()) or _HARD_STOP.search(text, end, m.start()):
            break
        end = m.end()
    name = clean(text[start:end])
    if name is None or name in PRONOUNS:
        return None
    return start + len(text[start:end]) - len(text[start:end].lstrip()), end, name


_ORG_WORDS = SOURCE_HEADS - ROLE_WORDS - {"spokesman", "spokeswoman", "spokesperson"}


def is_person(name: str) -> bool:
    """A person's name, maybe with a title ("Frank Matranga", "Gov. Ron DeSantis",
    "Health Minister Muhammad Biyad Allah"), not a body ("FEMA", "Interior Ministry")."""
    words = name.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    return not any(w.lower().strip(".,'’s") in _ORG_WORDS for w in words) and not any(
        w.isupper() and len(w) > 1 for w in words[-1:]
    )
