// The lean library and the Pyodide memory snapshot the helpers boot from. Two steps, each its own process
// (a snapshot must come from an interpreter that never saw the full stdlib):
//
//   node tools/make_snapshot.mjs lib RUNTIME_DIR OUT_ZIP
//       Boots from the full stdlib with the wheels unpacked, imports kb_logic through
//       widgets/runtime/bridge.py and warms it, then writes OUT_ZIP: only the files the warmed
//       interpreter imported (stdlib, kb_logic, the python-stdnum modules the answers reach) as bytecode,
//       stored uncompressed so that brotli compresses across files. The stdlib of the snapshot and lean boots.
//   node tools/make_snapshot.mjs snapshot RUNTIME_DIR LIB_ZIP OUT_FILE [--skip-country XX]
//       Boots from LIB_ZIP alone (kb_logic comes from it, as in the browser), warms, collects garbage,
//       zeroes the memory Python freed, and writes the snapshot. --skip-country leaves one country's
//       module out of the warm-up (tests: a snapshot that lacks a module).
//
// RUNTIME_DIR holds the vendored runtime, pyodide-lock.json and the wheels. Same pinned Pyodide as the
// browser (node_modules/pyodide). The wheels are unpacked from Python: loadPackage leaves JavaScript
// references in Python, which a snapshot cannot hold. Prints one JSON object on stdout.
import { readFileSync, writeFileSync } from "node:fs";
import { dirname, join, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { loadPyodide, version } from "pyodide";

const ROOT = resolve(dirname(fileURLToPath(import.meta.url)), "..");
const BRIDGE = readFileSync(join(ROOT, "widgets", "runtime", "bridge.py"), "utf8");
const [step, ...args] = process.argv.slice(2);
const skip = args.includes("--skip-country") ? args[args.indexOf("--skip-country") + 1] : "";
const [runtimeDir, input, output] = args.filter((a, i) => !a.startsWith("--") && args[i - 1] !== "--skip-country")
  .map((p) => resolve(p));
if (!["lib", "snapshot"].includes(step) || !runtimeDir || !input || (step === "snapshot" && !output)) {
  console.error("usage: node tools/make_snapshot.mjs lib RUNTIME_DIR OUT_ZIP\n" +
                "       node tools/make_snapshot.mjs snapshot RUNTIME_DIR LIB_ZIP OUT_FILE [--skip-country XX]");
  process.exit(2);
}
const started = performance.now();

// Every bridge call in both languages, and VAT numbers of every country in several shapes (lengths,
// letters), so that the stdnum modules kb_logic reaches, including those imported lazily, are loaded.
const WARM = `
import json
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
from kb_logic import vat as _vat
SHAPES = [str(10 ** n + 7)[:n] for n in range(1, 15)] + ["A1234567", "12345678A", "B12345678", "1234567X9"]
for lang in ("fr", "en"):
    for name, payload in EXAMPLES.items():
        answer = bridge.call(name, {**payload, "lang": lang})
        assert "error" not in answer, (name, answer)
    for country in _vat.COUNTRIES:
        if country == ${JSON.stringify(skip)}:
            continue
        for shape in SHAPES:
            answer = bridge.call("vat", {"number": country + shape, "lang": lang})
            assert answer.get("error", {}).get("code") != "internal", (country, shape, answer)
            json.dumps(answer)
    bridge.call("nope", {"lang": lang})  # the error path too
del EXAMPLES, SHAPES, _vat
`;

async function boot(stdLibURL) {
  return loadPyodide({
    indexURL: runtimeDir + "/", lockFileURL: join(runtimeDir, "pyodide-lock.json"), _makeSnapshot: true,
    ...(stdLibURL ? { stdLibURL } : {}), stdout: () => {}, stderr: (line) => console.error(line),
  });
}

if (step === "lib") {
  const pyodide = await boot();
  const lock = JSON.parse(readFileSync(join(runtimeDir, "pyodide-lock.json"), "utf8"));
  for (const { file_name: wheel } of Object.values(lock.packages)) {
    pyodide.FS.writeFile(`/tmp/${wheel}`, readFileSync(join(runtimeDir, wheel)));
  }
  pyodide.runPython(`
import glob, site, zipfile
for wheel in glob.glob("/tmp/*.whl"):
    zipfile.ZipFile(wheel).extractall(site.getsitepackages()[0])
`);
  pyodide.runPython(BRIDGE);
  pyodide.runPython(WARM);
  const made = JSON.parse(pyodide.runPython(`
import importlib.util, json, marshal, site, sys, zipfile
STDLIB = next(p for p in sys.path if p.endswith(".zip")) + "/"  # /lib/python3XX.zip/
SITE = site.getsitepackages()[0] + "/"
assert "stdnum.numdb" not in sys.modules, "stdnum data files are read: ship them in the lean zip"
files = {}
for module in list(sys.modules.values()):
    path = getattr(module, "__file__", None)
    if not isinstance(path, str):
        continue
    for prefix in (STDLIB, SITE):
        if path.startswith(prefix):
            files[path[len(prefix):]] = path
def pyc(source, name):
    """Unchecked hash-based bytecode (PEP 552), valid without its source: importing from source would cost
    the lean boot about 1.2 s of compiling (for 0.5 MB more brotli)."""
    code = marshal.dumps(compile(source, name, "exec", dont_inherit=True))
    return importlib.util.MAGIC_NUMBER + (1).to_bytes(4, "little") + importlib.util.source_hash(source) + code

with zipfile.ZipFile(STDLIB[:-1]) as stdlib, zipfile.ZipFile("/tmp/lib.zip", "w", zipfile.ZIP_STORED) as out:
    for name in sorted(files):
        data = stdlib.read(name) if files[name].startswith(STDLIB) else open(files[name], "rb").read()
        if name.endswith(".py"):
            name, data = name + "c", pyc(data, name)
        out.writestr(zipfile.ZipInfo(name, date_time=(1980, 1, 1, 0, 0, 0)), data)  # reproducible
json.dumps({"files": len(files), "stdnum_modules": sorted(n for n in sys.modules if n.startswith("stdnum."))})
`));
  const zip = pyodide.FS.readFile("/tmp/lib.zip");
  writeFileSync(input, zip);
  console.log(JSON.stringify({ ...made, bytes: zip.length, ms: Math.round(performance.now() - started) }));
} else {
  const pyodide = await boot(input);
  pyodide.runPython(BRIDGE);
  pyodide.runPython(WARM);
  // What would otherwise sit in the snapshot only because of how it was made: the zip directory cache
  // (offsets into this build's file), importer caches, regex and type caches, and everything unreachable.
  pyodide.runPython(`
import gc, re, sys, zipimport
zipimport._zip_directory_cache.clear()
sys.path_importer_cache.clear()
re.purge()
getattr(sys, "_clear_internal_caches", sys._clear_type_cache)()
gc.collect()
`);
  zeroFreedMemory(pyodide._module);
  const snapshot = pyodide.makeMemorySnapshot();
  writeFileSync(output, snapshot);
  console.log(JSON.stringify({ pyodide: version, bytes: snapshot.length, ms: Math.round(performance.now() - started) }));
}

// Memory Python freed still holds its old bytes, which the snapshot would carry (and brotli compress):
// allocate every free block malloc has, largest first, zero it, and free it again. Never beyond the
// current memory size (growing it would make the snapshot larger). Brotli: -0.8 MB on the snapshot.
function zeroFreedMemory(M) {
  const brk = () => M.HEAPU32[M._emscripten_get_sbrk_ptr() / 4];
  const held = [];
  for (let size = 1 << 22; size >= 16; size >>= 1) {
    while (brk() + size + 65536 <= M.HEAPU8.length) {
      const pointer = M._malloc(size);
      if (!pointer) break;
      M.HEAPU8.fill(0, pointer, pointer + size);
      held.push(pointer);
    }
  }
  for (const pointer of held) M._free(pointer);
}
