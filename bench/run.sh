#!/usr/bin/env bash
# Runs the BenchmarkDotNet suite with a short job (3 warm-ups, 3 iterations, one launch) and copies the
# reports to bench/results/. On a 2-core machine the whole suite takes about 5–8 minutes.
#   bench/run.sh                 every benchmark
#   bench/run.sh '*Read*'        only the classes matching the filter
set -euo pipefail
cd "$(dirname "$0")/.."

filter=("${@:-*}")
project=bench/Cchc.Benchmarks
artifacts=$(mktemp -d)
trap 'rm -rf "$artifacts"' EXIT

dotnet build "$project" -c Release --nologo -v quiet -p:SkipPaneBuild=true
echo "load before: $(cut -d' ' -f1-3 /proc/loadavg)" >&2
dotnet "$project/bin/Release/net10.0/Cchc.Benchmarks.dll" \
  --filter "${filter[@]}" --job short --artifacts "$artifacts" --exporters github csv
echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)" >&2

mkdir -p bench/results
cp "$artifacts"/results/*-report-github.md "$artifacts"/results/*-report.csv bench/results/
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "machine: $(nproc) cores, $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
  echo "load at end: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "dotnet: $(dotnet --version)"
} > bench/results/environment.txt
ls bench/results
