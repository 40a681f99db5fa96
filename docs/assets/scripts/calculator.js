// The shape calculator page: reads the form (or the URL query), asks
// rnn_shapes.js, fills the result tables. Field names are the Python argument
// names and the URL query's keys, so a configuration can be shared as a link.
import { compute, pythonCode } from "./rnn_shapes.js";

// Beyond these the page would freeze listing parameters or batch sizes; torch itself
// would mostly run out of memory. Refused with a message, never cut silently.
export const LIMITS = { num_layers: 1000, lengths: 1000, default: 1_000_000 };

// name -> [kind, default as typed]
export const FIELDS = {
  module: ["module", "LSTM"],
  input_size: ["size", "3"],
  hidden_size: ["size", "4"],
  num_layers: ["whole", "1"],
  proj_size: ["optional-whole", ""],
  dropout: ["number", "0"],
  bias: ["bool", true],
  bidirectional: ["bool", false],
  batch_first: ["bool", false],
  batched: ["bool", true],
  batch: ["whole", "2"],
  seq_len: ["whole", "5"],
  lengths: ["lengths", ""],
  enforce_sorted: ["bool", true],
};

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;

const MESSAGES = {
  en: {
    empty: (f) => `${f}: the field is empty.`,
    not_number: (f, raw) => `${f}: “${raw}” is not a number.`,
    not_whole: (f, raw) => `${f}: “${raw}” is not a whole number.`,
    too_large: (f, raw, limit) => `${f}: “${raw}” is more than this page handles (${limit.toLocaleString("en-US")}).`,
    too_many: (f, n, limit) => `${f}: ${n} lengths are more than this page handles (${limit.toLocaleString("en-US")}).`,
    more: (n) => `… and ${n} more`,
    bad_length: (f, raw) => `${f}: “${raw}” is not a whole number. Write the lengths separated by commas, for example 5, 3, 2.`,
    bad_module: (f, raw) => `${f}: “${raw}” is not one of RNN, LSTM, GRU.`,
    lengths_need_batch: () => "Packing needs batched input: tick “batched input” or clear the lengths.",
    length_beyond_seq_len: (c) => `A length is larger than seq_len (${c.seq_len}). torch does not check this ` +
      "(pytorch/pytorch#146744): it reads past the end of the padded tensor, so what you get depends on memory: " +
      "an unrelated error or a silently wrong batch.",
    lengths_not_batch: (c) => `lengths has ${c.lengths.length} entries but the batch has ${c.batch}. ` +
      "With enforce_sorted=False torch reorders the batch by the lengths before it checks them: a shorter " +
      "list silently drops sequences, a longer one fails with an unrelated indexing error.",
    ok: (r) => `Valid. output ${fmt(r.shapes.output)}, h_n ${fmt(r.shapes.h_n)}, ${r.param_count} parameters.`,
    torch_error: (e) => `torch raises ${e.type}.`,
    input_problem: (n) => (n === 1 ? "One field needs attention." : `${n} fields need attention.`),
    refused: () => "Refused: torch would not check this input.",
    warned: (n) => (n === 1 ? " One warning." : ` ${n} warnings.`),
  },
  ko: {
    empty: (f) => `${f}: 값이 비어 있습니다.`,
    not_number: (f, raw) => `${f}: “${raw}”은(는) 숫자가 아닙니다.`,
    not_whole: (f, raw) => `${f}: “${raw}”은(는) 정수가 아닙니다.`,
    too_large: (f, raw, limit) => `${f}: “${raw}”은(는) 이 페이지가 다룰 수 있는 크기(${limit.toLocaleString("en-US")})를 넘습니다.`,
    too_many: (f, n, limit) => `${f}: 길이 ${n}개는 이 페이지가 다룰 수 있는 개수(${limit.toLocaleString("en-US")})를 넘습니다.`,
    more: (n) => `… 외 ${n}개`,
    bad_length: (f, raw) => `${f}: “${raw}”은(는) 정수가 아닙니다. 길이를 쉼표로 구분해 적습니다(예: 5, 3, 2).`,
    bad_module: (f, raw) => `${f}: “${raw}”은(는) RNN, LSTM, GRU 중 하나가 아닙니다.`,
    lengths_need_batch: () => "패킹에는 배치가 있는 입력이 필요합니다. “배치 입력”을 켜거나 길이 목록을 비우십시오.",
    length_beyond_seq_len: (c) => `seq_len(${c.seq_len})보다 긴 길이가 있습니다. torch는 이를 검사하지 않습니다` +
      "(pytorch/pytorch#146744). 패딩된 Tensor의 끝을 넘어 메모리를 읽으므로, 결과는 메모리에 무엇이 있느냐에 " +
      "따라 엉뚱한 오류가 되거나 조용히 틀린 배치가 됩니다.",
    lengths_not_batch: (c) => `lengths는 ${c.lengths.length}개인데 배치는 ${c.batch}개입니다. ` +
      "enforce_sorted=False이면 torch는 길이를 검사하기 전에 배치를 길이 순으로 다시 고르므로, 목록이 짧으면 " +
      "시퀀스가 조용히 빠지고 길면 상관없어 보이는 인덱스 오류가 납니다.",
    ok: (r) => `유효합니다. output ${fmt(r.shapes.output)}, h_n ${fmt(r.shapes.h_n)}, 파라미터 ${r.param_count}개.`,
    torch_error: (e) => `torch가 ${e.type}를 냅니다.`,
    input_problem: (n) => `입력 ${n}개를 고쳐야 합니다.`,
    refused: () => "거부: torch가 검사하지 않는 입력입니다.",
    warned: (n) => ` 경고 ${n}개.`,
  },
};

