#!/usr/bin/env bash
# Adds a migration NAME to both providers and regenerates db/clause-sqlserver.sql.
# Usage: outils/migration.sh NomDeLaMigration      (or: outils/migration.sh --script-seulement)
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet tool restore >/dev/null
ef() { dotnet ef "$@" --project Clause.Infrastructure --startup-project Clause.Infrastructure; }
if [ "${1:-}" != "--script-seulement" ]; then
  nom=${1:?nom de migration attendu}
  ef migrations add "$nom" --context SqliteClauseDbContext --output-dir Persistence/Migrations/Sqlite
  ef migrations add "$nom" --context SqlServerClauseDbContext --output-dir Persistence/Migrations/SqlServer --no-build
fi
# Builds again: the migrations just added must be compiled before the script is generated.
ef migrations script --idempotent --context SqlServerClauseDbContext --output db/clause-sqlserver.sql
echo "db/clause-sqlserver.sql régénéré."
