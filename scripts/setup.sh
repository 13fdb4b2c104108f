#!/usr/bin/env bash
# Install: Node 24 + pnpm when missing (from the npm registry, into .toolchain/), the workspace, and
# the admin's production build (about 2–3 minutes on 2 cores, skipped when its sources are unchanged),
# so that ./scripts/start.sh only seeds and serves.
set -euo pipefail
cd "$(dirname "$0")/.."
start=$(date +%s)
. scripts/toolchain.sh
if [ "${CI:-}" = "true" ]; then pnpm install --frozen-lockfile; else pnpm install; fi
node --no-deprecation scripts/buildAdmin.ts
echo "[setup] done in $(( $(date +%s) - start ))s: Node $(node --version), pnpm $(pnpm --version). Next: ./scripts/start.sh"
