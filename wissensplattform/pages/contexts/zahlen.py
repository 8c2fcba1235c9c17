"""Context of »Die Landschaft in Zahlen« (/wissen/zahlen/): counts from the data, drawn as SVG by templates.

Every number here is counted from the validated initiatives at each build (each initiative's Land, founding
year, type and level are cited in its profile). Beside each chart the page quotes what the study's text says
about its own figure, with the place (`stelle`). The templates draw the charts and their data tables from the
same objects, so a chart and its table cannot disagree; this module only counts and lays out (numbers, no
markup).
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable
from dataclasses import dataclass
from enum import Enum
from typing import Any

from wissensplattform.data.catalog import Catalog, Entry
from wissensplattform.data.dates import german_date
from wissensplattform.data.models.common import Beleg, Bundesland, TextAngabe
from wissensplattform.data.models.initiative import Ebene, Initiative, Typ
from wissensplattform.pages.citations import Footnote, Footnotes

ZAHLEN_URL = "wissen/zahlen/"
STUDIE = "studie-2018"
# The field a later schema may add (a cited organisational form); the chart appears once the model has it.
ORGANISATIONSFORM = "organisationsform"

OHNE_LAND = "ohne Land in den Daten"
OHNE_JAHR = "Gründungsjahr nicht angegeben"
OHNE_FORM = "Organisationsform nicht angegeben"

# --- What the study's text says about its own figures (quoted word for word; a test compares them) -------

STUDIE_ABBILDUNG_3 = TextAngabe(text="Die Initiativen in ihrer Verteilung nach Ländern und Ebene", zitat=True,
                                quelle=STUDIE, stelle="III.1, Abbildung 3")
STUDIE_ABBILDUNG_4 = TextAngabe(text="Gründungsjahr analysierter Industrieinitiativen und -bündnisse", zitat=True,
                                quelle=STUDIE, stelle="III.1, Abbildung 4")
# The Länder the study's text gives a number for (beside Figure 3); the page sets today's counts beside them.
STUDIE_LAENDER_GENANNT = (Bundesland.NORDRHEIN_WESTFALEN, Bundesland.MECKLENBURG_VORPOMMERN, Bundesland.BRANDENBURG)
STUDIE_LAENDER = (
    TextAngabe(text="Während in Nordrhein-Westfalen 14 Initiativen identifiziert werden konnten, die überwiegend "
                    "regional oder lokal tätig sind, finden sich in anderen Bundesländern nur einzelne Initiativen, "
                    "oft auf zentraler Ebene des Bundeslandes.",
               zitat=True, quelle=STUDIE, stelle="III.1, Text zu Abbildung 3"),
    TextAngabe(text="In Mecklenburg-Vorpommern und Brandenburg konnten keine Initiativen identifiziert werden, die "
                    "unserer Definition entsprachen.",
               zitat=True, quelle=STUDIE, stelle="III.1, Text zu Abbildung 3"),
)
STUDIE_GRUENDUNG = (
    TextAngabe(text="Ein wesentlicher Impuls für diese Zunahme ging dabei von der Weltwirtschaftskrise in den Jahren "
                    "2007 und 2008 aus. Der überwiegende Teil der im Projekt analysierten Industrieinitiativen (77,5%) "
                    "ist in den Jahren danach entstanden (vgl. Abbildung 4).",
               zitat=True, quelle=STUDIE, stelle="III.1, Text zu Abbildung 4"),
    TextAngabe(text="Die beiden ältesten Initiativen im Portfolio (Industrievereinigung Odenwald: 1950, "
                    "Initiativkreis Ruhr: 1989)",
               zitat=True, quelle=STUDIE, stelle="III.2.5, Längerfristige Zusammenarbeit"),
)
# The one number the study's text gives on how initiatives are organised.
STUDIE_ORGANISATIONSFORM = (
    TextAngabe(text="Gerade in vielen regionalen und lokalen Initiativen, in denen einzelne Unternehmen Mitglieder "
                    "sind, bilden die Kammern daher oft eine ordnende und vermittelnde Instanz. In 7 der "
                    "identifizierten Initiativen fungieren sie – offiziell oder de facto – als Geschäftsstelle der "
                    "Initiative. Auffallend ist hierbei, dass 6 dieser 7 Initiativen in Nordrhein-Westfalen "
                    "beheimatet sind und eine regionale oder lokale Ausprägung haben.",
               zitat=True, quelle=STUDIE, stelle="III.2.1, Rollen von Unternehmen, Kammern und Verbänden"),
)
# Table 1 (III.2.3): how many initiatives the table names in each cell, rows as `Ebene`, columns as `Typ`.
# The sums equal the numbers in the table's headings (17, 12, 11; 8, 14, 18).
STUDIE_TABELLE_1 = ((2, 2, 4), (2, 9, 3), (13, 1, 4))
STUDIE_TABELLE_1_BELEG = Beleg(quelle=STUDIE, stelle="III.2.3, Tabelle 1")

# --- Colours: bars ≥ 3:1 against the white page (WCAG 1.4.11), text ≥ 4.5:1 on its fill (1.4.3) ---------

HINTERGRUND = "#FFFFFF"
FARBEN_EBENE = {Ebene.LOKAL: "#0072B2", Ebene.REGIONAL: "#B34700", Ebene.LANDESWEIT: "#007A5E"}
FARBE_GESAMT = "#424242"
FARBE_EINE = "#3949AB"  # charts with one series
FARBE_LEER = "#616161"  # the row "nicht angegeben"
# Heat grid: fill by the cell's share of the largest cell; the value is always printed on it.
WAERME = ("#FFFFFF", "#E8EAF6", "#C5CAE9", "#7986CB", "#283593")
TEXT_DUNKEL, TEXT_HELL = "#000000", "#FFFFFF"


def _luminance(colour: str) -> float:
    channels = [int(colour.lstrip("#")[i:i + 2], 16) / 255 for i in (0, 2, 4)]
    r, g, b = (c / 12.92 if c <= 0.03928 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two `#RRGGBB` colours (1 to 21)."""
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour(fill: str) -> str:
    """Black or white, whichever reads better on `fill`."""
    return TEXT_DUNKEL if contrast(fill, TEXT_DUNKEL) >= contrast(fill, TEXT_HELL) else TEXT_HELL


