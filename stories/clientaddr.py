"""The address a rate limit counts: the client's, also behind a load balancer.

Streamlit reports the address of its direct peer.  Behind a load balancer or a
reverse proxy that is the proxy's, and every patient would share one bucket
(ten receipt-code lookups per ten minutes for the whole clinic).  Each proxy
appends the address it received the request from to ``X-Forwarded-For``; with
``STORIES_TRUSTED_PROXY_HOPS=N`` (the number of proxies in front of the app,
every one of which appends), the client is the N-th entry from the right.
Entries further left were written by the client and are never trusted.  When
the header is missing, short or malformed, the peer address is used: a shared
bucket can be too strict, but it cannot be spoofed.
"""

from __future__ import annotations

import ipaddress

MAX_HOPS = 5
_MAX_HEADER_CHARS = 2_000  # a real chain is a few addresses; more is not parsed


def parse_hops(raw: str | None) -> int:
    """`STORIES_TRUSTED_PROXY_HOPS` as an int in 0..MAX_HOPS (unset or empty: 0)."""
    text = (raw or "").strip()
    if not text:
        return 0
    if not text.isdigit() or int(text) > MAX_HOPS:
        raise ValueError(f"STORIES_TRUSTED_PROXY_HOPS must be a whole number from 0 to {MAX_HOPS}.")
    return int(text)


def client_address(peer: str | None, forwarded_for: str | None, hops: int) -> str | None:
    """The client's address given the peer, the X-Forwarded-For value and the trusted hops."""
    if hops <= 0 or not forwarded_for or len(forwarded_for) > _MAX_HEADER_CHARS:
        return peer
    entries = [entry.strip() for entry in forwarded_for.split(",")]
    if len(entries) < hops:
        return peer  # not every trusted proxy appended: do not guess
    try:
        return str(ipaddress.ip_address(entries[-hops]))
    except ValueError:
        return peer
