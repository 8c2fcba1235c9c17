"""German messages for schema errors, keyed by pydantic's error `type` and filled from its context.

Editors never read Python: an empty value is "leer" (not None), an object is the list of its sub-fields,
a value is shown as they wrote it (`3.10`, not 3.1).
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
import types
import typing
from dataclasses import dataclass, field
from enum import Enum
from typing import Any

from pydantic import BaseModel, RootModel, ValidationError
from pydantic.fields import FieldInfo
from pydantic_core import ErrorDetails

from wissensplattform.data.dates import MONTHS
from wissensplattform.data.loading import LoadedFile
from wissensplattform.data.models.common import DATE_PATTERN, Jahr
from wissensplattform.data.models.introspection import is_model, is_required, subfields
from wissensplattform.data.problems import Problem

# What a type error expects, by error type.
EXPECTED: dict[str, str] = {
    "string_type": "ein Text",
    "int_type": "eine ganze Zahl",
    "int_parsing": "eine ganze Zahl",
    "int_from_float": "eine ganze Zahl",
    "float_type": "eine Zahl",
    "float_parsing": "eine Zahl",
    "bool_type": "`true` oder `false`",
    "bool_parsing": "`true` oder `false`",
}
OBJECT_TYPES = ("dict_type", "model_type", "model_attributes_type")
# What to enter in an empty field of a plain type, as the object of »Tragen Sie … ein«.
SCALARS: dict[type, str] = {int: "eine ganze Zahl", float: "eine Zahl", bool: "`true` oder `false`"}

# The other error types bad data can cause; `{wert}` is the editor's input.
MESSAGES: dict[str, str] = {
    "missing": "Das Pflichtfeld fehlt.",
    "extra_forbidden": "Dieses Feld ist unbekannt.",
    "enum": "»{wert}« ist nicht erlaubt.",
    "literal_error": "»{wert}« ist nicht erlaubt.",
    "string_too_short": "Der Text ist leer.",
    "string_too_long": "Der Text ist zu lang (erlaubt sind {max_length} Zeichen).",
    "string_pattern_mismatch": "»{wert}« hat nicht die erwartete Form.",
    "list_type": "Hier wird eine Liste erwartet (Einträge mit »- « am Zeilenanfang).",
    "too_short": "Hier werden mindestens {min_length} Einträge erwartet.",
    "too_long": "Hier sind höchstens {max_length} Einträge erlaubt.",
    "too_short_1": "Hier wird mindestens ein Eintrag erwartet.",
    "greater_than_equal": "»{wert}« ist zu klein.",
    "less_than_equal": "»{wert}« ist zu groß.",
    "datum_ungueltig": "»{wert}« ist kein gültiges Datum.",
    "datum_zukunft": "Das Datum »{wert}« liegt in der Zukunft.",
    "jahr_zukunft": "Das Jahr {wert} liegt in der Zukunft.",
    "ausserhalb_deutschlands": "Die Koordinate »{wert}« ({achse}) liegt außerhalb Deutschlands.",
    "kreis_unbekannt": "»{wert}« ist kein Kreis und keine kreisfreie Stadt des Kreisverzeichnisses (VG250).",
    "kreis_mehrdeutig": "»{wert}« heißen mehrere Kreise.",
    "zeitfolge": "Die Zeile ab {wert} schließt nicht an die vorige an (Beginn {vorher}, Dauer {dauer} Minuten).",
    "zellenzahl": "Eine Beispielzeile hat {wert} Zellen, die Tabelle aber {spalten} Spalten.",
}
OTHERWISE = "»{wert}« ist hier nicht erlaubt."

HINTS: dict[str, str] = {
    "string_too_short": "Tragen Sie einen Text ein oder löschen Sie das Feld.",
    "greater_than_equal": "Erlaubt sind Werte ab {ge}.",
    "less_than_equal": "Erlaubt sind Werte bis {le}.",
    "datum_ungueltig": "Schreiben Sie JJJJ, JJJJ-MM oder JJJJ-MM-TT, z. B. \"2013-01-09\".",
    "datum_zukunft": "Tragen Sie nur Ereignisse ein, die stattgefunden haben.",
    "jahr_zukunft": "Tragen Sie das Jahr ein, in dem die Initiative gegründet wurde.",
    "ausserhalb_deutschlands": "Breite (lat) liegt zwischen 47,2 und 55,1, Länge (lon) zwischen 5,8 und 15,1.",
    "kreis_unbekannt": "{vorschlaege}Schreiben Sie den Namen eines Kreises oder einer kreisfreien Stadt oder seinen "
                       "fünfstelligen Regionalschlüssel, z. B. »Lippe« oder »05766« für den Kreis Lippe.",
    "kreis_mehrdeutig": "Schreiben Sie {kandidaten}.",
    "zeitfolge": "Beginn plus Dauer einer Zeile ergibt den Beginn der nächsten Zeile.",
    "zellenzahl": "Geben Sie jeder Beispielzeile so viele Zellen, wie `spalten` nennt.",
}

# Texts of a fixed form, by the pattern in the schema: what such a value is called, and its form.
PATTERNS: dict[str, tuple[str, str]] = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": ("eine Kennung", "Erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche, "
                                                  "z. B. »studie-2018«."),
    DATE_PATTERN: ("ein Datum", "Schreiben Sie JJJJ, JJJJ-MM oder JJJJ-MM-TT, z. B. \"2013-01-09\"."),
    r"^https?://\S+$": ("eine Internetadresse", "Eine Internetadresse beginnt mit https:// oder http:// und "
                                                "enthält keine Leerzeichen."),
}

# The validator that makes an int a year (`Jahr`): its fields get year hints.
_YEAR = typing.get_args(Jahr)[-1]


@dataclass(frozen=True)
class _Target:
    """What the schema expects at an error's place: the type, its constraints, whether the line may go."""

    annotation: Any
    constraints: list[Any] = field(default_factory=list)
    optional: bool = False

    @property
    def model(self) -> type[BaseModel] | None:
        return self.annotation if is_model(self.annotation) else None

    @property
    def enum(self) -> type[Enum] | None:
        a = self.annotation
        return a if isinstance(a, type) and issubclass(a, Enum) else None

    @property
    def is_year(self) -> bool:
        return _YEAR in self.constraints

    @property
    def pattern(self) -> str | None:
        return next((c.pattern for c in self.constraints if getattr(c, "pattern", None)), None)

    @property
    def item(self) -> _Target | None:
        """The entries' target, for a list."""
        if typing.get_origin(self.annotation) is not list:
            return None
        annotation, constraints = _unwrap(typing.get_args(self.annotation)[0])
        return _Target(annotation, constraints, optional=True)


