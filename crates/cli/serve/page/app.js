// factlint's page: checks the story as it is typed, underlines findings, lists figures and
// compares versions. Everything it needs is served by `factlint serve`; it loads nothing else.
"use strict";

// How long typing must pause before the story is checked.
const PAUSE_MS = 40;

const $ = (id) => document.getElementById(id);
const story = $("story");
const backdrop = $("backdrop");
const state = {
  findings: [],
  claims: [],
  // The text the findings belong to; fixes apply only to it.
  checkedText: "",
  // Each check gets a number; only the answer to the latest is shown.
  sent: 0,
  timer: null,
  // When the last edit happened, for the time from typing stopped to findings shown.
  editedAt: 0,
  active: -1,
};
// Read by the browser test: the time from the last edit to the findings on screen, per check.
window.factlintTimings = [];

function escapeHtml(text) {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c]);
}

function element(tag, attributes, ...children) {
  const node = document.createElement(tag);
  for (const [name, value] of Object.entries(attributes || {})) {
    if (name === "onclick") node.addEventListener("click", value);
    else node.setAttribute(name, value);
  }
  for (const child of children) node.append(child instanceof Node ? child : document.createTextNode(String(child)));
  return node;
}

function setStatus(target, text, failed) {
  target.textContent = text;
  target.classList.toggle("failed", Boolean(failed));
}

async function post(path, body) {
  const response = await fetch(path, {
    method: "POST",
    headers: { "Content-Type": "application/json" },
    body: JSON.stringify(body),
  });
  const answer = await response.json().catch(() => ({ error: `the server answered ${response.status}` }));
  if (!response.ok) throw new Error(answer.error || `the server answered ${response.status}`);
  return answer;
}

function storyRequest() {
  return { text: story.value, format: $("format").value, date: $("date").value || null };
}

function scheduleCheck() {
  state.editedAt = performance.now();
  clearTimeout(state.timer);
  state.timer = setTimeout(check, PAUSE_MS);
}

async function check() {
  const number = ++state.sent;
  const request = storyRequest();
  setStatus($("status"), "Checking…");
  try {
    const answer = await post("/api/check", request);
    if (number !== state.sent) return;
    state.findings = answer.findings;
    state.claims = answer.claims;
    state.checkedText = request.text;
    state.active = -1;
    render(answer);
    window.factlintTimings.push({ ms: performance.now() - state.editedAt, characters: request.text.length });
    document.body.dataset.checked = String(number);
    const n = answer.findings.length;
    setStatus($("status"), n === 0 ? "No findings" : `${n} finding${n === 1 ? "" : "s"}`);
  } catch (error) {
    if (number === state.sent) setStatus($("status"), error.message, true);
  }
}

function render(answer) {
  renderMarks();
  renderFindings();
  renderFigures(answer.reference);
  renderDetails();
}

// The underlines: the story's text, with findings wrapped in <mark>, behind the textarea.
function renderMarks() {
  const text = story.value;
  let html = "";
  let at = 0;
  state.findings.forEach((finding, index) => {
    if (finding.from < at || finding.to > text.length) return;
    // A finding on nothing (a missing word) is underlined on the character before it.
    const from = finding.to > finding.from ? finding.from : Math.max(0, finding.from - 1);
    const to = Math.max(finding.to, from + 1);
    if (from < at) return;
    html += escapeHtml(text.slice(at, from));
    html += `<mark class="${finding.severity}${index === state.active ? " active" : ""}" data-index="${index}" data-rule="${escapeHtml(finding.rule)}">${escapeHtml(text.slice(from, to))}</mark>`;
    at = to;
  });
  html += escapeHtml(text.slice(at)) + "\n";
  backdrop.innerHTML = html;
  backdrop.scrollTop = story.scrollTop;
}

function fixButtons(finding) {
  const box = element("div", { class: "fixes" });
  for (const fix of finding.fixes) {
    const label = fix.safe ? fix.title : `${fix.title} (check the meaning)`;
    box.append(element("button", { type: "button", class: fix.safe ? "primary" : "", onclick: (event) => {
      event.stopPropagation();
      applyEdits(fix.edits);
    } }, label));
  }
  return box;
}

function spanLink(start, end, label) {
  return element("a", { class: "span-link", onclick: (event) => { event.stopPropagation(); select(start, end); } }, label);
}

function renderFindings() {
  const list = $("findings");
  list.replaceChildren();
  $("finding-count").textContent = state.findings.length ? `(${state.findings.length})` : "";
  if (state.findings.length === 0) {
    list.append(element("li", { class: "empty" }, story.value.trim() ? "No findings." : "Nothing to check yet."));
  }
  state.findings.forEach((finding, index) => {
    const item = element("li", { class: `finding ${finding.severity}${index === state.active ? " active" : ""}`, "data-index": index,
      onclick: () => { activate(index); select(finding.from, finding.to); } },
      element("div", {}, element("span", { class: "rule" }, `line ${finding.line} · ${finding.rule}`)),
      element("div", { class: "message" }, finding.message));
    if (finding.text) item.append(element("div", { class: "quote" }, `“${finding.text}”`));
    for (const place of finding.places) {
      item.append(element("div", {}, spanLink(place.start, place.end, `line ${place.line}`), ` ${place.message}`));
    }
    item.append(fixButtons(finding));
    list.append(item);
  });
}

