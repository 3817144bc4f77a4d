"""The Admin page's consent sections: authorization versions and lost receipt codes.

A helper module of `app_pages/admin.py` (not a page of its own): that page
has already required the admin role, and each service here requires it again.
"""

from __future__ import annotations

import streamlit as st

from app_pages.common import flash, run, show_code_once
from moderation import admin
from moderation.roles import StaffIdentity
from stories.distribution import choice

VERIFICATIONS = {
    "in person": "In person",
    "phone call-back": "By calling her back on a number the clinic already had",
    "signed letter": "By a signed letter",
}
USES_NOTE = ("The share form adds the list of uses (the website, short excerpts and the "
             "clinic's own channels from STORIES_EXTRA_CHANNELS) under this text, and each "
             "consent records the list its patient read; the text need not repeat it.")
_PUBLISH_KEYS = ("admin_auth_version", "admin_auth_body", "admin_auth_sure")


def authorization_versions(identity: StaffIdentity) -> None:
    """Every authorization version, and the form to publish a new one."""
    st.subheader("Authorization versions")
    versions = run(admin.authorization_versions, who=identity) or []
    st.dataframe([{"Version": v.version, "In force from": f"{v.effective_at:%Y-%m-%d %H:%M}",
                   "Text fingerprint": v.sha256[:16]} for v in versions],
                 hide_index=True, width="stretch")
    st.caption("Stories already shared keep the version their authors signed; a new version "
               "applies to stories shared, and permissions renewed, from then on.")
    publish_form(identity)


def preview(body: str) -> None:
    """The text exactly as patients will read it: the clinic's own Markdown, as the
    share and check pages show it (`st.markdown`), headings and all, with the list of
    uses the share form adds under it.  (Patients' stories are previewed differently,
    with `render_html`, which lets only the share form's light formatting act.)"""
    with st.container(border=True, height=420):
        st.markdown(body)
        st.markdown(choice.uses_section(choice.offered()))


def publish_form(identity: StaffIdentity) -> None:
    """Version label and full Markdown text, a preview, a confirmation, then publish."""
    with st.expander("Publish a new version"):
        version = st.text_input("Version label (for example 2027-01-v2)", max_chars=32,
                                key="admin_auth_version")
        body = st.text_area("The full authorization text (Markdown)", height=300,
                            key="admin_auth_body",
                            help="Press Ctrl+Enter, or click outside the box, to update the "
                                 "preview.")
        st.caption(USES_NOTE)
        if body.strip():
            st.markdown("**Preview: what patients will read**")
            preview(body)
        sure = st.checkbox("I have read the preview. Publish this text as the authorization "
                           "for every story shared from now on.", key="admin_auth_sure")
        pressed = st.button("Publish this version", key="admin_auth_publish")
    if not pressed:
        return
    if not sure:
        st.error("Please tick the box to confirm that you want to publish this version.")
        return
    record = run(admin.publish_authorization, version, body, who=identity)
    if record is not None:
        for key in _PUBLISH_KEYS:
            st.session_state.pop(key, None)
        flash(f"Authorization version {record.version} published.")
        st.rerun()


def lost_code(identity: StaffIdentity) -> None:
    """Give a patient whose identity was verified a new receipt code, shown once."""
    st.subheader("Lost receipt code")
    st.caption("Only after you have verified, yourself, that the person asking is the author "
               "(or her representative). The old code stops working at once.")
    with st.form("admin_reissue", clear_on_submit=True):
        public_id = st.text_input("Story id (as shown in the queue)", key="admin_reissue_id")
        how = st.selectbox("How was her identity verified?", list(VERIFICATIONS),
                           format_func=VERIFICATIONS.get, key="admin_reissue_how")
        sure = st.checkbox("I verified her identity this way myself.",
                           key="admin_reissue_sure")
        pressed = st.form_submit_button("Issue a new code")
    if not pressed:
        return
    if not sure:
        st.error("Please tick the box to confirm that you verified her identity.")
        return
    code = run(admin.reissue_code, (public_id or "").strip(), how, who=identity)
    if code:
        show_new_code(code)


def show_new_code(code: str) -> None:
    """The new code, this once, with how to hand it over."""
    show_code_once(code, "A new receipt code was issued. The old one no longer works.",
                   "The new receipt code", [
                       "Give it to her the same way you verified her: in person, by calling her back, "
                       "or by letter to her address on file.",
                       "Do not email it, save it in notes or the staff note, or write it anywhere else.",
                       "Tell her to keep it private and use it on the **Check my story** page.",
                       "Once you leave or reload this page, it cannot be shown again; if it is lost, "
                       "issue another one.",
                   ])
