"""presskit: structured press releases to branded, print-ready PDFs.

Three lines give a release's PDF::

    import presskit
    pdf = presskit.render_pdf("release.md")
    open("release.pdf", "wb").write(pdf)

Load once and render many with a :class:`Renderer` (safe to share between
threads; renders run in parallel). Every error is a :class:`presskit.Error`
of its kind with ``.file``, ``.line``, ``.column``, ``.message`` and
``.hint``. See docs/PYTHON.md in the repository.
"""

from ._presskit import (
    Brand,
    Diagnostic,
    Document,
    Error,
    ExportError,
    FileError,
    FontError,
    ImageError,
    Imported,
    InvalidValueError,
    LayoutError,
    MissingFieldError,
    ParseError,
    Release,
    Renderer,
    UnknownFieldError,
    __version__,
    check,
    email,
    html,
    import_release,
    kit,
    render_pdf,
    text,
)

__all__ = [
    "Brand",
    "Diagnostic",
    "Document",
    "Error",
    "ExportError",
    "FileError",
    "FontError",
    "ImageError",
    "Imported",
    "InvalidValueError",
    "LayoutError",
    "MissingFieldError",
    "ParseError",
    "Release",
    "Renderer",
    "UnknownFieldError",
    "__version__",
    "check",
    "email",
    "html",
    "import_release",
    "kit",
    "render_pdf",
    "text",
]