# --- Bar charts: rows (a Land, a year) × series (a level, or one count) ------------------------------------

BREITE = 640          # width of every bar chart (viewBox units; the SVG scales to the column)
SCHRIFT = 13          # font size of every chart text
ZEICHEN = 7.5         # generous mean width of one character at that size, to fit the row labels
KOPF = 30             # the series' headings above the bars
ZEILE = 24            # one row
BALKEN = 16           # a bar's height
WERT_PLATZ = 30       # room right of the longest bar for its value


@dataclass(frozen=True)
class Reihe:
    """One series: a panel of bars with its heading; all panels of a chart share one scale."""

    titel: str
    farbe: str
    x: float


@dataclass(frozen=True)
class Balken:
    wert: int
    x: float
    laenge: float
    text_x: float     # where its value is written: right of the bar
    farbe: str


@dataclass(frozen=True)
class Zeile:
    titel: str
    y: float          # top of the row
    balken_y: float
    text_y: float     # baseline of the row's texts
    balken: tuple[Balken, ...]
    leer: bool = False  # "nicht angegeben": drawn in grey, named so in its label


@dataclass(frozen=True)
class Balkendiagramm:
    """A bar chart and its data table (the template draws both from this)."""

    id: str
    titel: str
    zeilenkopf: str                  # heading of the label column in the data table
    reihen: tuple[Reihe, ...]
    zeilen: tuple[Zeile, ...]
    summe: tuple[int, ...]           # per series, over all rows: the table's foot, the chart's last line
    summe_y: float                   # the line above the sums
    hoehe: float
    beschriftung: float              # right edge of the row labels' column
    breite: int = BREITE
    kopf: int = KOPF
    balken_hoehe: int = BALKEN
    schrift: int = SCHRIFT

    @property
    def summe_text_y(self) -> float:
        return self.summe_y + ZEILE / 2 + 6.5


