"""The detector is called from many threads at once (one per browser session)."""

from __future__ import annotations

import threading
from concurrent.futures import ThreadPoolExecutor

from stories.detect import detect
from stories.detect.tokens import shared_columns

TEXTS = [
    "My husband dave and I moved to Leeds in March 2019. Dr. Pacik at St Mary's Hospital "
    "saw me on 14/03/2021; call 0113 496 0000 or write to rachel.k@example.com.",
    "Mei-Ling van den Berg, 34, lives at 12 Elm Street, Dublin. Her NHS number is 943 476 5919 "
    "and her Instagram is @meiling_recovers. Will and I met Grace in June.",
]


def test_threads_never_share_token_columns():
    """A `Columns` has a cursor: one thread's scan must not move another's."""
    text = TEXTS[0]
    mine = shared_columns(text)
    assert shared_columns(text) is mine  # shared within a thread (the point of the cache)
    theirs = []
    worker = threading.Thread(target=lambda: theirs.append(shared_columns(text)))
    worker.start()
    worker.join()
    assert theirs and theirs[0] is not mine


def test_concurrent_scans_of_the_same_texts_agree_with_a_single_thread():
    expected = [detect(t) for t in TEXTS]
    assert all(expected)
    with ThreadPoolExecutor(max_workers=6) as pool:
        results = list(pool.map(detect, TEXTS * 150))
    assert results == expected * 150
