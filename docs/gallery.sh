#!/usr/bin/env bash
# Draws docs/themes/*.png: page 1 of the example in each built-in theme and
# in the house-template example. Run from anywhere: bash docs/gallery.sh
set -euo pipefail
cd "$(dirname "$0")/.."
cargo build -q -p presskit-cli --release
presskit=target/release/presskit
out=docs/themes
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for theme in classic modern compact; do
  "$presskit" render -q examples/ecpat-belgium/release.md --theme "$theme" -o "$tmp/$theme.png" --ppi 50
  # One page is written as NAME.png, several as NAME-1.png, NAME-2.png, …
  if [ -e "$tmp/$theme-1.png" ]; then cp "$tmp/$theme-1.png" "$out/$theme.png"; else cp "$tmp/$theme.png" "$out/"; fi
done
"$presskit" render -q examples/house-template/release.md -o "$out/house-template.png" --ppi 50
ls -l "$out"
