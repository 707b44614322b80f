#!/usr/bin/env bash
# Runs the add-in host on its embedded defaults: local mode (no sign-in, no tenant), the report archive in a
# local folder, the task pane and API at https://localhost:7190 (and http://localhost:5190).
set -euo pipefail
cd "$(dirname "$0")/.."

# Office loads add-ins over HTTPS only; the development certificate is created once per machine.
# Trusting it is a separate, per-OS step described in docs/hosting.md.
if ! dotnet dev-certs https --check >/dev/null 2>&1; then
  dotnet dev-certs https >/dev/null
fi

exec dotnet run --project src/Cchc.Host --launch-profile https
