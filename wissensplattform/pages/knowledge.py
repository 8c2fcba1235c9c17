"""The knowledge pages: which exist and what each contains (registered in `site.PAGE_GENERATORS`)."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

from wissensplattform.data.catalog import Catalog
from wissensplattform.pages.contexts import governance as gov
from wissensplattform.pages.contexts import knowledge as ctx
from wissensplattform.data.models.knowledge import (
    Fallstudie, Governanceseite, KriteriumSeite, Materialseite, Modellregion, Netzwerktreffen, Textseite, Typologie,
)
from wissensplattform.pages.rendering import render, reused
from wissensplattform.pages.page import GeneratedPage, page_url

# The models of the files in `wissen/`, for the field reference.
KNOWLEDGE_MODELS = (KriteriumSeite, Fallstudie, Modellregion, Typologie, Netzwerktreffen, Textseite, Governanceseite,
                    Materialseite)

# Pages built from one file in `wissen/`: file name → (page below docs/, template, context builder).
_SINGLE_PAGES = {
    "typologie": ("wissen/typen/index.md", "knowledge/typologie.md.j2", ctx.typologie_context),
    "netzwerktreffen": ("wissen/netzwerktreffen/index.md", "knowledge/netzwerktreffen.md.j2", ctx.netzwerktreffen_context),
    "empfehlungen": ("wissen/empfehlungen/index.md", "knowledge/textseite.md.j2",
                     lambda c: ctx.textseite_context(c, "empfehlungen")),
    "erfolgsmessung": ("wissen/erfolgsmessung/index.md", "knowledge/checkliste.md.j2",
                       lambda c: ctx.textseite_context(c, "erfolgsmessung")),
    "governance": ("wissen/governance/index.md", "knowledge/governance.md.j2", gov.governance_context),
    "materialien": ("wissen/materialien/index.md", "knowledge/materialien.md.j2", gov.materialien_context),
}


def _page(src: str, template: str, source: str | None, **context) -> GeneratedPage:
    # `mkdocs serve`: after an edit, only the pages whose context changed are rendered again.
    return reused("wissensseite", src, (template, source, tuple(sorted(context.items()))),
                  lambda: GeneratedPage(src, render(template, page_url=page_url(src), **context), source))


def knowledge_pages(catalog: Catalog) -> Iterator[GeneratedPage]:
    wissen = catalog.wissen
    if wissen is None or not (wissen.kriterien or wissen.fallstudien or wissen.modellregionen or wissen.seiten):
        return
    yield _page("wissen/index.md", "knowledge/index.md.j2", None, w=ctx.wissen_context(catalog))
    if wissen.kriterien:
        yield _page("wissen/kriterien/index.md", "knowledge/kriterien.md.j2", None, k=ctx.kriterien_context(catalog))
    for slug, record in wissen.kriterien.items():
        yield _page(f"wissen/kriterien/{slug}/index.md", "knowledge/kriterium.md.j2", record.path,
                    k=ctx.kriterium_context(catalog, slug))
    if wissen.fallstudien:
        summary = wissen.seiten.get("zusammenfassung")
        yield _page("wissen/fallstudien/index.md", "knowledge/fallstudien.md.j2", summary.path if summary else None,
                    f=ctx.fallstudien_context(catalog))
    for slug, record in wissen.fallstudien.items():
        yield _page(f"wissen/fallstudien/{slug}/index.md", "knowledge/fallstudie.md.j2", record.path,
                    f=ctx.fallstudie_context(catalog, slug))
    if wissen.modellregionen:
        yield _page("modellregionen/index.md", "knowledge/modellregionen.md.j2", None,
                    regionen=tuple(ctx.modellregion_context(catalog, s) for s in wissen.modellregionen))
    for slug, record in wissen.modellregionen.items():
        yield _page(f"modellregionen/{slug}/index.md", "knowledge/modellregion.md.j2", record.path,
                    m=ctx.modellregion_context(catalog, slug))
    for name, (src, template, build) in _SINGLE_PAGES.items():
        if name in wissen.seiten:
            yield _page(src, template, wissen.seiten[name].path, s=build(catalog))


def write_checklist(catalog: Catalog, site_dir: Path) -> None:
    """The self-assessment checklist (III.4) as a plain-text download next to its page."""
    if catalog.wissen is None or "erfolgsmessung" not in catalog.wissen.seiten:
        return
    target = site_dir / "wissen" / "erfolgsmessung" / "checkliste-erfolgsmessung.txt"
    target.parent.mkdir(parents=True, exist_ok=True)
    target.write_text(render("knowledge/checkliste.txt.j2", s=ctx.textseite_context(catalog, "erfolgsmessung")),
                      encoding="utf-8")
