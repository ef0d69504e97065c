"""podium.dask on a real `distributed` cluster: a LocalCluster of 2 worker
processes counts battles split into many partition files, and the board from
those counts equals podium's on the whole file, exactly (ratings, intervals,
ranks). Run by run_python_test.sh (Bazel: //tests/python:dask_test)."""
import os
import tempfile
import unittest

import dask.dataframe as dd
import pandas as pd
from dask.distributed import Client, LocalCluster

import podium
import podium.dask

SYNTHETIC = "datasets/battles/grouped_synthetic.csv"  # 12,000 battles, 6 categories
SHARED = os.environ.get("PODIUM_SHARED")
WILDBENCH = os.path.join(SHARED, "data/battles/wildbench_v2_K-1.csv") if SHARED else None


def split(path, folder, parts):
    """Writes the battles of `path` as `parts` partition files, in order."""
    frame = pd.read_csv(path, dtype=str, keep_default_na=False)
    size = -(-len(frame) // parts)
    for i in range(parts):
        frame.iloc[i * size:(i + 1) * size].to_csv(
            os.path.join(folder, "part-%03d.csv" % i), index=False)
    return os.path.join(folder, "part-*.csv")


def read(pattern):
    return dd.read_csv(pattern, dtype=str, keep_default_na=False, blocksize=None)


class DaskTest(unittest.TestCase):
    @classmethod
    def setUpClass(cls):
        cls.folder = tempfile.TemporaryDirectory(prefix="podium-dask-")
        cls.cluster = LocalCluster(n_workers=2, threads_per_worker=1, processes=True,
                                   dashboard_address=None, silence_logs=40,
                                   local_directory=cls.folder.name)
        cls.client = Client(cls.cluster)
        cls.synthetic = split(SYNTHETIC, cls.folder.name, 12)

    @classmethod
    def tearDownClass(cls):
        cls.client.close()
        cls.cluster.close()
        cls.folder.cleanup()

    def assertFramesEqual(self, a, b):
        self.assertEqual(list(a.columns), list(b.columns))
        pd.testing.assert_frame_equal(a.reset_index(drop=True), b.reset_index(drop=True),
                                      check_exact=True)

    def test_cluster_has_two_worker_processes(self):
        workers = self.client.scheduler_info()["workers"]
        self.assertEqual(len(workers), 2)
        pids = self.client.run(os.getpid)
        self.assertEqual(len(set(pids.values())), 2)
        self.assertNotIn(os.getpid(), pids.values())

    def test_counts_equal_podiums_counts(self):
        battles = read(self.synthetic)
        self.assertEqual(battles.npartitions, 12)
        counts = podium.dask.pair_counts(battles)
        self.assertFramesEqual(counts, podium.pair_counts(SYNTHETIC))

    def test_board_from_cluster_counts_equals_single_process(self):
        counts = podium.dask.pair_counts(read(self.synthetic))
        self.assertFramesEqual(podium.arena_from_counts(counts, rounds=300, threads=2),
                               podium.arena(SYNTHETIC, rounds=300, threads=2))
        self.assertFramesEqual(podium.arena_from_counts(counts, ci="sandwich", draws=2000),
                               podium.arena(SYNTHETIC, ci="sandwich", draws=2000))

    def test_per_category(self):
        counts = podium.dask.pair_counts(read(self.synthetic), by=["category"])
        self.assertEqual(list(counts.columns)[:3], ["category", "model_a", "model_b"])
        self.assertFramesEqual(counts, podium.pair_counts(SYNTHETIC, by="category"))
        for category in ("category-00", "category-05"):
            self.assertFramesEqual(
                podium.arena_from_counts(counts, category=category, rounds=200),
                podium.arena(SYNTHETIC, category=category, rounds=200))

    def test_every_problem_of_every_partition_at_once(self):
        folder = os.path.join(self.folder.name, "bad")
        os.mkdir(folder)
        pd.DataFrame({"model_a": ["x", "y", "z"], "model_b": ["y", "y", "x"],
                      "winner": ["model_a", "model_b", "draw"]}).to_csv(
            os.path.join(folder, "p1.csv"), index=False)
        pd.DataFrame({"model_a": ["x", ""], "model_b": ["z", "y"],
                      "winner": ["left", "tie"]}).to_csv(
            os.path.join(folder, "p2.csv"), index=False)
        with self.assertRaises(ValueError) as caught:
            podium.dask.pair_counts(read(os.path.join(folder, "p*.csv")))
        message = str(caught.exception)
        self.assertIn("a model playing itself: 1 battle(s), e.g. 'y'", message)
        self.assertIn("unknown winner label", message)
        self.assertIn("2 battle(s), e.g. 'draw'", message)
        self.assertIn("empty model name in model_a: 1", message)

    def test_layout_options(self):
        frame = pd.read_csv(SYNTHETIC, dtype=str, keep_default_na=False).rename(
            columns={"model_a": "left", "model_b": "right"})
        frame["winner"] = frame["winner"].map(
            {"model_a": "L", "model_b": "R", "tie": "T", "tie (bothbad)": "T"})
        counts = podium.dask.pair_counts(
            dd.from_pandas(frame, npartitions=5),
            columns={"model_a": "left", "model_b": "right"},
            winner_labels={"L": "model_a", "R": "model_b", "T": "tie"})
        self.assertFramesEqual(counts, podium.pair_counts(SYNTHETIC))

    @unittest.skipUnless(WILDBENCH and os.path.exists(WILDBENCH or ""), "needs PODIUM_SHARED")
    def test_wildbench(self):
        pattern = split(WILDBENCH, tempfile.mkdtemp(dir=self.folder.name), 20)
        counts = podium.dask.pair_counts(read(pattern))
        self.assertFramesEqual(podium.arena_from_counts(counts, rounds=200, threads=2),
                               podium.arena(WILDBENCH, rounds=200, threads=2))


if __name__ == "__main__":
    unittest.main()
