"""The schema of the Werkzeugkiste: one YAML file per module in ``toolbox/``, German keys.

What the study reports (a format used in a model region) is a `TextAngabe` with its source;
method content the project writes itself sits in fields whose `literatur` names the method
literature it follows, and is shown as "Redaktioneller Inhalt".
"""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field, model_validator
from pydantic_core import PydanticCustomError

from wissensplattform.data.models.common import Beleg, Datum, EditorModel, LabelledEnum, Slug, Text, TextAngabe

Uhrzeit = Annotated[str, Field(pattern=r"^([01]\d|2[0-3]):[0-5]\d$", examples=["09:30"])]


class Beteiligungsstufe(LabelledEnum):
    """Stufe der Beteiligung, die ein Format erreicht (Information, Konsultation, Mitgestaltung)."""

    INFORMATION = ("information", "Information")
    KONSULTATION = ("konsultation", "Konsultation")
    MITGESTALTUNG = ("mitgestaltung", "Mitgestaltung")


class Modus(LabelledEnum):
    """Ob ein Format vor Ort, online oder in beiden Formen stattfindet."""

    ANALOG = ("analog", "analog (vor Ort)")
    DIGITAL = ("digital", "digital (online)")
    ANALOG_UND_DIGITAL = ("analog-und-digital", "analog oder digital")


class Gruppengroesse(LabelledEnum):
    """Größenklasse der Gruppe, für den Filter der Übersicht."""

    KLEIN = ("klein", "klein (bis 20)")
    MITTEL = ("mittel", "mittel (20 bis 50)")
    GROSS = ("gross", "groß (über 50)")


class Einsatz(TextAngabe):
    """Ein belegter Einsatz eines Formats, etwa in einer Modellregion der Studie (Kapitel IV)."""

    model_config = ConfigDict(title="Einsatz eines Formats")

    datum: Datum | None = Field(
        title="Datum", default=None,
        description="Datum des Einsatzes, wie die Quelle es nennt.",
        examples=["2017-06-30"],
    )
    modellregion: Slug | None = Field(
        title="Modellregion", default=None,
        description="Kennung der Modellregion (Kapitel IV).",
        examples=["krefeld"],
    )
    initiative: Slug | None = Field(
        title="Initiative", default=None,
        description="Kennung (Dateiname) der Initiative in `initiatives/`.",
        examples=["zukunft-durch-industrie"],
    )


class Methodenabschnitt(EditorModel):
    """Ein redaktioneller Textabschnitt mit der Methodenliteratur, der er folgt."""

    model_config = ConfigDict(title="Redaktioneller Abschnitt")

    titel: Text = Field(title="Überschrift", description="Überschrift des Abschnitts.")
    absaetze: list[Text] = Field(title="Absätze", default_factory=list, description="Absätze (Fließtext).")
    punkte: list[Text] = Field(title="Aufzählungspunkte", default_factory=list, description="Aufzählungspunkte.")
    literatur: list[Beleg] = Field(
        title="Literatur", default_factory=list,
        description="Methodenliteratur, der der Abschnitt folgt (Kennungen aus `quellen.yaml`).",
    )


