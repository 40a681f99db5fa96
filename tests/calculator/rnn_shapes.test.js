// The calculator's module against every configuration real torch answered in
// fixture.json (written by scripts/calculator_fixture.py). Run: node --test tests/calculator/
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { test } from "node:test";

import { compute, pyFloat } from "../../docs/assets/scripts/rnn_shapes.js";

const fixture = JSON.parse(readFileSync(new URL("./fixture.json", import.meta.url), "utf8"));

// What the calculator must show for a case: torch's answer, or a refusal where
// torch does not check its input.
function expected({ torch: t }) {
  if (t.calculator_refuses) return { refused: t.calculator_refuses, warnings: t.warnings };
  const { calculator_refuses, ...answer } = t;
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
});