function showValue(claim) {
  if (claim.date) return typeof claim.date === "string" ? claim.date : `${claim.date.from} – ${claim.date.to}`;
  if (claim.time) return claim.time;
  if (claim.low != null && claim.high != null && claim.low !== claim.high) {
    const range = `${claim.low.toLocaleString("en")}–${claim.high.toLocaleString("en")}`;
    return claim.value == null || claim.qualifier === "vague" ? range : `${claim.value.toLocaleString("en")} (${range})`;
  }
  return claim.value == null ? "" : claim.value.toLocaleString("en");
}

// The figures panel: claims grouped by what they count, then the findings that link two places.
function renderFigures(reference) {
  const panel = $("figures");
  panel.replaceChildren();
  $("reference").textContent = reference ? `(story date ${reference.date}, ${reference.origin})` : "(no story date)";
  const groups = new Map();
  for (const claim of state.claims) {
    if (!groups.has(claim.group)) groups.set(claim.group, []);
    groups.get(claim.group).push(claim);
  }
  if (groups.size === 0) panel.append(element("p", { class: "empty" }, "No figures or dates yet."));
  for (const [name, claims] of groups) {
    const table = element("table", { class: "figure-group", "data-group": name },
      element("caption", {}, `${name} (${claims.length})`),
      element("tr", {}, ...["As written", "Read as", "Qualifier", "Unit", "Line"].map((h) => element("th", {}, h))));
    for (const claim of claims) {
      table.append(element("tr", { class: "claim" },
        element("td", {}, spanLink(claim.from, claim.to, claim.text)),
        element("td", {}, showValue(claim)),
        element("td", { class: "qualifier" }, claim.qualifier),
        element("td", {}, claim.unit || ""),
        element("td", {}, claim.line)));
    }
    panel.append(table);
  }
  const linked = state.findings.filter((f) => f.places.length > 0);
  if (linked.length > 0) {
    panel.append(element("h2", {}, "Contradictions and sums"));
    for (const finding of linked) {
      const row = element("div", { class: "linked" },
        element("div", { class: "rule" }, finding.rule),
        element("div", {}, finding.message),
        element("div", {}, spanLink(finding.from, finding.to, `“${finding.text}” (line ${finding.line})`),
          ...finding.places.flatMap((p) => [" ↔ ", spanLink(p.start, p.end, `“${story.value.slice(p.start, p.end)}” (line ${p.line})`)])));
      panel.append(row);
    }
  }
}

// The finding under the caret, with its message and fixes, below the editor.
function renderDetails() {
  const details = $("details");
  const finding = state.findings[state.active];
  if (!finding) {
    details.hidden = true;
    return;
  }
  details.hidden = false;
  details.replaceChildren(
    element("div", {}, element("span", { class: "rule" }, `${finding.severity} · ${finding.rule}`)),
    element("div", {}, finding.message),
    fixButtons(finding));
}

function activate(index) {
  state.active = index;
  renderMarks();
  for (const item of document.querySelectorAll(".finding")) item.classList.toggle("active", Number(item.dataset.index) === index);
  renderDetails();
}

function select(start, end) {
  story.focus();
  story.setSelectionRange(start, end);
  // Scroll the selection into view: measure where its mark sits in the backdrop.
  const mark = [...backdrop.querySelectorAll("mark")].find((m) => state.findings[m.dataset.index].from === start);
  if (mark) story.scrollTop = Math.max(0, mark.offsetTop - story.clientHeight / 3);
  else {
    const before = story.value.slice(0, start).split("\n").length;
    story.scrollTop = Math.max(0, (before - 5) * 24);
  }
  backdrop.scrollTop = story.scrollTop;
}

// Applies edits (UTF-16 offsets into the text the findings came from), last first.
function applyEdits(edits) {
  if (story.value !== state.checkedText) {
    setStatus($("status"), "The story changed since it was checked; try again with the new findings", true);
    return;
  }
  const sorted = [...edits].sort((a, b) => b.start - a.start);
  let text = story.value;
  for (const edit of sorted) text = text.slice(0, edit.start) + edit.replacement + text.slice(edit.end);
  story.value = text;
  state.editedAt = performance.now();
  clearTimeout(state.timer);
  check();
}

function findingAtCaret() {
  const caret = story.selectionStart;
  return state.findings.findIndex((f) => f.from <= caret && caret <= Math.max(f.to, f.from + 1));
}

// Hover: the textarea is on top, so find the mark under the pointer by its boxes.
function hover(event) {
  const tooltip = $("tooltip");
  for (const mark of backdrop.querySelectorAll("mark")) {
    for (const box of mark.getClientRects()) {
      if (event.clientX >= box.left && event.clientX <= box.right && event.clientY >= box.top && event.clientY <= box.bottom) {
        const finding = state.findings[mark.dataset.index];
        const fix = finding.fixes[0];
        tooltip.replaceChildren(
          element("div", { class: "rule" }, finding.rule),
          element("div", {}, finding.message),
          ...(fix ? [element("div", {}, `Fix: ${fix.title} (click, then choose)`)] : []));
        tooltip.style.left = `${event.clientX + 12}px`;
        tooltip.style.top = `${event.clientY + 16}px`;
        tooltip.hidden = false;
        return;
      }
    }
  }
  tooltip.hidden = true;
}

