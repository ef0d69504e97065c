"""The scale benchmark of docs/performance.md (not a test): N synthetic
battles in P partition files -> podium.dask.pair_counts on a LocalCluster of 2
worker processes -> podium.arena_from_counts, beside the single process
(`podium arena` and `podium counts` on one file of the same battles).

    bazel build //bench:generate_battles //tools:podium_bin //python/podium
    PYTHONPATH=python /usr/bin/python3 bench/scale/dask_scale.py --battles 50000000 \\
        --parts 50 --work /tmp/podium-scale

Prints one line per stage: wall seconds, and peak RSS (the process's, each
worker's, or the child's). The data (about 35 bytes a battle, twice) stays in
--work for re-runs (--keep-data).
"""
import argparse
import glob
import os
import resource
import subprocess
import sys
import time

import dask.dataframe as dd
from dask.distributed import Client, LocalCluster

import podium
import podium.dask


def peak_rss_mb():
    return resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0


def run_child(args):
    """Runs a command; returns (seconds, peak RSS MB of the children so far)."""
    start = time.monotonic()
    subprocess.run(args, check=True, stdout=subprocess.DEVNULL)
    seconds = time.monotonic() - start
    return seconds, resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024.0


def main():
    parser = argparse.ArgumentParser()
    parser.add_argument("--battles", type=int, default=50_000_000)
    parser.add_argument("--parts", type=int, default=50)
    parser.add_argument("--models", type=int, default=130)
    parser.add_argument("--work", default="/tmp/podium-scale")
    parser.add_argument("--rounds", type=int, default=1000)
    parser.add_argument("--bin", default="bazel-bin")
    parser.add_argument("--keep-data", action="store_true")
    o = parser.parse_args()
    os.makedirs(o.work, exist_ok=True)
    whole = os.path.join(o.work, "battles-%d.csv" % o.battles)
    parts = os.path.join(o.work, "parts-%d-%d" % (o.battles, o.parts))
    if not (o.keep_data and os.path.exists(whole)):
        start = time.monotonic()
        subprocess.run([os.path.join(o.bin, "bench/generate_battles"), "--battles",
                        str(o.battles), "--models", str(o.models), "--seed", "1", "--out",
                        whole], check=True)
        print("generate: %d battles, %.0f MB, %.1f s" % (
            o.battles, os.path.getsize(whole) / 1e6, time.monotonic() - start), flush=True)
    if not (o.keep_data and os.path.isdir(parts)):
        os.makedirs(parts, exist_ok=True)
        for old in glob.glob(os.path.join(parts, "*.csv")):
            os.remove(old)
        lines = -(-o.battles // o.parts)
        with open(whole, "rb") as f:
            header = f.readline()
            for i in range(o.parts):
                with open(os.path.join(parts, "part-%03d.csv" % i), "wb") as out:
                    out.write(header)
                    for _ in range(lines):
                        line = f.readline()
                        if not line:
                            break
                        out.write(line)
    podium_bin = os.path.join(o.bin, "tools/podium_bin")

    # Single process: podium reads the one file.
    seconds, rss = run_child([podium_bin, "--reproducible", "counts", whole, "--out",
                              os.path.join(o.work, "counts-single.csv")])
    print("single process: podium counts: %.2f s, peak RSS %.0f MB" % (seconds, rss), flush=True)
    seconds, rss = run_child([podium_bin, "--reproducible", "arena", whole, "--rounds",
                              str(o.rounds), "--threads", "2", "--format", "json", "--out",
                              os.path.join(o.work, "arena-single.json")])
    print("single process: podium arena --rounds %d --threads 2: %.2f s, peak RSS %.0f MB" % (
        o.rounds, seconds, rss), flush=True)

    # Dask: 2 worker processes, one thread each.
    start = time.monotonic()
    cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                           dashboard_address=None, silence_logs=40,
                           local_directory=os.path.join(o.work, "dask"))
    client = Client(cluster)
    print("dask: cluster up in %.1f s" % (time.monotonic() - start), flush=True)
    start = time.monotonic()
    battles = dd.read_csv(os.path.join(parts, "part-*.csv"), dtype=str,
                          keep_default_na=False, blocksize=None)
    counts = podium.dask.pair_counts(battles)
    count_seconds = time.monotonic() - start
    worker_rss = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024.0)
    print("dask: pair counts of %d partitions: %.2f s, %d pairs, %d battles; worker peak RSS "
          "%s MB" % (battles.npartitions, count_seconds, len(counts),
                     int(counts[["wins_a", "wins_b", "ties"]].sum().sum()),
                     ", ".join("%.0f" % v for v in sorted(worker_rss.values()))), flush=True)
    start = time.monotonic()
    board = podium.arena_from_counts(counts, rounds=o.rounds, threads=2)
    print("dask: podium.arena_from_counts --rounds %d --threads 2: %.2f s; client peak RSS "
          "%.0f MB" % (o.rounds, time.monotonic() - start, peak_rss_mb()), flush=True)
    single = podium.arena(os.path.join(o.work, "counts-single.csv"), rounds=o.rounds, threads=2)
    same = board.equals(single)
    print("dask board == single-process board: %s" % same, flush=True)
    client.close()
    cluster.close()
    return 0 if same else 1


if __name__ == "__main__":
    sys.exit(main())
