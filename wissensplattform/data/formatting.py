"""The canonical text of a data file: byte for byte what the form editor (Decap CMS 3.16) writes.

Decap saves an entry in three steps, ported here in that order:

1. Its store (Immutable.js 4.3.9, bundled in decap-cms 3.16.3) holds every mapping as an Immutable `Map`,
   which keeps insertion order up to eight keys and iterates larger maps in hash order; a plain JavaScript
   object puts integer-like keys first.
2. `toFile` (decap-cms-core `formats/yaml.ts`) sorts the top-level keys by the form's field order with
   `sortKeys` (`formats/helpers.ts`) in the browser's `Array.prototype.sort` (V8: TimSort).
3. The npm package `yaml` 1.10 writes the document: `createNode(data)`, `Document.toString()`
   (`dist/resolveSeq-*.js`, `dist/Document-*.js`: plain scalars where they read back as text under the
   YAML 1.2 core schema, else quoted; folding at 80 columns; block scalars for multi-line text).

For mappings Decap keeps in file order (eight keys or fewer) the formatter chooses the order the form shows
(`key_order`: own fields first, the citation last), so a file's next save in the editor changes only what the
editor changed. Comments are dropped, as the editor drops them.

The data check reads plain scalars as `yaml` does (the YAML 1.2 core schema, see `loading._CORE_SCALARS`), so
`yes`, `on`, `14:00` or `1_000` stay unquoted text, as the editor writes them. Where `yaml` 1.10's text would
not load back as the same data in the data check (PyYAML), the formatter diverges, in a text Decap reads as
the same data:
- tabs, DEL and C1 controls, NEL, LS and PS are escaped in double quotes (the data check refuses the first
  two raw, and PyYAML reads the others as line breaks);
- a space between two line breaks is escaped once, not twice, and a surrogate pair is never split in two.
"""

from __future__ import annotations

import math
import re
import tempfile
from dataclasses import dataclass, field
from decimal import Decimal
from pathlib import Path
from typing import Any

from pydantic import BaseModel, RootModel

from wissensplattform.data.catalog import data_files
from wissensplattform.data.knowledge import KNOWLEDGE_DIR, SINGLE_FILES
from wissensplattform.data.loading import LoadedFile, _Loader as _ProjectLoader, load_yaml
from wissensplattform.data.models.common import key_order
from wissensplattform.data.models.introspection import nested_models
from wissensplattform.data.problems import DataError, Problem

Loc = tuple[str | int, ...]


# --- Which files, and what went wrong -------------------------------------------------------------------

def formatted_files(root: Path) -> list[tuple[Path, type[BaseModel]]]:
    """Every data file: those `data_files` lists and the single knowledge pages (the editor's »Wissensseiten«)."""
    pages = [(root / KNOWLEDGE_DIR / f"{name}.yaml", model) for name, model in SINGLE_FILES.items()]
    return data_files(root) + [(path, model) for path, model in pages if path.exists()]


class Unsupported(Exception):
    """A value the editor cannot hold (an explicit YAML type such as `!!binary`, a key that is no text)."""

    def __init__(self, loc: Loc, meldung: str, hinweis: str):
        super().__init__(meldung)
        self.loc, self.meldung, self.hinweis = loc, meldung, hinweis


@dataclass
class Result:
    """What `format_file` did with one file."""

    path: Path
    changed: bool = False
    problems: list[Problem] = field(default_factory=list)


# --- Files -----------------------------------------------------------------------------------------------

def format_file(path: Path, model: type[BaseModel] | None, root: Path | None = None, write: bool = True) -> Result:
    """Bring one file into canonical form (or only tell whether it is, with `write=False`).

    A file that does not load is reported as the data check reports it and left untouched, as is a file
    whose canonical text would load to other data (a guard; see `first_difference`).
    """
    root = root or path.parent
    loaded = _load(path, root)
    if loaded.problems:
        return Result(path, problems=loaded.problems)
    try:
        text = canonical_text(loaded.data, model)
    except Unsupported as error:
        return Result(path, problems=[loaded.problem(error.loc, error.meldung, error.hinweis)])
    data = text.encode("utf-8", "surrogatepass")
    if data == path.read_bytes():
        return Result(path)
    reloaded = _load_text(text, loaded.label)
    difference = () if reloaded.problems else first_difference(loaded.data, reloaded.data)
    if difference is not None:
        return Result(path, problems=[loaded.problem(
            difference, "Die einheitliche Form würde die Daten verändern; die Datei bleibt, wie sie ist.",
            "Das ist ein Fehler des Formatierers: bitte melden Sie ihn mit dieser Datei der technischen Betreuung.")])
    if write:
        try:
            path.write_bytes(data)
        except OSError:
            return Result(path, problems=[Problem(loaded.label, None, None, "Die Datei lässt sich nicht speichern.",
                                                  "Prüfen Sie, ob Sie sie ändern dürfen.")])
    return Result(path, changed=True)


