#!/usr/bin/env bash
# Starts a throwaway PostgreSQL on 127.0.0.1 (a free port, fsync off, trust auth for the loopback only), runs the given
# command with HERALD_TEST_PG_URL set, then stops the server and deletes its files, whatever the command's outcome.
set -euo pipefail
pgbin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pgbin" ] || [ ! -x "$pgbin/initdb" ]; then
  echo "PostgreSQL server binaries not found (apt-get install postgresql): the storage tests need them." >&2
  exit 1
fi
dir=$(mktemp -d /tmp/herald-pg.XXXXXX)
port=$(node -e "const s=require('net').createServer();s.listen(0,'127.0.0.1',()=>{console.log(s.address().port);s.close()})")
as_pg=()
if [ "$(id -u)" = "0" ]; then
  chown postgres:postgres "$dir"
  as_pg=(/usr/sbin/runuser -u postgres --)
fi
cleanup() {
  "${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap cleanup EXIT
"${as_pg[@]}" "$pgbin/initdb" -D "$dir/data" -U postgres --auth=trust -E UTF8 >/dev/null
"${as_pg[@]}" "$pgbin/pg_ctl" -D "$dir/data" -l "$dir/log" -w -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" start >/dev/null
export HERALD_TEST_PG_URL="postgres://postgres@127.0.0.1:$port/postgres"
echo "Throwaway PostgreSQL on 127.0.0.1:$port"
set +e
"$@"
rc=$?
set -e
exit $rc
