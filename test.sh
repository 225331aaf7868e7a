#!/usr/bin/env bash
# Runs every test of Clause on a fresh machine, exactly as CI does:
#   installs Chromium if missing (browser journeys), restores the .NET tools and packages,
#   builds in Release (warnings are errors), checks the code format and that both migration sets match the model,
#   runs all tests (domain, persistence, pages, browser), and ends with "N passed, N failed".
set -uo pipefail
cd "$(dirname "$0")"
racine=$(pwd)

etape() { printf '\n==> %s\n' "$*"; }
echec() { printf '%s\n' "$*" >&2; echo "0 passed, 1 failed"; exit 1; }

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 DOTNET_SKIP_FIRST_TIME_EXPERIENCE=1
export CHROMIUM_PATH=${CHROMIUM_PATH:-/usr/bin/chromium}

if [ ! -x "$CHROMIUM_PATH" ]; then
  etape "Installation de Chromium (tests dans le navigateur)"
  if [ "$(id -u)" -eq 0 ]; then apt_get="apt-get"; else apt_get="sudo apt-get"; fi
  $apt_get update -qq || echec "apt-get update a échoué"
  DEBIAN_FRONTEND=noninteractive $apt_get install -y -qq chromium chromium-driver >/dev/null || echec "Installation de Chromium impossible"
fi

etape "Outils et paquets"
dotnet tool restore || echec "dotnet tool restore a échoué"
dotnet restore Clause.sln || echec "dotnet restore a échoué"

etape "Compilation (Release, avertissements = erreurs)"
dotnet build Clause.sln -c Release --no-restore || echec "La compilation a échoué"

etape "Mise en forme du code (dotnet format)"
dotnet format Clause.sln --verify-no-changes --no-restore -v q || echec "Code mal formé : lancez « dotnet format Clause.sln »"

etape "Migrations à jour pour SQLite et SQL Server"
for contexte in SqliteClauseDbContext SqlServerClauseDbContext; do
  dotnet ef migrations has-pending-model-changes --context "$contexte" \
    --project Clause.Infrastructure --startup-project Clause.Infrastructure --configuration Release --no-build \
    || echec "$contexte : modèle modifié sans migration (outils/migration.sh <Nom>)"
done

etape "Tests"
resultats="$racine/artifacts/resultats"
rm -rf "$resultats"
# The SQL Server category (two clustered schedulers) runs only when a server is given (docs/operations.md).
if [ -n "${CLAUSE_SQLSERVER:-}" ]; then filtre=(); else filtre=(--filter "Categorie!=SqlServer"); fi
dotnet test Clause.Tests/Clause.Tests.csproj -c Release --no-build "${filtre[@]}" \
  --logger "trx;LogFileName=clause.trx" --logger "console;verbosity=normal" --results-directory "$resultats"
code=$?

trx="$resultats/clause.trx"
if [ -f "$trx" ]; then
  compteurs=$(grep -o '<Counters [^>]*>' "$trx" | head -n 1)
  lire() { printf '%s' "$compteurs" | sed -n "s/.* $1=\"\([0-9]*\)\".*/\1/p"; }
  reussis=$(lire passed); echoues=$(lire failed); total=$(lire total); executes=$(lire executed)
  ignores=$(( ${total:-0} - ${executes:-0} ))
else
  reussis=0; echoues=1; ignores=0
fi
[ "$code" -ne 0 ] && [ "${echoues:-0}" -eq 0 ] && echoues=1
echo "${reussis:-0} passed, ${echoues:-0} failed, ${ignores} skipped"
exit "$code"