def format_text(text: str, model: type[BaseModel] | None) -> str:
    """The canonical form of `text`; raises `DataError` with the data check's findings if it does not load."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, "datei.yaml")
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        result = format_file(path, model, Path(folder))
        if result.problems:
            raise DataError(result.problems)
        return path.read_text(encoding="utf-8")


def _load(path: Path, root: Path) -> LoadedFile:
    """`load_yaml`, with the failure it raises instead of reporting (a file it cannot read) turned into a finding."""
    try:
        return load_yaml(path, root)
    except OSError:
        label = path.relative_to(root).as_posix() if path.is_relative_to(root) else path.name
        return LoadedFile(path, label, problems=[Problem(label, None, None, "Die Datei lässt sich nicht lesen.",
                                                         "Prüfen Sie, ob es sie gibt und ob Sie sie lesen dürfen.")])


def _load_text(text: str, label: str) -> LoadedFile:
    """`text` read by the data check's loader (which reads files)."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder, label)
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(text.encode("utf-8", "surrogatepass"))
        return _load(path, Path(folder))


def first_difference(a: Any, b: Any, loc: Loc = ()) -> Loc | None:
    """Where two loaded data first differ, or None. Numbers compare by value: JavaScript has one number
    type, so the editor writes 51.0 as 51, which the schema reads as the same number."""
    if isinstance(a, dict) and isinstance(b, dict):
        if set(a) != set(b):
            return loc
        parts = [(key, a[key], b[key]) for key in a]
    elif isinstance(a, list) and isinstance(b, list):
        if len(a) != len(b):
            return loc
        parts = [(index, x, y) for index, (x, y) in enumerate(zip(a, b))]
    elif _is_number(a) and _is_number(b):
        return None if a == b or (math.isnan(a) and math.isnan(b)) else loc
    else:
        return None if type(a) is type(b) and a == b else loc
    return next((d for key, x, y in parts if (d := first_difference(x, y, loc + (key,))) is not None), None)


def _is_number(value: Any) -> bool:
    return isinstance(value, (int, float)) and not isinstance(value, bool)


# --- Step 1 and 2: the key order Decap hands to the writer -----------------------------------------------

def canonical_text(data: Any, model: type[BaseModel] | None) -> str:
    """What Decap writes for `data`, a file validated by `model` (None: no form; keys stay in file order)."""
    data = entry_data(data, model)
    if isinstance(data, dict):
        data = {key: data[key] for key in _v8_sort(list(data), form_field_names(model))}
    text = _stringify(data, _Ctx()) + "\n"
    # Strings were handled as JavaScript's UTF-16 code units; join surrogate pairs back into characters.
    return text.encode("utf-16-le", "surrogatepass").decode("utf-16-le", "surrogatepass")


def form_field_names(model: type[BaseModel] | None) -> list[str]:
    """The top-level field order of the editor's form (Decap's `sortedKeys`); a register (a mapping of ids,
    `quellen.yaml`) has no form."""
    return [] if model is None or _is_register(model) else key_order(model)


def entry_data(data: Any, model: type[BaseModel] | None) -> Any:
    """`data` with every mapping in the order Decap's store hands it to `toFile` (the top level still unsorted).

    Mappings of a form's model start in the form's order; larger ones then take the store's hash order. A
    register is no form, so Decap never holds it: its order stays the file's.
    """
    return _arrange(data, model, (), through_store=model is not None and not _is_register(model))


