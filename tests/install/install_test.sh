#!/usr/bin/env bash
# tools/install --binary (the copying half of tools/install; the sandbox
# cannot run Bazel) into a temporary PREFIX, and the installed podium finding
# its project:
#   - the installed binary runs `podium --help`;
#   - two tiny projects A and B: `podium --project A leaderboard` (the option
#     before or after the subcommand), `cd A && podium leaderboard` and
#     PODIUM_HOME=A all read A's datasets/, and --project wins over
#     PODIUM_HOME;
#   - installing over a symlink replaces the link, not its target (a file or
#     a folder);
#   - installing again works and replaces the file by a rename: a running
#     podium (a hard link here) keeps its old, intact file;
#   - bad usage exits 2.
set -euo pipefail

runfiles=${TEST_SRCDIR:-$PWD/..}/podium
install=$runfiles/tools/install
binary=$runfiles/tools/podium_bin
datasets=$runfiles/datasets
work=${TEST_TMPDIR:-$(mktemp -d)}/install
rm -rf "$work"
mkdir -p "$work"
unset PODIUM_HOME

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

prefix="$work/prefix"
podium="$prefix/bin/podium"
"$install" --binary "$binary" "$prefix" >"$work/out" 2>"$work/err" ||
  fail "tools/install failed: $(cat "$work/out" "$work/err")"
cat "$work/out"
grep -q "^installed $podium (podium " "$work/out" || fail "tools/install did not say what it installed"
[ -f "$podium" ] && [ ! -L "$podium" ] || fail "$podium is not a file"
[ "$(stat -c %a "$podium")" = 755 ] || fail "$podium is not mode 755"
cmp -s "$binary" "$podium" || fail "$podium differs from podium_bin"
[ -z "$(find "$prefix/bin" -name '.podium.*')" ] || fail "a temporary file was left in $prefix/bin"
"$podium" --help >"$work/help" || fail "podium --help failed"
grep -q 'leaderboard' "$work/help" || fail "podium --help does not list leaderboard"
grep -q -- '--project' "$work/help" || fail "podium --help does not list --project"

# Two projects laid out like the repository, with different claims: A has the
# three small models of the 2024-11 brief's Ministral table (lines 305-307),
# B the three larger ones (308-310).
for p in A B; do
  mkdir -p "$work/$p/datasets/claims" "$work/$p/reports"
  cp -r "$datasets/registry" "$work/$p/datasets/registry"
done
claims="$datasets/claims/000_43fd87e1ab347223.csv"
awk -F, 'NR == 1 || $1 ~ /^000-030[5-7]-/' "$claims" >"$work/A/datasets/claims/claims.csv"
awk -F, 'NR == 1 || $1 ~ /^000-03(0[89]|10)-/' "$claims" >"$work/B/datasets/claims/claims.csv"

board=(leaderboard --benchmarks mmlu,gsm8k --format csv)
(cd "$work/A" && "$podium" "${board[@]}") >"$work/A.csv" || fail "cd A && podium leaderboard failed"
(cd "$work/B" && "$podium" "${board[@]}") >"$work/B.csv" || fail "cd B && podium leaderboard failed"
cat "$work/A.csv"
grep -q 'Ministral 3B' "$work/A.csv" || fail "A's leaderboard has no Ministral 3B"
grep -q 'Ministral 8B' "$work/A.csv" && fail "A's leaderboard has B's Ministral 8B"
grep -q 'Ministral 8B' "$work/B.csv" || fail "B's leaderboard has no Ministral 8B"
grep -q 'Ministral 3B' "$work/B.csv" && fail "B's leaderboard has A's Ministral 3B"

# Each way of naming A, run from B (whose datasets would be read by default).
check_reads_a() {
  local what=$1
  shift
  (cd "$work/B" && "$@") >"$work/got.csv" 2>"$work/got.err" ||
    fail "$what failed: $(cat "$work/got.err")"
  cmp -s "$work/A.csv" "$work/got.csv" || fail "$what did not read A: $(cat "$work/got.csv")"
}
check_reads_a "podium --project A leaderboard" "$podium" --project "$work/A" "${board[@]}"
check_reads_a "podium leaderboard --project A" "$podium" "${board[@]}" --project "$work/A"
check_reads_a "podium --project ../A (relative)" "$podium" --project ../A "${board[@]}"
check_reads_a "PODIUM_HOME=A podium leaderboard" env PODIUM_HOME="$work/A" "$podium" "${board[@]}"
check_reads_a "--project A over PODIUM_HOME=B" \
  env PODIUM_HOME="$work/B" "$podium" --project "$work/A" "${board[@]}"

