"""The schema of the study's knowledge pages: YAML files in ``wissen/``, German keys.

Every statement is a `TextAngabe` (text + quelle + stelle); `zitat: true` marks a
sentence copied word for word from the source.
"""

from __future__ import annotations

from typing import Annotated

from pydantic import ConfigDict, Field

from wissensplattform.data.models.common import (
    Beleg,
    Datum,
    EditorModel,
    Erfolgsfaktor,
    LabelledEnum,
    Slug,
    Text,
    TextAngabe,
)
from wissensplattform.data.models.initiative import Ebene, Organisationsform, Typ


class Abschnitt(EditorModel):
    """Ein Abschnitt einer Wissensseite: Überschrift und belegte Aussagen."""

    model_config = ConfigDict(title="Abschnitt einer Wissensseite")

    titel: Text = Field(title="Überschrift", description="Überschrift des Abschnitts.", examples=["Genese"])
    angaben: list[TextAngabe] = Field(title="Aussagen", default_factory=list, description="Aussagen mit Beleg.")
    pruefpunkte: list[TextAngabe] = Field(
        title="Prüfpunkte", default_factory=list,
        description="Fragen zum Ankreuzen (Checkliste); `stelle` nennt den Abschnitt, aus dem die Frage abgeleitet ist.",
    )


class Textseite(EditorModel):
    """Eine Wissensseite aus Abschnitten: `wissen/empfehlungen.yaml`, `wissen/erfolgsmessung.yaml`, `wissen/zusammenfassung.yaml`."""

    model_config = ConfigDict(title="Wissensseite aus Abschnitten")

    titel: Text = Field(title="Seitentitel", description="Seitentitel.")
    einleitung: list[TextAngabe] = Field(
        title="Einleitung", default_factory=list,
        description="Einleitende Aussagen mit Beleg.",
    )
    abschnitte: list[Abschnitt] = Field(
        title="Abschnitte", default_factory=list,
        description="Die Abschnitte der Seite.",
    )


class Tabellenzeile(EditorModel):
    """Eine Zeile von Tabelle 2 der Studie (III.2.6): das Kriterium je Initiativtyp."""

    model_config = ConfigDict(title="Zeile von Tabelle 2")

    bezeichnung: Text = Field(
        title="Bezeichnung",
        description="Bezeichnung des Kriteriums, wie sie in Tabelle 2 steht.",
    )
    netzwerkorientiert: list[TextAngabe] = Field(
        title="Netzwerkorientierte Initiativen",
        description="Zelle »Netzwerkorientierte Initiativen«.",
    )
    massnahmenorientiert: list[TextAngabe] = Field(
        title="Maßnahmenorientierte Initiativen",
        description="Zelle »Maßnahmenorientierte Initiativen«.",
    )


class KriteriumSeite(EditorModel):
    """Ein Good-Practice-Kriterium (III.2.5): eine Datei in `wissen/kriterien/`, benannt nach der Kennung des Kriteriums."""

    model_config = ConfigDict(title="Good-Practice-Kriterium")

    titel: Text = Field(
        title="Name des Kriteriums",
        description="Name des Kriteriums.",
        examples=["Längerfristige Zusammenarbeit"],
    )
    befunde: list[TextAngabe] = Field(title="Befunde", description="Befunde und Zitate der Studie zu diesem Kriterium.")
    tabelle_2: Tabellenzeile = Field(title="Tabelle 2", description="Die Zeile des Kriteriums in Tabelle 2 (III.2.6).")


class FallAbschnitt(EditorModel):
    """Ein Abschnitt einer Fallstudie. Die Seite zeigt dazu alle Angaben des Steckbriefs mit dieser `stelle`."""

    model_config = ConfigDict(title="Abschnitt einer Fallstudie")

    nummer: Text = Field(title="Abschnittsnummer", description="Abschnittsnummer der Studie.", examples=["III.3.1.1"])
    titel: Text = Field(title="Überschrift", description="Überschrift, wie die Studie sie nennt.", examples=["Genese"])
    angaben: list[TextAngabe] = Field(
        title="Zusätzliche Aussagen", default_factory=list,
        description="Zusätzliche Aussagen, die nicht im Steckbrief stehen.",
    )
    erfolgsfaktoren: list[Erfolgsfaktor] = Field(
        title="Zusätzliche Erfolgsfaktoren",
        default_factory=list, description="Zusätzliche Erfolgsfaktoren mit Kriterien, die nicht im Steckbrief stehen.",
    )


