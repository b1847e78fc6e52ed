// The explorer's page: a form that edits a scenario (the same JSON /api/run takes and the
// same keys a scenario TOML file has), live runs, and the answer drawn as tables and the
// server's own SVG charts. Plain JavaScript, no framework, nothing loaded from elsewhere.
"use strict";

const ARM_COLOURS = ["#000000", "#E69F00", "#56B4E9", "#009E73", "#D55E00", "#0072B2", "#CC79A7", "#F0E442"];
const DRIVE_COLOURS = {
  purple: "#CC79A7", red: "#D55E00", blue: "#0072B2", orange: "#E69F00",
  green: "#009E73", yellow: "#F0E442", turquoise: "#56B4E9",
};
// Keys the form edits; any other key of a loaded story is kept as it is.
const FORM_KEYS = ["seed", "replications", "horizon_days", "burn_in_days", "sector", "maturity", "arms"];
// Everything about metrics (titles, units, groups, which direction is better) and the chart
// tabs comes from /api/meta, declared once on the server.
let META = null;
let METRICS = new Map(); // name → {title, unit, axis, group, kind, better}
let STORIES = [];
let base = {};          // the loaded story's scenario: keys the form does not edit come from here
let lastResult = null;
let lastPartial = false;
let activeTab = "behaviour";
let debounce = null;
// The run in progress: its AbortController. A newer run aborts it, and the server stops
// the older one's simulation when its connection closes.
let current = null;
// The answers of the latest run, in order: { done, of, ms, width } (width: the interval of
// the first headline difference), read by the browser test.
let progressLog = [];
// The language of the page's words and numbers ("en", "nl"; "qps" for tests): from the link
// (`#lang=nl`), else the one chosen before (localStorage), else the one the server picks from
// the browser's Accept-Language. The words themselves come from /api/meta's `text`, written
// once in the catalogue (crates/text/locales/<lang>/page.ftl).
let LANG = null;
const LANG_KEY = "undercurrent-lang";

const $ = (id) => document.getElementById(id);

// The page's message `id` with its `{$name}` placeholders filled from `args`.
function t(id, args = {}) {
  const text = (META && META.text && META.text[id]) || id;
  return text.replace(/\{\s*\$([a-z_]+)\s*\}/g, (m, name) => (name in args ? String(args[name]) : m));
}

// Fills every element with `data-i18n` (its text), `data-i18n-title` and
// `data-i18n-aria-label` from the catalogue, and marks the switch's current language.
function applyTexts() {
  document.documentElement.lang = LANG === "qps" ? "en" : LANG;
  document.title = t("page-title");
  for (const e of document.querySelectorAll("[data-i18n]")) e.textContent = t(e.dataset.i18n);
  for (const e of document.querySelectorAll("[data-i18n-title]")) e.title = t(e.dataset.i18nTitle);
  for (const e of document.querySelectorAll("[data-i18n-aria-label]")) e.setAttribute("aria-label", t(e.dataset.i18nAriaLabel));
  for (const b of document.querySelectorAll("#lang-switch button")) b.classList.toggle("active", b.dataset.lang === LANG);
}

function el(tag, attrs = {}, ...children) {
  const e = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === null || v === undefined || v === false) continue;
    if (k === "class") e.className = v;
    else if (k === "text") e.textContent = v;
    else if (k.startsWith("on")) e.addEventListener(k.slice(2), v);
    else e.setAttribute(k, v === true ? "" : v);
  }
  for (const c of children) if (c !== null && c !== undefined) e.append(c);
  return e;
}

function label(s) { return String(s).replace(/_/g, " "); }

// An arm's name in the page's language: the server's term for the arms of the default and the
// stories (`term-arm-*`), else the name with spaces, as the charts and the report write it.
function armTitle(s) { return (META.arm_titles || {})[s] || label(s); }
function sectorTitle(s) { return (META.sector_titles || {})[s] || label(s); }
function maturityTitle(m) { return (META.maturity_titles || {})[m] || m; }
function driveTitle(d) { return (META.drive_titles || {})[d] || d; }

function metricInfo(name) { return METRICS.get(name) || { title: name, unit: "", group: "", kind: "", better: "neither" }; }

// ---------- numbers ----------

// The rules of undercurrent_text::numbers (crates/text/src/numbers.rs) for the page's
// language: English `1,234.56`, `€1,234`, `[0.139, 0.143]`; Dutch `1.234,56`, `€ 1.234`,
// `[0,139; 0,143]`, `n.b.`; both a real minus and decimals by size.
const dutch = () => LANG === "nl";
function missing() { return dutch() ? "n.b." : "–"; }

// `a` (not negative) with `d` decimals, thousands grouped, the language's decimal sign.
function num(a, d) {
  const [int, frac] = a.toFixed(d).split(".");
  const grouped = int.replace(/\B(?=(\d{3})+(?!\d))/g, dutch() ? "." : ",");
  return frac === undefined ? grouped : grouped + (dutch() ? "," : ".") + frac;
}

// `x` with `d` decimals and a real minus (for any number the page writes itself).
function fixed(x, d) {
  if (x === null || x === undefined || !isFinite(x)) return missing();
  const s = num(Math.abs(x), d);
  return x < 0 && /[1-9]/.test(s) ? "−" + s : s;
}

function fmt(x, metric) {
  if (x === null || x === undefined || !isFinite(x)) return missing();
  const a = Math.abs(x);
  const negative = (s) => x < 0 && /[1-9]/.test(s);
  if (metric && metricInfo(metric).unit.startsWith("euro")) {
    const s = num(a, 0);
    if (dutch()) return "€ " + (negative(s) ? "−" : "") + s;
    return (negative(s) ? "−" : "") + "€" + s;
  }
  const s = num(a, a >= 100 ? 0 : a >= 10 ? 1 : a >= 1 ? 2 : 3);
  return negative(s) ? "−" + s : s;
}
function signed(x, metric) {
  if (x === null || x === undefined || !isFinite(x)) return missing();
  const s = fmt(x, metric);
  return x > 0 ? "+" + s : s.replace("-", "−");
}
function ciText(s, metric) {
  if (!s || s.lo === null || s.hi === null) return "";
  return "[" + fmt(s.lo, metric) + (dutch() ? "; " : ", ") + fmt(s.hi, metric) + "]";
}
// good / bad when the 95% interval excludes zero, "ns" (not distinguishable) otherwise.
function verdict(s, metric) {
  const better = metricInfo(metric).better;
  if (!s || s.lo === null || s.hi === null || s.mean === null || better === "neither") return "ns";
  if (s.lo <= 0 && s.hi >= 0) return "ns";
  const up = s.mean > 0;
  return (up !== (better === "lower")) ? "good" : "bad";
}

