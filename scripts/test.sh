#!/usr/bin/env bash
# Tests: every package on the embedded SQLite database; the CMS integration tests again on
# PostgreSQL when a server is reachable (TEST_POSTGRES_URI, or a local one scripts/postgres.sh starts);
# then the end-to-end browser check when Chromium is installed (REQUIRE_E2E=1 makes it mandatory).
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
[ -d node_modules ] || pnpm install --frozen-lockfile

echo "== type-check (strict TypeScript, every package; includes the MongoDB adapter path) =="
pnpm typecheck

echo "== lint (ESLint + typescript-eslint, eslint.config.js) =="
pnpm lint

echo "== tests on SQLite (embedded) =="
pnpm exec vitest run "$@"

if [ -z "${TEST_POSTGRES_URI:-}" ] && [ "${SKIP_POSTGRES:-}" != "1" ]; then
  TEST_POSTGRES_URI="$(bash scripts/postgres.sh)" || TEST_POSTGRES_URI=""
fi
if [ -n "${TEST_POSTGRES_URI:-}" ]; then
  echo "== CMS integration tests on PostgreSQL =="
  TEST_DATABASE=postgres TEST_POSTGRES_URI="$TEST_POSTGRES_URI" pnpm exec vitest run --project cms "$@"
elif [ "${REQUIRE_POSTGRES:-}" = "1" ]; then
  echo "PostgreSQL is required (REQUIRE_POSTGRES=1) but none is reachable" >&2
  exit 1
else
  echo "== PostgreSQL not available: skipped the PostgreSQL run (set TEST_POSTGRES_URI to enable) =="
fi

if [ -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ] && [ "${SKIP_E2E:-}" != "1" ]; then
  echo "== end-to-end in Chromium: admin workflow, site rebuild, search, accessibility =="
  node scripts/e2e/run.ts
elif [ "${REQUIRE_E2E:-}" = "1" ]; then
  echo "Chromium is required (REQUIRE_E2E=1) but ${CHROMIUM_PATH:-/usr/bin/chromium} is missing" >&2
  exit 1
else
  echo "== Chromium not installed: skipped the end-to-end browser check (apt-get install chromium) =="
fi