class Fallstudie(EditorModel):
    """Eine Fallstudie (III.3): eine Datei in `wissen/fallstudien/`; der Steckbrief verweist mit `fallstudie:` darauf.

    Die Aussagen selbst stehen im Steckbrief der Initiative (mit `stelle: III.3.x.y`); hier stehen
    die Gliederung der Fallstudie, ihre Kurzfakten und Ergänzungen.
    """

    model_config = ConfigDict(title="Fallstudie")

    titel: Text = Field(title="Titel", description="Titel der Fallstudie.", examples=["Lokale Allianz Dormagen"])
    kapitel: Text = Field(title="Kapitel", description="Kapitel der Studie.", examples=["III.3.1"])
    kurzfakten: list[TextAngabe] = Field(
        title="Kurzfakten",
        description="Die wichtigsten Fakten; erscheinen auch im Steckbrief.",
    )
    abschnitte: list[FallAbschnitt] = Field(
        title="Abschnitte",
        description="Genese, Mitglieder, Struktur, Ziele/Output, Finanzierung, …",
    )


class Veranstaltung(EditorModel):
    """Die Dialogveranstaltung in einer Modellregion (Kapitel IV)."""

    model_config = ConfigDict(title="Dialogveranstaltung")

    titel: Text = Field(title="Name", description="Name der Veranstaltung.", examples=["Zukunftswerkstatt"])
    datum: Datum | None = Field(title="Datum", default=None, description="Datum, soweit die Quelle es nennt.")
    datum_beleg: Beleg | None = Field(title="Beleg für das Datum", default=None, description="Beleg für das Datum.")
    ort: TextAngabe | None = Field(title="Ort", default=None, description="Veranstaltungsort.")
    format: TextAngabe | None = Field(
        title="Format", default=None,
        description="Format (z. B. Zukunftswerkstatt, Branchendialog).",
    )
    werkzeug: Slug | None = Field(
        title="Format in der Werkzeugkiste", default=None,
        description="Kennung des Formats in der Werkzeugkiste (Modul Veranstaltungsformate), falls es dort steht.",
        examples=["zukunftswerkstatt"],
    )
    teilnehmende: list[TextAngabe] = Field(title="Teilnehmende", default_factory=list, description="Wer teilnahm.")
    ergebnisse: list[TextAngabe] = Field(title="Ergebnisse", default_factory=list, description="Ergebnisse.")


class Modellregion(EditorModel):
    """Eine Modellregion (Kapitel IV): eine Datei in `wissen/modellregionen/`; der Steckbrief verweist mit `modellregion:` darauf."""

    model_config = ConfigDict(title="Modellregion")

    titel: Text = Field(title="Name der Region", description="Name der Region.", examples=["Krefeld"])
    kapitel: Text = Field(title="Kapitel", description="Kapitel der Studie.", examples=["IV.6"])
    initiative: TextAngabe = Field(title="Initiative", description="Die Initiative, wie die Studie sie nennt.")
    beschreibung: list[TextAngabe] = Field(
        title="Beschreibung", default_factory=list,
        description="Region und Initiative.",
    )
    veranstaltungen: list[Veranstaltung] = Field(
        title="Veranstaltungen",
        description="Die Dialogveranstaltungen des Projekts in der Region.",
    )


