"""The Python module against the command line: every function gives the
numbers of `podium ... --format json` for the same inputs, errors raise
ValueError with podium's path:line:col diagnostics, the GIL is released while
a command runs. Run by run_python_test.sh (Bazel: //tests/python:podium_test)."""
import json
import math
import os
import shutil
import subprocess
import tempfile
import threading
import unittest
import warnings

import pandas as pd

import podium

RUNFILES = os.environ.get("PODIUM_RUNFILES", ".")
PODIUM_BIN = os.environ.get("PODIUM_BIN", "bazel-bin/tools/podium_bin")
SYNTHETIC = "datasets/battles/grouped_synthetic.csv"  # 12,000 battles, categories, judges
SHARED = os.environ.get("PODIUM_SHARED")
WILDBENCH = os.path.join(SHARED, "data/battles/wildbench_v2_K-1.csv") if SHARED else None


def cli(*args):
    """`podium --reproducible ARGS` -> stdout (the command line, as a user runs it)."""
    done = subprocess.run([PODIUM_BIN, "--reproducible", *args], cwd=RUNFILES,
                          capture_output=True, text=True)
    if done.returncode != 0:
        raise AssertionError("podium %s: exit %d\n%s" % (" ".join(args), done.returncode,
                                                          done.stderr))
    return done.stdout


def cli_json(*args):
    return json.loads(cli(*args, "--format", "json"))


def same(x, y):
    """Equal as numbers written by podium: exact, a missing cell being null."""
    missing_x = x is None or (isinstance(x, float) and math.isnan(x))
    missing_y = y is None or (isinstance(y, float) and math.isnan(y))
    if missing_x or missing_y:
        return missing_x and missing_y
    if isinstance(x, str) or isinstance(y, str):
        return str(x) == str(y)
    return float(x) == float(y)


class PodiumTestCase(unittest.TestCase):
    def assertRowsEqual(self, frame, rows, columns=None):
        """Every cell of the JSON rows that the frame has, equal exactly."""
        self.assertEqual(len(frame), len(rows))
        compared = 0
        for i, row in enumerate(rows):
            for key, value in row.items():
                if key not in frame.columns or (columns and key not in columns):
                    continue
                cell = frame[key].iloc[i]
                cell = cell.item() if hasattr(cell, "item") else cell
                self.assertTrue(same(cell, value), "row %d (%s) %s: %r != %r" % (
                    i, row.get("model"), key, cell, value))
                compared += 1
        self.assertGreater(compared, 0)

    def assertFramesEqual(self, a, b):
        self.assertEqual(list(a.columns), list(b.columns))
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True),
                                      check_exact=True)


class ArenaTest(PodiumTestCase):
    def test_bootstrap_equals_command_line_json(self):
        board = podium.arena(SYNTHETIC, rounds=200, seed=7, threads=2)
        expected = cli_json("arena", SYNTHETIC, "--rounds", "200", "--seed", "7")
        self.assertRowsEqual(board, expected["rows"])
        self.assertIn("rating", board.columns)
        self.assertEqual(list(board.columns[:3]), ["component", "rank", "rank_ub"])
        manifest = board.attrs["manifest"]
        self.assertEqual(manifest["inputs"][0]["sha256"], expected["manifest"]["inputs"][0]["sha256"])
        self.assertEqual(manifest["seed"], 7)

    def test_csv_columns_are_the_command_lines(self):
        board = podium.arena(SYNTHETIC, rounds=20)
        header = cli("arena", SYNTHETIC, "--rounds", "20", "--format", "csv").splitlines()[0]
        self.assertEqual(",".join(board.columns), header)

    def test_methods_and_options_equal_command_line(self):
        cases = [
            ({"method": "elo", "rounds": 20}, ["--method", "elo", "--rounds", "20"]),
            ({"ci": "sandwich", "draws": 2000}, ["--ci", "sandwich", "--draws", "2000"]),
            ({"ties": "davidson", "rounds": 30, "category": "category-03"},
             ["--ties", "davidson", "--rounds", "30", "--category", "category-03"]),
            ({"rounds": 0, "exclude_ties": True, "anchor": {"model-000": 1200.0}},
             ["--rounds", "0", "--exclude-ties", "--anchor", "model-000=1200.0"]),
        ]
        for options, flags in cases:
            with self.subTest(options=options):
                board = podium.arena(SYNTHETIC, **options)
                self.assertRowsEqual(board, cli_json("arena", SYNTHETIC, *flags)["rows"])

    def test_dataframe_equals_path(self):
        frame = pd.read_csv(SYNTHETIC, dtype=str, keep_default_na=False)
        from_frame = podium.arena(frame, rounds=50)
        from_path = podium.arena(SYNTHETIC, rounds=50)
        self.assertFramesEqual(from_frame, from_path)
        self.assertEqual(from_frame.attrs["manifest"]["inputs"][0]["path"], "DataFrame")

    def test_threads_do_not_change_numbers(self):
        self.assertFramesEqual(podium.arena(SYNTHETIC, rounds=100, threads=1),
                               podium.arena(SYNTHETIC, rounds=100, threads=2))

    def test_full_report(self):
        report = podium.report("arena", SYNTHETIC, rounds=20, fit=True)
        expected = cli_json("arena", SYNTHETIC, "--rounds", "20", "--fit")
        for key in ("rows", "matrices", "fit", "goodness_of_fit"):
            if key in expected:
                self.assertEqual(report[key], expected[key], key)

    @unittest.skipUnless(WILDBENCH and os.path.exists(WILDBENCH or ""), "needs PODIUM_SHARED")
    def test_wildbench(self):
        board = podium.arena(WILDBENCH, rounds=100, threads=2)
        self.assertEqual(len(board), 54)
        self.assertRowsEqual(board, cli_json("arena", WILDBENCH, "--rounds", "100")["rows"])


