#!/usr/bin/env bash
# Load on the host's POST /api/check as the pane sends it (the fixture's snapshot, ?rows=findings, compressed):
# concurrency 64 for 30 s with wrk on the loopback. Starts one Release host in local mode on 127.0.0.1, measures,
# stops it, and writes bench/results/load.txt. Needs wrk (Debian: apt-get install -y wrk).
#   bench/load.sh [DURATION_S] [CONNECTIONS]      (default 30 64)
#   CCHC_QUERY=rows=true CCHC_ENCODING= bench/load.sh   every row echoed, nothing compressed (the answer before the pane asked)
cd "$(dirname "$0")/.."
source bench/hosts.sh

duration=${1:-30}
connections=${2:-64}
port=5199
url="http://127.0.0.1:$port"
start_host "$port"
read -r status bytes < <(probe "$url")
[ "$status" = 200 ] || { echo "the host answered $status to one check; see $scratch/host-$port.log" >&2; cat "$scratch/host-$port.log" >&2; exit 1; }

host=${started[0]}
rss() { awk '/VmRSS/ {print $2 " kB"}' "/proc/$host/status"; }
warm "$url" "$connections"
before=$(rss)
result=$(measure "$url" "$duration" "$connections")
after=$(rss)

mkdir -p bench/results
{
  echo "date: $(date -u +%Y-%m-%dT%H:%MZ)"
  echo "command: bench/load.sh $duration $connections"
  echo "machine: $(nproc) cores, load before: $(cut -d' ' -f1-3 /proc/loadavg)"
  echo "host: Release, server GC, generation-0 budget ${gen0:-the runtime default} (DOTNET_GCgen0size)"
  echo "request: POST /api/check?$query, Accept-Encoding: ${CCHC_ENCODING:-none}, body $(wc -c < "$body") bytes (fixture Q3 snapshot)"
  echo "answer on the wire: $bytes bytes"
  echo "warm-up, 5 s slices until two agree within 10 %: $(awk '{print $4}' "$scratch/warm.txt" | paste -sd' ') checks/s"
  echo "host RSS after warm-up: $before; after the run: $after"
  echo "$result"
  echo "load after: $(cut -d' ' -f1-3 /proc/loadavg)"
} | tee bench/results/load.txt