def _arrange(value: Any, model: type[BaseModel] | None, loc: Loc, through_store: bool) -> Any:
    if isinstance(value, list):
        return [_arrange(item, model, loc + (index,), through_store) for index, item in enumerate(value)]
    if not isinstance(value, dict):
        return _scalar_value(value, loc)
    for key in value:
        if not isinstance(key, str):
            raise Unsupported(loc + (str(key),), "Der Feldname ist kein Text.",
                              f"Setzen Sie ihn in Anführungszeichen: »\"{key}\":«.")
    keys = _form_order(list(value), model)
    if through_store:
        keys = _store_order(_js_order(keys))
    return {key: _arrange(value[key], _child_model(model, key), loc + (key,), through_store) for key in _js_order(keys)}


def _scalar_value(value: Any, loc: Loc) -> Any:
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    raise Unsupported(loc, "Der Wert trägt eine YAML-Typangabe (»!!…«), die der Editor nicht speichern kann.",
                      "Schreiben Sie ihn als Text, Zahl, true/false oder Liste, ohne »!!«.")


def _is_register(model: type[BaseModel]) -> bool:
    return issubclass(model, RootModel)


def _child_model(model: type[BaseModel] | None, key: str) -> type[BaseModel] | None:
    """The model of the value at `key` (a register's entries all share one)."""
    if model is None:
        return None
    info = model.model_fields.get("root" if _is_register(model) else key)
    nested = nested_models(info.annotation) if info is not None else []
    return nested[0] if nested else None


def _form_order(keys: list[str], model: type[BaseModel] | None) -> list[str]:
    """The form's fields first, in the form's order; other keys after them in file order."""
    if model is None or _is_register(model):
        return keys
    known = [name for name in key_order(model) if name in keys]
    return known + [key for key in keys if key not in known]


def _js_order(keys: list[str]) -> list[str]:
    """The key order of a JavaScript object: integer-like keys first, ascending, then the others as inserted."""
    def is_index(key: str) -> bool:
        return re.fullmatch(r"0|[1-9][0-9]*", key) is not None and int(key) < 2**32 - 1

    return sorted((key for key in keys if is_index(key)), key=int) + [key for key in keys if not is_index(key)]


# Immutable.js: up to 8 keys an `ArrayMapNode` (insertion order); more build a hash trie.
_ARRAY_MAP_SIZE = 8


def _store_order(keys: list[str]) -> list[str]:
    """The iteration order of an Immutable.js `Map` built by inserting `keys` in order.

    The ninth key turns the array node into a trie (`createNodes`: the new key first, then the eight);
    a trie iterates by the 5-bit fragments of the key's hash from the lowest up, and keys with equal
    hashes in insertion order.
    """
    if len(keys) <= _ARRAY_MAP_SIZE:
        return keys
    inserted = [keys[_ARRAY_MAP_SIZE], *keys[:_ARRAY_MAP_SIZE], *keys[_ARRAY_MAP_SIZE + 1:]]
    return sorted(inserted, key=_trie_path)


def _trie_path(key: str) -> tuple[int, ...]:
    """Immutable.js `hashString` and `smi` over UTF-16 code units, as the trie's 5-bit fragments."""
    units = key.encode("utf-16-le", "surrogatepass")
    h = 0
    for index in range(0, len(units), 2):
        h = (31 * h + int.from_bytes(units[index:index + 2], "little")) & 0xFFFFFFFF
    h = ((h >> 1) & 0x40000000) | (h & 0xBFFFFFFF)
    return tuple((h >> shift) & 31 for shift in range(0, 32, 5))


def _v8_sort(keys: list[str], sorted_keys: list[str]) -> list[str]:
    """`keys.sort(sortKeys(sortedKeys))` as V8 runs it: a key outside `sorted_keys` compares equal to every
    key, so it can stop the sorting of the keys around it.

    V8's TimSort sorts fewer than 64 elements by taking the leading run and binary insertion; beyond that
    it merges runs, which only a file with 64 or more top-level keys, some unknown, would need (such a file
    cannot be valid); there the known keys simply come first.
    """
    def compare(a: str, b: str) -> int:
        if a not in sorted_keys or b not in sorted_keys:
            return 0
        index_a, index_b = sorted_keys.index(a), sorted_keys.index(b)
        return (index_a > index_b) - (index_a < index_b)

    items = list(keys)
    if len(items) < 2:
        return items
    if len(items) >= 64:
        return [key for key in sorted_keys if key in items] + [key for key in items if key not in sorted_keys]
    _binary_insertion_sort(items, _count_and_make_run(items, compare), compare)
    return items


