// The widget runtime: mounts every [data-kb-widget] of the page, tells the Python worker to start when a
// helper comes into view or is touched, turns form fields into bridge payloads (each field's `name` is
// the JSON field of the call), renders answers as text (never HTML), and mirrors inputs in the URL.
// Loaded from the page's head (async) on pages with a helper: the worker is created while the page is
// still parsing and fetches nothing but its manifest before "start", unless it has local copies of the
// whole runtime (a returning reader: worker.js); the helpers mount once the page is parsed.
// Not a static import: the module runs, and creates the worker, without waiting for it (30-60 ms sooner).
const renderer = import("./render.js");
renderer.catch((error) => worker.fail(`render.js: ${error.message}`)); // the error state, with its retry

let roots = [];
// Save-Data: nothing starts before the reader asks, and then from the fewest bytes (worker.js).
const saveData = Boolean(navigator.connection?.saveData);

// ---------- the worker: one per page, shared by all helpers ----------
const worker = {
  instance: null, started: false, nextId: 1, pending: new Map(), listeners: new Set(), state: "idle",
  create() {
    if (this.instance) return true;
    try {
      this.instance = new Worker(new URL("./worker.js", import.meta.url), { type: "module" });
    } catch (error) { // no module workers here: the helpers say so, and the fallback text stays
      this.fail(error.message);
      return false;
    }
    this.instance.onmessage = ({ data }) => {
      if (data.type === "progress") { if (this.state === "loading") this.setState("loading", data); }
      else if (data.type === "ready") {
        this.started = true; // a returning reader's worker boots by itself: nothing left to start
        this.setState("ready", data);
        // For the benchmark and the curious: where the boot time went.
        document.dispatchEvent(new CustomEvent("kb:ready", { detail: { ms: data.ms, timings: data.timings } }));
      }
      else if (data.type === "failed") this.fail(data.reason);
      else if (data.type === "answer") {
        this.pending.get(data.id)?.(data.result);
        this.pending.delete(data.id);
      }
    };
    this.instance.onerror = (event) => { event.preventDefault(); this.fail(event.message || "worker error"); };
    return true;
  },
  start() {
    // after a failure only the retry button starts again (it resets the state first)
    if (this.started || this.state === "error" || !this.create()) return;
    this.started = true;
    this.setState("loading", { loaded: 0, total: 0 });
    this.instance.postMessage({ type: "start", saveData });
  },
  fail(reason) {
    console.error("kb: helper runtime failed:", reason);
    this.instance?.terminate();
    this.instance = null;
    this.started = false;
    this.pending.clear();
    this.setState("error", { reason });
  },
  retry() {
    this.instance?.terminate();
    this.instance = null;
    this.started = false;
    this.state = "idle";
    this.start();
  },
  setState(state, detail) { this.state = state; for (const listener of this.listeners) listener(state, detail); },
  call(name, payload) {
    if (this.state === "error") return Promise.resolve(null); // only the retry button restarts a failed runtime
    this.start();
    if (!this.instance) return Promise.resolve(null); // it could not be created: the helper shows the error
    const id = this.nextId++;
    return new Promise((resolve) => {
      this.pending.set(id, resolve);
      this.instance.postMessage({ type: "call", id, name, payload });
    });
  },
};

// ---------- form <-> payload ----------
function fieldValue(el) {
  if (el.type === "checkbox") return el.checked;
  const raw = el.value.trim();
  if (raw === "") return undefined;
  if (el.dataset.kbType === "list") return raw.split(",").map((s) => s.trim()).filter(Boolean);
  return raw;
}

function setPath(target, path, value) {
  const keys = path.split(".");
  let node = target;
  keys.forEach((key, i) => {
    const last = i === keys.length - 1;
    const nextIsIndex = !last && /^\d+$/.test(keys[i + 1]);
    if (last) node[key] = value;
    else node = node[key] ??= nextIsIndex ? [] : {};
  });
}

