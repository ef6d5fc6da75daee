"""``python -m presskit``: the commands of the ``presskit`` binary that need
nothing but the library (render, check, kit), with the same arguments and
messages; the others (watch, preview, serve, new, fonts, typst) run the
``presskit`` binary when it is installed, or say how to install it."""

from __future__ import annotations

import argparse
import json
import os
import shutil
import sys
import tempfile
from pathlib import Path
from typing import List, Optional

import presskit

BINARY_ONLY = {"watch", "preview", "serve", "new", "fonts", "typst", "email", "import"}


def _write(path: Path, data: bytes, inputs: List[Path]) -> None:
    """Writes through a temporary file renamed into place: a failed run
    leaves no half-written file, and an input is never overwritten."""
    target = path.resolve()
    for source in inputs:
        if source.exists() and target.exists() and os.path.samefile(source, target):
            raise SystemExit(f"error: {path}: is one of the inputs\nhint: choose another output with -o")
    handle, temp = tempfile.mkstemp(dir=str(target.parent), prefix=f".{target.name}.", suffix=".tmp")
    try:
        with os.fdopen(handle, "wb") as out:
            out.write(data)
        os.replace(temp, target)
    except BaseException:
        if os.path.exists(temp):
            os.unlink(temp)
        raise


def _render(args: argparse.Namespace) -> int:
    renderer = presskit.Renderer(system_fonts=not args.no_system_fonts)
    for name in args.releases:
        release_path = Path(name)
        output = Path(args.output) if args.output else release_path.with_suffix(".pdf")
        suffix = output.suffix.lower()
        release = presskit.Release.from_path(release_path)
        brand = presskit.Brand.from_path(args.brand) if args.brand else None
        document = renderer.render(release, brand, lang=args.lang, standard=args.standard)
        if suffix == ".png":
            data = document.png(0, args.ppi)
        elif suffix == ".svg":
            data = document.svg(0).encode()
        else:
            data = document.pdf()
        _write(output, data, [release_path])
        for warning in document.warnings:
            print(f"warning: {warning}", file=sys.stderr)
        if not args.quiet:
            print(f"wrote {output} ({document.page_count} pages)", file=sys.stderr)
    return 0


def _check(args: argparse.Namespace) -> int:
    renderer = presskit.Renderer(system_fonts=not args.no_system_fonts)
    brand = presskit.Brand.from_path(args.brand) if args.brand else None
    results = [(name, renderer.check(Path(name), brand)) for name in args.releases]
    errors = sum(d.severity == "error" for _, found in results for d in found)
    warnings = sum(d.severity == "warning" for _, found in results for d in found)
    if args.format == "json":
        files = []
        for name, found in results:
            diagnostics = [dict(d.to_dict(), file=d.file or name) for d in found]
            ok = not any(d.severity == "error" for d in found)
            files.append({"file": name, "ok": ok, "diagnostics": diagnostics})
        report = {"files": files, "errors": errors, "warnings": warnings}
        print(json.dumps(report, indent=2, ensure_ascii=False))
    else:
        for name, found in results:
            for d in found:
                print(f"{d.severity}: {d} [{d.code}]", file=sys.stderr)
                if d.hint:
                    print(f"  hint: {d.hint}", file=sys.stderr)
            if not found and not args.quiet:
                print(f"ok {name}", file=sys.stderr)
    return 1 if errors or (args.deny_warnings and warnings) else 0


def _kit(args: argparse.Namespace) -> int:
    kit_path = Path(args.kit)
    output = Path(args.output) if args.output else kit_path.with_suffix(".pdf")
    document = presskit.Renderer().render_kit(kit_path, lang=args.lang, standard=args.standard)
    _write(output, document.pdf(), [kit_path])
    if not args.quiet:
        print(f"wrote {output} ({document.page_count} pages)", file=sys.stderr)
    return 0


def _parser() -> argparse.ArgumentParser:
    quiet = argparse.ArgumentParser(add_help=False)
    quiet.add_argument("-q", "--quiet", action="store_true", help="print nothing but errors")
    parser = argparse.ArgumentParser(prog="python -m presskit", description=__doc__, parents=[quiet])
    parser.add_argument("--version", action="version", version=f"presskit {presskit.__version__}")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    render = commands.add_parser("render", parents=[quiet], help="render releases to PDF (or PNG/SVG by the output's extension)")
    render.add_argument("releases", nargs="+", metavar="RELEASE")
    render.add_argument("-o", "--output", help="the output file (default: beside the release, .pdf)")
    render.add_argument("--brand", help="the brand file (default: the one the release names, or _brand.yml beside it)")
    render.add_argument("--lang", help="one language of the release, or `all`")
    render.add_argument("--standard", help="PDF standards: a-2b, a-3b, ua-1, archival")
    render.add_argument("--ppi", type=float, default=144.0, help="resolution of a PNG output")
    render.add_argument("--no-system-fonts", action="store_true", help="use only the bundled and the brand's fonts")
    render.set_defaults(run=_render)

    check = commands.add_parser("check", parents=[quiet], help="report errors and departures from press conventions")
    check.add_argument("releases", nargs="+", metavar="RELEASE")
    check.add_argument("--brand")
    check.add_argument("--deny-warnings", action="store_true", help="fail on warnings too")
    check.add_argument("--format", choices=["human", "json"], default="human")
    check.add_argument("--no-system-fonts", action="store_true")
    check.set_defaults(run=_check)

    kit = commands.add_parser("kit", parents=[quiet], help="render a media kit (kit.yml) to one PDF")
    kit.add_argument("kit", metavar="KIT")
    kit.add_argument("-o", "--output")
    kit.add_argument("--lang")
    kit.add_argument("--standard")
    kit.set_defaults(run=_kit)
    return parser


def main(argv: Optional[List[str]] = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in BINARY_ONLY:
        binary = shutil.which("presskit")
        if binary is None:
            print(
                f"error: `{argv[0]}` is a command of the presskit binary, which is not installed\n"
                "hint: install it from a clone with `cargo install --path crates/presskit-cli`",
                file=sys.stderr,
            )
            return 2
        os.execv(binary, [binary, *argv])
    args = _parser().parse_args(argv)
    if args.command is None:
        _parser().print_help()
        return 2
    try:
        return int(args.run(args))
    except presskit.Error as err:
        print(f"error: {err}", file=sys.stderr)
        return 1


if __name__ == "__main__":
    sys.exit(main())
