"""Search entries written by the project for pages the theme's search would index poorly or slowly.

The theme's search would parse every profile's whole HTML (half the build time at 10,000 initiatives)
and index footnote marks, source lists and map notes with the statements. A profile's entries hold
what a reader searches for: the facts in one line and each filled section's statements, one entry per
section so a hit opens the right place. The overview and the map page, whose lists grow with the data,
are found by their introduction.
"""

from __future__ import annotations


from markupsafe import escape

from wissensplattform.pages.contexts.profile import ProfileContext
from wissensplattform.pages.page import SearchEntry
from wissensplattform.pages.rendering import render


def page_entry(url: str, title: str, template: str, **context: object) -> tuple[SearchEntry]:
    """A page found by one text, e.g. its introduction (rendered by the partial the page includes)."""
    return (SearchEntry(url, str(escape(title)), render(template, **context).strip()),)


def profile_entries(p: ProfileContext) -> tuple[SearchEntry, ...]:
    """The profile's facts as the page's entry, then one entry per filled section (its statements only)."""
    facts = [p.kurzname, p.typ, p.ebene, p.land and p.land.text, p.ort and p.ort.text,
             p.organisationsform and p.organisationsform.text,
             p.gruendung and f"gegründet {p.gruendung.text}", *(v.text for v in p.namensvarianten)]
    entries = [SearchEntry(p.url, str(escape(p.name)),
                           render("search/text.html.j2", facts=[f for f in facts if f], items=[]))]
    sections = [("wissen", "Wissen aus der Studie", [item.text for item in p.fallstudie_fakten])]
    sections += [(s.key, s.title, [item.text for item in s.items]) for s in p.sections]
    sections.append(("chronik", "Chronik", [f"{e.datum}: {e.ereignis}" for e in p.chronik]))
    entries += [SearchEntry(f"{p.url}#{key}", title, render("search/text.html.j2", facts=[], items=items))
                for key, title, items in sections if items]
    return tuple(entries)


