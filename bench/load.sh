#!/usr/bin/env bash
# Load on the host's POST /api/check with the fixture's snapshot: concurrency 64 for 30 s with wrk, on the
# loopback only. Starts the host in Release in local mode on 127.0.0.1, measures, stops it, and writes
# bench/results/load.txt. Needs wrk (Debian: apt-get install -y wrk).
#   bench/load.sh [DURATION_S] [CONNECTIONS]      (default 30 64)
set -euo pipefail
cd "$(dirname "$0")/.."

duration=${1:-30}
connections=${2:-64}
port=5199
url="http://127.0.0.1:$port"
command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }

dotnet build src/Cchc.Host -c Release --nologo -v quiet
dotnet build bench/Cchc.Benchmarks -c Release --nologo -v quiet
body=$(mktemp --suffix=.json)
archive=$(mktemp -d)
dotnet bench/Cchc.Benchmarks/bin/Release/net10.0/Cchc.Benchmarks.dll --check-request ngan-nam-2022-q3.docx > "$body"

# Local mode is a Development-only switch, asked for explicitly; the build is Release. Logging is turned down so the console does
# not become the bottleneck, and the per-caller rate limit is lifted to its maximum: every wrk connection comes
# from one address, and the limit is a product rule, not what this measures (100,000 a minute still caps a
# run at about 1,667 checks/s averaged over a minute).
ASPNETCORE_ENVIRONMENT=Development Host__LocalMode=true \
Logging__LogLevel__Default=Warning \
Limits__RequestsPerMinute=100000 \
Archive__Kind=Folder Archive__Folder__Root="$archive" \
  dotnet src/Cchc.Host/bin/Release/net10.0/Cchc.Host.dll --urls "$url" > "$archive/host.log" 2>&1 &
host=$!
trap 'kill "$host" 2>/dev/null || true; wait "$host" 2>/dev/null || true; rm -rf "$body" "$archive"' EXIT

for _ in $(seq 1 60); do
  curl -fsS -o /dev/null "$url/health/live" 2>/dev/null && break
  sleep 1
done
status=$(curl -sS -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' --data-binary "@$body" "$url/api/check" || true)
[ "$status" = 200 ] || { echo "the host answered $status to one check; see the log:" >&2; cat "$archive/host.log" >&2; exit 1; }

rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$host/status"; }
# A short warm-up so that the JIT's tiers and the thread pool's growth are not part of the measurement.
CCHC_BODY="$body" wrk -t2 -c"$connections" -d5s -s bench/load/post.lua "$url/api/check" > /dev/null
before=$(rss)
result=$(CCHC_BODY="$body" wrk -t2 -c"$connections" -d"${duration}s" --timeout 10s --latency -s bench/load/post.lua "$url/api/check")
after=$(rss)

mkdir -p bench/results
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "command: bench/load.sh $duration $connections"
  echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "body: $(wc -c < "$body") bytes (fixture Q3 snapshot)"
  echo "host RSS after warm-up: $before; after the run: $after"
  echo "$result"
} | tee bench/results/load.txt
