"""Drift chains: which later commitment gives an earlier one's action another deadline.

A later statement about the same action and theme, said later and due later, supersedes
the earlier commitment; `superseded_by` points to the next link of the chain, so deadlines
that drift ("by May 1", then "September 11", then "August 31") keep their order.
"""
from __future__ import annotations

import re

from ..dates import granularity_of, near_year, parse_iso
from ..model import Commitment
from .commitment_access import Commitments
from .commitment_matching import LINK_SCORE, compatible_due, similarity

# Sentences that move one deadline are alike in meaning: on the development stories, the drift
# links between sentences whose embeddings lie under 0.2 were all wrong (9 of 9: other acts of
# the same actors; under 0.3, 40 of 46); those naming the old date may differ more
DRIFT_ALIKE = 0.2
DRIFT_ALIKE_NAMED = 0.1
EXPLICIT_LINK = 0.2  # a new deadline that names the old one ("instead of September 30") needs less theme
# lower case: not in names; nor a compound's part ("third-party bookings", "the twenty-first")
OCCURRENCE = re.compile(r"(?<!-)\b(?:first|second|third|fourth|fifth|next|another|last|final)\b(?!-|\s+times?\b)")

def same_deadline(a: str | None, fa: dict, b: str | None, fb: dict) -> bool:
    """The same deadline, or the same month and day when one of them took its year from an
    uncertain page date ("on 2 October" on a page dated only by a site header)."""
    if compatible_due(a, b):
        return True
    if a and b and (fa.get("loose_year") or fb.get("loose_year")):
        return compatible_due(a, near_year(b, a)) if fb.get("loose_year") else compatible_due(near_year(a, b), b)
    return False


def same_occurrence(old: dict, new: dict) -> bool:
    """Whether two commitments can be one occurrence of an act: not "the first launch" and
    "the second launch", nor a meeting and "the next meeting" (ordinals before the deadline,
    where the thing to be done is named)."""
    a = {m.group() for c in old.get("heads", []) for m in OCCURRENCE.finditer(c)}
    b = {m.group() for c in new.get("heads", []) for m in OCCURRENCE.finditer(c)}
    if a and b and not a & b:
        return False
    return not (b - a) & {"second", "third", "fourth", "fifth", "next", "another"}



def both_next(old: dict, new: dict) -> bool:
    """Both name "the next" one ("the next meeting is scheduled for May 8" / "... for 3 July"):
    told after the first one's day, the second "next" is another occurrence."""
    return all(any(re.search(r"\bnext\b", c) for c in x.get("heads", [])) for x in (old, new))


def later(a: str | None, b: str | None) -> bool:
    """b is strictly later than a, compared at the coarser of their precisions."""
    pa, pb = parse_iso(a), parse_iso(b)
    if not pa or not pb:
        return False
    n = min(len(pa), len(pb))
    return pb[:n] > pa[:n]


def within_coarser(a: str | None, b: str | None) -> bool:
    """Two dates of different precision that agree at the coarser ("2025-04-11", "2025-04")."""
    pa, pb = parse_iso(a), parse_iso(b)
    if not pa or not pb or len(pa) == len(pb):
        return False
    n = min(len(pa), len(pb))
    return pa[:n] == pb[:n]



def first_stated(k: Commitment, f: dict) -> str | None:
    return k.stated_on or (f.get("stated") or [None])[0]


def moves(old: tuple[Commitment, dict], new: tuple[Commitment, dict], explicit: bool = False,
          alike: float | None = None) -> bool:
    """Whether `new` gives `old`'s action another deadline: said later, due later, about the
    same action and theme (less of it needed when the new statement names the old deadline),
    told in sentences not wholly unlike in meaning (`alike`: their embeddings' cosine)."""
    (k, f), (n, g) = old, new
    if not (k.due and n.due) or same_deadline(k.due, f, n.due, g):
        return False
    if alike is not None and alike < (DRIFT_ALIKE_NAMED if explicit else DRIFT_ALIKE):
        return False  # sentences about other things, however many of the story's names they share
    said, resaid = first_stated(k, f), first_stated(n, g)
    if not (later(said, resaid) or ((explicit or g.get("drift")) and within_coarser(said, resaid))
            or (said == resaid and (later(k.due, said) or granularity_of(said) == "month" and within_coarser(k.due, said))
                and later(resaid, n.due))):
        return False  # (a move told as one may come from a page dated only to the month of the first;
        # told the same day, an old deadline already past, or in the month the page is dated to,
        # and a new one still ahead)
    if both_next(f, g) and later(k.due, resaid):
        return False  # "the next meeting", told again after the first one's day: another meeting
    if g.get("corrected_date"):
        return False  # a page whose date had to be corrected cannot order a drift chain
    if not later(k.due, n.due):
        return False
    if any(o[0] == "met" and not later(first_stated(n, g), o[1]) for o in f.get("outcomes", [])):
        return False  # done before the new date was given: nothing to move
    if explicit:
        return similarity(f, g) >= EXPLICIT_LINK
    if not same_occurrence(f, g):
        return False
    need = LINK_SCORE * (0.8 if g.get("drift") else 1.0)
    return similarity(f, g) >= need


def link(db: Commitments, item: tuple[Commitment, dict], others: list[tuple[Commitment, dict]],
         named: list[str] | None = None) -> None:
    """Put a new commitment into the drift chains of the others: after the latest one it moves,
    before the earliest one that moves it. `named` are the old due dates its sentence names."""
    n, g = item
    after = [o for o in others if moves(item, o, alike=db.alike(g, o[1]))]
    for k, f in after:
        share_acts(g, f)
        db.put(k, f)
    n.superseded_by = sorted(k.id for k, f in after
                             if not any(later(first_stated(x, y), first_stated(k, f)) for x, y in after))
    for k, f in others:
        explicit = any(compatible_due(k.due, x) for x in named or [])
        if not moves((k, f), item, explicit, db.alike(f, g)):
            continue
        acts = f.get("chain_acts")
        share_acts(f, g)
        current = db.get(k.superseded_by) if k.superseded_by else []
        mine = first_stated(n, g)
        if not current or all(later(mine, first_stated(c, cf)) for c, cf in current):
            k.superseded_by = [n.id]
        elif not any(later(first_stated(c, cf), mine) for c, cf in current) and n.id not in k.superseded_by:
            k.superseded_by = sorted(k.superseded_by + [n.id])
        else:
            unshare(f, acts)  # not written: it stays as stored
            continue
        db.put(k, f)


def share_acts(a: dict, b: dict) -> None:
    """Two links of one drift chain promise one act, however each names it ("release" the
    editor in April, "ship" it in September): a report of either act tells of both."""
    acts = sorted(set(a.get("chain_acts", a.get("main", []))) | set(b.get("chain_acts", b.get("main", []))))
    a["chain_acts"] = b["chain_acts"] = acts


def unshare(f: dict, acts: list[str] | None) -> None:
    if acts is None:
        f.pop("chain_acts", None)
    else:
        f["chain_acts"] = acts