def balkendiagramm(id: str, titel: str, zeilenkopf: str, reihen: Iterable[tuple[str, str]],
                   zeilen: Iterable[tuple[str, tuple[int, ...], bool]]) -> Balkendiagramm:
    """Lay out rows of counts: `reihen` are (heading, colour), `zeilen` (label, one count per series, empty?)."""
    reihen, zeilen = list(reihen), list(zeilen)
    beschriftung = max(120, 16 + ZEICHEN * max(len(titel) for titel, _, _ in zeilen))
    panel = (BREITE - beschriftung) / len(reihen)
    laengste = max((w for _, werte, _ in zeilen for w in werte), default=0) or 1
    skala = (panel - WERT_PLATZ) / laengste
    gezeichnet = []
    for index, (titel, werte, leer) in enumerate(zeilen):
        y = KOPF + index * ZEILE
        balken = []
        for nummer, wert in enumerate(werte):
            x = beschriftung + nummer * panel
            laenge = round(wert * skala, 1)
            balken.append(Balken(wert, round(x, 1), laenge, round(x + laenge + 4, 1),
                                 FARBE_LEER if leer else reihen[nummer][1]))
        gezeichnet.append(Zeile(titel, y, y + (ZEILE - BALKEN) / 2, y + ZEILE / 2 + 4.5, tuple(balken), leer))
    summe = tuple(sum(werte[i] for _, werte, _ in zeilen) for i in range(len(reihen)))
    summe_y = KOPF + len(zeilen) * ZEILE + 6
    return Balkendiagramm(
        id, titel, zeilenkopf,
        tuple(Reihe(t, f, round(beschriftung + i * panel, 1)) for i, (t, f) in enumerate(reihen)),
        tuple(gezeichnet), summe, summe_y, summe_y + ZEILE + 8, beschriftung,
    )


# --- The heat grid of type × level (Table 1) --------------------------------------------------------------

RASTER_BESCHRIFTUNG = 104  # the row labels' column
RASTER_KOPF = 44           # the column headings (two lines)
RASTER_FELD = (88, 36)     # width, height of a cell


@dataclass(frozen=True)
class Feld:
    wert: int
    x: float
    y: float
    farbe: str
    text: str  # the colour of its number


@dataclass(frozen=True)
class Raster:
    """Counts in rows (levels) × columns (types) with their sums, drawn as a grid of shaded cells."""

    id: str
    titel: str
    zeilen: tuple[str, ...]
    spalten: tuple[str, ...]
    werte: tuple[tuple[int, ...], ...]
    felder: tuple[tuple[Feld, ...], ...]
    breite: float
    hoehe: float
    beschriftung: int = RASTER_BESCHRIFTUNG
    kopf: int = RASTER_KOPF
    feld_breite: int = RASTER_FELD[0]
    feld_hoehe: int = RASTER_FELD[1]
    schrift: int = SCHRIFT

    @property
    def zeilensummen(self) -> tuple[int, ...]:
        return tuple(sum(zeile) for zeile in self.werte)

    @property
    def spaltensummen(self) -> tuple[int, ...]:
        return tuple(sum(spalte) for spalte in zip(*self.werte))

    @property
    def gesamt(self) -> int:
        return sum(self.zeilensummen)

    @property
    def kopfzeilen(self) -> tuple[tuple[str, ...], ...]:
        """The column headings in lines that fit a cell: `Netzwerkorientiert` → `Netzwerk-`, `orientiert`."""
        return tuple((label[:-10] + "-", label[-10:]) if label.endswith("orientiert") and len(label) > 10 else (label,)
                     for label in self.spalten)

    @property
    def summe_x(self) -> float:
        return self.beschriftung + len(self.spalten) * self.feld_breite

    @property
    def summe_y(self) -> float:
        return self.kopf + len(self.zeilen) * self.feld_hoehe


