"""The schema of an initiative: one YAML file in ``initiatives/``, German keys."""

from __future__ import annotations


from pydantic import ConfigDict, Field

from wissensplattform.data.models.common import (
    Beleg,
    BundeslandAngabe,
    Chronikeintrag,
    EditorModel,
    Erfolgsfaktor,
    JahrAngabe,
    KreisAngabe,
    LabelledEnum,
    Koordinaten,
    OrtAngabe,
    Slug,
    Text,
    TextAngabe,
    WebsiteAngabe,
)


class Typ(LabelledEnum):
    """The study's types of initiative (III.2.3)."""

    NETZWERKORIENTIERT = ("netzwerkorientiert", "Netzwerkorientiert")
    MASSNAHMENORIENTIERT = ("maßnahmenorientiert", "Maßnahmenorientiert")
    MISCHTYP = ("mischtyp", "Mischtyp")


class Ebene(LabelledEnum):
    """The level an initiative acts on (III.2.2)."""

    LOKAL = ("lokal", "Lokal")
    REGIONAL = ("regional", "Regional")
    LANDESWEIT = ("landesweit", "Landesweit")


class Organisationsform(LabelledEnum):
    """How an initiative is organised, as the sources state it: its legal form, or who runs its office or
    coordinates it. Only forms a source records for at least one initiative (III.2.1, III.2.2, III.2.3, III.3.x.3,
    IV, the Aachen documents); the governance page (`wissen/governance.yaml`) groups them."""

    VEREIN = ("verein", "Eingetragener Verein (e. V.)")
    VEREIN_MIT_GMBH = ("verein-mit-gmbh", "Verein mit eigener GmbH")
    GESCHAEFTSSTELLE_KAMMER = ("geschaeftsstelle-kammer", "Geschäftsstelle bei einer Kammer (IHK)")
    GESCHAEFTSSTELLE_VERBAND = ("geschaeftsstelle-verband", "Geschäftsstelle bei einem Verband")
    GESCHAEFTSSTELLE_DIENSTLEISTER = ("geschaeftsstelle-dienstleister", "Geschäftsstelle bei einem beauftragten Dienstleister")
    KOORDINATION_VERWALTUNG = ("koordination-verwaltung", "Koordination durch eine Verwaltung oder Wirtschaftsförderung")
    STEUERUNGSKREIS = ("steuerungskreis", "Koordination durch einen Steuerungskreis")
    NETZWERK = ("netzwerk-ohne-rechtsform", "Netzwerk ohne formale Organisationsform")


class OrganisationsformAngabe(Beleg):
    """Eine Organisationsform mit Beleg."""

    model_config = ConfigDict(title="Organisationsform mit Beleg")

    wert: Organisationsform = Field(
        title="Organisationsform",
        description="Die Organisationsform, wie die Quelle sie nennt; passt keine der Auswahl, bleibt das Feld leer.",
        examples=["verein"],
    )


