#!/usr/bin/env bash
# The cost growth table of docs/performance.md (not a test): synthetic battles
# among 130 models at sizes 10^4 ... 10^8, and for each the wall time and peak
# RSS of
#   read      podium arena FILE --rounds 0            (parse + aggregate + fit)
#   counts    podium counts FILE                      (parse + aggregate)
#   bootstrap podium arena FILE --rounds 1000 --threads 2, minus `read`
#   elo       podium arena FILE --method elo --rounds 10 --threads 2
# printed as one Markdown row per size.
#
#   bazel build //bench:generate_battles //tools:podium_bin
#   bench/scale/cost_growth.sh [WORK_DIR] [EXPONENTS...]   e.g. /tmp/growth 4 5 6 7 8
#
# The files stay in WORK_DIR (about 28 bytes a battle: 2.8 GB for 10^8).
set -euo pipefail
root=$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)
work=${1:-/tmp/podium-growth}
shift || true
exponents=("$@")
[ ${#exponents[@]} -eq 0 ] && exponents=(4 5 6 7 8)
podium="$root/bazel-bin/tools/podium_bin"
generate="$root/bazel-bin/bench/generate_battles"
mkdir -p "$work"

# Runs "$@" with stdout discarded; prints "SECONDS MEGABYTES".
measure() {
  /usr/bin/time -f '%e %M' -o "$work/time.txt" "$@" >/dev/null
  awk '{ printf "%.2f %.0f\n", $1, $2 / 1024 }' "$work/time.txt"
}

echo "| battles | file | read + fit | counts | 1000 BT rounds, 2 threads (total) | 10 Elo rounds, 2 threads | peak RSS (BT) |"
echo "|---:|---:|---:|---:|---:|---:|---:|"
for e in "${exponents[@]}"; do
  n=$((10 ** e))
  file="$work/battles_1e$e.csv"
  [ -s "$file" ] || "$generate" --battles "$n" --models 130 --seed 1 --out "$file" >/dev/null
  size=$(stat -c %s "$file")
  read -r t_read _ < <(measure "$podium" arena "$file" --rounds 0 --format json)
  read -r t_counts _ < <(measure "$podium" counts "$file")
  read -r t_bt rss_bt < <(measure "$podium" arena "$file" --rounds 1000 --threads 2 --format json)
  read -r t_elo _ < <(measure "$podium" arena "$file" --method elo --rounds 10 --threads 2 --format json)
  printf '| 10^%d | %s MB | %s s | %s s | %s s | %s s | %s MB |\n' "$e" \
    "$(awk -v s="$size" 'BEGIN { printf "%.1f", s / 1e6 }')" "$t_read" "$t_counts" "$t_bt" "$t_elo" "$rss_bt"
done
