#!/usr/bin/env bash
# Peers side by side on the same fixture files, in one script: cchc's read + check (.NET, --iterations
# mode of the benchmark project) and mammoth, ExcelJS and SheetJS (node). Writes bench/results/peers.tsv.
#   bench/peers/run.sh [ITERATIONS]     (default 200)
set -euo pipefail
cd "$(dirname "$0")/../.."

iterations=${1:-200}
(cd bench/peers && npm ci --no-audit --no-fund --silent)
dotnet build bench/Cchc.Benchmarks -c Release --nologo -v quiet

out=bench/results/peers.tsv
mkdir -p bench/results
{
  printf 'tool\tfile\titerations\tseconds\tdocs_per_s\toutput\n'
  echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
  dotnet bench/Cchc.Benchmarks/bin/Release/net10.0/Cchc.Benchmarks.dll --iterations "$iterations" \
    ngan-nam-2022-q3.docx ngan-nam-2022-q3.xlsx
  node bench/peers/peers.mjs "$iterations"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
} > "$out.tmp"
mv "$out.tmp" "$out"
column -t -s $'\t' "$out"