def problems_from_validation(error: ValidationError, model: type[BaseModel], loaded: LoadedFile) -> list[Problem]:
    """Translate every pydantic error into one German problem line."""
    return [_problem(detail, model, loaded) for detail in error.errors(include_url=False)]


def _problem(detail: ErrorDetails, model: type[BaseModel], loaded: LoadedFile) -> Problem:
    kind = detail["type"]
    # A key of a mapping (a source's id in quellen.yaml) is reported as the key's own place.
    loc = tuple(part for part in detail["loc"] if part != "[key]")
    value = detail.get("input")
    target = _target(model, loc)
    if value is None and kind != "missing":
        meldung, hinweis = _empty(loc, target)
    elif kind in EXPECTED:
        meldung, hinweis = _wrong_type(kind, _written(loaded, loc, value), value, target)
    elif kind in OBJECT_TYPES:
        meldung, hinweis = _needs_subfields(loc, _written(loaded, loc, value), value, target)
    elif kind == "list_type":
        meldung, hinweis = MESSAGES[kind], _list_hint(_written(loaded, loc, value), value, target)
    else:
        meldung, hinweis = _other(kind, dict(detail.get("ctx") or {}), _written(loaded, loc, value), model, loc, target)
    return loaded.problem(loc, meldung, hinweis)


