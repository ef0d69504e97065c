"""podium from Python: leaderboards with provenance, as pandas DataFrames.

Every function here runs the podium command of the same name inside this
process (the extension ``podium._core``, built by Bazel with pybind11): the same
readers, methods and reports as the ``podium`` command line, so a number is the
number of the command line's JSON for the same inputs (docs/python.md). No
method is implemented in Python; the GIL is released while a command runs.

Keyword arguments are the command's flags, spelled with underscores:
``rounds=200`` is ``--rounds 200``, ``exclude_ties=True`` is ``--exclude-ties``,
a list gives several values (``benchmarks=["mmlu", "gsm8k"]``), a dict gives
``KEY=VALUE`` pairs (``columns={"model_a": "left"}``), ``None`` and ``False``
leave the flag out. ``podium arena --help`` lists them.

Inputs are paths or DataFrames. A DataFrame is written to a private temporary
CSV (pandas ``to_csv``) and read by podium's own reader; its diagnostics then
name it ``DataFrame`` and count lines as in that CSV (line 1 is the header,
line N is row N - 2).

Bad input raises ``ValueError`` whose message holds every diagnostic, as
``path:line:col: error: ...``; warnings become ``PodiumWarning``.

    import podium
    board = podium.arena("battles.csv", rounds=1000, seed=1, threads=2)
    board.attrs["manifest"]            # inputs with SHA-256, options, seed
    counts = podium.pair_counts("battles.csv")
    podium.arena_from_counts(counts)   # the same board from the counts
"""

import csv
import io
import json
import os
import re
import tempfile
import warnings

import pandas as pd

__all__ = [
    "PodiumWarning", "CheckResult", "arena", "arena_from_counts", "pair_counts",
    "leaderboard", "h2h", "check", "import_results", "report", "command",
]


def _load_core():
    """The extension: next to this file when installed or run from Bazel's
    runfiles, else in the source tree's bazel-bin (after `bazel build
    //python/podium:podium`)."""
    try:
        from . import _core  # noqa: F401
        return _core
    except ImportError as installed_error:
        import importlib.machinery
        import importlib.util
        here = os.path.dirname(os.path.abspath(__file__))
        built = os.path.join(here, "..", "..", "bazel-bin", "python", "podium", "_core.so")
        if not os.path.exists(built):
            raise ImportError(
                "podium's extension _core.so is not built: run `bazel build "
                "//python/podium:podium` in the podium folder (or tools/test, or "
                "tools/install)") from installed_error
        loader = importlib.machinery.ExtensionFileLoader(__name__ + "._core", built)
        spec = importlib.util.spec_from_file_location(__name__ + "._core", built, loader=loader)
        module = importlib.util.module_from_spec(spec)
        loader.exec_module(module)
        return module


_core = _load_core()


class PodiumWarning(UserWarning):
    """A warning podium printed (e.g. a model with only wins)."""


class CheckResult:
    """What `check` found: ``ok`` (exit code 0), ``exit_code`` (0 nothing moved
    beyond tolerance, 1 something did), ``diff`` (the Markdown diff) and
    ``comparison`` (the podium.check JSON)."""

    def __init__(self, exit_code, diff, comparison):
        self.exit_code = exit_code
        self.ok = exit_code == 0
        self.diff = diff
        self.comparison = comparison

    def __bool__(self):
        return self.ok

    def __repr__(self):
        return "CheckResult(ok=%r, differences=%r)" % (
            self.ok, len(self.comparison.get("differences", [])) if self.comparison else None)


def _text(raw):
    return raw.decode("utf-8", errors="replace")


def _flag_value(value):
    if isinstance(value, dict):
        return ",".join("%s=%s" % (k, _flag_value(v)) for k, v in value.items())
    if isinstance(value, float):
        return repr(value)
    return os.fspath(value) if isinstance(value, os.PathLike) else str(value)


def _flags(options):
    """Keyword arguments -> podium flags (see the module's documentation)."""
    args = []
    for key, value in options.items():
        if value is None or value is False:
            continue
        flag = "--" + key.rstrip("_").replace("_", "-")
        if value is True:
            args.append(flag)
        elif isinstance(value, (list, tuple)):
            if value:
                args.append(flag)
                args.extend(_flag_value(v) for v in value)
        else:
            args += [flag, _flag_value(value)]
    return args


def _project(project):
    if project is not None:
        return os.fspath(project)
    return os.environ.get("PODIUM_HOME") or os.getcwd()