// batch_sizes as a list; a long one shortened, with its length.
export function list(values) {
  if (values.length <= 40) return `[${values.join(", ")}]`;
  return `[${values.slice(0, 20).join(", ")}, …, ${values.slice(-5).join(", ")}] (${values.length})`;
}

// A shape as Python prints a tuple: (5, 2, 8), (16,).
export function fmt(shape) {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(", ")})`;
}

// Raw field values (strings and booleans) -> { config } or { problems }.
export function parse(raw) {
  const config = {};
  const problems = [];
  for (const [name, [kind, fallback]] of Object.entries(FIELDS)) {
    const value = raw[name] ?? fallback;
    if (kind === "bool") {
      config[name] = value === true || value === "1" || value === "true";
      continue;
    }
    const text = String(value).trim();
    if (kind === "module") {
      const m = text.toUpperCase();
      if (["RNN", "LSTM", "GRU"].includes(m)) config[name] = m;
      else problems.push({ field: name, code: "bad_module", raw: text });
    } else if (kind === "lengths") {
      if (text === "") config[name] = null;
      else {
        const parts = text.split(/[\s,]+/).filter((p) => p !== "");
        const bad = parts.find((p) => !NUMBER.test(p) || !Number.isInteger(Number(p)));
        const big = parts.find((p) => Math.abs(Number(p)) > LIMITS.default);
        if (bad !== undefined) problems.push({ field: name, code: "bad_length", raw: bad });
        else if (parts.length > LIMITS.lengths) problems.push({ field: name, code: "too_many", raw: parts.length, limit: LIMITS.lengths });
        else if (big !== undefined) problems.push({ field: name, code: "too_large", raw: big, limit: LIMITS.default });
        else config[name] = parts.map(Number);
      }
    } else if (text === "") {
      if (kind === "optional-whole") config[name] = null;
      else problems.push({ field: name, code: "empty", raw: text });
    } else if (!NUMBER.test(text)) {
      problems.push({ field: name, code: "not_number", raw: text });
    } else {
      const n = Number(text);
      // input_size and hidden_size go to torch as typed: it has its own message for 2.5.
      const limit = LIMITS[name] ?? LIMITS.default;
      if (kind !== "size" && kind !== "number" && !Number.isInteger(n)) {
        problems.push({ field: name, code: "not_whole", raw: text });
      } else if (kind !== "number" && Math.abs(n) > limit) {
        problems.push({ field: name, code: "too_large", raw: text, limit });
      } else config[name] = n;
    }
  }
  return problems.length ? { problems } : { config };
}

// The URL query for a form: only what differs from the defaults.
export function toQuery(raw) {
  const query = new URLSearchParams();
  for (const [name, [kind, fallback]] of Object.entries(FIELDS)) {
    const value = raw[name];
    if (value === undefined || value === fallback) continue;
    query.set(name, kind === "bool" ? (value ? "1" : "0") : String(value));
  }
  return query.toString();
}

export function fromQuery(search) {
  const query = new URLSearchParams(search);
  const raw = {};
  for (const [name, [kind]] of Object.entries(FIELDS)) {
    if (query.has(name)) raw[name] = kind === "bool" ? ["1", "true"].includes(query.get(name)) : query.get(name);
  }
  return raw;
}

// ---- the page ---------------------------------------------------------------

function readForm(form) {
  const raw = {};
  for (const [name, [kind]] of Object.entries(FIELDS)) {
    // A module from the URL that is no module checks no radio; keep it to report it.
    if (kind === "module") raw[name] = form.elements[name].value || form.dataset.badModule || "";
    else if (kind === "bool") raw[name] = form.elements[name].checked;
    else raw[name] = form.elements[name].value;
  }
  return raw;
}

function fillForm(form, raw) {
  for (const [name, [kind, fallback]] of Object.entries(FIELDS)) {
    const value = raw[name] ?? fallback;
    if (kind === "module") {
      const radio = [...form.elements[name]].find((r) => r.value === String(value).toUpperCase());
      for (const r of form.elements[name]) r.checked = r === radio;
      if (radio) delete form.dataset.badModule;
      else form.dataset.badModule = value;
    } else if (kind === "bool") form.elements[name].checked = value;
    else form.elements[name].value = value;
  }
}

function show(root, raw, lang) {
  const t = MESSAGES[lang] ?? MESSAGES.en;
  const $ = (sel) => root.querySelector(sel);
  const form = $("form");
  const status = $("[data-calc=status]");
  const problemList = $("[data-calc=problems]");
  const results = $("[data-calc=results]");
  const codeBox = $("[data-calc=code-box]");
  const parsed = parse(raw);
  codeBox.hidden = true;

  for (const el of form.querySelectorAll("[aria-invalid]")) {
    el.removeAttribute("aria-invalid");
    el.removeAttribute("aria-describedby");
  }
  problemList.replaceChildren();
  const say = (text, cls) => {
    const item = document.createElement("li");
    item.textContent = text;
    if (cls) item.className = cls;
    problemList.append(item);
    return item;
  };

  if (parsed.problems) {
    for (const p of parsed.problems) {
      const item = say(t[p.code](p.field, p.raw, p.limit));
      item.id = `calc-problem-${p.field}`;
      const field = form.elements[p.field];
      const input = field instanceof RadioNodeList ? field[0] : field;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", item.id); // read with the field
    }
    results.hidden = true;
    status.textContent = t.input_problem(parsed.problems.length);
    return;
  }
  const c = parsed.config;
  const r = compute(c);
  for (const w of r.warnings) say(w, "calc-warning");
  if (!r.refused) {  // the script that gives this answer (or this error) in torch
    $("[data-calc=code]").textContent = pythonCode(c);
    codeBox.hidden = false;
  }
  if (r.error) {
    say(`${r.error.type}: ${r.error.message}`, "calc-error");
    results.hidden = true;
    status.textContent = t.torch_error(r.error) + (r.warnings.length ? t.warned(r.warnings.length) : "");
    return;
  }
  if (r.refused) {
    say(t[r.refused](c), "calc-error");
    results.hidden = true;
    status.textContent = t.refused();
    return;
  }
  results.hidden = false;
  const rows = {
    ...r.shapes,
    packed_data: r.packed?.data ?? null,
    batch_sizes: r.packed?.batch_sizes ?? null,
    padded_output: r.packed?.padded_output ?? null,
  };
  for (const [name, shape] of Object.entries(rows)) {
    const row = $(`[data-row="${name}"]`);
    row.hidden = shape === null;
    if (shape !== null) row.querySelector("[data-shape]").textContent = name === "batch_sizes" ? list(shape) : fmt(shape);
  }
  const body = $("[data-calc=params]");
  const shown = r.params.length > 200 ? [...r.params.slice(0, 200), [t.more(r.params.length - 200), null]] : r.params;
  body.replaceChildren(...shown.map(([name, shape]) => {
    const tr = document.createElement("tr");
    for (const text of [name, shape ? fmt(shape) : ""]) {
      const td = document.createElement("td");
      const code = document.createElement("code");
      code.textContent = text;
      td.append(code);
      tr.append(td);
    }
    return tr;
  }));
  $("[data-calc=count]").textContent = r.param_count.toLocaleString("en-US");
  status.textContent = t.ok(r) + (r.warnings.length ? t.warned(r.warnings.length) : "");
}

function init() {
  const root = document.querySelector("[data-calc=root]");
  if (!root) return;
  const form = root.querySelector("form");
  const lang = document.documentElement.lang?.slice(0, 2);
  fillForm(form, fromQuery(location.search));
  const update = () => {
    const raw = readForm(form);
    show(root, raw, lang);
    const query = toQuery(raw);
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", () => setTimeout(update));
  show(root, readForm(form), lang);
  root.dataset.ready = "true"; // for the browser tests
}

if (typeof document !== "undefined") init();