def _empty(loc: tuple, target: _Target | None) -> tuple[str, str]:
    """`feld:` with nothing after it, which YAML reads as no value at all."""
    entry = bool(loc) and isinstance(loc[-1], int)
    meldung = "Der Eintrag ist leer." if entry else "Das Feld ist leer."
    what, more = _what_to_enter(target)
    delete = ""
    if target and target.optional:
        delete = " oder löschen Sie den Eintrag" if entry else " oder löschen Sie die Zeile"
    return meldung, f"Tragen Sie {what} ein{delete}." + (f" {more}" if more else "")


def _what_to_enter(target: _Target | None) -> tuple[str, str | None]:
    """What belongs at `target`, as the object of »Tragen Sie … ein«, and a sentence more if needed."""
    if target is None:
        return "einen Wert", None
    if target.enum:
        return "einen der erlaubten Werte", f"Erlaubt sind: {', '.join(str(m.value) for m in target.enum)}."
    if target.model:
        required, optional = subfields(target.model)
        return f"darunter eingerückt {_subfields(required)}", _optional_note(optional)
    if target.item and target.item.model:
        required, _ = subfields(target.item.model)
        return "darunter Einträge", f"Jeder Eintrag beginnt mit »- « und hat {_subfields(required)}."
    if target.item:
        return "darunter Einträge", "Jeder Eintrag beginnt mit »- «."
    if target.is_year:
        return "eine Jahreszahl (z. B. 2011)", None
    if target.pattern in PATTERNS:
        noun, form = PATTERNS[target.pattern]
        return noun, form
    return SCALARS.get(target.annotation, "einen Text"), None


def _wrong_type(kind: str, shown: str, value: Any, target: _Target | None) -> tuple[str, str | None]:
    year = bool(target and target.is_year)
    expected = "eine Jahreszahl" if year else EXPECTED[kind]
    if isinstance(value, (list, dict)):
        instead = "keine Liste" if isinstance(value, list) else "keine Unterfelder"
        return f"Hier wird {expected} erwartet, {instead}.", None
    meldung = f"Hier wird {expected} erwartet, nicht »{shown}«."
    if year:
        guess = german_date(shown)
        return meldung, f"Meinten Sie {guess[0]}?" if guess else "Schreiben Sie die Jahreszahl mit Ziffern, z. B. 2011."
    if kind == "string_type":
        return meldung, f"Setzen Sie den Wert in Anführungszeichen: \"{shown}\"."
    if kind.startswith("float") and re.fullmatch(r"-?\d+,\d+", shown):
        return meldung, f"Schreiben Sie Dezimalzahlen mit Punkt: {shown.replace(',', '.')}."
    return meldung, None


def _needs_subfields(loc: tuple, shown: str, value: Any, target: _Target | None) -> tuple[str, str | None]:
    """An object (`einordnung:` with `quelle` and `stelle` below it) written as a single value or a list."""
    required, optional = subfields(target.model) if target and target.model else ([], [])
    if not required:
        return "Hier werden Unterfelder erwartet (eingerückte Zeilen »schlüssel: wert«).", _optional_note(optional)
    expected = f"Hier {'wird' if len(required) == 1 else 'werden'} {_subfields(required)} erwartet"
    if isinstance(value, list):
        meldung = f"{expected}, keine Liste."
        hinweis = "Schreiben Sie sie eingerückt darunter, ohne »- « am Zeilenanfang."
    else:
        meldung = f"{expected}, nicht »{shown}«."
        first = f"{required[0]}: {shown}"
        if loc and isinstance(loc[-1], int):
            hinweis = f"Schreiben Sie den Eintrag als `- {first}`{_and_add(required[1:], ' darunter')}."
        else:
            hinweis = f"Schreiben Sie darunter eingerückt `{first}`{_and_add(required[1:])}."
    note = _optional_note(optional)
    return meldung, f"{hinweis} {note}" if note else hinweis


