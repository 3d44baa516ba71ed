"""Synthetic, made-up adult social care comments for tests (no real feedback is used)."""

from __future__ import annotations

import random

from themes.analysis import LabelledExample

# Labels deliberately not in the default taxonomy: the learning path must cope with new ones.
TEMPLATES = {
    "Parking": [
        "There is never anywhere to {verb} at the day centre",
        "The car park by the office is {adj} and always full",
        "I could not find a space to {verb} for the review meeting",
        "Parking permits for carers are {adj}",
    ],
    "Meals": [
        "The {adj} meals delivered at lunchtime are cold",
        "Mum gets a hot meal every day and the food is {adj}",
        "The dinner menu at the home is {adj}",
        "She has lost weight because the food is {adj}",
    ],
    "Garden": [
        "The garden at the care home is {adj}",
        "Residents love sitting outside in the {adj} garden",
        "Nobody waters the plants, the garden is {adj}",
        "The flower beds and lawn are {adj}",
    ],
}
ADJECTIVES = {
    "positive": ["lovely", "excellent", "brilliant", "wonderful"],
    "negative": ["awful", "terrible", "dreadful", "poor"],
}
VERBS = ["park", "leave the car", "stop", "pull in"]


def examples(count: int, seed: int = 3, multi_every: int = 0) -> list[LabelledExample]:
    """``count`` labelled comments; every ``multi_every``-th one joins two labels."""
    rng = random.Random(seed)
    labels = sorted(TEMPLATES)
    made = []
    for index in range(count):
        chosen = [labels[index % len(labels)]]
        if multi_every and index % multi_every == 0:
            chosen.append(labels[(index + 1) % len(labels)])
        sentiment = rng.choice(["positive", "negative"])
        parts = [
            rng.choice(TEMPLATES[label]).format(
                adj=rng.choice(ADJECTIVES[sentiment]), verb=rng.choice(VERBS)
            )
            for label in chosen
        ]
        made.append(LabelledExample(". ".join(parts) + ".", frozenset(chosen), sentiment))
    return made
