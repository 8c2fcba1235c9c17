"""Read YAML files with line numbers, so every problem can name its line."""

from __future__ import annotations

from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from wissensplattform.problems import Problem

Path_ = tuple[str | int, ...]


class _Loader(yaml.SafeLoader):
    """SafeLoader that keeps dates as text, so `datum: 2013-01-09` stays a string the schema checks."""


_Loader.yaml_implicit_resolvers = {
    first: [(tag, regexp) for tag, regexp in resolvers if tag != "tag:yaml.org,2002:timestamp"]
    for first, resolvers in yaml.SafeLoader.yaml_implicit_resolvers.items()
}


class _FastLoader(getattr(yaml, "CSafeLoader", _Loader)):
    """The same loader on libyaml, several times faster; syntax errors are re-read with `_Loader` for its wording."""


_FastLoader.yaml_implicit_resolvers = _Loader.yaml_implicit_resolvers


def _parse(text: str, loader_class: type, loaded: LoadedFile) -> Any:
    """Parse once; one walk over the node tree gives the data, each key's line and duplicate keys."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        problems_before = len(loaded.problems)
        try:
            return _build(node, (), loaded, SafeConstructor())
        except _Unusual:
            # Merge keys or explicit tags: PyYAML's own constructor builds the data, a second walk the lines.
            loaded.lines.clear()
            del loaded.problems[problems_before:]
            data = loader.construct_document(node)
            _record_lines(node, (), loaded)
            return data
    finally:
        loader.dispose()


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
# Scalars PyYAML's safe constructor turns into other types than text (timestamps stay text, see _Loader).
_TYPED_SCALARS = {f"tag:yaml.org,2002:{name}" for name in ("int", "float", "bool", "null")}


class _Unusual(Exception):
    """The document uses YAML features the fast walk leaves to PyYAML's constructor."""