def _list_hint(shown: str, value: Any, target: _Target | None) -> str | None:
    item = target.item if target else None
    if isinstance(value, dict):
        return "Setzen Sie »- « vor die erste Zeile jedes Eintrags."
    if item is None:
        return None
    required = subfields(item.model)[0] if item.model else []
    if required:
        return f"Schreiben Sie darunter eingerückt `- {required[0]}: {shown}`{_and_add(required[1:])}."
    return f"Schreiben Sie darunter eingerückt `- {shown}`, je Eintrag eine Zeile."


def _other(kind: str, ctx: dict, shown: str, model: type[BaseModel], loc: tuple,
           target: _Target | None) -> tuple[str, str | None]:
    wert = ctx.pop("wert", shown)
    if kind == "too_short" and ctx.get("min_length") == 1:
        kind = "too_short_1"
    meldung = MESSAGES.get(kind, OTHERWISE).format(wert=wert, **ctx)
    hinweis = HINTS.get(kind, "").format(**ctx) or None
    if kind == "missing" and loc:
        hinweis = _missing_hint(loc[-1], target)
    elif kind == "extra_forbidden":
        hinweis = _unknown_key_hint(model, loc)
    elif kind in ("enum", "literal_error"):
        hinweis = _allowed_values_hint(target, str(wert))
    elif kind == "string_pattern_mismatch":
        hinweis = _pattern_hint(ctx.get("pattern", ""), str(wert))
    return meldung, hinweis


def _missing_hint(name: Any, target: _Target | None) -> str:
    if target and target.model:
        required = subfields(target.model)[0]
        with_ = "dem Unterfeld" if len(required) == 1 else "den Unterfeldern"
        return f"Bitte ergänzen Sie `{name}` mit {with_} {_code_list(required)}."
    return f"Bitte ergänzen Sie `{name}`."


def _unknown_key_hint(model: type[BaseModel], loc: tuple) -> str:
    parent = _target(model, loc[:-1])
    allowed = list(parent.model.model_fields) if parent and parent.model else []
    guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
    text = f"Erlaubt sind: {', '.join(allowed)}." if allowed else ""
    return f"Meinten Sie `{guess[0]}`? {text}".strip() if guess else text


def _allowed_values_hint(target: _Target | None, value: str) -> str | None:
    if target is None or target.enum is None:
        return None
    allowed = [member.value for member in target.enum]
    guess = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    text = f"Erlaubt sind: {', '.join(allowed)}."
    return f"{text} Meinten Sie »{guess[0]}«?" if guess else text


def _pattern_hint(pattern: str, value: str) -> str | None:
    guess = german_date(value) if pattern == DATE_PATTERN else None
    if guess:
        return f"Meinten Sie \"{guess[1]}\"? Daten stehen in der Form JJJJ-MM-TT, JJJJ-MM oder JJJJ."
    return PATTERNS[pattern][1] if pattern in PATTERNS else None


def _code_list(names: list[str]) -> str:
    """`a`, `b` und `c`."""
    quoted = [f"`{name}`" for name in names]
    return " und ".join([", ".join(quoted[:-1]), quoted[-1]]) if len(quoted) > 1 else "".join(quoted)


def _subfields(names: list[str]) -> str:
    if not names:
        return "Unterfelder"
    return f"{'das Unterfeld' if len(names) == 1 else 'die Unterfelder'} {_code_list(names)}"


def _and_add(names: list[str], where: str = "") -> str:
    return f" und ergänzen Sie{where} {_code_list(names)}" if names else ""


def _optional_note(names: list[str]) -> str | None:
    if not names:
        return None
    return f"Möglich {'ist' if len(names) == 1 else 'sind'} außerdem {_code_list(names)}."


# --- Where the error is: the schema's type at a place in the data -------------------------------------------

