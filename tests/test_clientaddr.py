"""Which address the rate limits count, with and without trusted proxies."""

from __future__ import annotations

import pytest

from stories.clientaddr import MAX_HOPS, client_address, parse_hops
from stories.config import get_settings

PEER = "10.0.0.5"  # the load balancer, as Streamlit sees it


@pytest.mark.parametrize(
    ("forwarded_for", "hops", "expected"),
    [
        (None, 0, PEER),  # no proxy configured: the peer
        ("203.0.113.7", 0, PEER),  # a header is ignored unless proxies are trusted
        ("203.0.113.7", 1, "203.0.113.7"),  # one balancer appended the client
        ("198.51.100.1, 203.0.113.7", 1, "203.0.113.7"),  # the client's own entry is not trusted
        ("198.51.100.1, 203.0.113.7, 10.0.0.9", 2, "203.0.113.7"),  # two proxies
        ("203.0.113.7", 2, PEER),  # fewer entries than proxies: do not guess
        ("", 1, PEER),
        (None, 1, PEER),
        ("not-an-address", 1, PEER),
        ("203.0.113.7, <script>", 1, PEER),
        ("2001:db8::1", 1, "2001:db8::1"),
        ("2001:DB8:0:0::1", 1, "2001:db8::1"),  # one client, one spelling
        (" 203.0.113.7 ", 1, "203.0.113.7"),
        ("1.1.1.1," * 400 + "203.0.113.7", 1, PEER),  # an oversized header is not parsed
    ],
)
def test_client_address(forwarded_for, hops, expected):
    assert client_address(PEER, forwarded_for, hops) == expected


def test_a_spoofed_header_cannot_choose_the_bucket():
    """Whatever a client puts in front, the entry the balancer appended decides."""
    seen = {client_address(PEER, f"{fake}, 203.0.113.7", 1) for fake in ("1.2.3.4", "5.6.7.8", "::1")}
    assert seen == {"203.0.113.7"}


@pytest.mark.parametrize(("raw", "hops"), [(None, 0), ("", 0), (" 2 ", 2), (str(MAX_HOPS), MAX_HOPS)])
def test_parse_hops(raw, hops):
    assert parse_hops(raw) == hops


@pytest.mark.parametrize("raw", ["-1", "one", "1.5", str(MAX_HOPS + 1)])
def test_parse_hops_refuses_nonsense_with_a_clear_message(raw):
    with pytest.raises(ValueError, match="STORIES_TRUSTED_PROXY_HOPS must be a whole number"):
        parse_hops(raw)


def test_the_setting_comes_from_the_environment(monkeypatch):
    monkeypatch.setenv("STORIES_TRUSTED_PROXY_HOPS", "1")
    assert get_settings().trusted_proxy_hops == 1
    monkeypatch.delenv("STORIES_TRUSTED_PROXY_HOPS")
    assert get_settings().trusted_proxy_hops == 0