class Treffen(EditorModel):
    """Ein Netzwerktreffen regionaler Initiativen (VI.1)."""

    model_config = ConfigDict(title="Einzelnes Netzwerktreffen")

    titel: Text = Field(title="Bezeichnung", description="Bezeichnung des Treffens.")
    datum: Datum = Field(title="Datum", description="Datum des Treffens.")
    ort: Text | None = Field(title="Ort", default=None, description="Ort, soweit die Quelle ihn nennt.")
    gastgeber: list[TextAngabe] = Field(title="Gastgeber", description="Gastgebende Organisationen.")
    praesentiert: list[TextAngabe] = Field(
        title="Vorgestellte Initiativen",
        default_factory=list,
        description="Initiativen, die sich vorstellten, mit ihrem Namen wie im Steckbrief (dann wird verlinkt).",
    )
    angaben: list[TextAngabe] = Field(
        title="Weitere Aussagen", default_factory=list,
        description="Weitere Aussagen zum Treffen.",
    )
    beleg: Beleg = Field(title="Beleg", description="Beleg für Datum, Ort und Gastgeber.")


class Netzwerktreffen(EditorModel):
    """Die Netzwerktreffen regionaler Initiativen 2016–2017 (VI.1): die Datei `wissen/netzwerktreffen.yaml`."""

    model_config = ConfigDict(title="Seite der Netzwerktreffen")

    titel: Text = Field(title="Seitentitel", description="Seitentitel.")
    einleitung: list[TextAngabe] = Field(
        title="Einleitung", default_factory=list,
        description="Einleitende Aussagen mit Beleg.",
    )
    treffen: list[Treffen] = Field(title="Treffen", description="Die Treffen in zeitlicher Reihenfolge.")


class Untergruppe(EditorModel):
    """Eine Untergruppe eines Typs (III.2.3)."""

    model_config = ConfigDict(title="Untergruppe eines Typs")

    titel: Text = Field(title="Name", description="Name der Untergruppe.", examples=["Bottom-up gegründet"])
    angaben: list[TextAngabe] = Field(title="Aussagen", description="Was die Studie über die Untergruppe sagt.")
    beispiele: list[TextAngabe] = Field(
        title="Beispiele", default_factory=list,
        description="Initiativen, die die Studie als Beispiel nennt, mit ihrem Namen wie im Steckbrief (dann wird verlinkt).",
    )


class TypEintrag(EditorModel):
    """Ein Typ von Initiativen (III.2.3); die zugehörigen Initiativen berechnet die Seite aus `typ` der Steckbriefe."""

    model_config = ConfigDict(title="Typ von Initiativen")

    typ: Typ = Field(title="Typ", description="Der Typ, wie ihn die Steckbriefe im Feld `typ` führen.")
    titel: Text = Field(title="Überschrift", description="Überschrift.")
    angaben: list[TextAngabe] = Field(title="Aussagen", description="Was die Studie über den Typ sagt.")
    untergruppen: list[Untergruppe] = Field(
        title="Untergruppen", default_factory=list,
        description="Die Untergruppen des Typs.",
    )


class EbeneEintrag(EditorModel):
    """Eine Handlungsebene (III.2.2) mit ihren Erfolgsfaktoren; die Initiativen berechnet die Seite aus `ebene`."""

    model_config = ConfigDict(title="Handlungsebene")

    ebene: Ebene = Field(title="Ebene", description="Die Ebene, wie sie die Steckbriefe im Feld `ebene` führen.")
    titel: Text = Field(title="Überschrift", description="Überschrift.")
    angaben: list[TextAngabe] = Field(title="Aussagen", description="Was die Studie über die Ebene sagt.")
    erfolgsfaktoren: list[TextAngabe] = Field(
        title="Erfolgsfaktoren", default_factory=list,
        description="Die Erfolgsfaktoren, die die Studie für diese Ebene nennt.",
    )


class Akteursgruppe(EditorModel):
    """Eine Akteursgruppe und ihre Rolle (III.2.1)."""

    model_config = ConfigDict(title="Akteursgruppe")

    titel: Text = Field(title="Name", description="Name der Gruppe.", examples=["Gewerkschaften"])
    angaben: list[TextAngabe] = Field(title="Aussagen", description="Was die Studie über ihre Rolle sagt.")
    suchbegriffe: list[Text] = Field(
        title="Suchbegriffe",
        default_factory=list,
        description="Wörter, an denen die Akteursliste eines Steckbriefs die Gruppe erkennt (z. B. »IHK«).",
    )


