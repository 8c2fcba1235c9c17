"""The source register (``quellen.yaml``): every citation id points here."""

from __future__ import annotations

from pydantic import ConfigDict, Field, RootModel

from wissensplattform.data.models.common import Datum, EditorModel, Slug, Text


class Quelle(EditorModel):
    """Eine Quelle mit vollständiger Zitierangabe."""

    model_config = ConfigDict(title="Quelle")

    titel: Text = Field(title="Titel", description="Titel, wie ihn das Dokument selbst nennt.")
    autor: Text | None = Field(title="Autor", default=None, description="Verfasser oder verfassende Stelle.")
    art: Text | None = Field(
        title="Art des Dokuments", default=None,
        description="Art des Dokuments, z. B. Vorlage oder Studie.",
    )
    herausgeber: Text | None = Field(title="Herausgeber", default=None, description="Herausgeber oder Auftraggeber.")
    ort: Text | None = Field(title="Erscheinungsort", default=None, description="Erscheinungsort.")
    nummer: Text | None = Field(title="Nummer", default=None, description="Dokument- oder Vorlagennummer.")
    datum: Datum | None = Field(title="Datum", default=None, description="Datum des Dokuments.")
    datei: Text | None = Field(title="Datei", default=None, description="Dateiname der Textfassung im Quellenarchiv.")
    anmerkung: Text | None = Field(title="Anmerkung", default=None, description="Hinweise, etwa zur Datierung.")


class Quellenregister(RootModel[dict[Slug, Quelle]]):
    """Alle Quellen, nach Kennung."""

    model_config = ConfigDict(title="Quellenregister")