function extensionFor(format) {
  return { text: "txt", markdown: "md", html: "html" }[format];
}

function formatFor(name) {
  if (/\.(md|markdown|mdown|mkd)$/i.test(name)) return "markdown";
  if (/\.(html?|xhtml)$/i.test(name)) return "html";
  return "text";
}

story.addEventListener("input", scheduleCheck);
story.addEventListener("scroll", () => { backdrop.scrollTop = story.scrollTop; });
story.addEventListener("click", () => activate(findingAtCaret()));
story.addEventListener("keyup", (event) => { if (event.key.startsWith("Arrow")) activate(findingAtCaret()); });
story.addEventListener("mousemove", hover);
story.addEventListener("mouseleave", () => { $("tooltip").hidden = true; });
$("date").addEventListener("change", scheduleCheck);
$("format").addEventListener("change", scheduleCheck);

const editor = $("editor");
story.addEventListener("dragover", (event) => { event.preventDefault(); editor.classList.add("dropping"); });
story.addEventListener("dragleave", () => editor.classList.remove("dropping"));
story.addEventListener("drop", async (event) => {
  editor.classList.remove("dropping");
  const file = event.dataTransfer.files[0];
  if (!file) return;
  event.preventDefault();
  story.value = await file.text();
  $("format").value = formatFor(file.name);
  scheduleCheck();
});

$("fix-all").addEventListener("click", async () => {
  try {
    const answer = await post("/api/fix", storyRequest());
    story.value = answer.text;
    state.editedAt = performance.now();
    await check();
    setStatus($("status"), `${answer.edits} safe fix${answer.edits === 1 ? "" : "es"} applied; ${$("status").textContent}`);
  } catch (error) {
    setStatus($("status"), error.message, true);
  }
});

$("copy").addEventListener("click", async () => {
  try {
    await navigator.clipboard.writeText(story.value);
  } catch {
    story.select();
    document.execCommand("copy");
  }
  setStatus($("status"), "Copied the story");
});

$("download").addEventListener("click", () => {
  const blob = new Blob([story.value], { type: "text/plain;charset=utf-8" });
  const link = element("a", { href: URL.createObjectURL(blob), download: `story.${extensionFor($("format").value)}` });
  link.click();
  URL.revokeObjectURL(link.href);
});

function showTab(compare) {
  $("check-view").hidden = compare;
  $("compare-view").hidden = !compare;
  $("tab-check").classList.toggle("active", !compare);
  $("tab-compare").classList.toggle("active", compare);
  $("tab-check").setAttribute("aria-pressed", String(!compare));
  $("tab-compare").setAttribute("aria-pressed", String(compare));
}
$("tab-check").addEventListener("click", () => showTab(false));
$("tab-compare").addEventListener("click", () => showTab(true));

function claimCells(claim) {
  return [element("td", { class: "quote" }, `“${claim.text}”`), element("td", {}, showValue(claim)), element("td", {}, claim.qualifier), element("td", {}, claim.line)];
}

$("compare").addEventListener("click", async () => {
  const out = $("changes");
  try {
    const answer = await post("/api/compare", { old: $("old").value, new: $("new").value, format: $("format").value, date: $("date").value || null });
    out.replaceChildren();
    const s = answer.summary;
    setStatus($("compare-status"), `${s.changed} changed, ${s.added} added, ${s.removed} removed, ${s.new_findings} new findings`);
    const head = (...names) => element("tr", {}, ...names.map((n) => element("th", {}, n)));
    if (answer.changed.length) {
      const table = element("table", { id: "changed" }, element("caption", {}, "Changed"),
        head("Before", "Read as", "Qualifier", "Line", "After", "Read as", "Qualifier", "Line"));
      for (const c of answer.changed) table.append(element("tr", {}, ...claimCells(c.old), ...claimCells(c.new)));
      out.append(table);
    }
    for (const [key, title] of [["added", "Added"], ["removed", "Removed"]]) {
      if (!answer[key].length) continue;
      const table = element("table", { id: key }, element("caption", {}, title), head("As written", "Read as", "Qualifier", "Line"));
      for (const c of answer[key]) table.append(element("tr", {}, ...claimCells(c)));
      out.append(table);
    }
    if (answer.new_findings.length) {
      const table = element("table", { id: "new-findings" }, element("caption", {}, "New findings"), head("Line", "Rule", "Message"));
      for (const f of answer.new_findings) table.append(element("tr", {}, element("td", {}, f.line), element("td", { class: "rule" }, f.rule), element("td", {}, f.message)));
      out.append(table);
    }
    if (!out.children.length) out.append(element("p", { class: "empty" }, "No figure, date or qualifier changed."));
  } catch (error) {
    setStatus($("compare-status"), error.message, true);
  }
});

check();
