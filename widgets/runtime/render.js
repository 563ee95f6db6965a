// One renderer for every helper: kb_logic's answer (contract v2) -> DOM nodes. Python formats everything a
// reader sees; this file only places strings, as text (textContent), never as HTML. The only links are the
// guide anchors the build wrote into the page's data (anchor -> href). The no-JavaScript fallback is the
// same shape, rendered at build time by the `answer` macro of widgets/templates/_frame.html.

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
};

// Text that links to its guide paragraph when the build knows the anchor, plain text otherwise.
function linked(text, anchor, ctx) {
  const href = anchor ? ctx.href(anchor) : undefined;
  if (!href) return document.createTextNode(text);
  const link = el("a", { href, textContent: text });
  link.dataset.kbAnchor = anchor;
  return link;
}

function errorBox(error, ctx) {
  // kb_logic's messages are localized and name the field by its label; an internal failure is not shown raw.
  const text = error.code === "internal" ? ctx.t("ui.error.internal") : error.message;
  const box = el("div", { className: "kb-result kb-result--error", role: "alert" },
    el("p", { className: "kb-result__verdict", textContent: text }));
  box.dataset.kbVerdict = "error";
  if (error.field) box.dataset.kbField = error.field;
  return box;
}

// "Copy the link" for every answer; "copy the number" where the helper names a detail to copy (VAT).
function actions(answer, ctx) {
  const bar = el("div", { className: "kb-result__actions" });
  const copyLink = el("button", { type: "button", className: "md-button", textContent: ctx.t("ui.copy.link") });
  copyLink.dataset.kbCopy = "link";
  bar.append(copyLink);
  const detail = ctx.copyKey && answer.details?.find((d) => d.key === ctx.copyKey);
  if (detail) {
    const copyValue = el("button", { type: "button", className: "md-button", textContent: ctx.t("ui.copy.number") });
    copyValue.dataset.kbCopy = "value";
    copyValue.dataset.kbValue = detail.value;
    bar.append(copyValue);
  }
  bar.append(el("span", { className: "kb-result__copied", role: "status" }));
  return bar;
}

export function render(answer, ctx) {
  if (answer.error) return errorBox(answer.error, ctx);
  const box = el("div", { className: `kb-result kb-result--${answer.verdict}` });
  box.dataset.kbVerdict = answer.verdict;
  if (answer.rules?.length) box.dataset.kbRules = answer.rules.join(" "); // for tests and tools, never shown
  box.append(el("p", { className: "kb-result__verdict", textContent: answer.message }));
  if (answer.reasons?.length) {
    box.append(el("ul", { className: "kb-result__reasons" },
      ...answer.reasons.map((r) => el("li", {}, linked(r.text, r.anchor, ctx)))));
  }
  if (answer.details?.length) {
    const list = el("dl", { className: "kb-result__details" });
    for (const d of answer.details) {
      const value = el("dd", { textContent: d.value });
      value.dataset.kbKey = d.key;
      list.append(el("div", {}, el("dt", { textContent: d.label }), value));
    }
    box.append(list);
  }
  if (answer.next) {
    box.append(el("p", { className: "kb-result__next" }, linked(answer.next.text, answer.next.anchor, ctx)));
  }
  box.append(actions(answer, ctx));
  return box;
}
