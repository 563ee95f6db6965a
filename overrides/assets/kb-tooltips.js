// The glossary's abbreviations (<abbr title>) as tooltips, in Material's look (.md-tooltip2): shown while the
// mouse is on a term, on a tap (a second tap, a tap elsewhere or Escape hides it), and named to assistive
// technology by aria-describedby while shown. Material's `content.tooltips` did this by mounting a component
// on every [title] of the page at load (100 ms and more of blocking time on a phone on the glossary,
// issue 10); this script only listens, and builds the one tooltip a reader asks for.
(() => {
  const HIDE_DELAY = 250; // ms, as Material: time to move the pointer from the term onto its tooltip
  let host = null;
  let tip = null;
  let timer = 0;
  let pointer = "mouse"; // the kind of the last press: a mouse click on a shown term keeps it shown

  const term = (target) => target instanceof Element
    ? target.closest(".md-content abbr[title], .md-content abbr[data-kb-title]") : null;

  const hide = () => {
    clearTimeout(timer);
    if (!host) return;
    host.title = host.dataset.kbTitle; // the native tooltip again (and the text for a later show)
    delete host.dataset.kbTitle;
    host.removeAttribute("aria-describedby");
    tip.remove();
    host = tip = null;
  };

  const show = (el) => {
    clearTimeout(timer);
    if (el === host) return;
    hide();
    const text = el.title;
    if (!text) return;
    host = el;
    el.dataset.kbTitle = text;
    el.removeAttribute("title"); // no second, native tooltip over this one
    tip = document.createElement("div");
    tip.id = "kb-tooltip";
    tip.className = "md-tooltip2 md-tooltip2--bottom";
    tip.setAttribute("role", "tooltip");
    const inner = document.createElement("div");
    inner.className = "md-tooltip2__inner md-typeset";
    inner.textContent = text;
    tip.append(inner);
    document.body.append(tip);
    // Material's variables: the term's place in the document, the tail's origin below it, the text's width
    const box = el.getBoundingClientRect();
    const set = (name, px) => tip.style.setProperty(name, `${px}px`);
    set("--md-tooltip-host-x", box.left + window.scrollX);
    set("--md-tooltip-host-y", box.top + window.scrollY);
    set("--md-tooltip-x", box.width / 2);
    set("--md-tooltip-y", box.height + 8);
    set("--md-tooltip-width", inner.getBoundingClientRect().width);
    set("--md-tooltip-tail", 0);
    el.setAttribute("aria-describedby", tip.id);
    const shown = tip;
    requestAnimationFrame(() => shown.classList.add("md-tooltip2--active")); // after a frame: it fades in
  };

  const later = () => {
    clearTimeout(timer);
    timer = setTimeout(hide, HIDE_DELAY);
  };

  document.addEventListener("pointerover", (event) => {
    if (event.pointerType === "touch") return; // a tap is a click, below
    const el = term(event.target);
    if (el) show(el);
    else if (tip && tip.contains(event.target)) clearTimeout(timer);
  });
  document.addEventListener("pointerout", (event) => {
    if (!host || event.pointerType === "touch") return;
    const from = event.target instanceof Node && (host.contains(event.target) || tip.contains(event.target));
    const to = event.relatedTarget instanceof Node
      && (host.contains(event.relatedTarget) || tip.contains(event.relatedTarget));
    if (from && !to) later();
  });
  document.addEventListener("pointerdown", (event) => {
    pointer = event.pointerType;
  });
  document.addEventListener("click", (event) => {
    const el = term(event.target);
    if (el && el === host) {
      if (pointer !== "mouse") hide(); // a second tap on the term
    } else if (el) {
      show(el);
    } else if (host && !tip.contains(event.target)) {
      hide();
    }
  });
  document.addEventListener("keydown", (event) => {
    if (event.key === "Escape") hide();
  });
  window.addEventListener("resize", hide);
})();