class _Inputs:
    """Paths for the inputs of one call: a path stays as given; a DataFrame (or
    a dict, for check) is written to a private temporary folder, removed when
    the call ends. `names` maps those temporary paths to what diagnostics and
    manifests call them."""

    def __init__(self):
        self._folder = None
        self.names = {}

    def __enter__(self):
        return self

    def __exit__(self, *exc):
        if self._folder is not None:
            self._folder.cleanup()

    def _path(self, file_name):
        if self._folder is None:
            self._folder = tempfile.TemporaryDirectory(prefix="podium-")
        return os.path.join(self._folder.name, "%d-%s" % (len(self.names), file_name))

    def csv(self, value, display="DataFrame"):
        if not isinstance(value, pd.DataFrame):
            return os.fspath(value)
        path = self._path("table.csv")
        # Columns holding dicts or lists (e.g. Arena JSON's conv_metadata) have
        # no CSV form; podium's CSV readers read the scalar columns they know.
        keep = [c for c in value.columns if not _nested(value[c])]
        value[keep].to_csv(path, index=False, lineterminator="\n")
        self.names[path] = display
        return path

    def json(self, value, display="dict"):
        if not isinstance(value, dict):
            return os.fspath(value)
        path = self._path("report.json")
        with open(path, "w", encoding="utf-8") as f:
            json.dump(value, f, ensure_ascii=False, indent=2)
        self.names[path] = display
        return path

    def output(self, file_name):
        return self._path(file_name)

    def rename(self, text):
        for path, display in self.names.items():
            text = text.replace(path, display)
        return text


def _nested(column):
    if column.dtype != object:
        return False
    first = column.first_valid_index()
    return first is not None and isinstance(column[first], (dict, list, tuple))


def _raise_or_warn(command, result, inputs):
    diagnostics = inputs.rename(_text(result["diagnostics"]))
    usage = _text(result["usage_error"])
    if usage:
        raise ValueError("podium %s: %s" % (command, usage))
    if result["code"] == 2:
        message = diagnostics.rstrip("\n") or "podium %s: error" % command
        if any(display == "DataFrame" for display in inputs.names.values()):
            message += "\n(in DataFrame, line 1 is the header and line N is row N - 2)"
        raise ValueError(message)
    for line in diagnostics.splitlines():
        if ": warning: " in line:
            warnings.warn(line, PodiumWarning, stacklevel=3)


def _run_report(command, positionals, options, fmt, inputs, project=None):
    args = ["--project", _project(project), command, *positionals, *_flags(options),
            "--format", fmt]
    result = _core.run_report(args)
    _raise_or_warn(command, result, inputs)
    return inputs.rename(_text(result["report"])), inputs.rename(_text(result["manifest"]))


_NAME_COLUMNS = ("model", "name", "model_a", "model_b", "benchmark", "category", "not_ranked")


def _frame(csv_text, manifest_text):
    """A CSV report -> DataFrame: numbers exactly as written (round trip), an
    empty cell or a number written `null` (no value) missing, and names kept
    as text (a model called "NA" or "null" stays one); the manifest in attrs."""
    header = next(csv.reader(io.StringIO(csv_text)), [])
    missing = {c: [""] if c in _NAME_COLUMNS else ["", "null"] for c in header}
    frame = pd.read_csv(io.StringIO(csv_text), keep_default_na=False, na_values=missing,
                        float_precision="round_trip",
                        dtype={c: str for c in header if c in _NAME_COLUMNS})
    frame.attrs["manifest"] = json.loads(manifest_text) if manifest_text else {}
    return frame


def report(command, *positionals, project=None, **options):
    """The JSON report of any report command (arena, leaderboard, h2h,
    robustness, netwin, plan, ...) as a dict, manifest included:
    ``report("arena", "battles.csv", rounds=100)["rows"]``. Positionals and
    options may be paths or DataFrames."""
    with _Inputs() as inputs:
        positionals = [inputs.csv(p) for p in positionals]
        options = {k: (inputs.csv(v) if isinstance(v, pd.DataFrame) else v)
                   for k, v in options.items()}
        text, _ = _run_report(command, positionals, options, "json", inputs, project)
    document = json.loads(text)
    for warning in document.get("warnings") or []:
        warnings.warn(str(warning), PodiumWarning, stacklevel=2)
    return document


def arena(battles, *, project=None, **options):
    """Ratings from battles (`podium arena`): a path (CSV, TSV, Arena JSON,
    JSON Lines or pair counts) or a DataFrame with model_a, model_b, winner
    (and, as options ask, judge, tstamp, category, ...). Returns the CSV
    report's rows as a DataFrame, the manifest in ``.attrs["manifest"]``.
    Options: method="bt"|"elo", ties=, ci="bootstrap"|"sandwich", rounds=,
    seed=, threads=, level=, anchor=, category=, exclude_ties=, control=,
    robustness=, loo=, ... (`podium arena --help`)."""
    with _Inputs() as inputs:
        path = inputs.csv(battles)
        text, manifest = _run_report("arena", [path], options, "csv", inputs, project)
    return _frame(text, manifest)


def pair_counts(battles, *, by=None, project=None, **options):
    """The sufficient statistics of battles (`podium counts`): one row per pair
    of models, ``model_a, model_b, wins_a, wins_b, ties`` (with ``by="category"``
    a first column ``category``, one row per category and pair). Reading options
    as for `arena` (columns=, winner_labels=, exclude_ties=, ...)."""
    with _Inputs() as inputs:
        path = inputs.csv(battles)
        text, manifest = _run_report("counts", [path], dict(options, by=by), "csv", inputs,
                                     project)
    return _frame(text, manifest)


