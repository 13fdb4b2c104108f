#!/usr/bin/env bash
# Install: Node 24 + pnpm when missing (from the npm registry, into .toolchain/), then the workspace.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
if [ "${CI:-}" = "true" ]; then pnpm install --frozen-lockfile; else pnpm install; fi
echo "[setup] done: Node $(node --version), pnpm $(pnpm --version). Next: ./scripts/start.sh"
