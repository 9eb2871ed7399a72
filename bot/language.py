"""Language data files (`knowledge/language/*.yaml`): where they are, and reading them checked.

The words the bot understands are data a maintainer extends, not code: text.yaml (colloquial
forms, fillers), boundary.yaml (provinces, other levels and bodies). Each is read with the
project's safe YAML loader and validated by a pydantic model, so a mistake is reported as
`file:line field: what is wrong`, the same way as in faq.yaml.

A campaign's own folder may carry its own `language/` beside its faq.yaml (FAQ_PATH); otherwise
the bundled `knowledge/language/` is used.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any, TypeVar

from pydantic import BaseModel, ConfigDict

from bot.knowledge import Collector, KnowledgeError, Problem, YamlDocument, read_yaml
from bot.knowledge import default_path as faq_path

_BUNDLED = Path(__file__).resolve().parent.parent / "knowledge" / "language"

M = TypeVar("M", bound=BaseModel)
# Cross-field checks a file needs beyond its schema: they record problems on the collector.
Check = Callable[[Any, Collector], None]


class Strict(BaseModel):
    """A misspelt field name is an error, not a silently ignored line."""

    model_config = ConfigDict(extra="forbid", frozen=True)


def language_path(name: str) -> Path:
    """The campaign's own language/<name> beside its FAQ, else the bundled one."""
    own = faq_path().parent / "language" / name
    return own if own.is_file() else _BUNDLED / name


def load_model(name: str, model: type[M], check: Check | None = None) -> M:
    """Read language/<name> as `model`; KnowledgeError lists every problem with its line."""
    path = language_path(name)
    doc: YamlDocument = read_yaml(path)
    out = Collector(doc)
    if not isinstance(doc.data, dict):
        raise KnowledgeError([Problem(doc.file, 1, "", "expected a mapping of sections")])
    value = out.validate(model, doc.data, ())
    if value is not None and check is not None:
        check(value, out)
    if out.problems or value is None:
        raise KnowledgeError(out.problems)
    return value