def _count_and_make_run(items: list[str], compare) -> int:
    """V8's CountAndMakeRun from the start: the length of the leading run, a strictly descending one reversed."""
    descending = compare(items[1], items[0]) < 0
    run = 2
    while run < len(items):
        order = compare(items[run], items[run - 1])
        if (order >= 0) if descending else (order < 0):
            break
        run += 1
    if descending:
        items[:run] = items[:run][::-1]
    return run


def _binary_insertion_sort(items: list[str], start: int, compare) -> None:
    """V8's BinaryInsertionSort: insert each item from `start` on after the last item not greater than it."""
    for index in range(start, len(items)):
        pivot, left, right = items[index], 0, index
        while left < right:
            mid = left + ((right - left) >> 1)
            if compare(pivot, items[mid]) < 0:
                right = mid
            else:
                left = mid + 1
        items[left + 1:index + 1] = items[left:index]
        items[left] = pivot


# --- Step 3: yaml@1 Document.toString() ------------------------------------------------------------------

LINE_WIDTH, MIN_CONTENT_WIDTH = 80, 20  # strOptions.fold
MIN_MULTI_LINE_LENGTH = 40  # strOptions.doubleQuoted.minMultiLineLength
INDENT_STEP = "  "  # options.indent = 2; indentSeq = true
MAX_IMPLICIT_KEY = 1024
FLOW, BLOCK, QUOTED = "flow", "block", "quoted"  # foldFlowLines modes


@dataclass(frozen=True)
class _Ctx:
    """The part of yaml's stringify context our data uses."""

    indent: str = ""
    implicit_key: bool = False
    indent_at_start: int | None = None
    force_block_indent: bool = False


def _stringify(value: Any, ctx: _Ctx) -> str:
    if isinstance(value, dict):
        return _map(value, ctx)
    if isinstance(value, list):
        return _seq(value, ctx)
    return _scalar(value, ctx)


def _map(mapping: dict[str, Any], ctx: _Ctx) -> str:
    """YAMLMap.toString (block): one pair per line; a map whose values are all null is written as a set."""
    if not mapping:
        return "{}"
    all_null = all(value is None for value in mapping.values())
    return f"\n{ctx.indent}".join(_pair(key, value, ctx, all_null) for key, value in mapping.items())


def _seq(items: list[Any], ctx: _Ctx) -> str:
    """YAMLSeq.toString (block): `- item`, nested content indented by two."""
    if not items:
        return "[]"
    item_ctx = _Ctx(indent=ctx.indent + INDENT_STEP)
    return f"\n{ctx.indent}".join(f"- {_stringify(item, item_ctx)}" for item in items)


def _pair(key: str, value: Any, ctx: _Ctx, all_null: bool) -> str:
    """Pair.toString: `key: value`, the value on the next lines if it is a non-empty collection."""
    indent = ctx.indent + INDENT_STEP
    head = _string(_utf16_units(key), _Ctx(indent=indent, implicit_key=True))
    explicit = len(head) > MAX_IMPLICIT_KEY
    if all_null:
        return f"? {head}"
    head = f"? {head}\n{ctx.indent}:" if explicit else f"{head}:"
    scalar = not isinstance(value, (dict, list))
    start = len(head) + 1 if scalar and not explicit else None  # where a scalar starts: after `key: `
    value_str = _stringify(value, _Ctx(indent=indent, indent_at_start=start))
    if not explicit and not scalar:
        flow = value_str[0] in "[{"
        separator = " " if flow and "\n" not in value_str else f"\n{indent}"
    else:
        separator = "" if value_str.startswith("\n") else " "
    return head + separator + value_str


def _scalar(value: Any, ctx: _Ctx) -> str:
    if value is None:
        return "null"
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, int):
        return str(value)
    if isinstance(value, float):
        return _number(value)
    return _string(_utf16_units(value), ctx)


def _utf16_units(text: str) -> str:
    """`text` as JavaScript sees it: UTF-16 code units, so lengths and positions count a surrogate pair as two."""
    if not text or max(text) <= "\uffff":
        return text
    units = text.encode("utf-16-le", "surrogatepass")
    return "".join(chr(int.from_bytes(units[i:i + 2], "little")) for i in range(0, len(units), 2))


