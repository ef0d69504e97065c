#!/usr/bin/env bash
# docs/scale.md's PostgreSQL queries on a real PostgreSQL 15: a server of
# our own (initdb + pg_ctl on a temporary folder, a Unix socket only),
# battles loaded with COPY, the queries taken from the document (so the
# document and this test cannot drift apart), their CSV fed to podium:
#   - the check query finds nothing wrong;
#   - the pair counts are byte for byte what `podium counts` writes;
#   - `podium arena` on them gives the report of the battles themselves
#     (everything but the input file's name and the manifest);
#   - per category (datasets/battles/grouped_synthetic.csv): the same for
#     `podium counts --by category` and for `--category X` of each category.
# WildBench (PODIUM_SHARED) too when it is there. The database sorts with
# ICU's en-US when it can, where "Zeta" < "alpha" is false, so the
# queries' COLLATE "C" is what puts the pairs in podium's order.
# Skipped only when postgresql-15 is not installed.
set -euo pipefail

pgbin=/usr/lib/postgresql/15/bin
if [ ! -x "$pgbin/initdb" ] || [ ! -x "$pgbin/pg_ctl" ] || ! command -v psql >/dev/null; then
  echo "SKIPPED: postgresql-15 is not installed (tools/setup installs it)"
  exit 0
fi

runfiles=${TEST_SRCDIR:-$PWD/..}/podium
podium=$runfiles/tools/podium_bin
doc=$runfiles/docs/scale.md
datasets=$runfiles/datasets
work=$(mktemp -d "${TEST_TMPDIR:-/tmp}/postgres_test.XXXXXX")
# The server's folder: short, for the socket path (at most ~107 bytes).
pgdir=$(mktemp -d /tmp/pg.XXXXXX)

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# initdb refuses root: the server then runs as nobody, in a folder of its own.
as_db=()
db_user=$(id -un)
if [ "$(id -u)" -eq 0 ]; then
  db_user=nobody
  as_db=(setpriv --reuid=nobody --regid=nogroup --clear-groups)
  chown nobody:nogroup "$pgdir"
fi

stop_server() {
  if [ -f "$pgdir/data/postmaster.pid" ]; then
    (cd "$pgdir" && "${as_db[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -m immediate -w stop \
      >/dev/null 2>&1) || true
  fi
  rm -rf "$pgdir" "$work"
}
trap stop_server EXIT
trap 'exit 130' INT TERM

cd "$pgdir"
if ! "${as_db[@]}" "$pgbin/initdb" -D "$pgdir/data" -U "$db_user" --auth=trust --no-sync \
  -E UTF8 --locale=C.UTF-8 --locale-provider=icu --icu-locale=en-US >"$pgdir/initdb.log" 2>&1; then
  echo "note: no ICU en-US collation; the database sorts by C.UTF-8"
  rm -rf "$pgdir/data"
  "${as_db[@]}" "$pgbin/initdb" -D "$pgdir/data" -U "$db_user" --auth=trust --no-sync \
    -E UTF8 --locale=C.UTF-8 >"$pgdir/initdb.log" 2>&1 || { cat "$pgdir/initdb.log"; fail initdb; }
fi
"${as_db[@]}" "$pgbin/pg_ctl" -D "$pgdir/data" -l "$pgdir/server.log" -w \
  -o "-c listen_addresses='' -k $pgdir -c fsync=off" start >/dev/null ||
  { cat "$pgdir/server.log"; fail "the server did not start"; }
cd "$work"

sql() { PGOPTIONS="-c client_min_messages=warning" psql -X -q -v ON_ERROR_STOP=1 -h "$pgdir" -U "$db_user" -d postgres "$@"; }

# The sql block after the marker "runs the next query: NAME" in docs/scale.md,
# without its trailing semicolon.
doc_query() {
  awk -v name="$1" '
    $0 ~ "tests/scale/postgres_test.sh runs the next query: " name " -->" { marked = 1; next }
    marked && /^```sql/ { inside = 1; next }
    inside && /^```/ { exit }
    inside { print }
  ' "$doc" | sed '$ s/;$//'
}
check=$(doc_query check)
pair_counts=$(doc_query pair_counts)
by_category=$(doc_query pair_counts_by_category)
for q in "$check" "$pair_counts" "$by_category"; do
  [ -n "$q" ] || fail "a query is missing from docs/scale.md"
done

# Loads a battles CSV into the table `battles` (every column of its header,
# as text) with COPY.
load() {
  local columns
  columns=$(head -1 "$1" | sed 's/,/ text, /g; s/$/ text/')
  sql -c "DROP TABLE IF EXISTS battles" -c "CREATE TABLE battles ($columns)"
  sql -c "COPY battles FROM STDIN WITH (FORMAT csv, HEADER)" <"$1"
  local problems
  problems=$(sql -At -c "$check")
  [ -z "$problems" ] || fail "the check query found: $problems"
}

# The query's result as CSV.
query_csv() { sql -c "COPY ($1) TO STDOUT WITH (FORMAT csv, HEADER)"; }

# An arena JSON report without what names the input file (and the manifest,
# which names it with its size and digest).
arena_json() {
  "$podium" --reproducible arena "$@" --format json --rounds 50 --seed 7 --fit |
    python3 -c 'import json, sys
doc = json.load(sys.stdin)
doc.pop("manifest", None)
doc["input"].pop("battles_file")
print(json.dumps(doc, indent=1, sort_keys=True))'
}

# podium arena on `counts` (with the rest of the arguments) == on `battles`.
same_arena() {
  local battles=$1 counts=$2
  shift 2
  arena_json "$battles" "$@" >from_battles.json
  arena_json "$counts" "$@" >from_counts.json
  cmp -s from_battles.json from_counts.json ||
    { diff from_battles.json from_counts.json | head -20; fail "arena $* on $counts differs"; }
  grep -q '"rows"' from_counts.json || fail "no rows in the arena report"
}

# Pair counts of `battles` from the database == podium counts == same board.
check_pair_counts() {
  local battles=$1 name=$2
  load "$battles"
  query_csv "$pair_counts" >"$name.sql.csv"
  "$podium" counts "$battles" >"$name.podium.csv"
  cmp "$name.sql.csv" "$name.podium.csv" || fail "$name: the query's counts differ from podium's"
  same_arena "$battles" "$name.sql.csv"
  echo "ok: $name: $(($(wc -l <"$name.sql.csv") - 1)) pairs, the same board"
}

check_pair_counts "$datasets/battles/grouped_synthetic.csv" grouped

# Per category: the file of each category's counts, every category.
battles=$datasets/battles/grouped_synthetic.csv
query_csv "$by_category" >by_category.sql.csv
"$podium" counts "$battles" --by category >by_category.podium.csv
cmp by_category.sql.csv by_category.podium.csv || fail "per-category counts differ"
same_arena "$battles" by_category.sql.csv
categories=$(sql -At -c 'SELECT DISTINCT category FROM battles ORDER BY 1')
[ "$(echo "$categories" | wc -l)" -ge 2 ] || fail "fewer than 2 categories"
for category in $categories; do
  same_arena "$battles" by_category.sql.csv --category "$category"
done
echo "ok: per category: $(echo $categories)"

wildbench=${PODIUM_SHARED:-}/data/battles/wildbench_v2_K-1.csv
if [ -n "${PODIUM_SHARED:-}" ] && [ -f "$wildbench" ]; then
  check_pair_counts "$wildbench" wildbench
else
  echo "SKIPPED (WildBench part only): PODIUM_SHARED is not set or has no $wildbench"
fi
echo PASS
