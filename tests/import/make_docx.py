#!/usr/bin/env python3
"""Regenerate the .docx cases in tests/import/cases/.

Usage (python-docx is not a dependency of presskit; use a throwaway venv):

    python3 -m venv /tmp/docxvenv
    /tmp/docxvenv/bin/pip install python-docx==1.1.2
    /tmp/docxvenv/bin/python tests/import/make_docx.py

Each function below builds one release the way a person would have typed it
in Word.  The "manual" documents use no paragraph styles at all: the headline
is a bold, larger Normal paragraph, the label and release line are typed in
capitals, lists are either typed bullets or direct numbering on Normal
paragraphs.  The "styled" document uses Title, Subtitle, Heading 1/2, Quote
and List Bullet.

python-docx has no API for footnotes or hyperlinks, so they are written as
XML here: footnotes go into word/footnotes.xml (separator and continuation
separator as Word writes them, then one w:footnote per note), related to the
main document part with the footnotes relationship type; python-docx adds the
content-type override for the new part when it saves.  Hyperlinks are
w:hyperlink elements pointing at an external relationship.

The output is byte-for-byte reproducible: the core properties carry fixed
dates and the zip is rewritten with fixed timestamps and a fixed member order.
The expected answers are hand-written in <name>.expected.json next to each
file; if you change a text here, change the key too.
"""

import datetime
import io
import pathlib
import sys
import zipfile
from xml.sax.saxutils import escape

from docx import Document
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.enum.text import WD_ALIGN_PARAGRAPH
from docx.opc.constants import CONTENT_TYPE as CT
from docx.opc.constants import RELATIONSHIP_TYPE as RT
from docx.opc.packuri import PackURI
from docx.opc.part import Part
from docx.oxml import parse_xml
from docx.oxml.ns import nsdecls, qn
from docx.shared import Cm, Pt

OUT = pathlib.Path(__file__).resolve().parent / "cases"
FIXED_TIME = datetime.datetime(2026, 2, 27, 9, 30, 0)
ZIP_TIME = (2026, 2, 27, 9, 30, 0)

NBSP = "\u00a0"
NNBSP = "\u202f"


# --- inline items -----------------------------------------------------------


class R:
    """A run with direct formatting."""

    def __init__(self, text, bold=None, italic=None, size=None):
        self.text, self.bold, self.italic, self.size = text, bold, italic, size


def B(text, size=None):
    return R(text, bold=True, size=size)


def I(text):  # noqa: E743
    return R(text, italic=True)


class FN:
    """A real Word footnote: reference mark here, text in footnotes.xml."""

    def __init__(self, text):
        self.text = text


class LINK:
    def __init__(self, text, url):
        self.text, self.url = text, url


BR = object()  # a manual line break (Shift+Enter) inside the paragraph
TAB = object()


# --- document builder -------------------------------------------------------


