// What nn.RNN, nn.LSTM and nn.GRU do with one configuration: every shape, every
// parameter, or the exact error and warning text torch gives. No page code here:
// the calculator page imports it, and tests/calculator/ checks it against a
// fixture written by real torch (scripts/calculator_fixture.py).
//
// A configuration uses the Python argument names. `proj_size: null` means the
// argument is not passed (GRU and RNN refuse it even as 0). Sizes other than
// input_size and hidden_size must be whole numbers (the page checks); `dropout`
// stands for a Python float.

export const MODULES = ["RNN", "LSTM", "GRU"];
const GATES = { RNN: 1, LSTM: 4, GRU: 3 };

// Python's repr of a float, as torch's warning prints it: 0.5, 1.0, 1e-05.
export function pyFloat(x) {
  if (Number.isInteger(x)) return x.toFixed(1);
  if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e16)) {
    const [mantissa, exp] = x.toExponential().split("e");
    const sign = exp[0] === "-" ? "-" : "+";
    return `${mantissa}e${sign}${exp.replace(/^[-+]/, "").padStart(2, "0")}`;
  }
  return String(x);
}

const pyType = (x) => (Number.isInteger(x) ? "int" : "float");

function fail(type, message, warnings) {
  return { error: { type, message }, warnings };
}

// The checks torch's constructor makes, in its order. Returns an error or null.
function construct(c, warnings) {
  if (c.module !== "LSTM" && c.proj_size !== null) {
    return fail("ValueError", "proj_size argument is only supported for LSTM, not RNN or GRU", warnings);
  }
  const d = c.dropout;
  if (typeof d !== "number" || !(d >= 0 && d <= 1)) {
    return fail("ValueError", "dropout should be a number in range [0, 1] representing the " +
      "probability of an element being zeroed", warnings);
  }
  if (d > 0 && c.num_layers === 1) {
    warnings.push("UserWarning: dropout option adds dropout after all but last recurrent layer, " +
      "so non-zero dropout expects num_layers greater than 1, but got " +
      `dropout=${pyFloat(d)} and num_layers=${c.num_layers}`);
  }
  for (const name of ["input_size", "hidden_size"]) {
    if (!Number.isInteger(c[name])) {
      return fail("TypeError", `${name} should be of type int, got: ${pyType(c[name])}`, warnings);
    }
    if (c[name] <= 0) return fail("ValueError", `${name} must be greater than zero`, warnings);
  }
  if (c.num_layers <= 0) return fail("ValueError", "num_layers must be greater than zero", warnings);
  const proj = c.proj_size ?? 0;
  if (proj < 0) {
    return fail("ValueError", "proj_size should be a positive integer or zero to disable projections", warnings);
  }
  if (proj >= c.hidden_size) return fail("ValueError", "proj_size has to be smaller than hidden_size", warnings);
  return null;
}

// Packed input torch does not check; the calculator refuses it (see
// `unchecked` in scripts/calculator_fixture.py for what torch does instead).
function refusal(c) {
  if (!c.batched) return "lengths_need_batch";
  if (c.lengths.length && Math.max(...c.lengths) > c.seq_len) return "length_beyond_seq_len";
  if (!c.enforce_sorted && c.lengths.length !== c.batch) return "lengths_not_batch";
  return null;
}

// torch.nn.utils.rnn.pack_padded_sequence's checks, in its order.
function pack(c, warnings) {
  const lengths = c.enforce_sorted ? c.lengths : [...c.lengths].sort((a, b) => b - a);
  if (c.seq_len * c.batch === 0) return fail("RuntimeError", "Cannot pack empty tensors.", warnings);
  if (lengths.length !== c.batch) {
    return fail("RuntimeError", "Expected `len(lengths)` to be equal to batch_size, but got " +
      `${lengths.length} (batch_size=${c.batch})`, warnings);
  }
  if (!(lengths[lengths.length - 1] > 0)) {
    return fail("RuntimeError", "Length of all samples has to be greater than 0, but found an " +
      "element in 'lengths' that is <= 0", warnings);
  }
  for (let i = 1; i < lengths.length; i++) {
    if (lengths[i] > lengths[i - 1]) {
      return fail("RuntimeError", "`lengths` array must be sorted in decreasing order when " +
        "`enforce_sorted` is True. You can pass `enforce_sorted=False` to pack_padded_sequence " +
        "and/or pack_sequence to sidestep this requirement if you do not need ONNX exportability.",
        warnings);
    }
  }
  // batch_sizes[t] = how many sequences are longer than t (lengths are sorted here)
  const batchSizes = [];
  for (let t = 0, alive = lengths.length; t < lengths[0]; t++) {
    while (lengths[alive - 1] <= t) alive--;
    batchSizes.push(alive);
  }
  return { lengths, batchSizes };
}

