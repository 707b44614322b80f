#!/usr/bin/env bash
# One instance and two behind a reverse proxy, side by side on this machine: Debian's nginx on 127.0.0.1:5199 balancing
# round-robin over hosts on 5201 (and 5202), every host sharing one redis-server (Redis:ConnectionString), wrk posting
# the pane's check. Writes bench/results/scale.txt. Needs wrk, nginx and redis-server (Debian: apt-get install -y wrk
# nginx-light redis-server); starts and stops all of them itself, on loopback ports only.
#   bench/scale.sh [DURATION_S] [CONNECTIONS]      (default 30 64)
cd "$(dirname "$0")/.."
source bench/hosts.sh

duration=${1:-30}
connections=${2:-64}
for tool in nginx redis-server; do
  command -v "$tool" >/dev/null || [ -x "/usr/sbin/$tool" ] || { echo "$tool is not installed (apt-get install -y nginx-light redis-server)" >&2; exit 2; }
done
nginx_bin=$(command -v nginx || echo /usr/sbin/nginx)

redis_port=6399
redis-server --port "$redis_port" --bind 127.0.0.1 --save '' --appendonly no > "$scratch/redis.log" 2>&1 &
started+=("$!")
for _ in $(seq 1 50); do redis-cli -p "$redis_port" ping >/dev/null 2>&1 && break; sleep 0.1; done

# nginx in the foreground with its own prefix and configuration: nothing of the machine's own nginx is touched.
proxy() {
  mkdir -p "$scratch/nginx/logs"
  local upstreams=""
  for port in "$@"; do upstreams+="server 127.0.0.1:$port; "; done
  cat > "$scratch/nginx/nginx.conf" <<CONF
worker_processes 1;
pid $scratch/nginx/nginx.pid;
error_log $scratch/nginx/logs/error.log warn;
events { worker_connections 1024; }
http {
  access_log off;
  client_body_temp_path $scratch/nginx/body;
  proxy_temp_path $scratch/nginx/proxy;
  upstream cchc { $upstreams keepalive 64; }
  server {
    listen 127.0.0.1:5199;
    client_max_body_size 4m;
    client_body_buffer_size 64k;
    location / {
      proxy_pass http://cchc;
      proxy_http_version 1.1;
      proxy_set_header Connection "";
      proxy_set_header Host \$host;
    }
  }
}
CONF
  "$nginx_bin" -p "$scratch/nginx" -c "$scratch/nginx/nginx.conf" -g 'daemon off;' &
  started+=("$!")
  wait_for "http://127.0.0.1:5199/health/live" "$scratch/nginx/logs/error.log"
}

shared=(Redis__ConnectionString="127.0.0.1:$redis_port" Redis__KeyPrefix="bench-$$:")
# Processes are started in this shell (never inside a pipeline's subshell), so the exit trap stops every one of them.
mkdir -p bench/results
out=bench/results/scale.txt
: > "$out"
note() { echo "$*" | tee -a "$out"; }
run() {
  read -r status bytes < <(probe "http://127.0.0.1:5199")
  [ "$status" = 200 ] || { echo "the proxy answered $status to one check; the hosts' logs:" >&2; tail -n 20 "$scratch"/host-*.log >&2; exit 1; }
  warm "http://127.0.0.1:5199" "$connections"
  note "== $1 (load before: $(cut -d' ' -f1-3 /proc/loadavg))"
  measure "http://127.0.0.1:5199" "$duration" "$connections" | grep -E '^(p50_ms|p90_ms|p99_ms|requests|requests_per_s|socket_errors|non_2xx)' | tee -a "$out"
}

note "date: $(date -u +%Y-%m-%dT%H:%MZ)"
note "command: bench/scale.sh $duration $connections; machine: $(nproc) cores; generation-0 budget: ${gen0:-the runtime default}; request: POST /api/check?$query, Accept-Encoding: ${CCHC_ENCODING:-none}"
start_host 5201 "${shared[@]}"
proxy 5201
run "one instance behind nginx, Redis"
start_host 5202 "${shared[@]}"
kill -QUIT "$(cat "$scratch/nginx/nginx.pid")"
sleep 1
proxy 5201 5202
run "two instances behind nginx, Redis"
