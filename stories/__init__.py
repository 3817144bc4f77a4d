"""The patient story pipeline: patient side and shared core.

This package is a library: the Streamlit app, the CLI, the tests and the
benchmarks all call it. It never imports Streamlit or `moderation`.
"""
