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
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any, TypeVar

from pydantic import BaseModel, ConfigDict

if TYPE_CHECKING:
    from bot.knowledge import Collector

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


# -- reading a language file, checked ---------------------------------------------------------
# text.yaml (colloquial forms, fillers), boundary.yaml (other levels and bodies) and
# messages.yaml (default wording) are read with the project's safe YAML loader and validated by
# a pydantic model, so a mistake is reported as `file:line field: what is wrong`, as in faq.yaml.


class Strict(BaseModel):
    """A misspelt field name is an error, not a silently ignored line."""

    model_config = ConfigDict(extra="forbid", frozen=True)


M = TypeVar("M", bound=BaseModel)
# Cross-field checks a file needs beyond its schema: they record problems on the collector.
Check = Callable[[Any, "Collector"], None]


def language_path(name: str) -> Path:
    """The campaign's own language/<name> beside its FAQ, else the shipped one."""
    return language_file(name)


def load_model(name: str, model: type[M], check: Check | None = None) -> M:
    """Read language/<name> as `model`; KnowledgeError lists every problem with its line."""
    # bot.knowledge reads its own language files through this module: imported here, not at
    # the top, so neither import needs the other first.
    from bot.knowledge import Collector, KnowledgeError, Problem, read_yaml

    doc = read_yaml(language_path(name))
    out = Collector(doc)
    if not isinstance(doc.data, dict):
        raise KnowledgeError([Problem(doc.file, 1, "", "expected a mapping of sections")])
    value = out.validate(model, doc.data, ())
    if value is not None and check is not None:
        check(value, out)
    if out.problems or value is None:
        raise KnowledgeError(out.problems)
    return value