class Format(EditorModel):
    """Steckbrief eines Veranstaltungsformats (Modul 1), immer in derselben Gliederung."""

    model_config = ConfigDict(title="Steckbrief eines Veranstaltungsformats")

    kennung: Slug = Field(title="Kennung", description="Dauerhafte Kennung, z. B. für Links.", examples=["world-cafe"])
    name: Text = Field(title="Name", description="Name des Formats.", examples=["World Café"])
    zweck: Text = Field(title="Zweck", description="Wozu das Format dient, in einem Satz.")
    teilnehmende: Text = Field(
        title="Teilnehmende",
        description="Zahl und Art der Teilnehmenden.",
        examples=["12 bis 100 Personen"],
    )
    gruppengroesse: list[Gruppengroesse] = Field(
        title="Gruppengröße", min_length=1,
        description="Größenklassen, für die das Format passt.",
    )
    dauer: Text = Field(title="Dauer", description="Übliche Dauer.", examples=["2 bis 3 Stunden"])
    beteiligungsstufe: Beteiligungsstufe = Field(
        title="Beteiligungsstufe",
        description="Beteiligungsstufe: information, konsultation oder mitgestaltung.",
    )
    modus: Modus = Field(title="Modus", description="analog, digital oder analog-und-digital.")
    ablauf: list[Text] = Field(
        title="Ablauf", min_length=1,
        description="Die Schritte des Ablaufs in ihrer Reihenfolge.",
    )
    organisation: list[Text] = Field(
        title="Organisation und Material", default_factory=list,
        description="Organisation und Material.",
    )
    hinweise: list[Text] = Field(title="Hinweise", default_factory=list, description="Worauf zu achten ist.")
    nicht_geeignet: list[Text] = Field(
        title="Nicht geeignet", default_factory=list,
        description="Wann das Format nicht geeignet ist.",
    )
    varianten: list[Text] = Field(title="Varianten", default_factory=list, description="Abwandlungen des Formats.")
    ablaufplan: Slug | None = Field(
        title="Ablaufplan", default=None,
        description="Kennung des Ablaufplans in Modul 8, falls es einen gibt.",
    )
    literatur: list[Beleg] = Field(
        title="Literatur", default_factory=list,
        description="Methodenliteratur, der die Beschreibung folgt; leer, wenn keine zugrunde liegt.",
    )
    studie: list[TextAngabe] = Field(
        title="Aussagen der Studie", default_factory=list,
        description="Was die Studie über das Format sagt, mit Beleg.",
    )
    einsaetze: list[Einsatz] = Field(
        title="Einsätze", default_factory=list,
        description="Belegte Einsätze in Modellregionen und Initiativen.",
    )


class Zeile(EditorModel):
    """Eine Zeile eines Ablaufplans."""

    model_config = ConfigDict(title="Zeile eines Ablaufplans")

    zeit: Uhrzeit = Field(title="Beginn", description="Beginn als Uhrzeit SS:MM, z. B. 09:30.")
    dauer: int = Field(title="Dauer (Minuten)", ge=1, le=600, description="Dauer in Minuten.", examples=[20])
    schritt: Text = Field(title="Schritt", description="Was in diesem Schritt geschieht.")
    methode: Text = Field(title="Methode", description="Wie gearbeitet wird.")
    material: Text = Field(title="Material", description="Was gebraucht wird; »–« wenn nichts.")
    verantwortlich: Text = Field(title="Verantwortlich", description="Wer den Schritt leitet.", examples=["Moderation"])


def _minutes(zeit: str) -> int:
    hours, minutes = zeit.split(":")
    return int(hours) * 60 + int(minutes)


class Ablaufplan(EditorModel):
    """Ablaufplan (Drehbuch) eines Formats (Modul 8): eine Tabelle mit Zeit, Dauer, Schritt, Methode, Material, Verantwortlich."""

    model_config = ConfigDict(title="Ablaufplan")

    kennung: Slug = Field(
        title="Kennung",
        description="Kennung; ergibt den Dateinamen `ablaufplan-<kennung>`.",
        examples=["world-cafe"],
    )
    titel: Text = Field(title="Titel", description="Name des Formats, wie er im Titel steht.", examples=["World Café"])
    format: Slug | None = Field(
        title="Format-Steckbrief", default=None,
        description="Kennung des Format-Steckbriefs in Modul 1.",
    )
    zweck: Text = Field(title="Zweck", description="Wozu die Veranstaltung dient.")
    teilnehmende: Text = Field(
        title="Teilnehmende",
        description="Für wie viele und welche Teilnehmenden der Plan gedacht ist.",
    )
    zeilen: list[Zeile] = Field(title="Zeilen", min_length=2, description="Die Schritte in zeitlicher Folge.")
    hinweise: list[Text] = Field(title="Hinweise", default_factory=list, description="Hinweise zur Anpassung.")
    literatur: list[Beleg] = Field(
        title="Literatur", default_factory=list,
        description="Methodenliteratur, der der Plan folgt.",
    )
    studie: list[TextAngabe] = Field(
        title="Aussagen der Studie", default_factory=list,
        description="Was die Studie über den Einsatz sagt, mit Beleg.",
    )

    @model_validator(mode="after")
    def _times_follow(self) -> "Ablaufplan":
        # A run-sheet whose times do not add up misleads whoever prints it.
        for before, after in zip(self.zeilen, self.zeilen[1:]):
            if _minutes(before.zeit) + before.dauer != _minutes(after.zeit):
                raise PydanticCustomError("zeitfolge", "times do not add up",
                                          {"wert": after.zeit, "vorher": before.zeit, "dauer": before.dauer})
        return self