class Release:
    def __init__(self, lang=None, author="", font=None):
        self.doc = Document()
        self.footnotes = []
        cp = self.doc.core_properties
        cp.author = author
        cp.last_modified_by = author
        cp.created = FIXED_TIME
        cp.modified = FIXED_TIME
        cp.revision = 3
        cp.comments = ""
        cp.title = ""
        cp.subject = ""
        cp.keywords = ""
        styles = self.doc.styles.element
        if lang:
            el = styles.find(qn("w:docDefaults") + "/" + qn("w:rPrDefault") + "/" + qn("w:rPr") + "/" + qn("w:lang"))
            el.set(qn("w:val"), lang)
        if font:
            normal = self.doc.styles["Normal"]
            normal.font.name = font
        # The styles Word adds as soon as a footnote is inserted.
        styles.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="paragraph" w:styleId="FootnoteText">'
            '<w:name w:val="footnote text"/><w:basedOn w:val="Normal"/><w:link w:val="FootnoteTextChar"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
            '<w:pPr><w:spacing w:after="0" w:line="240" w:lineRule="auto"/></w:pPr>'
            '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'))
        styles.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:customStyle="1" w:styleId="FootnoteTextChar">'
            '<w:name w:val="Footnote Text Char"/><w:basedOn w:val="DefaultParagraphFont"/>'
            '<w:link w:val="FootnoteText"/><w:uiPriority w:val="99"/><w:semiHidden/>'
            '<w:rPr><w:sz w:val="20"/><w:szCs w:val="20"/></w:rPr></w:style>'))
        styles.append(parse_xml(
            f'<w:style {nsdecls("w")} w:type="character" w:styleId="FootnoteReference">'
            '<w:name w:val="footnote reference"/><w:basedOn w:val="DefaultParagraphFont"/>'
            '<w:uiPriority w:val="99"/><w:semiHidden/><w:unhideWhenUsed/>'
            '<w:rPr><w:vertAlign w:val="superscript"/></w:rPr></w:style>'))

    # paragraphs

    def p(self, *items, bold=None, italic=None, size=None, align=None, style=None,
          space_after=None, indent=None):
        par = self.doc.add_paragraph(style=style)
        if align == "center":
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        elif align == "right":
            par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        if space_after is not None:
            par.paragraph_format.space_after = Pt(space_after)
        if indent is not None:
            par.paragraph_format.left_indent = Cm(indent)
        self._fill(par, items, bold, italic, size)
        return par

    def _fill(self, par, items, bold=None, italic=None, size=None):
        last = None
        for item in items:
            if isinstance(item, str):
                item = R(item)
            if isinstance(item, R):
                last = par.add_run(item.text)
                b = item.bold if item.bold is not None else bold
                i = item.italic if item.italic is not None else italic
                s = item.size if item.size is not None else size
                if b:
                    last.bold = True
                if i:
                    last.italic = True
                if s:
                    last.font.size = Pt(s)
            elif item is BR:
                if last is None:
                    last = par.add_run()
                last.add_break()
            elif item is TAB:
                last = par.add_run()
                last.add_tab()
            elif isinstance(item, FN):
                self.footnotes.append(item.text)
                n = len(self.footnotes)
                par._p.append(parse_xml(
                    f'<w:r {nsdecls("w")}><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr>'
                    f'<w:footnoteReference w:id="{n}"/></w:r>'))
                last = None
            elif isinstance(item, LINK):
                rid = self.doc.part.relate_to(item.url, RT.HYPERLINK, is_external=True)
                par._p.append(parse_xml(
                    f'<w:hyperlink {nsdecls("w", "r")} r:id="{rid}" w:history="1">'
                    '<w:r><w:rPr><w:color w:val="0563C1"/><w:u w:val="single"/></w:rPr>'
                    f'<w:t xml:space="preserve">{escape(item.text)}</w:t></w:r></w:hyperlink>'))
                last = None
            else:
                raise TypeError(item)

    def bullets(self, items, num_id=4):
        """Bulleted list by direct numbering on Normal paragraphs (no style)."""
        for text in items:
            par = self.doc.add_paragraph()
            ppr = par._p.get_or_add_pPr()
            ppr.insert(0, parse_xml(
                f'<w:numPr {nsdecls("w")}><w:ilvl w:val="0"/><w:numId w:val="{num_id}"/></w:numPr>'))
            par.paragraph_format.left_indent = Cm(1.27)
            par.paragraph_format.first_line_indent = Cm(-0.63)
            par.paragraph_format.space_after = Pt(2)
            self._fill(par, [text] if isinstance(text, (str, R)) else text)

    def table(self, rows, widths=None, header=True):
        t = self.doc.add_table(rows=len(rows), cols=len(rows[0]))
        t.style = "Table Grid"
        t.alignment = WD_TABLE_ALIGNMENT.CENTER
        for r, row in enumerate(rows):
            for c, text in enumerate(row):
                cell = t.cell(r, c)
                par = cell.paragraphs[0]
                par.paragraph_format.space_after = Pt(0)
                run = par.add_run(text)
                if header and r == 0:
                    run.bold = True
                if c > 0 and any(ch.isdigit() for ch in text):
                    par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
                if widths:
                    cell.width = Cm(widths[c])
        return t

    def header(self, *items, size=9, align=None):
        par = self.doc.sections[0].header.paragraphs[0]
        if align == "right":
            par.alignment = WD_ALIGN_PARAGRAPH.RIGHT
        self._fill(par, items, size=size)

    def footer(self, *items, size=8, align="center"):
        par = self.doc.sections[0].footer.paragraphs[0]
        if align == "center":
            par.alignment = WD_ALIGN_PARAGRAPH.CENTER
        self._fill(par, items, size=size)

    # output

    def _add_footnotes_part(self):
        notes = [
            '<w:footnote w:type="separator" w:id="-1"><w:p><w:pPr><w:spacing w:after="0" w:line="240" '
            'w:lineRule="auto"/></w:pPr><w:r><w:separator/></w:r></w:p></w:footnote>',
            '<w:footnote w:type="continuationSeparator" w:id="0"><w:p><w:pPr><w:spacing w:after="0" '
            'w:line="240" w:lineRule="auto"/></w:pPr><w:r><w:continuationSeparator/></w:r></w:p></w:footnote>',
        ]
        for n, text in enumerate(self.footnotes, start=1):
            notes.append(
                f'<w:footnote w:id="{n}"><w:p><w:pPr><w:pStyle w:val="FootnoteText"/></w:pPr>'
                '<w:r><w:rPr><w:rStyle w:val="FootnoteReference"/></w:rPr><w:footnoteRef/></w:r>'
                f'<w:r><w:t xml:space="preserve"> {escape(text)}</w:t></w:r></w:p></w:footnote>')
        xml = ("<?xml version='1.0' encoding='UTF-8' standalone='yes'?>\n"
               f'<w:footnotes {nsdecls("w", "r")}>' + "".join(notes) + "</w:footnotes>")
        part = Part(PackURI("/word/footnotes.xml"), CT.WML_FOOTNOTES, xml.encode("utf-8"),
                    self.doc.part.package)
        self.doc.part.relate_to(part, RT.FOOTNOTES)
        # Word also lists the two separators in settings.xml, at the place the
        # schema's sequence requires (Word rejects out-of-order elements).
        settings = self.doc.settings.element
        pr = parse_xml(
            f'<w:footnotePr {nsdecls("w")}><w:footnote w:id="-1"/><w:footnote w:id="0"/></w:footnotePr>')
        successors = {qn("w:" + t) for t in (
            "endnotePr", "compat", "docVars", "rsids", "attachedSchema", "themeFontLang",
            "clrSchemeMapping", "doNotIncludeSubdocsInStats", "doNotAutoCompressPictures",
            "forceUpgrade", "captions", "readModeInkLockDown", "smartTagType", "schemaLibrary",
            "shapeDefaults", "doNotEmbedSmartTags", "decimalSymbol", "listSeparator")}
        successors.add("{http://schemas.openxmlformats.org/officeDocument/2006/math}mathPr")
        for child in settings:
            if child.tag in successors:
                child.addprevious(pr)
                break
        else:
            settings.append(pr)

    def save(self, name):
        if self.footnotes:
            self._add_footnotes_part()
        buf = io.BytesIO()
        self.doc.save(buf)
        # Rewrite the zip with fixed timestamps so the file is reproducible.
        out = io.BytesIO()
        with zipfile.ZipFile(buf) as zin, zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as zout:
            for info in zin.infolist():
                if info.filename == "docProps/thumbnail.jpeg":
                    continue  # the template's thumbnail shows another document
                data = zin.read(info.filename)
                if info.filename == "[Content_Types].xml":
                    data = data.replace(b'<Default Extension="jpeg" ContentType="image/jpeg"/>', b"")
                if info.filename == "_rels/.rels":
                    data = _drop_thumbnail_rel(data)
                zi = zipfile.ZipInfo(info.filename, date_time=ZIP_TIME)
                zi.compress_type = zipfile.ZIP_DEFLATED
                zi.external_attr = 0o644 << 16
                zi.create_system = 0
                zout.writestr(zi, data)
        path = OUT / name
        path.write_bytes(out.getvalue())
        return path