// ---------- form: building ----------

function numberValue(id) {
  const v = $(id).value.trim();
  if (v === "") return null;
  const n = Number(v);
  return Number.isFinite(n) ? n : v; // a non-number goes to the server, which names the field
}

function presetKey() { return ($("sector").value || "") + "|" + ($("maturity").value || ""); }

function showPresetPlaceholders() {
  const p = META && META.presets[presetKey()];
  if (!p) return;
  $("employees").placeholder = p.employees;
  $("team_size").placeholder = p.team_size;
  $("role_model_mean").placeholder = p.role_model_mean;
  $("facilities").placeholder = p.facilities;
  $("turnover").placeholder = p.turnover_per_year;
  if (!$("custom-mix").checked) setMix(p.drive_mix);
}

// The bounds of every parameter field come from the model's declarations (/api/meta,
// "parameters"); an open end (a Beta mean in (0, 1)) becomes the nearest step inside it.
function applyParameterBounds() {
  for (const p of META.parameters || []) {
    for (const input of document.querySelectorAll(`input[type=number][data-key="${p.key}"]`)) {
      const step = Number(input.step) || 0;
      if (p.min !== null) input.min = p.min_open ? p.min + step : p.min;
      if (p.max !== null) input.max = p.max_open ? p.max - step : p.max;
      input.title = t("page-parameter-title", { meaning: p.meaning, unit: p.unit, allowed: p.allowed });
    }
  }
}

function buildMix() {
  const box = $("mix");
  box.innerHTML = "";
  for (const d of META.drives) {
    const range = el("input", { type: "range", min: 0, max: 100, step: 1, id: "mix-" + d, "aria-label": driveTitle(d), oninput: () => { updateMixPct(); changed(); } });
    const swatch = el("span", { class: "swatch" });
    swatch.style.background = DRIVE_COLOURS[d] || "#888";
    box.append(el("span", { class: "drive" }, swatch, driveTitle(d)), range, el("span", { class: "pct", id: "pct-" + d }));
  }
}

function setMix(mix) {
  for (const d of META.drives) $("mix-" + d).value = Math.round(100 * (mix[d] || 0));
  updateMixPct();
}

function updateMixPct() {
  const custom = $("custom-mix").checked;
  $("mix").classList.toggle("disabled", !custom);
  let sum = 0;
  for (const d of META.drives) sum += Number($("mix-" + d).value);
  for (const d of META.drives) {
    $("mix-" + d).disabled = !custom;
    const v = Number($("mix-" + d).value);
    $("pct-" + d).textContent = sum > 0 ? Math.round(100 * v / sum) + "%" : missing();
  }
}

// Intervention kinds come from /api/meta (`interventions`, declared once in
// src/model/intervention_kinds.rs): title, description, susceptibility, whom they reach, and
// every setting with its label, default, bounds and meaning. The page keeps no copy of them.
function kindInfo(name) { return META.interventions.find((k) => k.name === name) || META.interventions[0]; }

function kindTitle(k) { return k.acts_on_managers ? t("page-kind-managers", { kind: k.title }) : k.title; }

function kindHelp(k) {
  if (k.susceptibility === "none") return k.description;
  return t("page-kind-help", { description: k.description, susceptibility: k.susceptibility_title || k.susceptibility });
}

// The settings of kind k that the composer has a field for.
function formSettings(k) { return k.settings.filter((s) => s.input !== "none"); }

// A new intervention of kind k: a typical programme of the kind at the default intensity.
function newIntervention(k, start) {
  const iv = Object.assign({ kind: k.name, start }, k.typical);
  const intensity = k.settings.find((s) => s.key === "intensity");
  if (intensity) iv.intensity = intensity.default;
  if (iv.start === null || iv.start === undefined) delete iv.start;
  return iv;
}

function decimals(step) { return (String(step ?? 1).split(".")[1] || "").length; }

// The input for setting s of the intervention at `key`: a number, a slider or a choice, with
// the setting's bounds; an empty number field means the default (shown as the placeholder).
function settingInput(key, s, iv, first) {
  const attrs = { "data-key": key + "." + s.key, "data-setting": s.key, class: "iv-" + s.key, title: s.meaning };
  if (s.input === "choice") {
    const sel = el("select", Object.assign(attrs, { onchange: changed }));
    for (const c of s.choices) sel.append(el("option", { value: c, text: (s.choice_titles || {})[c] || label(c) }));
    sel.value = iv[s.key] ?? s.default;
    return sel;
  }
  if (s.input === "slider") {
    const value = iv[s.key] ?? s.default;
    const out = el("output", { text: fixed(Number(value), decimals(s.step)) });
    const range = el("input", Object.assign(attrs, { type: "range", min: s.min, max: s.max, step: s.step, value,
      oninput: (e) => { out.textContent = fixed(Number(e.target.value), decimals(s.step)); changed(); } }));
    return el("div", { class: "intensity" }, range, out);
  }
  // A setting without a default (the start) follows the previous intervention.
  const placeholder = s.default === null ? (first ? String(s.min ?? "") : t("page-chained")) : String(s.default);
  if (s.input === "days") return daysInput(key, s, iv[s.key], Object.assign(attrs, { placeholder }));
  return numInput(key + "." + s.key, iv[s.key], Object.assign(attrs, { min: s.min, max: s.max, step: s.step, placeholder }));
}

