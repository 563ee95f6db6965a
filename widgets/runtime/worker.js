// The one bridge between the page and Python: a dedicated Web Worker that hosts Pyodide for every helper
// of the page and answers {name, payload} with kb_logic.bridge.call(name, payload). The main thread never
// runs Python. The page creates it as it loads. A returning reader's worker, which has local copies of
// this deploy's snapshot, wasm and zip (copies.js), boots from them at once: no download, about 0.4 s of
// this thread. Any other waits for the page's "start" (a helper in view, or touched), having fetched only
// the manifest. Messages in:  {type: "start", saveData} | {type: "call", id, name, payload} (a call also starts)
//                 out: {type: "progress", loaded, total} | {type: "ready", ms, timings} | {type: "failed", reason}
//                      {type: "answer", id, result}
//
// Every runtime file comes under a content-hashed name that the build writes in manifest.json (cached
// `immutable`: a returning reader's visit needs no network for them), and the worker keeps local copies of
// the big ones (copies.js: read faster than the HTTP cache). Three boot paths, all answering the same:
// - snapshot: the memory snapshot the build made (Python started, kb_logic imported and warmed) and the
//   lean library zip (only the files it imported). Fast on a fast link: no interpreter start-up to pay.
// - lean: the same zip without the snapshot: about 2 s more CPU, 3.7 MB fewer bytes. Chosen when the link,
//   measured on the first bytes of the wasm, would take longer than that to bring the snapshot.
// - wheels: the full stdlib and the wheels loaded by name from the lock file (sha256-checked). Used when
//   the snapshot does not match this Pyodide or fails, and when an answer needs a module the other two lack.
import * as copies from "./copies.js";

const runtimeBase = new URL("../pyodide/", import.meta.url);
const post = (message) => self.postMessage(message);
const timings = {};
const since = (start) => Math.round(performance.now() - start);
const at = (name) => new URL(name, runtimeBase).href;

// Extra CPU of a boot without the snapshot over a boot from it (this machine's Chromium, `make bench`:
// floor 2.0 s after its last byte vs 0.3 s to restore a snapshot). The snapshot is worth its bytes when
// the link brings them faster than that.
const LEAN_EXTRA_MS = 1700;
const PROBE_BYTES = 192 * 1024; // wire bytes measured before choosing (0.15 s at 10 Mbit/s)
const COPY_AFTER_MS = 1000; // local copies are written after this long without a call (README "Deploying")

// Counts the bytes of every response as it streams in, against the total the build wrote in the
// manifest, so the helper can show honest progress (Pyodide itself reports none); the same count measures
// the link. A failed download is fatal, and said at once: Pyodide logs a failed wasm fetch and then waits
// forever.
const realFetch = self.fetch.bind(self);
const optional = new Set(); // URLs whose failure only means "boot another way" (the snapshot)
const prefetched = new Map(); // URL -> response promise started before loadPyodide asked for it
const aliases = new Map(); // the names Pyodide asks for -> their content-hashed names
let loaded = 0;
let total = 0;
const link = { wire: 0, first: 0, waiters: [] };
let ratios = {}; // URL -> wire bytes per decoded byte (brotli sizes from the manifest)
const finished = new Map(); // URL -> promise settled when its body has been read
const local = new Map(); // URL -> {bytes, module?} of a local copy (copies.js), until Pyodide asks for it
const compiled = new WeakMap(); // Response made from a local wasm copy -> its module, being compiled

// A wasm from a local copy is compiled as soon as it is read, while Pyodide's own start-up runs; a copy
// that does not compile (damaged) is deleted, and the HTTP cache, or the network, serves the wasm instead.
const instantiateStreaming = WebAssembly.instantiateStreaming.bind(WebAssembly);
WebAssembly.instantiateStreaming = async (source, imports) => {
  const response = await source;
  const copy = compiled.get(response);
  if (!copy) return instantiateStreaming(response, imports);
  try {
    const module = await copy.module;
    return { module, instance: await WebAssembly.instantiate(module, imports) };
  } catch (error) {
    console.warn("kb: local copy of the wasm unusable, fetching it:", error);
    copies.drop(copy.name);
    preparedCopies?.delete(copy.name); // to be copied again
    return instantiateStreaming(fetchCounted(response.kbURL), imports);
  }
};

async function fetchCounted(url, init) {
  let response;
  try {
    response = await realFetch(url, init);
    if (!response.ok) throw new Error(`${response.status} ${response.statusText}: ${response.url}`);
  } catch (error) {
    if (!optional.has(url)) fail(error);
    throw error;
  }
  // Count on a clone and hand Pyodide the original response: WebAssembly.instantiateStreaming keeps its
  // URL and cache entry, so a returning reader's browser reuses the compiled wasm instead of compiling again.
  if (response.body) finished.set(url, countBytes(response.clone(), ratios[url] ?? 1).catch(() => {})); // the original reports failures
  return response;
}

