"""Noun phrases of the attribution grammar: the subject before a reporting verb, the name
after "according to" or an inverted "said", the subject that opens a sentence, and the
clean-up that makes each one a source name or nothing (``sources.py`` finds the verbs)."""

from __future__ import annotations

import re

from tui.core.claims import rx
from tui.core.claims import source_words as sw


def is_verb_like(word: str) -> bool:
    """A lower-case word that ends a subject: a break word or a past-tense verb."""
    if not word or not word[0].islower():
        return False
    if word in sw.SUBJECT_BREAKS:
        return True
    return (
        word.endswith("ed")
        and len(word) > 4
        and "-" not in word
        and word not in sw.ED_ADJECTIVES
        and not word.endswith(("eed", "hundred"))
    )


def _is_ing(word: str) -> bool:
    """ "began keeping records": a lower-case -ing word right before the verb is a verb
    ("steering committee", "ruling party" keep theirs: the noun follows)."""
    return word[:1].islower() and word.endswith("ing") and len(word) > 5


def _strip_front(words: list[str]) -> list[str]:
    while words:
        if words[0].isupper() and len(words[0]) > 1:  # "UN", not the Spanish "un"
            break
        w = words[0].lower().strip("'’")
        if w in sw.LEADING_NOISE or (w.endswith("ly") and len(w) > 4 and words[0][0].islower()):
            words = words[1:]
        else:
            break
    return words


def _present_verb(word: str, before: str) -> bool:
    """A present-tense verb after a capitalised name ("Jacks disagrees", "Ministry insists"):
    lower case, in -s, and no head a source may end with ("Red Cross workers")."""
    return (
        word[:1].islower()
        and word.endswith("s")
        and not word.endswith(("ss", "us", "is"))
        and before[:1].isupper()
        and word.lower() not in sw.SOURCE_HEADS
        and word.lower() not in sw.NOT_SOURCES
    )


def clean(chunk: str, max_words: int = 12) -> str | None:
    """The chunk as a source name, or None when it is no noun phrase that can speak."""
    chunk = sw.EVIDENCE_FROM.sub("", chunk.strip(" \t\n'\"“”‘’«»-—–"))
    issued = sw.DOCUMENT_BY.search(chunk) is not None  # "statement from the ministry"
    for trailing in (sw.TRAILING_TIME, sw.TRAILING_WHERE):
        if not (issued and trailing is sw.TRAILING_WHERE):
            chunk = trailing.sub("", chunk)
    words = _strip_front(chunk.split())
    if len(words) >= 2 and words[-1] == "mit":
        words = words[:-1]  # "teilte die Polizei mit": German's verb particle, not the name's
    if len(words) >= 3 and _present_verb(words[-1], words[-2]):
        words = words[:-1]  # "Dorothy Jacks disagrees, saying ...": the name, not its verb
    if not words or len(words) > max_words:
        return None
    name = " ".join(words).strip(" '\"“”‘’")
    if not name or any(map(str.isdigit, name)):
        return None
    low = name.lower()
    if low in sw.PRONOUNS:
        return low
    heads = {w.lower().removesuffix("'s").removesuffix("’s") for w in words}
    if words[0].lower() in sw.PRONOUNS or low in sw.NOT_SOURCES:
        return None
    if heads & sw.SOURCE_HEADS or sw.DOMAIN.fullmatch(low):
        return name
    # A name ("Hamas", "Ashraf al-Qedra"), or a noun phrase holding one ("the Alarm Phone
    # hotline"); a capital only at the front may be the sentence's ("Measles cases").
    if any(ch.isupper() for ch in words[-1]) or any(w[:1].isupper() for w in words[1:]):
        return None if words[0].lower() in sw.NOT_SOURCES else name
    return None


_TO_CLAUSE_END = rx.compile(r"[^.;!?\n,“”\"]*")


def rest_is_adjunct(text: str, pos: int) -> bool:
    """Whether what follows a verb up to the clause's end is only time or manner ("said on
    Monday.", "wrote on Telegram,"): then the phrase closes a report rather than opens one."""
    piece = _TO_CLAUSE_END.match(text[pos : pos + 100])
    rest = piece.group() if piece else ""
    if any(map(str.isdigit, rest)):
        return False
    words = rest.split()
    return len(words) <= 6 and "that" not in words and "dass" not in words


def _comma_segments(text: str, lo: int, hi: int) -> list[tuple[int, int]]:
    """[lo, hi) cut at commas, as (start, end) pieces, last one last."""
    out: list[tuple[int, int]] = []
    cursor = lo
    comma = text.find(",", lo, hi)  # str.find, not a loop over the characters
    while comma >= 0:
        out.append((cursor, comma))
        cursor = comma + 1
        comma = text.find(",", cursor, hi)
    out.append((cursor, hi))
    return out


