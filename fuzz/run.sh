#!/usr/bin/env bash
# Run one fuzz target for a while: fuzz/run.sh TARGET SECONDS [extra libFuzzer flags]
#   TARGET: template_parse | template_exec | yaml_roundtrip | yaml_skeleton | yaml_fast | chart_load
# Seeds come from the shared corpus (../shared/corpus beside the repository, or
# $KILN_CORPUS) and are copied into fuzz/corpus/TARGET at run time (not committed).
# Needs cargo-fuzz (`cargo install cargo-fuzz`); on a stable toolchain the nightly flags
# cargo-fuzz passes are allowed with RUSTC_BOOTSTRAP=1, set here.
# Crashes land in fuzz/artifacts/TARGET/; keep reproducers in fuzz/regressions/TARGET/
# and replay them with: fuzz/run.sh TARGET replay
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
target="${1:?usage: fuzz/run.sh TARGET SECONDS|replay}"
secs="${2:-600}"
shift 2 || true
corpus_src="${KILN_CORPUS:-$here/../../shared/corpus}"
export RUSTC_BOOTSTRAP=1
cd "$here"

seeds="$here/corpus/$target"
mkdir -p "$seeds"
seed() { # copy a file into the seed folder under a name derived from its path
  local f="$1" max="$2"
  [ -f "$f" ] || return 0
  [ "$(stat -c %s "$f")" -le "$max" ] || return 0
  cp "$f" "$seeds/$(echo "$f" | sed 's#.*/corpus/##; s#/#_#g')"
}
if [ -d "$corpus_src/charts" ] && [ -z "$(ls -A "$seeds")" ]; then
  tmp="$(mktemp -d)"
  trap 'rm -rf "$tmp"' EXIT
  for c in "$corpus_src"/charts/*.tgz; do
    mkdir -p "$tmp/corpus/$(basename "$c" .tgz)"
    tar -xzf "$c" -C "$tmp/corpus/$(basename "$c" .tgz)" 2>/dev/null || true
  done
  case "$target" in
    template_parse|template_exec)
      find "$tmp/corpus" -path '*/templates/*' \( -name '*.yaml' -o -name '*.tpl' -o -name '*.txt' \) |
        while read -r f; do seed "$f" 8192; done ;;
    yaml_skeleton|yaml_fast)
      # Rendered documents (goldens, split) and values files: block scalars, quoted strings.
      find "$corpus_src/golden" -name '*.yaml' | while read -r f; do
        awk -v d="$seeds" -v b="$(echo "$f" | sed 's#.*/corpus/##; s#/#_#g')" \
          '/^---$/ {n++; next} {print > (d "/" b "." n)}' "$f"
      done
      find "$seeds" -type f -size +16k -delete
      find "$corpus_src/values" -type f | while read -r f; do seed "$f" 16384; done ;;
    yaml_roundtrip)
      find "$corpus_src/values" -type f | while read -r f; do seed "$f" 16384; done
      find "$tmp/corpus" \( -name 'values.yaml' -o -name 'Chart.yaml' \) | while read -r f; do seed "$f" 16384; done ;;
    chart_load)
      # Uncompressed tar streams of the smaller charts: the target gzips its input.
      for c in "$corpus_src"/charts/*.tgz; do
        if [ "$(gzip -dc "$c" | wc -c)" -le 262144 ]; then
          gzip -dc "$c" > "$seeds/$(basename "$c" .tgz).tar"
        fi
      done ;;
    *) echo "unknown target $target" >&2; exit 2 ;;
  esac
  echo "seeded $(ls "$seeds" | wc -l) files into corpus/$target"
fi

if [ "$secs" = replay ]; then
  files=("$here/regressions/$target"/*)
  [ -e "${files[0]}" ] || { echo "no regressions for $target"; exit 0; }
  exec cargo fuzz run --sanitizer none "$target" "${files[@]}" -- -runs=1 "$@"
fi
max_len=8192
[ "$target" = chart_load ] && max_len=262144
mkdir -p "$here/artifacts/$target"
exec cargo fuzz run --sanitizer none "$target" "$seeds" -- \
  -max_total_time="$secs" -max_len="$max_len" -rss_limit_mb=2048 -timeout=10 \
  -artifact_prefix="$here/artifacts/$target/" -print_final_stats=1 "$@"