def raster(id: str, titel: str, zeilen: tuple[str, ...], spalten: tuple[str, ...],
           werte: tuple[tuple[int, ...], ...]) -> Raster:
    """Lay out a grid; a cell's shade grows with its count (five steps), its number is always written on it."""
    groesste = max((w for zeile in werte for w in zeile), default=0) or 1
    breite, hoehe = RASTER_FELD
    felder = []
    for r, zeile in enumerate(werte):
        reihe = []
        for s, wert in enumerate(zeile):
            stufe = -(-(len(WAERME) - 1) * wert // groesste)  # 0 for none, else 1 … 4 by share
            farbe = WAERME[stufe]
            reihe.append(Feld(wert, RASTER_BESCHRIFTUNG + s * breite, RASTER_KOPF + r * hoehe, farbe,
                              text_colour(farbe)))
        felder.append(tuple(reihe))
    # One more column and row for the sums, written without a cell.
    return Raster(id, titel, zeilen, spalten, werte, tuple(felder),
                  RASTER_BESCHRIFTUNG + (len(spalten) + 1) * breite, RASTER_KOPF + (len(zeilen) + 1) * hoehe)


# --- The page ---------------------------------------------------------------------------------------------

@dataclass(frozen=True)
class Zitat:
    text: str
    zitat: bool
    note: int


@dataclass(frozen=True)
class Vergleich:
    """What the study says about its own figure, cited: the figure's caption, the text's words about it, and
    `tabelle` where the study gives a table of numbers (`note` cites it)."""

    zitate: tuple[Zitat, ...]
    abbildung: Zitat | None = None
    tabelle: Raster | None = None
    note: int | None = None


@dataclass(frozen=True)
class ZahlenContext:
    anzahl: int
    stand: str                      # the date of the newest data (a German date)
    laender: Balkendiagramm
    laender_genannt: tuple[Zeile, ...]  # today's rows of the Länder the study's text gives a number for
    gruendung: Balkendiagramm
    gruendung_bekannt: int          # initiatives with a founding year in the data
    gruendung_ab_2009: int          # … of them founded in 2009 or later
    typ_ebene: Raster
    organisationsform: Balkendiagramm | None
    studie: dict[str, Vergleich]    # chart → the study's words; empty where the source is not registered
    footnotes: tuple[Footnote, ...]
    typologie: bool                 # whether the site has the page on types and levels (/wissen/typen/)


def laender_chart(entries: list[Entry]) -> Balkendiagramm:
    """Figure 3's question: initiatives per Land and level, with the ones whose Land the data does not name."""
    counts = Counter((e.initiative.bundesland.wert if e.initiative.bundesland else None, e.initiative.ebene)
                     for e in entries)

    def werte(land: Bundesland | None) -> tuple[int, ...]:
        je_ebene = tuple(counts[(land, ebene)] for ebene in Ebene)
        return (*je_ebene, sum(je_ebene))

    laender = sorted(Bundesland, key=lambda land: (-werte(land)[-1], land.value))
    zeilen = [(land.value, werte(land), False) for land in laender]
    zeilen.append((OHNE_LAND, werte(None), True))
    reihen = [(ebene.label, FARBEN_EBENE[ebene]) for ebene in Ebene] + [("Gesamt", FARBE_GESAMT)]
    return balkendiagramm("land", "Initiativen nach Land und Ebene", "Land", reihen, zeilen)


def gruendung_chart(entries: list[Entry]) -> Balkendiagramm:
    """Figure 4's question: initiatives per founding year (only years with a founding), and those without one."""
    counts = Counter(e.initiative.gruendung.wert if e.initiative.gruendung else None for e in entries)
    zeilen = [(str(jahr), (counts[jahr],), False) for jahr in sorted(j for j in counts if j is not None)]
    zeilen.append((OHNE_JAHR, (counts[None],), True))
    return balkendiagramm("gruendung", "Initiativen nach Gründungsjahr", "Gründungsjahr",
                          [("Initiativen", FARBE_EINE)], zeilen)


def typ_ebene_raster(entries: list[Entry]) -> Raster:
    """Table 1's question: initiatives by level (rows) and type (columns)."""
    counts = Counter((e.initiative.ebene, e.initiative.typ) for e in entries)
    werte = tuple(tuple(counts[(ebene, typ)] for typ in Typ) for ebene in Ebene)
    return raster("typ-ebene", "Initiativen nach Typ und Ebene", tuple(e.label for e in Ebene),
                  tuple(t.label for t in Typ), werte)


def value_label(value: Any) -> str:
    """How a value of a (future) field reads on the page: an `…Angabe`'s `wert`, an enum's label, a text."""
    value = getattr(value, "wert", value)
    if isinstance(value, Enum):
        return getattr(value, "label", None) or str(value.value)
    return str(value)


def has_organisationsform(model: type = Initiative) -> bool:
    return ORGANISATIONSFORM in model.model_fields


def organisationsform_chart(entries: list[Entry]) -> Balkendiagramm:
    """Initiatives per organisational form (a field the schema may gain); a list value counts each form once."""
    counts: Counter[str] = Counter()
    ohne = 0
    for entry in entries:
        value = getattr(entry.initiative, ORGANISATIONSFORM, None)
        values = value if isinstance(value, (list, tuple)) else [value] if value is not None else []
        labels = {value_label(v) for v in values}
        counts.update(labels)
        ohne += not labels
    zeilen = [(label, (n,), False) for label, n in sorted(counts.items(), key=lambda item: (-item[1], item[0]))]
    zeilen.append((OHNE_FORM, (ohne,), True))
    return balkendiagramm("organisationsform", "Initiativen nach Organisationsform", "Organisationsform",
                          [("Initiativen", FARBE_EINE)], zeilen)


def _zitat(angabe: TextAngabe, notes: Footnotes) -> Zitat:
    return Zitat(angabe.text, angabe.zitat, notes.cite(angabe))


def _zitate(angaben: Iterable[TextAngabe], notes: Footnotes) -> tuple[Zitat, ...]:
    return tuple(_zitat(a, notes) for a in angaben)


def zahlen_context(catalog: Catalog, model: type = Initiative) -> ZahlenContext:
    """Count the initiatives for every chart; `model` is the schema asked whether a field exists (tests
    pass a model with an organisational form)."""
    entries = catalog.entries
    notes = Footnotes(catalog.sources)
    studie: dict[str, Vergleich] = {}
    if STUDIE in catalog.sources:
        studie = {
            # Each figure's caption first: the page names it before quoting the text (footnotes in reading order).
            "land": Vergleich(abbildung=_zitat(STUDIE_ABBILDUNG_3, notes), zitate=_zitate(STUDIE_LAENDER, notes)),
            "gruendung": Vergleich(abbildung=_zitat(STUDIE_ABBILDUNG_4, notes),
                                   zitate=_zitate(STUDIE_GRUENDUNG, notes)),
            "typ-ebene": Vergleich((), None, raster("studie-typ-ebene", "Studie 2018: Initiativen nach Typ und Ebene",
                                                    tuple(e.label for e in Ebene), tuple(t.label for t in Typ),
                                                    STUDIE_TABELLE_1),
                                   notes.cite(STUDIE_TABELLE_1_BELEG)),
            "organisationsform": Vergleich(_zitate(STUDIE_ORGANISATIONSFORM, notes)),
        }
    laender = laender_chart(entries)
    zeile = {z.titel: z for z in laender.zeilen}
    jahre = [e.initiative.gruendung.wert for e in entries if e.initiative.gruendung]
    stand = max(catalog.stand.values(), default=None) if entries else None
    return ZahlenContext(
        anzahl=len(entries),
        stand=german_date(stand.isoformat()) if stand else "",
        laender=laender,
        laender_genannt=tuple(zeile[land.value] for land in STUDIE_LAENDER_GENANNT),
        gruendung=gruendung_chart(entries),
        gruendung_bekannt=len(jahre),
        gruendung_ab_2009=sum(jahr >= 2009 for jahr in jahre),
        typ_ebene=typ_ebene_raster(entries),
        organisationsform=organisationsform_chart(entries) if has_organisationsform(model) else None,
        studie=studie,
        footnotes=tuple(notes.notes),
        typologie=bool(catalog.wissen and "typologie" in catalog.wissen.seiten),
    )
