"""The staff side: accounts and roles, the queue, and review actions.

May import `stories`; never imported by it.  Never imports Streamlit.
"""
