/**
 * `node scripts/buildAdmin.ts`: builds the admin (Next.js) unless it was built from the same sources.
 * Run by the install command, so the first `./scripts/start.sh` does not wait for it.
 */
import { ensureAdminBuilt } from './lib/stamps.ts'

ensureAdminBuilt()