def _drop_thumbnail_rel(data):
    import re
    return re.sub(rb'<Relationship [^>]*Target="docProps/thumbnail.jpeg"/>', b"", data)


# --- the cases ----------------------------------------------------------------


def docx_manual_en_gb_rivers():
    """UK charity; letterhead in the page header; real footnotes, a hyperlink,
    a directly numbered bullet list, quote + '— Name, Role' line, ENDS,
    numbered notes to editors, contact block as separate paragraphs."""
    d = Release(lang="en-GB", author="Tom Reilly")
    d.header(B("Riverkeepers Trust"), BR, "14 Call Lane", BR, "Leeds LS1 6DT", BR,
             "www.riverkeepers.org.uk", align="right")
    d.p("PRESS RELEASE", bold=True, size=12)
    d.p("FOR IMMEDIATE RELEASE")
    d.p("3 March 2026")
    d.p("Sewage spills into Yorkshire rivers rose by a fifth in 2025, volunteer census finds",
        bold=True, size=16)
    d.p("Volunteers tested 1,240 sites across 38 catchments and found official monitors missed "
        "one spill in four", italic=True, size=12)
    d.p(B("Leeds, 3 March 2026"), " – More than 900 volunteers who sampled Yorkshire’s rivers every "
        "fortnight last year recorded 4,312 sewage spills, 21 per cent more than in 2024, according "
        "to the Clean Rivers Census published today by Riverkeepers Trust.", FN(
            "Riverkeepers Trust, Clean Rivers Census 2025: Yorkshire and the Humber, March 2026."),
        " The census combines water samples, photographs and spill alerts gathered between January "
        "and December 2025 at 1,240 sites, from the upper Wharfe to the Humber estuary.")
    d.p("The volunteers’ findings differ markedly from the figures reported by water companies. At "
        "312 of the sites, outfalls that the companies’ own event duration monitors listed as dry "
        "were seen discharging,", FN(
            "Event duration monitors record when and for how long a storm overflow discharges. "
            "Companies report the data to the Environment Agency once a year."),
        " which suggests that roughly one spill in four goes unrecorded.")
    d.p("“Our volunteers stood on riverbanks in January sleet and in August heat, and what they saw "
        "is not what the official figures say. When one spill in four never appears in the data, "
        "nobody can be held to account for it.”", indent=1)
    d.p("— Dr Hannah Okafor, Director of Science, Riverkeepers Trust", indent=1)
    d.p("The census found the worst conditions on three stretches:")
    d.bullets([
        "the River Aire between Kirkstall and Knostrop, with 611 recorded spills;",
        "the River Calder below Brighouse, where ammonia exceeded safe limits on 41 sampling days;",
        "the lower Don at Doncaster, where bathing-water bacteria counts were above the ‘poor’ "
        "threshold in every summer sample.",
    ])
    d.p("Riverkeepers Trust is asking the Environment Agency to publish monitor data within 24 hours "
        "of each spill, and to audit every outfall where volunteers recorded a discharge the monitors "
        "missed. The charity has shared its full dataset, including 18,000 photographs, with the "
        "regulator.")
    d.p("Margaret Hollis, who has tested the Wharfe at Otley since the census began in 2021, said: "
        "“We know this river. When the water turns grey and smells of drains on a dry afternoon, we "
        "don’t need a monitor to tell us something is wrong. We need someone to act on what we send "
        "in.”")
    d.p("The full Clean Rivers Census 2025, with maps for each catchment, is available at ",
        LINK("riverkeepers.org.uk/census2025", "https://www.riverkeepers.org.uk/census2025"), ".")
    d.p("ENDS", bold=True, align="center")
    d.p("Notes to editors", bold=True)
    d.p("1. The Clean Rivers Census has run every year since 2021. In 2025, 912 trained volunteers "
        "took 27,880 samples.", space_after=2)
    d.p("2. Samples were analysed for ammonia, phosphate, turbidity and E. coli using field kits "
        "calibrated against laboratory results from the University of Leeds.", space_after=2)
    d.p("3. Photographs of volunteers sampling on the River Aire are available on request.")
    d.p("About Riverkeepers Trust", bold=True)
    d.p("Riverkeepers Trust is a charity that trains local people to monitor and protect the rivers "
        "of Yorkshire and the Humber. Founded in 2009, it works with more than 2,000 volunteers, "
        "landowners and anglers to restore river habitats and hold polluters to account. Registered "
        "charity no. 1129384.")
    d.p("Media contact", bold=True)
    for line in ["Tom Reilly", "Press Officer", "Riverkeepers Trust", "press@riverkeepers.org.uk",
                 "+44 113 496 0721"]:
        d.p(line, space_after=0)
    return d.save("docx-manual-en-gb-rivers.docx")