class Checkpunkt(EditorModel):
    """Ein Punkt einer Checkliste; `wer` und `bis_wann` dürfen leer bleiben (zum Ausfüllen)."""

    model_config = ConfigDict(title="Punkt einer Checkliste")

    aufgabe: Text = Field(title="Aufgabe", description="Was zu erledigen ist.")
    wer: Text | None = Field(title="Wer", default=None, description="Vorschlag, wer zuständig ist.")
    bis_wann: Text | None = Field(
        title="Bis wann", default=None,
        description="Vorschlag für die Frist.",
        examples=["4 Wochen vorher"],
    )


class Checklistenabschnitt(EditorModel):
    """Ein Abschnitt einer Checkliste mit Überschrift und Punkten."""

    model_config = ConfigDict(title="Abschnitt einer Checkliste")

    titel: Text = Field(title="Überschrift", description="Überschrift, z. B. »Ort und Raum«.")
    punkte: list[Checkpunkt] = Field(title="Punkte", min_length=1, description="Die Punkte des Abschnitts.")


class Checkliste(EditorModel):
    """Eine Checkliste (Modul 5): Punkte zum Abhaken mit den Spalten Wer und Bis wann."""

    model_config = ConfigDict(title="Checkliste")

    kennung: Slug = Field(
        title="Kennung",
        description="Kennung; ergibt den Dateinamen `checkliste-<kennung>`.",
        examples=["veranstaltungsplanung"],
    )
    titel: Text = Field(title="Titel", description="Titel der Checkliste.")
    zweck: Text = Field(title="Zweck", description="Wofür die Checkliste gedacht ist.")
    abschnitte: list[Checklistenabschnitt] = Field(
        title="Abschnitte", min_length=1,
        description="Abschnitte mit ihren Punkten.",
    )
    literatur: list[Beleg] = Field(
        title="Literatur", default_factory=list,
        description="Literatur, der die Checkliste folgt.",
    )


class Zeitplanschritt(EditorModel):
    """Ein Schritt des Zeitplans, gezählt in Wochen vor der Veranstaltung."""

    model_config = ConfigDict(title="Schritt eines Zeitplans")

    wochen_vorher: int = Field(
        title="Wochen vorher", ge=0, le=52,
        description="Wie viele Wochen vor der Veranstaltung (0 = Veranstaltungswoche).",
    )
    aufgabe: Text = Field(title="Aufgabe", description="Was zu tun ist.")
    wer: Text | None = Field(title="Wer", default=None, description="Vorschlag, wer zuständig ist.")


