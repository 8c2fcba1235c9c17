"""Building blocks shared by all data files: citations, sourced values, enums."""

from __future__ import annotations

import datetime as dt
import re
from enum import Enum
from typing import Annotated

from pydantic import AfterValidator, BaseModel, ConfigDict, Field
from pydantic_core import PydanticCustomError

from wissensplattform.data.kreise import KreisMehrdeutig, KreisUnbekannt, find_kreis

SLUG_PATTERN = r"^[a-z0-9]+(-[a-z0-9]+)*$"
DATE_PATTERN = r"^\d{4}(-\d{2}(-\d{2})?)?$"
URL_PATTERN = r"^https?://\S+$"

# Bounding box of Germany with a small margin (WGS84).
LAT_RANGE = (47.2, 55.1)
LON_RANGE = (5.8, 15.1)


class EditorModel(BaseModel):
    """Base for models editors write: unknown keys are errors (they are usually typos)."""

    model_config = ConfigDict(extra="forbid", str_strip_whitespace=True, use_enum_values=False, defer_build=True)


class LabelledEnum(str, Enum):
    """An enum whose members are written `MEMBER = ("value", "Label für die Website")`."""

    label: str

    def __new__(cls, value: str, label: str):
        member = str.__new__(cls, value)
        member._value_ = value
        member.label = label
        return member


class Bundesland(str, Enum):
    """The 16 Länder of the Federal Republic of Germany."""

    BADEN_WUERTTEMBERG = "Baden-Württemberg"
    BAYERN = "Bayern"
    BERLIN = "Berlin"
    BRANDENBURG = "Brandenburg"
    BREMEN = "Bremen"
    HAMBURG = "Hamburg"
    HESSEN = "Hessen"
    MECKLENBURG_VORPOMMERN = "Mecklenburg-Vorpommern"
    NIEDERSACHSEN = "Niedersachsen"
    NORDRHEIN_WESTFALEN = "Nordrhein-Westfalen"
    RHEINLAND_PFALZ = "Rheinland-Pfalz"
    SAARLAND = "Saarland"
    SACHSEN = "Sachsen"
    SACHSEN_ANHALT = "Sachsen-Anhalt"
    SCHLESWIG_HOLSTEIN = "Schleswig-Holstein"
    THUERINGEN = "Thüringen"


def _check_partial_date(value: str) -> str:
    """Accept YYYY, YYYY-MM or YYYY-MM-DD that denote a real day not in the future."""
    parts = [int(p) for p in value.split("-")]
    try:
        day = dt.date(parts[0], parts[1] if len(parts) > 1 else 1, parts[2] if len(parts) > 2 else 1)
    except ValueError:
        raise PydanticCustomError("datum_ungueltig", "invalid date", {"wert": value}) from None
    if day > dt.date.today():
        raise PydanticCustomError("datum_zukunft", "date in the future", {"wert": value})
    return value


def _check_year(value: int) -> int:
    if value > dt.date.today().year:
        raise PydanticCustomError("jahr_zukunft", "year in the future", {"wert": value})
    return value


Slug = Annotated[str, Field(pattern=SLUG_PATTERN)]
Datum = Annotated[
    str,
    Field(pattern=DATE_PATTERN, examples=["2013-01-09", "2013-01", "2013"]),
    AfterValidator(_check_partial_date),
]
Jahr = Annotated[int, Field(ge=1800), AfterValidator(_check_year)]
Text = Annotated[str, Field(min_length=1)]


class Beleg(EditorModel):
    """Beleg: welche Quelle eine Angabe stützt und an welcher Stelle."""

    model_config = ConfigDict(title="Beleg")

    quelle: Slug = Field(
        title="Quelle",
        description="Kennung der Quelle im Quellenregister (`quellen.yaml`).",
        examples=["studie-2018"],
    )
    stelle: Text = Field(
        title="Stelle",
        description="Stelle in der Quelle: Abschnitt, Tabelle oder Seite.",
        examples=["III.3.1.2", "III.2.3, Tabelle 1"],
    )
    anmerkung: Text | None = Field(
        title="Anmerkung",
        default=None,
        description="Begründung, wenn der Wert aus dem Namen oder dem Zusammenhang erschlossen ist.",
        examples=["Der Name nennt das Land."],
    )