def _number(value: float) -> str:
    """stringifyNumber: JavaScript's Number#toString (shortest round trip, exponent from 1e21 and below 1e-6)."""
    if math.isnan(value):
        return ".nan"
    if math.isinf(value):
        return "-.inf" if value < 0 else ".inf"
    if value == 0:
        return "0"
    sign, digits, exponent = Decimal(repr(abs(value))).normalize().as_tuple()
    digits_text = "".join(map(str, digits))
    k, n = len(digits), exponent + len(digits)
    if k <= n <= 21:
        text = digits_text + "0" * (n - k)
    elif 0 < n <= 21:
        text = f"{digits_text[:n]}.{digits_text[n:]}"
    elif -6 < n <= 0:
        text = f"0.{'0' * -n}{digits_text}"
    else:
        mantissa = digits_text[0] + (f".{digits_text[1:]}" if k > 1 else "")
        text = f"{mantissa}e{'+' if n - 1 >= 0 else '-'}{abs(n - 1)}"
    return ("-" if value < 0 else "") + text


# Strings. Regular expressions are JavaScript's: `$` is the end of the text (\Z), `.` excludes line
# terminators, `\s` is JavaScript's white space.
_JS_SPACE = "\t\n\v\f\r \u00a0\u1680\u2000-\u200a\u2028\u2029\u202f\u205f\u3000\ufeff"
_JS_DOT = "[^\n\r\u2028\u2029]"
_CONTROL = re.compile(r"[\x00-\x08\x0b-\x1f\x7f-\x9f]")
# Divergence: characters the data check does not read back raw, always escaped in double quotes.
_NOT_RAW = re.compile("[\t\x7f-\x9f\u2028\u2029\ufffe\uffff]")
_DOCUMENT_MARKER = re.compile(r"^(%|---|\.\.\.)", re.M)
_NOT_PLAIN = re.compile(r"\A[\n\t ,\[\]{}#&*!|>'\"%@`]|\A[?-]\Z|\A[?-][ \t]|[\n:][ \t]|[ \t]\n|[\n\t ]#|[\n\t :]\Z")


def _string(value: str, ctx: _Ctx) -> str:
    """stringifyString for a JavaScript string: double-quoted if it holds control characters, else plainString."""
    if _CONTROL.search(value) or _NOT_RAW.search(value):
        return _double_quoted(value, ctx)
    return _plain(value, ctx)


def _plain(value: str, ctx: _Ctx) -> str:
    """plainString: unquoted where that reads back as the same text, else quoted or a block scalar."""
    if ctx.implicit_key and re.search(r"[\n\[\]{},]", value):
        return _double_quoted(value, ctx)
    if not value or _NOT_PLAIN.search(value):
        if ctx.implicit_key or "\n" not in value:
            return _single_quoted(value, ctx) if '"' in value and "'" not in value else _double_quoted(value, ctx)
        return _block(value, ctx)
    if not ctx.implicit_key and "\n" in value:
        return _block(value, ctx)
    if ctx.indent == "" and _DOCUMENT_MARKER.search(value):
        return _block(value, _Ctx(ctx.indent, ctx.implicit_key, ctx.indent_at_start, force_block_indent=True))
    # From here `value` has no line break, so yaml's `str` (line breaks doubled) is `value` itself.
    if _reads_as_other_type(value):
        return _double_quoted(value, ctx)
    return value if ctx.implicit_key else _fold(value, ctx.indent, FLOW, ctx.indent_at_start)


def _reads_as_other_type(text: str) -> bool:
    """Whether plain `text` reads as no text: yaml@1's test with its core schema, which the data check's
    resolvers are (null, bool, int, float; `yes`, `12:30` or `1_000` are text)."""
    resolvers = _ProjectLoader.yaml_implicit_resolvers
    candidates = resolvers.get(text[0] if text else "", []) + resolvers.get(None, [])
    return any(regexp.match(text) for _tag, regexp in candidates)


_ESCAPES = {"0000": "\\0", "0007": "\\a", "000b": "\\v", "001b": "\\e",
            "0085": "\\N", "00a0": "\\_", "2028": "\\L", "2029": "\\P"}
_JSON_SPECIAL = re.compile(r'["\\\x00-\x1f]|[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]')
_JSON_ESCAPES = {'"': '\\"', "\\": "\\\\", "\b": "\\b", "\f": "\\f", "\n": "\\n", "\r": "\\r", "\t": "\\t"}


def _json_string(value: str) -> str:
    """JavaScript's JSON.stringify of a string (of UTF-16 code units)."""
    return '"' + _JSON_SPECIAL.sub(lambda m: _JSON_ESCAPES.get(m[0], f"\\u{ord(m[0]):04x}"), value) + '"'


