#!/usr/bin/env python3
"""presskit from Python beside Typst's own Python package, warm, in process.

    pip install ./crates/presskit-py typst==0.15.2
    python3 benches/python.py [PRESSKIT_BIN]

Times, on the example release (three languages, two pages):

- presskit: `presskit.render_pdf(path)` (load the release and its brand,
  render, export, with the module's warm renderer): the same work as
  `end_to_end_example` in benches/render.rs (`cargo bench --bench render --
  end_to_end_example`), to compare with the Rust figure; and
  `Renderer.render(release).pdf()` with the release loaded once;
- typst-py: `typst.Compiler(...).compile()` of the release's Typst export
  (`presskit typst`), the compiler kept warm the same way.

Prints the medians and their ratio as JSON. Standard library and the two
packages only.
"""

import json
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

import presskit
import typst

ROOT = Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ecpat-belgium" / "release.md"
ROUNDS = 200


def median_ms(work, rounds=ROUNDS):
    for _ in range(10):
        work()
    times = []
    for _ in range(rounds):
        start = time.perf_counter()
        work()
        times.append((time.perf_counter() - start) * 1000)
    return statistics.median(times), min(times)


def main():
    binary = sys.argv[1] if len(sys.argv) > 1 else "presskit"
    renderer = presskit.Renderer()
    release = presskit.Release.from_path(EXAMPLE)
    ours, ours_min = median_ms(lambda: renderer.render(release).pdf())
    whole, whole_min = median_ms(lambda: presskit.render_pdf(EXAMPLE))

    with tempfile.TemporaryDirectory() as project:
        subprocess.run([binary, "typst", str(EXAMPLE), "-o", project, "-q"], check=True)
        compiler = typst.Compiler(
            os.path.join(project, "release.typ"),
            font_paths=[os.path.join(project, "fonts")],
            ignore_system_fonts=True,
        )
        theirs, theirs_min = median_ms(lambda: compiler.compile())

    print(json.dumps({
        "presskit_py_render_pdf_path_ms": round(whole, 2),
        "presskit_py_render_pdf_path_fastest_ms": round(whole_min, 2),
        "presskit_py_render_ms": round(ours, 2),
        "presskit_py_fastest_ms": round(ours_min, 2),
        "typst_py_compile_ms": round(theirs, 2),
        "typst_py_fastest_ms": round(theirs_min, 2),
        "ratio_presskit_to_typst_py": round(ours / theirs, 2),
        "rounds": ROUNDS,
    }, indent=2))


if __name__ == "__main__":
    main()
