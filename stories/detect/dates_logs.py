"""Dates that open the lines of a diary or a log: "6/1 – 8 pads", "10/3: pad weight test",
or stand alone on a line above the day's notes ("05/11", "FRI 8/3").

A log written by hand dates each line with a month and a day (or a day and a month) and a
dash or a colon before what happened; no word such as "on" or "since" stands before the
number, which is what the short numeric dates of `temporal` need.  At a line's start,
before a dash or a colon, "6/1" is such a date, not a score ("7/10 pain" has no dash) nor a
thread's numbering ("3/ started", which has no second number).  Alone on its line, with at
most a weekday before it, it heads a day's entries (a score is written with its text).
"""

from __future__ import annotations

import re

from stories.findings import Finding

_DAY_MONTH = r"(?:0?[1-9]|1[0-2])/(?:0?[1-9]|[12]\d|3[01])|(?:1[3-9]|2\d|3[01])/(?:0?[1-9]|1[0-2])"
_LINE_DATE = re.compile(
    rf"^[ \t]*({_DAY_MONTH})(?![\d/])[ \t]*(?:[-–—:]|\))[ \t]+\S",
    re.MULTILINE,
)
_WEEKDAY = r"(?i:mon|tue|tues|wed|thu|thur|thurs|fri|sat|sun)(?i:day)?\.?[ \t]+"
# (not "7/10" alone on a line: a score out of ten)
_LONE_DATE = re.compile(rf"^[ \t]*((?:{_WEEKDAY})?(?!\d\d?/10\b)(?:{_DAY_MONTH}))[ \t]*$", re.MULTILINE)


def find_log_dates(text: str) -> list[Finding]:
    """DATE findings for the month/day (or day/month) opening a log's lines."""
    if "/" not in text:
        return []
    found = [*_LINE_DATE.finditer(text), *_LONE_DATE.finditer(text)]
    return [Finding("DATE", m.start(1), m.end(1), 0.6, "log-date") for m in found]