def _chunk_back(text: str, lo: int, hi: int) -> int:
    """Where the subject ending at `hi` starts: after the last stop or verb-like word.
    "-ed by" stays inside it ("a statement shared by the UN", "economists surveyed by")."""
    stop = lo
    for m in sw.HARD_STOP.finditer(text, lo, hi):
        stop = m.end()
    tokens = list(sw.TOKEN.finditer(text, stop, hi))
    start = hi
    i = len(tokens) - 1
    following = ""
    while i >= 0:
        word = tokens[i].group()
        prev = tokens[i - 1].group() if i > 0 else ""
        if (word == "by" and (prev.endswith("ed") or prev.lower() in sw.SOURCE_HEADS)) or (
            word == "with" and prev.lower() == "familiar"  # "people familiar with the talks"
        ):
            start, i = tokens[i - 1].start(), i - 2
            continue
        if is_verb_like(word) or (_is_ing(word) and following.lower() not in sw.SOURCE_HEADS):
            break
        # "the count the Pentagon published": a second article after a noun opens the
        # subject of a clause of its own ("head of the ministry" keeps its article).
        if word.lower() in ("the", "a", "an") and prev[:1].islower() and prev not in _LINKS:
            return tokens[i].start()
        start, i, following = tokens[i].start(), i - 1, word
    return start


_LINKS = frozenset("of for in at from on by with to and or & de del des du la".split())


def _trim_before_verb(text: str, lo: int, hi: int) -> int:
    """Move `hi` back over auxiliaries, adverbs, time words and a "(IOM)" bracket."""
    while True:
        end = lo + len(text[lo:hi].rstrip())
        cut = text.rfind(" ", lo, end) + 1 or lo
        last = text[cut:end].lower()
        adverb = last.endswith("ly") and len(last) > 4 and text[cut : cut + 1].islower()
        tail_lo = max(lo, end - 100)
        if last.endswith(")") and (b := sw.BRACKET_END.search(text, tail_lo, end)):
            hi = b.start()
        elif last in sw.TIME_ENDINGS and (t := sw.TRAILING_TIME.search(text[tail_lo:end])):
            hi = tail_lo + t.start()
            if last in sw.AUX_ADVERBS and hi == tail_lo:
                hi = cut
        elif last in sw.AUX_ADVERBS or adverb:
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
        before = text[max(lo, start - 14) : start].split()
        if before and before[-1].lower() in sw.PREPOSITION_BREAKS:
            return None
        if text[start:hi].split()[-1].lower() in ("and", "or", "but", "then"):
            return None  # "X made landfall and claimed 256 lives": a second verb
        name = clean(text[start:hi])
        if not name:
            return None
        # The span starts at the name's first word ("and survivors say" -> "survivors").
        at = text.find(name.split()[0], start, hi)
        return (at if at >= 0 else start), hi, name
    relative = text[max(lo, hi - 6) : hi].split()
    if relative and relative[-1].lower() in ("that", "which", "who"):
        # "US estimates that put the number at": the noun the relative clause is about.
        r_end = hi - len(relative[-1]) - 1
        r_start = _chunk_back(text, lo, r_end)
        name = clean(text[r_start:r_end]) if r_start < r_end else None
        if name and {w.lower() for w in name.split()} & sw.SOURCE_HEADS:
            at = text.find(name.split()[0], r_start, r_end)
            return (at if at >= 0 else r_start), hi, name
        return None
    # ", said": the subject sits before asides (an apposition, a relative clause, an
    # age, a "from Cornwall", the state of "Orlando, Florida").
    if not text[lo:hi].rstrip().endswith(","):
        return None
    segs = _comma_segments(text, lo, hi)[:-1]
    role: tuple[int, int, str] | None = None
    for i in range(len(segs) - 1, max(len(segs) - 5, 0), -1):
        s_start, s_end = segs[i]
        aside = _aside(text, segs, i)
        if aside is None:
            break
        if aside in ("role", "short", "description") and role is None:
            name = clean(text[s_start:s_end])
            role = (s_start, s_end, name) if name and name not in sw.PRONOUNS else None
        s_start, s_end = segs[i - 1]
        a_lo = _chunk_back(text, s_start, s_end)
        name = clean(text[a_lo:s_end])
        if (
            name
            and name not in sw.PRONOUNS
            and _aside(text, segs, i - 1) in (None, "short", "role")
        ):
            at = text.find(name.split()[0], a_lo, s_end)
            return (at if at >= 0 else a_lo), s_end, name
    return role


def _aside(text: str, segs: list[tuple[int, int]], i: int) -> str | None:
    """What kind of aside the comma piece `i` is, or None when it may be the subject."""
    words = text[segs[i][0] : segs[i][1]].split()
    if not words or len(words) > 14:
        return "long" if words else "empty"
    first = words[0].lower()
    content = [w.lower() for w in words if w.lower() not in sw.LEADING_NOISE]
    if first in sw.RELATIVE or (words[0][0].islower() and first.endswith(("ing", "ed"))):
        return "relative"
    if first in sw.ASIDE_PREPOSITIONS or all(w.isdigit() for w in words):
        return "detail"
    if first in ("a", "an"):
        return "description"  # "Jon Park, a volunteer at the shelter, said"
    if content and content[0] in sw.ROLE_WORDS:
        return "role"
    if first == "the" and any(w in sw.ROLE_WORDS for w in content[:3]):
        return "role"  # "Ana Ruiz, the health minister in the eastern government, said"
    if first == "the" and len(words) <= 4:
        return "short"  # "Ukraine's spy agency, the GUR, said": an aside, or the subject
    if len(words) == 1 and words[0].isupper() and len(words[0]) >= 2 and i > 0:
        return "short"  # "The UN refugee agency, UNHCR, said": its short form
    before = text[segs[i - 1][0] : segs[i - 1][1]].split() if i > 0 else []
    if (
        len(words) <= 2
        and all(w[:1].isupper() for w in words)
        and before
        and before[-1][:1].isupper()
    ):
        return "place"  # "in Orlando, Florida,"
    return None


