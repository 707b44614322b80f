#!/usr/bin/env bash
# Runs every test of the product: the .NET suites, the task pane's unit tests, and the end-to-end tests of the
# pane against the real host in headless Chromium. Ends with one line "N passed, N failed" over all runners.
set -uo pipefail
cd "$(dirname "$0")/.."
out=test-output
rm -rf "$out" && mkdir -p "$out"
status=0

step() { printf '\n== %s\n' "$*"; }

# Browser tests drive Debian's Chromium (test tools never download a browser of their own); the host's scale-out
# tests start Debian's redis-server themselves, on a free port, and stop it after them.
missing=()
command -v chromium >/dev/null 2>&1 || missing+=(chromium)
command -v redis-server >/dev/null 2>&1 || missing+=(redis-server)
if [ ${#missing[@]} -gt 0 ]; then
  step "installing ${missing[*]}"
  if [ "$(id -u)" = 0 ]; then
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq "${missing[@]}") >"$out/apt.log" 2>&1 || { echo "${missing[*]} could not be installed (see $out/apt.log)"; status=1; }
  else
    echo "missing: install Debian's ${missing[*]} (sudo apt-get install ${missing[*]})"; status=1
  fi
fi

step "task pane: install, build, lint"
if ! (cd web && npm ci --no-audit --no-fund --loglevel=error && npm run build && npm run lint); then
  echo "the task pane did not build"; status=1
fi

step ".NET: build"
# The pane was built above; the host's own pane-building target need not run again.
if ! dotnet build CchcOfficeAddin.sln -c Release -p:SkipPaneBuild=true -nologo -clp:ErrorsOnly; then
  echo "the .NET solution did not build"; status=1
fi

step ".NET: tests"
dotnet test CchcOfficeAddin.sln -c Release --no-build -p:SkipPaneBuild=true -nologo \
  --logger "trx" --results-directory "$out/dotnet" || status=1

step "task pane: unit tests"
(cd web && npm test) || status=1

step "task pane: end to end in headless Chromium"
(cd web && npm run test:e2e) || status=1

node scripts/count-results.mjs "$out/dotnet" web/test-results/unit.json web/test-results/e2e.json || status=1
exit $status
