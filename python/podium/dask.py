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
    an example in model_a."""
    a = part[a_col].astype(object).to_numpy()
    b = part[b_col].astype(object).to_numpy()
    role = part[winner_col].map(labels).to_numpy()
    missing_a = pd.isna(a) | (a == "")
    missing_b = pd.isna(b) | (b == "")
    bad_winner = pd.isna(role)
    self_play = ~missing_a & ~missing_b & (a == b)
    ok = ~(missing_a | missing_b | bad_winner | self_play)

    # Each pair in one orientation (model_a sorts first), wins swapped with it.
    a_ok, b_ok, role_ok = a[ok].astype(str), b[ok].astype(str), role[ok]
    swap = a_ok > b_ok
    win_a = role_ok == "model_a"
    win_b = role_ok == "model_b"
    frame = pd.DataFrame({
        "model_a": np.where(swap, b_ok, a_ok),
        "model_b": np.where(swap, a_ok, b_ok),
        "wins_a": np.where(swap, win_b, win_a).astype(np.int64),
        "wins_b": np.where(swap, win_a, win_b).astype(np.int64),
        "ties": (role_ok == "tie").astype(np.int64),
    })
    for column in reversed(by):
        frame.insert(0, column, part[column].to_numpy()[ok].astype(str))
    keys = list(by) + ["model_a", "model_b"]
    counts = frame.groupby(keys, sort=False, as_index=False)[_COUNTS].sum()
    counts["problem"] = ""

    problems = []
    kinds = [
        (missing_a, "empty model name in %s" % a_col, None),
        (missing_b, "empty model name in %s" % b_col, None),
        (self_play & ~bad_winner, "a model playing itself", a),
        (bad_winner & ~missing_a & ~missing_b, "unknown winner label (expected %s)" %
         ", ".join('"%s"' % k for k in labels), part[winner_col].to_numpy()),
    ]
    for mask, kind, values in kinds:
        n = int(mask.sum())
        if n == 0:
            continue
        examples = values[mask][:_EXAMPLES] if values is not None else []
        row = {k: "" for k in keys}
        row.update(wins_a=n, wins_b=0, ties=0, problem=kind,
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
