#!/usr/bin/env bash
# Main job: CMS with demo data for the 34 schools on http://localhost:3000/admin.
set -euo pipefail
cd "$(dirname "$0")/.."
. scripts/toolchain.sh
exec pnpm start "$@"