def docx_manual_fr_ville():
    """Belgian city council; French typography with no-break spaces; real
    footnotes, a hyperlink, a table of figures, run-in 'À propos … :',
    numbered notes '1)', contact block with line breaks in one paragraph,
    address in the page footer, FIN."""
    d = Release(lang="fr-BE", author="Camille Dufour")
    d.footer("Ville de Florival – Place Communale 1 – 5999 Florival – www.florival.be")
    d.p("COMMUNIQUÉ DE PRESSE", bold=True, size=13)
    d.p("DIFFUSION IMMÉDIATE")
    d.p("Mardi 3 mars 2026", align="right")
    d.p("Douze rues scolaires à Florival dès la rentrée de Pâques", bold=True, size=18)
    d.p("La circulation sera interdite aux abords des écoles à l’entrée et à la sortie des classes, "
        "après un test concluant à Saint-Rémy", bold=True, size=12)
    d.p(B("Florival, 3 mars 2026 –"), " Le collège communal de Florival a approuvé lundi la "
        "création de douze rues scolaires, qui entreront en vigueur le 20 avril 2026, au retour "
        "des vacances de printemps. Dans ces rues, la circulation motorisée sera interdite chaque "
        "jour d’école de 8 h 00 à 8 h 45 et de 15 h 15 à 15 h 45, à l’exception des riverains qui "
        "quittent leur domicile et des services de secours.", FN(
            "Règlement complémentaire de police adopté par le conseil communal du 23 février 2026."))
    d.p("La mesure fait suite à un test mené de septembre à décembre 2025 rue des Tilleuls, devant "
        f"l’école communale de Saint-Rémy. Pendant ces quatre mois, la part des enfants venant à pied "
        f"ou à vélo est passée de 38{NBSP}% à 61{NBSP}%, et aucun accident n’a été signalé aux abords "
        "de l’école.", FN(
            "Comptages réalisés par l’asbl Tous à pied les 9 septembre et 9 décembre 2025 à "
            "l’entrée des classes."))
    d.p(f"«{NBSP}Les parents nous l’ont dit très clairement{NBSP}: ils veulent que leurs enfants "
        "puissent marcher jusqu’à l’école sans slalomer entre les voitures. Le test de Saint-Rémy "
        f"a montré que c’est possible, sans reporter le problème sur les rues voisines{NBSP}», "
        "explique Sophie Lambert, échevine de la Mobilité et de l’Enseignement.")
    d.p(f"Les douze rues ont été choisies avec les directions d’école et les comités de quartier. "
        f"Elles concernent près de 2{NBSP}900 élèves{NBSP}:")
    d.table([
        ["Quartier", "Rue", "École", "Élèves"],
        ["Saint-Rémy", "Rue des Tilleuls", "École communale de Saint-Rémy", "214"],
        ["Centre", "Rue du Collège", "Athénée royal de Florival", f"1{NBSP}120"],
        ["Centre", "Rue Haute", "École Sainte-Marie", "386"],
        ["Les Prés", "Avenue des Prés", "École communale des Prés", "297"],
        ["Bois-Martin", "Chemin du Moulin", "École fondamentale du Bois-Martin", "168"],
        ["Autres quartiers", "7 rues", "7 écoles", "715"],
    ], widths=[3.2, 3.8, 6.5, 2.0])
    d.p("")
    d.p("Des barrières amovibles seront installées à chaque extrémité et manipulées par des stewards "
        "formés par la Ville, avec l’aide de parents volontaires. Des places de dépose-minute seront "
        "aménagées à moins de 300 mètres de chaque école.")
    d.p("Les riverains recevront un courrier explicatif dans la semaine du 16 mars. Une séance "
        "d’information se tiendra le jeudi 26 mars à 19 h 30 à l’Hôtel de Ville. Le plan détaillé "
        "des rues concernées est disponible sur ",
        LINK("florival.be/ruesscolaires", "https://www.florival.be/ruesscolaires"), ".")
    d.p("FIN", bold=True, align="center")
    d.p("Note aux rédactions", bold=True)
    d.p("1) Des photos du test de la rue des Tilleuls sont disponibles sur demande.", space_after=2)
    d.p("2) L’échevine Sophie Lambert sera disponible pour des interviews le mercredi 4 mars, de "
        "10 h à 12 h, rue des Tilleuls.")
    d.p(B(f"À propos de la Ville de Florival{NBSP}:"), f" Florival compte 27{NBSP}400 habitants "
        "répartis dans neuf anciennes communes. Son Plan communal de mobilité 2024-2030 vise à faire "
        f"passer la part des déplacements à pied et à vélo de 22{NBSP}% à 35{NBSP}%.")
    d.p("Contact presse", bold=True, space_after=0)
    d.p("Camille Dufour", BR, "Attachée de presse", BR, "Ville de Florival", BR,
        "camille.dufour@florival.be", BR, "+32 81 24 63 00")
    return d.save("docx-manual-fr-ville.docx")