class CountsTest(PodiumTestCase):
    def test_pair_counts_equal_command_line(self):
        counts = podium.pair_counts(SYNTHETIC)
        self.assertEqual(list(counts.columns), ["model_a", "model_b", "wins_a", "wins_b", "ties"])
        expected = pd.read_csv(
            __import__("io").StringIO(cli("counts", SYNTHETIC, "--format", "csv")),
            keep_default_na=False, dtype={"model_a": str, "model_b": str})
        self.assertFramesEqual(counts, expected)
        self.assertEqual(int(counts[["wins_a", "wins_b", "ties"]].sum().sum()), 12000)

    def test_arena_from_counts_equals_arena(self):
        counts = podium.pair_counts(SYNTHETIC)
        self.assertFramesEqual(podium.arena_from_counts(counts, rounds=100),
                               podium.arena(SYNTHETIC, rounds=100))

    def test_per_category_counts(self):
        counts = podium.pair_counts(SYNTHETIC, by="category")
        self.assertEqual(list(counts.columns)[0], "category")
        self.assertFramesEqual(podium.arena_from_counts(counts, category="category-02", rounds=100),
                               podium.arena(SYNTHETIC, category="category-02", rounds=100))
        # Without a category, the categories' rows add up to the pair's counts.
        self.assertFramesEqual(podium.arena_from_counts(counts, rounds=100),
                               podium.arena(SYNTHETIC, rounds=100))


class ErrorsTest(PodiumTestCase):
    def test_dataframe_diagnostics(self):
        frame = pd.DataFrame({"model_a": ["a", "b", "c", "a"], "model_b": ["b", "c", "c", "c"],
                              "winner": ["model_a", "draw", "tie", "model_b"]})
        with self.assertRaises(ValueError) as caught:
            podium.arena(frame, rounds=0)
        message = str(caught.exception)
        self.assertIn('DataFrame:3:', message)           # row 1: the unknown winner
        self.assertIn("error: field 'winner'", message)
        self.assertIn("DataFrame:4:", message)           # row 2: c plays itself
        self.assertIn("line N is row N - 2", message)

    def test_file_diagnostics_are_the_command_lines(self):
        with tempfile.TemporaryDirectory() as folder:
            path = os.path.join(folder, "bad.csv")
            with open(path, "w") as f:
                f.write("model_a,model_b,winner\nx,y,model_a\nx,y,draw\ny,x,\n")
            with self.assertRaises(ValueError) as caught:
                podium.arena(path)
            done = subprocess.run([PODIUM_BIN, "arena", path], capture_output=True, text=True)
            self.assertEqual(done.returncode, 2)
            for line in str(caught.exception).splitlines():
                self.assertIn(line, done.stderr)
            self.assertIn(path + ":3:", str(caught.exception))
            self.assertIn(path + ":4:", str(caught.exception))

    def test_usage_errors(self):
        with self.assertRaisesRegex(ValueError, "no_such_flag|no-such-flag"):
            podium.arena(SYNTHETIC, no_such_flag=3)
        with self.assertRaisesRegex(ValueError, "rounds"):
            podium.arena(SYNTHETIC, rounds=-1)
        with self.assertRaisesRegex(ValueError, "missing column"):
            podium.arena_from_counts(pd.DataFrame({"model_a": ["a"]}))

    def test_warnings(self):
        frame = pd.DataFrame({"model_a": ["a", "a", "b", "c"], "model_b": ["b", "c", "c", "a"],
                              "winner": ["model_a", "model_a", "model_a", "model_b"]})
        with warnings.catch_warnings(record=True) as caught:
            warnings.simplefilter("always")
            report = podium.report("arena", frame, rounds=0)
        self.assertTrue(report["warnings"])
        # "a" won every battle: its strength has no finite estimate, podium warns.
        self.assertTrue(any(issubclass(w.category, podium.PodiumWarning) for w in caught),
                        [str(w.message) for w in caught])


