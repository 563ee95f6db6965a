// The floor worker: loadPyodide() with the site's vendored runtime and its full stdlib, nothing else.
// The runtime's files have content-hashed names (manifest.json maps Pyodide's names to them): the module
// script is passed in, and Pyodide's one fetch by name (the wasm) is pointed at its hashed file.
const base = "/assets/pyodide/";
const started = performance.now();
try {
  const manifest = await (await fetch(base + "manifest.json")).json();
  const hashed = manifest.files;
  const realFetch = self.fetch.bind(self);
  self.fetch = (input, init) => realFetch(String(input).endsWith("/pyodide.asm.wasm")
    ? base + hashed["pyodide.asm.wasm"] : input, init);
  const { loadPyodide } = await import(base + hashed["pyodide.mjs"]);
  const { default: createPyodideModule } = await import(base + hashed["pyodide.asm.mjs"]);
  const imported = performance.now();
  const pyodide = await loadPyodide({ indexURL: base, stdLibURL: base + manifest.fallback.stdlib, createPyodideModule });
  pyodide.runPython("1 + 1");
  self.postMessage({ epoch: performance.timeOrigin + performance.now(), imported,
                     load_ms: performance.now() - started });
} catch (error) {
  self.postMessage({ error: String(error) });
}
