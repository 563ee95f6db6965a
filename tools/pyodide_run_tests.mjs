// Run the kb_logic tests inside real Pyodide (Python 3.14, WebAssembly) under Node.
//
//   node tools/pyodide_run_tests.mjs WHEEL_DIR [TESTS_DIR] [-- PYTEST_ARGS...]
//
// WHEEL_DIR holds the wheels of `python tools/build_wheels.py WHEEL_DIR --test-deps`
// (kb_logic, python-stdnum, pytest and its pure-Python dependencies). TESTS_DIR defaults to
// tests/logic; it is mounted read-write at /tests (NODEFS). Runs pytest on /tests plus the
// doctests of the installed kb_logic; tests marked no_pyodide are skipped there (conftest.py).
// Exit status: pytest's (0 = all passed); 3 if a wheel does not import.
import { readdirSync } from "node:fs";
import { dirname, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { createRequire } from "node:module";

const root = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const require = createRequire(resolve(root, "package.json"));
const { loadPyodide } = require("pyodide");

const argv = process.argv.slice(2);
const dash = argv.indexOf("--");
const positional = dash < 0 ? argv : argv.slice(0, dash);
const extra = dash < 0 ? [] : argv.slice(dash + 1);
if (positional.length < 1) {
  console.error("usage: node tools/pyodide_run_tests.mjs WHEEL_DIR [TESTS_DIR] [-- PYTEST_ARGS...]");
  process.exit(2);
}
const wheelDir = resolve(positional[0]);
const testsDir = resolve(positional[1] ?? resolve(root, "tests", "logic"));

const started = Date.now();
const pyodide = await loadPyodide({ indexURL: dirname(require.resolve("pyodide/pyodide.mjs")) + "/" });
// Raw writes, so pytest's progress dots stay on one line.
pyodide.setStdout({ write: (bytes) => { process.stdout.write(bytes); return bytes.length; } });
pyodide.setStderr({ write: (bytes) => { process.stderr.write(bytes); return bytes.length; } });
const wheels = readdirSync(wheelDir).filter((f) => f.endsWith(".whl")).map((f) => resolve(wheelDir, f));
for (const wheel of wheels) {
  await pyodide.loadPackage(wheel); // does not throw on failure: the imports below check
}
try {
  pyodide.runPython(`
import sys, kb_logic, stdnum, pytest
print(f"pyodide: Python {sys.version.split()[0]} on {sys.platform}; kb_logic {kb_logic.__version__}, "
      f"python-stdnum {stdnum.__version__}, pytest {pytest.__version__}")
`);
} catch (err) {
  console.error(`pyodide: a wheel from ${wheelDir} did not import:\n${err}`);
  process.exit(3);
}

pyodide.FS.mkdirTree("/tests");
pyodide.FS.mount(pyodide.FS.filesystems.NODEFS, { root: testsDir }, "/tests");
pyodide.globals.set("extra_args", pyodide.toPy(extra));
const status = pyodide.runPython(`
import os, sys, pytest, kb_logic
sys.dont_write_bytecode = True  # nothing written into the mounted tests folder
with open("/tmp/pytest.ini", "w") as ini:
    ini.write("[pytest]\\nmarkers =\\n    pyodide: runs kb_logic inside Pyodide\\n")
package = os.path.dirname(kb_logic.__file__)
pytest.main(["-q", "-p", "no:cacheprovider", "-p", "no:faulthandler", "-c", "/tmp/pytest.ini",
             "--rootdir", "/tests", "--doctest-modules", "/tests", package, *extra_args])
`);
console.log(`pyodide: pytest exit status ${status} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
process.exit(Number(status));