class Zeitplan(EditorModel):
    """Ein Zeitplan (Modul 5), der vom Veranstaltungstermin rückwärts zählt."""

    model_config = ConfigDict(title="Zeitplan")

    kennung: Slug = Field(
        title="Kennung",
        description="Kennung; ergibt den Dateinamen `zeitplan-<kennung>`.",
        examples=["veranstaltung"],
    )
    titel: Text = Field(title="Titel", description="Titel des Zeitplans.")
    zweck: Text = Field(title="Zweck", description="Wofür der Zeitplan gedacht ist.")
    schritte: list[Zeitplanschritt] = Field(
        title="Schritte", min_length=1,
        description="Die Schritte; sie werden nach `wochen_vorher` geordnet.",
    )
    literatur: list[Beleg] = Field(
        title="Literatur", default_factory=list,
        description="Literatur, der der Zeitplan folgt.",
    )


class Tabelle(EditorModel):
    """Eine auszufüllende Tabelle einer Vorlage."""

    model_config = ConfigDict(title="Tabelle einer Vorlage")

    spalten: list[Text] = Field(title="Spalten", min_length=2, description="Spaltenköpfe.")
    beispiel: list[list[str]] = Field(
        title="Beispielzeilen", default_factory=list,
        description="Beispielzeilen (je so viele Zellen wie Spalten).",
    )
    leerzeilen: int = Field(title="Leerzeilen", default=5, ge=0, le=30, description="Leere Zeilen zum Ausfüllen.")

    @model_validator(mode="after")
    def _rows_fit(self) -> "Tabelle":
        for row in self.beispiel:
            if len(row) != len(self.spalten):
                raise PydanticCustomError("zellenzahl", "row length", {"wert": len(row), "spalten": len(self.spalten)})
        return self


class Vorlage(EditorModel):
    """Eine Vorlage (Module 3 und 9): Text mit Platzhaltern in [eckigen Klammern] und/oder eine Tabelle."""

    model_config = ConfigDict(title="Vorlage")

    kennung: Slug = Field(
        title="Kennung",
        description="Kennung; ergibt den Dateinamen `vorlage-<kennung>`.",
        examples=["einladung"],
    )
    titel: Text = Field(title="Titel", description="Titel der Vorlage.")
    zweck: Text = Field(title="Zweck", description="Wofür die Vorlage gedacht ist.")
    abschnitte: list[Methodenabschnitt] = Field(
        title="Abschnitte", default_factory=list,
        description="Textteile der Vorlage.",
    )
    tabelle: Tabelle | None = Field(title="Tabelle", default=None, description="Auszufüllende Tabelle.")
    literatur: list[Beleg] = Field(
        title="Literatur", default_factory=list,
        description="Literatur, der die Vorlage folgt.",
    )


class Modul(EditorModel):
    """Ein Modul der Werkzeugkiste (Studie, V.2). Der Dateiname ist die Kennung der Seite."""

    model_config = ConfigDict(title="Modul der Werkzeugkiste")

    nummer: int = Field(title="Nummer", ge=1, le=9, description="Nummer des Moduls in der Studie (V.2).")
    titel: Text = Field(title="Titel", description="Titel des Moduls.", examples=["Ablaufpläne"])
    kurztext: Text = Field(title="Kurztext", description="Ein Satz für die Übersicht.")
    studie: list[TextAngabe] = Field(
        title="Aussagen der Studie", min_length=1,
        description="Was die Studie über das Modul sagt, mit Beleg.",
    )
    abschnitte: list[Methodenabschnitt] = Field(
        title="Abschnitte", default_factory=list,
        description="Redaktionelle Abschnitte.",
    )
    formate: list[Format] = Field(title="Formate", default_factory=list, description="Format-Steckbriefe (Modul 1).")
    ablaufplaene: list[Ablaufplan] = Field(
        title="Ablaufpläne", default_factory=list,
        description="Ablaufpläne (Modul 8).",
    )
    checklisten: list[Checkliste] = Field(
        title="Checklisten", default_factory=list,
        description="Checklisten (Modul 5).",
    )
    zeitplaene: list[Zeitplan] = Field(title="Zeitpläne", default_factory=list, description="Zeitpläne (Modul 5).")
    vorlagen: list[Vorlage] = Field(title="Vorlagen", default_factory=list, description="Vorlagen (Module 3 und 9).")
