"""One line naming the machine a benchmark ran on, printed before its figures.

Timings only compare on the same kind of machine: this project's figures were
seen to differ by more than 2x between two hosts of the same 2-core class, for
the same code.  Every benchmark prints this line so a figure always comes
with the CPU, core count, Python and load it was measured under.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or "unknown CPU"


def describe() -> str:
    """E.g. ``machine: AMD EPYC, 2 CPUs, Python 3.11.7, load average 0.41``."""
    load = f"{os.getloadavg()[0]:.2f}" if hasattr(os, "getloadavg") else "?"
    return (f"machine: {_cpu_model()}, {os.cpu_count()} CPUs, Python {platform.python_version()}, "
            f"load average {load}")
