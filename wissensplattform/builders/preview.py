"""The preview of a change request: the built site, browsable from a folder without a web server.

The site uses directory addresses (`../initiativen/`); a web server completes them with `index.html`.
Opened by double-click from an unpacked CI artifact (file://), or through GitLab's artifact browser,
nothing does, so after the normal strict build every relative link that names a directory gets its
`index.html`. The rest of each page stays byte for byte as built: the inline scripts keep the hashes
their Content-Security-Policy lists. (MkDocs' `--no-directory-urls` is no alternative: the generated
pages compute their links themselves, and those would all break.)
"""

from __future__ import annotations

import html
import json
import re
import subprocess
import sys
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import urlsplit

from wissensplattform.cli import ROOT
from wissensplattform.builders.run import build_site

INDEX = "index.html"
README_NAME = "VORSCHAU-LIESMICH.txt"
README = """\
Vorschau der Wissensplattform: nur zur Durchsicht, nicht veröffentlicht.

So öffnen Sie die Vorschau:
1. Die ZIP-Datei herunterladen.
2. Vollständig entpacken (Windows: Rechtsklick, »Alle extrahieren«). Nur hineinschauen genügt nicht.
3. Im entpackten Ordner die Datei index.html doppelt anklicken.

Alle Seiten, Steckbriefe und Downloads sind dann über die Navigation erreichbar.

Ohne Webserver (geöffnet per Doppelklick) funktionieren zwei Dinge nicht:
- die Suche,
- die Karte (sie lädt ihre Daten erst beim Öffnen nach).
Beides funktioniert in der Online-Vorschau (nur bei GitLab: der Link der Umgebung »vorschau/…«
im Merge Request) und nach der Veröffentlichung der Website.
"""

# Attributes whose value the browser navigates to (`action` of the map's filter form).
_LINK_ATTRIBUTES = {"href", "action"}
# One attribute of a start tag, as HTML tokenises it; the parser's own reading is checked against it.
_ATTRIBUTE = re.compile(r"""[\s/]*([^\s/>"'=][^\s/>=]*)(?:\s*=\s*("[^"]*"|'[^']*'|[^\s>]*))?""")
_TAG_NAME = re.compile(r"<[^\s/>]+")


def file_url(url: str, empty_is_directory: bool = False) -> str:
    """`url` with `index.html` added where it names a directory; every other link unchanged.

    Only relative paths change (`../x/`, `.`, `..`, keeping `?query` and `#fragment`). A link without a path
    (`#anker`, `?a=b`, ``) names the page itself, unless `empty_is_directory` (search index locations, which
    are relative to the site's root directory).
    """
    suffix = _index_suffix(url, empty_is_directory)
    if suffix is None:
        return url
    cut = len(urlsplit(url).path)  # a relative URL starts with its path
    return url[:cut] + suffix + url[cut:]


def _index_suffix(url: str, empty_is_directory: bool = False) -> str | None:
    """What completes the path of `url` to a file, or None when there is nothing to complete."""
    parts = urlsplit(url)
    path = parts.path
    if parts.scheme or parts.netloc or path.startswith("/"):
        return None  # other hosts, `mailto:` and the like; absolute paths only 404.html uses
    if not path:
        return INDEX if empty_is_directory else None
    if path.endswith("/"):
        return INDEX
    if path.rsplit("/", 1)[-1] in (".", ".."):
        return "/" + INDEX
    return None


class _LinkFinder(HTMLParser):
    """Collects, for one page, the offsets at which `index.html` goes into a link, and what goes there."""

    def __init__(self, text: str) -> None:
        super().__init__(convert_charrefs=True)
        self.text = text
        self.line_starts = [0] + [match.end() for match in re.finditer("\n", text)]
        self.inserts: list[tuple[int, str]] = []

    def handle_starttag(self, tag, attrs):
        if not any(name in _LINK_ATTRIBUTES for name, _ in attrs):
            return
        raw = self.get_starttag_text()
        line, column = self.getpos()
        start = self.line_starts[line - 1] + column
        if not self.text.startswith(raw, start):
            raise ValueError(f"Start tag not found where the parser read it (line {line}): {raw[:80]}")
        self.inserts += [(start + offset, text) for offset, text in _tag_inserts(raw, attrs)]

    handle_startendtag = handle_starttag


