"""The schema of the study's knowledge pages: YAML files in ``wissen/``, German keys.

Every statement is a `TextAngabe` (text + quelle + stelle); `zitat: true` marks a
sentence copied word for word from the source.
"""

from __future__ import annotations

from pydantic import Field

from wissensplattform.models.common import (
    Beleg,
    Datum,
    EditorModel,
    Erfolgsfaktor,
    Slug,
    Text,
    TextAngabe,
)
from wissensplattform.models.initiative import Ebene, Typ


class Abschnitt(EditorModel):
    """Ein Abschnitt einer Wissensseite: Überschrift und belegte Aussagen."""

    titel: Text = Field(description="Überschrift des Abschnitts.", examples=["Genese"])
    angaben: list[TextAngabe] = Field(default_factory=list, description="Aussagen mit Beleg.")
    pruefpunkte: list[TextAngabe] = Field(
        default_factory=list,
        description="Fragen zum Ankreuzen (Checkliste); `stelle` nennt den Abschnitt, aus dem die Frage abgeleitet ist.",
    )


class Textseite(EditorModel):
    """Eine Wissensseite aus Abschnitten: `wissen/empfehlungen.yaml`, `wissen/erfolgsmessung.yaml`, `wissen/zusammenfassung.yaml`."""

    titel: Text = Field(description="Seitentitel.")
    einleitung: list[TextAngabe] = Field(default_factory=list, description="Einleitende Aussagen mit Beleg.")
    abschnitte: list[Abschnitt] = Field(default_factory=list, description="Die Abschnitte der Seite.")


class Tabellenzeile(EditorModel):
    """Eine Zeile von Tabelle 2 der Studie (III.2.6): das Kriterium je Initiativtyp."""

    bezeichnung: Text = Field(description="Bezeichnung des Kriteriums, wie sie in Tabelle 2 steht.")
    netzwerkorientiert: list[TextAngabe] = Field(description="Zelle »Netzwerkorientierte Initiativen«.")
    massnahmenorientiert: list[TextAngabe] = Field(description="Zelle »Maßnahmenorientierte Initiativen«.")


class KriteriumSeite(EditorModel):
    """Ein Good-Practice-Kriterium (III.2.5): eine Datei in `wissen/kriterien/`, benannt nach der Kennung des Kriteriums."""

    titel: Text = Field(description="Name des Kriteriums.", examples=["Längerfristige Zusammenarbeit"])
    befunde: list[TextAngabe] = Field(description="Befunde und Zitate der Studie zu diesem Kriterium.")
    tabelle_2: Tabellenzeile = Field(description="Die Zeile des Kriteriums in Tabelle 2 (III.2.6).")


class FallAbschnitt(EditorModel):
    """Ein Abschnitt einer Fallstudie. Die Seite zeigt dazu alle Angaben des Steckbriefs mit dieser `stelle`."""

    nummer: Text = Field(description="Abschnittsnummer der Studie.", examples=["III.3.1.1"])
    titel: Text = Field(description="Überschrift, wie die Studie sie nennt.", examples=["Genese"])
    angaben: list[TextAngabe] = Field(default_factory=list, description="Zusätzliche Aussagen, die nicht im Steckbrief stehen.")
    erfolgsfaktoren: list[Erfolgsfaktor] = Field(
        default_factory=list, description="Zusätzliche Erfolgsfaktoren mit Kriterien, die nicht im Steckbrief stehen.",
    )


class Fallstudie(EditorModel):
    """Eine Fallstudie (III.3): eine Datei in `wissen/fallstudien/`; der Steckbrief verweist mit `fallstudie:` darauf.

    Die Aussagen selbst stehen im Steckbrief der Initiative (mit `stelle: III.3.x.y`); hier stehen
    die Gliederung der Fallstudie, ihre Kurzfakten und Ergänzungen.
    """

    titel: Text = Field(description="Titel der Fallstudie.", examples=["Lokale Allianz Dormagen"])
    kapitel: Text = Field(description="Kapitel der Studie.", examples=["III.3.1"])
    kurzfakten: list[TextAngabe] = Field(description="Die wichtigsten Fakten; erscheinen auch im Steckbrief.")
    abschnitte: list[FallAbschnitt] = Field(description="Genese, Mitglieder, Struktur, Ziele/Output, Finanzierung, …")


class Veranstaltung(EditorModel):
    """Die Dialogveranstaltung in einer Modellregion (Kapitel IV)."""

    titel: Text = Field(description="Name der Veranstaltung.", examples=["Zukunftswerkstatt"])
    datum: Datum | None = Field(default=None, description="Datum, soweit die Quelle es nennt.")
    datum_beleg: Beleg | None = Field(default=None, description="Beleg für das Datum.")
    ort: TextAngabe | None = Field(default=None, description="Veranstaltungsort.")
    format: TextAngabe | None = Field(default=None, description="Format (z. B. Zukunftswerkstatt, Branchendialog).")
    werkzeug: Slug | None = Field(
        default=None, description="Kennung des Formats in der Werkzeugkiste (Modul Veranstaltungsformate), falls es dort steht.",
        examples=["zukunftswerkstatt"],
    )
    teilnehmende: list[TextAngabe] = Field(default_factory=list, description="Wer teilnahm.")
    ergebnisse: list[TextAngabe] = Field(default_factory=list, description="Ergebnisse.")


