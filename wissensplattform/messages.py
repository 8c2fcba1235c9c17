"""German messages for schema errors, keyed by pydantic's error `type` and filled from its context."""

from __future__ import annotations

import difflib
from enum import Enum
from typing import Any

from pydantic import BaseModel, ValidationError
from pydantic_core import ErrorDetails

from wissensplattform.loading import LoadedFile
from wissensplattform.models.introspection import enum_of, is_model, nested_models
from wissensplattform.problems import Problem

# One entry per error type that bad data can cause; `{wert}` is the editor's input.
MESSAGES: dict[str, str] = {
    "missing": "Das Pflichtfeld fehlt.",
    "extra_forbidden": "Dieses Feld ist unbekannt.",
    "enum": "»{wert}« ist nicht erlaubt.",
    "literal_error": "»{wert}« ist nicht erlaubt.",
    "string_type": "Hier wird ein Text erwartet, nicht »{wert}«.",
    "string_too_short": "Der Text ist leer.",
    "string_pattern_mismatch": "»{wert}« hat nicht die erwartete Form.",
    "int_type": "Hier wird eine ganze Zahl erwartet, nicht »{wert}«.",
    "int_parsing": "Hier wird eine ganze Zahl erwartet, nicht »{wert}«.",
    "int_from_float": "Hier wird eine ganze Zahl erwartet, nicht »{wert}«.",
    "float_type": "Hier wird eine Zahl erwartet, nicht »{wert}«.",
    "float_parsing": "Hier wird eine Zahl erwartet, nicht »{wert}«.",
    "bool_type": "Hier wird `true` oder `false` erwartet, nicht »{wert}«.",
    "bool_parsing": "Hier wird `true` oder `false` erwartet, nicht »{wert}«.",
    "list_type": "Hier wird eine Liste erwartet (Einträge mit »- « am Zeilenanfang).",
    "dict_type": "Hier werden Unterfelder erwartet (eingerückte Zeilen »schlüssel: wert«).",
    "model_type": "Hier werden Unterfelder erwartet (eingerückte Zeilen »schlüssel: wert«).",
    "model_attributes_type": "Hier werden Unterfelder erwartet (eingerückte Zeilen »schlüssel: wert«).",
    "greater_than_equal": "»{wert}« ist zu klein.",
    "less_than_equal": "»{wert}« ist zu groß.",
    "datum_ungueltig": "»{wert}« ist kein gültiges Datum.",
    "datum_zukunft": "Das Datum »{wert}« liegt in der Zukunft.",
    "jahr_zukunft": "Das Jahr {wert} liegt in der Zukunft.",
    "ausserhalb_deutschlands": "Die Koordinate »{wert}« ({achse}) liegt außerhalb Deutschlands.",
    "zeitfolge": "Die Zeile ab {wert} schließt nicht an die vorige an (Beginn {vorher}, Dauer {dauer} Minuten).",
    "zellenzahl": "Eine Beispielzeile hat {wert} Zellen, die Tabelle aber {spalten} Spalten.",
}

HINTS: dict[str, str] = {
    "missing": "Bitte ergänzen Sie es.",
    "string_type": "Setzen Sie den Wert in Anführungszeichen.",
    "string_too_short": "Tragen Sie einen Text ein oder löschen Sie das Feld.",
    "greater_than_equal": "Erlaubt sind Werte ab {ge}.",
    "less_than_equal": "Erlaubt sind Werte bis {le}.",
    "datum_ungueltig": "Schreiben Sie JJJJ, JJJJ-MM oder JJJJ-MM-TT, z. B. \"2013-01-09\".",
    "datum_zukunft": "Tragen Sie nur Ereignisse ein, die stattgefunden haben.",
    "jahr_zukunft": "Tragen Sie das Jahr ein, in dem die Initiative gegründet wurde.",
    "ausserhalb_deutschlands": "Breite (lat) liegt zwischen 47,2 und 55,1, Länge (lon) zwischen 5,8 und 15,1.",
    "zeitfolge": "Beginn plus Dauer einer Zeile ergibt den Beginn der nächsten Zeile.",
    "zellenzahl": "Geben Sie jeder Beispielzeile so viele Zellen, wie `spalten` nennt.",
}

