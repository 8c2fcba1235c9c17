"""The one schema: JSON Schema files in step with the models, field reference complete."""

import json

from conftest import ROOT
from wissensplattform.data.models import Initiative
from wissensplattform.data.schema_export import SCHEMA_DIR, SCHEMAS, schema_text


def test_committed_json_schemas_are_current():
    for name, model in SCHEMAS.items():
        committed = (ROOT / SCHEMA_DIR / name).read_text(encoding="utf-8")
        assert committed == schema_text(model), f"{name} ist veraltet: scripts/schema ausführen"


def test_json_schema_accepts_every_data_file_and_rejects_a_wrong_level():
    import jsonschema

    from wissensplattform.data.loading import load_yaml

    schema = json.loads((ROOT / SCHEMA_DIR / "initiative.schema.json").read_text(encoding="utf-8"))
    for path in sorted((ROOT / "initiatives").glob("*.yaml")):
        jsonschema.validate(load_yaml(path, ROOT).data, schema)
    data = load_yaml(ROOT / "initiatives" / "lokale-allianz-dormagen.yaml", ROOT).data
    data["ebene"] = "regionall"
    try:
        jsonschema.validate(data, schema)
    except jsonschema.ValidationError:
        return
    raise AssertionError("Das JSON-Schema hat eine unerlaubte Ebene angenommen")


def test_field_reference_documents_every_field(site):
    html = (site / "mitwirken" / "feldreferenz" / "index.html").read_text(encoding="utf-8")
    for name, info in Initiative.model_fields.items():
        assert f"<code>{name}</code>" in html
        assert info.description and info.description.split("`")[0][:30] in html
    for allowed in ("netzwerkorientiert", "maßnahmenorientiert", "mischtyp", "lokal", "regional", "landesweit",
                    "Nordrhein-Westfalen"):
        assert f"<code>{allowed}</code>" in html