// Day fields (start, duration, interval) take a number and a unit, from /api/meta's
// `day_units` (days, weeks, months, years: a week is 5 working days, a month 250/12, a year
// 250). Days go to the server as a whole number, as a file writes them; another unit as text
// such as "6 months", which the scenario parser reads and rounds to whole working days.
function dayUnit(name) { return META.day_units.find((u) => u.plural === name) || META.day_units[0]; }

// A day field's value as written ({n, unit}): a number is days; text such as "1.5 months"
// or "2 working days" is split into its number and unit.
function splitDays(v) {
  if (typeof v === "number") return { n: v, unit: "days" };
  if (typeof v !== "string") return { n: "", unit: "days" };
  const m = v.trim().match(/^([0-9.]+)\s*(?:working\s+)?([A-Za-z]+)$/);
  const word = m ? m[2].toLowerCase() : "";
  const u = META.day_units.find((x) => x.singular === word || x.plural === word);
  return u ? { n: m[1], unit: u.plural } : { n: v, unit: "days" };
}

// What the form sends for a number `text` in `unit`: days as a number, else "6 months"
// ("1 month" for one).
function daysValue(text, unit) {
  const n = Number(text);
  if (!Number.isFinite(n)) return text;
  if (unit === "days") return n;
  const u = dayUnit(unit);
  return text.trim() + " " + (n === 1 ? u.singular : u.plural);
}

function daysInput(key, s, value, attrs) {
  const { n, unit } = splitDays(value);
  const bounds = (u) => (u === "days" ? { min: s.min, max: s.max, step: s.step } : { min: 0, max: null, step: "any" });
  const num = numInput(key + "." + s.key, n, Object.assign(attrs, bounds(unit)));
  const sel = el("select", { class: "unit", "data-unit-for": s.key, "aria-label": t("page-unit-of", { setting: s.label }), title: t("page-day-units-help") });
  for (const u of META.day_units) sel.append(el("option", { value: u.plural, text: t("page-unit-" + u.plural) }));
  sel.value = unit;
  let last = unit;
  // Changing the unit keeps the length: 120 days become 5.76 months.
  sel.addEventListener("change", () => {
    if (num.value.trim() !== "" && Number.isFinite(Number(num.value))) {
      const x = Number(num.value) * dayUnit(last).days / dayUnit(sel.value).days;
      num.value = sel.value === "days" ? String(Math.round(x)) : String(Number(x.toFixed(2)));
    }
    const b = bounds(sel.value);
    for (const k of ["min", "max", "step"]) {
      if (b[k] === null || b[k] === undefined) num.removeAttribute(k); else num.setAttribute(k, b[k]);
    }
    last = sel.value;
    changed();
  });
  return el("div", { class: "days" }, num, sel);
}

function field(labelText, input) { return el("label", {}, labelText, input); }

function numInput(key, value, attrs = {}) {
  return el("input", Object.assign({ type: "number", "data-key": key, value: value ?? "", oninput: changed }, attrs));
}

function interventionRow(armIndex, ivIndex, iv, first) {
  const key = `arms[${armIndex}].interventions[${ivIndex}]`;
  const kind = el("select", { "data-key": key + ".kind", class: "iv-kind" });
  for (const k of META.interventions) kind.append(el("option", { value: k.name, text: kindTitle(k) }));
  kind.value = iv.kind;
  const info = kindInfo(iv.kind);
  const row = el("div", { class: "iv", "data-kind": iv.kind },
    el("div", { class: "iv-head" },
      field(t("page-intervention"), kind),
      el("button", { type: "button", class: "remove", title: t("page-remove-intervention-title"), "aria-label": t("page-remove-intervention"), onclick: () => { removeIntervention(armIndex, ivIndex); } }, "×"),
    ));
  // Settings every kind takes in one grid, sliders below it, the kind's own in a second grid.
  const grid = el("div", { class: "iv-grid" });
  const own = el("div", { class: "iv-grid own" });
  const sliders = [];
  for (const s of formSettings(info)) {
    const input = settingInput(key, s, iv, first);
    if (s.input === "slider") sliders.push(field(s.label, input));
    else (info.own_settings.includes(s.key) ? own : grid).append(field(s.label, input));
  }
  row.append(grid, ...sliders);
  if (own.children.length) row.append(own);
  row.append(el("p", { class: "help", text: kindHelp(info) }));
  // Keys the form has no field for (a file's `target = "teams"`, say) are kept and shown.
  const shown = new Set(["kind"].concat(formSettings(info).map((s) => s.key)));
  const extra = {};
  for (const [k, v] of Object.entries(iv)) {
    const implied = k === "target" && v === "managers" && info.acts_on_managers;
    if (!shown.has(k) && !implied) extra[k] = v;
  }
  if (Object.keys(extra).length) {
    row.dataset.extra = JSON.stringify(extra);
    row.append(el("p", { class: "extra", title: t("page-extra-title"), text: t("page-extra") + " " + Object.entries(extra).map(([k, v]) => k + " = " + JSON.stringify(v)).join(", ") }));
  }
  kind.addEventListener("change", () => {
    // A new kind starts from a typical programme of that kind; the teams it reaches stay as
    // they were.
    const arms = readArms();
    const old = arms[armIndex].interventions[ivIndex];
    const keep = old.target === "teams" ? { target: "teams", teams: old.teams } : {};
    arms[armIndex].interventions[ivIndex] = Object.assign(keep, newIntervention(kindInfo(kind.value), old.start));
    renderArms(arms);
    changed();
  });
  return row;
}

function renderArms(arms) {
  const box = $("arms");
  box.innerHTML = "";
  arms.forEach((arm, i) => {
    const colour = ARM_COLOURS[(i + 1) % ARM_COLOURS.length];
    const card = el("div", { class: "arm", "data-index": i, "data-description": arm.description || "" },
      el("div", { class: "arm-head" },
        el("span", { class: "dot" }),
        el("input", { type: "text", value: arm.name, "data-key": `arms[${i}].name`, class: "arm-name", "aria-label": t("page-programme-name"), oninput: changed }),
        el("button", { type: "button", class: "remove", title: t("page-remove-programme-title"), "aria-label": t("page-remove-programme"), onclick: () => { const a = readArms(); a.splice(i, 1); renderArms(a); changed(); } }, "×"),
      ));
    card.querySelector(".dot").style.background = colour;
    (arm.interventions || []).forEach((iv, j) => card.append(interventionRow(i, j, iv, j === 0)));
    card.append(el("button", { type: "button", class: "secondary small", onclick: () => addIntervention(i) }, t("page-add-intervention")));
    box.append(card);
  });
  $("add-arm").disabled = META && arms.length + 1 >= META.limits.max_arms;
}