class TextAngabe(Beleg):
    """Eine Aussage (ein Akteur, ein Ziel, eine Maßnahme) mit ihrem Beleg."""

    model_config = ConfigDict(title="Aussage mit Beleg")

    text: Text = Field(title="Aussage", description="Die Aussage, knapp und sachlich.", examples=["Stadt Dormagen"])
    zitat: bool = Field(
        title="Wörtliches Zitat",
        default=False,
        description="`true`, wenn `text` ein wörtliches Zitat der Quelle ist (wird in Anführungszeichen gezeigt).",
    )


class BundeslandAngabe(Beleg):
    """Ein Land mit Beleg."""

    model_config = ConfigDict(title="Land mit Beleg")

    wert: Bundesland = Field(title="Land", description="Das Land.", examples=["Nordrhein-Westfalen"])


class OrtAngabe(Beleg):
    """Ein Ort mit Beleg."""

    model_config = ConfigDict(title="Ort mit Beleg")

    wert: Text = Field(title="Ort", description="Ortsname, wie ihn das Ortsverzeichnis kennt.", examples=["Dormagen"])


class JahrAngabe(Beleg):
    """Eine Jahreszahl mit Beleg."""

    model_config = ConfigDict(title="Jahr mit Beleg")

    wert: Jahr = Field(title="Jahr", description="Jahreszahl, z. B. 2011.", examples=[2011])


class WebsiteAngabe(Beleg):
    """Eine Internetadresse mit Beleg."""

    model_config = ConfigDict(title="Internetadresse mit Beleg")

    wert: Annotated[str, Field(pattern=r"^https?://\S+$")] = Field(
        title="Internetadresse",
        description="Vollständige Adresse mit https://, nur wenn eine Quelle sie nennt.",
        examples=["https://www.example.org/"],
    )


def _check_lat(value: float) -> float:
    if not LAT_RANGE[0] <= value <= LAT_RANGE[1]:
        raise PydanticCustomError("ausserhalb_deutschlands", "outside Germany", {"wert": value, "achse": "Breite"})
    return value


def _check_lon(value: float) -> float:
    if not LON_RANGE[0] <= value <= LON_RANGE[1]:
        raise PydanticCustomError("ausserhalb_deutschlands", "outside Germany", {"wert": value, "achse": "Länge"})
    return value


def _check_kreis(value: str) -> str:
    """A district the vendored VG250 list knows, by key or by a name only one district has."""
    try:
        find_kreis(value)
    except KreisMehrdeutig as error:
        raise PydanticCustomError("kreis_mehrdeutig", "ambiguous district", {
            "wert": value, "kandidaten": " oder ".join(f"»{k.schluessel}« ({k.bezeichnung})" for k in error.kandidaten),
        }) from None
    except KreisUnbekannt as error:
        raise PydanticCustomError("kreis_unbekannt", "unknown district", {
            "wert": value, "vorschlaege": (
                f"Meinten Sie {' oder '.join(f'»{k.bezeichnung}« ({k.schluessel})' for k in error.vorschlaege)}? "
                if error.vorschlaege else ""),
        }) from None
    return value


class KreisAngabe(Beleg):
    """Ein Kreis oder eine kreisfreie Stadt mit Beleg: ein Teil des Gebiets, in dem eine Initiative tätig ist."""

    model_config = ConfigDict(title="Kreis mit Beleg")

    wert: Annotated[str, Field(min_length=1), AfterValidator(_check_kreis)] = Field(
        title="Kreis oder kreisfreie Stadt",
        description="Amtlicher Regionalschlüssel (fünfstellig) oder Name, wie ihn das Kreisverzeichnis VG250 "
                    "führt, z. B. `05766`, `Lippe` oder `Kreis Lippe`; nur ein Kreis, den der Name der Initiative "
                    "oder eine Quelle nennt.",
        examples=["Lippe", "Landkreis Lörrach", "05766"],
    )


