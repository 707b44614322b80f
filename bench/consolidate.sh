#!/usr/bin/env bash
# Consolidation at the country's scale: N units (default 3,321, every commune-level unit) of the real quarter III
# appendix, Word and Excel in turn, consolidated by the command line into the workbook, twice: from a folder and from
# the folder archive. Wall time and peak memory (maximum resident set size) come from GNU time; the machine's load is
# printed before and after, as the other scripts do. Writes bench/results/consolidate.txt.
#   bench/consolidate.sh [UNITS] [WORKERS]
set -euo pipefail
cd "$(dirname "$0")/.."

units=${1:-3321}
workers=${2:-$(nproc)}
[ -x /usr/bin/time ] || { echo "GNU time is missing (apt-get install -y time)" >&2; exit 2; }

dotnet build bench/Cchc.Benchmarks -c Release --nologo -v quiet -p:SkipPaneBuild=true
dotnet build src/Cchc.Cli -c Release --nologo -v quiet
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
dotnet bench/Cchc.Benchmarks/bin/Release/net10.0/Cchc.Benchmarks.dll --write-units "$units" "$work/units"
# The archive lays the same files out as {unit}/{year}/{period}/{file}.
for file in "$work"/units/*; do
  name=$(basename "$file"); slug="ubnd-${name%.*}"
  mkdir -p "$work/archive/$slug/2022/q3" && cp "$file" "$work/archive/$slug/2022/q3/"
done
du -sh "$work/units" | sed 's/^/input: /'

run() {
  local label=$1; shift
  echo "== $label (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
  /usr/bin/time -v dotnet src/Cchc.Cli/bin/Release/net10.0/cchc.dll consolidate "$@" --workers "$workers" --out "$work/tong-hop.xlsx" \
    > "$work/out.txt" 2> "$work/time.txt" || true
  grep -E '^Đã đọc|^Read ' "$work/time.txt" || true
  head -1 "$work/out.txt"
  grep -E 'Elapsed \(wall clock\)|Maximum resident set size|Percent of CPU' "$work/time.txt" | sed 's/^\s*//'
  ls -l "$work/tong-hop.xlsx" | awk '{print "workbook: " $5 " bytes"}'
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
}

{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//'), $(free -g | awk '/Mem:/ {print $2}') GB"
  echo "dotnet: $(dotnet --version); units: $units; workers: $workers"
  run "folder" "$work/units"
  run "archive" --archive "$work/archive" --period "quý III 2022"
} | tee bench/results/consolidate.txt
