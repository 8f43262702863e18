"""Storage has one home: no module outside `tui/core/store/` runs SQL itself.

Everything else asks a function of the store package (a reader, the writer of a poll),
so a change to the schema is a change to one package.
"""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

import tui

ROOT = Path(tui.__file__).parent
STORE = ROOT / "core" / "store"
# The calls that run SQL on a connection or a `Store`, and the connection itself.
SQL_CALLS = frozenset({"execute", "executemany", "executescript"})


def _sql_uses(path: Path) -> list[str]:
    """Where `path` runs SQL: `x.execute(...)`, `store.query("SELECT ...")`, `x.conn`."""
    found = []
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Attribute) and node.attr == "conn":
            found.append(f"{path.name}:{node.lineno}: .conn")
        if not (isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute)):
            continue
        name = node.func.attr
        first = node.args[0] if node.args else None
        is_sql_text = isinstance(first, ast.Constant | ast.JoinedStr) and (
            "SELECT" in ast.unparse(first).upper()
        )
        if name in SQL_CALLS or (name == "query" and is_sql_text):
            found.append(f"{path.name}:{node.lineno}: .{name}(...)")
    return found


def test_no_sql_outside_the_store_package() -> None:
    outside = [p for p in ROOT.rglob("*.py") if STORE not in p.parents]
    assert len(outside) > 50  # the walk found the package
    uses = [use for path in outside for use in _sql_uses(path)]
    assert uses == []


@pytest.mark.parametrize(
    ("source", "caught"),
    [
        ('db.execute("DELETE FROM claims")', True),  # a write on a connection
        ('store.query("SELECT id FROM feeds")', True),  # a read through a Store
        ('rows = store.conn.execute("SELECT 1")', True),
        ('self.query(".figure-title")', False),  # a Textual DOM query, not SQL
        ("pool.submit(job)", False),
    ],
)
def test_the_check_sees_sql(tmp_path: Path, source: str, caught: bool) -> None:
    module = tmp_path / "m.py"
    module.write_text(source + "\n", encoding="utf-8")
    assert bool(_sql_uses(module)) is caught