function addIntervention(i) {
  const arms = readArms();
  arms[i].interventions.push(newIntervention(kindInfo("coaching")));
  renderArms(arms);
  changed();
}

function removeIntervention(i, j) {
  const arms = readArms();
  arms[i].interventions.splice(j, 1);
  renderArms(arms);
  changed();
}

// ---------- form: reading ----------

function readArms() {
  const arms = [];
  for (const card of document.querySelectorAll("#arms .arm")) {
    const arm = { name: card.querySelector(".arm-name").value.trim(), interventions: [] };
    if (card.dataset.description) arm.description = card.dataset.description;
    for (const row of card.querySelectorAll(".iv")) {
      const kind = row.querySelector(".iv-kind").value;
      const info = kindInfo(kind);
      const iv = Object.assign(JSON.parse(row.dataset.extra || "{}"), { kind });
      for (const s of formSettings(info)) {
        const e = row.querySelector(`[data-setting="${s.key}"]`);
        if (!e || e.value.trim() === "") continue;
        const n = Number(e.value);
        // A choice is its text; a non-number goes to the server, which names the field.
        if (s.input === "days") iv[s.key] = daysValue(e.value, row.querySelector(`[data-unit-for="${s.key}"]`).value);
        else iv[s.key] = s.input === "choice" || !Number.isFinite(n) ? e.value : n;
      }
      if (info.acts_on_managers) iv.target = "managers";
      arm.interventions.push(iv);
    }
    arms.push(arm);
  }
  return arms;
}

// The scenario as JSON: the loaded story's other keys, overlaid with the form.
function readForm() {
  const s = JSON.parse(JSON.stringify(base));
  for (const k of FORM_KEYS) delete s[k];
  for (const k of ["seed", "replications", "horizon_days", "burn_in_days"]) {
    const v = numberValue(k);
    if (v !== null) s[k] = v;
  }
  if ($("sector").value) s.sector = $("sector").value;
  if ($("maturity").value) s.maturity = $("maturity").value;
  const org = Object.assign({}, s.organisation || {});
  for (const k of ["employees", "team_size", "facilities", "turnover_per_year", "drive_mix"]) delete org[k];
  const emp = numberValue("employees"); if (emp !== null) org.employees = emp;
  const ts = numberValue("team_size"); if (ts !== null) org.team_size = ts;
  const fac = numberValue("facilities"); if (fac !== null) org.facilities = fac;
  const tu = numberValue("turnover"); if (tu !== null) org.turnover_per_year = tu;
  if ($("custom-mix").checked) {
    org.drive_mix = {};
    for (const d of META.drives) org.drive_mix[d] = Number($("mix-" + d).value) / 100;
  }
  if (Object.keys(org).length) s.organisation = org; else delete s.organisation;
  const man = Object.assign({}, s.managers || {});
  delete man.role_model_mean;
  const rm = numberValue("role_model_mean"); if (rm !== null) man.role_model_mean = rm;
  if (Object.keys(man).length) s.managers = man; else delete s.managers;
  s.arms = readArms();
  return s;
}

// ---------- form: filling ----------

function fillForm(s) {
  base = JSON.parse(JSON.stringify(s));
  const d = META.defaults;
  $("seed").value = s.seed ?? d.seed;
  $("replications").value = s.replications ?? d.replications;
  $("horizon_days").value = s.horizon_days ?? d.horizon_days;
  $("burn_in_days").value = s.burn_in_days ?? d.burn_in_days;
  $("sector").value = s.sector || "";
  $("maturity").value = s.maturity || "";
  const o = s.organisation || {};
  $("employees").value = o.employees ?? "";
  $("team_size").value = o.team_size ?? "";
  $("facilities").value = o.facilities ?? "";
  $("turnover").value = o.turnover_per_year ?? "";
  $("role_model_mean").value = (s.managers || {}).role_model_mean ?? "";
  $("org-details").open = o.facilities !== undefined || o.turnover_per_year !== undefined || (s.managers || {}).role_model_mean !== undefined;
  $("custom-mix").checked = !!o.drive_mix;
  showPresetPlaceholders();
  if (o.drive_mix) setMix(o.drive_mix);
  updateMixPct();
  renderArms((s.arms || []).filter((a) => a.name !== "baseline").map((a) => Object.assign({ interventions: [] }, a)));
}

function defaultScenario() {
  return { name: "explorer", arms: [{ name: "coaching", interventions: [newIntervention(kindInfo("coaching"), 50)] }] };
}

// ---------- running ----------

// body[data-busy] is "1" from a change until its result is shown (read by the browser test).
function setBusy(b) { document.body.dataset.busy = b ? "1" : "0"; }

// A notice about the page's link (damaged, or copied) holds until the user's next change;
// the notes of an opened file stay until something else replaces them.
let noticeUntilChange = false;

function changed() {
  if (noticeUntilChange) {
    $("notice").hidden = true;
    noticeUntilChange = false;
  }
  setBusy(true);
  clearInvalid();
  $("results").classList.add("stale");
  if (!$("live").checked) { setBusy(false); setStatus(t("page-status-changed"), false); return; }
  // The answer in progress is for settings that are gone: nobody waits for it.
  if (current) { current.abort(); current = null; }
  clearTimeout(debounce);
  debounce = setTimeout(() => { debounce = null; run(); }, 250);
}

function setStatus(text, running) {
  const s = $("status");
  s.textContent = text;
  s.classList.toggle("running", !!running);
}

function clearInvalid() {
  for (const e of document.querySelectorAll(".invalid")) e.classList.remove("invalid");
}