_COUNT_COLUMNS = ["model_a", "model_b", "wins_a", "wins_b", "ties"]


def arena_from_counts(counts, *, category=None, project=None, **options):
    """`arena` on pair counts: a path, or a DataFrame as `pair_counts` or
    `podium.dask.pair_counts` return. Other grouping columns than
    ``category`` are summed over; ``category="math"`` keeps that category's
    rows. The ratings and intervals are those of the battles the counts come
    from (the bootstrap resamples the same cells)."""
    if isinstance(counts, pd.DataFrame):
        missing = [c for c in _COUNT_COLUMNS if c not in counts.columns]
        if missing:
            raise ValueError("counts: missing column(s) %s (expected %s)" % (
                ", ".join(missing), ", ".join(_COUNT_COLUMNS)))
        keys = (["category"] if category is not None and "category" in counts.columns else [])
        keys += ["model_a", "model_b"]
        if set(counts.columns) != set(keys + _COUNT_COLUMNS[2:]):
            counts = counts.groupby(keys, sort=False, as_index=False)[_COUNT_COLUMNS[2:]].sum()
        counts = counts[keys + _COUNT_COLUMNS[2:]]
    return arena(counts, project=project, category=category, **options)


def leaderboard(claims=None, registry=None, *, datasets=None, items=None, project=None,
                **options):
    """Ranks models from score claims (`podium leaderboard`). ``claims``: a
    path, a list of paths, or a DataFrame in podium's claims format (default:
    the project's datasets/claims/*.csv); ``registry``: a folder with
    models.csv, benchmarks.csv, sources.csv. Returns the CSV report's rows, the
    manifest in ``.attrs["manifest"]``."""
    with _Inputs() as inputs:
        if claims is not None and not isinstance(claims, (list, tuple)):
            claims = [claims]
        options = dict(options, registry=registry, datasets=datasets)
        if claims is not None:
            options["claims"] = [inputs.csv(c, "claims DataFrame") for c in claims]
        if items is not None:
            items = items if isinstance(items, (list, tuple)) else [items]
            options["items"] = [inputs.csv(i, "items DataFrame") for i in items]
        text, manifest = _run_report("leaderboard", [], options, "csv", inputs, project)
    return _frame(text, manifest)


def h2h(model_a=None, model_b=None, *, battles=None, project=None, **options):
    """Head-to-head (`podium h2h`): which differences between two models are
    real, from score claims or from ``battles`` (a path or DataFrame);
    ``all=True`` compares every pair. Returns the JSON report as a dict."""
    with _Inputs() as inputs:
        if battles is not None:
            options["battles"] = inputs.csv(battles)
        positionals = [m for m in (model_a, model_b) if m is not None]
        text, _ = _run_report("h2h", positionals, options, "json", inputs, project)
    return json.loads(text)


def check(baseline, current, **options):
    """Compares two reports or folders of reports (`podium check`): paths, or
    dicts as `report` returns. Options: abs_tol=, rel_tol=,
    allow_within_interval=, allow_better=, ignore=[...]. Returns a CheckResult
    (true when nothing moved beyond the tolerances)."""
    with _Inputs() as inputs:
        base = inputs.json(baseline, "baseline")
        cur = inputs.json(current, "current")
        diff_path, json_path = inputs.output("check.md"), inputs.output("check.json")
        code, out, err = _core.run(["check", base, cur, *_flags(options), "--out", diff_path,
                                    "--json", json_path])
        if code == 2:
            raise ValueError(inputs.rename(_text(err)).rstrip("\n"))
        with open(diff_path, encoding="utf-8") as f:
            diff = inputs.rename(f.read())
        with open(json_path, encoding="utf-8") as f:
            comparison = json.loads(inputs.rename(f.read()))
    return CheckResult(code, diff, comparison)


def import_results(format, files, into, **options):
    """Imports the results files of an evaluation tool into a dataset folder
    (`podium import FORMAT FILES --into DIR`): format is wide, lm-eval,
    inspect, helm, eee or battles. Returns what podium said (the summary).
    Then ``leaderboard(datasets=into)`` ranks them."""
    files = [files] if isinstance(files, (str, os.PathLike)) else list(files)
    code, out, err = _core.run(["import", format, *map(os.fspath, files), "--into",
                                os.fspath(into), *_flags(options)])
    if code != 0:
        raise ValueError(_text(err).rstrip("\n"))
    return _text(out) + _text(err)


def command(*args):
    """Runs ``podium ARGS...`` as the command line would (reports to --out
    files or returned): (exit code, standard output, standard error)."""
    code, out, err = _core.run([os.fspath(a) for a in args])
    return code, _text(out), _text(err)
