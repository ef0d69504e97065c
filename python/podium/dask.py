"""podium.dask: the pair counts of battles, computed on a Dask cluster.

Rating needs only the sufficient statistics of the battles: for each pair of
models, how often each won and how often they tied (docs/scale.md). Those are
counted where the battles are, partition by partition, on the workers of a
`distributed` cluster (or any Dask scheduler); only the counts, one row per
pair, come back to this process and to podium:

    import dask.dataframe as dd
    from dask.distributed import Client, LocalCluster
    import podium, podium.dask

    client = Client(LocalCluster(n_workers=2))
    battles = dd.read_csv("battles/part-*.csv", dtype=str, keep_default_na=False)
    counts = podium.dask.pair_counts(battles)            # a pandas DataFrame
    board = podium.arena_from_counts(counts, rounds=1000)

The counts are exact integers, so the board equals `podium.arena` on the same
battles read from one file: same ratings, same intervals (the bootstrap
resamples the same cells; tests/python/dask_test.py checks it).

What is counted is what podium's battles reader counts: ``winner`` is
model_a, model_b, tie or "tie (bothbad)" (both ties), or the labels given in
``winner_labels``; a model playing itself, an empty model name or another
winner label is an error. Every problem of every partition is reported at once
in one ValueError (kinds, how many, a few examples), and nothing is returned.
"""

import numpy as np
import pandas as pd

__all__ = ["pair_counts"]

_ARENA_LABELS = {"model_a": "model_a", "model_b": "model_b", "tie": "tie",
                 "tie (bothbad)": "tie"}
_COUNTS = ["wins_a", "wins_b", "ties"]
_EXAMPLES = 3  # examples kept of each kind of problem


