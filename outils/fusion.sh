#!/usr/bin/env bash
# Lead's helper while no release exists: merge a branch, then squash every migration into one "Initial"
# (both providers) and regenerate db/. Never use once a database is deployed.
set -euo pipefail
cd "$(dirname "$0")/.."
branche=${1:?branche attendue}
git merge --no-edit "$branche" || true
restants=$(git diff --name-only --diff-filter=U | grep -vE 'Migrations/|db/clause-sqlserver.sql' || true)
if [ -n "$restants" ]; then echo "Conflits à résoudre à la main, puis relancer sans fusion :"; echo "$restants"; exit 1; fi
dotnet restore -v q >/dev/null
rm -rf Clause.Infrastructure/Persistence/Migrations
outils/migration.sh Initial
git add -A
git commit -qm "Fusion de $branche (migrations regroupées en Initial)" || true
