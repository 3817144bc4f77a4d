"""The receipt the share page shows once her story is stored, and nothing else.

The code in readable groups with copy and download, what it is for, and a
two-step close (a second press of Send landing here cannot end it).  The
first time, a constant script of ours scrolls to the top and moves the
keyboard focus to the thanks, so the code is in view and read next.
"""

from __future__ import annotations

import streamlit as st

from stories import receipts
from stories.config import get_settings

CHECK_PAGE = "app_pages/check.py"
RECEIPT_KEY = "share_receipt"  # the stored story's code, shown until she closes the receipt
TO_TOP_KEY = "share_receipt_to_top"  # set when the receipt first appears: scroll it into view
#: Our own constant script (no data in it): after Send the browser keeps the
#: scroll position of the long form, so the receipt would start above the view.
#: It also moves the keyboard focus to the thanks above the code, so a screen
#: reader reads the receipt next instead of starting again at the top of the page.
TO_TOP = """<script>
(() => {
  const main = document.querySelector('[data-testid="stMain"]');
  if (main) { main.scrollTop = 0; }
  window.scrollTo(0, 0);
  let tries = 0;
  const focusThanks = () => {  // for 30 s, also after a slow rerun replaced it, unless she moved on
    const thanks = [...document.querySelectorAll('[data-testid="stAlert"]')]
      .find((alert) => alert.textContent.includes("reached us safely"));
    const active = document.activeElement;
    if (thanks && (!active || active === document.body)) {
      thanks.setAttribute("tabindex", "-1");
      thanks.focus({preventScroll: true});
    }
    if (++tries < 600) { setTimeout(focusThanks, 50); }
  };
  focusThanks();
})();
</script>"""

def receipt_file(code: str) -> str:
    """The downloadable receipt: the code and what it is for, nothing else."""
    return (f"Your receipt code for the story you shared with the clinic:\n\n    {code}\n\n"
            "Keep it private, like a password. Use it on the \"Check my story\" page to see "
            "where your story stands, approve the final wording, make changes or withdraw "
            f"it.\n\n{receipts.lost_code_advice(get_settings().notifications_on)}\n")


def show_receipt(code: str) -> None:
    """Only the receipt: thanks, the code in groups, copy, download, and what next.

    After Send the browser keeps the long form's scroll position: the first
    time, a small script of ours scrolls to the top so the code is in view.
    """
    grouped = receipts.grouped(code)
    if st.session_state.pop(TO_TOP_KEY, False):
        st.html(TO_TOP, unsafe_allow_javascript=True)
    st.success("Thank you. Your story has reached us safely.", icon=":material/check_circle:")
    st.markdown("**Your receipt code** is the only key to your story. Keep it private, "
                "like a password:")
    with st.container(key="share_receipt_code"):
        st.code(grouped, language=None, wrap_lines=True)
    with st.container(horizontal=True, key="share_receipt_actions"):
        st.download_button("Download my code", data=receipt_file(grouped),
                           file_name="receipt-code.txt", mime="text/plain",
                           icon=":material/download:", on_click="ignore",
                           key="share_receipt_download")
        st.page_link(CHECK_PAGE, label="Check my story", icon=":material/search:")
    st.markdown("Press the copy button next to the code, or download it, and keep it "
                "somewhere private. With it, on **Check my story**, you see where your story "
                "stands, approve the final wording before anything is published, make "
                "changes when we ask, or withdraw it at any time.")
    st.caption(receipts.lost_code_advice(get_settings().notifications_on))
    # Two steps, so that a second press of Send landing here cannot end the receipt.
    saved = st.checkbox("I have copied or downloaded my code", key="share_receipt_saved")
    if st.button("Close the receipt (the code is not shown again)", disabled=not saved,
                 key="share_receipt_close"):
        st.session_state.pop(RECEIPT_KEY, None)
        st.session_state.pop("share_receipt_saved", None)
        st.rerun()
