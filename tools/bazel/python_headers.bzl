"""The C headers of Debian's python3 (python3-dev), wherever that Python keeps them.

The folder is asked of /usr/bin/python3 itself (sysconfig), so the extension is
built for the interpreter that will import it; nothing is downloaded.
"""

def _python_headers_impl(ctx):
    python = ctx.attr.python
    result = ctx.execute([python, "-c", "import sysconfig; print(sysconfig.get_paths()['include'])"])
    if result.return_code != 0:
        fail("%s could not name its include folder (is python3-dev installed? tools/setup): %s" %
             (python, result.stderr))
    include = result.stdout.strip()
    if not ctx.path(include + "/Python.h").exists:
        fail("%s/Python.h is missing: install python3-dev (tools/setup)" % include)
    ctx.symlink(include, "include")
    ctx.file("BUILD", """# The headers of %s (from %s).
cc_library(
    name = "python_headers",
    hdrs = glob(["include/**/*.h"]),
    strip_include_prefix = "include",
    visibility = ["//visibility:public"],
)
""" % (python, include))

python_headers = repository_rule(
    implementation = _python_headers_impl,
    attrs = {"python": attr.string(default = "/usr/bin/python3")},
    local = True,
)
