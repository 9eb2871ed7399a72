"""Where the language data shared by every campaign is read from: `language/<name>`.

The word lists (guard.yaml, privacy.yaml, regions.yaml…) and the learned model live in a
`language/` folder beside the FAQ, so a campaign may bring its own; else the copy shipped
with the source; else `./knowledge/language/` (the Docker image's working directory is /app,
and an installed package has no knowledge folder of its own).

    FAQ_PATH=/app/knowledge/faq.yaml
    language_file("guard.yaml")  → /app/knowledge/language/guard.yaml
"""

from __future__ import annotations

import os
from pathlib import Path

FOLDER = "language"
_BUNDLED = Path(__file__).resolve().parent.parent / "knowledge" / FOLDER


def first_faq() -> Path | None:
    """The first FAQ of FAQ_PATH (which may list several campaigns), if set."""
    first = os.environ.get("FAQ_PATH", "").split(",")[0].strip()
    return Path(first) if first else None


def language_file(name: str, faq: str | Path | None = None) -> Path:
    """The first existing `language/<name>` beside `faq` (default: FAQ_PATH's first), the
    bundled one, or ./knowledge/language; the bundled path when none exists (for messages)."""
    beside = Path(faq) if faq is not None else first_faq()
    candidates = [beside.parent / FOLDER / name] if beside is not None else []
    candidates += [_BUNDLED / name, Path("knowledge") / FOLDER / name]
    return next((p for p in candidates if p.is_file()), _BUNDLED / name)
