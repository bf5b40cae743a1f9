"""Every text key the code names exists in the catalogs.

A key is only looked up when its message is sent, so a typo in a rarely sent message (a refusal, a
review's corner case) would otherwise surface as a KeyError in front of a user. This reads the code
instead: every string literal shaped like a catalog key (`namespace.name`, in a namespace the
catalogs use), every `usage=` name, and the fixed start of every key built with an f-string.
"""

from __future__ import annotations

import ast
import re
from collections.abc import Iterator
from pathlib import Path

import pytest

from bot.texts import CATALOGS

BOT = Path(__file__).resolve().parents[2] / "bot"
KEYS = set(CATALOGS["en"])
NAMESPACES = {key.split(".", 1)[0] for key in KEYS}
KEY_SHAPE = re.compile(r"^[a-z_]+\.[a-z0-9_]+$")
FILE_NAMES = re.compile(r"\.(png|jpg|json|csv|zip|sql|txt)$")  # `chart.png` is not a key


def sources() -> list[Path]:
    return sorted(p for p in BOT.rglob("*.py") if "texts" not in p.relative_to(BOT).parts)


def literal_keys(tree: ast.AST) -> Iterator[str]:
    # The fixed parts of an f-string are constants too; key_prefixes reads those.
    inside_fstrings = {
        id(part)
        for node in ast.walk(tree)
        if isinstance(node, ast.JoinedStr)
        for part in node.values
    }
    for node in ast.walk(tree):
        if (
            id(node) not in inside_fstrings
            and isinstance(node, ast.Constant)
            and isinstance(node.value, str)
            and KEY_SHAPE.match(node.value)
            and not FILE_NAMES.search(node.value)
            and node.value.split(".", 1)[0] in NAMESPACES
        ):
            yield node.value


def usage_names(tree: ast.AST) -> Iterator[str]:
    for node in ast.walk(tree):
        if isinstance(node, ast.keyword) and node.arg == "usage":
            value = node.value
            if isinstance(value, ast.Constant) and isinstance(value.value, str):
                yield value.value


def key_prefixes(tree: ast.AST) -> Iterator[str]:
    """The literal start of f-string keys: `f"usage.{name}"` → `usage.`."""
    for node in ast.walk(tree):
        if isinstance(node, ast.JoinedStr) and node.values:
            first = node.values[0]
            if isinstance(first, ast.Constant) and isinstance(first.value, str):
                start = first.value
                if "." in start and start.split(".", 1)[0] in NAMESPACES and " " not in start:
                    yield start


@pytest.mark.parametrize("path", sources(), ids=lambda p: str(p.relative_to(BOT)))
def test_every_key_named_in_the_code_exists(path: Path) -> None:
    tree = ast.parse(path.read_text(encoding="utf-8"))
    missing = {key for key in literal_keys(tree) if key not in KEYS}
    missing |= {f"usage.{name}" for name in usage_names(tree) if f"usage.{name}" not in KEYS}
    missing |= {
        f"{prefix}…" for prefix in key_prefixes(tree) if not any(k.startswith(prefix) for k in KEYS)
    }
    assert not missing, f"{path.name} names text keys the catalogs lack: {sorted(missing)}"


def test_the_scan_finds_keys() -> None:
    """The scan itself works: it sees keys in a handler and a refusal."""
    tree = ast.parse('InputError("error.nope", usage="nothing")\nt(lang, f"zzz.{x}")\n')
    assert list(literal_keys(tree)) == ["error.nope"]
    assert list(usage_names(tree)) == ["nothing"]
    found = sum(len(list(literal_keys(ast.parse(p.read_text())))) for p in sources())
    assert found > 300
