// The one bridge between the page and Python: a dedicated Web Worker that hosts Pyodide for every helper
// of the page and answers {name, payload} with kb_logic.bridge.call(name, payload). The main thread never
// runs Python. Messages in:  {type: "call", id, name, payload}
//                 out: {type: "progress", loaded, total} | {type: "ready", ms, timings} | {type: "failed", reason}
//                      {type: "answer", id, result}
//
// Boot: from the memory snapshot the build made (Python started, kb_logic imported and warmed) when it
// matches this Pyodide; otherwise, or if it fails, a normal boot that loads the wheels by name from the
// lock file (sha256-checked). Both paths answer the same.
import { loadPyodide, version } from "../pyodide/pyodide.mjs";

const runtimeBase = new URL("../pyodide/", import.meta.url);
const post = (message) => self.postMessage(message);
const timings = {};
const since = (start) => Math.round(performance.now() - start);

// Counts the bytes of every response as it streams in, against the total the build wrote in the
// manifest, so the helper can show honest progress (Pyodide itself reports none).
// A failed download is fatal, and said at once: Pyodide logs a failed wasm fetch and then waits forever.
const realFetch = self.fetch.bind(self);
const optional = new Set(); // URLs whose failure only means "boot without it" (the snapshot)
let loaded = 0;
let total = 0;
self.fetch = async (input, init) => {
  let response;
  try {
    response = await realFetch(input, init);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${response.url}`);
  } catch (error) {
    if (!optional.has(String(input))) fail(error);
    throw error;
  }
  // Count on a clone and hand Pyodide the original response: WebAssembly.instantiateStreaming keeps its
  // URL and cache entry, so a returning reader's browser reuses the compiled wasm instead of compiling again.
  if (response.body && total) countBytes(response.clone()).catch(() => {}); // the original reports failures
  return response;
};

let lastReport = 0;
async function countBytes(response) {
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    loaded += value.byteLength; // decoded bytes: the manifest's sizes are uncompressed
    const now = performance.now();
    if (now - lastReport > 50) { // a few updates a second are enough for a progress bar
      lastReport = now;
      post({ type: "progress", loaded: Math.min(loaded, total), total });
    }
  }
  post({ type: "progress", loaded: Math.min(loaded, total), total });
}

const BRIDGE = `
import json
from kb_logic import bridge

def _kb_call(name, payload_json):
    return json.dumps(bridge.call(name, json.loads(payload_json)), ensure_ascii=False, allow_nan=False)
_kb_call
`;

function options(manifest) {
  return {
    indexURL: runtimeBase.href,
    lockFileURL: new URL("pyodide-lock.json", runtimeBase).href,
    stdLibURL: new URL(manifest.stdlib, runtimeBase).href,
  };
}

async function bootFromSnapshot(manifest) {
  const start = performance.now();
  const url = new URL(manifest.snapshot.file, runtimeBase).href;
  optional.add(url);
  // Handed over as a promise: Pyodide fetches and compiles the wasm while the snapshot downloads.
  const bytes = fetch(url).then((response) => response.arrayBuffer())
    .then((buffer) => { timings.fetch_snapshot = since(start); return buffer; });
  const stdLibURL = new URL(manifest.snapshot.stdlib, runtimeBase).href; // only what the snapshot imported
  const pyodide = await loadPyodide({ ...options(manifest), stdLibURL, _loadSnapshot: bytes });
  timings.boot = since(start);
  const imported = performance.now();
  const call = pyodide.runPython(BRIDGE);
  timings.imports = since(imported);
  return { call, from: "snapshot" };
}

async function bootNormally(manifest) {
  total += Object.values(manifest.fallback_files).reduce((a, b) => a + b, 0);
  let start = performance.now();
  const pyodide = await loadPyodide(options(manifest));
  timings.boot = since(start);
  start = performance.now();
  await pyodide.loadPackage(manifest.packages, { messageCallback: () => {}, errorCallback: console.warn });
  timings.packages = since(start);
  start = performance.now();
  const call = pyodide.runPython(BRIDGE); // loadPackage does not throw on a failed download: this import does
  timings.imports = since(start);
  return { call, from: "wheels" };
}

async function boot({ skipSnapshot = false } = {}) {
  const started = performance.now();
  const manifest = await (await realFetch(new URL("manifest.json", runtimeBase))).json();
  total = Object.values(manifest.files).reduce((a, b) => a + b, 0);
  const snapshot = manifest.snapshot;
  let ready = null;
  if (!skipSnapshot && snapshot && snapshot.pyodide === version) {
    try {
      ready = await bootFromSnapshot(manifest);
    } catch (error) {
      // A snapshot that does not load must not cost the reader the helper: boot normally.
      console.warn("kb: memory snapshot unusable, booting without it:", error);
    }
  } else if (snapshot) {
    console.warn(`kb: snapshot made for Pyodide ${snapshot.pyodide}, runtime is ${version}: booting without it`);
  }
  if (!ready) {
    timings.snapshot_failed = Boolean(snapshot);
    ready = await bootNormally(manifest);
  }
  timings.total = since(started);
  return ready;
}

let runtime = null;
let failedOnce = false;
function fail(error) {
  if (failedOnce || runtime) return;
  failedOnce = true;
  post({ type: "failed", reason: String(error && error.message ? error.message : error) });
}

const announce = (ready) => {
  runtime = ready;
  post({ type: "ready", ms: timings.total, timings: { ...timings, from: ready.from } });
};
let booting = boot().then((ready) => { if (!failedOnce) announce(ready); }, fail);

const answer = (name, payload) => JSON.parse(runtime.call(name, JSON.stringify(payload)));

// Waits for the boot in progress, including a reboot that started while waiting.
async function settled() {
  let current;
  do {
    current = booting;
    await current;
  } while (current !== booting);
}

self.onmessage = async ({ data }) => {
  if (data.type !== "call") return;
  await settled();
  if (!runtime) return; // "failed" was already posted; the page offers a retry (a new worker)
  let result;
  try {
    result = answer(data.name, data.payload);
    if (result.error?.code === "internal" && runtime.from === "snapshot") {
      // Something the snapshot lacks (a module never imported while warming): redo it without the snapshot.
      console.warn("kb: answer failed from the snapshot, rebooting from the wheels:", result.error.message);
      runtime = null;
      booting = boot({ skipSnapshot: true }).then((ready) => { runtime = ready; }, fail);
      await settled();
      if (!runtime) return;
      result = answer(data.name, data.payload);
    }
  } catch (error) {
    result = { error: { code: "internal", message: String(error), field: null } };
  }
  post({ type: "answer", id: data.id, result });
};
