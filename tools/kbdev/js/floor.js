// The floor page: a bare loadPyodide() in a dedicated module worker, like the real helpers.
let done;
window.__floorDone = new Promise((resolve) => { done = resolve; });
const worker = new Worker("/__bench__/floor-worker.js", { type: "module" });
worker.onmessage = ({ data }) => {
  done({ ...data, at: data.epoch - performance.timeOrigin });
};
worker.onerror = (event) => done({ error: String(event.message || "worker error") });
