"""A pasted error message or a symptom in plain words finds the section that answers it.

Each case is what a reader types: torch's whole first line with the numbers of their own
case (not the page's), or a symptom in their own words, in the language of the site they
are on. A case passes at k when one of the sections that answer it is among the first k
results that Material's search dialog lists. The queries run through Material's own search
worker on the built index (tests/search/rank.mjs), so the ranking is the one readers get.

Targets (issue 17): hit@3 >= 95% and hit@1 >= 80% over all cases; the report prints
every miss.
"""

import json
import subprocess
from pathlib import Path

import pytest

RANK = Path(__file__).parent / "search" / "rank.mjs"

STATE_SIZE = {"pitfalls/#state-size", "pitfalls/#state-leaks-between-batches", "shapes/#initial-state", "shapes/#stale-h-0"}
LSTM_STATE = {"pitfalls/#state-size", "shapes/#lstm-state-size"}
STATE_TUPLE = {"pitfalls/#state-tuple-errors", "shapes/#state-tuple"}
CELLS = {"pitfalls/#cell-errors", "shapes/#cells"}
RANK_ERR = {"pitfalls/#input-rank", "shapes/#wrong-rank"}
FLOAT64 = {"pitfalls/#float64-input", "shapes/#float64"}
TOKEN_IDS = {"pitfalls/#token-ids-refused", "shapes/#token-ids", "packing/#token-ids"}
NONLINEARITY = {"pitfalls/#nonlinearity-refused", "shapes/#nonlinearity"}
PROJ = {"pitfalls/#proj-size-refused", "shapes/#proj-size"}
LENGTHS_COUNT = {"pitfalls/#pack-batch-first", "pitfalls/#lengths-too-few", "pitfalls/#lengths-too-many",
                 "packing/#batch-first", "packing/#lengths-count"}

# torch's messages, with sizes a reader would have; the same on both sites.
MESSAGES = [
    ("RuntimeError: 'lengths' argument should be a 1D CPU int64 tensor, but got 1D cuda:0 Long tensor",
     {"pitfalls/#lengths-not-on-cpu", "packing/#lengths-on-cpu"}),
    ("RuntimeError: 'lengths' argument should be a 1D CPU int64 tensor, but got 0D cpu Long tensor",
     {"pitfalls/#lengths-not-on-cpu", "packing/#lengths-on-cpu"}),
    ("RuntimeError: `lengths` array must be sorted in decreasing order when `enforce_sorted` is True. "
     "You can pass `enforce_sorted=False` to pack_padded_sequence and/or pack_sequence to sidestep this "
     "requirement if you do not need ONNX exportability.",
     {"pitfalls/#lengths-not-sorted", "packing/#enforce-sorted"}),
    ("ValueError: Expected total_length to be at least the length of the longest sequence in input, "
     "but got total_length=40 and max sequence length being 52",
     {"pitfalls/#unpacked-shorter", "packing/#pad-packed-sequence"}),
    ("RuntimeError: Expected `len(lengths)` to be equal to batch_size, but got 32 (batch_size=50)", LENGTHS_COUNT),
    ("RuntimeError: Length of all samples has to be greater than 0, but found an element in 'lengths' that is <= 0",
     {"pitfalls/#zero-length-sequence", "packing/#zero-length"}),
    ("RuntimeError: INDICES element is out of DATA bounds, id=16 axis_dim=16",
     {"pitfalls/#lengths-too-many", "packing/#lengths-count"}),
    ("RuntimeError: Expected hidden size (2, 16, 128), got [2, 32, 128]", STATE_SIZE),
    ("RuntimeError: Expected hidden size (1, 64, 256), got [64, 1, 256]", STATE_SIZE),
    ("RuntimeError: Expected hidden[0] size (2, 8, 64), got [8, 2, 64]", LSTM_STATE),
    ("RuntimeError: Expected hidden[1] size (4, 16, 32), got [2, 16, 32]", LSTM_STATE),
    ("RuntimeError: The size of tensor a (16) must match the size of tensor b (32) at non-singleton dimension 0",
     {"pitfalls/#packed-state-size", "shapes/#lstm-state-size"}),
    ("RuntimeError: For batched 3-D input, hx and cx should also be 3-D but got (2-D, 2-D) tensors", STATE_TUPLE),
    ("AttributeError: 'tuple' object has no attribute 'dim'", STATE_TUPLE),
    ("IndexError: index 1 is out of bounds for dimension 0 with size 1", STATE_TUPLE),
    ("TypeError: lstm_cell(): argument 'hx' (position 2) must be tuple of Tensors, not Tensor", CELLS),
    ("ValueError: LSTMCell: Expected input to be 1D or 2D, got 3D instead", CELLS),
    ("ValueError: not enough values to unpack (expected 3, got 2)", CELLS),
    ("ValueError: LSTM: Expected input to be 2D or 3D, got 4D instead", RANK_ERR),
    ("ValueError: RNN: Expected input to be 2D or 3D, got 1D tensor instead", RANK_ERR),
    ("RuntimeError: input.size(-1) must be equal to input_size. Expected 300, got 128",
     {"pitfalls/#input-size-mismatch", "shapes/#wrong-last-dim"}),
    ("ValueError: RNN input dtype (torch.float64) does not match weight dtype (torch.float32). "
     "Convert input: input.to(torch.float32), or convert model: model.to(torch.float64)", FLOAT64),
    ("RuntimeError: expected scalar type Double but found Float", FLOAT64),
    ("RuntimeError: input must have the type torch.float32, got type torch.float64", FLOAT64),
    ("ValueError: RNN input dtype (torch.int64) does not match weight dtype (torch.float32). "
     "Convert input: input.to(torch.float32), or convert model: model.to(torch.int64)", TOKEN_IDS),
    ("TypeError: nn.Module.to only accepts floating point or complex dtypes, but got desired dtype=torch.int64",
     TOKEN_IDS),
    ("ValueError: Unknown nonlinearity 'gelu'. Select from 'tanh' or 'relu'.", NONLINEARITY),
    ("TypeError: RNNBase.__init__() got an unexpected keyword argument 'nonlinearity'", NONLINEARITY),
    ("TypeError: bias should be of type bool, got: str",
     {"pitfalls/#fourth-positional-argument", "shapes/#fourth-argument"}),
    ("ValueError: proj_size has to be smaller than hidden_size", PROJ),
    ("ValueError: proj_size argument is only supported for LSTM, not RNN or GRU", PROJ),
    ("UserWarning: dropout option adds dropout after all but last recurrent layer, so non-zero dropout "
     "expects num_layers greater than 1, but got dropout=0.2 and num_layers=1",
     {"pitfalls/#dropout-one-layer", "dropout/#one-layer"}),
    ("ValueError: dropout should be a number in range [0, 1] representing the probability of an element being zeroed",
     {"pitfalls/#dropout-invalid-value", "dropout/#invalid-values"}),
    ("RuntimeError: a view of a leaf Variable that requires grad is being used in an in-place operation.",
     {"pitfalls/#in-place-on-parameter", "gates/#forget-slice"}),
    ("RuntimeError: Trying to backward through the graph a second time (or directly access saved tensors after "
     "they have already been freed). Saved intermediate values of the graph are freed when you call .backward() "
     "or autograd.grad(). Specify retain_graph=True if you need to backward through the graph a second time or "
     "if you need to access saved tensors after calling backward.",
     {"pitfalls/#backward-second-time", "gates/#carry-state"}),
    ("RuntimeError: one of the variables needed for gradient computation has been modified by an inplace "
     "operation: [torch.FloatTensor [512, 128]] is at version 3; expected version 2 instead. Hint: enable "
     "anomaly detection to find the operation that failed to compute its gradient, with "
     "torch.autograd.set_detect_anomaly(True).",
     {"pitfalls/#retain-graph-inplace", "gates/#carry-state"}),
    ("RuntimeError: cudnn RNN backward can only be called in training mode",
     {"pitfalls/#gpu-eval-backward", "dropout/#cudnn-eval-backward"}),
    ("ModuleNotFoundError: No module named 'tensorflow'", {"pitfalls/#keras-no-backend", "keras/#no-backend"}),
    ("RuntimeError: Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.",
     {"pitfalls/#keras-numpy-requires-grad", "keras/#to-numpy"}),
]

