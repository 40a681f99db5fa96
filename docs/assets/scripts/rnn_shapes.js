// What nn.RNN, nn.LSTM and nn.GRU do with one configuration: every shape, every
// parameter, or the exact error and warning text torch gives. No page code here:
// the calculator page imports it, and tests/calculator/ checks it against a
// fixture written by real torch (scripts/calculator_fixture.py).
//
// A configuration uses the Python argument names. `proj_size: null` and
// `nonlinearity: null` mean the argument is not passed (GRU and RNN refuse
// proj_size even as 0; LSTM and GRU refuse nonlinearity). input_size,
// hidden_size and dropout are Python numbers as the reader typed them: a whole
// number is an int, any other number a float, and a float with a whole value
// (7.0, 1e1) is written { float: 7 }, since JSON and JavaScript would read it as
// 7. The other sizes are ints (the page checks).

export const MODULES = ["RNN", "LSTM", "GRU"];
const GATES = { RNN: 1, LSTM: 4, GRU: 3 };

// Python's repr of a float, as torch's warning prints it: 0.5, 1.0, 1e-05, 1e+16.
export function pyFloat(x) {
  if (!Number.isFinite(x)) return Number.isNaN(x) ? "nan" : x > 0 ? "inf" : "-inf";
  if (x !== 0 && (Math.abs(x) < 1e-4 || Math.abs(x) >= 1e16)) {
    const [mantissa, exp] = x.toExponential().split("e");
    const sign = exp[0] === "-" ? "-" : "+";
    return `${mantissa}e${sign}${exp.replace(/^[-+]/, "").padStart(2, "0")}`;
  }
  return Number.isInteger(x) ? x.toFixed(1) : String(x);
}

// A configuration's number: an int, a float, or { float: 7 } for the float 7.0.
export const value = (x) => (x !== null && typeof x === "object" ? x.float : x);
export const isInt = (x) => typeof x === "number" && Number.isInteger(x);
const pyType = (x) => (isInt(x) ? "int" : "float");
// The number as Python prints it: 7, 7.0, 0.5.
export const pyNumber = (x) => (isInt(x) ? String(x) : pyFloat(value(x)));

// Python's repr of a str: 'relu', "it's".
export function pyStr(text) {
  const quote = text.includes("'") && !text.includes('"') ? '"' : "'";
  const escaped = [...text].map((ch) => {
    if (ch === "\\" || ch === quote) return `\\${ch}`;
    const code = ch.codePointAt(0);
    const named = { 9: "\\t", 10: "\\n", 13: "\\r" }[code];
    if (named) return named;
    if (code < 32 || code === 127) return `\\x${code.toString(16).padStart(2, "0")}`;
    return ch;
  });
  return quote + escaped.join("") + quote;
}

// What torch 2.13's CPU build prints, once per process, on the first forward
// pass of an LSTM with projections over unpacked input (its oneDNN kernel has no
// projections, so torch falls back to its own). Builds without oneDNN do not.
export const ONEDNN_WARNING = "UserWarning: LSTM with projections is not supported with oneDNN. " +
  "Using default implementation. (Triggered internally at " +
  "/__w/pytorch/pytorch/aten/src/ATen/native/RNN.cpp:1512.)";

function fail(type, message, warnings) {
  return { error: { type, message }, warnings };
}