def _partition_counts(part, by, a_col, b_col, winner_col, labels):
    """One partition -> its counts, plus one row per kind of problem (in the
    column ``problem``; empty for count rows) holding how many rows had it and
    examples in model_a.

    Names are factorized once (sorted, so a smaller code is a name that sorts
    first, by code point = by UTF-8 bytes, podium's order) and the counting is
    integer work: each pair put in that orientation, one integer key per
    (by..., pair), and bincounts over the keys."""
    n = len(part)
    a, b = part[a_col], part[b_col]
    codes, names = pd.factorize(pd.concat([a, b], ignore_index=True), sort=True)
    ca, cb = codes[:n], codes[n:]
    empty = np.flatnonzero(names == "")
    empty_code = int(empty[0]) if len(empty) else -2
    missing_a = (ca < 0) | (ca == empty_code)
    missing_b = (cb < 0) | (cb == empty_code)
    win_codes, win_labels = pd.factorize(part[winner_col])
    role_of = np.array([{"model_a": 0, "model_b": 1, "tie": 2}.get(labels.get(w), -1)
                        for w in win_labels] + [-1], dtype=np.int64)
    role = role_of[win_codes]  # code -1 (a missing label) reads the last entry: -1
    bad_winner = role < 0
    self_play = ~missing_a & ~missing_b & (ca == cb)
    ok = ~(missing_a | missing_b | bad_winner | self_play)

    lo, hi, r = np.minimum(ca, cb)[ok], np.maximum(ca, cb)[ok], role[ok]
    swap = (ca > cb)[ok]
    win_lo = np.where(swap, r == 1, r == 0)
    win_hi = np.where(swap, r == 0, r == 1)
    # One integer per (by..., lo, hi): mixed radix, the last digit hi.
    size = len(names)
    key = np.zeros(len(lo), dtype=np.int64)
    by_values = []
    for column in by:
        c, values = pd.factorize(part[column].astype(str))
        by_values.append(values)
        key = key * max(len(values), 1) + c[ok]
    key = (key * size + lo) * size + hi
    inverse, keys = pd.factorize(key)
    keys = np.asarray(keys, dtype=np.int64)
    counts = pd.DataFrame({
        "model_a": names[(keys // size) % size] if len(keys) else np.array([], dtype=object),
        "model_b": names[keys % size] if len(keys) else np.array([], dtype=object),
        "wins_a": np.bincount(inverse, weights=win_lo, minlength=len(keys)).astype(np.int64),
        "wins_b": np.bincount(inverse, weights=win_hi, minlength=len(keys)).astype(np.int64),
        "ties": np.bincount(inverse, weights=r == 2, minlength=len(keys)).astype(np.int64),
    })
    rest = keys // (size * size)
    for column, values in reversed(list(zip(by, by_values))):
        width = max(len(values), 1)
        counts.insert(0, column, np.asarray(values, dtype=object)[rest % width])
        rest = rest // width
    keys_columns = list(by) + ["model_a", "model_b"]
    counts["problem"] = ""

    problems = []
    kinds = [
        (missing_a, "empty model name in %s" % a_col, None),
        (missing_b, "empty model name in %s" % b_col, None),
        (self_play & ~bad_winner, "a model playing itself", a.to_numpy()),
        (bad_winner & ~missing_a & ~missing_b, "unknown winner label (expected %s)" %
         ", ".join('"%s"' % k for k in labels), part[winner_col].to_numpy()),
    ]
    for mask, kind, values in kinds:
        count = int(mask.sum())
        if count == 0:
            continue
        examples = values[mask][:_EXAMPLES] if values is not None else []
        row = {k: "" for k in keys_columns}
        row.update(wins_a=count, wins_b=0, ties=0, problem=kind,
                   model_a="; ".join(repr(x) for x in examples))
        problems.append(row)
    if problems:
        counts = pd.concat([counts, pd.DataFrame(problems)], ignore_index=True)
    return counts


def pair_counts(battles, by=None, columns=None, winner_labels=None):
    """Counts the battles of a Dask DataFrame (with model_a, model_b, winner,
    and the ``by`` columns) on its scheduler, and returns the pandas DataFrame
    ``[*by,] model_a, model_b, wins_a, wins_b, ties``: one row per pair (and
    per value of ``by``), the pair in one orientation (model_a sorts first),
    sorted. ``by=["category"]`` gives per-category counts, which
    ``podium.arena_from_counts(counts, category=...)`` rates.

    ``columns`` maps roles to other column names ({"model_a": "left", ...}),
    ``winner_labels`` maps the winner column's labels to roles
    ({"left": "model_a", "right": "model_b", "tie": "tie"}; only these are then
    accepted), as podium's --columns and --winner-labels do.

    Raises ValueError, naming every kind of problem found in any partition."""
    by = [by] if isinstance(by, str) else list(by or [])
    columns = dict(columns or {})
    a_col = columns.get("model_a", "model_a")
    b_col = columns.get("model_b", "model_b")
    winner_col = columns.get("winner", "winner")
    labels = _ARENA_LABELS if winner_labels is None else {
        label: ("tie" if role.startswith("tie") else role)
        for label, role in winner_labels.items()}
    unknown_roles = sorted(set(labels.values()) - {"model_a", "model_b", "tie"})
    if unknown_roles:
        raise ValueError("winner_labels: unknown role(s) %s (roles: model_a, model_b, tie, "
                         "tie (bothbad))" % ", ".join(unknown_roles))
    needed = [a_col, b_col, winner_col] + by
    absent = [c for c in needed if c not in battles.columns]
    if absent:
        raise ValueError("battles: missing column(s) %s" % ", ".join(absent))

    keys = by + ["model_a", "model_b"]
    meta = pd.DataFrame({**{k: pd.Series(dtype=object) for k in keys},
                         **{c: pd.Series(dtype=np.int64) for c in _COUNTS},
                         "problem": pd.Series(dtype=object)})
    per_partition = battles[needed].map_partitions(
        _partition_counts, by, a_col, b_col, winner_col, labels, meta=meta)
    # A tree reduction: partial sums of the partitions' counts, then one sum.
    totals = per_partition.groupby(keys + ["problem"], sort=False).agg(
        {"wins_a": "sum", "wins_b": "sum", "ties": "sum"}, split_out=1)
    totals = totals.compute().reset_index()

    problems = totals[totals["problem"] != ""]
    if len(problems):
        lines = ["battles: %d kind(s) of problem, no counts returned:" % len(problems)]
        for kind, rows in problems.groupby("problem", sort=True):
            examples = "; ".join(e for e in rows["model_a"] if e)
            lines.append("  error: %s: %d battle(s)%s" % (
                kind, int(rows["wins_a"].sum()), ", e.g. " + examples if examples else ""))
        raise ValueError("\n".join(lines))
    counts = totals[keys + _COUNTS].sort_values(keys, kind="stable").reset_index(drop=True)
    counts[_COUNTS] = counts[_COUNTS].astype(np.int64)
    return counts
