"""The Streamlit pages of the patient story pipeline (see app.py)."""