def _double_quoted(value: str, ctx: _Ctx) -> str:
    """doubleQuotedString: JSON with YAML's short escapes; a line break in longer text becomes a real one."""
    json = _NOT_RAW.sub(lambda m: "\\t" if m[0] == "\t" else f"\\u{ord(m[0]):04x}", _json_string(value))
    indent = ctx.indent or ("  " if _DOCUMENT_MARKER.search(value) else "")
    out, start, i, escaped_space = "", 0, 0, -1
    while i < len(json):
        ch = json[i]
        if ch == " " and json[i + 1:i + 3] == "\\n":
            # A space before a line break is escaped, or folding would eat it. Divergence: yaml@1 escapes a
            # space between two line breaks twice (`\\ `), which reads as a backslash; we escape it once.
            out += json[start:i] + ("" if i == escaped_space else "\\") + " "
            i += 1
            start = i
            ch = "\\"
        if ch == "\\":
            following = json[i + 1:i + 2]
            if following == "u":
                out += json[start:i]
                code = json[i + 2:i + 6]
                out += _ESCAPES.get(code) or ("\\x" + code[2:] if code.startswith("00") else json[i:i + 6])
                i += 5
                start = i + 1
            elif following == "n":
                if ctx.implicit_key or json[i + 2:i + 3] == '"' or len(json) < MIN_MULTI_LINE_LENGTH:
                    i += 1
                else:
                    # Folding eats the first line break.
                    out += json[start:i] + "\n\n"
                    while json[i + 2:i + 4] == "\\n" and json[i + 4:i + 5] != '"':
                        out += "\n"
                        i += 2
                    out += indent
                    if json[i + 2:i + 3] == " ":  # a space after the break is escaped, or folding would eat it
                        out += "\\"
                        escaped_space = i + 2
                    i += 1
                    start = i + 1
            else:
                i += 1
        i += 1
    out = out + json[start:] if start else json
    return out if ctx.implicit_key else _fold(out, indent, QUOTED, ctx.indent_at_start)


def _single_quoted(value: str, ctx: _Ctx) -> str:
    """singleQuotedString (chosen for text with `"` but no `'`)."""
    if ctx.implicit_key:
        if "\n" in value:
            return _double_quoted(value, ctx)
    elif re.search(r"[ \t]\n|\n[ \t]", value):
        return _double_quoted(value, ctx)
    indent = ctx.indent or ("  " if _DOCUMENT_MARKER.search(value) else "")
    quoted = "'" + re.sub(r"\n+", lambda m: f"{m[0]}\n{indent}", value.replace("'", "''")) + "'"
    return quoted if ctx.implicit_key else _fold(quoted, indent, FLOW, ctx.indent_at_start)


def _block(value: str, ctx: _Ctx) -> str:
    """blockString: `|` (literal) unless a line is too long, then `>` (folded); chomping and indentation
    indicators as the text's ends need them."""
    if re.search(r"\n[\t ]+\Z", value) or re.fullmatch(f"[{_JS_SPACE}]*", value):
        return _double_quoted(value, ctx)
    indent = ctx.indent or ("  " if ctx.force_block_indent or _DOCUMENT_MARKER.search(value) else "")
    indent_size = "2" if indent else "1"
    literal = not _line_over_limit(value, LINE_WIDTH, len(indent))
    header = "|" if literal else ">"
    trailing = re.search(r"[\n\t ]*\Z", value)
    ws = trailing[0]
    newline = ws.find("\n")
    if newline == -1:
        header += "-"  # strip
    elif value == ws or newline != len(ws) - 1:
        header += "+"  # keep
    ws_end = ws[:-1] if ws.endswith("\n") else ws
    value = value[:trailing.start()]
    leading = re.match(r"[\n ]*", value)[0]
    if " " in leading:
        header += indent_size
    spaces = re.search(r" +\Z", leading)
    ws_start = leading[:spaces.start()] if spaces else leading
    value = value[len(ws_start):]
    if ws_end:
        ws_end = re.sub(r"\n+(?!\n|\Z)", lambda m: m[0] + indent, ws_end)
    if ws_start:
        ws_start = re.sub(r"\n+", lambda m: m[0] + indent, ws_start)
    if not value:
        return f"{header}{indent_size}\n{indent}{ws_end}"
    if literal:
        value = re.sub(r"\n+", lambda m: m[0] + indent, value)
        return f"{header}\n{indent}{ws_start}{value}{ws_end}"
    value = re.sub(r"\n+", lambda m: "\n" + m[0], value)
    # More-indented lines are not folded.
    value = re.sub(rf"(?:^|\n)([\t ]{_JS_DOT}*)(?:([\n\t ]*)\n(?![\n\t ]))?", lambda m: m[1] + (m[2] or ""), value)
    value = re.sub(r"\n+", lambda m: m[0] + indent, value)
    return f"{header}\n{indent}{_fold(ws_start + value + ws_end, indent, BLOCK, None)}"


