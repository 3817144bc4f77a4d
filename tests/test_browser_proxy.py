"""Rate limits behind a proxy, through the real served app in a real browser.

`STORIES_TRUSTED_PROXY_HOPS` makes the rate limits count the client named in
`X-Forwarded-For` instead of the direct peer (`stories.clientaddr`, tested as a
function in `test_clientaddr.py`).  Here `streamlit run server.py` serves
Chromium (skipped with a message when /usr/bin/chromium is missing), and each
browser context sends its own `X-Forwarded-For`, as a load balancer would: a
context's extra HTTP headers reach the websocket handshake, which is where
`st.context.headers` comes from.  On "Check my story" (`patient.FREE_LOOKUPS`
wrong codes per `patient.LOOKUP_WINDOW` are answered at once; later ones wait,
and the page says why):

* hops 1: client 203.0.113.7 uses up its free lookups with a wrong code; a new
  browser (new cookies, new Streamlit session) sending the same address is
  slowed at once, so the bucket follows the header; a browser from
  203.0.113.8 gets its answer without a wait, so clients behind one proxy no
  longer share a bucket;
* hops 0: the header is ignored: the new browser from 203.0.113.7 is not slowed.

Two facts of the served stack shape the setup:

* uvicorn (Streamlit's server) itself trusts `X-Forwarded-For` from a loopback
  peer (its default `FORWARDED_ALLOW_IPS=127.0.0.1,::1`) and then reports the
  header's client as the peer.  The server gets `FORWARDED_ALLOW_IPS=""`, so the
  peer stays 127.0.0.1, as for a load balancer on another machine; otherwise
  both cases would pass without the setting.
* Streamlit reports a loopback peer as no address (`st.context.ip_address` is
  None), so without a trusted header `client_key` falls back to the Streamlit
  session: with hops 0 each browser here has a bucket of its own, not one
  shared by all of 127.0.0.1.
"""

from __future__ import annotations

import pytest

from stories.patient import FREE_LOOKUPS, NOT_FOUND
from tests.browser_journey_util import Visitor, click_button, launch_browser, main_text
from tests.server_util import running_app

pytestmark = [pytest.mark.browser, pytest.mark.timeout(300)]

CLIENT_A, CLIENT_B = "203.0.113.7", "203.0.113.8"  # documentation addresses, only ever a header
WRONG_CODE = "AAAA-BBBB-CCCC-DDDD-EEEE-FFFF-GGGG-HHHH"
SLOWED = "Several codes that did not match were tried from your connection"


def visitor_from(browser, url: str, address: str) -> Visitor:
    """A new browser whose every request, the websocket's included, names `address`."""
    visitor = Visitor(browser, url, address)
    visitor.context.set_extra_http_headers({"X-Forwarded-For": address})
    return visitor


def open_check(visitor: Visitor):
    """A new Streamlit session on "Check my story", with `WRONG_CODE` typed in."""
    page = visitor.open("/check")
    page.get_by_label("Receipt code").fill(WRONG_CODE)
    return page


def look_up(page) -> str:
    """Press "Open my story" once (a wrong code); "slowed" when the page made it wait."""
    click_button(page, "Open my story", NOT_FOUND)
    text = main_text(page)
    assert NOT_FOUND in text, text
    return "slowed" if SLOWED in text else "at once"


@pytest.mark.parametrize("hops", [1, 0])
def test_lookup_limit_counts_the_forwarded_client_only_when_trusted(db_url, tmp_path, hops):
    env = {"STORIES_TRUSTED_PROXY_HOPS": str(hops), "FORWARDED_ALLOW_IPS": ""}
    with launch_browser() as browser, running_app(tmp_path, env) as app:  # skips without Chromium
        visitors = []
        try:
            first = visitor_from(browser, app.url, CLIENT_A)
            visitors.append(first)
            page = open_check(first)
            answers = [look_up(page) for _ in range(FREE_LOOKUPS + 1)]
            assert answers == ["at once"] * FREE_LOOKUPS + ["slowed"], answers

            again = visitor_from(browser, app.url, CLIENT_A)
            other = visitor_from(browser, app.url, CLIENT_B)
            visitors += [again, other]
            assert look_up(open_check(again)) == ("slowed" if hops else "at once")
            assert look_up(open_check(other)) == "at once"
        finally:
            for visitor in visitors:
                visitor.close()
