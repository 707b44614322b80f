# Sourced by bench/load.sh and bench/scale.sh: build the host, write the pane's request for the fixture, start hosts on
# loopback ports and wait until they answer, and stop everything started here on exit.
#   start_host PORT [VAR=value …]   starts a Release host in local mode on 127.0.0.1:PORT with extra settings
#   warm URL CONNECTIONS             the same load in 5 s slices until the host is warm (two slices within 10 % of each
#                                    other, at most 90 s): under full load the JIT's tiers take 20–40 s to settle, and
#                                    they, not the host, would be measured; the curve goes to $scratch/warm.txt
#   measure URL SECONDS CONNECTIONS  wrk; prints its figures
set -euo pipefail

command -v wrk >/dev/null || { echo "wrk is not installed (apt-get install -y wrk)" >&2; exit 2; }
scratch=$(mktemp -d)
started=()
cleanup() {
  for pid in "${started[@]}"; do kill "$pid" 2>/dev/null || true; done
  for pid in "${started[@]}"; do wait "$pid" 2>/dev/null || true; done
  rm -rf "$scratch"
}
trap cleanup EXIT

dotnet build src/Cchc.Host -c Release --nologo -v quiet -p:SkipPaneBuild=true
dotnet build bench/Cchc.Benchmarks -c Release --nologo -v quiet -p:SkipPaneBuild=true
body="$scratch/body.json"
dotnet bench/Cchc.Benchmarks/bin/Release/net10.0/Cchc.Benchmarks.dll --check-request ngan-nam-2022-q3.docx > "$body"

# The pane's request (docs/api.md): only the rows its findings point at, compressed as its browser asks.
query=${CCHC_QUERY-rows=findings}
export CCHC_BODY="$body" CCHC_ENCODING="${CCHC_ENCODING-gzip, deflate, br}"

# Local mode is a Development-only switch, asked for explicitly; the build is Release. Logging is turned down so the
# console does not become the bottleneck, and the per-caller rate limit is lifted to its maximum: every wrk connection
# comes from one address, and the limit is a product rule, not what this measures (1,000,000 a minute caps a minute's
# average at 16,667 checks/s; a host faster than that over warm-up and run would show 429 answers as non_2xx).
# The garbage collector's generation-0 budget is the one docs/hosting.md ("Capacity") sets for production:
# CCHC_GEN0SIZE= (empty) measures the runtime's own default instead.
gen0=${CCHC_GEN0SIZE-0x2000000}
start_host() {
  local port=$1; shift
  mkdir -p "$scratch/archive-$port"
  env ASPNETCORE_ENVIRONMENT=Development Host__LocalMode=true Logging__LogLevel__Default=Warning \
    Limits__RequestsPerMinute=1000000 Archive__Kind=Folder Archive__Folder__Root="$scratch/archive-$port" \
    ${gen0:+DOTNET_GCgen0size=$gen0} "$@" \
    dotnet src/Cchc.Host/bin/Release/net10.0/Cchc.Host.dll --urls "http://127.0.0.1:$port" > "$scratch/host-$port.log" 2>&1 &
  started+=("$!")
  wait_for "http://127.0.0.1:$port/health/live" "$scratch/host-$port.log"
}

wait_for() {
  for _ in $(seq 1 60); do
    curl -fsS -o /dev/null "$1" 2>/dev/null && return 0
    sleep 1
  done
  echo "$1 did not answer within 60 s; the log:" >&2; cat "$2" >&2; exit 1
}

# One check as the pane sends it: its status and how many bytes its answer took on the wire.
probe() {
  curl -sS -o /dev/null -w '%{http_code} %{size_download}\n' -H 'Content-Type: application/json' \
    ${CCHC_ENCODING:+-H "Accept-Encoding: $CCHC_ENCODING"} --data-binary "@$body" "$1/api/check?$query"
}

warm() {
  local previous=0 rate
  : > "$scratch/warm.txt"
  for slice in $(seq 1 18); do
    rate=$(wrk -t2 -c"$2" -d5s -s bench/load/post.lua "$1/api/check?$query" | awk '/^requests_per_s/ {print int($2)}')
    rate=${rate:-0}   # a slice wrk could not report is never "warm"
    echo "warm-up slice $slice: $rate checks/s" >> "$scratch/warm.txt"
    if [ "$slice" -ge 3 ] && [ "$rate" -gt 0 ] && [ $((rate * 10)) -ge $((previous * 9)) ] && [ $((rate * 9)) -le $((previous * 10)) ]; then
      return 0
    fi
    previous=$rate
  done
}

measure() {
  local url=$1 seconds=$2 connections=$3
  wrk -t2 -c"$connections" -d"${seconds}s" --timeout 10s --latency -s bench/load/post.lua "$url/api/check?$query"
}
