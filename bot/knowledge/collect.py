"""Collecting problems and warnings, so a maintainer sees all of them in one run.

`Collector.validate` turns pydantic's errors into catalog problems at each field's own
line: `{'type': 'string_type', 'input': 110034}` at facts.postcode becomes
"这里应该是文字,现在是 110034 … 加上英文双引号".
"""

from __future__ import annotations

import difflib
from collections.abc import Iterable, Mapping
from types import UnionType
from typing import Annotated, Any, Union, get_args, get_origin

from pydantic import BaseModel, ValidationError

from bot.knowledge.problems import Problem, language
from bot.knowledge.schema import adapter
from bot.knowledge.yaml_safe import YamlDocument, dotted


def close_match(name: str, options: Iterable[str]) -> str:
    """' (did you mean 'hours'?)' / '(是不是“hours”?)' for a near miss, else ''."""
    match = difflib.get_close_matches(name, list(options), n=1)
    if not match:
        return ""
    return f"(是不是“{match[0]}”?)" if language() == "zh" else f" (did you mean {match[0]!r}?)"


class Collector:
    """Gathers problems (the FAQ cannot be used) and warnings (it can, but look here)."""

    def __init__(self, doc: YamlDocument) -> None:
        self.doc = doc
        self.problems: list[Problem] = []
        self.warnings: list[Problem] = []

    def add(self, loc: tuple[str | int, ...], message: str, line: int | None = None) -> None:
        """A problem with a plain message (for callers with their own wording)."""
        where = line if line is not None else self.doc.line(loc)
        self.problems.append(Problem(self.doc.file, where, dotted(loc), message))

    def report(
        self, loc: tuple[str | int, ...], code: str, line: int | None = None, **params: object
    ) -> None:
        """A catalog problem at `loc` (or at `line`, when the path would find an earlier node)."""
        problem = self.doc.problem(loc, code, **params)
        self.problems.append(problem if line is None else problem.located(line))

    def warn(
        self, loc: tuple[str | int, ...], code: str, line: int | None = None, **params: object
    ) -> None:
        problem = self.doc.problem(loc, code, **params)
        self.warnings.append(problem if line is None else problem.located(line))

    def validate(self, tp: Any, raw: Any, loc: tuple[str | int, ...]) -> Any:
        """`raw` validated as type `tp`, or None after recording each error at its own line."""
        try:
            return adapter(tp).validate_python(raw)
        except ValidationError as exc:
            for err in exc.errors(include_url=False):
                inner = tuple(p for p in err["loc"] if not str(p).startswith("["))
                where = loc + inner
                code, params = _schema_problem(err, where, self.doc.scalar(where))
                if code == "unknown_field":
                    params["hint"] = close_match(str(inner[-1]), _fields_at(tp, inner[:-1]))
                self.report(where, code, **params)
            return None


_DATE_ERRORS = frozenset(
    {"date_parsing", "date_from_datetime_parsing", "date_type", "date_from_datetime_inexact"}
)
_INT_ERRORS = frozenset({"int_parsing", "int_type", "int_from_float"})
_SHAPES = {"string_type": ("文字", "text"), "list_type": ("一个列表", "a list")}


def _schema_problem(
    err: Mapping[str, Any], loc: tuple[str | int, ...], written: str | None
) -> tuple[str, dict[str, object]]:
    """(catalog code, its fields) for one pydantic error, specific for someone editing YAML."""
    kind, value = err["type"], err.get("input")
    ctx = err.get("ctx") or {}
    if kind == "missing":
        return ("missing_fact" if loc[:1] == ("facts",) and len(loc) == 2 else "missing_field"), {}
    if kind == "extra_forbidden":
        return "unknown_field", {"name": loc[-1], "hint": ""}
    if kind == "string_type" and isinstance(value, bool | int | float):
        return "needs_quotes", {"value": written or repr(value)}
    if kind in ("string_type", "list_type", "dict_type", "model_type", "model_attributes_type"):
        zh, en = _SHAPES.get(kind, ("一组“名字: 值”", "a mapping (name: value)"))
        return "wrong_type", {"want": zh if language() == "zh" else en, "got": _short(value)}
    if "value" in ctx and kind in ("not_blank", "bad_id", "bad_clock", "bad_zone", "bad_number"):
        return kind, {"value": ctx["value"]}
    if kind in _DATE_ERRORS:
        return "bad_date", {"value": written or value}
    if kind in _INT_ERRORS:
        return "bad_int", {"value": written or value}
    if kind == "too_short":
        return "empty_list", {}
    return "schema_other", {"detail": str(err["msg"]).removeprefix("Value error, ")}


def _short(value: Any) -> str:
    text = repr(value)
    return text if len(text) <= 40 else text[:37] + "..."


def _fields_at(tp: Any, path: tuple[str | int, ...]) -> list[str]:
    """Field names of the model found by following `path` from type `tp` (for hints)."""
    for part in (*path, None):
        while get_origin(tp) in (Annotated, Union, UnionType):
            tp = next(a for a in get_args(tp) if a is not type(None))
        if part is None:
            break
        if isinstance(tp, type) and issubclass(tp, BaseModel):
            field = tp.model_fields.get(str(part))
            if field is None:
                return []
            tp = field.annotation
        elif get_origin(tp) in (list, dict):
            tp = get_args(tp)[-1]
        else:
            return []
    return list(tp.model_fields) if isinstance(tp, type) and issubclass(tp, BaseModel) else []
