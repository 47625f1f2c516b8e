"""Write fixtures/parses.json: the token attributes of every sentence in SENTENCES, from the
real model. Run by hand when sentences are added (`python tests/freeze_parses.py`); the
tests then build their Docs from the JSON without a model.
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent.parent))
from tests.sentences import SENTENCES  # noqa: E402


def spec(doc) -> dict:
    return {
        "words": [t.text for t in doc],
        "spaces": [bool(t.whitespace_) for t in doc],
        "tags": [t.tag_ for t in doc],
        "pos": [t.pos_ for t in doc],
        "lemmas": [t.lemma_ for t in doc],
        "heads": [t.head.i for t in doc],
        "deps": [t.dep_ for t in doc],
        "ents": [f"{t.ent_iob_}-{t.ent_type_}" if t.ent_iob_ in "BI" and t.ent_type_ else "O" for t in doc],
    }


def main() -> None:
    from kg.nlp import load_model

    nlp = load_model()
    out = {text: spec(doc) for text, doc in zip(SENTENCES, nlp.pipe(SENTENCES))}
    path = Path(__file__).parent / "fixtures" / "parses.json"
    path.write_text(json.dumps(out, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    print(f"wrote {len(out)} parses to {path}")


if __name__ == "__main__":
    main()
