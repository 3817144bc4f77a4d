"""Import direction: the core never imports Streamlit, and stories never imports moderation."""

from __future__ import annotations

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[1]


def _imports(path: Path) -> set[str]:
    tree = ast.parse(path.read_text())
    names = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Import):
            names.update(a.name.split(".")[0] for a in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module.split(".")[0])
    return names


CORE = sorted(p for pkg in ("stories", "moderation") for p in (ROOT / pkg).rglob("*.py"))


@pytest.mark.parametrize("path", CORE, ids=lambda p: str(p.relative_to(ROOT)))
def test_core_never_imports_streamlit(path):
    assert "streamlit" not in _imports(path)


@pytest.mark.parametrize(
    "path",
    [p for p in CORE if p.parts[-2] != "moderation" and p.name != "__main__.py"
     and "moderation" not in p.relative_to(ROOT).parts],
    ids=lambda p: str(p.relative_to(ROOT)),
)
def test_stories_never_imports_moderation_or_the_cli(path):
    assert not {"moderation", "cli", "app_pages"} & _imports(path)