def _target(model: type[BaseModel], loc: tuple) -> _Target | None:
    """What the schema expects at `loc` (`('ziele', 0, 'text')`), or None if the place is not in the schema."""
    target = _Target(*_unwrap(model.model_fields["root"].annotation if issubclass(model, RootModel) else model))
    for part in loc:
        origin, args = typing.get_origin(target.annotation), typing.get_args(target.annotation)
        if target.model and part in target.model.model_fields:
            info = target.model.model_fields[part]
            annotation, constraints = _unwrap(info.annotation)
            target = _Target(annotation, list(info.metadata) + constraints, not is_required(info))
        elif origin is list and isinstance(part, int):
            target = target.item
        elif origin is dict and isinstance(part, str):
            target = _Target(*_unwrap(args[1]))
        else:
            return None
    return target


def _unwrap(annotation: Any) -> tuple[Any, list[Any]]:
    """`Annotated[str, Field(pattern=…)] | None` → `str` and its constraints."""
    constraints: list[Any] = []
    while True:
        origin, args = typing.get_origin(annotation), typing.get_args(annotation)
        if origin is typing.Annotated:
            annotation = args[0]
            for extra in args[1:]:
                constraints.extend(extra.metadata if isinstance(extra, FieldInfo) else [extra])
        elif origin in (typing.Union, types.UnionType) and len([a for a in args if a is not type(None)]) == 1:
            annotation = next(a for a in args if a is not type(None))
        else:
            return annotation, constraints


# --- The value as the editor wrote it -------------------------------------------------------------------------

def _written(loaded: LoadedFile, loc: tuple, value: Any) -> str:
    """`3.10` stays `3.10` and `yes` stays `yes` (YAML reads them as 3.1 and true); lists and mappings are »…«."""
    if isinstance(value, str):
        return value
    if isinstance(value, (list, dict)):
        return "…"
    raw = _raw_value(loaded, loc)
    if raw:
        return raw
    return ("true" if value else "false") if isinstance(value, bool) else str(value)


def _raw_value(loaded: LoadedFile, loc: tuple) -> str | None:
    """The text after `key:` (or `- `) on the line of `loc`, without a comment."""
    try:
        line = loaded.path.read_text(encoding="utf-8").splitlines()[loaded.line_of(loc) - 1]
    except (OSError, UnicodeDecodeError, IndexError, TypeError):
        return None
    key = rf"{re.escape(str(loc[-1]))}\s*:" if loc and isinstance(loc[-1], str) else "-"
    match = re.fullmatch(rf"\s*(?:-\s+)*{key}\s+(.*?)\s*(?:\s#.*)?", line)
    return match.group(1) if match else None


# --- German dates -------------------------------------------------------------------------------------------

_NUMERIC_DATE = re.compile(r"(?:(\d{1,2})\s*[./]\s*)?(\d{1,2})\s*[./]\s*(\d{4})")
_NAMED_DATE = re.compile(r"(?:(\d{1,2})\.?\s*)?([^\W\d_]{3,})\.?\s+(\d{4})")
_ISO_DATE = re.compile(r"(\d{4})-(\d{1,2})(?:-(\d{1,2}))?")


def german_date(text: str) -> tuple[int, str] | None:
    """The year and the schema's form of a date written the German way:
    `29.04.2013` → (2013, "2013-04-29"); `04/2013`, `April 2013` → (2013, "2013-04"); None if it is no date."""
    text = text.strip()
    if match := _NUMERIC_DATE.fullmatch(text):
        day, month, year = match.group(1), int(match.group(2)), int(match.group(3))
    elif match := _NAMED_DATE.fullmatch(text):
        day, month, year = match.group(1), _month(match.group(2)), int(match.group(3))
    elif match := _ISO_DATE.fullmatch(text):
        year, month, day = int(match.group(1)), int(match.group(2)), match.group(3)
    else:
        return None
    try:
        dt.date(year, month or 0, int(day) if day else 1)
    except ValueError:
        return None
    return year, f"{year:04d}-{month:02d}" + (f"-{int(day):02d}" if day else "")


def _month(word: str) -> int | None:
    """`April`, `apr`, `Maerz`, `Sept` → the month's number."""
    word = word.casefold().replace("ae", "ä")
    return next((number for number, name in enumerate(MONTHS, 1) if name.casefold().startswith(word)), None)