function takeCopy(url) {
  const copy = local.get(url);
  local.delete(url);
  loaded += copy.wire; // already on this device: counted as carried
  return copy;
}

function fromCopy(url) {
  const copy = takeCopy(url);
  const response = new Response(copy.bytes, { headers: { "Content-Type": url.endsWith(".wasm") ? "application/wasm" : "application/octet-stream" } });
  if (copy.module) {
    response.kbURL = url;
    compiled.set(response, copy);
  }
  return Promise.resolve(response);
}

self.fetch = (input, init) => {
  const url = aliases.get(String(input)) ?? String(input);
  if (local.has(url)) return fromCopy(url);
  const early = prefetched.get(url);
  if (early) {
    prefetched.delete(url);
    return early;
  }
  return fetchCounted(url, init);
};

function prefetch(url) {
  if (local.has(url)) return Promise.resolve(null); // served from the copy when Pyodide asks
  const response = fetchCounted(url);
  response.catch(() => {}); // reported when Pyodide asks for it
  prefetched.set(url, response);
  return response;
}

let lastReport = 0;
async function countBytes(response, ratio) {
  const reader = response.body.getReader();
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    // what the link carried (brotli, from the manifest's sizes): the reader sees "1.2 of 4.1 MB", not decoded MB
    loaded += value.byteLength * ratio;
    const now = performance.now();
    link.first ||= now;
    link.wire += value.byteLength * ratio;
    if (link.wire >= PROBE_BYTES) for (const wake of link.waiters.splice(0)) wake();
    if (now - lastReport > 50) { // a few updates a second are enough for a progress bar
      lastReport = now;
      post({ type: "progress", loaded: Math.min(loaded, total), total });
    }
  }
  post({ type: "progress", loaded: Math.min(loaded, total), total });
}

// A response from the HTTP cache alone (null when the file is not there): never a download.
async function cached(url) {
  try {
    const response = await realFetch(url, { cache: "only-if-cached", mode: "same-origin" });
    return response.ok ? response : null;
  } catch {
    return null; // not cached, or a server that forbids caching
  }
}

// The path when what it needs is already here, looked up before any download starts (a lookup beside a
// download of the same file would join it and look cached): "snapshot" when the snapshot is (a local copy,
// the HTTP cache); "lean" when the wasm is but the snapshot is not (a returning reader whose link was
// slow: no byte to download beats any); null when the link decides.
async function pathFromHere(manifest) {
  const snapshotURL = at(manifest.files.snapshot);
  const wasmURL = at(manifest.files["pyodide.asm.wasm"]);
  if (local.has(snapshotURL)) return { path: "snapshot", reason: "local copy" };
  const [snapshot, wasm] = await Promise.all([cached(snapshotURL), local.has(wasmURL) || cached(wasmURL)]);
  wasm?.body?.cancel(); // only looked at: the download hits the cache
  if (snapshot) {
    prefetched.set(snapshotURL, Promise.resolve(snapshot));
    return { path: "snapshot", reason: "cached" };
  }
  return wasm ? { path: "lean", reason: "wasm cached" } : null;
}

// "snapshot" when the link brings it faster than a boot without it computes, "lean" otherwise, and
// under Save-Data (the page says so with "start"): 4.15 MB against 7.60 on any link.
let saveData = false;
async function choosePath(manifest, wasmURL, wasm) {
  if (saveData) return { path: "lean", reason: "save-data" };
  const started = performance.now();
  const complete = wasm.then(() => finished.get(wasmURL)).catch(() => null);
  await Promise.race([new Promise((wake) => link.waiters.push(wake)), complete]);
  const elapsed = Math.max(performance.now() - (link.first || started), 1);
  // Counted here, bytes arrive late when the CPU is busy (this worker reads them): a loaded machine on a
  // fast link would look slow. The network's own timestamps of a response already complete (the module
  // script, 0.2 MB) cannot lag; it shared the link with the others, so it can only underestimate too.
  const done = performance.getEntriesByName(at(manifest.files["pyodide.asm.mjs"])).at(-1);
  const network = done?.transferSize > 0 && done.responseEnd > done.responseStart
    ? done.transferSize / (done.responseEnd - done.responseStart) : 0;
  const bytesPerMs = Math.max(link.wire / elapsed, network);
  const snapshotMs = manifest.sizes[manifest.files.snapshot][1] / bytesPerMs;
  timings.link_mbit_s = Math.round(bytesPerMs * 8 / 1000 * 10) / 10;
  return snapshotMs < LEAN_EXTRA_MS ? { path: "snapshot", reason: "fast link" } : { path: "lean", reason: "slow link" };
}

