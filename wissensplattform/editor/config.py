"""The form editor's configuration (`/bearbeiten/config.yml`): one collection per data folder.

Generated on every build from the schema and the source register, also before a Git host is set, so
it can be reviewed and tested locally.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from pydantic import BaseModel

from wissensplattform.data.catalog import INITIATIVES_DIR, TOOLBOX_DIR, Catalog
from wissensplattform.editor.form import form_fields
from wissensplattform.editor.settings import EditorSettings
from wissensplattform.data.knowledge import KNOWLEDGE_DIR, SINGLE_FILES
from wissensplattform.data.models import Initiative
from wissensplattform.data.models.knowledge import KNOWLEDGE_DIRECTORIES
from wissensplattform.data.models.toolbox import Modul


@dataclass(frozen=True)
class Folder:
    """A data folder as the editor lists it. `name` is part of each change's branch (`cms/<name>/<slug>`)."""

    directory: str
    model: type[BaseModel]
    name: str
    label: str
    singular: str
    title_field: str
    create: bool = False


# Only initiatives are created in the editor; the study's criteria, case studies, model regions and
# toolbox modules are a fixed set whose files other pages link to.
FOLDERS: tuple[Folder, ...] = (
    Folder(INITIATIVES_DIR, Initiative, "initiativen", "Initiativen", "Initiative", "name", create=True),
    Folder("wissen/kriterien", KNOWLEDGE_DIRECTORIES["wissen/kriterien"], "kriterien",
           "Good-Practice-Kriterien", "Kriterium", "titel"),
    Folder("wissen/fallstudien", KNOWLEDGE_DIRECTORIES["wissen/fallstudien"], "fallstudien",
           "Fallstudien", "Fallstudie", "titel"),
    Folder("wissen/modellregionen", KNOWLEDGE_DIRECTORIES["wissen/modellregionen"], "modellregionen",
           "Modellregionen", "Modellregion", "titel"),
    Folder(TOOLBOX_DIR, Modul, "werkzeugkiste", "Werkzeugkiste", "Modul", "titel"),
)
PAGES_COLLECTION = "wissensseiten"


def decap_config(catalog: Catalog, settings: EditorSettings, site_url: str) -> dict[str, Any]:
    """The whole configuration Decap CMS reads."""
    config: dict[str, Any] = {
        "locale": "de",
        "backend": settings.backend_config(),
        # Every save opens a merge request / pull request on its own branch; nothing goes to main directly.
        "publish_mode": "editorial_workflow",
        # Decap requires a media folder; the forms have no uploads.
        "media_folder": "docs/assets/medien",
        "editor": {"preview": False},
        "slug": {"encoding": "ascii", "clean_accents": True, "sanitize_replacement": "-"},
        "collections": [*(_folder(folder, catalog) for folder in FOLDERS), _pages(catalog)],
    }
    if site_url:
        config["site_url"] = config["display_url"] = site_url
    return config


def _folder(folder: Folder, catalog: Catalog) -> dict[str, Any]:
    return {
        "name": folder.name, "label": folder.label, "label_singular": folder.singular,
        "folder": folder.directory, "extension": "yaml", "format": "yaml",
        "create": folder.create, "delete": False,
        "identifier_field": folder.title_field, "slug": "{{slug}}", "summary": f"{{{{{folder.title_field}}}}}",
        "fields": form_fields(folder.model, catalog.sources),
    }


def _pages(catalog: Catalog) -> dict[str, Any]:
    """The single-file knowledge pages (`wissen/typologie.yaml` …), each with its own form."""
    return {
        "name": PAGES_COLLECTION, "label": "Wissensseiten", "delete": False,
        "files": [
            {"name": name, "label": record.model.titel, "file": record.path, "format": "yaml",
             "fields": form_fields(SINGLE_FILES[name], catalog.sources)}
            for name, record in catalog.wissen.seiten.items()
        ],
    }


def collection_models() -> dict[str, type[BaseModel]]:
    """Every data folder or single file the editor covers, with its model (for the completeness test)."""
    return {**{folder.directory: folder.model for folder in FOLDERS},
            **{f"{KNOWLEDGE_DIR}/{name}.yaml": model for name, model in SINGLE_FILES.items()}}