def _line_over_limit(text: str, line_width: int, indent_length: int) -> bool:
    """lineLengthOverLimit: whether a line of `text` is longer than the width left after the indentation."""
    limit = line_width - indent_length
    if len(text) <= limit:
        return False
    start = 0
    for i, ch in enumerate(text):
        if ch == "\n":
            if i - start > limit:
                return True
            start = i + 1
            if len(text) - start <= limit:
                return False
    return True


def _fold(text: str, indent: str, mode: str, indent_at_start: int | None) -> str:
    """foldFlowLines: break `text` at single spaces so lines keep within 80 columns where possible.

    `indent_at_start` is where the first line starts (after `key: `); in `QUOTED` mode a line without a
    space is broken with a `\\` escape. Positions past the end read as nothing, as in JavaScript.
    """
    def at(k: int) -> str | None:
        return text[k] if 0 <= k < len(text) else None

    end_step = max(1 + MIN_CONTENT_WIDTH, 1 + LINE_WIDTH - len(indent))
    if len(text) <= end_step:
        return text
    folds: list[int] = []
    escaped_folds: set[int] = set()
    end = LINE_WIDTH - len(indent)
    if indent_at_start is not None:
        if indent_at_start > LINE_WIDTH - max(2, MIN_CONTENT_WIDTH):
            folds.append(0)
        else:
            end = LINE_WIDTH - indent_at_start
    split = prev = None
    i = esc_start = esc_end = -1
    if mode == BLOCK:
        i = _more_indented_lines(text, i)
        if i != -1:
            end = i + end_step
    while (ch := at(i := i + 1)) is not None:
        if mode == QUOTED and ch == "\\":
            esc_start = i
            i += {"x": 3, "u": 5, "U": 9}.get(at(i + 1), 1)
            esc_end = i
        if ch == "\n":
            if mode == BLOCK:
                i = _more_indented_lines(text, i)
            end = i + end_step
            split = None
        else:
            following = at(i + 1)
            if ch == " " and prev and prev not in " \n\t" and following and following not in " \n\t":
                split = i  # a space between non-spaces can become a line break
            if i >= end:
                if split:
                    folds.append(split)
                    end = split + end_step
                    split = None
                elif mode == QUOTED:
                    while prev in (" ", "\t"):  # white space at the end may stretch past the width
                        prev, i = ch, i + 1
                        ch = at(i)
                    j = i - 2 if i > esc_end + 1 else esc_start - 1  # break before, not inside, an escape
                    if "\ud800" <= (at(j) or "") <= "\udbff":
                        j -= 1  # divergence: UTF-8 cannot hold half a surrogate pair, so never split one
                    if j in escaped_folds:
                        return text
                    folds.append(j)
                    escaped_folds.add(j)
                    end = j + end_step
                    split = None
        prev = ch
    if not folds:
        return text
    out = text[:folds[0]]
    for n, fold in enumerate(folds):
        stop = folds[n + 1] if n + 1 < len(folds) and folds[n + 1] else len(text)
        if fold == 0:
            out = f"\n{indent}{text[:stop]}"
        else:
            if mode == QUOTED and fold in escaped_folds:
                out += text[fold] + "\\"
            out += f"\n{indent}{text[fold + 1:stop]}"
    return out


def _more_indented_lines(text: str, i: int) -> int:
    """consumeMoreIndentedLines: from a line start at `i + 1`, the last line break of more-indented lines."""
    ch = text[i + 1] if i + 1 < len(text) else None
    while ch in (" ", "\t"):
        while True:
            i += 1
            ch = text[i] if i < len(text) else None
            if not ch or ch == "\n":
                break
        ch = text[i + 1] if i + 1 < len(text) else None
    return i