BIDIRECTIONAL_LAST = {"pitfalls/#bidirectional-output-last", "bidirectional/#last-step"}
CLASSIFIER = {"bidirectional/#which-tensor", "bidirectional/#classifier-features"}
PADDING_HARM = {"pitfalls/#padding-changes-final-states", "packing/#padding-harm"}
LAST_REAL = {"packing/#last-real-step", "pitfalls/#unpacked-output-last"}
FORGET_BIAS = {"gates/#set-forget-bias", "pitfalls/#forget-bias-not-what-you-set", "gates/#why-forget-bias"}
GATE_ORDER = {"gates/#lstm-gate-order", "gates/#gate-order", "pitfalls/#lstm-gate-order-copied"}
ONE_LAYER = {"pitfalls/#dropout-one-layer", "dropout/#one-layer"}
EVAL = {"pitfalls/#forgot-eval", "dropout/#train-only"}
KERAS_LSTM = {"keras/#porting", "keras/#port-lstm", "pitfalls/#keras-lstm-weights"}
SWAPPED = {"pitfalls/#batch-axis-read-as-time", "shapes/#batch-first", "shapes/#catch-swapped-layout"}
LEAK = {"pitfalls/#state-leaks-between-batches", "shapes/#stale-h-0"}
GRU_PAPER = {"gates/#gru-paper", "pitfalls/#gru-reset-after"}
PAD_SEQUENCES = {"keras/#pad-sequences", "pitfalls/#keras-pad-sequences"}
H_N_BATCH_FIRST = {"pitfalls/#state-size", "shapes/#initial-state", "shapes/#output-h-n-c-n"}