// Pyodide's config keeps the snapshot's bytes, which a booted runtime never reads again: detached (a
// transfer to nowhere), their 31.5 MB are freed.
function release(bytes) {
  try {
    structuredClone(undefined, { transfer: [bytes.buffer ?? bytes] });
  } catch { /* not transferable here: kept, as before */ }
}

// The big files a fast boot reads, by their hashed names: what copies.js keeps.
const copyNames = (manifest) => [manifest.files["pyodide.asm.wasm"], manifest.files.lib, manifest.files.snapshot];

// Of the copies read, this deploy's (by name and size): served to Pyodide from `local`, the wasm's
// compilation started at once. Returns their names.
function useCopies(manifest, stored) {
  const found = new Set();
  for (const name of copyNames(manifest)) {
    const bytes = stored.get(name);
    if (bytes?.length !== manifest.sizes[name][0]) continue;
    local.set(at(name), { name, bytes, wire: manifest.sizes[name][1] });
    found.add(name);
  }
  const wasm = local.get(at(manifest.files["pyodide.asm.wasm"]));
  if (wasm) {
    wasm.module = WebAssembly.compile(wasm.bytes); // takes its own copy of the bytes
    wasm.module.catch(() => {}); // met, and handled, when Pyodide instantiates it
    wasm.bytes = null;
  }
  timings.copies = found.size;
  return found;
}

// Once the worker has had nothing to answer for a second: copies of the files this boot used that have
// none yet, read from the HTTP cache only (never downloaded for this), and an earlier deploy's copies
// deleted. Writing them takes this thread about 0.1 s: not while a reader types.
let copyTask = null;
let copyTimer = 0;
function whenIdle(task) {
  copyTask = task;
  clearTimeout(copyTimer);
  copyTimer = setTimeout(() => {
    const run = copyTask;
    copyTask = null;
    run?.();
  }, COPY_AFTER_MS);
}

function keepCopies(manifest, used, have) {
  whenIdle(async () => {
    const files = new Map();
    for (const name of used.filter((n) => !have.has(n))) {
      const response = await cached(at(name));
      if (response) files.set(name, new Uint8Array(await response.arrayBuffer()));
    }
    if (files.size) await copies.write(files, copyNames(manifest));
  });
}

// A fast boot's downloads, started as soon as the manifest is in (and what is here looked up): none of
// them waits for pyodide.mjs.
async function startDownloads(manifest) {
  const here = await pathFromHere(manifest);
  prefetch(at(manifest.files.lib));
  return {
    here,
    asm: import(at(manifest.files["pyodide.asm.mjs"])), // already loading if prepare() found copies
    wasm: prefetch(at(manifest.files["pyodide.asm.wasm"])),
  };
}

async function bootFast(manifest, pyodideModule, { asm, wasm, here }) {
  const { loadPyodide } = pyodideModule;
  const wasmURL = at(manifest.files["pyodide.asm.wasm"]);
  const libURL = at(manifest.files.lib);
  const have = preparedCopies ?? new Set();
  const { path, reason } = here ?? await choosePath(manifest, wasmURL, wasm);
  timings.path = `${path} (${reason})`;
  const start = performance.now();
  let bytes = null;
  if (path === "snapshot") {
    const url = at(manifest.files.snapshot);
    optional.add(url);
    total += manifest.sizes[manifest.files.snapshot][1];
    // Read at once, while Pyodide's module script compiles: a body nobody reads is not decoded either
    // (the disk cache's 31.5 MB take about 0.4 s to reach this worker on a warm visit).
    bytes = (local.has(url) ? Promise.resolve(takeCopy(url).bytes) : self.fetch(url).then((response) => response.arrayBuffer()))
      .then((buffer) => { timings.fetch_snapshot = since(start); return buffer; });
    bytes.catch(() => {}); // reported by loadPyodide below
  }
  const base = { ...options(manifest), stdLibURL: libURL, createPyodideModule: (await asm).default };
  let pyodide;
  if (bytes) {
    try {
      pyodide = await loadPyodide({ ...base, _loadSnapshot: bytes });
    } catch (error) {
      // A snapshot that does not load must not cost the reader the helper: boot normally.
      console.warn("kb: memory snapshot unusable, booting without it:", error);
      timings.snapshot_failed = true;
      for (const name of copyNames(manifest)) copies.drop(name); // copied from a cache that served this one
      return null;
    }
  } else {
    pyodide = await loadPyodide(base);
  }
  timings.boot = since(start);
  if (bytes) release(await bytes);
  const imported = performance.now();
  // The snapshot holds bridge.py already run (tools/make_snapshot.mjs): running it again cost 20-70 ms of
  // compiling its source. The lean boot runs it. Either way a missing module -> an internal error.
  const call = pyodide.runPython(path === "snapshot" ? "make_call(True)" : manifest.bridge + "\nmake_call(True)");
  timings.imports = since(imported);
  const used = path === "snapshot" ? copyNames(manifest) : copyNames(manifest).slice(0, 2);
  keepCopies(manifest, used, have);
  return { call, from: path };
}

