#!/usr/bin/env python3
"""Writes N distinct, full two-page releases for measuring batch speed.

    python3 benches/batch-releases.py 100 /tmp/batch
    presskit render /tmp/batch -o /tmp/batch-out -q

Each release is the kind a newsroom sends in a season: its own headline,
date, dateline, subheadline, quote and a body of seven paragraphs drawn
from the example's sentences in an order and with figures of its own, so
that no two releases share a paragraph. They share what releases of one
organisation share: the brand (the example's), its boilerplate and
contacts. Standard library only; the same N gives the same files.
"""

import pathlib
import random
import re
import shutil
import sys

ROOT = pathlib.Path(__file__).resolve().parent.parent
EXAMPLE = ROOT / "examples" / "ecpat-belgium"
PLACES = ["Brussels", "Antwerp", "Ghent", "Liège", "Namur", "Leuven", "Bruges", "Mons"]


def sentences():
    text = (EXAMPLE / "release.md").read_text(encoding="utf-8")
    body = text.split("\n---\n", 1)[1]
    body = re.sub(r"\[\^\d+\](:.*)?", "", body)
    body = re.sub(r"[#>*_\[\]]|\(http[^)]*\)", "", body)
    body = body.replace('"', "")
    found = re.split(r"(?<=[.!?])\s+", " ".join(body.split()))
    # English sentences of the body only: no links, no French note.
    return [s for s in found if len(s.split()) >= 6 and not re.search(r"<|http| est ", s)]


def release(i, pool):
    rng = random.Random(i)
    paragraphs = []
    for p in range(7):
        picked = rng.sample(pool, 2)
        figure = f"In {2000 + (i + p) % 25}, {rng.randint(12, 980)} cases were reported in region {i}-{p}."
        paragraphs.append(" ".join(picked[:2] + [figure] + picked[2:]))
    quote = rng.choice(pool)
    paragraphs.insert(3, f'> "{quote}"\n>\n> — Spokesperson {i}, ECPAT Belgium')
    month, day = 1 + i % 12, 1 + i % 28
    return (
        "---\n"
        f"headline: Report {i} finds exploitation of children persists in {rng.choice(PLACES)}\n"
        f"subheadline: Figures for region {i} show where national effort falls short\n"
        f"date: 2026-{month:02}-{day:02}\n"
        f"dateline: {rng.choice(PLACES)}, Belgium\n"
        "---\n" + "\n\n".join(paragraphs) + "\n"
    )


def main():
    if len(sys.argv) != 3:
        sys.exit("usage: batch-releases.py COUNT FOLDER")
    count, out = int(sys.argv[1]), pathlib.Path(sys.argv[2])
    out.mkdir(parents=True, exist_ok=True)
    for name in ("_brand.yml", "logo.svg"):
        shutil.copy(EXAMPLE / name, out / name)
    pool = sentences()
    for i in range(1, count + 1):
        (out / f"r{i:03}.md").write_text(release(i, pool), encoding="utf-8")


if __name__ == "__main__":
    main()
