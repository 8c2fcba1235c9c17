"""Read YAML files with line numbers, so every problem can name its line."""

from __future__ import annotations

import math
import pickle
import re
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import yaml

from wissensplattform.data.problems import Problem

Path_ = tuple[str | int, ...]


def _decimal(text: str) -> int | float:
    """A decimal integer, leading zeros and all (not octal, as YAML 1.1 reads `012`); one too long for
    Python's int() becomes the float JavaScript's parseInt makes of it."""
    try:
        return int(text, 10)
    except ValueError:
        return float(text)


# Plain scalars are read as YAML 1.2's core schema reads them, exactly as the form editor does (Decap CMS on
# npm `yaml` 1.10, `dist/Schema-*.js`: `core`), not as YAML 1.1 (PyYAML's default) reads them: `yes`, `on`,
# `14:00`, `1_000`, `0b101`, `=`, `<<` (no merge key) and `2013-01-09` are text, `012` is twelve. In yaml's
# order: tag, first characters (`""`: the empty text), pattern, value. The patterns are ASCII, as yaml's
# JavaScript ones: `.inf` and `.nan` in any case (its `/i`), and nothing else.
_TAG = "tag:yaml.org,2002:"
_CORE_SCALARS: list[tuple[str, Iterable[str], str, Callable[[str], Any]]] = [
    ("null", (*"~nN", ""), r"~|[Nn]ull|NULL|", lambda text: None),
    ("bool", "tTfF", r"[Tt]rue|TRUE|[Ff]alse|FALSE", lambda text: text[0] in "tT"),
    ("int", "0", r"0o[0-7]+", lambda text: int(text[2:], 8)),
    ("int", "-+0123456789", r"[-+]?[0-9]+", _decimal),
    ("int", "0", r"0x[0-9a-fA-F]+", lambda text: int(text[2:], 16)),
    ("float", "-+.", r"[-+]?\.[Ii][Nn][Ff]|\.[Nn][Aa][Nn]",
     lambda text: math.nan if text[-1] in "nN" else -math.inf if text[0] == "-" else math.inf),
    ("float", "-+.0123456789", r"[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+", float),
    ("float", "-+.0123456789", r"[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)", float),
]
_CORE_RESOLVERS: dict[str | None, list[tuple[str, re.Pattern[str]]]] = {}  # PyYAML's form: by first character
_CORE_BY_TAG: dict[str, list[tuple[re.Pattern[str], Callable[[str], Any]]]] = {}
for _name, _first, _pattern, _value in _CORE_SCALARS:
    _regexp = re.compile(rf"(?:{_pattern})\Z")
    _CORE_BY_TAG.setdefault(_TAG + _name, []).append((_regexp, _value))
    for _character in _first:
        _CORE_RESOLVERS.setdefault(_character, []).append((_TAG + _name, _regexp))


def _core_value(tag: str, text: str) -> Any:
    """The value of a scalar tagged `tag` (resolved from plain text or written as `!!int`): as yaml@1 does, text
    that is no such value under the core schema stays text (`!!int 0b101` is the text »0b101«)."""
    for pattern, value in _CORE_BY_TAG[tag]:
        if pattern.match(text):
            return value(text)
    return text


def _construct_core(loader: yaml.SafeLoader, node: yaml.Node) -> Any:
    return _core_value(node.tag, loader.construct_scalar(node))


class _Loader(yaml.SafeLoader):
    """SafeLoader reading plain scalars as YAML 1.2's core schema does (see `_CORE_SCALARS`), so
    `datum: 2013-01-09` stays a string the schema checks and `beginn: 14:00` the text the editor saved."""


class _FastLoader(getattr(yaml, "CSafeLoader", _Loader)):
    """The same loader on libyaml, several times faster; syntax errors are re-read with `_Loader` for its wording."""


for _loader in (_Loader, _FastLoader):
    _loader.yaml_implicit_resolvers = _CORE_RESOLVERS
    for _tag in _CORE_BY_TAG:
        _loader.add_constructor(_tag, _construct_core)