SYMPTOMS = {
    "en": [
        ("bidirectional output[-1] does not match h_n", BIDIRECTIONAL_LAST),
        ("which tensor to feed a classifier from a bidirectional LSTM", CLASSIFIER),
        ("padding changes the final hidden state", PADDING_HARM),
        ("last real step of each padded sequence", LAST_REAL),
        ("set the forget gate bias to 1", FORGET_BIAS),
        ("gate order in LSTM weights", GATE_ORDER),
        ("dropout has no effect with one layer", ONE_LAYER),
        ("predictions change between runs at evaluation", EVAL),
        ("port Keras LSTM weights to PyTorch", KERAS_LSTM),
        ("batch and time axes swapped, model trains anyway", SWAPPED),
        ("one sequence changes the output of another sequence in the next batch", LEAK),
        ("GRU from the paper gives different results", GRU_PAPER),
        ("pad_sequences pre padding with pack_padded_sequence", PAD_SEQUENCES),
        ("h_n is not batch first", H_N_BATCH_FIRST),
    ],
    "ko": [
        ("양방향 output[-1]이 h_n과 다릅니다", BIDIRECTIONAL_LAST),
        ("양방향 LSTM에서 분류기에 넣을 텐서", CLASSIFIER),
        ("패딩 때문에 최종 상태가 달라집니다", PADDING_HARM),
        ("시퀀스마다 마지막 실제 단계", LAST_REAL),
        ("망각 게이트 편향을 1로 설정", FORGET_BIAS),
        ("LSTM 가중치의 게이트 순서", GATE_ORDER),
        ("층이 하나일 때 드롭아웃이 효과가 없습니다", ONE_LAYER),
        ("평가할 때마다 예측이 바뀝니다", EVAL),
        ("Keras LSTM 가중치를 PyTorch로 옮기기", KERAS_LSTM),
        ("배치 축과 시간 축이 바뀌었는데 학습이 됩니다", SWAPPED),
        ("다음 배치에서 다른 시퀀스의 결과가 바뀝니다", LEAK),
        ("논문의 GRU 식과 결과가 다릅니다", GRU_PAPER),
        ("pad_sequences 앞쪽 패딩과 패킹", PAD_SEQUENCES),
        ("h_n은 batch_first를 따르지 않습니다", H_N_BATCH_FIRST),
    ],
}

CASES = [(lang, query, answers) for lang in ("ko", "en") for query, answers in MESSAGES + SYMPTOMS[lang]]


def rank(site: Path, cases) -> list[list[str]]:
    queries = {lang: [q for l, q, _ in cases if l == lang] for lang in ("ko", "en")}
    done = subprocess.run(["node", str(RANK)], input=json.dumps({"site": str(site), "queries": queries}),
                          capture_output=True, text=True, timeout=120)
    assert done.returncode == 0, done.stderr
    results = json.loads(done.stdout)
    return [results[lang].pop(0) for lang, _, _ in cases]


def first_hit(results: list[str], answers: set[str]) -> int | None:
    return next((i + 1 for i, location in enumerate(results) if location in answers), None)


def test_every_answer_is_a_section_of_the_site(site_dir):
    """A misspelt anchor in a case could never be found, and would read as a search failure."""
    for lang, prefix in (("ko", ""), ("en", "en/")):
        index = json.loads((site_dir / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        locations = {doc["location"] for doc in index["docs"]}
        unknown = sorted({a for l, _, answers in CASES if l == lang for a in answers} - locations)
        assert not unknown, f"answers that are not sections of the {lang} site: {unknown}"


def test_index_leaves_out_programs_and_chapter_openings(site_dir):
    """hooks/search_skips.py: code and the boxes that repeat a chapter's sections are not indexed."""
    for prefix, glance in (("", "한눈에 보기"), ("en/", "At a glance")):
        index = json.loads((site_dir / prefix / "search/search_index.json").read_text(encoding="utf-8"))
        text = "\n".join(doc["text"] for doc in index["docs"])
        assert "import torch" not in text and glance not in text
        assert any("messages" in doc for doc in index["docs"]), "no pitfalls entry has a messages field"


def test_a_word_before_a_colon_is_searched(site_dir):
    """hooks/search_keeps_words_before_colons.py: `LSTMCell:` is a word to find, not a field name."""
    cases = [(lang, "LSTMCell:", {"pitfalls/#cell-errors"}) for lang in ("ko", "en")]
    for (lang, query, answers), results in zip(cases, rank(site_dir, cases)):
        assert first_hit(results, answers) == 1, f"{lang}: {query!r} found {results[:3]}"


def test_pasted_messages_and_symptoms_land_on_their_section(site_dir):
    assert len(CASES) >= 40
    hits = [(case, first_hit(results, case[2])) for case, results in zip(CASES, rank(site_dir, CASES))]
    at1 = sum(h == 1 for _, h in hits) / len(hits)
    at3 = sum(h is not None and h <= 3 for _, h in hits) / len(hits)
    misses = [f"  {lang} #{h or '-'}: {query[:90]}" for (lang, query, _), h in hits if h != 1]
    report = f"hit@1 {at1:.0%}, hit@3 {at3:.0%} over {len(hits)} queries; not first:\n" + "\n".join(misses)
    print(report)
    assert at3 >= 0.95 and at1 >= 0.80, report
