"""Is this a new revision of a stored item? One pure answer, decided once per poll.

`analyse` asks it against the stored key the poll was given; the writer
(`store.poll_writer`) takes that answer, and asks again only when the stored key changed
in between (another writer) or was made by an older scheme.

A revision is an edit a reader would see. Feeds re-serialise unchanged articles all the
time: other markup or spacing, a fresh tracking parameter on every link, a share or
comment counter that ticks up. None of that is a revision, so none of it is in the
*revision key*, the fingerprint a version is stored and compared by.

Keys carry a scheme prefix. A key stored under an older scheme (or none, as before
this module) cannot be compared with a current one; `is_current` tells the writer to
recompute the stored version's key from its stored text first.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from urllib.parse import parse_qsl, urlencode, urlsplit, urlunsplit

SCHEME = "r2:"

# Query parameters that identify the reader or the campaign, never the article.
_TRACKING_NAMES = frozenset(
    "fbclid gclid dclid msclkid mc_cid mc_eid igshid yclid _hsenc _hsmi mkt_tok "
    "traffic_source ref_src ocid cmpid cmp smid sr_share ito src_campaign "
    "ns_mchannel ns_source ns_campaign ns_linkname ns_fee".split()
)
_TRACKING_PREFIXES = ("utm_", "at_", "ns_", "mc_", "pk_", "piwik_", "matomo_")
_URL = re.compile(r"https?://[^\s<>\"')\]]+", re.IGNORECASE)
# Engagement counters a page template renders into the text and re-renders on every fetch.
_COUNTED_WORDS = (
    "shares? comments? likes? views? retweets? reactions? "
    "kommentare? commentaires? comentários? comentarios? partages? aufrufe"
).split()
_COUNTED = "|".join(_COUNTED_WORDS)
_NUMBER = r"\d[\d,.\u00a0\u202f ]*[kKmM]?"
_COUNTER = re.compile(
    rf"(?:\b{_NUMBER}\s*(?:{_COUNTED})\b)|(?:\b(?:{_COUNTED})\s*[:(\[]?\s*{_NUMBER}[)\]]?)",
    re.IGNORECASE,
)


def _reversed_word(word: str) -> str:
    """A counted word's pattern spelled backwards ("shares?" -> "s?erahs")."""
    if word.endswith("?"):
        return word[-2] + "?" + word[-3::-1]
    return word[::-1]


# `_COUNTER` tries every position of a text (a pattern that opens with a cased letter
# gives the regex engine nothing to skip ahead to): it was a third of a revision key's
# cost. Every counter holds a digit beside a counted word, with only spaces, number
# characters and one bracket between them, so two looser patterns that open with a digit
# (the engine jumps from digit to digit) find every text that can hold one: "12 shares"
# on the text, "Comments (12)" on the text reversed. Each tries only the digit that can
# touch the word (the first of a run; in the reversed text, the last) and never gives
# back what its runs took (`*+`): nothing it gives back could start the word. Only texts
# they find meet `_COUNTER` itself, so the key is unchanged.
_COUNTER_NUMBER_FIRST = re.compile(
    rf"\d(?<!\d\d)[\d,.\u00a0\u202f ]*+[kKmM]?\s*+(?:{_COUNTED})", re.IGNORECASE
)
_COUNTER_WORD_FIRST_REVERSED = re.compile(
    rf"\d(?!\d)\s*+[:(\[]?\s*+(?:{'|'.join(map(_reversed_word, _COUNTED_WORDS))})",
    re.IGNORECASE,
)


def _strip_counters(body: str) -> str:
    if _COUNTER_NUMBER_FIRST.search(body) or _COUNTER_WORD_FIRST_REVERSED.search(body[::-1]):
        return _COUNTER.sub("#", body)
    return body


# Invisible characters templates sprinkle in (zero-width spaces, soft hyphens, BOM).
_INVISIBLE = re.compile("[\u00ad\u200b-\u200d\u2060\ufeff]")


def is_tracking_parameter(name: str) -> bool:
    lowered = name.lower()
    return lowered in _TRACKING_NAMES or lowered.startswith(_TRACKING_PREFIXES)


def canonical_link(link: str | None) -> str | None:
    """The link without tracking parameters or a fragment: the article it points to."""
    if not link:
        return None
    try:
        parts = urlsplit(link.strip())
    except ValueError:
        return link.strip()
    kept = [(k, v) for k, v in parse_qsl(parts.query, keep_blank_values=True)]
    query = urlencode([(k, v) for k, v in kept if not is_tracking_parameter(k)])
    return urlunsplit((parts.scheme.lower(), parts.netloc.lower(), parts.path, query, ""))


def _comparable(title: str, text: str) -> str:
    """What a reader would see, with the noise above taken out and whitespace folded."""
    body = unicodedata.normalize("NFC", f"{title}\n{text}")
    body = _INVISIBLE.sub("", body)
    if "://" in body:  # every URL has it; most texts have none
        body = _URL.sub(lambda m: canonical_link(m.group()) or "", body)
    body = _strip_counters(body)
    # Paragraph and line breaks come from markup: a re-wrapped article is the same article.
    # (split() splits on exactly what `\s` matches, and is a third of the cost.)
    return " ".join(body.split())


def revision_key(title: str, text: str) -> str:
    """The fingerprint of one version: equal keys mean no edit a reader would notice."""
    digest = hashlib.sha256(_comparable(title, text).encode("utf-8", "surrogatepass"))
    return SCHEME + digest.hexdigest()


def is_current(key: str) -> bool:
    """Was `key` made by this scheme (else recompute it from the stored text)?"""
    return key.startswith(SCHEME)


def is_new_revision(stored_key: str | None, seen_key: str) -> bool:
    """Is the version seen now a new revision of the stored one?

    No stored version means a new item, not a revision. Both keys must be current
    (`is_current`): an old-scheme key would make every unchanged item look edited.
    """
    return stored_key is not None and stored_key != seen_key
