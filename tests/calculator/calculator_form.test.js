// The calculator page's input handling: what a reader types, and the URL query.
import assert from "node:assert/strict";
import { test } from "node:test";

import { FIELDS, fmt, fromQuery, list, parse, toQuery } from "../../docs/assets/scripts/calculator.js";

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

test("input_size and hidden_size pass fractions to torch, which has its own message", () => {
  assert.equal(parse({ ...defaults, hidden_size: "2.5" }).config.hidden_size, 2.5);
});

test("lengths: commas or spaces, whole numbers only", () => {
  assert.deepEqual(parse({ ...defaults, lengths: "5, 3 2" }).config.lengths, [5, 3, 2]);
  assert.deepEqual(parse({ ...defaults, lengths: "5, -1" }).config.lengths, [5, -1]); // torch's error
  assert.deepEqual(parse({ ...defaults, lengths: "5, 2.5" }).problems, [{ field: "lengths", code: "bad_length", raw: "2.5" }]);
});

test("an unknown module is reported", () => {
  assert.equal(parse({ ...defaults, module: "Transformer" }).problems[0].code, "bad_module");
});

test("the URL query holds only what differs from the defaults and reads back", () => {
  const raw = { ...defaults, module: "GRU", bidirectional: true, bias: false, lengths: "5,3" };
  const query = toQuery(raw);
  assert.equal(query, "module=GRU&bias=0&bidirectional=1&lengths=5%2C3");
  assert.deepEqual({ ...defaults, ...fromQuery(`?${query}`) }, raw);
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
