// Writer's preview only (hooks/dev_errors.py adds this script to pages built by `mkdocs serve`):
// shows the last build's problems in a banner, and removes it after a good build. The texts come
// ready-made from the build's kb-dev-status.json; this script only places them.
(() => {
  "use strict";
  const statusUrl = new URL("../kb-dev-status.json", document.currentScript.src);
  const lang = document.documentElement.lang === "en" ? "en" : "fr";
  let shown = null;

  function el(tag, text, attrs = {}) {
    const node = document.createElement(tag);
    if (text) node.textContent = text;
    for (const [name, value] of Object.entries(attrs)) node.setAttribute(name, value);
    return node;
  }

  function banner(status) {
    const ui = status.ui[lang] || status.ui.fr || Object.values(status.ui)[0] || {};
    const box = el("section", "", {"data-kb-dev-banner": status.ok ? "warnings" : "failed", role: "alert",
      "aria-label": ui.dev_title || "Build"});
    Object.assign(box.style, {position: "fixed", insetInline: "0", top: "0", zIndex: "1000", maxHeight: "60vh",
      overflow: "auto", padding: "0.8rem 1.2rem", background: "#fff4e5", color: "#3b2300",
      borderBottom: "4px solid #b3261e", font: "0.8rem/1.4 system-ui, sans-serif"});
    box.append(el("strong", ui.dev_title), el("p", status.ok ? ui.dev_warned : ui.dev_failed));
    const list = el("ol");
    for (const item of status.problems) {
      const entry = el("li", "", {"data-kb-dev-file": item.file || ""});
      const where = item.file ? item.file + (item.line ? ` (${ui.dev_line} ${item.line})` : "") : "";
      if (where) entry.append(el("code", where), document.createTextNode(" — "));
      entry.append(document.createTextNode(item.problem));
      entry.append(el("br"), el("strong", ui.dev_fix), document.createTextNode(" " + (ui[item.fix] || "")));
      list.append(entry);
    }
    box.append(list);
    const close = el("button", ui.dev_close, {type: "button"});
    Object.assign(close.style, {border: "1px solid currentColor", borderRadius: "4px", padding: "0.2rem 0.6rem",
      background: "transparent", color: "inherit", font: "inherit", cursor: "pointer"});
    close.addEventListener("click", () => box.remove());
    box.append(close);
    return box;
  }

  async function poll() {
    try {
      const response = await fetch(statusUrl, {cache: "no-store"});
      if (response.ok) {
        const status = await response.json();
        if (!shown || shown.build !== status.build) {
          document.querySelector("[data-kb-dev-banner]")?.remove();
          if (status.problems.length || !status.ok) document.body.prepend(banner(status));
          shown = status;
        }
      }
    } catch {
      // the server is rebuilding or stopped: keep what is shown
    }
    setTimeout(poll, 1000);
  }
  poll();
})();