function options(manifest) {
  return { indexURL: runtimeBase.href, lockFileURL: at(manifest.fallback.lock), stdLibURL: at(manifest.fallback.stdlib) };
}

async function bootNormally(manifest, { loadPyodide }) {
  total += Object.values(manifest.fallback.files).reduce((a, b) => a + b, 0);
  const asm = await import(at(manifest.files["pyodide.asm.mjs"]));
  let start = performance.now();
  const pyodide = await loadPyodide({ ...options(manifest), createPyodideModule: asm.default });
  timings.boot = since(start);
  start = performance.now();
  await pyodide.loadPackage(manifest.packages, { messageCallback: () => {}, errorCallback: console.warn });
  timings.packages = since(start);
  start = performance.now();
  // loadPackage does not throw on a failed download: this import does. Every module is here: a failed
  // import is an optional one, not a reason to report the answer as internal.
  const call = pyodide.runPython(manifest.bridge + "\nmake_call(False)");
  timings.imports = since(start);
  return { call, from: "wheels" };
}

let manifestPromise = null;
const fetchManifest = () => (manifestPromise ??= realFetch(at("manifest.json")).then((r) => r.json()));

// Before the page asks: the manifest, and this deploy's local copies. True when the snapshot has one:
// the boot then needs no download and costs little, so it starts at once.
let preparedCopies = null;
async function prepare() {
  const stored = copies.read(); // while the manifest is revalidated
  const manifest = await fetchManifest();
  if (!manifest.snapshot) return false;
  preparedCopies = useCopies(manifest, await stored);
  const now = copyNames(manifest).every((name) => preparedCopies.has(name)); // nothing to download
  if (now) for (const name of ["pyodide.mjs", "pyodide.asm.mjs"]) import(at(manifest.files[name])).catch(() => {});
  return now;
}

async function boot({ full = false } = {}) {
  const started = performance.now();
  const manifest = await fetchManifest();
  const hashed = manifest.files;
  aliases.set(at("pyodide.asm.wasm"), at(hashed["pyodide.asm.wasm"]));
  ratios = Object.fromEntries(Object.entries(manifest.sizes).map(([name, [raw, wire]]) => [at(name), wire / raw]));
  const snapshot = manifest.snapshot;
  total = manifest.sizes[hashed["pyodide.asm.wasm"]][1] + manifest.sizes[hashed.lib][1];
  const downloads = !full && snapshot ? await startDownloads(manifest) : null;
  const pyodideModule = await import(at(hashed["pyodide.mjs"]));
  let ready = null;
  if (downloads && snapshot.pyodide === pyodideModule.version) {
    ready = await bootFast(manifest, pyodideModule, downloads);
  } else if (!full && snapshot) {
    console.warn(`kb: snapshot made for Pyodide ${snapshot.pyodide}, runtime is ${pyodideModule.version}: booting without it`);
  }
  if (!ready) {
    await asked; // a boot that downloads waits for the reader, even after a failed boot from the copies
    if (!full) timings.snapshot_failed = Boolean(snapshot);
    loaded = 0; // the progress starts again: the wasm (again, from the cache if it can) and the fallback files
    total = manifest.sizes[hashed["pyodide.asm.wasm"]][1];
    ready = await bootNormally(manifest, pyodideModule);
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
let start;
const asked = new Promise((resolve) => { start = resolve; });
const prepared = prepare().catch(() => false); // a failure here is met again, and reported, by boot()
let booting = prepared.then((now) => now || asked).then(() => boot())
  .then((ready) => { if (!failedOnce) announce(ready); }, fail);

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
  if (data.type === "start") {
    saveData = Boolean(data.saveData);
    start();
  }
  if (data.type !== "call") return;
  start();
  if (copyTask) whenIdle(copyTask); // the reader is typing: later
  await settled();
  if (!runtime) return; // "failed" was already posted; the page offers a retry (a new worker)
  let result;
  try {
    result = answer(data.name, data.payload);
    if (result.error?.code === "internal" && runtime.from !== "wheels") {
      // Something the snapshot and the lean zip lack (a module never imported while warming): redo it
      // from the full stdlib and the wheels.
      console.warn(`kb: answer failed from the ${runtime.from} boot, rebooting from the wheels:`, result.error.message);
      runtime = null;
      booting = boot({ full: true }).then((ready) => { runtime = ready; }, fail);
      await settled();
      if (!runtime) return;
      result = answer(data.name, data.payload);
    }
  } catch (error) {
    result = { error: { code: "internal", message: String(error), field: null } };
  }
  post({ type: "answer", id: data.id, result });
};
