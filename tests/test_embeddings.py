"""The NumPy all-MiniLM-L6-v2 embedder against the model's published behaviour."""
from __future__ import annotations

import numpy as np
import pytest

from storyline.annotate import embeddings
from storyline.annotate.embeddings import Embedder
from storyline.errors import StorylineError

PARAPHRASES = [
    ("The council approved the budget on Monday.",
     "On Monday the budget was passed by the council."),
    ("Mayor Elena Banfi resigned after the audit report was published.",
     "After the audit report came out, Mayor Elena Banfi stepped down."),
    ("Police arrested two men in connection with the harbour fire.",
     "Two men were detained by police over the fire at the harbour."),
    ("The ferry operator raised fares by eight percent, citing fuel costs.",
     "Citing the cost of fuel, the ferry company increased ticket prices by 8%."),
    ("Floods forced hundreds of residents of Marlow Bay to leave their homes.",
     "Hundreds of Marlow Bay residents were evacuated because of flooding."),
    ("Talks between the nurses union and the hospital board collapsed on Friday.",
     "On Friday, negotiations between the hospital board and the nurses union broke down."),
]

UNRELATED = [
    ("The council approved the budget on Monday.",
     "The striker scored twice in the second half."),
    ("Mayor Elena Banfi resigned after the audit report was published.",
     "Heavy snow is expected in the mountains this weekend."),
    ("Police arrested two men in connection with the harbour fire.",
     "The new smartphone has a larger battery and a brighter screen."),
    ("The ferry operator raised fares by eight percent, citing fuel costs.",
     "A rare orchid was found growing in the botanical garden."),
    ("Floods forced hundreds of residents of Marlow Bay to leave their homes.",
     "The orchestra will perform Mahler symphonies next season."),
]


@pytest.fixture(scope="module")
def model() -> Embedder:
    return Embedder.load()


def cos(model: Embedder, a: str, b: str) -> float:
    va, vb = model.encode([a, b])
    return float(model.similarity(va, vb))


def test_shape_dtype_and_unit_norm(model):
    texts = ["Short.", "A somewhat longer sentence about the harbour strike.", ""]
    v = model.encode(texts)
    assert v.shape == (3, 384)
    assert v.dtype == np.float32
    np.testing.assert_allclose(np.linalg.norm(v, axis=1), 1.0, atol=1e-5)
    assert np.isfinite(v).all()


def test_load_is_a_cached_singleton(model):
    assert Embedder.load() is model


def test_empty_input_and_bad_argument(model):
    assert model.encode([]).shape == (0, 384)
    with pytest.raises(TypeError):
        model.encode("one string, not a list")  # type: ignore[arg-type]


def test_deterministic(model):
    texts = [a for a, _ in PARAPHRASES]
    first = model.encode(texts)
    second = model.encode(texts)
    assert np.array_equal(first, second)


def test_batching_and_order_do_not_change_vectors(model):
    texts = [s for pair in PARAPHRASES + UNRELATED for s in pair] + [
        "Yes.", "The " + "very " * 60 + "long sentence ends here."]
    together = model.encode(texts, batch_size=32)
    for batch_size in (1, 3, 7):
        np.testing.assert_allclose(model.encode(texts, batch_size=batch_size), together, atol=1e-5)
    alone = np.stack([model.encode([t])[0] for t in texts[:4]])
    np.testing.assert_allclose(alone, together[:4], atol=1e-5)
    perm = np.random.default_rng(7).permutation(len(texts))
    shuffled = model.encode([texts[i] for i in perm])
    np.testing.assert_allclose(shuffled, together[perm], atol=1e-5)


def test_published_quickstart_similarities(model):
    """The sentence-transformers quickstart prints 0.6660, 0.1046 and 0.1411 for these three."""
    v = model.encode(["The weather is lovely today.", "It's so sunny outside!",
                      "He drove to the stadium."])
    sim = model.similarity(v, v)
    assert sim.shape == (3, 3)
    assert sim[0, 1] == pytest.approx(0.6660, abs=0.005)
    assert sim[0, 2] == pytest.approx(0.1046, abs=0.005)
    assert sim[1, 2] == pytest.approx(0.1411, abs=0.005)
    np.testing.assert_allclose(np.diag(sim), 1.0, atol=1e-5)
    np.testing.assert_allclose(sim, sim.T, atol=1e-6)


@pytest.mark.parametrize(("a", "b"), PARAPHRASES)
def test_paraphrases_score_high(model, a, b):
    assert cos(model, a, b) > 0.7


@pytest.mark.parametrize(("a", "b"), UNRELATED)
def test_unrelated_sentences_score_low(model, a, b):
    assert cos(model, a, b) < 0.3


@pytest.mark.parametrize(("query", "paraphrase", "distractors"), [
    ("The council approved the budget on Monday.",
     "On Monday the budget was passed by the council.",
     ["The council rejected the budget on Monday.",
      "On Monday the council approved a new parking ban.",
      "The budget council met on Monday but took no vote."]),
    ("Police arrested two men in connection with the harbour fire.",
     "Two men were detained by police over the fire at the harbour.",
     ["Two men died in the harbour fire, police said.",
      "Police said the harbour fire was started by two men who are still at large.",
      "Firefighters arrested the spread of the fire near the harbour police station."]),
])
def test_paraphrase_outranks_word_sharing_distractors(model, query, paraphrase, distractors):
    v = model.encode([query, paraphrase, *distractors])
    scores = model.similarity(v[0], v[1:])
    assert scores.shape == (4,)
    assert int(np.argmax(scores)) == 0
    assert scores[0] > max(scores[1:]) + 0.05


def test_similarity_helper_is_cosine_on_any_scale(model):
    a = np.array([3.0, 4.0])
    b = np.array([[6.0, 8.0], [-4.0, 3.0], [-3.0, -4.0]])
    np.testing.assert_allclose(model.similarity(a, b), [1.0, 0.0, -1.0], atol=1e-6)
    assert model.similarity(b, b).shape == (3, 3)


def test_inputs_are_truncated_at_256_word_pieces(model):
    long = " ".join(f"Delegate {i} spoke about the harbour budget." for i in range(80))
    assert len(model.tokenizer.encode(long).ids) == 256
    v = model.encode([long, long + " A completely different closing remark about football."])
    np.testing.assert_allclose(v[0], v[1], atol=1e-6)


def test_missing_model_package_is_a_clear_storyline_error(monkeypatch):
    monkeypatch.setattr(embeddings, "MODEL_PACKAGE", "no_such_model_package_xyz")
    monkeypatch.setattr(Embedder, "_instance", None)
    with pytest.raises(StorylineError, match="no_such_model_package_xyz.*not installed"):
        Embedder.load()
