"""No rule, list or example in src/ names a person, place or outlet of any story: the rare
capitalised words of every story key's entity names, aliases and outlets (and of the shared
demo key, when it is beside the repository) must not occur in the package's code or data.

The few words that do are general ones, listed with why they may stay.
"""
from __future__ import annotations

import json
import re
from pathlib import Path

from wordfreq import zipf_frequency

ROOT = Path(__file__).resolve().parents[1]
RARE = 3.0  # a word this rare in English is a name, not vocabulary
GIVEN_NAME_VARIANTS = {"kasia", "katarzyna", "agnieszka", "aleksandr", "dima", "ekaterina", "hendrik", "henk",
                       "katya", "misha", "wilhelmina"}  # data/lexicons/given_name_variants.txt: forms of common given names
GENERAL = {
    "biologics": "a kind of medicine, part of many firms' names",
    "newswire": "a kind of wire service",
    "stichting": "a legal form (Dutch foundation)",
    "clarion": "a word outlets' names are made of (outlet_words)", "bugle": "likewise",
    "courant": "likewise", "noticias": "likewise, and a related-links heading",
    "tidings": "likewise", "crier": "likewise", "inquirer": "likewise", "gleaner": "likewise",
    "ampersand": "the name of the character '&'",
    "spaceport": "a kind of facility", "inspectorate": "a kind of public body",
    "parliament's": "a common noun", "ould": "a fragment of 'could' where apostrophes split words",
    **{w: "a given-name variant" for w in GIVEN_NAME_VARIANTS},
}
DEMO = ROOT / "src" / "storyline" / "data" / "demo"  # the demo corpus itself: real pages of the demo story


def story_words() -> dict[str, set[str]]:
    keys = sorted((ROOT / "eval" / "stories").glob("*/key.json"))
    gold = ROOT.parent / "shared" / "gold"
    keys += sorted(gold.glob("*.json")) if gold.is_dir() else []
    words: dict[str, set[str]] = {}
    for path in keys:
        key = json.loads(path.read_text(encoding="utf-8"))
        names = [n for e in key.get("entities", []) for n in [e["name"], *e.get("aliases", [])]]
        names += [o for d in (key.get("documents") or {}).values() for o in d.get("outlet", [])]
        for name in names:
            for w in re.findall(r"[A-Z][a-zA-Z\u00C0-\u017F'-]{3,}", name):
                w = w.strip("'-").lower()
                if zipf_frequency(w, "en") <= RARE:
                    words.setdefault(w, set()).add(path.parent.name if path.name == "key.json" else path.stem)
    return words


def test_the_package_names_nothing_of_any_story():
    words = story_words()
    assert len(words) > 100  # the stories are there to check against
    files = [p for p in (ROOT / "src" / "storyline").rglob("*") if p.suffix in (".py", ".txt", ".json", ".html")
             and DEMO not in p.parents]
    found: dict[str, list[str]] = {}
    for path in files:
        text = path.read_text(encoding="utf-8", errors="replace").lower()
        for w in set(re.findall(r"[a-z\u00e0-\u017f'-]{4,}", text)) & set(words):
            if w not in GENERAL:
                found.setdefault(w, []).append(str(path.relative_to(ROOT)))
    assert not found, {w: (sorted(words[w]), paths) for w, paths in found.items()}
