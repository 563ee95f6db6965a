// Answers of kb_logic's bridge -> DOM nodes. Every value goes in as text (textContent), never as HTML;
// the only links are the rule anchors the build wrote into the page's data.

const el = (tag, props = {}, ...children) => {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children.filter((c) => c !== null && c !== undefined && c !== false));
  return node;
};

function ruleLink(id, ctx) {
  const href = ctx.rules[id];
  return href ? el("a", { href, textContent: id }) : el("span", { textContent: id });
}

function ruleLinks(ids, ctx) {
  const span = el("span", { className: "kb-result__rules" });
  ids.forEach((id, i) => span.append(i ? ", " : "", ruleLink(id, ctx)));
  return span;
}

function money(value, ctx, currency) {
  const locale = ctx.lang === "fr" ? "fr-CH" : "en-CH";
  return new Intl.NumberFormat(locale, { style: "currency", currency: currency || "CHF" }).format(value);
}

const yesNo = (value, ctx) => (value ? ctx.t("ui.yes") : ctx.t("ui.no"));

function statements(answer, ctx) {
  const items = answer.statements || answer.steps || [];
  if (!items.length) return null;
  const list = el(answer.steps ? "ol" : "ul", { className: "kb-result__statements" });
  for (const item of items) list.append(el("li", {}, `${item.text} (`, ruleLink(item.id, ctx), ")"));
  return list;
}

function frame(answer, ctx, verdict, ...extra) {
  if (answer.error) {
    const field = answer.error.field ? ctx.t("ui.invalid_field", { field: ctx.label(answer.error.field) }) : null;
    return [el("div", { className: "kb-result kb-result--error", role: "alert" },
      // kb_logic's messages are localized; an internal failure is not shown raw to the reader
      el("p", { textContent: answer.error.code === "internal" ? ctx.t("ui.error.internal") : answer.error.message }),
      field && el("p", { className: "kb-hint", textContent: field }))];
  }
  const state = answer.not_covered ? "not-covered" : verdict === true ? "ok" : verdict === false ? "ko" : "info";
  const box = el("div", { className: `kb-result kb-result--${state}` });
  box.dataset.kbVerdict = state;
  const verdictLine = extra.flat().find((node) => node?.classList?.contains("kb-result__verdict"));
  if (verdictLine) box.append(verdictLine); // the short verdict first, then the explanation
  box.append(el("p", { className: "kb-result__message", textContent: answer.message }));
  if (answer.not_covered) box.append(el("p", { className: "kb-hint", textContent: ctx.t("ui.not_covered") }));
  box.append(...extra.flat().filter((node) => node && node !== verdictLine));
  const listed = statements(answer, ctx);
  if (listed) box.append(listed);
  else if (answer.rules?.length) box.append(el("p", { className: "kb-hint" }, `${ctx.t("ui.rules")} `, ruleLinks(answer.rules, ctx)));
  return [box];
}

const line = (label, value) => el("p", {}, el("strong", { textContent: label }), " ", value);

export const renderers = {
  eligibility(answer, ctx) {
    const unmet = answer.unmet?.length
      ? line(ctx.t("ui.eligibility.unmet"), ruleLinks(answer.unmet, ctx)) : null;
    return frame(answer, ctx, answer.eligible, unmet);
  },

  access(answer, ctx) {
    const extra = [];
    if (answer.conflicts?.length) extra.push(line(ctx.t("ui.access.conflicts"), answer.conflicts.join(", ")));
    const caps = answer.capabilities;
    if (caps && answer.allowed) {
      const manages = caps.manages === "all" ? ctx.t("ui.access.manages.all") : caps.manages.join(", ");
      extra.push(line(ctx.t("ui.access.manages"), manages),
        line(ctx.t("ui.access.can_order_renew"), yesNo(caps.can_order_renew, ctx)),
        line(ctx.t("ui.access.payment_methods"), yesNo(caps.payment_methods, ctx)));
    }
    return frame(answer, ctx, answer.allowed, extra);
  },

  payment(answer, ctx) {
    const extra = [];
    if (answer.applicable) {
      const party = (p) => ctx.t(`ui.party.${p}`);
      extra.push(line(ctx.t("ui.payment.who_pays"), party(answer.who_pays)),
        line(ctx.t("ui.payment.invoices"), party(answer.invoices_visible_to)),
        line(ctx.t("ui.payment.installed_in"), party(answer.installed_in)),
        line(ctx.t("ui.payment.benefit"), ctx.t(`ui.payment.benefit.${answer.partner_benefit}`)));
    }
    if (answer.amounts) {
      const a = answer.amounts;
      const cur = answer.currency;
      const dl = el("dl", { className: "kb-result__amounts" });
      for (const key of ["client_pays", "partner_pays", "partner_earns", "partner_saves"]) {
        const value = a[key];
        dl.append(el("dt", { textContent: ctx.t(`ui.payment.amount.${key}`) }), el("dd", { textContent: money(value, ctx, cur) }));
      }
      extra.push(el("p", { className: "kb-result__label", textContent: ctx.t("ui.payment.amounts") }), dl);
    }
    return frame(answer, ctx, answer.applicable ? null : false, extra);
  },

  vat(answer, ctx) {
    const extra = [];
    if (answer.valid !== undefined) {
      extra.push(el("p", { className: "kb-result__verdict", textContent: ctx.t(answer.valid ? "ui.vat.valid" : "ui.vat.invalid") }));
    }
    if (answer.hint) extra.push(el("p", { className: "kb-hint", textContent: answer.hint }));
    if (answer.country) extra.push(line(ctx.t("ui.vat.country_found"), answer.country));
    if (answer.compact && answer.valid) extra.push(line(ctx.t("ui.vat.compact"), el("code", { textContent: answer.compact })));
    if (answer.steps?.length) extra.push(el("p", { className: "kb-result__label", textContent: ctx.t("ui.vat.steps") }));
    return frame(answer, ctx, answer.valid, extra);
  },

  onboarding(answer, ctx) {
    const extra = answer.steps?.length ? [el("p", { className: "kb-result__label", textContent: ctx.t("ui.onboarding.steps") })] : [];
    return frame(answer, ctx, answer.allowed, extra);
  },

  support_code(answer, ctx) {
    const items = [answer.support_code, answer.temporary_access, answer.vip_code, answer.transfer_code_note];
    const list = el("ul", { className: "kb-result__statements" });
    for (const item of items.filter(Boolean)) list.append(el("li", {}, `${item.text} (`, ruleLink(item.id, ctx), ")"));
    const noVip = answer.has_vip_code === false ? el("p", { textContent: ctx.t("ui.support_code.no_vip") }) : null;
    return frame(answer, ctx, null, noVip, list);
  },
};
