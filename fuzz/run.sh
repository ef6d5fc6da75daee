#!/usr/bin/env bash
# Fuzzes each target for SECONDS seconds (default 1200) on stable Rust,
# seeding the corpora from the repository's examples and test cases.
# TARGETS="render" fuzz/run.sh 600 runs only the whole-render target.
set -euo pipefail
cd "$(dirname "$0")"
seconds="${1:-1200}"
mkdir -p corpus/load_release corpus/load_brand corpus/markdown corpus/render
# The release target's first byte picks the format: 0 Markdown, 1 YAML, 2 JSON, 3 TOML.
printf '\0' | cat - ../examples/ecpat-belgium/release.md > corpus/load_release/seed-md
printf '\2' | cat - ../tests/cases/bad/unpaired-surrogate.json > corpus/load_release/seed-json
printf '\1' | cat - ../tests/cases/bad/wrong-types.yaml > corpus/load_release/seed-yaml
cp ../examples/ecpat-belgium/_brand.yml corpus/load_brand/seed-ecpat
cp ../tests/cases/_brand.yml corpus/load_brand/seed-everything
cp ../tests/cases/everything.md corpus/markdown/seed-everything
cp ../examples/ecpat-belgium/release.md corpus/markdown/seed-example
cp ../examples/ecpat-belgium/release.md corpus/render/seed-example
cp ../tests/cases/everything.md corpus/render/seed-everything
cp ../tests/cases/injection/release.md corpus/render/seed-injection
# The import target's first byte picks the format: 0 Word, 1 HTML, 2 text, 3 Markdown.
mkdir -p corpus/import
for case in ../tests/import/cases/*.docx ../tests/import/cases/*.html ../tests/import/cases/*.txt ../tests/import/cases/*.md; do
  case "$case" in
    *.docx) pick='\0' ;; *.html) pick='\1' ;; *.txt) pick='\2' ;; *) pick='\3' ;;
  esac
  printf "$pick" | cat - "$case" > "corpus/import/seed-$(basename "$case")"
done
for target in ${TARGETS:-load_release load_brand markdown render import}; do
  cargo fuzz run --sanitizer none -O "$target" -- \
    -max_total_time="$seconds" -rss_limit_mb=2048 -max_len=65536 -print_final_stats=1
done