class Modellregion(EditorModel):
    """Eine Modellregion (Kapitel IV): eine Datei in `wissen/modellregionen/`; der Steckbrief verweist mit `modellregion:` darauf."""

    titel: Text = Field(description="Name der Region.", examples=["Krefeld"])
    kapitel: Text = Field(description="Kapitel der Studie.", examples=["IV.6"])
    initiative: TextAngabe = Field(description="Die Initiative, wie die Studie sie nennt.")
    beschreibung: list[TextAngabe] = Field(default_factory=list, description="Region und Initiative.")
    veranstaltungen: list[Veranstaltung] = Field(description="Die Dialogveranstaltungen des Projekts in der Region.")


class Treffen(EditorModel):
    """Ein Netzwerktreffen regionaler Initiativen (VI.1)."""

    titel: Text = Field(description="Bezeichnung des Treffens.")
    datum: Datum = Field(description="Datum des Treffens.")
    ort: Text | None = Field(default=None, description="Ort, soweit die Quelle ihn nennt.")
    gastgeber: list[TextAngabe] = Field(description="Gastgebende Organisationen.")
    praesentiert: list[TextAngabe] = Field(
        default_factory=list,
        description="Initiativen, die sich vorstellten, mit ihrem Namen wie im Steckbrief (dann wird verlinkt).",
    )
    angaben: list[TextAngabe] = Field(default_factory=list, description="Weitere Aussagen zum Treffen.")
    beleg: Beleg = Field(description="Beleg für Datum, Ort und Gastgeber.")


class Netzwerktreffen(EditorModel):
    """Die Netzwerktreffen regionaler Initiativen 2016–2017 (VI.1): die Datei `wissen/netzwerktreffen.yaml`."""

    titel: Text = Field(description="Seitentitel.")
    einleitung: list[TextAngabe] = Field(default_factory=list, description="Einleitende Aussagen mit Beleg.")
    treffen: list[Treffen] = Field(description="Die Treffen in zeitlicher Reihenfolge.")


class Untergruppe(EditorModel):
    """Eine Untergruppe eines Typs (III.2.3)."""

    titel: Text = Field(description="Name der Untergruppe.", examples=["Bottom-up gegründet"])
    angaben: list[TextAngabe] = Field(description="Was die Studie über die Untergruppe sagt.")
    beispiele: list[TextAngabe] = Field(
        default_factory=list,
        description="Initiativen, die die Studie als Beispiel nennt, mit ihrem Namen wie im Steckbrief (dann wird verlinkt).",
    )


class TypEintrag(EditorModel):
    """Ein Typ von Initiativen (III.2.3); die zugehörigen Initiativen berechnet die Seite aus `typ` der Steckbriefe."""

    typ: Typ = Field(description="Der Typ, wie ihn die Steckbriefe im Feld `typ` führen.")
    titel: Text = Field(description="Überschrift.")
    angaben: list[TextAngabe] = Field(description="Was die Studie über den Typ sagt.")
    untergruppen: list[Untergruppe] = Field(default_factory=list, description="Die Untergruppen des Typs.")


class EbeneEintrag(EditorModel):
    """Eine Handlungsebene (III.2.2) mit ihren Erfolgsfaktoren; die Initiativen berechnet die Seite aus `ebene`."""

    ebene: Ebene = Field(description="Die Ebene, wie sie die Steckbriefe im Feld `ebene` führen.")
    titel: Text = Field(description="Überschrift.")
    angaben: list[TextAngabe] = Field(description="Was die Studie über die Ebene sagt.")
    erfolgsfaktoren: list[TextAngabe] = Field(default_factory=list, description="Die Erfolgsfaktoren, die die Studie für diese Ebene nennt.")


class Akteursgruppe(EditorModel):
    """Eine Akteursgruppe und ihre Rolle (III.2.1)."""

    titel: Text = Field(description="Name der Gruppe.", examples=["Gewerkschaften"])
    angaben: list[TextAngabe] = Field(description="Was die Studie über ihre Rolle sagt.")
    suchbegriffe: list[Text] = Field(
        default_factory=list,
        description="Wörter, an denen die Akteursliste eines Steckbriefs die Gruppe erkennt (z. B. »IHK«).",
    )


class Typologie(EditorModel):
    """Typen, Ebenen und Akteure (III.2.1–III.2.3): die Datei `wissen/typologie.yaml`."""

    titel: Text = Field(description="Seitentitel.")
    typen: list[TypEintrag] = Field(description="Die Typen (III.2.3).")
    ebenen: list[EbeneEintrag] = Field(description="Die Handlungsebenen (III.2.2).")
    akteure: list[Akteursgruppe] = Field(description="Die Akteursgruppen (III.2.1).")


# Folders of knowledge files and their models (registered in `catalog.DATA_DIRECTORIES`).
KNOWLEDGE_DIRECTORIES: dict[str, type[EditorModel]] = {
    "wissen/kriterien": KriteriumSeite,
    "wissen/fallstudien": Fallstudie,
    "wissen/modellregionen": Modellregion,
}
