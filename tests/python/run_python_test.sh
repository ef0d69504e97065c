#!/bin/bash
# Runs a Python test file of this folder with Debian's python3 and the podium
# package of the runfiles (python/podium: __init__.py, dask.py, _core.so):
#   run_python_test.sh TEST_FILE.py
# The file's cases are written to Bazel's test.xml (junit_runner.py).
set -euo pipefail
readonly RUNFILES="${TEST_SRCDIR:?run with bazel test}/${TEST_WORKSPACE:-podium}"
export PYTHONPATH="$RUNFILES/python"
export PODIUM_BIN="$RUNFILES/tools/podium_bin"
export PODIUM_RUNFILES="$RUNFILES"
export PYTHONDONTWRITEBYTECODE=1
export HOME="${TEST_TMPDIR:-/tmp}"   # Dask writes its configuration folder here
cd "$RUNFILES"
exec /usr/bin/python3 "$RUNFILES/tests/python/junit_runner.py" "$RUNFILES/tests/python/$1"
