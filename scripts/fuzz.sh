#!/usr/bin/env bash
# Fuzzes the parsers that read outside input, each for a bounded time, and prints executions
# and crashes per target. Not part of `make test`: it needs the nightly toolchain and takes
# minutes. Usage: scripts/fuzz.sh [seconds per target, default 60] [target ...]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$HOME/.cargo/bin:$PATH"
CARGO_FUZZ_VERSION=0.13.2
seconds="${1:-60}"
shift || true
targets=("$@")
[ ${#targets[@]} -gt 0 ] || targets=(dataset query join_answers importer)

rustup toolchain list | grep -q '^nightly' || rustup toolchain install nightly --profile minimal
if [ "$(cargo fuzz --version 2>/dev/null | awk '{print $2}')" != "$CARGO_FUZZ_VERSION" ]; then
  cargo install cargo-fuzz --version "$CARGO_FUZZ_VERSION" --locked --quiet
fi

# Seed each corpus with real inputs so the fuzzer starts from valid shapes.
seed() {
  local dir="fuzz/corpus/$1"
  mkdir -p "$dir"
  shift
  for f in "$@"; do cp -f "$f" "$dir/" 2>/dev/null || true; done
}
seed dataset public/data/directory.json
seed importer data/README.md crates/import/tests/fixtures/*.md
seed join_answers public/data/join.json
mkdir -p fuzz/corpus/query
printf 'q=web&region=europe&country=FR&tag=drupal&tag=web-development&remote=1&sort=region' > fuzz/corpus/query/seed
printf 'coop.worker-owned.no.uk.shares|2' > fuzz/corpus/join_answers/seed

printf '%-14s %12s %8s\n' target executions crashes > fuzz/summary.txt
for target in "${targets[@]}"; do
  log="fuzz/$target.log"
  set +e
  cargo +nightly fuzz run "$target" "fuzz/corpus/$target" -- \
    -max_total_time="$seconds" -max_len=65536 -print_final_stats=1 >"$log" 2>&1
  set -e
  runs=$(grep -oE 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -oE '[0-9]+$' | tail -1)
  crashes=$(find "fuzz/artifacts/$target" -type f 2>/dev/null | wc -l)
  printf '%-14s %12s %8s\n' "$target" "${runs:-?}" "$crashes" >> fuzz/summary.txt
done
cat fuzz/summary.txt