function markInvalid(keys) {
  for (const key of keys || []) {
    // The deepest form element whose key is the problem's key or a prefix of it.
    let k = key;
    while (k) {
      const e = document.querySelector(`[data-key="${CSS.escape(k)}"]`);
      if (e) { e.classList.add("invalid"); break; }
      const cut = Math.max(k.lastIndexOf("."), k.lastIndexOf("["));
      k = cut > 0 ? k.slice(0, cut) : "";
    }
  }
}

// ---------- link ----------

// The page's address carries the settings of the last answer (`#story=…&s=<scenario JSON>`),
// so that the address, bookmarked or mailed, reopens the page as it is now. Nothing leaves
// the browser: the part after `#` is never sent to the server.
function rememberInLink(scenario) {
  const params = new URLSearchParams();
  params.set("lang", LANG);
  if ($("story").value) params.set("story", $("story").value);
  params.set("s", JSON.stringify(scenario));
  history.replaceState(null, "", "#" + params.toString());
}

// The settings of a link, if the address carries any: `{ story, scenario }`, or null.
function settingsFromLink() {
  if (!location.hash || location.hash.length < 2) return null;
  const params = new URLSearchParams(location.hash.slice(1));
  const text = params.get("s");
  if (!text) return null;
  try {
    const scenario = JSON.parse(text);
    if (typeof scenario !== "object" || scenario === null || Array.isArray(scenario)) throw new Error("not a scenario");
    return { story: params.get("story") || "", scenario };
  } catch (e) {
    return { error: t("page-link-damaged", { reason: e.message }) };
  }
}

async function copyLink() {
  const url = location.href;
  try {
    await navigator.clipboard.writeText(url);
    $("notice").textContent = t("page-link-copied");
    noticeUntilChange = true;
  } catch (e) {
    $("notice").textContent = t("page-link-copy-this", { url });
    noticeUntilChange = true;
  }
  $("notice").hidden = false;
}

// What a failed answer means for the user, when the server gave no message of its own
// (a status code is not something a client in the room should be shown).
function failure(status) {
  if (status === 413) return t("page-failure-too-large");
  if (status === 422 || status === 400) return t("page-failure-unusable");
  if (status >= 500) return t("page-failure-internal");
  return t("page-failure-refused");
}

async function postJson(path, body) {
  const r = await fetch(inLang(path), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(body) });
  return r;
}

// Runs the form's scenario progressively: a first answer from the few replications that
// take about a third of a second, then answers from more of them as they finish (the
// intervals narrowing), until all of them: each step asks for the answer after the
// replications it has (`/api/run/after/<done>`), and the server computes only the new ones.
async function run() {
  clearTimeout(debounce);
  debounce = null;
  setBusy(true);
  if (current) current.abort();
  const mine = new AbortController();
  current = mine;
  const scenario = readForm();
  const t0 = performance.now();
  progressLog = [];
  setStatus(t("page-status-running"), true);
  let done = 0;
  try {
    for (;;) {
      const r = await fetch(inLang(`/api/run/after/${done}`), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(scenario), signal: mine.signal });
      const text = await r.text();
      let data = null;
      try { data = JSON.parse(text); } catch (e) { data = { error: text }; }
      if (!r.ok) {
        showError(data.error || failure(r.status), data.keys);
        setStatus(t("page-status-not-run"), false);
        break;
      }
      $("error").hidden = true;
      const st = data.stats;
      const partial = st.done < st.of;
      render(data.result, partial);
      $("results").classList.remove("stale");
      const ms = Math.round(performance.now() - t0);
      const head = data.result.comparison.find((row) => row.headline && row.diff[1]);
      const d = head ? head.diff[1] : null;
      progressLog.push({ done: st.done, of: st.of, ms, width: d && d.hi !== null && d.lo !== null ? d.hi - d.lo : null });
      if (partial) {
        const what = done === 0 ? "page-status-first" : "page-status-refined";
        setStatus(t(what, { done: st.done, of: st.of, ms }), true);
        $("status").dataset.partial = `${st.done}/${st.of}`;
        done = st.done;
        continue;
      }
      const how = st.cached_result ? t("page-status-cached-result") :
        t("page-status-cached-replications", { cached: st.cached_replications, replications: st.replications });
      // Says how many replications the figures come from: a scenario file's default is
      // 20 replications, so `run` on another file gives other numbers; the exported file
      // gives these (tests/serve_api.rs).
      const first = progressLog.length > 1 ? t("page-status-first-picture", { ms: progressLog[0].ms, done: progressLog[0].done }) : "";
      setStatus(t("page-status-done", { programmes: data.result.arms.length - 1, employees: data.result.organisation.employees, teams: data.result.organisation.teams, replications: st.replications, ms, first, how }), false);
      $("status").dataset.partial = "";
      $("status").dataset.ms = ms;
      $("status").dataset.runs = String(Number($("status").dataset.runs || 0) + 1);
      rememberInLink(scenario);
      break;
    }
  } catch (e) {
    // Aborted: a newer run (or a change) owns the page now.
    if (e.name === "AbortError") return;
    showError(t("page-no-answer", { reason: e.message }));
    setStatus(t("page-status-no-answer"), false);
  } finally {
    if (current === mine) {
      current = null;
      if (debounce === null) setBusy(false);
    }
  }
}

function showError(message, keys) {
  const e = $("error");
  e.textContent = message;
  e.hidden = false;
  markInvalid(keys);
}

async function exportToml() {
  const r = await fetch(inLang("/api/export"), { method: "POST", headers: { "Content-Type": "application/json" }, body: JSON.stringify(readForm()) });
  if (!r.ok) {
    const data = await r.json().catch(() => ({}));
    showError(data.error || failure(r.status), data.keys);
    return;
  }
  const cd = r.headers.get("Content-Disposition") || "";
  const m = cd.match(/filename="([^"]+)"/);
  const blob = new Blob([await r.text()], { type: "application/toml" });
  const a = el("a", { href: URL.createObjectURL(blob), download: m ? m[1] : "scenario.toml" });
  document.body.append(a);
  a.click();
  setTimeout(() => { URL.revokeObjectURL(a.href); a.remove(); }, 1000);
}

