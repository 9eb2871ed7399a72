"""Problems with the knowledge, located (`file:line field`) and worded for a maintainer.

A problem says what is wrong, its likely cause and what to do, in the maintainer's
language: Chinese by default, English with `BOT_LANG=en` (or `use_language("en")`).
The wording lives in `messages.CATALOG`, one entry per problem code, so both languages
are written side by side and a test can check that every code has both.
"""

from __future__ import annotations

import os
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

from bot.knowledge.messages import CATALOG, LABELS

LANGUAGES = ("zh", "en")
_chosen: str | None = None  # set by use_language(); else BOT_LANG decides


def language() -> str:
    """'zh' or 'en': use_language()'s choice, else BOT_LANG (en, en_US… → 'en'), else 'zh'."""
    if _chosen is not None:
        return _chosen
    return "en" if os.environ.get("BOT_LANG", "").strip().lower().startswith("en") else "zh"


def use_language(lang: str | None) -> None:
    """Word every later message in `lang` ('zh' or 'en'); None goes back to BOT_LANG."""
    global _chosen
    if lang is not None and lang not in LANGUAGES:
        raise ValueError(f"language must be one of {LANGUAGES}, not {lang!r}")
    _chosen = lang


def say(code: str, /, **params: object) -> tuple[str, str, str]:
    """(what is wrong, likely cause, what to do) for problem `code`, in the current language.

    say("fact_not_in_notice", value="024-1", notice="k/notice.txt")[0]
    -> '024-1 在 k/notice.txt 里找不到'
    """
    what, cause, fix = CATALOG[code][language()]
    return what.format(**params), cause.format(**params), fix.format(**params)


def text(code: str, /, **params: object) -> str:
    """Just the first part of `say`: for report lines that are not problems."""
    return say(code, **params)[0]


@dataclass(frozen=True, slots=True)
class Problem:
    """One thing wrong with the knowledge, located for a maintainer.

    `cause` and `fix` are optional so that callers that build a Problem from a plain
    message (`Problem(file, line, field, message)`) keep working.
    """

    file: str
    line: int | None
    field: str
    message: str
    cause: str = ""
    fix: str = ""
    code: str = ""  # the CATALOG key, e.g. "yaml_fullwidth_colon"; "" for plain messages

    @classmethod
    def of(cls, file: str, line: int | None, field: str, code: str, **params: object) -> Problem:
        """A problem worded from the catalog in the current language."""
        what, cause, fix = say(code, **params)
        return cls(file, line, field, what, cause, fix, code)

    def located(self, line: int | None) -> Problem:
        return Problem(self.file, line, self.field, self.message, self.cause, self.fix, self.code)

    def __str__(self) -> str:
        where = self.file if self.line is None else f"{self.file}:{self.line}"
        head = f"{where} {self.field}: {self.message}" if self.field else f"{where}: {self.message}"
        labels = LABELS[language()]
        tail = [f"  {labels[0]}{self.cause}"] if self.cause else []
        tail += [f"  {labels[1]}{self.fix}"] if self.fix else []
        return "\n".join([head, *tail])


class KnowledgeError(Exception):
    """The FAQ cannot be used; `problems` says every reason found."""

    def __init__(self, problems: Iterable[Problem]) -> None:
        self.problems = tuple(problems)
        super().__init__("\n".join(map(str, self.problems)))


def display_path(path: Path) -> str:
    """Relative to the working directory when below it (as typed), else absolute."""
    resolved = path.resolve()
    try:
        return str(resolved.relative_to(Path.cwd()))
    except ValueError:
        return str(resolved)
