#!/usr/bin/env bash
# docs/ci.md's GitHub Actions step, run as written (the `run:` block is taken
# from the document, so the document and this test cannot drift apart), under
# `bash -e` as a runner would run it, with `podium` on PATH:
#   - no baseline: the step fails, saying the baseline does not exist;
#   - an unchanged baseline: the step passes;
#   - a claim edited so that a score drops: the step fails (exit 1 from
#     `podium check`, through `| tee`), and the summary says "worse";
#   - the same without the step's `set -o pipefail` line: it would pass, which
#     is the bug the line is there for.
set -euo pipefail

runfiles=${TEST_SRCDIR:-$PWD/..}/podium
podium_bin=$runfiles/tools/podium_bin
doc=$runfiles/docs/ci.md
datasets=$runfiles/datasets
work=${TEST_TMPDIR:-$(mktemp -d)}/ci_example
rm -rf "$work"
mkdir -p "$work/bin" "$work/data" "$work/leaderboards"

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# The `run: |` block of the yaml example that follows the marker comment,
# without its indentation.
awk '
  /tests\/ci:ci_example_test runs/ { marked = 1; next }
  marked && /^```yaml/ { inside = 1; next }
  inside && /^```/ { exit }
  inside && run { if (indent == "") { match($0, /^ */); indent = RLENGTH }
                  print substr($0, indent + 1); next }
  inside && /^ *run: \|$/ { run = 1 }
' "$doc" >"$work/step.sh"
grep -q 'podium check' "$work/step.sh" || fail "no podium check in the step taken from docs/ci.md"
grep -q '^set -o pipefail$' "$work/step.sh" || fail "the step does not set pipefail"
echo "--- the step, from docs/ci.md:"
cat "$work/step.sh"

# A project of our own: the Ministral table of the 2024-11 brief (lines
# 305-310 of its claims) and the registry.
ln -s "$podium_bin" "$work/bin/podium"
cp -r "$datasets/registry" "$work/data/registry"
awk -F, 'NR == 1 || $1 ~ /^000-03(0[5-9]|10)-/' \
  "$datasets/claims/000_43fd87e1ab347223.csv" >"$work/data/claims.csv"

# Runs `step` (a file) as GitHub runs a step without `shell:`, in the
# project; prints the exit code.
run_step() {
  rm -rf "$work/runner" "$work/summary.md"
  mkdir -p "$work/runner"
  (cd "$work" && PATH="$work/bin:$PATH" RUNNER_TEMP="$work/runner" \
    GITHUB_STEP_SUMMARY="$work/summary.md" bash -e "$1" >"$work/stdout" 2>"$work/stderr") &&
    echo 0 || echo $?
}

code=$(run_step "$work/step.sh")
[ "$code" -ne 0 ] || fail "the step passed without a baseline"
grep -q 'leaderboards/main.json: error: no such file or directory' "$work/stderr" ||
  fail "no 'no such file or directory' for the missing baseline: $(cat "$work/stderr")"
cp "$work/runner/main.json" "$work/leaderboards/main.json"

code=$(run_step "$work/step.sh")
[ "$code" -eq 0 ] || fail "the step failed (exit $code) on an unchanged baseline: $(cat "$work/stderr")"
grep -q '^\*\*Passes\*\*' "$work/summary.md" || fail "no **Passes** in the step summary"

# Ministral 8B's MMLU (65.0 on line 310) edited to 60.0: its score drops.
sed -i 's/^\(000-0310-1,ministral-8b,mmlu,\)65\.0,/\160.0,/' "$work/data/claims.csv"
grep -q '^000-0310-1,ministral-8b,mmlu,60.0,' "$work/data/claims.csv" || fail "the edit did not apply"
code=$(run_step "$work/step.sh")
[ "$code" -ne 0 ] || fail "the step passed although Ministral 8B's score dropped"
grep -q '| rows\[ministral-8b\].score | worse | 59.98 |' "$work/summary.md" ||
  fail "the summary does not show the score as worse: $(cat "$work/summary.md")"
grep -q 'data/claims.csv` changed' "$work/summary.md" || fail "the edited claims file is not named"
grep -q '^  "failures": [1-9]' "$work/runner/check.json" || fail "check.json counts no failure"

# Without `set -o pipefail` the same step passes: the line matters.
grep -v '^set -o pipefail$' "$work/step.sh" >"$work/step_without_pipefail.sh"
code=$(run_step "$work/step_without_pipefail.sh")
[ "$code" -eq 0 ] || fail "expected the step without pipefail to pass (exit $code)"

echo "PASS: docs/ci.md's step fails on a regression and passes without one"