# A project folder that does not exist: a usage error, exit 2.
code=0
"$podium" --project "$work/none" "${board[@]}" >/dev/null 2>"$work/none.err" || code=$?
[ "$code" -eq 2 ] || fail "a missing project folder exited $code, not 2"
grep -q "^podium: error: --project: .*$work/none" "$work/none.err" ||
  fail "no usage error for a missing project folder: $(cat "$work/none.err")"

# A project without datasets: an error naming the folder, exit 2.
mkdir -p "$work/empty"
code=0
"$podium" --project "$work/empty" "${board[@]}" >/dev/null 2>"$work/empty.err" || code=$?
[ "$code" -eq 2 ] || fail "a project without datasets/ exited $code, not 2"
grep -q "$work/empty/datasets" "$work/empty.err" ||
  fail "the error does not name $work/empty/datasets: $(cat "$work/empty.err")"

# Installing over a symlink to a file, then to a folder: the link is replaced.
echo "not podium" >"$work/target"
mkdir -p "$work/target_dir"
for target in "$work/target" "$work/target_dir"; do
  rm -f "$podium"
  ln -s "$target" "$podium"
  "$install" --binary "$binary" "$prefix" >/dev/null 2>&1 || fail "install over a link to $target failed"
  [ ! -L "$podium" ] && [ -f "$podium" ] || fail "the link to $target was not replaced"
  cmp -s "$binary" "$podium" || fail "install over a link to $target: wrong content"
done
[ "$(cat "$work/target")" = "not podium" ] || fail "the link's target file was written"
[ -z "$(ls -A "$work/target_dir")" ] || fail "something was written into the link's target folder"

# Installing twice: a new file by rename; the old one (still held by a
# running podium, here a hard link) is untouched.
ln "$podium" "$work/running"
before=$(stat -c %i "$podium")
"$install" --binary "$binary" "$prefix" >/dev/null 2>&1 || fail "the second install failed"
[ "$(stat -c %i "$podium")" != "$before" ] || fail "the second install wrote the old file in place"
cmp -s "$binary" "$work/running" || fail "the file of the running podium was changed"
"$podium" --version >/dev/null || fail "podium --version failed after the second install"

# Bad usage: exit 2 and a tools/install: error line.
expect_usage_error() {
  local code=0
  "$install" "$@" >/dev/null 2>"$work/usage.err" || code=$?
  [ "$code" -eq 2 ] || fail "tools/install $* exited $code, not 2"
  grep -q '^tools/install: error: ' "$work/usage.err" || fail "tools/install $*: no error line"
}
expect_usage_error --binary "$work/no_such_file" "$prefix"
expect_usage_error --binary
expect_usage_error --bogus
expect_usage_error --binary "$binary" "$prefix" "$work/second_prefix"

# A folder where the binary goes: refused, nothing left behind.
mkdir -p "$work/p2/bin/podium"
code=0
"$install" --binary "$binary" "$work/p2" >/dev/null 2>"$work/dir.err" || code=$?
[ "$code" -eq 1 ] && grep -q 'is a folder' "$work/dir.err" || fail "install over a folder: $code"
[ -z "$(find "$work/p2/bin" -name '.podium.*')" ] || fail "a temporary file was left in $work/p2/bin"
# The Python module beside the binary (--python, the runfiles' package):
# importable from PREFIX's site folder, and installed again by renames (an
# imported module keeps its files).
package=$runfiles/python/podium
"$install" --binary "$binary" --python "$package" "$work/py" >"$work/py.out" 2>&1 ||
  fail "install --python failed: $(cat "$work/py.out")"
site=$(ls -d "$work"/py/lib/python3.*/site-packages)
[ -f "$site/podium/_core.so" ] && [ -f "$site/podium/dask.py" ] || fail "no package in $site"
(cd "$work" && PYTHONPATH=$site /usr/bin/python3 -c \
  'import podium; assert podium.command("--version")[0] == 0') || fail "the installed module"
held=$(stat -c %i "$site/podium/_core.so")
"$install" --binary "$binary" --python "$package" "$work/py" >/dev/null 2>&1 ||
  fail "the second install --python failed"
[ "$(stat -c %i "$site/podium/_core.so")" != "$held" ] || fail "the module was rewritten in place"
[ -z "$(find "$site" -maxdepth 1 -name '.podium*')" ] || fail "temporary folders left in $site"
expect_usage_error --binary "$binary" --python "$work" "$prefix"
echo "PASS"