def _tag_inserts(raw: str, attrs: list[tuple[str, str | None]]) -> list[tuple[int, str]]:
    """The (offset in `raw`, text) inserts that complete the directory links of one start tag."""
    tokens, inserts = [], []
    position = _TAG_NAME.match(raw).end()
    while (match := _ATTRIBUTE.match(raw, position)) and match.end() > position:
        name, value = match.group(1).lower(), match.group(2)
        quoted = value is not None and value[:1] in ("'", '"')
        if quoted:
            value = value[1:-1]
        tokens.append((name, None if value is None else html.unescape(value)))
        if name in _LINK_ATTRIBUTES and value is not None:
            inserts += _value_inserts(value, match.start(2) + quoted)
        position = match.end()
    if tokens != attrs:
        # Never guess: a tag read differently from the parser stops the preview instead of being mangled.
        raise ValueError(f"Cannot read the attributes of this tag safely: {raw[:80]}")
    return inserts


def _value_inserts(raw_value: str, value_start: int) -> list[tuple[int, str]]:
    """The insert for one attribute value as written (character references included), if it needs one."""
    url = html.unescape(raw_value)
    suffix = _index_suffix(url)
    if suffix is None:
        return []
    cut = min((i for i in (raw_value.find("?"), raw_value.find("#")) if i >= 0), default=len(raw_value))
    if html.unescape(raw_value[:cut]) != urlsplit(url).path:
        raise ValueError(f"Cannot place index.html in the link {raw_value!r}")
    return [(value_start + cut, suffix)]


def browsable_html(text: str) -> str:
    """The page `text` with `index.html` completing each relative directory link; nothing else changed."""
    finder = _LinkFinder(text)
    finder.feed(text)
    finder.close()
    pieces, last = [], 0
    for offset, insert in sorted(finder.inserts):
        pieces += [text[last:offset], insert]
        last = offset
    pieces.append(text[last:])
    return "".join(pieces)


def browsable_search_index(index: dict) -> dict:
    """The search index with each result's location naming a file (results open in GitLab's artifact view)."""
    docs = [{**doc, "location": file_url(doc["location"], empty_is_directory=True)} for doc in index["docs"]]
    return {**index, "docs": docs}


def make_browsable(site_dir: Path) -> int:
    """Rewrite the built site in `site_dir` for use without a web server; return the number of pages."""
    pages = sorted(site_dir.rglob("*.html"))
    for page in pages:
        # Bytes in and out: line endings and every other byte stay as built.
        text = page.read_bytes().decode("utf-8")
        rewritten = browsable_html(text)
        if rewritten != text:
            page.write_bytes(rewritten.encode("utf-8"))
    index = site_dir / "search" / "search_index.json"
    if index.exists():
        data = browsable_search_index(json.loads(index.read_text(encoding="utf-8")))
        index.write_text(json.dumps(data, ensure_ascii=False, separators=(",", ":")), encoding="utf-8")
    (site_dir / README_NAME).write_text(README, encoding="utf-8")
    return len(pages)


def build(root: Path, site_dir: Path) -> subprocess.CompletedProcess:
    """The strict build of `root` into `site_dir`, made browsable without a web server when it succeeds."""
    result = build_site(root, site_dir)
    if result.returncode == 0:
        make_browsable(site_dir)
    return result


def _refuses(site_dir: Path) -> bool:
    # MkDocs empties the target first: never a folder that holds something other than an earlier build.
    return site_dir.is_dir() and any(site_dir.iterdir()) and not (site_dir / INDEX).exists()


def main(args: list[str], root: Path = ROOT) -> int:
    """`scripts/vorschau [ORDNER]`: build the preview into ORDNER (default: site/ of the project)."""
    site_dir = Path(args[0]).resolve() if args else root / "site"
    if _refuses(site_dir):
        print(f"{site_dir} ist nicht leer und enthält keine gebaute Website. Bitte einen leeren oder neuen "
              "Ordner angeben.", file=sys.stderr)
        return 2
    result = build(root, site_dir)
    sys.stdout.write(result.stdout)
    sys.stderr.write(result.stderr)
    if result.returncode == 0:
        print(f"Vorschau gebaut: {site_dir / INDEX} per Doppelklick öffnen. Hinweise: {README_NAME}")
    return result.returncode
