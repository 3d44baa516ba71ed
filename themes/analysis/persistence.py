"""Save and load trained models (pickle; load only files this system wrote itself)."""

from __future__ import annotations

import pickle
from pathlib import Path

import sklearn

FORMAT = 1


def save_model(model, path: str | Path) -> None:
    """Write a fitted ``ThemeClassifier`` with the format and scikit-learn versions."""
    payload = {"format": FORMAT, "sklearn": sklearn.__version__, "model": model}
    with open(path, "wb") as handle:
        pickle.dump(payload, handle, protocol=pickle.HIGHEST_PROTOCOL)


def load_model(path: str | Path):
    """Read a model written by ``save_model``; refuses other formats or scikit-learn versions.

    Never load a file from an untrusted source: unpickling can run code.
    """
    with open(path, "rb") as handle:
        payload = pickle.load(handle)  # our own files only, see docstring
    if not isinstance(payload, dict) or payload.get("format") != FORMAT:
        raise ValueError(f"{path} is not a themes model (format {FORMAT}).")
    if payload["sklearn"] != sklearn.__version__:
        raise ValueError(
            f"{path} was trained with scikit-learn {payload['sklearn']}, this is "
            f"{sklearn.__version__}: retrain it."
        )
    return payload["model"]
