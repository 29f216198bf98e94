"""YAML parsing that keeps the line of every top-level key and reports errors by line."""

from __future__ import annotations

from dataclasses import dataclass

import yaml

try:  # the C loader is several times faster on large archives
    from yaml import CSafeLoader as _Loader
except ImportError:  # pragma: no cover - depends on how PyYAML was built
    from yaml import SafeLoader as _Loader  # type: ignore[assignment]


class _StringDates(_Loader):  # type: ignore[misc, valid-type]
    """Leaves timestamps as text, so a bad date becomes our message with its line, not a crash."""


_StringDates.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in _Loader.yaml_implicit_resolvers.items()
}


@dataclass(frozen=True)
class YamlProblem:
    line: int  # 1-based, relative to the parsed text
    col: int
    message: str


@dataclass(frozen=True)
class YamlMapping:
    data: dict
    key_lines: dict[str, int]  # 1-based line of each top-level key


def _shared_node(root: yaml.Node) -> yaml.Node | None:
    """A node reached twice (an alias), or None. Aliases are refused outright: a few hundred
    bytes of nested ones expand to gigabytes (the "billion laughs")."""
    seen: set[int] = set()
    todo = [root]
    while todo:
        node = todo.pop()
        if id(node) in seen:
            return node
        seen.add(id(node))
        if isinstance(node, yaml.MappingNode):
            todo.extend(part for pair in node.value for part in pair)
        elif isinstance(node, yaml.SequenceNode):
            todo.extend(node.value)
    return None


def load_mapping(text: str) -> YamlMapping | YamlProblem:
    """Parse `text` as a YAML mapping; return the mapping or the first problem, by line."""
    loader = _StringDates(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return YamlMapping({}, {})
        if not isinstance(node, yaml.MappingNode):
            return YamlProblem(node.start_mark.line + 1, node.start_mark.column + 1,
                               "expected `key: value` lines, found a single value or a list")
        shared = _shared_node(node)
        if shared is not None:
            return YamlProblem(shared.start_mark.line + 1, shared.start_mark.column + 1,
                               "anchors and aliases (`&name`, `*name`) are not allowed here: "
                               "write the value out")
        key_lines: dict[str, int] = {}
        for key_node, _ in node.value:
            key = str(key_node.value)
            if key in key_lines:
                return YamlProblem(key_node.start_mark.line + 1, key_node.start_mark.column + 1,
                                   f"key `{key}` appears twice (first on line {key_lines[key]})")
            key_lines[key] = key_node.start_mark.line + 1
        data = loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line, col = (mark.line + 1, mark.column + 1) if mark else (1, 0)
        problem = exc.problem or exc.context or "invalid YAML"
        if exc.context and exc.context_mark and exc.problem_mark \
                and exc.context_mark.line != exc.problem_mark.line:
            problem += f" ({exc.context} that starts on line {exc.context_mark.line + 1})"
        return YamlProblem(line, col, f"YAML syntax error: {problem}")
    except yaml.reader.ReaderError as exc:
        line = text.count("\n", 0, exc.position) + 1
        return YamlProblem(line, 0, f"the front matter contains the control character "
                                    f"U+{exc.character:04X}, which YAML does not allow")
    except yaml.YAMLError as exc:
        return YamlProblem(1, 0, f"YAML error: {str(exc)[:200]}")
    except (ValueError, OverflowError, RecursionError) as exc:  # a 5,000-digit number, …
        return YamlProblem(1, 0, f"a value YAML cannot read: {str(exc)[:120]}")
    finally:
        loader.dispose()
    return YamlMapping(data, key_lines)
