#!/usr/bin/env bash
# Puts Node.js >= 24 and pnpm on PATH, installing them from the npm registry into
# .toolchain/ when the machine lacks them (bare machines ship Node 20 and no pnpm).
# Source it: `. scripts/toolchain.sh`. Idempotent and quiet when nothing is missing.
set -euo pipefail
TRUONGSO_ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
TOOLCHAIN_DIR="$TRUONGSO_ROOT/.toolchain"
NODE_MAJOR=24
PNPM_VERSION="${PNPM_VERSION:-10}"

# Registries may sit behind a TLS proxy whose CA is only in the system store: let Node trust it.
if [ -z "${NODE_EXTRA_CA_CERTS:-}" ] && [ -f /etc/ssl/certs/ca-certificates.crt ]; then
  export NODE_EXTRA_CA_CERTS=/etc/ssl/certs/ca-certificates.crt
fi

node_major() { command -v node >/dev/null 2>&1 && node -p 'process.versions.node.split(".")[0]' 2>/dev/null || echo 0; }

if [ -x "$TOOLCHAIN_DIR/bin/node" ]; then export PATH="$TOOLCHAIN_DIR/bin:$PATH"; fi

if [ "$(node_major)" -lt "$NODE_MAJOR" ]; then
  echo "[toolchain] Node $(node --version 2>/dev/null || echo none) found; installing Node $NODE_MAJOR into .toolchain/ from the npm registry"
  command -v npm >/dev/null || { echo "[toolchain] npm is required to bootstrap Node $NODE_MAJOR" >&2; exit 1; }
  mkdir -p "$TOOLCHAIN_DIR/bin"
  npm install --prefix "$TOOLCHAIN_DIR" --no-save --no-audit --no-fund --loglevel=error "node@$NODE_MAJOR" >/dev/null
  ln -sf "$TOOLCHAIN_DIR/node_modules/node/bin/node" "$TOOLCHAIN_DIR/bin/node"
  export PATH="$TOOLCHAIN_DIR/bin:$PATH"
  hash -r
fi

if ! command -v pnpm >/dev/null 2>&1; then
  echo "[toolchain] pnpm not found; installing pnpm@$PNPM_VERSION into .toolchain/"
  mkdir -p "$TOOLCHAIN_DIR/bin"
  npm install --prefix "$TOOLCHAIN_DIR/pnpm" --no-save --no-audit --no-fund --loglevel=error "pnpm@$PNPM_VERSION" >/dev/null
  ln -sf "$TOOLCHAIN_DIR/pnpm/node_modules/pnpm/bin/pnpm.cjs" "$TOOLCHAIN_DIR/bin/pnpm"
  export PATH="$TOOLCHAIN_DIR/bin:$PATH"
  hash -r
fi