function payloadOf(form, lang) {
  const payload = {};
  for (const el of form.elements) {
    if (!el.name || el.closest("template")) continue;
    const value = fieldValue(el);
    if (value !== undefined) setPath(payload, el.name, value);
  }
  for (const list of form.querySelectorAll("[data-kb-list]")) { // a repeatable group is always an array
    const name = list.dataset.kbList;
    payload[name] = Array.isArray(payload[name]) ? payload[name].filter(Boolean) : [];
  }
  return { ...payload, lang };
}

// ---------- URL state: #vat.number=…&eligibility.entity=… (survives reloads and the language switch) ----------
const stateParams = () => new URLSearchParams(location.hash.slice(1).includes("=") ? location.hash.slice(1) : "");

function saveState() {
  saveTimer = null;
  const params = new URLSearchParams();
  for (const root of roots) {
    for (const el of root.querySelector("[data-kb-form]").elements) {
      if (!el.name || el.closest("template")) continue;
      const key = `${root.dataset.kbWidget}.${el.name}`;
      if (el.type === "checkbox") { if (el.checked) params.set(key, "1"); }
      else if (el.value !== "" && (el.tagName !== "SELECT" || el.selectedIndex !== 0)) params.set(key, el.value);
    }
  }
  const hash = params.toString();
  history.replaceState(null, "", hash ? `#${hash}` : location.pathname + location.search);
  // The language switcher (Material's alternate links) carries the same state to the other language.
  for (const link of document.querySelectorAll("a[hreflang]")) {
    const url = new URL(link.href, location.href);
    url.hash = hash;
    link.href = url.href;
  }
}

// Writing the URL on every keystroke costs more than the answer itself: coalesce it off the input path.
let saveTimer = null;
function scheduleSave() {
  clearTimeout(saveTimer);
  saveTimer = setTimeout(saveState, 120);
}
function flushSave() {
  if (saveTimer !== null) { clearTimeout(saveTimer); saveTimer = null; saveState(); }
}

function restoreState(root) {
  const params = stateParams();
  const name = root.dataset.kbWidget;
  const form = root.querySelector("[data-kb-form]");
  const shorthand = params.get(name); // "#vat=CHE-116.281.710": the helper's first text field
  if (shorthand !== null) {
    const first = form.querySelector("input[type=text]");
    if (first) params.set(`${name}.${first.name}`, shorthand);
  }
  let restored = false;
  for (const [key, value] of params) {
    if (!key.startsWith(`${name}.`)) continue;
    const field = key.slice(name.length + 1);
    const [listName, index] = field.split(".");
    const list = form.querySelector(`[data-kb-list="${listName}"]`);
    if (list && /^\d+$/.test(index)) {
      while (list.querySelectorAll(".kb-list-item").length <= Number(index)) if (!addItem(list)) break;
    }
    const el = form.elements.namedItem(field);
    if (!el || el instanceof RadioNodeList) continue;
    if (el.type === "checkbox") el.checked = value === "1";
    else el.value = value;
    restored = true;
  }
  return restored;
}

// ---------- repeatable groups (existing partners of the access simulator) ----------
// An item's fields come from a <template> whose names and ids hold "#" for the item's index; each item
// keeps those originals so that removing one renumbers the rest (names and ids stay unique and in order).
const NUMBERED = ["name", "id", "for", "aria-describedby"];
const originals = new WeakMap();

function number(item, index) {
  for (const [el, attrs] of originals.get(item)) {
    for (const [attr, value] of Object.entries(attrs)) el.setAttribute(attr, value.replaceAll("#", String(index)));
  }
  item.setAttribute("aria-label", `${item.dataset.kbLabel} ${index + 1}`);
}