class Initiative(EditorModel):
    """Steckbrief einer Industrieinitiative. Der Dateiname ist ihre dauerhafte Kennung."""

    model_config = ConfigDict(title="Steckbrief einer Initiative")

    name: Text = Field(title="Name", description="Vollständiger Name der Initiative.", examples=["Lokale Allianz Dormagen"])
    kurzname: Text | None = Field(title="Kurzname", default=None, description="Abkürzung, falls eine Quelle sie nennt.", examples=["ZIRP"])
    namensvarianten: list[TextAngabe] = Field(
        title="Namensvarianten", default_factory=list,
        description="Andere Namen, unter denen Quellen dieselbe Initiative führen.",
    )
    typ: Typ = Field(title="Typ", description="Typ nach der Studie (III.2.3, Tabelle 1).", examples=["mischtyp"])
    ebene: Ebene = Field(title="Ebene", description="Handlungsebene nach der Studie (III.2.3, Tabelle 1).", examples=["lokal"])
    einordnung: Beleg = Field(title="Einordnung", description="Beleg für `typ` und `ebene`.")
    bundesland: BundeslandAngabe | None = Field(title="Land", default=None, description="Land, in dem die Initiative tätig ist.")
    ort: OrtAngabe | None = Field(title="Ort", default=None, description="Ort (Stadt oder Gemeinde); bei landesweiten Initiativen leer.")
    gebiet: list[KreisAngabe] = Field(
        title="Gebiet", default_factory=list,
        description="Kreise und kreisfreie Städte, in denen die Initiative tätig ist, nur wenn ihr Name oder eine Quelle "
                    "sie nennt; die Karte zeigt sie als Fläche statt eines Punkts. Nennen die Quellen nur eine Region "
                    "ohne ihre Kreise, bleibt das Feld leer: Die Karte zeigt dann das Land.",
    )
    koordinaten: Koordinaten | None = Field(
        title="Koordinaten", default=None,
        description="Kartenposition von Hand. Leer lassen: dann wird sie aus `ort` bzw. dem Land bestimmt.",
    )
    gruendung: JahrAngabe | None = Field(title="Gründung", default=None, description="Gründungsjahr.")
    beschreibung: list[TextAngabe] = Field(
        title="Beschreibung", default_factory=list, description="Kurzbeschreibung: was die Initiative ist und wie sie entstand."
    )
    akteure: list[TextAngabe] = Field(title="Akteure", default_factory=list, description="Beteiligte Organisationen und Gruppen.")
    organisationsform: OrganisationsformAngabe | None = Field(
        title="Organisationsform", default=None,
        description="Rechtsform oder wer die Geschäftsstelle führt bzw. die Initiative koordiniert, nur wenn eine Quelle es sagt.",
    )
    struktur: list[TextAngabe] = Field(
        title="Struktur", default_factory=list, description="Organisationsform und interne Struktur (Rechtsform, Gremien, Geschäftsstelle)."
    )
    ziele: list[TextAngabe] = Field(title="Ziele", default_factory=list, description="Ziele der Initiative.")
    massnahmen: list[TextAngabe] = Field(title="Maßnahmen", default_factory=list, description="Maßnahmen, Aktivitäten und Ergebnisse.")
    finanzierung: list[TextAngabe] = Field(title="Finanzierung", default_factory=list, description="Wie die Initiative finanziert wird.")
    erfolgsfaktoren: list[Erfolgsfaktor] = Field(
        title="Erfolgsfaktoren", default_factory=list, description="Erfolgsfaktoren, die die Quellen nennen, mit den Kriterien der Studie."
    )
    website: WebsiteAngabe | None = Field(title="Website", default=None, description="Internetadresse, nur wenn eine Quelle sie nennt.")
    chronik: list[Chronikeintrag] = Field(title="Chronik", default_factory=list, description="Datierte Ereignisse.")
    fallstudie: Slug | None = Field(
        title="Fallstudie", default=None,
        description="Kennung der Fallstudie der Studie (Abschnitt III.3), falls es eine gibt.",
        examples=["lokale-allianz-dormagen"],
    )
    modellregion: Slug | None = Field(
        title="Modellregion", default=None,
        description="Kennung der Modellregion (Kapitel IV der Studie), falls es eine gibt.",
        examples=["krefeld"],
    )
    quellen: list[Beleg] = Field(
        title="Weitere Quellen", default_factory=list,
        description="Weitere Stellen, an denen Quellen die Initiative als Ganzes behandeln.",
    )


# The fields a profile shows as facts; "7 von 12 Feldern belegt" counts these.
PROFILE_FIELDS: tuple[str, ...] = (
    "bundesland", "ort", "gruendung", "beschreibung", "akteure", "struktur",
    "ziele", "massnahmen", "finanzierung", "erfolgsfaktoren", "website", "chronik",
)
