#!/usr/bin/env bash
# Ensures a local PostgreSQL server for the tests and prints its connection URI on stdout.
# Uses Debian's postgresql package (cluster "main"); installs it when INSTALL_POSTGRES=1.
set -euo pipefail
log() { echo "[postgres] $*" >&2; }
if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
  if [ "${INSTALL_POSTGRES:-}" = "1" ] && command -v apt-get >/dev/null; then
    log "installing Debian package postgresql"
    (apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql) >&2
  else
    log "not installed"; exit 1
  fi
fi
if ! pg_lsclusters -h 2>/dev/null | grep -q online; then
  version="$(ls /usr/lib/postgresql | sort -n | tail -1)"
  pg_lsclusters -h | grep -q "^$version main" || pg_createcluster "$version" main >&2
  pg_ctlcluster "$version" main start >&2
fi
for _ in $(seq 1 30); do
  runuser -u postgres -- psql -qAtc 'select 1' >/dev/null 2>&1 && break
  sleep 1
done
runuser -u postgres -- psql -qAt >&2 <<'SQL'
DO $$ BEGIN
  IF NOT EXISTS (SELECT FROM pg_roles WHERE rolname = 'truongso') THEN
    CREATE ROLE truongso LOGIN SUPERUSER PASSWORD 'truongso';
  END IF;
END $$;
SQL
runuser -u postgres -- psql -qAtc "select 1 from pg_database where datname='truongso_test'" | grep -q 1 \
  || runuser -u postgres -- createdb -O truongso truongso_test >&2
echo "postgresql://truongso:truongso@127.0.0.1:5432/truongso_test"