def docx_manual_nl_museum():
    """Ghent museum; the document's language is left at Word's en-US default
    although the text is Dutch; place and date on one line at the top; typed
    bullets ('•' + tab); quote + '— Name, role'; EINDE; contact block with
    line breaks and no organisation line."""
    d = Release(author="Jens De Smet", font="Arial")
    d.p("PERSBERICHT", bold=True, size=14)
    d.p("Gent, 17 maart 2026")
    d.p("Museum Ravestein toont voor het eerst de volledige Gentse Kaart van 1534", bold=True, size=15)
    d.p("Na drie jaar restauratie is de twee meter brede stadsplattegrond vanaf 18 april te zien "
        "in een tentoonstelling over Gent op straatniveau", italic=True)
    d.p("Vanaf zaterdag 18 april 2026 is in Museum Ravestein de volledige Gentse Kaart van 1534 te "
        "zien, de oudste bewaarde plattegrond van de stad. De kaart, geschilderd op acht aan elkaar "
        "genaaide stukken linnen, werd sinds 1913 nooit meer in haar geheel getoond. De "
        "tentoonstelling ‘Gent in 1534. Een stad van dichtbij’ loopt tot en met 4 oktober 2026.")
    d.p("De kaart toont Gent in vogelvlucht, twintig jaar voor de Gentse Opstand: elke kerk, brug en "
        "poort, maar ook molens, bleekvelden en de houten kraan aan de Graslei. Restauratoren werkten "
        "drie jaar aan het doek. Ze verwijderden vernis uit de negentiende eeuw en brachten zo details "
        "aan het licht die eeuwenlang onzichtbaar waren, zoals een galg op de Vrijdagmarkt en spelende "
        "kinderen op het ijs van de Leie.")
    d.p("“Wie voor deze kaart staat, kan zijn eigen straat terugvinden zoals ze er vijfhonderd jaar "
        "geleden uitzag. Dat maakt haar niet alleen voor historici bijzonder, maar voor iedereen die "
        "in Gent woont.”", italic=True)
    d.p("— Lieve Verhaeghe, directeur Museum Ravestein")
    d.p("Naast de kaart toont het museum een zestigtal stukken uit eigen collectie en bruiklenen uit "
        "Brugge, Brussel en Rijsel. Bezoekers kunnen bovendien:")
    for item in [
        "met een digitale loep inzoomen op elk huis van de kaart;",
        "op een interactieve tafel hun eigen adres opzoeken in het stratenplan van 1534;",
        "op zondag deelnemen aan een stadswandeling langs de plekken die op de kaart staan.",
    ]:
        d.p("•", TAB, item, space_after=0, indent=0.6)
    d.p("")
    d.p("De tentoonstelling kwam tot stand in samenwerking met de Universiteit Gent en het "
        "Stadsarchief Gent, dat de kaart in bruikleen geeft. Het project kreeg steun van de Vlaamse "
        "Gemeenschap en van een tiental Gentse bedrijven.")
    d.p("Museum Ravestein is open van dinsdag tot en met zondag, van 10 tot 18 uur. Tickets kosten "
        "12 euro; jongeren tot 26 jaar betalen 3 euro, kinderen tot 12 jaar gaan gratis binnen. Meer "
        "informatie op www.museumravestein.be.")
    d.p("EINDE", align="center")
    d.p("Noot voor de redactie", bold=True)
    d.p("1. Op donderdag 16 april 2026 om 10.30 uur vindt een persvoorstelling plaats in aanwezigheid "
        "van de restauratoren. Graag vooraf aanmelden via pers@museumravestein.be.", space_after=2)
    d.p("2. Beeldmateriaal in hoge resolutie is beschikbaar via de perspagina van het museum.")
    d.p("Over Museum Ravestein", bold=True)
    d.p("Museum Ravestein is het stadsmuseum van Gent. Het is gevestigd in een vijftiende-eeuws "
        "patriciërshuis aan de Kraanlei en vertelt de geschiedenis van de stad aan de hand van "
        "kaarten, maquettes en alledaagse voorwerpen. Het museum ontvangt jaarlijks zo’n 140.000 "
        "bezoekers.")
    d.p("Perscontact", bold=True, space_after=0)
    d.p("Jens De Smet", BR, "Persverantwoordelijke", BR, "+32 9 269 42 11", BR,
        "jens.desmet@museumravestein.be")
    return d.save("docx-manual-nl-museum.docx")