// Opens a scenario file: checked by the server as `run` checks it, then shown in the form.
async function openToml(file) {
  if (!file) return;
  const text = await file.text();
  const r = await postJson("/api/import", { name: file.name, toml: text });
  const data = await r.json().catch(() => ({ error: failure(r.status) }));
  $("open").value = "";
  if (!r.ok) {
    showError(data.error || failure(r.status), []);
    setStatus(t("page-status-not-opened"), false);
    return;
  }
  $("error").hidden = true;
  $("story").value = "";
  $("story-box").hidden = true;
  fillForm(data.scenario);
  const notes = [t("page-opened", { name: data.name })].concat(data.notes || []);
  $("notice").textContent = notes.join(" ");
  $("notice").hidden = false;
  changed();
}

// ---------- results ----------

// `partial`: an answer from some of the replications, refined next (no downloads yet).
function render(res, partial) {
  lastResult = res;
  lastPartial = partial;
  renderDownloads(res, partial);
  renderHeadline(res);
  renderTables(res);
  renderReading(res);
  renderCharts(res);
  renderTeams(res);
}

// The files `undercurrent run` writes for this answer's scenario, from the server (the
// bytes `run` of the exported TOML writes; tests/serve_api.rs compares them).
function renderDownloads(res, partial) {
  const box = $("downloads");
  box.innerHTML = "";
  box.hidden = true;
  if (partial) return;
  const stem = res.file_stem;
  const link = (file, text, saveAs, title) => el("a", { href: `/api/download/${res.id}/${file}`, download: saveAs, "data-file": file, title }, text);
  box.append(t("page-download") + " ",
    link("report.html", t("page-download-report"), `${stem}_report.html`, t("page-download-report-title")),
    link("summary.html", t("page-download-summary"), `${stem}_summary.html`, t("page-download-summary-title")),
    link(`${stem}.zip`, t("page-download-all"), `${stem}.zip`, t("page-download-all-title")));
  box.hidden = false;
}

// ---------- team view ----------

let teamMetric = null; // the first of the server's team-view metrics until one is chosen
let teamDay = null;

// Light to dark blue: a low value pale, a high one deep (the same for every arm and day, so
// that squares compare across programmes and time).
function teamColour(t) {
  const lo = [235, 243, 250], hi = [8, 48, 107];
  const c = lo.map((v, i) => Math.round(v + (hi[i] - v) * Math.min(1, Math.max(0, t))));
  return `rgb(${c[0]},${c[1]},${c[2]})`;
}

function renderTeams(res) {
  const box = $("teamview");
  const tv = res.teams;
  box.innerHTML = "";
  box.hidden = !tv;
  if (!tv) return;
  if (!tv.metrics.includes(teamMetric)) teamMetric = tv.metrics[0];
  if (teamDay === null || teamDay >= tv.days.length) teamDay = tv.days.length - 1;
  // One scale for all arms and days of the chosen metric.
  let lo = Infinity, hi = -Infinity;
  for (const arm of tv.arms) for (const t of arm) for (const v of t[teamMetric]) if (v !== null) { lo = Math.min(lo, v); hi = Math.max(hi, v); }
  if (!(hi > lo)) { hi = lo + 1e-9; }
  const info = metricInfo(teamMetric);
  const select = el("select", { id: "team-metric", onchange: (e) => { teamMetric = e.target.value; renderTeams(lastResult); } });
  for (const m of tv.metrics) select.append(el("option", { value: m, text: metricInfo(m).title }));
  select.value = teamMetric;
  const slider = el("input", { id: "team-day", type: "range", min: 0, max: tv.days.length - 1, step: 1, value: teamDay });
  const dayText = el("span", { id: "team-day-text" });
  // Set through the CSSOM: the page's content security policy refuses style attributes.
  const bar = el("span", { class: "bar" });
  bar.style.background = `linear-gradient(to right, ${teamColour(0)}, ${teamColour(1)})`;
  const legend = el("div", { class: "legend" },
    el("span", { text: fmt(lo, teamMetric) }), bar, el("span", { text: fmt(hi, teamMetric) }));
  box.append(el("h2", { text: t("page-teams-heading") }),
    el("div", { class: "controls" }, el("label", {}, t("page-teams-colour-by") + " ", select), el("label", {}, t("page-teams-day") + " ", slider), dayText, legend),
    el("p", { class: "desc", text: t("page-teams-desc", { replications: res.replications, metric: info.title, unit: info.unit }) }));
  const squares = [];
  tv.arms.forEach((arm, a) => {
    const row = el("div", { class: "squares" });
    for (const team of arm) {
      const sq = el("div", { class: "sq", "data-arm": a, "data-team": team.team });
      row.append(sq);
      squares.push([sq, team, a]);
    }
    box.append(el("div", { class: "arm-grid" }, el("h3", { text: armTitle(res.arms[a].name) }), row));
  });
  const paint = () => {
    const k = Number(slider.value);
    teamDay = k;
    const month = fixed(tv.days[k] / dayUnit("months").days, 1);
    dayText.textContent = t("page-teams-day-text", { day: tv.days[k], month });
    for (const [sq, tm] of squares) {
      const v = tm[teamMetric][k];
      sq.style.background = v === null ? "#fff" : teamColour((v - lo) / (hi - lo));
      sq.dataset.value = v === null ? "" : String(v);
      sq.title = t("page-teams-square", { team: tm.team + 1, employees: tm.employees, metric: info.title,
        value: v === null ? t("page-not-measured") : fmt(v, teamMetric),
        role_model: tm.role_model === null ? t("page-not-measured") : fixed(Number(tm.role_model), 2) });
    }
  };
  slider.addEventListener("input", paint);
  paint();
}

