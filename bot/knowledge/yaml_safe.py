"""Safe YAML: one document, no anchors or aliases, no base-60 or octal surprises.

`read_yaml` returns a `YamlDocument` (data plus the node tree, for line numbers) or
raises `KnowledgeError` with a located problem. Syntax errors are explained by
`yaml_errors.explain`, in the maintainer's words, at the line of the mistake.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any, ClassVar

import yaml

from bot.knowledge.problems import KnowledgeError, Problem, display_path

MAX_BYTES = 1_000_000


class _AliasRefused(yaml.MarkedYAMLError):
    """Raised for what we refuse ourselves (anchors, forbidden characters)."""

    def __init__(self, code: str, mark: Any, **params: object) -> None:
        super().__init__(None, None, code, mark)
        self.code, self.params = code, params


_INT_TAG, _FLOAT_TAG = "tag:yaml.org,2002:int", "tag:yaml.org,2002:float"
_INT = re.compile(r"^[-+]?(?:0|[1-9][0-9_]*)$")
_FLOAT = re.compile(
    r"^(?:[-+]?(?:[0-9][0-9_]*)\.[0-9_]*(?:[eE][-+]?[0-9]+)?"
    r"|[-+]?\.(?:inf|Inf|INF)|\.(?:nan|NaN|NAN))$"
)


class _Resolver(yaml.resolver.Resolver):
    """YAML 1.1 resolution without base-60 and octal numbers.

    So an unquoted 20:00 stays "20:00" (not 1200) and a postcode 010010 keeps its
    leading zero (not 4104).
    """

    yaml_implicit_resolvers: ClassVar[dict[Any, list[Any]]] = {
        first: [r for r in resolvers if r[0] not in (_INT_TAG, _FLOAT_TAG)]
        for first, resolvers in yaml.resolver.Resolver.yaml_implicit_resolvers.items()
    }


_Resolver.add_implicit_resolver(_INT_TAG, _INT, list("-+0123456789"))
_Resolver.add_implicit_resolver(_FLOAT_TAG, _FLOAT, list("-+0123456789."))


def _refuse(event: Any) -> None:
    if isinstance(event, yaml.AliasEvent) or getattr(event, "anchor", None) is not None:
        raise _AliasRefused("yaml_alias", event.start_mark)


class SafeLoader(
    yaml.reader.Reader,
    yaml.scanner.Scanner,
    yaml.parser.Parser,
    yaml.composer.Composer,
    yaml.constructor.SafeConstructor,
    _Resolver,
):
    """Pure-Python safe loader that refuses anchors and aliases (no billion laughs)."""

    def __init__(self, stream: str) -> None:
        yaml.reader.Reader.__init__(self, stream)
        yaml.scanner.Scanner.__init__(self)
        yaml.parser.Parser.__init__(self)
        yaml.composer.Composer.__init__(self)
        yaml.constructor.SafeConstructor.__init__(self)
        _Resolver.__init__(self)

    def compose_node(self, parent: Any, index: Any) -> Any:
        _refuse(self.peek_event())
        return super().compose_node(parent, index)


try:  # libyaml parses about ten times faster; the FAQ may grow to thousands of examples
    from yaml._yaml import CParser
except ImportError:  # pragma: no cover - PyYAML built without libyaml
    CParser = None


if CParser is not None:

    class _CLoader(CParser, yaml.constructor.SafeConstructor, _Resolver):  # type: ignore[misc,valid-type]
        def __init__(self, stream: str) -> None:
            CParser.__init__(self, stream)
            yaml.constructor.SafeConstructor.__init__(self)
            _Resolver.__init__(self)


# What the YAML spec forbids in a stream (PyYAML's Reader.NON_PRINTABLE): checked up
# front so both parsers report it the same way, with its line.
_NON_PRINTABLE = re.compile(
    "[^\x09\x0a\x0d\x20-\x7e\x85\xa0-\ud7ff\ue000-\ufffd\U00010000-\U0010ffff]"
)


def parse_yaml(text: str) -> tuple[Any, yaml.Node | None]:
    """(data, node tree) of one YAML document; raises yaml.YAMLError, never expands aliases."""
    bad = _NON_PRINTABLE.search(text)
    if bad:
        mark = yaml.Mark("<text>", bad.start(), text.count("\n", 0, bad.start()), 0, None, None)
        raise _AliasRefused("yaml_char", mark, char=repr(bad.group()))
    if CParser is None:
        loader: Any = SafeLoader(text)
    else:
        # The C composer cannot be hooked, so a first pass over the events refuses
        # anchors before anything is composed.
        events = CParser(text)
        try:
            while events.check_event():
                _refuse(events.get_event())
        finally:
            events.dispose()
        loader = _CLoader(text)
    try:
        root = loader.get_single_node()
        data = loader.construct_document(root) if root is not None else None
    finally:
        loader.dispose()
    return data, root


def dotted(loc: Iterable[str | int]) -> str:
    """('topics', 3, 'answer') -> 'topics[3].answer'."""
    out = ""
    for part in loc:
        if isinstance(part, int):
            out += f"[{part}]"
        else:
            out += f".{part}" if out else str(part)
    return out


@dataclass(frozen=True)
class YamlDocument:
    """Plain data plus the node tree it came from (for line numbers)."""

    data: Any
    root: yaml.Node | None
    file: str

    def line(self, loc: Iterable[str | int]) -> int | None:
        """The line of the deepest node on `loc` (a key's own line for mapping entries)."""
        node = self.root
        if node is None:
            return None
        line = node.start_mark.line + 1
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                for key, value in node.value:
                    if isinstance(key, yaml.ScalarNode) and key.value == str(part):
                        line, node = key.start_mark.line + 1, value
                        break
                else:
                    return line
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                if not 0 <= part < len(node.value):
                    return line
                node = node.value[part]
                line = node.start_mark.line + 1
            else:
                return line
        return line

    def node(self, loc: Iterable[str | int]) -> yaml.Node | None:
        """The node at `loc`, or None if there is none."""
        node = self.root
        for part in loc:
            if isinstance(node, yaml.MappingNode):
                node = next((v for k, v in node.value if k.value == str(part)), None)
            elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
                node = node.value[part] if 0 <= part < len(node.value) else None
            else:
                return None
        return node

    def scalar(self, loc: Iterable[str | int]) -> str | None:
        """The text exactly as written for the scalar at `loc` (e.g. yes, not True)."""
        node = self.node(loc)
        return node.value if isinstance(node, yaml.ScalarNode) else None

    def item_lines(self, loc: Iterable[str | int]) -> tuple[int, ...]:
        """The line of each item of the sequence at `loc` (one walk, not one per item)."""
        node = self.node(loc)
        if not isinstance(node, yaml.SequenceNode):
            return ()
        return tuple(item.start_mark.line + 1 for item in node.value)

    def problem(self, loc: tuple[str | int, ...], code: str, **params: object) -> Problem:
        """A catalog problem located at `loc`."""
        return Problem.of(self.file, self.line(loc), dotted(loc), code, **params)

    def scalars(self) -> Iterator[tuple[tuple[str | int, ...], yaml.ScalarNode]]:
        """(loc, node) of every value scalar (not keys), in file order."""
        yield from _scalars(self.root, ())


def _scalars(
    node: yaml.Node | None, loc: tuple[str | int, ...]
) -> Iterator[tuple[tuple[str | int, ...], yaml.ScalarNode]]:
    if isinstance(node, yaml.ScalarNode):
        yield loc, node
    elif isinstance(node, yaml.MappingNode):
        for key, value in node.value:
            yield from _scalars(value, (*loc, str(key.value)))
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from _scalars(item, (*loc, i))


def read_yaml(path: str | Path) -> YamlDocument:
    """Parse one YAML file safely; raises KnowledgeError with file:line problems."""
    # yaml_errors reads YamlDocument from here, so it is imported when first needed.
    from bot.knowledge.yaml_errors import explain, explain_parsed

    path = Path(path)
    file = display_path(path)

    def fail(code: str, line: int | None = None, **params: object) -> KnowledgeError:
        return KnowledgeError([Problem.of(file, line, "", code, **params)])

    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise fail("file_too_big", size=f"{size:,}", limit=f"{MAX_BYTES:,}")
        with path.open("rb") as fh:
            raw = fh.read(MAX_BYTES + 1)  # bounded even if the file grows meanwhile
    except OSError as exc:
        raise fail("file_unreadable", reason=exc.strerror or exc) from None
    if len(raw) > MAX_BYTES:
        raise fail("file_too_big", size=f"> {MAX_BYTES:,}", limit=f"{MAX_BYTES:,}")
    try:
        text = raw.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        raise fail("not_utf8", line, byte=f"0x{raw[exc.start]:02x}") from None

    try:
        data, root = parse_yaml(text)
    except _AliasRefused as exc:
        mark = exc.problem_mark
        raise fail(exc.code, mark.line + 1 if mark else None, **exc.params) from None
    except yaml.MarkedYAMLError as exc:
        raise KnowledgeError([explain(file, text, exc)]) from None
    except yaml.YAMLError as exc:
        raise fail("yaml_error", detail=exc) from None
    except RecursionError:
        raise fail("yaml_too_deep") from None
    doc = YamlDocument(data, root, file)
    # Valid YAML that still says something else than was meant (a list item one
    # space off becomes part of the item above it).
    problems = explain_parsed(doc, text)
    if problems:
        raise KnowledgeError(problems)
    return doc


def duplicate_keys(node: yaml.Node | None, loc: tuple[str | int, ...] = ()) -> Iterator[tuple]:
    """(loc, line, key) for every key repeated in a mapping: YAML would keep only the last."""
    if isinstance(node, yaml.MappingNode):
        seen: set[str] = set()
        for key, value in node.value:
            name = key.value if isinstance(key, yaml.ScalarNode) else None
            if name is not None and name in seen:
                yield (*loc, name), key.start_mark.line + 1, name
            if name is not None:
                seen.add(name)
            yield from duplicate_keys(value, (*loc, name) if name is not None else loc)
    elif isinstance(node, yaml.SequenceNode):
        for i, item in enumerate(node.value):
            yield from duplicate_keys(item, (*loc, i))