class GilTest(PodiumTestCase):
    def test_gil_released_while_a_command_runs(self):
        """A Python thread keeps running while another runs a bootstrap: with
        the GIL held it would not run at all during the call."""
        state = {"running": False, "during": 0}
        args = ["--project", RUNFILES, "arena", SYNTHETIC, "--rounds", "3000", "--format", "csv"]

        def work():
            state["running"] = True
            podium._core.run_report(args)
            state["running"] = False

        thread = threading.Thread(target=work)
        thread.start()
        while not state["running"]:
            pass
        while thread.is_alive():
            if state["running"]:
                state["during"] += 1
        thread.join()
        self.assertGreater(state["during"], 1000)


class LeaderboardTest(PodiumTestCase):
    def test_leaderboard_equals_command_line(self):
        board = podium.leaderboard(project=RUNFILES, on_conflict="latest", normalize="minmax")
        expected = cli_json("leaderboard", "--on-conflict", "latest", "--normalize", "minmax")
        self.assertRowsEqual(board, expected["rows"])
        self.assertEqual(board.attrs["manifest"]["inputs"], expected["manifest"]["inputs"])

    def test_leaderboard_options(self):
        board = podium.leaderboard(project=RUNFILES, normalize="zscore", bootstrap="parametric",
                                   rounds=200, on_conflict="mean", benchmarks=["mmlu", "gsm8k"])
        expected = cli_json("leaderboard", "--normalize", "zscore", "--bootstrap", "parametric",
                            "--rounds", "200", "--on-conflict", "mean", "--benchmarks", "mmlu",
                            "gsm8k")
        self.assertRowsEqual(board, expected["rows"])

    def test_import_then_leaderboard(self):
        with tempfile.TemporaryDirectory() as folder:
            scores = os.path.join(folder, "scores.csv")
            pd.DataFrame({"model": ["m1", "m2", "m3"], "mmlu": [71.5, 64.0, 80.25],
                          "gsm8k": [55.0, 70.5, 90.0]}).to_csv(scores, index=False)
            data = os.path.join(folder, "data")
            said = podium.import_results("wide", scores, data, scale=100)
            self.assertIn("m1", open(os.path.join(data, "registry", "models.csv")).read())
            self.assertTrue(said)
            board = podium.leaderboard(datasets=data)
            expected = cli_json("leaderboard", "--datasets", data)
            self.assertRowsEqual(board, expected["rows"])
            self.assertEqual(board["model"].iloc[0], "m3")


class H2hAndCheckTest(PodiumTestCase):
    def test_h2h_battles_equals_command_line(self):
        report = podium.h2h("model-000", "model-001", battles=SYNTHETIC, rounds=100)
        expected = cli_json("h2h", "model-000", "model-001", "--battles", SYNTHETIC,
                            "--rounds", "100")
        expected.pop("manifest")
        report.pop("manifest")
        self.assertEqual(report, expected)

    def test_check(self):
        base = podium.report("arena", SYNTHETIC, rounds=20)
        self.assertTrue(podium.check(base, base))
        moved = json.loads(json.dumps(base))
        moved["rows"][0]["rating"] += 0.5
        result = podium.check(base, moved)
        self.assertFalse(result.ok)
        self.assertEqual(result.exit_code, 1)
        self.assertIn("rating", result.diff)
        self.assertTrue(podium.check(base, moved, abs_tol=1.0))

    def test_check_paths_equal_command_line(self):
        with tempfile.TemporaryDirectory() as folder:
            a, b = os.path.join(folder, "a.json"), os.path.join(folder, "b.json")
            with open(a, "w") as f:
                f.write(cli("arena", SYNTHETIC, "--rounds", "10", "--format", "json"))
            with open(b, "w") as f:
                f.write(cli("arena", SYNTHETIC, "--rounds", "10", "--seed", "2", "--format",
                            "json"))
            result = podium.check(a, b)
            done = subprocess.run([PODIUM_BIN, "check", a, b], capture_output=True, text=True)
            self.assertEqual(result.exit_code, done.returncode)
            self.assertEqual(result.diff, done.stdout)


if __name__ == "__main__":
    unittest.main()
