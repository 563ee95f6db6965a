// Makes the Pyodide memory snapshot the helpers boot from: Python started, kb_logic and python-stdnum
// imported and warmed (every bridge call in both languages, a VAT number of every country, so the country
// modules stdnum imports lazily are already in memory).
//
//   node tools/make_snapshot.mjs RUNTIME_DIR OUT_FILE
//
// RUNTIME_DIR holds the vendored runtime, pyodide-lock.json and the wheels (as in the built site). Same
// pinned Pyodide as the browser (node_modules/pyodide). The wheels are unpacked from Python rather than
// with loadPackage: loadPackage leaves JavaScript references in Python, which a snapshot cannot hold.
import { readFileSync, writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { loadPyodide, version } from "pyodide";

const [runtimeDir, outFile] = process.argv.slice(2).map((p) => resolve(p));
if (!runtimeDir || !outFile) {
  console.error("usage: node tools/make_snapshot.mjs RUNTIME_DIR OUT_FILE");
  process.exit(2);
}
const lock = JSON.parse(readFileSync(join(runtimeDir, "pyodide-lock.json"), "utf8"));
const started = performance.now();
const pyodide = await loadPyodide({
  indexURL: runtimeDir + "/", lockFileURL: join(runtimeDir, "pyodide-lock.json"), _makeSnapshot: true,
  stdout: () => {}, stderr: (line) => console.error(line),
});
for (const { file_name: wheel } of Object.values(lock.packages)) {
  pyodide.FS.writeFile(`/tmp/${wheel}`, readFileSync(join(runtimeDir, wheel)));
}
pyodide.runPython(`
import gc, glob, json, site, zipfile
for wheel in glob.glob("/tmp/*.whl"):
    zipfile.ZipFile(wheel).extractall(site.getsitepackages()[0])

from kb_logic import bridge, vat
EXAMPLES = {
    "eligibility": {"entity": "company", "registered": True, "annual_amount": 2000, "currency": "CHF",
                    "provides_support": True, "handles_billing": True, "exclusive_tenders": True,
                    "accepts_conditions": True},
    "access": {"partners": [{"name": "A", "access": "limited", "products": ["web"]}],
               "request": {"name": "B", "access": "limited", "products": ["mail"]}},
    "payment": {"access": "full", "payer": "partner", "price": 100, "rate": 0.2, "currency": "EUR"},
    "vat": {"number": "CHE-116.281.710 MWST"},
    "onboarding": {"flow": "access_client_account", "role": "collaborator"},
    "support_code": {"premium_support": True},
}
for lang in ("fr", "en"):
    for name, payload in EXAMPLES.items():
        answer = bridge.call(name, {**payload, "lang": lang})
        assert "error" not in answer, (name, answer)
    for country in vat.COUNTRIES:
        json.dumps(bridge.call("vat", {"number": country + "123456789", "lang": lang}))
    bridge.call("nope", {"lang": lang})  # the error path too
`);
// The stdlib files the warmed interpreter came from: the snapshot boot ships only these (a reduced
// python_stdlib.zip). zipimport's cached directory of the full zip must not survive into the snapshot:
// it holds offsets into that file, and later imports would read the reduced one through them.
const stdlibFiles = JSON.parse(pyodide.runPython(`
import sys, zipimport
PREFIX = next(p for p in sys.path if p.endswith(".zip")) + "/"  # /lib/python3XX.zip/
used = sorted({m.__file__[len(PREFIX):] for m in list(sys.modules.values())
               if isinstance(getattr(m, "__file__", None), str) and m.__file__.startswith(PREFIX)})
zipimport._zip_directory_cache.clear()
sys.path_importer_cache.clear()
gc.collect()
json.dumps(used)
`));
const snapshot = pyodide.makeMemorySnapshot();
writeFileSync(outFile, snapshot);
console.log(JSON.stringify({
  pyodide: version, bytes: snapshot.length, ms: Math.round(performance.now() - started), stdlib_files: stdlibFiles,
}));