def _issuer_link(tokens: list[re.Match[str]], i: int) -> bool:
    """Is token i the "by" (or "issued", "made") that ties a document to its issuer?"""
    word = tokens[i].group().lower()
    prev = tokens[i - 1].group().lower() if i > 0 else ""
    if word in sw.ISSUED:
        following = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
        return prev in sw.DOCUMENT_HEADS and following in ("by", "from")
    if word not in ("by", "from"):
        return False
    before = tokens[i - 2].group().lower() if i > 1 else ""
    return prev in sw.DOCUMENT_HEADS or (prev in sw.ISSUED and before in sw.DOCUMENT_HEADS)


def name_after(span: str, max_words: int = 14) -> str | None:
    """The name in "according to X ...": cut where a new clause starts."""
    span = sw.EVIDENCE_FROM.sub("", span.strip())
    end = len(span)
    tokens = list(sw.TOKEN.finditer(span))
    for i, m in enumerate(tokens):
        word = m.group()
        following = tokens[i + 1].group().lower() if i + 1 < len(tokens) else ""
        if word == "as" and i > 0 and tokens[i - 1].group() in ("known", "such"):
            continue  # "volunteers known as the White Helmets"
        if _issuer_link(tokens, i):
            continue  # "a statement (issued) by the interior ministry": who issued it
        if (
            (word in ("as", "to", "on") and m.start() > 0)
            or is_verb_like(word)
            # "a report revealing"; not a modifier after an article ("the tracking site")
            or (
                _is_ing(word) and following not in sw.SOURCE_HEADS and not _after_article(tokens, i)
            )
            or any(ch.isdigit() for ch in word)  # "laut dem Ministerium wurden 120 ..."
            or (word.lower() in sw.MONTHS and following[:1].isdigit())  # "News January 17"
        ):
            end = m.start()
            if word[:1].isdigit():  # "nach Angaben eines Sprechers mehr als 200": not his
                # (imported here: modifiers reads windows, whose scans import this module)
                from tui.core.claims.modifiers import modifier_before

                end = modifier_before(span.lower(), end)
            break
    return clean(span[:end], max_words)


def _after_article(tokens: list[re.Match[str]], i: int) -> bool:
    return i > 0 and tokens[i - 1].group().lower() in ("the", "a", "an")


def name_inverted(text: str, pos: int) -> tuple[str, int] | None:
    """The name after an inverted verb: '"...," said a police source in the area.'"""
    m = re.match(
        rf"\s+(?:(?:on\s+)?(?:{sw.WEEKDAYS}|mardi|lundi|mercredi|jeudi|vendredi|samedi|dimanche)"
        r"\s+)?([^,.;:!?()\n\"“”]{2,80})",
        text[pos:],
        re.IGNORECASE,
    )
    if not m:
        return None
    name = name_after(re.sub(r"^by\s+", "", m.group(1)), 8)
    return (name, pos + m.end()) if name and name not in sw.PRONOUNS else None


def leading_subject(text: str, body: int) -> tuple[int, int, str] | None:
    """The subject that opens the sentence, after a dateline, a "Gaza (Agencies):" prefix
    or a fronted phrase ("In a statement on Monday, the ministry ...")."""
    start = body
    prefix = sw.COLON_PREFIX.match(text, start)
    if prefix:
        start = prefix.end()
    first = sw.TOKEN.match(text, start)
    if first and first.group().lower() in sw.FRONTED:
        comma = text.find(",", start, start + 120)
        if comma < 0:
            return None
        start = comma + 1
    end = start
    for m in sw.TOKEN.finditer(text, start, min(len(text), start + 120)):
        if is_verb_like(m.group()) or sw.HARD_STOP.search(text, end, m.start()):
            break
        end = m.end()
    name = clean(text[start:end])
    if name is None or name in sw.PRONOUNS:
        return None
    return start + len(text[start:end]) - len(text[start:end].lstrip()), end, name


def is_person(name: str) -> bool:
    """A person's name, maybe with a title ("Frank Matranga", "Gov. Ron DeSantis",
    "Health Minister Muhammad Biyad Allah"), not a body ("FEMA", "Interior Ministry")."""
    words = name.split()
    if len(words) < 2 or not words[-1][:1].isupper():
        return False
    return not any(w.lower().strip(".,'’s") in sw.ORG_WORDS for w in words) and not any(
        w.isupper() and len(w) > 1 for w in words[-1:]
    )