function addItem(list) {
  const items = list.querySelectorAll(".kb-list-item");
  if (items.length >= Number(list.dataset.kbMax)) return null; // the build writes data-kb-max
  const clone = list.querySelector("template[data-kb-item]").content.firstElementChild.cloneNode(true);
  const fields = [...clone.querySelectorAll(NUMBERED.map((a) => `[${a}]`).join(", "))];
  originals.set(clone, fields.map((el) => [el, Object.fromEntries(
    NUMBERED.filter((a) => el.hasAttribute(a)).map((a) => [a, el.getAttribute(a)]))]));
  clone.dataset.kbLabel = clone.getAttribute("aria-label");
  number(clone, items.length);
  list.querySelector("[data-kb-add]").before(clone);
  list.querySelector("[data-kb-list-empty]").hidden = true;
  return clone;
}

function renumber(list) {
  const items = list.querySelectorAll(".kb-list-item");
  items.forEach((item, index) => number(item, index));
  list.querySelector("[data-kb-list-empty]").hidden = items.length > 0;
}

// ---------- one helper ----------
function mount(root) {
  const data = JSON.parse(root.querySelector("script[data-kb-data]").textContent);
  // Strings arrive final (kb_logic formats them); `{name}` placeholders carry only other final strings.
  const t = (key, params = {}) => (data.strings[key] ?? key).replace(/\{(\w+)\}/g, (_, k) => params[k] ?? "");
  const name = root.dataset.kbWidget;
  const form = root.querySelector("[data-kb-form]");
  const result = root.querySelector("[data-kb-result]");
  const statusText = root.querySelector("[data-kb-status-text]");
  const progress = root.querySelector("[data-kb-progress]");
  const retry = root.querySelector("[data-kb-retry]");
  // anchor -> href: the build wrote each guide page's URL (relative to this page) once, anchors point at one.
  const href = (anchor) => (anchor in data.anchors ? `${data.pages[data.anchors[anchor]]}#${anchor}` : undefined);
  const ctx = { t, href, copyKey: data.copy };
  let sequence = 0;
  let touched = restoreState(root);

  const setState = (state, detail = {}) => {
    root.dataset.kbState = state;
    retry.hidden = state !== "error";
    progress.hidden = state !== "loading";
    if (state === "loading") {
      // The bar shows how far the download is; the page formats no number itself.
      const { loaded = 0, total = 0 } = detail;
      progress.max = total || 100;
      progress.value = loaded;
      statusText.textContent = t("ui.loading");
    } else if (state === "error") statusText.textContent = t("ui.error.load");
    else if (state === "ready") statusText.textContent = "";
  };

  // An error marks its field (aria-invalid); an explicit submit also moves the focus there.
  let shown = null; // the payload of the answer on screen
  const update = async (event) => {
    const submitted = event?.type === "submit";
    const payload = payloadOf(form, data.lang);
    const key = JSON.stringify(payload);
    // A text field's "change" (on leaving it) repeats its "input": re-rendering the same answer would replace
    // the copy buttons under a keyboard reader tabbing to them.
    if ((event?.type === "change" || event?.type === "input") && key === shown) return;
    shown = key;
    const mine = ++sequence;
    touched = true;
    scheduleSave();
    if (worker.state !== "ready") {
      result.replaceChildren(Object.assign(document.createElement("p"), { className: "kb-hint", textContent: t("ui.pending") }));
    }
    const answer = await worker.call(name, payload);
    const { render } = await renderer;
    if (answer === null || mine !== sequence) return; // runtime down, or a newer input superseded this one
    for (const el of form.querySelectorAll("[aria-invalid]")) el.removeAttribute("aria-invalid");
    // kb_logic names list items "partners[0].name"; the form's field is "partners.0.name".
    const field = answer.error?.field?.replace(/\[(\d+)\]/g, ".$1");
    const invalid = field ? form.elements.namedItem(field) : null;
    if (invalid instanceof HTMLElement) {
      invalid.setAttribute("aria-invalid", "true");
      if (submitted) invalid.focus();
    }
    result.replaceChildren(render(answer, ctx));
  };

  // Handing an answer on: the URL holds the state; the VAT answer's number is one of its details.
  result.addEventListener("click", async (event) => {
    const button = event.target.closest("button[data-kb-copy]");
    if (!button) return;
    const status = button.parentElement.querySelector("[role=status]");
    const link = button.dataset.kbCopy === "link";
    if (link) flushSave();
    try {
      await navigator.clipboard.writeText(link ? location.href : button.dataset.kbValue);
      status.textContent = link ? t("ui.copy.link.done") : t("ui.copy.number.done");
    } catch {
      status.textContent = t("ui.copy.failed");
    }
  });

  worker.listeners.add((state, detail) => {
    setState(state, detail);
    if (state === "ready" && touched) update();
  });
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (event) => { event.preventDefault(); update(event); });
  form.addEventListener("click", (event) => {
    const button = event.target.closest("button[type=button]");
    if (!button) return;
    if (button.matches("[data-kb-add]")) addItem(button.closest("[data-kb-list]"))?.querySelector("input")?.focus();
    if (button.matches("[data-kb-remove]")) {
      const list = button.closest("[data-kb-list]");
      button.closest(".kb-list-item").remove();
      renumber(list);
      list.querySelector("[data-kb-add]").focus();
    }
    update();
  });
  retry.addEventListener("click", () => { worker.retry(); if (touched) update(); });
  // Start Python when the reader reaches or touches a helper (a returning reader's may be ready already).
  root.addEventListener("focusin", () => worker.start(), { once: true });
  root.addEventListener("pointerdown", () => worker.start(), { once: true });
  setState(worker.state);
  if (touched) update();
  return root;
}