def docx_manual_de_hochschule():
    """German university; press-release number line; dateline 'Bergheim –'
    without a date; table of figures; „…“ quote + '– Name, Funktion' line;
    hyperlink; two 'Über …' sections (university and partner utility);
    contact lines with 'Telefon:' / 'E-Mail:' prefixes, one per paragraph."""
    d = Release(lang="de-DE", author="Katrin Vossen")
    d.p("PRESSEMITTEILUNG", bold=True, size=13)
    d.p("Nr. 14/2026", space_after=0)
    d.p("3. März 2026")
    d.p("Salzwasser-Batterie aus Bergheim speichert Solarstrom für ein ganzes Wohnquartier",
        bold=True, size=16)
    d.p("Pilotanlage der TH Bergheim läuft seit einem Jahr ohne messbaren Kapazitätsverlust – "
        "Stadtwerke planen zweite Anlage", bold=True, size=12)
    d.p(B("Bergheim –"), " Eine an der Technischen Hochschule Bergheim entwickelte "
        "Salzwasser-Batterie versorgt seit März 2025 das Wohnquartier „Am Erftbogen“ mit "
        "gespeichertem Solarstrom. Nach zwölf Monaten Betrieb zieht das Forschungsteam eine positive "
        "Bilanz: Die Anlage mit einer Kapazität von 1,2 Megawattstunden hat 318 Lade- und "
        "Entladezyklen durchlaufen, ohne messbar an Speicherkapazität zu verlieren.")
    d.p("Anders als Lithium-Ionen-Akkus kommt die Batterie ohne Lithium, Kobalt und Nickel aus. Als "
        "Elektrolyt dient eine Lösung aus Wasser und Natriumsulfat, die Elektroden bestehen aus Mangan- "
        "und Kohlenstoffverbindungen. Die Zellen sind nicht brennbar und können deshalb ohne "
        "aufwendigen Brandschutz im Keller eines Wohnhauses stehen.")
    d.p("„Wir wollten zeigen, dass ein Quartierspeicher nicht aus Materialien bestehen muss, die um "
        "die halbe Welt transportiert werden. Nach einem Jahr im Alltag können wir sagen: Die Technik "
        "ist reif für den nächsten Schritt.“", italic=True)
    d.p("– Prof. Dr. Miriam Albers, Leiterin des Instituts für Elektrochemische Speicher")
    d.p("Die wichtigsten Messwerte aus dem ersten Betriebsjahr:")
    d.table([
        ["Kennzahl", "Wert"],
        ["Gespeicherte Energie", "312 MWh"],
        ["Wirkungsgrad (Laden und Entladen)", "84 %"],
        ["Kapazitätsverlust nach 318 Zyklen", "unter 0,5 %"],
        ["Eigenverbrauchsquote im Quartier", "71 %"],
    ], widths=[8.0, 4.0])
    d.p("")
    d.p("Der Wirkungsgrad liegt damit unter dem von Lithium-Ionen-Speichern, die etwa 90 Prozent "
        "erreichen. Für den stationären Einsatz sei das aber zweitrangig, betont Albers: Entscheidend "
        "seien Lebensdauer, Sicherheit und Kosten. Das Team rechnet mit Herstellungskosten von rund "
        "180 Euro pro Kilowattstunde, sobald die Zellen in Serie gefertigt werden.")
    d.p("Die Stadtwerke Bergheim, die das Projekt gemeinsam mit der Hochschule betreiben, wollen 2027 "
        "eine zweite Anlage im Gewerbegebiet Zieverich in Betrieb nehmen. Das Land fördert das "
        "Vorhaben mit 2,4 Millionen Euro.")
    d.p("Ausführliche Ergebnisse stellt das Team am 24. März auf der Fachtagung „Speicher im "
        "Quartier“ in Köln vor. Ein Kurzbericht steht unter ",
        LINK("th-bergheim.de/salzwasserspeicher", "https://www.th-bergheim.de/salzwasserspeicher"),
        " zum Download bereit.")
    d.p("– Ende –", align="center")
    d.p("Hinweise für Redaktionen", bold=True)
    d.p("1. Fotos der Pilotanlage stehen unter th-bergheim.de/presse zur honorarfreien Verwendung "
        "bereit.", space_after=2)
    d.p("2. Prof. Dr. Miriam Albers steht am 4. und 5. März für Interviews zur Verfügung.")
    d.p("Über die Technische Hochschule Bergheim", bold=True)
    d.p("Die Technische Hochschule Bergheim wurde 1971 gegründet und ist mit rund 9.800 Studierenden "
        "die größte Hochschule für angewandte Wissenschaften im Rhein-Erft-Kreis. Schwerpunkte in "
        "Lehre und Forschung sind Energie, Mobilität und Digitalisierung.")
    d.p("Über die Stadtwerke Bergheim", bold=True)
    d.p("Die Stadtwerke Bergheim versorgen rund 62.000 Einwohnerinnen und Einwohner mit Strom, Gas, "
        "Wärme und Wasser. Seit 2020 betreiben sie zwölf Solarparks und drei Nahwärmenetze im "
        "Stadtgebiet.")
    d.p("Pressekontakt", bold=True)
    for line in ["Dr. Katrin Vossen", "Pressesprecherin", "Technische Hochschule Bergheim",
                 "Telefon: +49 2271 8066-120", "E-Mail: presse@th-bergheim.de"]:
        d.p(line, space_after=0)
    return d.save("docx-manual-de-hochschule.docx")


