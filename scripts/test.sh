#!/usr/bin/env bash
# The whole test suite: installs the real peers when they are missing, finds a JDK 21+, and runs
# every module's tests (unit, contract tests on SQLite/PostgreSQL/MariaDB, interop with the peers).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/jdk.sh
trustyard_find_jdk
bash scripts/peers.sh
echo "test: JDK at $JAVA_HOME"
exec ./mvnw -B -ntp verify "$@"
