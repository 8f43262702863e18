"""Compiling the extractor's regular expressions, with their compiled programs kept
between runs: every pattern of ``tui.core.claims`` fixed by the code goes through
``rx.compile``, which has ``re.compile``'s signature and result.

Python turns a pattern into the regex engine's program in pure Python (``re._parser``,
``re._compiler``): for the extractor's ~340 patterns that took ~0.2 s of every start of
`storywatch extract`, more than half of it. The program is a list of integers handed to
``_sre.compile``; this module saves the programs it made in one file in the user cache
dir (beside the gazetteer's index), and the next process hands them to ``_sre.compile``
directly: ~7 ms for all of them, the file read included.

Safe by construction, and any doubt means ``re.compile`` as if there were no cache:
- the file's name and content carry the interpreter's build (``sys.version``, the
  engine's ``MAGIC`` and limits, the sizes and times of the ``re`` package's files):
  another Python reads and writes another file;
- the content carries a checksum of itself: a corrupt or truncated file is ignored, and
  replaced when the process ends;
- a program is saved only when ``_sre.compile`` of it equals what ``re.compile`` built
  (a pattern's equality compares its flags and its whole program);
- written atomically, at the end of a process that compiled something the file lacked;
  an unwritable directory only means compiling again next time.
Patterns built from data (a report's synonyms, the user's place names) stay with
``re.compile``: they would fill the file with programs no other run asks for.
"""

from __future__ import annotations

import atexit
import contextlib
import importlib
import marshal
import re
import sys
import zlib
from collections.abc import Callable
from pathlib import Path
from typing import Any

from tui.core.claims.cache_files import cache_dir, write_atomic

_MAGIC = b"storywatch compiled patterns 3\n"
# Then the CRC-32 of the rest (4 bytes, big-endian): a check against a damaged file, not
# an attacker (who could write the cache dir could as well write the code).
_CHECK = 4
# A bound on the file (read at every start): this process's programs are kept first,
# then the file's others (an edited pattern leaves its old program behind) up to this.
MAX_PROGRAMS = 600  # about twice what the extractor compiles
MAX_TEXTS = 100  # patterns rewritten before compiling (see `derived`)
# The flags whose compiled program depends on more than the pattern (or that print).
_NOT_CACHED = re.DEBUG | re.LOCALE

# (flags, code, groups, groupindex, indexgroup): _sre.compile's arguments after the pattern
Program = tuple[int, list[int], int, dict[str, int], tuple[str | None, ...]]
Programs_ = dict[tuple[str, int], Program]
Texts = dict[tuple[str, str, int], str]  # (tag, pattern, flags) -> what `make` made of it


def _engine() -> tuple[Any, Any, Any]:
    """The standard library's private compiler modules (no stubs: Any)."""
    names = ("_sre", "re._parser", "re._compiler")
    sre, parser, compiler = (importlib.import_module(name) for name in names)
    return sre, parser, compiler


_sre, _parser, _compiler = _engine()


def build_key() -> str:
    """What the programs depend on besides the pattern: the interpreter and its re
    package (a patched build of the same version has other file sizes or times)."""
    parts = [
        sys.version,
        sys.implementation.cache_tag or "",
        f"magic {_sre.MAGIC} codesize {_sre.CODESIZE} maxrepeat {_sre.MAXREPEAT}",
        f"maxgroups {_sre.MAXGROUPS} maxunicode {sys.maxunicode} marshal {marshal.version}",
    ]
    package = Path(re.__file__).parent
    for name in ("__init__.py", "_parser.py", "_compiler.py", "_constants.py", "_casefix.py"):
        st = (package / name).stat()
        parts.append(f"{name} {st.st_size} {st.st_mtime_ns}")
    return "\n".join(parts)


