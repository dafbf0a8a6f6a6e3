#!/usr/bin/env bash
# Seeds fuzz/corpus/<target>/ from the sample lessons and the invalid
# bundle fixtures. Run from anywhere; the corpus stays out of git.
set -euo pipefail
cd "$(dirname "$0")"
for target in load_lesson load_course markup_layout; do
    mkdir -p "corpus/$target"
done
find ../lessons ../tests/invalid_bundles ../tests/hostile -name '*.toml' -print0 2>/dev/null |
    while IFS= read -r -d '' file; do
        name=$(echo "$file" | tr '/.' '__')
        case "$file" in
            */course.toml) cp "$file" "corpus/load_course/$name" ;;
            *) cp "$file" "corpus/load_lesson/$name" ;;
        esac
        cp "$file" "corpus/markup_layout/$name"
    done
echo "seeded: $(ls corpus/load_lesson | wc -l) lesson, $(ls corpus/load_course | wc -l) course, $(ls corpus/markup_layout | wc -l) markup"
