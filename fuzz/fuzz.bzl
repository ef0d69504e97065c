"""podium_fuzzer: one libFuzzer target and its regression test (fuzz/README.md)."""

def podium_fuzzer(name, deps, data = [], replay = []):
    """Declares the targets of fuzz target `name` (source NAME_fuzzer.cc).

    - NAME_fuzzer_lib: the target's LLVMFuzzerTestOneInput;
    - NAME_fuzzer: with --config=fuzz, the libFuzzer binary (clang-14,
      ASan + UBSan); otherwise a replay binary that runs the files or folders
      it is given once each (for reproducing a finding in the gcc build);
    - NAME_regression_test: replays fuzz/corpus/NAME (the seeds),
      fuzz/regressions/NAME (the crashes found, kept) and the project files
      in `replay`, one test case per file.

    Args:
      name: the target, e.g. "claims".
      deps: libraries the target's source uses.
      data: files the target reads at run time (datasets, reports).
      replay: more seeds for the regression test, as workspace paths of
        files or folders (in `data`), e.g. "datasets/claims".
    """
    lib = name + "_fuzzer_lib"
    native.cc_library(
        name = lib,
        srcs = [name + "_fuzzer.cc"],
        deps = deps + [":fuzz_input"],
        alwayslink = True,
    )
    native.cc_binary(
        name = name + "_fuzzer",
        deps = [":" + lib] + select({
            ":fuzzing": [],
            "//conditions:default": [":replay_main"],
        }),
        linkopts = select({
            ":fuzzing": ["-fsanitize=fuzzer"],
            "//conditions:default": [],
        }),
        data = data,
    )
    native.cc_test(
        name = name + "_regression_test",
        deps = [":" + lib, ":replay_test"],
        args = ["fuzz/corpus/" + name, "fuzz/regressions/" + name] + replay,
        data = data + native.glob(
            ["corpus/%s/**" % name, "regressions/%s/**" % name],
            allow_empty = True,
        ),
    )