function renderHeadline(res) {
  const box = $("headline");
  box.innerHTML = "";
  res.arms.forEach((arm, a) => {
    if (a === 0) return;
    const dl = el("dl");
    for (const row of res.comparison) {
      if (!row.headline) continue;
      const text = metricInfo(row.metric).title;
      if (row.summary === "end") { dl.append(el("dt", { text }), el("dd", { text: fmt(row.values[a].mean, row.metric) })); continue; }
      const d = row.diff[a];
      dl.append(el("dt", { text }), el("dd", {}, el("span", { class: verdict(d, row.metric), text: signed(d && d.mean, row.metric) }), " ", el("span", { class: "ns", text: ciText(d, row.metric) })));
    }
    for (const row of res.durability) {
      if (row.headline && row.values[a]) dl.append(el("dt", { text: metricInfo(row.metric).title }), el("dd", { text: signed(row.values[a].mean, row.metric) }));
    }
    // Each figure says what it is and when: the ones with an interval are mean differences
    // over a window, the cost a total, the durability lines name their own day.
    const what = el("p", { class: "desc when", text: t("page-card-when", { from: res.window_from_day, to: res.horizon_days }) });
    const card = el("div", { class: "card" }, el("h3", { text: armTitle(arm.name) }), arm.description ? el("p", { class: "desc", text: arm.description }) : null, what, dl);
    card.style.borderTopColor = ARM_COLOURS[a % ARM_COLOURS.length];
    box.append(card);
  });
  if (res.arms.length === 1) box.append(el("div", { class: "card" }, el("h3", { text: t("page-baseline-only") }), el("p", { class: "desc", text: t("page-baseline-only-hint") })));
}

function renderTables(res) {
  const box = $("tables");
  box.innerHTML = "";
  box.className = res.arms.length > 2 ? "tables many" : "tables";
  // Comparison above and below the waterline.
  const head = el("tr", {}, el("th", { text: t("page-table-average", { from: res.window_from_day, to: res.horizon_days }) }));
  res.arms.forEach((a, i) => head.append(el("th", { text: (i > 0 ? t("page-table-vs-baseline", { name: armTitle(a.name) }) : armTitle(a.name)) })));
  const body = el("tbody");
  const groups = new Map(META.metric_groups.map((g) => [g.name, g.title]));
  let last = null;
  for (const row of res.comparison) {
    const info = metricInfo(row.metric);
    if (info.group !== last) {
      const heading = row.summary === "end" ? t("page-table-at-end", { group: groups.get(info.group) || info.group }) : (groups.get(info.group) || info.group);
      body.append(el("tr", { class: "group " + info.group + (info.group === "below" ? " waterline" : "") }, el("td", { colspan: res.arms.length + 1, text: heading })));
      last = info.group;
    }
    const tr = el("tr", { class: info.group, "data-metric": row.metric }, el("td", { text: info.title + " (" + info.unit + ")" }));
    row.values.forEach((v, a) => {
      if (a === 0) { tr.append(el("td", { "data-arm": a, "data-mean": v.mean }, fmt(v.mean, row.metric), el("span", { class: "ci", text: ciText(v, row.metric) }))); return; }
      const d = row.diff[a];
      tr.append(el("td", { "data-arm": a, "data-mean": v.mean, "data-diff": d.mean }, fmt(v.mean, row.metric), " ", el("span", { class: verdict(d, row.metric), text: "(" + signed(d.mean, row.metric) + ")" }), el("span", { class: "ci", text: ciText(d, row.metric) })));
    });
    body.append(tr);
  }
  box.append(el("div", { class: "panel", id: "comparison" }, el("h2", { text: t("page-comparison-heading") }), el("table", {}, el("thead", {}, head), body)));

  // Durability.
  if (res.arms.length > 1) {
    const dh = el("tr", {}, el("th", { text: t("page-durability-column") }));
    res.arms.forEach((a, i) => { if (i > 0) dh.append(el("th", { text: armTitle(a.name) })); });
    const db = el("tbody");
    for (const row of res.durability) {
      const info = metricInfo(row.metric);
      const tr = el("tr", { "data-metric": row.metric }, el("td", { text: info.title + " (" + info.unit + ")" }));
      row.values.forEach((v, a) => {
        if (a === 0) return;
        // A censorable duration comes as words from the server ("more than 22.0 months"):
        // never shown as a plain number.
        if (v && v.text !== undefined) {
          tr.append(el("td", { "data-arm": a, "data-censored": v.censored }, el("span", { text: v.text }), el("span", { class: "ci", text: v.censored > 0 ? v.note : "" })));
          return;
        }
        const isGain = info.kind === "difference";
        const text = v ? (isGain ? signed(v.mean, row.metric) : fmt(v.mean, row.metric)) : missing();
        tr.append(el("td", { "data-arm": a, "data-mean": v ? v.mean : null }, el("span", { class: isGain ? verdict(v, row.metric) : "", text }), el("span", { class: "ci", text: ciText(v, row.metric) })));
      });
      db.append(tr);
    }
    box.append(el("div", { class: "panel", id: "durability" }, el("h2", { text: t("page-durability-heading") }), el("table", {}, el("thead", {}, dh), db)));
  }
}

function renderReading(res) {
  const box = $("reading");
  box.innerHTML = "";
  if (!res.reading.length) { box.hidden = true; return; }
  box.hidden = false;
  for (const p of res.reading) {
    box.append(el("h3", { text: p.heading }));
    box.append(el("p", { text: p.sentences.join(" ") }));
  }
}

function renderCharts(res) {
  const tabs = $("tabs");
  tabs.innerHTML = "";
  const present = new Set(res.charts.map((c) => c.group));
  if (!present.has(activeTab)) activeTab = "behaviour";
  for (const { name: g, title: text } of META.chart_tabs) {
    if (!present.has(g)) continue;
    tabs.append(el("button", { type: "button", class: g === activeTab ? "active" : "", "data-tab": g, onclick: () => { activeTab = g; renderCharts(lastResult); } }, text));
  }
  const box = $("charts");
  box.innerHTML = "";
  for (const c of res.charts) {
    if (c.group !== activeTab) continue;
    const holder = el("div", { class: "svg" });
    holder.innerHTML = c.svg;
    const svg = holder.querySelector("svg");
    if (svg && !svg.getAttribute("viewBox")) {
      svg.setAttribute("viewBox", `0 0 ${parseFloat(svg.getAttribute("width"))} ${parseFloat(svg.getAttribute("height"))}`);
    }
    if (svg) { svg.removeAttribute("width"); svg.removeAttribute("height"); svg.setAttribute("role", "img"); svg.setAttribute("aria-label", c.title); }
    const base = `/api/chart/${res.id}/${c.stem}`;
    box.append(el("figure", { "data-stem": c.stem }, svg || holder,
      el("figcaption", {}, el("a", { href: base + ".png", download: `${res.name}_${c.stem}.png` }, "PNG"), el("a", { href: base + ".svg", download: `${res.name}_${c.stem}.svg` }, "SVG"))));
  }
}

