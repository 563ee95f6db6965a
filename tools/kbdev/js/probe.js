// The probe every page of the helpers benchmark gets before its own scripts (Playwright add_init_script,
// not subject to the page's CSP): long tasks, long animation frames, the helper's states, the first answer.
// __EXPECT__ is replaced by the JSON text the answer must contain (or null).
(() => {
  if (window.__kbBench) return;
  const kb = window.__kbBench = { longtasks: [], loaf: [], states: [], answer: null, ready: null, expect: __EXPECT__ };
  // the bench awaits these (page.evaluate): the page's CSP forbids the eval behind wait_for_function
  let answered, readied;
  Object.defineProperty(kb, "answered", { value: new Promise((r) => { answered = r; }), enumerable: false });
  Object.defineProperty(kb, "readied", { value: new Promise((r) => { readied = r; }), enumerable: false });
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) kb.longtasks.push({ start: e.startTime, duration: e.duration });
    }).observe({ type: "longtask", buffered: true });
  } catch (e) { kb.longtasks = null; }
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        kb.loaf.push({ start: e.startTime, duration: e.duration, blocking: e.blockingDuration,
          scripts: (e.scripts || []).map((s) => ({ url: s.sourceURL, fn: s.sourceFunctionName,
            invoker: s.invoker, duration: s.duration })) });
      }
    }).observe({ type: "long-animation-frame", buffered: true });
  } catch (e) { kb.loaf = null; }
  document.addEventListener("kb:ready", (e) => {
    kb.ready = { at: performance.now(), detail: e.detail ?? null };
  });
  const check = () => {
    const root = document.querySelector("[data-kb-widget=vat]");
    if (!root) return;
    const state = root.dataset.kbState;
    if (kb.states.length === 0 || kb.states[kb.states.length - 1].state !== state) {
      kb.states.push({ state, at: performance.now() });
      if (state === "ready") readied();
    }
    if (kb.answer === null && kb.expect) {
      const box = root.querySelector("[data-kb-result] .kb-result");
      if (box && box.textContent.replace(/\s+/g, "").includes(kb.expect)) {
        kb.answer = performance.now();
        answered();
      }
    }
  };
  new MutationObserver(check).observe(document, { subtree: true, childList: true, characterData: true,
    attributes: true, attributeFilter: ["data-kb-state"] });
})();
