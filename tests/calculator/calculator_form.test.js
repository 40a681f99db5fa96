// The calculator page's input handling: what a reader types, and the URL query.
import assert from "node:assert/strict";
import { test } from "node:test";

import { readFileSync } from "node:fs";

import { bytes, FIELDS, fmt, fromQuery, list, notApplying, parse, toQuery, tokens, unknownKeys }
  from "../../docs/assets/scripts/calculator.js";

const fixture = JSON.parse(readFileSync(new URL("./fixture.json", import.meta.url), "utf8"));

const defaults = Object.fromEntries(Object.entries(FIELDS).map(([k, [, v]]) => [k, v]));

test("the defaults are a valid LSTM", () => {
  const { config } = parse(defaults);
  assert.equal(config.module, "LSTM");
  assert.equal(config.proj_size, null);
  assert.equal(config.lengths, null);
});

test("empty, non-number and fractional fields are named, never guessed", () => {
  const { problems } = parse({ ...defaults, hidden_size: " ", batch: "two", num_layers: "1.5", seq_len: "0x5" });
  assert.deepEqual(problems.map((p) => [p.field, p.code]), [
    ["hidden_size", "empty"], ["num_layers", "not_whole"], ["batch", "not_number"], ["seq_len", "not_number"],
  ]);
});

test("input_size, hidden_size and dropout go to torch as Python reads what is typed", () => {
  assert.equal(parse({ ...defaults, hidden_size: "2.5" }).config.hidden_size, 2.5);
  const { config } = parse({ ...defaults, input_size: "1.0", hidden_size: "1e1", dropout: "1" });
  assert.deepEqual([config.input_size, config.hidden_size, config.dropout], [{ float: 1 }, { float: 10 }, 1]);
  assert.deepEqual(parse({ ...defaults, hidden_size: "7" }).config.hidden_size, 7);
});

test("a float with a whole value in an int field is named as a float", () => {
  const { problems } = parse({ ...defaults, num_layers: "2.0", seq_len: "1e1" });
  assert.deepEqual(problems.map((p) => [p.field, p.code]), [["num_layers", "not_int"], ["seq_len", "not_int"]]);
});

test("messages name N and L as the labels do", () => {
  const { problems } = parse({ ...defaults, batch: "two", seq_len: "" });
  assert.deepEqual(problems.map((p) => p.label), ["N", "L"]);
});

test("lengths: commas or spaces, whole numbers only", () => {
  assert.deepEqual(parse({ ...defaults, lengths: "5, 3 2" }).config.lengths, [5, 3, 2]);
  assert.deepEqual(parse({ ...defaults, lengths: "5, -1" }).config.lengths, [5, -1]); // torch's error
  assert.deepEqual(parse({ ...defaults, lengths: "5, 2.5" }).problems, [{ field: "lengths", label: "lengths", code: "bad_length", raw: "2.5", limit: undefined }]);
});

test("an unknown module is reported", () => {
  assert.equal(parse({ ...defaults, module: "Transformer" }).problems[0].code, "bad_module");
});

test("the URL query holds only what differs from the defaults, booleans as Python writes them, and reads back", () => {
  const raw = { ...defaults, module: "GRU", bidirectional: true, bias: false, lengths: "5,3" };
  const query = toQuery(raw);
  assert.equal(query, "module=GRU&bias=False&bidirectional=True&lengths=5%2C3");
  assert.deepEqual(parse({ ...defaults, ...fromQuery(`?${query}`) }), parse(raw));
});

test("booleans in an address: True/False, true/false, 1/0; anything else is reported", () => {
  for (const [text, want] of [["True", true], ["true", true], ["1", true], ["False", false], ["false", false], ["0", false]]) {
    assert.equal(parse({ ...defaults, ...fromQuery(`?bias=${text}`) }).config.bias, want, text);
  }
  assert.deepEqual(parse({ ...defaults, ...fromQuery("?bias=yes") }).problems,
    [{ field: "bias", label: "bias", code: "bad_bool", raw: "yes", limit: undefined }]);
});

