#!/bin/bash
# The HTML reports in a real browser: renders committed reports (//reports)
# and arena reports generated here, opens them in headless Chromium through
# harness.html, and checks the DOM (rows, chart marks, provenance, sorting),
# the console (nothing logged, no uncaught error) and a screenshot.
#
# Where the HTML comes from: podium itself. reports/index.html is the page
# `podium regenerate` committed (every report of datasets/reports.json); the
# arena pages are `podium arena --format html`. report_html (the same
# ReportHtml / HtmlPage) renders single committed reports, and counts from the
# JSON alone what each page must show (--expect).
#
# Skips (exit 0) when chromium is not on PATH. Run: bazel test //tests/browser:browser_test
set -euo pipefail

if ! command -v chromium >/dev/null 2>&1; then
  echo "SKIPPED: chromium not installed"
  exit 0
fi

readonly RUNFILES="${TEST_SRCDIR:?run with bazel test}/${TEST_WORKSPACE:-podium}"
readonly REPORT_HTML="$RUNFILES/tests/browser/report_html"
readonly PODIUM="$RUNFILES/tools/podium_bin"
readonly REPORTS="$RUNFILES/reports"
readonly DATASETS="$RUNFILES/datasets"
readonly WORK="${TEST_TMPDIR:-$(mktemp -d)}/browser"
readonly PAGES="$WORK/pages"
readonly OUT="${TEST_UNDECLARED_OUTPUTS_DIR:-$WORK/outputs}"
rm -rf "$WORK"
mkdir -p "$PAGES" "$OUT" "$WORK/home"
export HOME="$WORK/home"  # Chromium writes its crash and config folders here
start=$(date +%s)

fail() {
  echo "FAIL: $*" >&2
  exit 1
}

# render OUT.html IN.json... : one report -> its page; several -> one page
# with a section per report.
render() {
  "$REPORT_HTML" "$@" || fail "report_html $*"
}

# chromium_run LOG ARGS... : headless Chromium with the required flags, the
# console on stderr (LOG), under a time limit. Fails on any console message.
chromium_run() {
  local log="$1"
  shift
  local status=0
  timeout 60 chromium --headless --no-sandbox --disable-gpu --no-first-run \
    --disable-background-networking --enable-logging=stderr --v=0 \
    --user-data-dir="$WORK/profile" "$@" 2>"$log" || status=$?
  if [[ $status -ne 0 ]]; then
    tail -20 "$log" >&2
    fail "chromium exited with $status"
  fi
  if grep -q "CONSOLE" "$log"; then
    grep "CONSOLE" "$log" >&2
    fail "console messages (see above)"
  fi
}

# --- Inputs: committed reports and two arena reports ------------------------
# A small arena whose names need escaping, and 120 models for the large heat map.
cat >"$WORK/arena-small.csv" <<'EOF'
model_a,model_b,wins_a,wins_b,ties
alpha,베타 <β>,30,20,5
alpha,gamma & co,40,10,3
베타 <β>,gamma & co,25,20,8
gamma & co,delta,22,18,4
alpha,delta,35,12,2
베타 <β>,delta,15,14,6
EOF
awk 'BEGIN {
  print "model_a,model_b,wins_a,wins_b,ties"
  n = 120
  for (i = 0; i < n; ++i) {
    for (d = 1; d <= 3; ++d) {
      j = (i + d) % n
      printf "m%03d,m%03d,%d,%d,%d\n", i, j, 10 + (i * 7 + j * 3) % 9, 10 + (i * 3 + j) % 7, (i + j) % 3
    }
  }
}' >"$WORK/arena-large.csv"
# The same command twice: JSON (for the expected counts) and the HTML page.
for format in json html; do
  "$PODIUM" arena "$WORK/arena-small.csv" --rounds 100 --title "Small arena" --format $format \
    --reproducible --out "$WORK/arena-small.$format" || fail "podium arena (small)"
  "$PODIUM" arena "$WORK/arena-large.csv" --rounds 20 --title "120 models" --format $format \
    --reproducible --out "$WORK/arena-large.$format" || fail "podium arena (large)"
