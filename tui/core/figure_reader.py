"""Reading a report's figures: the extractor with the user's words, and a memo of texts.

Shared by the poller's own threads (`analyse`) and the figure worker process
(`figure_worker`), so both read a text the same way and give the same claims. Imports
only the models up front: the extractor is loaded on first use.
"""

from __future__ import annotations

import threading
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime

from tui.core.models import Claim, Report


def report_text(report: Report) -> str:
    """The text figures are extracted from, and that claim offsets point into."""
    return f"{report.title}\n\n{report.text}" if report.text else report.title


@dataclass(frozen=True, slots=True)
class FigureWords:
    """The user's ``[[figures]]`` words the extractor is given (see ``FigureNamer``):
    thing synonyms (in the config's order, as the extractor is given them), places and
    actors. Picklable, and its own cache key."""

    synonyms: tuple[tuple[str, str], ...] = ()
    places: tuple[str, ...] = ()
    actors: tuple[str, ...] = ()

    @classmethod
    def of(
        cls, synonyms: Mapping[str, str], places: Sequence[str] = (), actors: Sequence[str] = ()
    ) -> FigureWords:
        return cls(tuple(synonyms.items()), tuple(places), tuple(actors))


# One text published at one moment gives the same claims: a wire story that several feeds
# of one poll carry word for word is read once. Claims are frozen, so the copies share
# them. Bounded: texts seen long ago are not kept.
_RECENT_LIMIT = 512


@dataclass
class _Memo:
    claims: dict[tuple[object, ...], tuple[Claim, ...]] = field(default_factory=dict)
    lock: threading.Lock = field(default_factory=threading.Lock)  # several threads read


_recent = _Memo()


class FigureReader:
    """The extractor with one set of the user's words, imported on first use (a poll whose
    new reports are all off the story, or all already stored, never loads it)."""

    def __init__(self, words: FigureWords) -> None:
        from tui.core.claims.extract import extract_claims
        from tui.core.claims.figures import extract_words

        self._extract = extract_claims
        self._words = extract_words(dict(words.synonyms), words.places, words.actors)
        self._key = words

    def of(self, text: str, published: datetime | None) -> tuple[Claim, ...]:
        memo = (text, published, self._key)
        with _recent.lock:
            claims = _recent.claims.get(memo)
        if claims is None:
            claims = tuple(self._extract(text, published=published, **self._words))  # type: ignore[arg-type]
            with _recent.lock:
                if len(_recent.claims) >= _RECENT_LIMIT:
                    # the oldest: dicts keep insertion order
                    del _recent.claims[next(iter(_recent.claims))]
                _recent.claims[memo] = claims
        return claims

    def of_report(self, report: Report) -> tuple[Claim, ...]:
        return self.of(report_text(report), report.published)


_readers: dict[FigureWords, FigureReader] = {}
_readers_lock = threading.Lock()


def reader_for(words: FigureWords) -> FigureReader:
    """One reader per set of words, kept (building the words' tables is not free)."""
    with _readers_lock:
        reader = _readers.get(words)
        if reader is None:
            if len(_readers) >= 4:  # a config reloaded many times: keep the newest few
                del _readers[next(iter(_readers))]
            reader = _readers[words] = FigureReader(words)
        return reader
