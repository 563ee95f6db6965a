// The one bridge between the page and Python: a dedicated Web Worker that hosts Pyodide for every helper
// of the page and answers {name, payload} with kb_logic.bridge.call(name, payload). The main thread never
// runs Python. Messages in:  {type: "call", id, name, payload}
//                 out: {type: "progress", loaded, total} | {type: "ready", ms} | {type: "failed", reason}
//                      {type: "answer", id, result}
import { loadPyodide } from "../pyodide/pyodide.mjs";

const runtimeBase = new URL("../pyodide/", import.meta.url);
const post = (message) => self.postMessage(message);

// Counts the bytes of every response as it streams in, against the total the build wrote in the
// manifest, so the helper can show honest progress (Pyodide itself reports none).
// A failed download is fatal, and said at once: Pyodide logs a failed wasm fetch and then waits forever.
function countDownloads(total) {
  let loaded = 0;
  const realFetch = self.fetch.bind(self);
  self.fetch = async (input, init) => {
    let response;
    try {
      response = await realFetch(input, init);
      if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${response.url}`);
    } catch (error) {
      fail(error);
      throw error;
    }
    if (!response.body) return response;
    const counter = new TransformStream({
      transform(chunk, controller) {  // counts decoded bytes: the manifest's sizes are uncompressed
        loaded += chunk.byteLength;
        post({ type: "progress", loaded: Math.min(loaded, total), total });
        controller.enqueue(chunk);
      },
    });
    return new Response(response.body.pipeThrough(counter), {
      status: response.status, statusText: response.statusText, headers: response.headers,
    });
  };
}

async function boot() {
  const started = performance.now();
  const manifest = await (await fetch(new URL("manifest.json", runtimeBase))).json();
  countDownloads(manifest.total_bytes);
  let snapshot = null;
  if (manifest.snapshot) {
    snapshot = await fetch(new URL(manifest.snapshot, runtimeBase)).then((r) => r.arrayBuffer()).catch(() => null);
  }
  const options = {
    indexURL: runtimeBase.href,
    lockFileURL: new URL("pyodide-lock.json", runtimeBase).href,
    stdLibURL: new URL(manifest.stdlib, runtimeBase).href,
  };
  let pyodide;
  try {
    pyodide = await loadPyodide(snapshot ? { ...options, _loadSnapshot: snapshot } : options);
    if (snapshot) pyodide.runPython("import kb_logic.bridge");
  } catch (error) {
    if (!snapshot) throw error;
    // A snapshot that does not match this runtime must not cost the reader the helper: boot normally.
    console.warn("kb: memory snapshot unusable, booting without it:", error);
    pyodide = await loadPyodide(options);
  }
  if (!pyodide.runPython("'kb_logic.bridge' in __import__('sys').modules")) {
    await pyodide.loadPackage(manifest.packages, { messageCallback: () => {}, errorCallback: console.warn });
  }
  // loadPackage does not throw when a download fails: importing is the real check.
  const call = pyodide.runPython(`
import json
from kb_logic import bridge

def _kb_call(name, payload_json):
    return json.dumps(bridge.call(name, json.loads(payload_json)), ensure_ascii=False, allow_nan=False)
_kb_call
`);
  return { call, ms: performance.now() - started };
}

let runtime = null;
let failed = false;
function fail(error) {
  if (failed || runtime) return;
  failed = true;
  post({ type: "failed", reason: String(error && error.message ? error.message : error) });
}
const booting = boot().then(
  (ready) => { if (!failed) { runtime = ready; post({ type: "ready", ms: ready.ms }); } },
  fail,
);

self.onmessage = async ({ data }) => {
  if (data.type !== "call") return;
  await booting;
  if (!runtime) return; // "failed" was already posted; the page offers a retry (a new worker)
  let result;
  try {
    result = JSON.parse(runtime.call(data.name, JSON.stringify(data.payload)));
  } catch (error) {
    result = { error: { code: "internal", message: String(error), field: null } };
  }
  post({ type: "answer", id: data.id, result });
};
