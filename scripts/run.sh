#!/usr/bin/env bash
# Runs the add-in host for one person on this machine: local mode (no sign-in, Host:LocalMode=true in Development),
# the report archive in a local folder, the task pane and API at https://localhost:PORT (7190 unless told otherwise).
#   bash scripts/run.sh [--port N]        or        PORT=N bash scripts/run.sh
set -euo pipefail
cd "$(dirname "$0")/.."

port="${PORT:-7190}"
while [ $# -gt 0 ]; do
  case "$1" in
    --port) port="${2:-}"; shift $(( $# > 1 ? 2 : 1 )) ;;
    --port=*) port="${1#--port=}"; shift ;;
    -h|--help) echo "Dùng: bash scripts/run.sh [--port SỐ] (mặc định 7190) / Usage: bash scripts/run.sh [--port N] (default 7190)"; exit 0 ;;
    *) echo "run.sh: không hiểu \"$1\"; chỉ nhận --port SỐ / unknown option \"$1\"; only --port N is accepted" >&2; exit 2 ;;
  esac
done

if ! [[ "$port" =~ ^[0-9]+$ ]] || [ "$port" -lt 1 ] || [ "$port" -gt 65535 ]; then
  echo "run.sh: cổng phải là số từ 1 đến 65535, không phải \"$port\" / the port must be a number from 1 to 65535, not \"$port\"" >&2
  exit 2
fi

# A port another program holds would end the host with a long stack trace; say so in one line instead.
if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then
  echo "run.sh: cổng $port đang được chương trình khác dùng; chạy lại với --port SỐ_KHÁC, ví dụ: bash scripts/run.sh --port $(( port == 65535 ? 7191 : port + 1 )) / port $port is taken; run again with --port N" >&2
  exit 1
fi

# Office loads add-ins over HTTPS only; the development certificate is created once per machine.
# Trusting it is a separate, per-OS step described in docs/hosting.md.
if ! dotnet dev-certs https --check >/dev/null 2>&1; then
  dotnet dev-certs https >/dev/null
fi

# No launch profile: the environment, the switch and the address are all said here, so nothing else can change them.
export ASPNETCORE_ENVIRONMENT=Development Host__LocalMode=true
exec dotnet run --project src/Cchc.Host --no-launch-profile -- --urls "https://localhost:$port"