def _build(node: yaml.Node, loc: Path_, loaded: LoadedFile, constructor: SafeConstructor) -> Any:
    """The data of `node`, as PyYAML's safe constructor builds it, recording lines and duplicate keys on the way.

    Data files are plain mappings, lists and scalars; walking them once instead of constructing and then
    walking again halves the loading time of ten thousand initiatives.
    """
    loaded.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value
        if node.tag in _TYPED_SCALARS:
            return constructor.construct_object(node)
        raise _Unusual
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        return [_build(item, loc + (index,), loaded, constructor) for index, item in enumerate(node.value)]
    if not (isinstance(node, yaml.MappingNode) and node.tag == _MAP):
        raise _Unusual
    data: dict[Any, Any] = {}
    seen: dict[Any, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in {_STR, *_TYPED_SCALARS}:
            raise _Unusual  # merge keys (<<) and complex keys
        key = key_node.value
        line = key_node.start_mark.line + 1
        if key in seen:
            loaded.problems.append(_duplicate(loaded, loc + (key,), line, seen[key]))
            # The last value wins, as in PyYAML; its lines are not recorded (the first's stay).
            scratch = LoadedFile(loaded.path, loaded.label)
            data[_key(key_node, constructor)] = _build(value_node, loc + (key,), scratch, constructor)
            continue
        seen[key] = line
        loaded.lines[loc + (key,)] = line
        data[_key(key_node, constructor)] = _build(value_node, loc + (key,), loaded, constructor)
        loaded.lines[loc + (key,)] = line
    return data


def _key(node: yaml.ScalarNode, constructor: SafeConstructor) -> Any:
    return node.value if node.tag == _STR else constructor.construct_object(node)


def _duplicate(loaded: LoadedFile, loc: Path_, line: int, first: int) -> Problem:
    return Problem(loaded.label, line, field_name(loc), f"Das Feld steht doppelt (zuerst in Zeile {first}).",
                   "Löschen Sie eines der beiden Vorkommen oder führen Sie sie zusammen.")


@dataclass
class LoadedFile:
    """A parsed data file: its data, where each key sits, and what went wrong while reading it."""

    path: Path
    label: str
    data: Any = None
    lines: dict[Path_, int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    @cached_property
    def texts(self) -> list[tuple[Path_, str]]:
        """Every text in the data with its position, for the checks beyond the schema."""
        return texts(self.data)

    def line_of(self, loc: Path_) -> int | None:
        """Line of the deepest known part of `loc` (1-based)."""
        loc = tuple(loc)
        while loc:
            if loc in self.lines:
                return self.lines[loc]
            loc = loc[:-1]
        return self.lines.get((), 1)

    def problem(self, loc: Path_, meldung: str, hinweis: str | None = None, **kwargs: Any) -> Problem:
        return Problem(self.label, self.line_of(loc), field_name(loc), meldung, hinweis, **kwargs)


def texts(data: Any) -> list[tuple[Path_, str]]:
    """Every text in parsed YAML with its position (a list, not a generator: the checks run on every file)."""
    found: list[tuple[Path_, str]] = []

    def visit(value: Any, loc: Path_) -> None:
        if isinstance(value, dict):
            for key, item in value.items():
                visit(item, loc + (key,))
        elif isinstance(value, list):
            for index, item in enumerate(value):
                visit(item, loc + (index,))
        elif isinstance(value, str):
            found.append((loc, value))

    visit(data, ())
    return found


def field_name(loc: Path_) -> str | None:
    """`('akteure', 2, 'quelle')` → `akteure[3].quelle` (list positions counted from 1, as editors count)."""
    text = ""
    for part in loc:
        text += f"[{part + 1}]" if isinstance(part, int) else (f".{part}" if text else str(part))
    return text or None


def load_yaml(path: Path, root: Path) -> LoadedFile:
    """Parse one file; syntax problems are collected, never raised."""
    loaded = LoadedFile(path=path, label=path.relative_to(root).as_posix())
    raw = path.read_bytes()
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = raw[: exc.start].count(b"\n") + 1
        loaded.problems.append(
            Problem(loaded.label, line, None, "Die Datei ist nicht in UTF-8 gespeichert.",
                    "Speichern Sie sie in Ihrem Editor mit der Kodierung »UTF-8«.")
        )
        return loaded
    text = text.removeprefix("\ufeff")
    for number, line in enumerate(text.splitlines(), start=1):
        if "\t" in line:
            loaded.problems.append(
                Problem(loaded.label, number, None, "Die Zeile enthält ein Tabulatorzeichen.",
                        "YAML erlaubt zum Einrücken nur Leerzeichen: ersetzen Sie den Tabulator durch Leerzeichen.")
            )
    if loaded.problems:
        return loaded
    if not text.strip() or all(l.strip().startswith("#") or not l.strip() for l in text.splitlines()):
        loaded.problems.append(Problem(loaded.label, 1, None, "Die Datei ist leer.",
                                       "Füllen Sie mindestens die Pflichtfelder aus oder löschen Sie die Datei."))
        return loaded
    try:
        try:
            loaded.data = _parse(text, _FastLoader, loaded)
        except yaml.YAMLError:
            loaded.data = _parse(text, _Loader, loaded)  # raises again, with the messages editors know
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loaded.problems.append(
            Problem(loaded.label, mark.line + 1 if mark else None, None,
                    "Die YAML-Syntax ist fehlerhaft" + (f" ({_syntax_reason(exc)})." if _syntax_reason(exc) else "."),
                    "Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser und der vorigen Zeile.")
        )
        return loaded
    return loaded


_REASONS = {
    "mapping values are not allowed here": "ein Doppelpunkt an unerwarteter Stelle; setzen Sie den Text in Anführungszeichen",
    "could not find expected ':'": "ein Doppelpunkt fehlt",
    "found unexpected end of stream": "ein Anführungszeichen oder eine Klammer wurde nicht geschlossen",
    "did not find expected key": "die Einrückung passt nicht",
    "did not find expected '-' indicator": "die Einrückung der Liste passt nicht",
    "found character that cannot start any token": "ein Zeichen, mit dem kein Wert beginnen darf",
    "expected <block end>, but found '<block mapping start>'": "die Einrückung passt nicht",
}


def _syntax_reason(exc: yaml.MarkedYAMLError) -> str | None:
    problem = (exc.problem or "").split(" (")[0]
    return next((german for english, german in _REASONS.items() if problem.startswith(english.split(" (")[0])), None)


def _record_lines(node: yaml.Node, loc: Path_, loaded: LoadedFile) -> None:
    """Walk the node tree: remember each key's line and report duplicate keys."""
    loaded.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.MappingNode):
        seen: dict[Any, int] = {}
        for key_node, value_node in node.value:
            key = key_node.value
            line = key_node.start_mark.line + 1
            if key in seen:
                loaded.problems.append(_duplicate(loaded, loc + (key,), line, seen[key]))
                continue
            seen[key] = line
            loaded.lines[loc + (key,)] = line
            _record_lines(value_node, loc + (key,), loaded)
            loaded.lines[loc + (key,)] = line
    elif isinstance(node, yaml.SequenceNode):
        for index, item in enumerate(node.value):
            _record_lines(item, loc + (index,), loaded)
