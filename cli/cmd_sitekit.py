"""`site-policy FOLDER --format jekyll|hugo`: the public moderation policy page for a site kit.

Writes `moderation-policy.md`, generated from the settings, into FOLDER (a
Jekyll site's root, or a Hugo site's `content/`).  Run it again after a
settings change; it holds no story and no personal data.
"""

from __future__ import annotations

from pathlib import Path

from stories.distribution.policy import write_policy


def register(commands) -> None:
    parser = commands.add_parser(
        "site-policy", help="write the public moderation policy page for a Jekyll or Hugo site")
    parser.add_argument("folder", type=Path,
                        help="a Jekyll site's root, or a Hugo site's content/ folder")
    parser.add_argument("--format", choices=("jekyll", "hugo"), default="jekyll")
    parser.set_defaults(handler=policy_command)


def policy_command(args) -> int:
    path = write_policy(args.folder, args.format)
    print(f"wrote {path}")
    return 0