done
cp "$WORK/arena-small.html" "$WORK/arena-large.html" "$PAGES/"
cp "$REPORTS/index.html" "$PAGES/index.html"
# index.html holds every report of datasets/reports.json, in its order.
index_inputs=""
for name in $(grep -o '"name": *"[^"]*"' "$DATASETS/reports.json" | sed 's/.*"\([^"]*\)"$/\1/'); do
  index_inputs+="$REPORTS/$name.json "
done

# --- Pages -------------------------------------------------------------------
# name|inputs|text column|numeric column|a model name that must appear as is
# (pages already made by podium are used as they are; the others are rendered)
readonly CASES=(
  "index|$index_inputs|Model|Score|Ministral 8B"
  "small-models|$REPORTS/small-models.json|Model|Score|Ministral 8B"
  "cross-source|$REPORTS/cross-source.json|Model|Score|"
  "mmlu|$REPORTS/mmlu.json|Model|Score|"
  "h2h-ministral|$REPORTS/h2h-ministral-8b-vs-llama-3.1-8b.json|Benchmark|Advantage of A|"
  "movie-gen|$REPORTS/movie-gen-net-win-rates.json|Task|NWR|movie-gen"
  "arena-small|$WORK/arena-small.json|Model|Rating|베타 <β>"
  "arena-large|$WORK/arena-large.json|Model|Rating|m000"
  "combined|$REPORTS/small-models.json $REPORTS/movie-gen-net-win-rates.json $WORK/arena-small.json $REPORTS/audit.json|Model|Score|gamma & co"
)
# A query-string value: percent-encodes the characters the names use.
enc() {
  printf '%s' "$1" | sed -e 's/%/%25/g' -e 's/&/%26/g' -e 's/ /%20/g' -e 's/</%3C/g' \
    -e 's/>/%3E/g' -e 's/+/%2B/g' -e 's/#/%23/g'
}
query=""
expected=""
for case in "${CASES[@]}"; do
  IFS='|' read -r name inputs text num model <<<"$case"
  read -r -a files <<<"$inputs"
  [[ -f "$PAGES/$name.html" ]] || render "$PAGES/$name.html" "${files[@]}"
  expect=$("$REPORT_HTML" --expect "${files[@]}") || fail "report_html --expect $inputs"
  expected+="$name.html $expect sort=ok name=$([[ -n $model ]] && echo ok || echo -)"$'\n'
  query+="page=$name.html&text=$(enc "$text")&num=$(enc "$num")&name=$(enc "$model")&"
  echo "$name.html: $(wc -c <"$PAGES/$name.html") bytes"
done
expected+="DONE"
cp "$RUNFILES/tests/browser/harness.html" "$PAGES/harness.html"
echo "inputs ready after $(($(date +%s) - start)) s"

# --- The DOM checks ----------------------------------------------------------
chromium_run "$WORK/harness.log" --allow-file-access-from-files --virtual-time-budget=60000 \
  --window-size=1280,1000 --dump-dom "file://$PAGES/harness.html?${query%&}" >"$WORK/harness.dom"
actual=$(sed -n '/<pre id="result">/,/<\/pre>/p' "$WORK/harness.dom" |
  sed -e 's/.*<pre id="result">//' -e 's/<\/pre>.*//' -e 's/&amp;/\&/g' -e 's/&lt;/</g' \
    -e 's/&gt;/>/g' | sed -e '/^$/d')
echo "harness done after $(($(date +%s) - start)) s"
if [[ "$actual" != "$expected" ]]; then
  echo "expected:" >&2
  echo "$expected" >&2
  echo "actual:" >&2
  echo "$actual" >&2
  fail "DOM checks differ"
fi
echo "$actual"

# --- Screenshots -------------------------------------------------------------
for name in small-models arena-small; do
  png="$OUT/$name.png"
  chromium_run "$WORK/$name.log" --window-size=1280,2000 --screenshot="$png" \
    "file://$PAGES/$name.html"
  [[ -f "$png" ]] || fail "no screenshot $png"
  size=$(wc -c <"$png")
  [[ "$(head -c 4 "$png" | od -An -c | tr -d ' ')" == "211PNG" ]] || fail "$png is not a PNG"
  ((size > 20000)) || fail "$png is only $size bytes"
  echo "$name.png: $size bytes"
  cp "$PAGES/$name.html" "$OUT/"
done
echo "PASSED in $(($(date +%s) - start)) s"