def _parse(text: str, loader_class: type, loaded: LoadedFile) -> Any:
    """Parse once; one walk over the node tree gives the data, each key's line and duplicate keys."""
    loader = loader_class(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        problems_before = len(loaded.problems)
        try:
            return _build(node, (), loaded)
        except _Unusual:
            # Explicit tags (`!!set`) or complex keys: PyYAML's constructor builds the data, a second walk the lines.
            loaded.lines.clear()
            del loaded.problems[problems_before:]
            data = loader.construct_document(node)
            _record_lines(node, (), loaded)
            return data
    finally:
        loader.dispose()


_STR, _MAP, _SEQ = "tag:yaml.org,2002:str", "tag:yaml.org,2002:map", "tag:yaml.org,2002:seq"
# Scalars that are other values than text (see `_CORE_SCALARS`), and the keys the fast walk builds.
_TYPED_SCALARS = frozenset(_CORE_BY_TAG)
_SCALAR_KEYS = _TYPED_SCALARS | {_STR}


class _Unusual(Exception):
    """The document uses YAML features the fast walk leaves to PyYAML's constructor."""


def _build(node: yaml.Node, loc: Path_, loaded: LoadedFile) -> Any:
    """The data of `node`, as `_Loader`'s constructor builds it, recording lines and duplicate keys on the way.

    Data files are plain mappings, lists and scalars; walking them once instead of constructing and then
    walking again halves the loading time of ten thousand initiatives.
    """
    loaded.lines.setdefault(loc, node.start_mark.line + 1)
    if isinstance(node, yaml.ScalarNode):
        if node.tag == _STR:
            return node.value
        if node.tag in _TYPED_SCALARS:
            return _core_value(node.tag, node.value)
        raise _Unusual
    if isinstance(node, yaml.SequenceNode) and node.tag == _SEQ:
        return [_build(item, loc + (index,), loaded) for index, item in enumerate(node.value)]
    if not (isinstance(node, yaml.MappingNode) and node.tag == _MAP):
        raise _Unusual
    data: dict[Any, Any] = {}
    seen: dict[Any, int] = {}
    for key_node, value_node in node.value:
        if not isinstance(key_node, yaml.ScalarNode) or key_node.tag not in _SCALAR_KEYS:
            raise _Unusual  # keys with explicit tags, complex keys
        key = key_node.value
        line = key_node.start_mark.line + 1
        if key in seen:
            loaded.problems.append(_duplicate(loaded, loc + (key,), line, seen[key]))
            # The last value wins, as in PyYAML; its lines are not recorded (the first's stay).
            scratch = LoadedFile(loaded.path, loaded.label)
            data[_key(key_node)] = _build(value_node, loc + (key,), scratch)
            continue
        seen[key] = line
        loaded.lines[loc + (key,)] = line
        data[_key(key_node)] = _build(value_node, loc + (key,), loaded)
        loaded.lines[loc + (key,)] = line
    return data


def _key(node: yaml.ScalarNode) -> Any:
    return node.value if node.tag == _STR else _core_value(node.tag, node.value)


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


# The files read in this process and what came of them, pickled: `mkdocs serve` builds again after each edit,
# and a file with the same bytes reads the same. Each caller gets its own copy, which it may change.
_read_before: dict[tuple[Path, Path], tuple[bytes, bytes]] = {}


def load_yaml(path: Path, root: Path) -> LoadedFile:
    """Parse one file; syntax problems are collected, never raised."""
    raw = path.read_bytes()
    before = _read_before.get((path, root))
    if before is not None and before[0] == raw:
        return pickle.loads(before[1])
    loaded = _read(path, root, raw)
    _read_before[(path, root)] = (raw, pickle.dumps(loaded, protocol=pickle.HIGHEST_PROTOCOL))
    return loaded


def _read(path: Path, root: Path, raw: bytes) -> LoadedFile:
    loaded = LoadedFile(path=path, label=path.relative_to(root).as_posix())
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
    for number, line in enumerate(_LINE_BREAK.split(text), start=1):
        if "\t" in line:
            loaded.problems.append(
                Problem(loaded.label, number, None, "Die Zeile enthält ein Tabulatorzeichen.",
                        "YAML erlaubt zum Einrücken nur Leerzeichen: ersetzen Sie den Tabulator durch Leerzeichen.")
            )
        if controls := _NOT_ALLOWED.findall(line):
            loaded.problems.append(_control_characters(loaded.label, number, controls))
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
    except yaml.reader.ReaderError as exc:  # the check above finds these first; never a traceback
        line = len(_LINE_BREAK.findall(text, 0, exc.position)) + 1
        loaded.problems.append(_control_characters(loaded.label, line, [chr(exc.character)]))
        return loaded
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        loaded.problems.append(
            Problem(loaded.label, mark.line + 1 if mark else None, None,
                    "Die YAML-Syntax ist fehlerhaft" + (f" ({_syntax_reason(exc)})." if _syntax_reason(exc) else "."),
                    "Prüfen Sie Einrückung, Doppelpunkte und Anführungszeichen in dieser und der vorigen Zeile.")
        )
        return loaded
    return loaded


# Lines as editors and YAML count them (str.splitlines also breaks at form feeds and other controls).
_LINE_BREAK = re.compile(r"\r\n?|\n")
# What PyYAML's reader refuses: control characters other than tab and line breaks, DEL, C1 controls but NEL,
# surrogates, U+FFFE and U+FFFF (the same set as libyaml's).
_NOT_ALLOWED = yaml.reader.Reader.NON_PRINTABLE


def _control_characters(label: str, line: int, characters: list[str]) -> Problem:
    names = ", ".join(f"U+{ord(character):04X}" for character in dict.fromkeys(characters))
    return Problem(label, line, None, f"Die Zeile enthält ein unsichtbares Steuerzeichen ({names}), das YAML "
                   "nicht erlaubt.", "Löschen Sie es oder ersetzen Sie es durch ein Leerzeichen; solche Zeichen "
                   "kommen oft beim Kopieren aus PDF- oder Word-Dateien mit.")


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