// ---------- start ----------

// `path` asking for the answer in the page's language: the server answers in it (words,
// charts, error messages) and keeps a Dutch answer apart from an English one.
function inLang(path) {
  return LANG ? path + (path.includes("?") ? "&" : "?") + "lang=" + encodeURIComponent(LANG) : path;
}

// The language a page opens in: the link's (`#lang=nl`), else the one chosen before, else
// none (the server then answers in the browser's Accept-Language language, or English).
function initialLang() {
  const fromLink = new URLSearchParams(location.hash.slice(1)).get("lang");
  if (fromLink) return fromLink;
  try { return localStorage.getItem(LANG_KEY); } catch (e) { return null; }
}

// Loads the vocabulary, the stories and the page's words in `lang` (null: the server's
// choice) and writes them into the page's fixed parts and choices.
async function loadLanguage(lang) {
  const q = lang ? "?lang=" + encodeURIComponent(lang) : "";
  const [meta, stories] = await Promise.all([fetch("/api/meta" + q).then((r) => r.json()), fetch("/api/stories" + q).then((r) => r.json())]);
  META = meta;
  METRICS = new Map(meta.metrics.map((m) => [m.name, m]));
  STORIES = stories;
  LANG = meta.lang;
  applyTexts();
  $("version").textContent = "undercurrent " + META.version;
  const refill = (select, items) => {
    const chosen = select.value;
    while (select.options.length > 1) select.remove(1);
    for (const [value, text] of items) select.append(el("option", { value, text }));
    select.value = chosen;
  };
  refill($("sector"), META.sectors.map((x) => [x, sectorTitle(x)]));
  refill($("maturity"), META.maturities.map((m) => [m, maturityTitle(m)]));
  refill($("story"), STORIES.map((x) => [x.id, `${x.article}: ${x.title}`]));
  buildMix();
  applyParameterBounds();
}

function showStory(story) {
  $("story-box").hidden = !story;
  if (!story) return;
  $("story-title").textContent = t("page-story-heading", { article: story.article, title: story.title });
  $("story-look").textContent = story.look_for;
}

// Switches the page to `lang` and draws it again with the same settings: the form is read,
// the words reloaded, the form filled again (a story's programme descriptions in the new
// language), and the answer asked again (from the server's cache when it was complete).
async function switchLanguage(lang) {
  if (lang === LANG) return;
  const scenario = readForm();
  const storyId = $("story").value;
  const before = STORIES.find((x) => x.id === storyId);
  try {
    await loadLanguage(lang);
  } catch (e) {
    showError(t("page-no-answer", { reason: e.message }));
    return;
  }
  try { localStorage.setItem(LANG_KEY, LANG); } catch (e) { /* private mode: the link keeps it */ }
  const after = STORIES.find((x) => x.id === storyId);
  if (before && after) {
    for (const arm of scenario.arms || []) {
      const was = (before.scenario.arms || []).find((a) => a.name === arm.name);
      const now = (after.scenario.arms || []).find((a) => a.name === arm.name);
      if (was && now && was.description === arm.description) arm.description = now.description;
    }
  }
  $("story").value = storyId;
  showStory(after);
  fillForm(scenario);
  rememberInLink(readForm());
  if (lastResult) render(lastResult, lastPartial);
  changed();
}

async function start() {
  try {
    await loadLanguage(initialLang());
  } catch (e) {
    // Without the server there is no catalogue either: the one text the page holds itself,
    // in the language the page would have asked for (the link's, the last chosen, or the
    // browser's).
    const lang = initialLang() || (navigator.language || "").slice(0, 2);
    const why = lang === "nl" ? "De instellingen van de verkenner konden niet worden geladen: "
      : "Could not load the explorer's settings: ";
    setStatus(why + e.message, false);
    return;
  }
  for (const b of document.querySelectorAll("#lang-switch button")) b.addEventListener("click", () => switchLanguage(b.dataset.lang));

  $("story").addEventListener("change", () => {
    const s = STORIES.find((x) => x.id === $("story").value);
    $("notice").hidden = true;
    showStory(s);
    if (s) {
      fillForm(s.scenario);
    } else {
      fillForm(defaultScenario());
    }
    changed();
  });
  for (const id of ["sector", "maturity"]) $(id).addEventListener("change", () => { showPresetPlaceholders(); changed(); });
  for (const id of ["employees", "team_size", "facilities", "turnover", "role_model_mean", "replications", "seed", "horizon_days", "burn_in_days"]) {
    $(id).addEventListener("input", changed);
  }
  $("custom-mix").addEventListener("change", () => { if (!$("custom-mix").checked) showPresetPlaceholders(); updateMixPct(); changed(); });
  $("add-arm").addEventListener("click", () => {
    const arms = readArms();
    let n = arms.length + 1;
    while (arms.some((a) => a.name === "programme_" + n)) n++;
    arms.push({ name: "programme_" + n, interventions: [newIntervention(kindInfo("training"), 50)] });
    renderArms(arms);
    changed();
  });
  $("run").addEventListener("click", run);
  $("export").addEventListener("click", exportToml);
  $("open").addEventListener("change", (e) => openToml(e.target.files[0]));
  $("live").addEventListener("change", () => { if ($("live").checked) changed(); });

  $("copy-link").addEventListener("click", copyLink);

  const link = settingsFromLink();
  if (link && link.scenario) {
    const story = STORIES.find((x) => x.id === link.story);
    if (story) {
      $("story").value = story.id;
      showStory(story);
    }
    fillForm(link.scenario);
  } else {
    if (link && link.error) {
      $("notice").textContent = link.error;
      $("notice").hidden = false;
      noticeUntilChange = true;
    }
    fillForm(defaultScenario());
  }
  run();
}

document.addEventListener("DOMContentLoaded", start);
