"""The figure extractor: numbers in news text, with what they count, where, whose, per whom.

Headless and pure (no Textual, no I/O). ``extract_claims(text, published=...)`` returns
``Claim`` records (see ``tui.core.models``) with offsets into the caller's text.

Speed: one compiled regex pass per number pattern over the whole text, then context is
read only around the numbers found, in windows of bounded width; sentences come from a
regex splitter rather than pysbd (pysbd measured ~500 sentences/s here; see
``sentences.py``). Nothing is compiled at import time.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from tui.core.claims.extract import extract_claims
    from tui.core.claims.figures import FigureNamer, claim_to_dict
    from tui.core.claims.sentences import strip_boilerplate

__all__ = ["FigureNamer", "claim_to_dict", "extract_claims", "strip_boilerplate"]

# Imported when first asked for: a poll whose feeds all answer 304, and the dashboard's
# start, need the namer at most, never the extractor's modules (a fifth of a start-up).
_HOMES = {
    "extract_claims": "tui.core.claims.extract",
    "FigureNamer": "tui.core.claims.figures",
    "claim_to_dict": "tui.core.claims.figures",
    "strip_boilerplate": "tui.core.claims.sentences",
}


def __getattr__(name: str) -> Any:
    home = _HOMES.get(name)
    if home is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(home), name)
    globals()[name] = value
    return value
