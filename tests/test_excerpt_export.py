"""The communications team's file and the excerpts CLI: only usable excerpts, escaped;
the list without the words."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from stories import patient
from stories.db import transaction
from stories.distribution.excerpt_export import FILE_NAME, write_export
from stories.distribution.patient import stop_channel
from stories.models import Excerpt
from stories.texthash import excerpt_hash
from tests import factories as f
from tests.excerpt_util import (
    QUOTE,
    ROOT,
    WRITTEN,
    approved_story,
    propose_excerpt,
    sign_excerpt,
    story_public_id,
)


def _exported(tmp_path: Path) -> str:
    with transaction() as s:
        path, _ = write_export(tmp_path / "out", session=s)
    assert path.name == FILE_NAME
    return path.read_text()


def test_the_export_holds_only_usable_excerpts(db_url, tmp_path):
    receipt, who = approved_story(use_excerpts=True)
    signed, waiting = propose_excerpt(receipt, who), propose_excerpt(receipt, who, WRITTEN)
    sign_excerpt(receipt, signed)
    text = _exported(tmp_path)
    assert f"## Excerpt {signed.id}" in text and signed.content_hash in text
    assert "physiotherapy helped" in text
    assert f"## Excerpt {waiting.id}" not in text and "Slowly" not in text
    assert [p.name for p in (tmp_path / "out").iterdir()] == [FILE_NAME]
    with transaction() as s:  # her consent stops covering excerpts: gone from the next file
        stop_channel(receipt.code, "excerpts", session=s)
    assert "physiotherapy helped" not in _exported(tmp_path)
    assert "No excerpt may be used today." in _exported(tmp_path)


def test_the_export_leaves_out_a_withdrawn_story_and_one_without_excerpt_consent(db_url, tmp_path):
    receipt, who = approved_story(use_excerpts=True)
    excerpt = propose_excerpt(receipt, who)
    sign_excerpt(receipt, excerpt)
    assert "physiotherapy helped" in _exported(tmp_path)
    with transaction() as s:
        patient.withdraw(receipt.code, session=s)
    assert "## Excerpt" not in _exported(tmp_path)
    # a signed-off excerpt of a story whose consent lacks excerpts
    other, _ = approved_story(use_excerpts=False, body=f.BODY + " Second.")
    with transaction() as s:
        s.add(Excerpt(story_id=other.story_id, text=QUOTE, content_hash=excerpt_hash(QUOTE),
                      revision_hash=f.current_hash(other.story_id), status="signed off"))
    assert "## Excerpt" not in _exported(tmp_path)


def test_the_export_escapes_markup_in_the_words(db_url, tmp_path):
    receipt, who = approved_story(use_excerpts=True)
    hostile = "It helped <script>alert(1)</script> and [a link](http://x.test) {{ site }}"
    excerpt = propose_excerpt(receipt, who, hostile, checked=True)
    sign_excerpt(receipt, excerpt)
    text = _exported(tmp_path)
    assert "<script" not in text and "&lt;script&gt;" in text
    assert "\\[a link\\](http&#58;//x.test)" in text and "{{" not in text


def _cli(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, "-m", "stories", "excerpts", *args], cwd=ROOT,
                          capture_output=True, text=True, timeout=120, check=False)


def test_the_cli_lists_excerpts_without_their_words_and_exports_the_usable_ones(db_url, tmp_path):
    assert "no excerpts" in _cli("list").stdout
    receipt, who = approved_story(use_excerpts=True)
    signed, waiting = propose_excerpt(receipt, who), propose_excerpt(receipt, who, WRITTEN)
    sign_excerpt(receipt, signed)
    listed = _cli("list")
    assert listed.returncode == 0, listed.stderr
    public_id = story_public_id(receipt.story_id)
    assert f"{signed.id}\t{public_id}\tsigned off\tverbatim\tusable" in listed.stdout
    assert f"{waiting.id}\t{public_id}\tproposed\twritten\tnot usable" in listed.stdout
    assert "physiotherapy" not in listed.stdout and "Slowly" not in listed.stdout
    usable = _cli("list", "--usable")
    ids = [line.split("\t")[0] for line in usable.stdout.splitlines()[1:]]
    assert ids == [str(signed.id)], usable.stdout
    out = tmp_path / "for-comms"
    exported = _cli("export", "--out", str(out))
    assert exported.returncode == 0, exported.stderr
    assert "1 usable excerpt(s)" in exported.stdout
    text = (out / FILE_NAME).read_text()
    assert "physiotherapy helped" in text and "Slowly" not in text
    blocked = tmp_path / "a-file"
    blocked.write_text("x")
    refused = _cli("export", "--out", str(blocked))
    assert refused.returncode == 2 and "not a folder" in refused.stderr