# Forms that `string_pattern_mismatch` errors expect, by the pattern in the schema.
PATTERN_HINTS: dict[str, str] = {
    r"^[a-z0-9]+(-[a-z0-9]+)*$": "Erlaubt sind Kleinbuchstaben, Ziffern und Bindestriche, z. B. »studie-2018«.",
    r"^\d{4}(-\d{2}(-\d{2})?)?$": "Schreiben Sie JJJJ, JJJJ-MM oder JJJJ-MM-TT, z. B. \"2013-01-09\".",
    r"^https?://\S+$": "Eine Internetadresse beginnt mit https:// oder http:// und enthält keine Leerzeichen.",
}


def problems_from_validation(error: ValidationError, model: type[BaseModel], loaded: LoadedFile) -> list[Problem]:
    """Translate every pydantic error into one German problem line."""
    return [_problem(detail, model, loaded) for detail in error.errors(include_url=False)]


def _problem(detail: ErrorDetails, model: type[BaseModel], loaded: LoadedFile) -> Problem:
    kind = detail["type"]
    loc = tuple(detail["loc"])
    ctx = dict(detail.get("ctx") or {})
    value = detail.get("input")
    wert = ctx.pop("wert", value if not isinstance(value, (dict, list)) else "…")
    meldung = MESSAGES.get(kind, "Der Wert ist ungültig (Fehlerart »{art}«).").format(wert=wert, art=kind, **ctx)
    hinweis = HINTS.get(kind, "").format(**ctx) or None
    if kind == "extra_forbidden":
        hinweis = _unknown_key_hint(model, loc)
    elif kind in ("enum", "literal_error"):
        hinweis = _allowed_values_hint(model, loc, str(value))
    elif kind == "string_pattern_mismatch":
        hinweis = PATTERN_HINTS.get(ctx.get("pattern", ""))
    elif kind == "missing" and loc:
        hinweis = f"Bitte ergänzen Sie `{loc[-1]}`."
    return loaded.problem(loc, meldung, hinweis)


def _unknown_key_hint(model: type[BaseModel], loc: tuple) -> str:
    allowed = list(_model_at(model, loc[:-1]).model_fields) if _model_at(model, loc[:-1]) else []
    guess = difflib.get_close_matches(str(loc[-1]), allowed, n=1, cutoff=0.6)
    text = f"Erlaubt sind: {', '.join(allowed)}." if allowed else ""
    return f"Meinten Sie `{guess[0]}`? {text}".strip() if guess else text


def _allowed_values_hint(model: type[BaseModel], loc: tuple, value: str) -> str | None:
    enum = _enum_at(model, loc)
    if enum is None:
        return None
    allowed = [member.value for member in enum]
    guess = difflib.get_close_matches(value, allowed, n=1, cutoff=0.6)
    text = f"Erlaubt sind: {', '.join(allowed)}."
    return f"{text} Meinten Sie »{guess[0]}«?" if guess else text


def _model_at(model: type[BaseModel] | None, loc: tuple) -> type[BaseModel] | None:
    """The model class that validates the mapping at `loc`."""
    current: Any = model
    for part in loc:
        if isinstance(part, int):
            continue
        if not is_model(current) or part not in current.model_fields:
            return None
        current = next(iter(nested_models(current.model_fields[part].annotation)), None)
    return current if is_model(current) else None


def _enum_at(model: type[BaseModel], loc: tuple) -> type[Enum] | None:
    parent = _model_at(model, tuple(p for p in loc[:-1]))
    name = loc[-1] if loc and isinstance(loc[-1], str) else None
    if parent is None or name not in parent.model_fields:
        return None
    return enum_of(parent.model_fields[name].annotation)
