// Opens the search dialog and loads Pagefind's UI on first use only: pages download no index up front.
// Pagefind picks the index of the page's <html lang>, so French readers get French hits, English English.
(() => {
  const dialog = document.getElementById("kb-search");
  // the header's button on every page, and the home pages' search field (overrides/home.html)
  const openers = document.querySelectorAll("[data-kb-search-open]");
  if (!dialog || !openers.length) return;
  const status = dialog.querySelector("[data-kb-search-status]");
  // The build writes the bundle's URL relative to the page ("pagefind/" on the home page, "/pagefind/" on a
  // 404 served at any depth). Pagefind import()s from it, and a bare "pagefind/" is not a module specifier:
  // resolve it against the page's own URL into an absolute one.
  const bundle = new URL(dialog.dataset.kbBundle, document.baseURI).href;
  let loading = null;

  const addAsset = (tag, attrs) => new Promise((resolve, reject) => {
    const el = Object.assign(document.createElement(tag), attrs);
    el.onload = resolve;
    el.onerror = () => reject(new Error(`${attrs.src || attrs.href} failed to load`));
    document.head.append(el);
  });

  const loadUi = () => {
    loading ??= (async () => {
      status.textContent = status.dataset.kbLoading;
      await Promise.all([
        addAsset("link", { rel: "stylesheet", href: `${bundle}pagefind-ui.css` }),
        addAsset("script", { src: `${bundle}pagefind-ui.js` }),
      ]);
      // eslint-disable-next-line no-undef
      new PagefindUI({ element: "#kb-search-ui", bundlePath: bundle, showImages: false, resetStyles: false });
      status.textContent = "";
    })().catch((error) => {
      loading = null; // allow a retry on the next opening
      status.textContent = status.dataset.kbFailed;
      console.error(error);
    });
    return loading;
  };

  const open = async () => {
    if (!dialog.open) dialog.showModal();
    await loadUi();
    dialog.querySelector("input[type=text], input[type=search]")?.focus();
  };

  for (const opener of openers) opener.addEventListener("click", open);
  dialog.querySelector("[data-kb-search-close]").addEventListener("click", () => dialog.close());
  document.addEventListener("keydown", (event) => {
    const typing = event.target.closest?.("input, textarea, select, [contenteditable]");
    if (event.key === "/" && !typing && !dialog.open) {
      event.preventDefault();
      open();
    }
  });
})();
