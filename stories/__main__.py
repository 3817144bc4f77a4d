"""`python -m stories`: the command line.

The commands live in the top-level `cli` package (an entry layer, like
`app.py`), because some of them (`staff add`, `withdraw`) are staff actions
from `moderation`, which `stories` itself must never import.
"""

import sys

from cli import main

sys.exit(main())
