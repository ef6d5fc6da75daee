"""Checked with `mypy --strict` against the stubs: the documented uses type."""

from pathlib import Path
from typing import List

import presskit


def render(path: Path) -> bytes:
    renderer = presskit.Renderer(system_fonts=False)
    release = presskit.Release.from_path(path)
    brand = presskit.Brand.for_release(release)
    document: presskit.Document = renderer.render(release, brand, lang="en", standard="a-2b")
    first: bytes = document.png(0, 72.0)
    return document.pdf() + first


def problems(path: str) -> List[str]:
    found: List[presskit.Diagnostic] = presskit.check(path)
    return [f"{d.file}:{d.line}: {d.message} [{d.code}]" for d in found if d.severity == "warning"]


def where(text: str) -> str:
    try:
        presskit.Release.from_str(text, "yaml")
    except presskit.UnknownFieldError as err:
        return f"{err.file}:{err.line}:{err.column}: {err.message} ({err.hint})"
    return ""


def shortcut() -> bytes:
    pdf: bytes = presskit.render_pdf("release.md")
    mail: bytes = presskit.email(presskit.Release.from_dict({"headline": "H"}), to=["a@b.c"], date=0.0)
    return pdf + mail


def imported(path: Path) -> bytes:
    found: presskit.Imported = presskit.import_release(path)
    where: str = found.report["fields"][0]["at"]
    images: bytes = b"".join(found.images.values())
    release = found.release(base=path.parent)
    return presskit.render_pdf(release) + where.encode() + images + found.markdown.encode()