def docx_styled_en_us_robotics():
    """US company; uses Word styles throughout: Title, Subtitle, Heading 1
    (About, Media contact), Heading 2 (subheadings), Quote (+ attribution in
    Normal), List Bullet; AP dateline; ###; no separate date line."""
    d = Release(lang="en-US", author="Rachel Nguyen")
    d.p("FOR IMMEDIATE RELEASE", bold=True)
    d.p("Halvorsen Robotics Opens $48 Million Plant to Build Orchard-Harvesting Robots", style="Title")
    d.p("Madison facility will employ 220 people and produce up to 1,500 machines a year by 2028",
        style="Subtitle")
    d.p("MADISON, Wis., March 3, 2026 — Halvorsen Robotics, a maker of autonomous harvesting "
        "machines for fruit growers, today opened a $48 million manufacturing plant on Madison’s east "
        "side. The 180,000-square-foot facility will build the company’s Picker-4 apple-harvesting "
        "robot and employ 220 people when it reaches full production in 2028.")
    d.p("The company has hired 96 workers so far, most of them from Dane County, and will add "
        "assembly, quality and field-service positions through 2027. Starting pay on the production "
        "floor is $24.50 an hour, with health coverage from the first day of employment.")
    d.p("Built for a shrinking harvest workforce", style="Heading 2")
    d.p("U.S. apple growers report that finding enough seasonal pickers has become one of their "
        "biggest operating risks. Halvorsen’s Picker-4 uses cameras and soft vacuum grippers to "
        "harvest up to 1.5 apples per second, working day and night along trellised orchard rows.")
    d.p("“Growers don’t want to replace their crews; they want to stop leaving fruit on the tree "
        "because they couldn’t find enough hands in September. This plant lets us build machines "
        "close to the orchards that need them.”", style="Quote")
    d.p("— Ingrid Halvorsen, co-founder and CEO, Halvorsen Robotics")
    d.p("What the plant will do", style="Heading 2")
    for item in ["Final assembly and testing of up to 1,500 Picker-4 units a year",
                 "A training center where growers’ staff learn to operate and maintain the robots",
                 "A refurbishment line that returns leased machines to service between seasons"]:
        d.p(item, style="List Bullet")
    d.p("The plant runs on electricity from a 2.1-megawatt rooftop solar array and a long-term wind "
        "power contract. The state supported the project with up to $3.2 million in "
        "performance-based tax credits tied to job creation and capital investment.")
    d.p("“We lost almost a fifth of our Honeycrisp crop two years ago because we ran out of pickers. "
        "Having machines built and serviced a two-hour drive from our orchard changes what we can "
        "plan for.”", style="Quote")
    d.p("— Ellen Kowalski, owner, Kowalski Family Orchards, Gays Mills, Wis.")
    d.p("Halvorsen Robotics will hold an open house for the public at the plant, 4210 Commerce Park "
        "Drive, on Saturday, March 14, from 10 a.m. to 2 p.m.")
    d.p("###", align="center")
    d.p("About Halvorsen Robotics", style="Heading 1")
    d.p("Founded in 2019 by engineers from the University of Wisconsin–Madison, Halvorsen Robotics "
        "designs and builds autonomous machines for specialty-crop agriculture. Its robots harvested "
        "more than 40 million apples in the 2025 season in Washington, Michigan, New York and "
        "Wisconsin. Learn more at halvorsenrobotics.com.")
    d.p("Media contact", style="Heading 1")
    d.p("Rachel Nguyen", BR, "Director of Communications", BR, "Halvorsen Robotics", BR,
        "(608) 555-0142", BR, "rachel.nguyen@halvorsenrobotics.com")
    return d.save("docx-styled-en-us-robotics.docx")


CASES = [docx_manual_en_gb_rivers, docx_manual_fr_ville, docx_manual_nl_museum,
         docx_manual_de_hochschule, docx_styled_en_us_robotics]


def main():
    for make in CASES:
        path = make()
        print(path.relative_to(OUT.parent.parent.parent))
    return 0


if __name__ == "__main__":
    sys.exit(main())