class Typologie(EditorModel):
    """Typen, Ebenen und Akteure (III.2.1–III.2.3): die Datei `wissen/typologie.yaml`."""

    model_config = ConfigDict(title="Typologie")

    titel: Text = Field(title="Seitentitel", description="Seitentitel.")
    typen: list[TypEintrag] = Field(title="Typen", description="Die Typen (III.2.3).")
    ebenen: list[EbeneEintrag] = Field(title="Ebenen", description="Die Handlungsebenen (III.2.2).")
    akteure: list[Akteursgruppe] = Field(title="Akteursgruppen", description="Die Akteursgruppen (III.2.1).")


# --- Governance of initiatives (V.1, III.2, III.3) and the project's results (V, VI) -------------

Redaktionell = Text
"""A connecting sentence written by the project: shown as editorial text, not as a finding of the sources."""


class Governancestruktur(EditorModel):
    """Eine Governancestruktur, wie die Studie sie beschreibt, mit den Vor- und Nachteilen, die sie nennt."""

    model_config = ConfigDict(title="Governancestruktur")

    titel: Text = Field(title="Überschrift", description="Name der Struktur.", examples=["Eingetragener Verein"])
    formen: list[Organisationsform] = Field(
        title="Organisationsformen", default_factory=list,
        description="Organisationsformen der Steckbriefe (Feld `organisationsform`), die zu dieser Struktur gehören; "
                    "die Seite listet die Initiativen mit diesen Formen.",
    )
    redaktionell: list[Redaktionell] = Field(
        title="Redaktionelle Überleitung", default_factory=list,
        description="Verbindende Sätze der Redaktion; die Seite kennzeichnet sie als redaktionell, nicht aus den Quellen.",
    )
    angaben: list[TextAngabe] = Field(title="Aussagen", default_factory=list, description="Was die Quellen über die Struktur sagen.")
    vorteile: list[TextAngabe] = Field(
        title="Vorteile", default_factory=list, description="Vorteile, die die Quellen nennen; leer, wenn sie keine nennen.",
    )
    nachteile: list[TextAngabe] = Field(
        title="Nachteile", default_factory=list, description="Nachteile, die die Quellen nennen; leer, wenn sie keine nennen.",
    )


class Arbeitsfokus(EditorModel):
    """Der Zusammenhang zwischen dem Arbeitsfokus einer Initiative (ihrem Typ) und ihrer Governancestruktur."""

    model_config = ConfigDict(title="Arbeitsfokus")

    typ: Typ = Field(title="Typ", description="Der Typ, wie ihn die Steckbriefe im Feld `typ` führen.")
    titel: Text = Field(title="Überschrift", description="Überschrift.")
    redaktionell: list[Redaktionell] = Field(
        title="Redaktionelle Überleitung", default_factory=list,
        description="Verbindende Sätze der Redaktion; die Seite kennzeichnet sie als redaktionell, nicht aus den Quellen.",
    )
    angaben: list[TextAngabe] = Field(title="Aussagen", default_factory=list, description="Was die Studie über den Zusammenhang sagt.")
    vorteile: list[TextAngabe] = Field(
        title="Vorteile", default_factory=list, description="Vorteile, die die Studie für diesen Arbeitsfokus nennt.",
    )
    nachteile: list[TextAngabe] = Field(
        title="Nachteile", default_factory=list, description="Nachteile, die die Studie für diesen Arbeitsfokus nennt.",
    )