test("keys an address holds that the page does not read are named", () => {
  assert.deepEqual(unknownKeys("?hiden_size=5&bias=True&foo=1&foo=2"), ["hiden_size", "foo"]);
  assert.deepEqual(unknownKeys("?module=GRU"), []);
});

test("every address in the fixture reads as the configuration torch was given", () => {
  const withQuery = fixture.cases.filter((c) => c.query);
  assert.ok(withQuery.length >= 10);
  for (const c of withQuery) {
    const { config } = parse({ ...defaults, ...fromQuery(`?${c.query}`) });
    const want = { ...c.config };
    if (!want.batched) [want.batch, config.batch] = [null, null]; // N is not read for unbatched input
    assert.deepEqual(config, want, c.query);
  }
});

test("fields that do not apply", () => {
  const off = (raw) => Object.entries(notApplying({ ...defaults, ...raw })).filter(([, v]) => v).map(([k]) => k);
  assert.deepEqual(off({}), ["enforce_sorted", "nonlinearity"]);
  assert.deepEqual(off({ module: "RNN", batched: false, lengths: "3" }), ["batch", "lengths", "proj_size"]);
  assert.deepEqual(off({ module: "GRU", batched: "False" }), ["batch", "enforce_sorted", "lengths", "proj_size", "nonlinearity"]);
  // N is not read for unbatched input, whatever it holds
  assert.equal(parse({ ...defaults, batched: false, batch: "two" }).config.batch, null);
});

test("memory of the parameters in float32", () => {
  assert.deepEqual([144, 250, 4000020000000].map(bytes), ["576 bytes", "1.0 kB", "16.0 TB"]);
});

test("the Python shown is tokenised as Pygments does", () => {
  const code = "import torch\nfrom torch.nn.utils.rnn import pack_padded_sequence\n\n" +
    "rnn = nn.RNN(3, 4.0, nonlinearity='relu', batch_first=True)\nx = torch.zeros(5, 2, 3)  # (L, N, H_in)\n";
  const spans = tokens(code).filter(([cls]) => cls);
  assert.deepEqual(spans, [["kn", "import"], ["nn", "torch"], ["kn", "from"], ["nn", "torch"], ["nn", "nn"],
    ["nn", "utils"], ["nn", "rnn"], ["kn", "import"], ["o", "="], ["mi", "3"], ["mf", "4.0"], ["o", "="],
    ["s1", "'relu'"], ["o", "="], ["kc", "True"], ["o", "="], ["mi", "5"], ["mi", "2"], ["mi", "3"],
    ["c1", "# (L, N, H_in)"]]);
  assert.equal(tokens(code).map(([, text]) => text).join(""), code);
});

test("shapes print as Python tuples", () => {
  assert.deepEqual([fmt([5, 2, 8]), fmt([16]), fmt([])], ["(5, 2, 8)", "(16,)", "()"]);
});

test("sizes the page cannot list are refused with a message, not cut", () => {
  const { problems } = parse({ ...defaults, num_layers: "5000", batch: "2000000", lengths: "3000000" });
  assert.deepEqual(problems.map((p) => [p.field, p.code]), [
    ["num_layers", "too_large"], ["batch", "too_large"], ["lengths", "too_large"],
  ]);
  const many = Array.from({ length: 1001 }, () => "1").join(",");
  assert.equal(parse({ ...defaults, lengths: many }).problems[0].code, "too_many");
});

test("a long batch_sizes is shortened and says how long it is", () => {
  assert.equal(list([3, 2, 1]), "[3, 2, 1]");
  const long = list(Array.from({ length: 100 }, (_, i) => 100 - i));
  assert.ok(long.endsWith("5, 4, 3, 2, 1] (100)"), long);
});