class Koordinaten(Beleg):
    """Von Hand gesetzte Kartenposition mit Beleg; hat Vorrang vor dem Ortsverzeichnis."""

    model_config = ConfigDict(title="Kartenposition")

    lat: Annotated[float, AfterValidator(_check_lat)] = Field(
        title="Breitengrad",
        description="Geographische Breite (WGS84).",
        examples=[51.09],
    )
    lon: Annotated[float, AfterValidator(_check_lon)] = Field(
        title="Längengrad",
        description="Geographische Länge (WGS84).",
        examples=[6.84],
    )


class Chronikeintrag(Beleg):
    """Ein datiertes Ereignis mit Beleg."""

    model_config = ConfigDict(title="Chronikeintrag")

    datum: Datum = Field(
        title="Datum",
        description="Datum in der Genauigkeit der Quelle: `JJJJ`, `JJJJ-MM` oder `JJJJ-MM-TT`.",
    )
    ereignis: Text = Field(
        title="Ereignis",
        description="Was geschah.",
        examples=["Auftaktveranstaltung des Industrie-Dialogs"],
    )


class Kriterium(str, Enum):
    """The ten good-practice criteria of the study (III.2.5)."""

    LAENGERFRISTIGE_ZUSAMMENARBEIT = "laengerfristige-zusammenarbeit"
    PROTAGONISTEN_UND_TREIBER = "protagonisten-und-treiber"
    BETEILIGUNG_DER_RELEVANTEN_AKTEURE = "beteiligung-der-relevanten-akteure"
    GEKLAERTE_ZIELSETZUNG = "geklaerte-zielsetzung"
    UMSETZUNGSPERSPEKTIVE = "umsetzungsperspektive"
    BETEILIGUNGSMOTIVATION_DER_UNTERNEHMEN = "beteiligungsmotivation-der-unternehmen"
    KONTAKT_ZUM_BILDUNGSSYSTEM = "kontakt-zum-bildungssystem"
    DIALOG_MIT_DER_ZIVILGESELLSCHAFT = "dialog-mit-der-zivilgesellschaft"
    OEFFENTLICHE_WAHRNEHMUNG = "oeffentliche-wahrnehmung"
    VERNETZUNG_MIT_ANDEREN_INITIATIVEN = "vernetzung-mit-anderen-initiativen"


KRITERIUM_LABELS: dict[str, str] = {
    "laengerfristige-zusammenarbeit": "Längerfristige Zusammenarbeit",
    "protagonisten-und-treiber": "Protagonisten und Treiber",
    "beteiligung-der-relevanten-akteure": "Beteiligung der relevanten Akteure",
    "geklaerte-zielsetzung": "Geklärte Zielsetzung",
    "umsetzungsperspektive": "Umsetzungsperspektive",
    "beteiligungsmotivation-der-unternehmen": "Beteiligungsmotivation der Unternehmen",
    "kontakt-zum-bildungssystem": "Kontakt zum Bildungssystem",
    "dialog-mit-der-zivilgesellschaft": "Dialog mit der Zivilgesellschaft",
    "oeffentliche-wahrnehmung": "Öffentliche Wahrnehmung",
    "vernetzung-mit-anderen-initiativen": "Vernetzung mit anderen Initiativen",
}


class Erfolgsfaktor(TextAngabe):
    """Ein Erfolgsfaktor, den die Quellen nennen, mit den Good-Practice-Kriterien der Studie."""

    model_config = ConfigDict(title="Erfolgsfaktor")

    kriterien: list[Kriterium] = Field(
        title="Kriterien",
        default_factory=list,
        description="Good-Practice-Kriterien der Studie (III.2.5), denen der Faktor zugeordnet ist.",
        examples=[["protagonisten-und-treiber"]],
    )


def slugify(text: str) -> str:
    """Turn a German name into a file-name slug (ä → ae, ß → ss)."""
    table = str.maketrans({"ä": "ae", "ö": "oe", "ü": "ue", "ß": "ss", "Ä": "ae", "Ö": "oe", "Ü": "ue", "@": "-at-"})
    text = text.translate(table).lower()
    return re.sub(r"[^a-z0-9]+", "-", text).strip("-")


def key_order(model: type[BaseModel]) -> list[str]:
    """The order editors read keys in: a value's own fields first, its citation (`quelle`, `stelle`, …) last."""
    own = [name for name in model.model_fields if name not in Beleg.model_fields]
    cited = [name for name in Beleg.model_fields if name in model.model_fields]
    return own + cited
