#!/usr/bin/env bash
# Runs one fuzz target for SECONDS (default 600) on the seeded corpus, at
# low priority, with the TOML dictionary. Usage: fuzz/run.sh TARGET [SECONDS]
# The toolchain is stable, so cargo-fuzz's nightly flags need RUSTC_BOOTSTRAP.
set -euo pipefail
cd "$(dirname "$0")"
target=$1
seconds=${2:-600}
# Layout work grows with the input: keep markup inputs shorter.
max_len=16384
[ "$target" = markup_layout ] && max_len=4096
./seed.sh >/dev/null
mkdir -p "artifacts/$target"
RUSTC_BOOTSTRAP=1 exec nice -n 10 cargo fuzz run "$target" "corpus/$target" -- \
    -max_total_time="$seconds" -timeout=10 -max_len="$max_len" \
    -dict=toml.dict -print_final_stats=1
