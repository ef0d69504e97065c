// podium._core: the podium command line, run inside the Python process.
//
// The Python module (python/podium/__init__.py) turns its keyword arguments
// into the flags of a podium command and runs it here, through the same
// RunPodiumInMemory / RunPodium that `podium` and `podium regenerate` use: the
// same readers, methods and reports, so the numbers are those of the command
// line's JSON for the same inputs. Nothing of a method is implemented here.
//
// The GIL is released for the whole run (reading, fitting, bootstrapping);
// runs are serialized by one lock, because a run sets process-wide state
// (the project folder, the option spelling of diagnostics).
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <mutex>
#include <sstream>
#include <string>
#include <vector>

#include "engine/base/diagnostic.h"
#include "tools/cli.h"

namespace py = pybind11;

namespace {

std::mutex& RunLock() {
  static std::mutex lock;
  return lock;
}

// A report command (arena, leaderboard, h2h, ...) in memory: the report in the
// format asked for, its manifest when that format is not JSON, and every
// diagnostic as `podium` prints them (path:line:col: error: ...).
py::dict RunReport(const std::vector<std::string>& args) {
  std::string report, manifest, usage_error;
  podium::Diagnostics diagnostics;
  int findings = 0;
  int code = 0;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> hold(RunLock());
    code = podium::RunPodiumInMemory(args, &report, &diagnostics, &usage_error, &findings,
                                     &manifest);
  }
  std::ostringstream printed;
  diagnostics.Print(printed);
  py::dict result;
  result["code"] = code;
  result["report"] = py::bytes(report);
  result["manifest"] = py::bytes(manifest);
  result["diagnostics"] = py::bytes(printed.str());
  result["errors"] = diagnostics.error_count();
  result["usage_error"] = py::bytes(usage_error);
  result["findings"] = findings;
  return result;
}

// Any command as `podium args...` runs it (check, import, ...): exit code,
// standard output and standard error.
py::tuple Run(const std::vector<std::string>& args) {
  std::ostringstream out, err;
  int code = 0;
  {
    py::gil_scoped_release release;
    std::lock_guard<std::mutex> hold(RunLock());
    code = podium::RunPodium(args, out, err);
  }
  return py::make_tuple(code, py::bytes(out.str()), py::bytes(err.str()));
}

}  // namespace

PYBIND11_MODULE(_core, m) {
  m.doc() = "podium's command line, run in this process (see the podium package)";
  m.def("run_report", &RunReport, py::arg("args"),
        "Runs a report command in memory: dict(code, report, manifest, diagnostics, errors, "
        "usage_error, findings); text fields are UTF-8 bytes.");
  m.def("run", &Run, py::arg("args"),
        "Runs `podium args...`: (exit code, stdout bytes, stderr bytes).");
}
