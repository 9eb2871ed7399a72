"""PyYAML's complaints turned into the mistake a person made, at the line they made it.

PyYAML reports where the *parser* gave up, which is often a line or two after the
mistake and in parser words ("could not find expected ':'"). A maintainer editing in
Notepad needs the cause: a full-width colon `title：值班电话`, a quote never closed, a
list item one space off, a Tab. So on a syntax error the lines from where the parser
started the construct it was reading (its context mark) down to where it stopped are
read again, nearest first, for one of those causes; only when none is found does the
parser's own message, translated by kind, stand.

Some of these mistakes are valid YAML that means something else: `- a` one space left
of the `- b` below it makes "a - b" one item. `explain_parsed` finds those after parsing.
"""

from __future__ import annotations

import re
from collections.abc import Callable

import yaml

from bot.knowledge.problems import Problem
from bot.knowledge.yaml_safe import YamlDocument, dotted

# `title：值班电话`, `- id：phone`: a field name followed by a full-width colon.
_FULLWIDTH_KEY = re.compile(r"^[ ]*(?:-[ ]+)?[A-Za-z_][A-Za-z0-9_]*[ ]*：")
_DASH = re.compile(r"^([ ]*)-(?:[ ]|$)")


def _has_tab_indent(line: str) -> bool:
    return "\t" in line[: len(line) - len(line.lstrip(" \t"))]


def _opens_unclosed_quote(line: str) -> bool:
    """Does a quoted value start on this line and not end on it?

    Quotes inside plain text (don't, 邮编。") are not quotes: a quote opens only where a
    value starts (after ': ', '- ', '[', ',' or at the start of the line).
    """
    quote, i, prev = "", 0, " "
    while i < len(line):
        c = line[i]
        if quote == '"':
            if c == "\\":
                i += 1
            elif c == '"':
                quote = ""
        elif quote == "'":
            if c == "'" and line[i + 1 : i + 2] == "'":
                i += 1
            elif c == "'":
                quote = ""
        elif c == "#" and prev in " \t":
            return False  # a comment: the rest is not YAML
        elif c in "\"'" and prev in " \t:-[{,":
            quote = c
        prev = c
        i += 1
    return bool(quote)


# Checked on each line, nearest to the error first: (test, problem code).
_LINE_CAUSES: tuple[tuple[Callable[[str], bool], str], ...] = (
    (_has_tab_indent, "yaml_tab"),
    (lambda line: _FULLWIDTH_KEY.match(line) is not None, "yaml_fullwidth_colon"),
    (_opens_unclosed_quote, "yaml_unclosed_quote"),
)

# The parser's own message, by kind, when no line shows a known cause:
# (words in PyYAML's problem, code, report at the context mark instead of the problem).
_BY_MESSAGE: tuple[tuple[str, str, bool], ...] = (
    ("found character '\\t'", "yaml_tab", False),
    ("mapping values are not allowed", "yaml_colon_in_value", False),
    ("expected ',' or ']'", "yaml_flow", True),
    ("expected ',' or '}'", "yaml_flow", True),
    ("found unexpected end of stream", "yaml_unclosed_quote", True),
    ("could not find expected ':'", "yaml_missing_colon", True),
    ("expected <block end>", "yaml_indent", False),
    ("did not find expected key", "yaml_indent", False),
    ("did not find expected '-' indicator", "yaml_indent", False),
    ("cannot start any token", "yaml_bad_start", False),
    ("expected a single document", "yaml_documents", False),
)


def explain(file: str, text: str, exc: yaml.MarkedYAMLError) -> Problem:
    """The located, worded problem for a PyYAML error on `text`."""
    problem_mark = exc.problem_mark or exc.context_mark
    if isinstance(exc, yaml.constructor.ConstructorError):
        line = problem_mark.line + 1 if problem_mark else None
        return Problem.of(file, line, "", "yaml_constructor", detail=_detail(exc))
    if problem_mark is None:
        return Problem.of(file, None, "", "yaml_syntax", detail=_detail(exc))
    lines = text.splitlines() or [""]
    stop = min(problem_mark.line, len(lines) - 1)
    start = exc.context_mark.line if exc.context_mark is not None else stop
    for n in range(stop, min(start, stop) - 1, -1):
        for test, code in _LINE_CAUSES:
            if test(lines[n]):
                return Problem.of(file, n + 1, "", code, text=lines[n].strip())
    said = _detail(exc)
    for words, code, at_context in _BY_MESSAGE:
        if words in said:
            mark = exc.context_mark if at_context and exc.context_mark else problem_mark
            n = min(mark.line, len(lines) - 1)
            return Problem.of(file, mark.line + 1, "", code, text=lines[n].strip())
    return Problem.of(file, problem_mark.line + 1, "", "yaml_syntax", detail=_detail(exc))


def _detail(exc: yaml.MarkedYAMLError) -> str:
    return "; ".join(str(x) for x in (exc.context, exc.problem) if x)


def explain_parsed(doc: YamlDocument, text: str) -> list[Problem]:
    """Mistakes that still parse: a full-width colon read as text, list items one space off."""
    lines = text.splitlines()
    problems = []
    for loc, node in doc.scalars():
        if node.style or not isinstance(node.value, str):
            continue  # quoted text means what it says (plain style is None, or '' from libyaml)
        first = node.start_mark.line
        if _FULLWIDTH_KEY.match(lines[first]) and "：" in node.value:
            problems.append(
                Problem.of(
                    doc.file,
                    first + 1,
                    dotted(loc),
                    "yaml_fullwidth_colon",
                    text=lines[first].strip(),
                )
            )
            continue
        merged = _merged_item(doc, loc, lines, first, node.end_mark.line)
        if merged is not None:
            problems.append(
                Problem.of(
                    doc.file, merged + 1, dotted(loc), "yaml_indent", text=lines[merged].strip()
                )
            )
    return problems


def _merged_item(
    doc: YamlDocument, loc: tuple[str | int, ...], lines: list[str], first: int, last: int
) -> int | None:
    """The line that is off when a list item swallowed the `- …` lines below it, else None.

    examples:
     - 举报电话是多少        <- one space short: the lines below become part of it
      - 巡视组的电话号码
    """
    if not loc or not isinstance(loc[-1], int):
        return None
    below = [n for n in range(first + 1, min(last, len(lines) - 1) + 1) if _DASH.match(lines[n])]
    if not below:
        return None
    own = _DASH.match(lines[first])
    own_col = len(own.group(1)) if own else -1
    parent = doc.node(loc[:-1])
    siblings = []
    if isinstance(parent, yaml.SequenceNode):
        for item in parent.value:
            line = item.start_mark.line
            match = _DASH.match(lines[line]) if line != first else None
            if match:
                siblings.append(len(match.group(1)))
    # The item sits where its siblings sit: the swallowed line is the one that is off.
    return below[0] if own_col in siblings else first