class Programs:
    """The compiled programs of one cache file, and the ones this process made."""

    def __init__(self, path: Path | None = None) -> None:
        self._path = path  # None: found in the cache dir on first use
        self._loaded: Programs_ | None = None
        self._used: Programs_ = {}  # this process's, in order of use
        self._texts: Texts = {}
        self._used_texts: Texts = {}
        self._new = False
        self._saving = False
        self._build: str | None = None

    def compile(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        key = (pattern, int(flags))
        known = self._loaded if self._loaded is not None else self._load()
        program = known.get(key)
        if program is not None:
            try:
                compiled: re.Pattern[str] = _sre.compile(pattern, *program)
            except Exception:  # any surprise in the file: compiled as if it were not there
                pass
            else:
                self._used[key] = program
                return compiled
        compiled = re.compile(pattern, flags)
        if len(self._used) < MAX_PROGRAMS and not key[1] & _NOT_CACHED:
            self._record(key, compiled)
        return compiled

    def _record(self, key: tuple[str, int], compiled: re.Pattern[str]) -> None:
        """Keep the program of `compiled`, made again the way ``re._compiler.compile``
        makes it, when it is exactly that (the compiler's internals are not an API)."""
        pattern, flags = key
        try:
            parsed = _parser.parse(pattern, flags)
            code = [int(op) for op in _compiler._code(parsed, flags)]
            groupindex = {str(k): int(v) for k, v in parsed.state.groupdict.items()}
            names: list[str | None] = [None] * parsed.state.groups
            for name, index in groupindex.items():
                names[index] = name
            program: Program = (
                int(flags | parsed.state.flags),
                code,
                int(parsed.state.groups) - 1,
                groupindex,
                tuple(names),
            )
            again = _sre.compile(pattern, *program)
        except Exception:  # not how this Python compiles: that pattern is not cached
            return
        same = again == compiled and again.groupindex == compiled.groupindex
        if not same or again.groups != compiled.groups:
            return
        self._used[key] = program
        self._changed()

    def _changed(self) -> None:
        if not self._new:
            self._new = True
            atexit.register(self.save)

    def derived(self, tag: str, pattern: str, flags: int, make: Callable[[str, int], str]) -> str:
        """``make(pattern, flags)``, kept in the file under `tag`, which names `make` and
        must change whenever its result may (a digest of its module's source)."""
        key = (tag, pattern, int(flags))
        if self._loaded is None:
            self._load()
        text = self._texts.get(key)
        if not isinstance(text, str):
            text = make(pattern, flags)
            if len(self._used_texts) < MAX_TEXTS:
                self._changed()
        if len(self._used_texts) < MAX_TEXTS:
            self._used_texts[key] = text
        return text

    def build(self) -> str:
        if self._build is None:
            self._build = build_key()
        return self._build

    def path(self) -> Path:
        if self._path is None:
            # The format is in the name too: two versions of storywatch on one machine
            # (a tool install and a project venv) must not replace each other's file.
            name = f"{zlib.crc32(_MAGIC + self.build().encode()):08x}"
            self._path = cache_dir() / f"regex-{name}.marshal"
        return self._path

    def _load(self) -> Programs_:
        self._loaded = {}
        try:
            data = self.path().read_bytes()
            self._loaded, self._texts = read(data, self.build())
        except OSError:
            pass
        return self._loaded

    def save(self) -> None:
        """Write the file when this process compiled a pattern it lacked (at exit)."""
        if not self._new or self._saving:
            return
        self._saving = True
        programs = dict(self._used)
        for key, program in (self._loaded or {}).items():
            if len(programs) >= MAX_PROGRAMS:
                break
            programs.setdefault(key, program)
        texts = dict(self._used_texts)
        for text_key, text in self._texts.items():
            if len(texts) >= MAX_TEXTS:
                break
            texts.setdefault(text_key, text)
        with contextlib.suppress(OSError, ValueError):  # no stat, or a value marshal refuses
            data = dump(programs, self.build(), texts)
            write_atomic(self.path(), data, family="regex-*")
        self._new = False
        self._saving = False


def dump(programs: Programs_, build: str, texts: Texts | None = None) -> bytes:
    body = marshal.dumps((build, programs, texts or {}))
    return _MAGIC + zlib.crc32(body).to_bytes(_CHECK, "big") + body


def read(data: bytes, build: str) -> tuple[Programs_, Texts]:
    """The programs and texts of a file's `data`, or none when it is not whole, not ours,
    or of another build. (Each program is checked again by ``_sre.compile`` when used.)"""
    head = len(_MAGIC) + _CHECK
    if not data.startswith(_MAGIC) or len(data) <= head:
        return {}, {}
    body = memoryview(data)[head:]  # not a copy of the whole file
    if zlib.crc32(body) != int.from_bytes(data[len(_MAGIC) : head], "big"):
        return {}, {}
    try:
        content = marshal.loads(body)
    except (ValueError, EOFError, TypeError):
        return {}, {}
    if not (isinstance(content, tuple) and len(content) == 3 and content[0] == build):
        return {}, {}
    programs, texts = content[1], content[2]
    if not (isinstance(programs, dict) and isinstance(texts, dict)):
        return {}, {}
    return programs, texts


_PROGRAMS = Programs()


def compile(pattern: str, flags: int = 0) -> re.Pattern[str]:  # re's name, on purpose
    """``re.compile(pattern, flags)``, from the saved program when there is one."""
    return _PROGRAMS.compile(pattern, flags)


def derived(tag: str, pattern: str, flags: int, make: Callable[[str, int], str]) -> str:
    """``make(pattern, flags)`` for a pattern rewritten before it is compiled, kept in
    the same file: `tag` must change whenever `make`'s result may (see
    ``regex_speed.compile_guarded``, whose rewriting parses the whole pattern)."""
    return _PROGRAMS.derived(tag, pattern, flags, make)