// The checks torch's constructor makes, in its order. Returns an error or null.
function construct(c, warnings) {
  // nn.RNN and nn.GRU check proj_size first; nn.RNN then reads nonlinearity;
  // nn.LSTM and nn.GRU hand it on to RNNBase, which takes no such argument.
  if (c.module !== "LSTM" && c.proj_size !== null) {
    return fail("ValueError", "proj_size argument is only supported for LSTM, not RNN or GRU", warnings);
  }
  const nl = c.nonlinearity ?? null;
  if (c.module === "RNN" && nl !== null && nl !== "tanh" && nl !== "relu") {
    return fail("ValueError", `Unknown nonlinearity '${nl}'. Select from 'tanh' or 'relu'.`, warnings);
  }
  if (c.module !== "RNN" && nl !== null) {
    return fail("TypeError", "RNNBase.__init__() got an unexpected keyword argument 'nonlinearity'", warnings);
  }
  const d = value(c.dropout);
  if (typeof d !== "number" || !(d >= 0 && d <= 1)) {
    return fail("ValueError", "dropout should be a number in range [0, 1] representing the " +
      "probability of an element being zeroed", warnings);
  }
  if (d > 0 && c.num_layers === 1) {
    warnings.push("UserWarning: dropout option adds dropout after all but last recurrent layer, " +
      "so non-zero dropout expects num_layers greater than 1, but got " +
      `dropout=${pyNumber(c.dropout)} and num_layers=${c.num_layers}`);
  }
  for (const name of ["input_size", "hidden_size"]) {
    if (!isInt(c[name])) {
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

// torch.nn.utils.rnn.pack_padded_sequence, in its order. Where torch's own checks
// pass but the input is one torch does not check, the calculator refuses it
// (see `unchecked` in scripts/calculator_fixture.py): returns { refused: code }.
function pack(c, warnings) {
  // The tensor torch packs, read as (T, B): batched input is (L, N); unbatched
  // input (L, H_in) is packed as if one of its axes were the batch.
  let [T, B] = c.batched ? [c.seq_len, c.batch]
    : c.batch_first ? [c.input_size, c.seq_len] : [c.seq_len, c.input_size];
  let lengths = c.lengths;
  if (!c.enforce_sorted) {
    // torch sorts the lengths and picks the batch in that order with
    // index_select, before any check: a longer list fails there, with an
    // indexing error that does not mention lengths; a shorter one drops sequences.
    if (lengths.length > B) return { refused: c.batched ? "lengths_not_batch" : "lengths_need_batch" };
    lengths = [...lengths].sort((a, b) => b - a);
    B = lengths.length;
  }
  if (T * B === 0) return fail("RuntimeError", "Cannot pack empty tensors.", warnings);
  if (lengths.length !== B) {
    return fail("RuntimeError", "Expected `len(lengths)` to be equal to batch_size, but got " +
      `${lengths.length} (batch_size=${B})`, warnings);
  }
  if (!(lengths[B - 1] > 0)) {
    return fail("RuntimeError", "Length of all samples has to be greater than 0, but found an " +
      "element in 'lengths' that is <= 0", warnings);
  }
  for (let i = 1; i < B; i++) {
    if (lengths[i] > lengths[i - 1]) {
      return fail("RuntimeError", "`lengths` array must be sorted in decreasing order when " +
        "`enforce_sorted` is True. You can pass `enforce_sorted=False` to pack_padded_sequence " +
        "and/or pack_sequence to sidestep this requirement if you do not need ONNX exportability.",
        warnings);
    }
  }
  // Unbatched input packs into 1-D data. nn.RNN and nn.GRU refuse it before
  // reading it; nn.LSTM does not check it and its kernel reads it as it comes.
  if (!c.batched && c.module === "LSTM") return { refused: "lengths_need_batch" };
  if (!c.batched) return fail("RuntimeError", "input must have 2 dimensions, got 1", warnings);
  if (c.lengths.length < c.batch) return { refused: "lengths_not_batch" };
  if (lengths[0] > T) return { refused: "length_beyond_seq_len" };
  // batch_sizes[t] = how many sequences are longer than t (lengths are sorted here)
  const batchSizes = [];
  for (let t = 0, alive = B; t < lengths[0]; t++) {
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
    packed = pack(c, warnings);
    if (packed.error) return packed;
    if (packed.refused) return { refused: packed.refused, warnings };
  } else if (c.seq_len <= 0) {
    return fail("RuntimeError", "Expected sequence length to be larger than 0 in RNN", warnings);
  } else if (c.module === "LSTM" && c.proj_size > 0 && (!c.batched || c.batch > 0)) {
    warnings.push(ONEDNN_WARNING);  // the forward pass, on a CPU build with oneDNN
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
  const literal = (x) => (Number.isFinite(value(x)) ? pyNumber(x) : `float('${pyFloat(value(x))}')`);
  const args = [literal(c.input_size), literal(c.hidden_size)];
  if (c.num_layers !== 1) args.push(`num_layers=${c.num_layers}`);
  if ((c.nonlinearity ?? null) !== null) args.push(`nonlinearity=${pyStr(c.nonlinearity)}`);
  if (!c.bias) args.push("bias=False");
  if (c.batch_first) args.push("batch_first=True");
  if (!(isInt(c.dropout) && c.dropout === 0)) args.push(`dropout=${literal(c.dropout)}`);
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
