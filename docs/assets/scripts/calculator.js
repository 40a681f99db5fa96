// The shape calculator page: reads the form (or the URL query), asks
// rnn_shapes.js, fills the result tables. Field names are the Python argument
// names and the URL query's keys, so a configuration can be shared as a link.
import { compute, isInt, ONEDNN_WARNING, pyStr, pythonCode, value } from "./rnn_shapes.js";

// Beyond these the page would freeze listing parameters or batch sizes; torch itself
// would mostly run out of memory. Refused with a message, never cut silently.
export const LIMITS = { num_layers: 1000, lengths: 1000, default: 1_000_000 };

// name -> [kind, default as typed], in the order of the form
export const FIELDS = {
  module: ["module", "LSTM"],
  input_size: ["size", "3"],
  hidden_size: ["size", "4"],
  num_layers: ["whole", "1"],
  nonlinearity: ["choice", ""],
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

// What the form calls a field, in messages: the labels say N and L.
export const LABELS = { batch: "N", seq_len: "L" };
const label = (name) => LABELS[name] ?? name;

const NUMBER = /^[+-]?(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?$/;
const INT = /^[+-]?\d+$/;
// Python's True and False, as the checkbox labels write them; also true/false and 1/0.
const BOOLEANS = { true: true, 1: true, false: false, 0: false };

// Memory for `count` float32 numbers, in decimal units: 576 bytes, 16.0 TB.
export function bytes(count) {
  let n = Number(count) * 4;
  if (n < 1000) return `${n} bytes`;
  const units = ["kB", "MB", "GB", "TB", "PB", "EB"];
  let unit = -1;
  while (n >= 999.95 && unit < units.length - 1) { n /= 1000; unit++; }
  return `${n.toFixed(1)} ${units[unit]}`;
}

const MESSAGES = {
  en: {
    empty: (f) => `${f}: the field is empty.`,
    not_number: (f, raw) => `${f}: “${raw}” is not a number.`,
    not_whole: (f, raw) => `${f}: “${raw}” is not a whole number.`,
    not_int: (f, raw) => `${f}: “${raw}” is a float in Python; this field takes an int (${Number(raw)}).`,
    too_large: (f, raw, limit) => `${f}: “${raw}” is more than this page handles (${limit.toLocaleString("en-US")}).`,
    too_many: (f, n, limit) => `${f}: ${n} lengths are more than this page handles (${limit.toLocaleString("en-US")}).`,
    more: (n) => `… and ${n} more`,
    bad_length: (f, raw) => `${f}: “${raw}” is not a whole number. Write the lengths separated by commas, for example 5, 3, 2.`,
    bad_module: (f, raw) => `${f}: “${raw}” is not one of RNN, LSTM, GRU.`,
    bad_bool: (f, raw) => `${f}: “${raw}” in the address is neither True nor False.`,
    unknown_keys: (keys) => `The address has ${keys.length === 1 ? "a key" : "keys"} this page does not know, ` +
      `ignored: ${keys.join(", ")}.`,
    lengths_need_batch: () => "Packing needs batched input: tick “batched input” or clear the lengths. torch " +
      "would pack the 2-D input as if one of its axes were the batch, and fail with an error that does not " +
      "mention lengths.",
    length_beyond_seq_len: (c) => `A length is larger than L (${c.seq_len}). torch does not check this ` +
      "(pytorch/pytorch#146744): it reads past the end of the padded tensor, so what you get depends on memory: " +
      "an unrelated error or a silently wrong batch.",
    lengths_not_batch: (c) => `lengths has ${c.lengths.length} entries but N is ${c.batch}. ` +
      "With enforce_sorted=False torch reorders the batch by the lengths before it checks them: a shorter " +
      "list silently drops sequences, a longer one fails with an unrelated indexing error.",
    onednn: () => "This warning comes from the CPU build of torch this page is checked with, which " +
      "includes oneDNN like torch's pip builds for x86-64. It is printed once per process, at the first forward pass of an LSTM with " +
      "proj_size over unpacked input, and changes no shape. Builds without oneDNN print nothing.",
    ok: (r) => `Valid. output ${fmt(r.shapes.output)}, h_n ${fmt(r.shapes.h_n)}, ` +
      `${r.param_count.toLocaleString("en-US")} parameters (${bytes(r.param_count)} in float32).`,
    torch_error: (e) => `torch raises ${e.type}.`,
    input_problem: (n) => (n === 1 ? "One field needs attention." : `${n} fields need attention.`),
    refused: () => "Refused: torch would not check this input.",
    warned: (n) => (n === 1 ? " One warning." : ` ${n} warnings.`),
  },
  ko: {
    empty: (f) => `${f}: 값이 비어 있습니다.`,
    not_number: (f, raw) => `${f}: “${raw}”은(는) 숫자가 아닙니다.`,
    not_whole: (f, raw) => `${f}: “${raw}”은(는) 정수가 아닙니다.`,
    not_int: (f, raw) => `${f}: “${raw}”은(는) Python에서 실수입니다. 이 입력란에는 정수를 적습니다(${Number(raw)}).`,
    too_large: (f, raw, limit) => `${f}: “${raw}”은(는) 이 페이지가 다룰 수 있는 크기(${limit.toLocaleString("en-US")})를 넘습니다.`,
    too_many: (f, n, limit) => `${f}: 길이 ${n}개는 이 페이지가 다룰 수 있는 개수(${limit.toLocaleString("en-US")})를 넘습니다.`,
    more: (n) => `… 외 ${n}개`,
    bad_length: (f, raw) => `${f}: “${raw}”은(는) 정수가 아닙니다. 길이를 쉼표로 구분해 적습니다(예: 5, 3, 2).`,
    bad_module: (f, raw) => `${f}: “${raw}”은(는) RNN, LSTM, GRU 중 하나가 아닙니다.`,
    bad_bool: (f, raw) => `${f}: 주소의 “${raw}”은(는) True도 False도 아닙니다.`,
    unknown_keys: (keys) => `주소에 이 페이지가 모르는 키가 있어 무시했습니다(${keys.join(", ")}).`,
    lengths_need_batch: () => "패킹에는 배치가 있는 입력이 필요합니다. “배치 입력”을 켜거나 길이 목록을 비우십시오. " +
      "torch는 2차원 입력의 한 축을 배치로 보고 패킹하며, lengths와 상관없어 보이는 오류를 냅니다.",
    length_beyond_seq_len: (c) => `L(${c.seq_len})보다 긴 길이가 있습니다. torch는 이를 검사하지 않습니다` +
      "(pytorch/pytorch#146744). 패딩된 텐서의 끝을 넘어 메모리를 읽으므로, 결과는 메모리에 무엇이 있느냐에 " +
      "따라 엉뚱한 오류가 되거나 조용히 틀린 배치가 됩니다.",
    lengths_not_batch: (c) => `lengths는 ${c.lengths.length}개인데 N은 ${c.batch}입니다. ` +
      "enforce_sorted=False이면 torch는 길이를 검사하기 전에 배치를 길이 순으로 다시 고릅니다. 그래서 목록이 짧으면 " +
      "시퀀스가 조용히 빠지고, 길면 상관없어 보이는 인덱스 오류가 납니다.",
    onednn: () => "이 경고는 이 페이지를 확인한 torch의 CPU 빌드가 냅니다. 이 빌드에는 x86-64용 pip 빌드처럼 oneDNN이 들어 있습니다. " +
      "proj_size가 있는 LSTM에 패킹하지 않은 입력으로 처음 순전파할 때 프로세스마다 한 번 출력하며, " +
      "shape은 바뀌지 않습니다. oneDNN이 없는 빌드는 출력하지 않습니다.",
    ok: (r) => `유효합니다. output ${fmt(r.shapes.output)}, h_n ${fmt(r.shapes.h_n)}, ` +
      `파라미터 ${r.param_count.toLocaleString("en-US")}개(float32로 ${bytes(r.param_count)}).`,
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

// A number as Python reads what is typed: 7 is an int, 7.0 and 1e1 are floats
// ({ float: 7 } when the value is whole, see rnn_shapes.js).
function pyNumber(text) {
  const n = Number(text);
  if (INT.test(text)) return n;
  return Number.isInteger(n) ? { float: n } : n;
}

// Raw field values (strings, and booleans from the checkboxes) -> { config } or { problems }.
export function parse(raw) {
  const config = {};
  const problems = [];
  const problem = (field, code, rawValue, limit) => problems.push({ field, label: label(field), code, raw: rawValue, limit });
  for (const [name, [kind, fallback]] of Object.entries(FIELDS)) {
    const given = raw[name] ?? fallback;
    if (kind === "bool") {
      const b = typeof given === "boolean" ? given : BOOLEANS[String(given).trim().toLowerCase()];
      if (b === undefined) problem(name, "bad_bool", String(given));
      else config[name] = b;
      continue;
    }
    if (kind === "choice") {  // nonlinearity: passed to torch as it is
      config[name] = given === "" ? null : String(given);
      continue;
    }
    const text = String(given).trim();
    if (name === "batch" && config.batched === false) {  // unbatched input has no N
      config[name] = null;
      continue;
    }
    if (kind === "module") {
      const m = text.toUpperCase();
      if (["RNN", "LSTM", "GRU"].includes(m)) config[name] = m;
      else problem(name, "bad_module", text);
    } else if (kind === "lengths") {
      if (text === "") config[name] = null;
      else {
        const parts = text.split(/[\s,]+/).filter((p) => p !== "");
        const bad = parts.find((p) => !NUMBER.test(p) || !Number.isInteger(Number(p)));
        const big = parts.find((p) => Math.abs(Number(p)) > LIMITS.default);
        if (bad !== undefined) problem(name, "bad_length", bad);
        else if (parts.length > LIMITS.lengths) problem(name, "too_many", parts.length, LIMITS.lengths);
        else if (big !== undefined) problem(name, "too_large", big, LIMITS.default);
        else config[name] = parts.map(Number);
      }
    } else if (text === "") {
      if (kind === "optional-whole") config[name] = null;
      else problem(name, "empty", text);
    } else if (!NUMBER.test(text)) {
      problem(name, "not_number", text);
    } else {
      const n = pyNumber(text);
      const limit = LIMITS[name] ?? LIMITS.default;
      if (kind === "number" || (kind === "size" && !isInt(n))) {
        config[name] = n;  // dropout, and a float size: torch has its own message for these
      } else if (!isInt(n)) {
        problem(name, Number.isInteger(value(n)) ? "not_int" : "not_whole", text);
      } else if (Math.abs(n) > limit) {
        problem(name, "too_large", text, limit);
      } else config[name] = n;
    }
  }
  return problems.length ? { problems } : { config };
}

// Fields that do not apply to the rest of the configuration: name -> true.
// The page greys them out and says why. One that holds a value stays live
// (proj_size on a GRU, nonlinearity on an LSTM, lengths on unbatched input):
// torch gets it and answers, and clearing it turns the field off.
export function notApplying(raw) {
  const get = (name) => raw[name] ?? FIELDS[name][1];
  const b = get("batched");
  const batched = typeof b === "boolean" ? b : BOOLEANS[String(b).trim().toLowerCase()] ?? true;
  const lengths = String(get("lengths")).trim() !== "";
  const module = String(get("module")).toUpperCase();
  return {
    batch: !batched,
    enforce_sorted: !lengths,
    lengths: !batched,
    proj_size: module !== "LSTM",
    nonlinearity: module !== "RNN",
  };
}

// The URL query for a form: only what differs from the defaults; booleans as
// Python writes them.
export function toQuery(raw) {
  const query = new URLSearchParams();
  for (const [name, [kind, fallback]] of Object.entries(FIELDS)) {
    const given = raw[name];
    if (given === undefined || given === fallback) continue;
    query.set(name, kind === "bool" && typeof given === "boolean" ? (given ? "True" : "False") : String(given));
  }
  return query.toString();
}

// The raw values an address holds (strings, checked by `parse`).
export function fromQuery(search) {
  const query = new URLSearchParams(search);
  const raw = {};
  for (const name of Object.keys(FIELDS)) {
    if (query.has(name)) raw[name] = query.get(name);
  }
  return raw;
}

// Keys in an address that the page does not read.
export function unknownKeys(search) {
  return [...new Set([...new URLSearchParams(search).keys()].filter((k) => !(k in FIELDS)))];
}

// Python, tokenised as Pygments would for the code the page writes, so that
// Material colours it like every other block: [class or "", text] pairs.
const TOKENS = [
  [/^#[^\n]*/, "c1"],
  [/^'(?:[^'\\\n]|\\.)*'/, "s1"],
  [/^"(?:[^"\\\n]|\\.)*"/, "s2"],
  [/^(?:\d+\.\d*|\.\d+|\d+)(?:[eE][+-]?\d+)?/, "m"],
  [/^[A-Za-z_]\w*/, "name"],
  [/^[=*+-]/, "o"],
  [/^\s+|^./, ""],
];
const KEYWORDS = { import: "kn", from: "kn", True: "kc", False: "kc", None: "kc", print: "nb", float: "nb" };

export function tokens(code) {
  const out = [];
  let moduleName = false; // after `import`, or between `from` and its `import`
  let inFrom = false;
  for (let rest = code; rest.length;) {
    const [[text], cls] = TOKENS.map(([re, c]) => [re.exec(rest), c]).find(([m]) => m);
    rest = rest.slice(text.length);
    let kind = cls;
    if (cls === "m") kind = /[.eE]/.test(text) ? "mf" : "mi";
    else if (cls === "name") {
      kind = KEYWORDS[text] ?? (moduleName ? "nn" : "");
      if (text === "from") [moduleName, inFrom] = [true, true];
      else if (text === "import") [moduleName, inFrom] = [!inFrom, false];
    } else if (text.includes("\n")) [moduleName, inFrom] = [false, false];
    const last = out[out.length - 1];
    if (kind === "" && last && last[0] === "") last[1] += text;
    else out.push([kind, text]);
  }
  return out;
}

// ---- the page ---------------------------------------------------------------

// Values from the address that no control can hold (a module that is none, a
// boolean that is neither True nor False): kept to be reported until the reader
// changes that field.
const kept = new Map();

function readForm(form) {
  const raw = {};
  for (const [name, [kind]] of Object.entries(FIELDS)) {
    const el = form.elements[name];
    if (kept.has(name)) raw[name] = kept.get(name);
    else if (kind === "module") raw[name] = el.value;
    else if (kind === "bool") raw[name] = el.checked;
    else raw[name] = el.value;
  }
  return raw;
}

function fillForm(form, raw) {
  kept.clear();
  for (const [name, [kind, fallback]] of Object.entries(FIELDS)) {
    const given = raw[name] ?? fallback;
    const el = form.elements[name];
    if (kind === "module") {
      const radio = [...el].find((r) => r.value === String(given).toUpperCase());
      for (const r of el) r.checked = r === radio;
      if (!radio) kept.set(name, given);
    } else if (kind === "bool") {
      const b = typeof given === "boolean" ? given : BOOLEANS[String(given).trim().toLowerCase()];
      el.checked = b ?? fallback;
      if (b === undefined) kept.set(name, given);
    } else if (kind === "choice") {
      // A value torch does not know (from the address) gets an option of its own.
      if (![...el.options].some((o) => o.value === given)) el.add(new Option(pyStr(given), given));
      el.value = given;
    } else el.value = given;
  }
}

// Grey out what does not apply and say why (the reason is part of the label).
function markApplying(form, raw) {
  const off = notApplying(raw);
  for (const [name, notHere] of Object.entries(off)) {
    const el = form.elements[name];
    const filled = el.type === "checkbox" ? false : String(el.value).trim() !== "";
    // N and enforce_sorted are never passed when they do not apply; the others are, if filled.
    el.disabled = notHere && (name === "batch" || name === "enforce_sorted" || !filled);
    const why = form.querySelector(`[data-why="${name}"]`);
    if (why) why.hidden = !notHere;
  }
}

// The Python script, coloured as Pygments colours the site's other blocks.
function showCode(box, code) {
  box.replaceChildren(...tokens(code).map(([cls, text]) => {
    if (!cls) return document.createTextNode(text);
    const span = document.createElement("span");
    span.className = cls;
    span.textContent = text;
    return span;
  }));
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
  markApplying(form, raw);

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
  const state = (name, text) => {
    status.dataset.state = name;
    status.textContent = text;
  };

  if (parsed.problems) {
    for (const p of parsed.problems) {
      const item = say(t[p.code](p.label, p.raw, p.limit));
      item.id = `calc-problem-${p.field}`;
      const field = form.elements[p.field];
      const input = field instanceof RadioNodeList ? field[0] : field;
      input.setAttribute("aria-invalid", "true");
      input.setAttribute("aria-describedby", item.id); // read with the field
    }
    results.hidden = true;
    state("input", t.input_problem(parsed.problems.length));
    return;
  }
  const c = parsed.config;
  const r = compute(c);
  for (const w of r.warnings) {
    const item = say(w, "calc-warning");
    if (w === ONEDNN_WARNING) {
      const note = document.createElement("p");
      note.className = "calc-note";
      note.textContent = t.onednn();
      item.append(note);
    }
  }
  if (!r.refused) {  // the script that gives this answer (or this error) in torch
    showCode($("[data-calc=code]"), pythonCode(c));
    codeBox.hidden = false;
  }
  const warned = r.warnings.length ? t.warned(r.warnings.length) : "";
  if (r.error) {
    say(`${r.error.type}: ${r.error.message}`, "calc-error");
    results.hidden = true;
    state("error", t.torch_error(r.error) + warned);
    return;
  }
  if (r.refused) {
    say(t[r.refused](c), "calc-error");
    results.hidden = true;
    state("refused", t.refused());
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
  $("[data-calc=bytes]").textContent = bytes(r.param_count);
  state("ok", t.ok(r) + warned);
}

function init() {
  const root = document.querySelector("[data-calc=root]");
  if (!root) return;
  const form = root.querySelector("form");
  const lang = document.documentElement.lang?.slice(0, 2);
  const t = MESSAGES[lang] ?? MESSAGES.en;
  fillForm(form, fromQuery(location.search));
  const unknown = unknownKeys(location.search);
  const notice = root.querySelector("[data-calc=notice]");
  notice.textContent = unknown.length ? t.unknown_keys(unknown) : "";
  notice.hidden = !unknown.length;
  const update = (event) => {
    if (event?.target?.name) kept.delete(event.target.name);
    const raw = readForm(form);
    show(root, raw, lang);
    const query = toQuery(raw);
    history.replaceState(null, "", query ? `?${query}` : location.pathname);
  };
  form.addEventListener("input", update);
  form.addEventListener("change", update);
  form.addEventListener("submit", (e) => e.preventDefault());
  form.addEventListener("reset", () => setTimeout(() => {
    kept.clear();
    notice.hidden = true;
    update();
  }));
  show(root, readForm(form), lang);
  root.dataset.ready = "true"; // for the browser tests
}

if (typeof document !== "undefined") init();
