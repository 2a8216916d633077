"""The static report: self-contained, every evidence link lands on a sentence, text escaped."""
from __future__ import annotations

import re

import pytest

from storyline.pipeline import build, ingest
from storyline.present.report import render_report
from storyline.store import Store

pytestmark = pytest.mark.slow


def test_every_evidence_link_has_its_sentence(demo):
    store, dossier = demo
    html = render_report(store, dossier)
    targets = set(re.findall(r'href="#(s-[^"]+)"', html))
    ids = set(re.findall(r'id="(s-[^"]+)"', html))
    assert targets and targets <= ids
    for event in dossier["events"]:
        for ev in event["evidence"]:
            assert f'href="#s-{ev["doc"]}-{ev["sentence"]}"' in html
    assert "<script" not in html and "http://" not in html.split("</head>")[0]


def test_report_shows_drift_chains_and_timeline(demo):
    store, dossier = demo
    html = render_report(store, dossier)
    assert html.count('class="event-dot"') == len([e for e in dossier["events"] if e["when"]])
    superseded = [k for k in dossier["commitments"] if k["superseded_by"]]
    assert superseded and '<p class="chain">' in html and " → " in html


def test_untrusted_text_is_escaped(tmp_path):
    (tmp_path / "x.txt").write_text("Evil page <script>alert(1)</script>\n\nMarch 3, 2023\n\n"
                                    "The mayor <b onmouseover=alert(2)>said</b> on Friday that the bridge will reopen.")
    with Store(tmp_path / "s.db") as store:
        ingest([str(tmp_path / "x.txt")], store)
        build(store)
        html = render_report(store)
    assert "<script>alert(1)" not in html and "&lt;script&gt;alert(1)" in html
    assert "<b onmouseover" not in html