// A helper in (or near) view starts Python at once: the runtime is then ready by the time a reader has
// typed; README "Figures" weighs this against starting on intent.
const MARGIN = 200;
const near = (root) => {
  const box = root.getBoundingClientRect();
  return box.top < innerHeight + MARGIN && box.bottom > -MARGIN;
};

// While the page still parses: the first helper starts the worker as soon as it is in the document, if it
// is near the viewport. DOMContentLoaded (the rest of the page, Material's bundle) comes 150-300 ms later
// on a first visit, after the worker has its manifest; mountAll then looks at every helper.
function startWhenParsed() {
  const check = () => {
    const root = document.querySelector("[data-kb-widget]");
    if (root && near(root)) worker.start();
    return Boolean(root);
  };
  if (document.readyState !== "loading" || check()) return;
  const watcher = new MutationObserver(() => { if (check()) watcher.disconnect(); });
  watcher.observe(document, { childList: true, subtree: true });
  document.addEventListener("DOMContentLoaded", () => watcher.disconnect(), { once: true });
}

// Under Save-Data nothing, not even the worker, starts before the reader asks (see the end of mountAll).
if (!saveData) {
  worker.create();
  startWhenParsed();
}
if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", mountAll, { once: true });
else mountAll();

function mountAll() {
  roots = [...document.querySelectorAll("[data-kb-widget]")];
  if (!roots.length) return;
  roots.forEach(mount);
  // Material's switcher looks the page up in the sitemap on click and drops the fragment; our links already
  // point at the same guide, carrying the helpers' state, so follow them as they are.
  window.addEventListener("click", (event) => {
    const link = event.target.closest?.("a[hreflang]");
    if (!link || event.defaultPrevented || event.button !== 0 || event.metaKey || event.ctrlKey) return;
    event.preventDefault();
    event.stopImmediatePropagation();
    flushSave(); // the link carries the state of the last keystroke too
    location.assign(link.href);
  }, true);
  // A helper near view: start now (an idle callback, or the observer's first callback, would cost the
  // first answer up to 100 ms); the others when they come near. Under Save-Data nothing starts before the
  // reader asks: focus, a tap, a keystroke, a filled deep link.
  const observer = new IntersectionObserver((entries) => {
    if (entries.some((e) => e.isIntersecting)) {
      observer.disconnect();
      worker.start();
    }
  }, { rootMargin: `${MARGIN}px` });
  if (saveData) { /* on intent only */ }
  else if (roots.some(near)) worker.start();
  else roots.forEach((root) => observer.observe(root));
}
