"""Runs one unittest file and writes its cases as JUnit XML to
$XML_OUTPUT_FILE (Bazel's test.xml), so that tools/test counts every case.

    /usr/bin/python3 junit_runner.py TEST_FILE.py
Exit code 0 when every case passed (skips included), 1 otherwise.
"""
import importlib.util
import os
import sys
import time
import unittest
from xml.sax.saxutils import quoteattr, escape


class _Recorder(unittest.TextTestResult):
    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.cases = []  # (class, name, seconds, kind, text)
        self._start = 0.0

    def startTest(self, test):
        self._start = time.monotonic()
        super().startTest(test)

    def _record(self, test, kind, text=""):
        cls, _, name = test.id().rpartition(".")
        self.cases.append((cls, name, time.monotonic() - self._start, kind, text))

    def addSuccess(self, test):
        super().addSuccess(test)
        self._record(test, "passed")

    def addFailure(self, test, err):
        super().addFailure(test, err)
        self._record(test, "failure", self.failures[-1][1])

    def addError(self, test, err):
        super().addError(test, err)
        self._record(test, "error", self.errors[-1][1])

    def addSkip(self, test, reason):
        super().addSkip(test, reason)
        self._record(test, "skipped", reason)


def _write_xml(path, suite_name, cases):
    count = {k: sum(1 for c in cases if c[3] == k) for k in ("failure", "error", "skipped")}
    total = sum(c[2] for c in cases)
    lines = ['<?xml version="1.0" encoding="UTF-8"?>',
             '<testsuites tests="%d" failures="%d" errors="%d" skipped="%d" time="%.3f">' % (
                 len(cases), count["failure"], count["error"], count["skipped"], total),
             '  <testsuite name=%s tests="%d" failures="%d" errors="%d" skipped="%d" '
             'time="%.3f">' % (quoteattr(suite_name), len(cases), count["failure"],
                               count["error"], count["skipped"], total)]
    for cls, name, seconds, kind, text in cases:
        lines.append('    <testcase classname=%s name=%s time="%.3f">' % (
            quoteattr(cls), quoteattr(name), seconds))
        if kind == "skipped":
            lines.append("      <skipped message=%s/>" % quoteattr(text))
        elif kind != "passed":
            lines.append("      <%s>%s</%s>" % (kind, escape(text), kind))
        lines.append("    </testcase>")
    lines += ["  </testsuite>", "</testsuites>"]
    with open(path, "w", encoding="utf-8") as f:
        f.write("\n".join(lines) + "\n")


def main():
    path = sys.argv[1]
    name = os.path.splitext(os.path.basename(path))[0]
    spec = importlib.util.spec_from_file_location(name, path)
    module = importlib.util.module_from_spec(spec)
    sys.modules[name] = module
    spec.loader.exec_module(module)
    suite = unittest.defaultTestLoader.loadTestsFromModule(module)
    runner = unittest.TextTestRunner(resultclass=_Recorder, verbosity=2, stream=sys.stdout)
    result = runner.run(suite)
    if os.environ.get("XML_OUTPUT_FILE"):
        _write_xml(os.environ["XML_OUTPUT_FILE"], name, result.cases)
    return 0 if result.wasSuccessful() else 1


if __name__ == "__main__":
    sys.exit(main())
