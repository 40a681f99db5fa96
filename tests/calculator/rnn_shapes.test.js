// The calculator's module against every configuration real torch answered in
// fixture.json (written by scripts/calculator_fixture.py). Run: node --test tests/calculator/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { compute, ONEDNN_WARNING, pyFloat, pyStr, pythonCode } from "../../docs/assets/scripts/rnn_shapes.js";

const fixture = JSON.parse(readFileSync(new URL("./fixture.json", import.meta.url), "utf8"));

// What the calculator must show for a case: torch's answer, or a refusal where
// torch does not check its input.
function expected({ torch: t }) {
  if (t.calculator_refuses) return { refused: t.calculator_refuses, warnings: t.warnings };
  const { calculator_refuses, on_meta, ...answer } = t;  // on_meta: how the fixture ran it
  return answer;
}

test(`fixture holds at least 500 configurations, valid and invalid (torch ${fixture.torch})`, () => {
  const invalid = fixture.cases.filter((c) => c.torch.error || c.torch.calculator_refuses);
  assert.ok(fixture.cases.length >= 500, `${fixture.cases.length} cases`);
  assert.ok(invalid.length > 0 && invalid.length < fixture.cases.length);
});

test("every configuration: the module answers what torch answered", () => {
  const wrong = [];
  for (const [i, c] of fixture.cases.entries()) {
    const got = compute(c.config);
    try {
      assert.deepEqual(got, expected(c));
    } catch (e) {
      wrong.push(`case ${i} (fixture.json line ${i + 3}): ${JSON.stringify(c.config)}\n${e.message}`);
    }
  }
  assert.equal(wrong.length, 0,
    `${wrong.length} of ${fixture.cases.length} configurations differ from torch; first:\n${wrong.slice(0, 3).join("\n\n")}`);
});

test("floats print as Python prints them in torch's warning", () => {
  assert.deepEqual([0.5, 1, 0, 1e-5, 1.5e-7, 0.0001, 0.25].map(pyFloat),
    ["0.5", "1.0", "0.0", "1e-05", "1.5e-07", "0.0001", "0.25"]);
  assert.deepEqual([1e16, 1e22, 12345678.0, Infinity].map(pyFloat), ["1e+16", "1e+22", "12345678.0", "inf"]);
});

test("the fixture covers each class of issue 21 with torch's own answers", () => {
  const cases = fixture.cases;
  const has = (what, pick) => assert.ok(cases.some(pick), `no fixture case ${what}`);
  const c = (x) => x.config;
  // 1. a length beyond L where torch's own check answers first, and where none does
  const beyond = cases.filter((x) => c(x).lengths?.length && Math.max(...c(x).lengths) > c(x).seq_len && c(x).batched);
  for (const message of ["Cannot pack empty tensors.", "Length of all samples", "`lengths` array must be sorted"]) {
    has(`with a length beyond L answered by "${message}"`, () => false || beyond.some((x) => x.torch.error?.message.startsWith(message)));
  }
  has("refused for a length beyond L", (x) => x.torch.calculator_refuses === "length_beyond_seq_len");
  // 2. floats with a whole value, typed as floats
  for (const name of ["input_size", "hidden_size", "dropout"]) {
    has(`with ${name} a whole float`, (x) => typeof c(x)[name] === "object" && c(x)[name] !== null);
  }
  has("answered: hidden_size should be of type int, got: float",
    (x) => x.torch.error?.message === "hidden_size should be of type int, got: float" && typeof c(x).hidden_size === "object");
  // 3. the oneDNN warning, and a packed LSTM with projections without it
  has("with the oneDNN warning", (x) => x.torch.warnings.includes(ONEDNN_WARNING));
  has("packed, with projections, without it", (x) => c(x).proj_size > 0 && c(x).lengths && x.torch.shapes && !x.torch.warnings.length);
  // 4. addresses with Python's booleans and an unknown key
  has("read from an address with True", (x) => /=True/.test(x.query ?? ""));
  has("read from an address with an unknown key", (x) => /hiden_size/.test(x.query ?? ""));
  // 5. nonlinearity
  has("with an unknown nonlinearity", (x) => x.torch.error?.message.startsWith("Unknown nonlinearity"));
  has("with nonlinearity on an LSTM or GRU", (x) => x.torch.error?.type === "TypeError" && c(x).nonlinearity);
  has("with nonlinearity='relu' on an RNN", (x) => c(x).nonlinearity === "relu" && x.torch.shapes);
  // 6. a configuration too large to allocate, counted by torch on the meta device
  has("with more than 10^12 parameters", (x) => x.torch.param_count > 1e12);
});

test("strings print as Python's repr", () => {
  assert.deepEqual(["relu", "it's", 'say "hi"', "a\\b", "tab\t"].map(pyStr),
    ["'relu'", `"it's"`, `'say "hi"'`, "'a\\\\b'", "'tab\\t'"]);
});

test("the script writes floats with a whole value as floats, and nonlinearity as a string", () => {
  const base = { module: "LSTM", input_size: 3, hidden_size: 4, num_layers: 1, nonlinearity: null, bias: true,
    batch_first: false, dropout: 0, bidirectional: false, proj_size: null, batch: 2, seq_len: 5, batched: true,
    lengths: null, enforce_sorted: true };
  const code = pythonCode({ ...base, module: "RNN", hidden_size: { float: 7 }, dropout: 1, nonlinearity: "relu" });
  assert.match(code, /nn\.RNN\(3, 7\.0, nonlinearity='relu', dropout=1\)/);
});