class Governanceseite(EditorModel):
    """Leitfaden »Governance von Industrieinitiativen« (V.1): die Datei `wissen/governance.yaml`."""

    model_config = ConfigDict(title="Governance von Industrieinitiativen")

    titel: Text = Field(title="Seitentitel", description="Seitentitel.")
    leitfaden: list[TextAngabe] = Field(
        title="Der Leitfaden in der Studie", default_factory=list,
        description="Was die Studie über ihren Leitfaden sagt (V.1).",
    )
    redaktionell: list[Redaktionell] = Field(
        title="Redaktionelle Einleitung", default_factory=list,
        description="Einleitende Sätze der Redaktion; die Seite kennzeichnet sie als redaktionell, nicht aus den Quellen.",
    )
    einleitung: list[TextAngabe] = Field(
        title="Einleitung zu den Strukturen", default_factory=list,
        description="Was die Quellen allgemein über Strukturen und Organisationsformen von Initiativen sagen.",
    )
    strukturen: list[Governancestruktur] = Field(
        title="Governancestrukturen", default_factory=list, description="Die Strukturen, die die Quellen beschreiben.",
    )
    arbeitsfokus: list[Arbeitsfokus] = Field(
        title="Arbeitsfokus und Struktur", default_factory=list,
        description="Vor- und Nachteile nach dem Arbeitsfokus der Initiative (netzwerk- oder maßnahmenorientiert).",
    )
    empfehlungen: list[TextAngabe] = Field(
        title="Empfehlungen der Studie", default_factory=list,
        description="Was die Studie zum institutionellen Rahmen empfiehlt (VII.3).",
    )


class Materialstand(LabelledEnum):
    """What the site has of an element of the project (chapters V and VI)."""

    NICHT_VORHANDEN = ("nicht-vorhanden", "Das Material selbst liegt nicht vor.")
    EIGENE_UMSETZUNG = ("eigene-umsetzung", "Das Material selbst liegt nicht vor. Diese Website setzt das Element "
                                            "auf Grundlage der Studie eigenständig um.")
    VERANSTALTUNG = ("veranstaltung", "Veranstaltungen; Unterlagen der Treffen liegen nicht vor.")


class Verweis(EditorModel):
    """Ein Verweis auf eine Seite dieser Website."""

    model_config = ConfigDict(title="Verweis auf eine Seite")

    text: Text = Field(title="Linktext", description="Text des Links.", examples=["Werkzeugkiste"])
    seite: Annotated[str, Field(pattern=r"^([a-z0-9-]+/)*$")] = Field(
        title="Seite",
        description="Adresse der Seite auf dieser Website, ohne führenden Schrägstrich, mit Schrägstrich am Ende.",
        examples=["werkzeugkiste/"],
    )


class Material(EditorModel):
    """Ein Element der Kapitel V und VI der Studie: Instrument, Veranstaltung oder Material des Projekts."""

    model_config = ConfigDict(title="Ergebnis oder Material des Projekts")

    titel: Text = Field(title="Bezeichnung", description="Bezeichnung des Elements.", examples=["Projektflyer"])
    kapitel: Text = Field(title="Abschnitt", description="Abschnitt der Studie.", examples=["VI.2"])
    angaben: list[TextAngabe] = Field(title="Aussagen", description="Was die Studie über das Element sagt.")
    stand: Materialstand = Field(title="Stand auf dieser Website", description="Was diese Website von dem Element hat.")
    verweise: list[Verweis] = Field(
        title="Auf dieser Website", default_factory=list,
        description="Seiten dieser Website zu dem Element.",
    )
    redaktionell: list[Redaktionell] = Field(
        title="Redaktioneller Hinweis", default_factory=list,
        description="Hinweise der Redaktion; die Seite kennzeichnet sie als redaktionell, nicht aus den Quellen.",
    )


class Materialseite(EditorModel):
    """Ergebnisse und Materialien des Projekts (Kapitel V und VI): die Datei `wissen/materialien.yaml`."""

    model_config = ConfigDict(title="Ergebnisse und Materialien des Projekts")

    titel: Text = Field(title="Seitentitel", description="Seitentitel.")
    einleitung: list[TextAngabe] = Field(
        title="Einleitung", default_factory=list, description="Einleitende Aussagen mit Beleg.",
    )
    materialien: list[Material] = Field(title="Elemente", description="Die Elemente in der Reihenfolge der Studie.")


# Folders of knowledge files and their models (registered in `catalog.DATA_DIRECTORIES`).
KNOWLEDGE_DIRECTORIES: dict[str, type[EditorModel]] = {
    "wissen/kriterien": KriteriumSeite,
    "wissen/fallstudien": Fallstudie,
    "wissen/modellregionen": Modellregion,
}
