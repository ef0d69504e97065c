#!/usr/bin/env bash
# tools/podium's shortcut (run bazel-bin/tools/podium_bin without tools/setup
# and Bazel when nothing it is built from changed, tools/build_stamp), on a
# copy of the scripts in a fake source tree, with a fake `bazel` on PATH and a
# fake tools/setup that log their calls:
#   - the first call builds; a second one runs the binary without setup or
#     Bazel;
#   - an edit, a new file, a deleted file, a file given back its old mtime
#     (touch -d), an edited BUILD file: each builds again;
#   - a file outside what podium is built from (datasets/): no build;
#   - a binary rebuilt by someone else (bazel-bin changed): Bazel checks it;
#   - Bazel's messages go to stderr, never stdout; a failed build exits 2,
#     says so, and the next call tries again.
set -euo pipefail

runfiles=${TEST_SRCDIR:-$PWD/..}/podium
work=${TEST_TMPDIR:-$(mktemp -d)}/podium_script
rm -rf "$work"
root="$work/root"
mkdir -p "$root/tools/bazel" "$root/engine/base" "$root/datasets" "$work/path"
cp "$runfiles/tools/podium" "$runfiles/tools/build_stamp" "$root/tools/"
chmod +x "$root/tools/podium" "$root/tools/build_stamp"
echo 'workspace(name = "podium")' >"$root/WORKSPACE"
echo 'build --copt=-O2' >"$root/.bazelrc"
echo '# root' >"$root/BUILD"
echo 'cc_binary(name = "podium_bin")' >"$root/tools/BUILD"
echo 'cc_library(name = "fmt")' >"$root/tools/bazel/fmt.BUILD"
echo 'int Add(int a, int b) { return a + b; }' >"$root/engine/base/add.cc"
echo 'model,benchmark' >"$root/datasets/claims.csv"
log="$work/log"
cat >"$root/tools/setup" <<'SETUP'
#!/usr/bin/env bash
echo setup >>"$FAKE_LOG"
SETUP
# The fake Bazel "builds" a binary that prints its arguments, unless
# FAKE_BAZEL_FAIL is set.
cat >"$work/path/bazel" <<'BAZEL'
#!/usr/bin/env bash
echo "bazel $*" >>"$FAKE_LOG"
echo "INFO: fake Bazel progress" >&2
echo "fake Bazel stdout"
[ -z "${FAKE_BAZEL_FAIL:-}" ] || exit 1
mkdir -p bazel-bin/tools
rm -f bazel-bin/tools/podium_bin  # a new file, as Bazel writes it
printf '#!/usr/bin/env bash\necho "podium_bin $*"\n' >bazel-bin/tools/podium_bin
chmod +x bazel-bin/tools/podium_bin
BAZEL
chmod +x "$work/path/bazel" "$root/tools/setup"
export FAKE_LOG="$log" PATH="$work/path:$PATH" XDG_CACHE_HOME="$work/cache"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# Runs tools/podium --help; `expect` is "build" or "run" (no setup, no Bazel).
call() {
  local expect=$1 what=$2
  : >"$log"
  "$root/tools/podium" --help >"$work/stdout" 2>"$work/stderr" ||
    fail "$what: tools/podium failed: $(cat "$work/stderr")"
  [ "$(cat "$work/stdout")" = "podium_bin --help" ] ||
    fail "$what: stdout is not the binary's alone: $(cat "$work/stdout")"
  if [ "$expect" = build ]; then
    [ "$(cat "$log")" = "$(printf 'setup\nbazel build //tools:podium_bin')" ] ||
      fail "$what: expected setup and a build, got: $(cat "$log")"
    grep -q 'fake Bazel progress' "$work/stderr" || fail "$what: Bazel's progress not on stderr"
    grep -q 'fake Bazel stdout' "$work/stderr" || fail "$what: Bazel's stdout not on stderr"
  else
    [ ! -s "$log" ] || fail "$what: expected no setup and no Bazel, got: $(cat "$log")"
    [ ! -s "$work/stderr" ] || fail "$what: unexpected stderr: $(cat "$work/stderr")"
  fi
  echo "ok: $what ($expect)"
}

# Let the clock move on between changes (ctime is kept in kernel ticks).
tick() { sleep 0.05; }

call build "first call"
call run "nothing changed"
call run "nothing changed, again"
tick && echo 'int Sub(int a, int b) { return a - b; }' >>"$root/engine/base/add.cc"
call build "a source edited"
call run "nothing changed after the rebuild"
tick && echo '// new' >"$root/engine/base/new.h"
call build "a file added"
tick && rm "$root/engine/base/new.h"
call build "a file deleted"
old=$(stat -c %y "$root/engine/base/add.cc")
tick && sed -i 's/a + b/b + a/' "$root/engine/base/add.cc" && touch -d "$old" "$root/engine/base/add.cc"
[ "$(stat -c %y "$root/engine/base/add.cc")" = "$old" ] || fail "touch -d did not restore the mtime"
call build "same size, old mtime given back"
tick && echo '# comment' >>"$root/tools/bazel/fmt.BUILD"
call build "a BUILD file of a local repository edited"
tick && echo '# comment' >>"$root/.bazelrc"
call build ".bazelrc edited"
tick && mv "$root/engine/base/add.cc" "$root/engine/base/plus.cc"
call build "a file renamed"
tick && echo 'a,b' >>"$root/datasets/claims.csv"
call run "datasets/ edited (not built from)"
tick && cp "$root/bazel-bin/tools/podium_bin" "$work/bin.copy" && rm "$root/bazel-bin/tools/podium_bin" &&
  cp "$work/bin.copy" "$root/bazel-bin/tools/podium_bin"
call build "the binary replaced by another build"
rm "$root/bazel-bin/tools/podium_bin"
call build "the binary deleted"

# A failed build: exit 2 with a message; the next call builds again.
tick && echo '// broken' >>"$root/engine/base/plus.cc"
code=0
FAKE_BAZEL_FAIL=1 "$root/tools/podium" --help >"$work/stdout" 2>"$work/stderr" || code=$?
[ "$code" -eq 2 ] || fail "a failed build exited $code, not 2"
grep -q '^tools/podium: error: the build failed' "$work/stderr" || fail "no error line after a failed build"
[ ! -s "$work/stdout" ] || fail "a failed build wrote to stdout: $(cat "$work/stdout")"
call build "after a failed build"
call run "nothing changed after the failed one"
echo "PASS"
