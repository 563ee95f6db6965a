// Answer latency once ready: each input set in the page, awaited until the result region changes.
// Evaluated with page.evaluate(source, inputs): returns ms per input (null: no change within 5 s).
async (inputs) => {
  const root = document.querySelector("[data-kb-widget=vat]");
  const input = root.querySelector("[name=number]");
  const region = root.querySelector("[data-kb-result]");
  const times = [];
  for (const value of inputs) {
    let observer;
    const changed = new Promise((resolve) => {
      observer = new MutationObserver(() => resolve(performance.now()));
      observer.observe(region, { childList: true, subtree: true, characterData: true });
    });
    const timeout = new Promise((resolve) => setTimeout(() => resolve(null), 5000));
    const t0 = performance.now();
    input.value = value;
    input.dispatchEvent(new Event("input", { bubbles: true }));
    const t1 = await Promise.race([changed, timeout]);
    observer.disconnect();
    times.push(t1 === null ? null : t1 - t0);
  }
  return times;
}