export function parameters(c) {
  const gate = GATES[c.module] * c.hidden_size;
  const proj = c.proj_size ?? 0;
  const hOut = proj || c.hidden_size;
  const dirs = c.bidirectional ? ["", "_reverse"] : [""];
  const params = [];
  for (let layer = 0; layer < c.num_layers; layer++) {
    for (const suffix of dirs) {
      const inSize = layer === 0 ? c.input_size : hOut * dirs.length;
      const at = `_l${layer}${suffix}`;
      params.push([`weight_ih${at}`, [gate, inSize]], [`weight_hh${at}`, [gate, hOut]]);
      if (c.bias) params.push([`bias_ih${at}`, [gate]], [`bias_hh${at}`, [gate]]);
      if (proj) params.push([`weight_hr${at}`, [proj, c.hidden_size]]);
    }
  }
  return params;
}

// The answer for one configuration, in the fixture's form:
//   { shapes, params, param_count, packed, warnings }   what torch returns
//   { error: { type, message }, warnings }             what torch raises
//   { refused: code, warnings }                        what torch does not check
export function compute(c) {
  const warnings = [];
  const error = construct(c, warnings);
  if (error) return error;
  if (c.seq_len < 0 || (c.batched && c.batch < 0)) {  // torch.zeros(...) for the input
    return fail("RuntimeError", "zeros: Dimension size must be non-negative.", warnings);
  }
  let packed = null;
  if (c.lengths !== null) {
    const refused = refusal(c);
    if (refused) return { refused, warnings };
    packed = pack(c, warnings);
    if (packed.error) return packed;
  } else if (c.seq_len <= 0) {
    return fail("RuntimeError", "Expected sequence length to be larger than 0 in RNN", warnings);
  }

  const lstm = c.module === "LSTM";
  const dirs = c.bidirectional ? 2 : 1;
  const hOut = c.proj_size || c.hidden_size;
  const n = c.batched ? [c.batch] : [];
  const time = (t, features) => {
    if (!c.batched) return [t, features];
    return c.batch_first ? [c.batch, t, features] : [t, c.batch, features];
  };
  const h = [dirs * c.num_layers, ...n, hOut];
  const cell = lstm ? [dirs * c.num_layers, ...n, c.hidden_size] : null;
  const params = parameters(c);
  const result = {
    shapes: {
      input: time(c.seq_len, c.input_size),
      h_0: h,
      c_0: cell,
      output: time(c.seq_len, dirs * hOut),
      h_n: h,
      c_n: cell,
    },
    params,
    param_count: params.reduce((sum, [, s]) => sum + s.reduce((a, b) => a * b, 1), 0),
    packed: null,
    warnings,
  };
  if (packed) {
    const total = c.lengths.reduce((a, b) => a + b, 0);
    result.shapes.output = [total, dirs * hOut];
    result.packed = {
      data: [total, c.input_size],
      batch_sizes: packed.batchSizes,
      padded_output: time(packed.batchSizes.length, dirs * hOut),
    };
  }
  return result;
}

// The configuration as a Python script a reader can run: the same calls the
// fixture made, with only the arguments that differ from torch's defaults.
export function pythonCode(c) {
  const literal = (x) => (Number.isInteger(x) ? String(x) : pyFloat(x));
  const args = [literal(c.input_size), literal(c.hidden_size)];
  if (c.num_layers !== 1) args.push(`num_layers=${c.num_layers}`);
  if (!c.bias) args.push("bias=False");
  if (c.batch_first) args.push("batch_first=True");
  if (c.dropout !== 0) args.push(`dropout=${pyFloat(c.dropout)}`);
  if (c.bidirectional) args.push("bidirectional=True");
  if (c.proj_size !== null) args.push(`proj_size=${c.proj_size}`);
  const [shape, axes] = !c.batched ? [[c.seq_len, c.input_size], "(L, H_in)"]
    : c.batch_first ? [[c.batch, c.seq_len, c.input_size], "(N, L, H_in)"]
      : [[c.seq_len, c.batch, c.input_size], "(L, N, H_in)"];
  const lines = ["import torch", "from torch import nn"];
  if (c.lengths !== null) lines.push("from torch.nn.utils.rnn import pack_padded_sequence");
  lines.push("", `rnn = nn.${c.module}(${args.join(", ")})`,
    `x = torch.zeros(${shape.map(literal).join(", ")})  # ${axes}`);
  let input = "x";
  if (c.lengths !== null) {
    const opts = [`[${c.lengths.join(", ")}]`];
    if (c.batch_first) opts.push("batch_first=True");
    if (!c.enforce_sorted) opts.push("enforce_sorted=False");
    lines.push(`packed = pack_padded_sequence(x, ${opts.join(", ")})`);
    input = "packed";
  }
  const out = c.lengths !== null ? "output.data" : "output";
  if (c.module === "LSTM") {
    lines.push(`output, (h_n, c_n) = rnn(${input})`, `print(${out}.shape, h_n.shape, c_n.shape)`);
  } else {
    lines.push(`output, h_n = rnn(${input})`, `print(${out}.shape, h_n.shape)`);
  }
  return lines.join("\n") + "\n";
}
