"""Errors by kind, per development set: what to fix next, most frequent first.

    .venv/bin/python benchmarks/errors.py entities [--examples 3]
    .venv/bin/python benchmarks/errors.py speakers [--examples 3]
    .venv/bin/python benchmarks/errors.py events

The sets live outside the repository, under /work/devdata (benchmarks/DEVDATA.md
says how to get them). Every table ends with the MINIMUM across sets, the
figure that counts: a rule that lifts one genre and drops another is no progress.

Entity errors: `type G>P` (right span, wrong type), `boundary` (overlapping
spans, same type), `boundary+type`, `missed T`, `spurious T`, each by the layout
of the line it sits on (prose, a line without a closing stop, an ALL-CAPS line).
Speaker errors: `wrong person`, `named>null` split into `cue missing` and
`cue, no speaker`, `null>named`, and quotations missed.
Events: B-cubed over the whole set and within topic, and the count of passage
and quotation links between articles of different gold events.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter, defaultdict
from dataclasses import replace
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
sys.path.insert(0, str(Path(__file__).resolve().parents[1]))

import devsets

from reader.analysis.model import Article, Entity
from reader.analysis.names import recognise, unify
from reader.analysis.quotes import find_quotes

ROOT = Path(__file__).resolve().parents[1]
ECB = Path("/work/shared/data/ecbplus-dev.jsonl")
TYPES = ("PERSON", "ORG", "PLACE")


def _prf(tp: int, fp: int, fn: int) -> tuple[float, float, float]:
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def layout(text: str, start: int) -> str:
    """The kind of line a span sits on: the sentence around it, judged by its ending and its case."""
    left = max(text.rfind(". ", 0, start), text.rfind("? ", 0, start), text.rfind("! ", 0, start))
    right = min((i for i in (text.find(". ", start), text.find("? ", start), text.find("! ", start)) if i >= 0), default=len(text))
    sentence = text[left + 1 : right + 1].strip()
    if sentence.isupper():
        return "caps"
    if not sentence.rstrip().endswith(devsets._STOPS):
        return "line"
    return "prose"


def entity_errors(articles: list[Article], golds: list[set[devsets.Span]]) -> tuple[dict, Counter, dict]:
    """Per-type tp/fp/fn, error counts by kind and layout, and examples per kind."""
    recognise(("warm-up",))
    done, _ = unify([replace(a, entities=recognise(a.paragraphs)) for a in articles])
    counts: dict[str, list[int]] = {t: [0, 0, 0] for t in TYPES}
    kinds: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for article, gold in zip(done, golds, strict=True):
        pred = {(m.paragraph, m.start, m.end, m.type) for m in article.entities if m.type in TYPES}
        for s in pred & gold:
            counts[s[3]][0] += 1
        for s in pred - gold:
            counts[s[3]][1] += 1
        for s in gold - pred:
            counts[s[3]][2] += 1
        by_par: dict[int, list[devsets.Span]] = defaultdict(list)
        for s in pred - gold:
            by_par[s[0]].append(s)
        used: set[devsets.Span] = set()
        for g in sorted(gold - pred):
            p, gs, ge, gt = g
            text = article.paragraphs[p]
            over = sorted(s for s in by_par[p] if s[1] < ge and gs < s[2])
            if not over:
                kind = f"missed {gt}"
            elif any(s[1:3] == (gs, ge) for s in over):
                s = next(s for s in over if s[1:3] == (gs, ge))
                kind = f"type {gt}>{s[3]}"
            elif any(s[3] == gt for s in over):
                kind = "boundary"
            else:
                kind = f"boundary+type {gt}>{over[0][3]}"
            used.update(over)
            _note(kinds, examples, f"{kind} [{layout(text, gs)}]", text, gs, ge, over)
        for s in sorted(set().union(*by_par.values()) - used) if by_par else ():
            text = article.paragraphs[s[0]]
            _note(kinds, examples, f"spurious {s[3]} [{layout(text, s[1])}]", text, s[1], s[2], [])
    return counts, kinds, examples


def _note(kinds: Counter, examples: dict, kind: str, text: str, start: int, end: int, over: list) -> None:
    kinds[kind] += 1
    got = ", ".join(repr(text[s[1] : s[2]]) for s in over)
    examples[kind].append(f"{text[start:end]!r}{' -> ' + got if got else ''}  | {text[max(0, start - 50) : end + 40]!r}")


def run_entities(show: int) -> None:
    sets = devsets.entity_sets()
    f1s: dict[str, list[float]] = defaultdict(list)
    for dev in sets:
        counts, kinds, examples = entity_errors(dev.articles, dev.gold)
        gold_n = sum(len(g) for g in dev.gold)
        print(f"\n== {dev.name}: {len(dev.articles)} articles, {gold_n} gold spans")
        print(f"{'type':8} {'P':>6} {'R':>6} {'F1':>6}  tp/fp/fn")
        for t in (*TYPES, "ALL"):
            tp, fp, fn = (sum(c[i] for c in counts.values()) for i in range(3)) if t == "ALL" else counts[t]
            p, r, f = _prf(tp, fp, fn)
            f1s[t].append(f)
            print(f"{t:8} {p:6.3f} {r:6.3f} {f:6.3f}  {tp}/{fp}/{fn}")
        print("errors by kind [layout]:")
        for kind, n in kinds.most_common(14):
            print(f"  {n:5}  {kind}")
            for ex in examples[kind][:show]:
                print(f"           {ex}")
    if sets:
        print("\nMINIMUM F1 across sets: " + "  ".join(f"{t} {min(f1s[t]):.3f}" for t in (*TYPES, "ALL")))


# -- speakers -----------------------------------------------------------------------


def _same(entity: Entity | None, gold: str | None) -> bool:
    if gold is None or entity is None:
        return gold is None and entity is None
    words = {w.lower() for w in re.findall(r"[\w.]+", gold)}
    return any(w.lower() in words for name in (entity.name, *entity.aliases) for w in re.findall(r"[\w.]+", name))


def speaker_errors(items: list[devsets.QuoteArticle]) -> tuple[Counter, dict]:
    """Counts of right/wrong attributions by kind, and examples."""
    analysed = [replace(i.article, entities=recognise(i.article.paragraphs)) for i in items]
    unified, table = unify(analysed)
    by_id = {e.id: e for e in table}
    kinds: Counter[str] = Counter()
    examples: dict[str, list[str]] = defaultdict(list)
    for item, article in zip(items, unified, strict=True):
        quotes = find_quotes(article, by_id)
        for p, gs, ge, speaker, gkind in item.gold:
            if gkind == "term":
                continue
            # The same quotation: same paragraph, overlapping span (PolNeAR's edges differ by a mark).
            quote = next((q for q in quotes if q.paragraph == p and q.start < ge and gs < q.end), None)
            text = article.paragraphs[p]
            if quote is None:
                kind = "missed"
            elif gkind == "unnamed":
                kinds["found (source unnamed, not scored)"] += 1
                continue
            elif quote.kind == "term":
                kind = "taken for a term"
            else:
                entity = by_id.get(quote.speaker) if quote.speaker else None
                if _same(entity, speaker):
                    kind = "right"
                elif speaker is None:
                    kind = "null>named"
                elif entity is None:
                    kind = "named>null: cue missing" if quote.cue is None else "named>null: cue, no speaker"
                else:
                    kind = "wrong person"
                got = entity.name if entity else None
                if kind != "right":
                    examples[kind].append(f"gold={speaker!r} got={got!r} cue={quote.cue!r} | {text[max(0, gs - 90) : ge + 60]!r}")
            kinds[kind] += 1
            if kind in ("missed", "taken for a term"):
                examples[kind].append(f"gold={speaker!r} | {text[gs:ge][:80]!r}")
    return kinds, examples


def run_speakers(show: int) -> None:
    sets = [("ecb-quotes", devsets.ecb_quotes(ROOT / "tests" / "data" / "quotes_dev.jsonl"))]
    if (devsets.DEVDATA / "polnear").exists():
        sets.append(("polnear-train+dev", devsets.polnear()))
    accs = []
    for name, items in sets:
        kinds, examples = speaker_errors(items)
        scored = sum(n for k, n in kinds.items() if k not in ("missed", "found (source unnamed, not scored)"))
        gold = sum(kinds.values())
        acc = kinds["right"] / scored if scored else 0.0
        found = gold - kinds["missed"]
        accs.append(acc)
        print(f"\n== {name}: {len(items)} articles, {gold} direct/partial quotations")
        print(f"detection recall {found / gold:.3f}   speaker accuracy on found {acc:.3f} ({kinds['right']}/{scored})")
        for kind, n in kinds.most_common():
            if kind == "right":
                continue
            print(f"  {n:5}  {kind}")
            for ex in examples[kind][:show]:
                print(f"           {ex}")
    print(f"\nMINIMUM speaker accuracy across sets: {min(accs):.3f}")


# -- events -------------------------------------------------------------------------


def run_events() -> None:
    from events_eval import bcubed, load, with_entities

    from reader.analysis.events import group_events
    from reader.analysis.links import find_links

    articles, gold, topic = load(ECB)
    articles, table, _ = with_entities(articles)
    events = group_events(articles, table)
    predicted = {aid: e.id for e in events for aid in e.articles}
    p, r, f = bcubed(predicted, gold)
    within = []
    for t in sorted(set(topic.values()), key=int):
        ids = [a for a in gold if topic[a] == t]
        within.append(bcubed({a: predicted[a] for a in ids}, {a: gold[a] for a in ids})[2])
    print(f"ECB+ dev B3 P={p:.3f} R={r:.3f} F1={f:.3f}; within-topic mean F1 {sum(within) / len(within):.3f}")
    for kind, n in event_error_kinds(articles, predicted, gold).most_common():
        print(f"  {n:5}  {kind}")
    links = find_links(articles, events)
    crossing: Counter[str] = Counter()
    total: Counter[str] = Counter()
    for link in links:
        total[link.kind] += 1
        if gold[link.source.article] != gold[link.target.article] and link.kind != "mention":
            crossing[link.kind] += 1
    print("links between articles of different gold events: " + ", ".join(f"{k} {crossing[k]}/{total[k]}" for k in sorted(total)))


def event_error_kinds(articles: list[Article], predicted: dict[str, str], gold: dict[str, str]) -> Counter[str]:
    """Articles by kind of grouping error: in a group with another gold event's majority (kind 1,
    merged), or apart from their own event's largest group (split off: alone and short, alone, or
    with others; dated more than 60 days from that group, as follow-ups are)."""
    from reader.analysis.text import dates

    by_id = {a.id: a for a in articles}
    groups: dict[str, list[str]] = defaultdict(list)
    events: dict[str, list[str]] = defaultdict(list)
    for aid, group in predicted.items():
        groups[group].append(aid)
        events[gold[aid]].append(aid)
    kinds: Counter[str] = Counter()
    for aid, group in predicted.items():
        majority = Counter(gold[m] for m in groups[group]).most_common(1)[0][0]
        main = Counter(predicted[m] for m in events[gold[aid]]).most_common(1)[0][0]
        if gold[aid] != majority:
            kinds["1 merged into another event's group"] += 1
        elif group != main:
            words = sum(len(p.split()) for p in by_id[aid].paragraphs)
            alone = "alone" + (" (under 80 words)" if words < 80 else "") if len(groups[group]) == 1 else "with others"
            own = dates.event_date(by_id[aid])[0]
            known = [d for m in groups[main] if (d := dates.event_date(by_id[m])[0]) is not None]
            late = own is not None and known and min(abs((own - d).days) for d in known) > 60
            kinds[f"2/3 split off, {alone}{', dated >60 days away' if late else ''}"] += 1
    return kinds


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("task", choices=("entities", "speakers", "events"))
    parser.add_argument("--examples", type=int, default=2)
    args = parser.parse_args()
    if args.task == "entities":
        run_entities(args.examples)
    elif args.task == "speakers":
        run_speakers(args.examples)
    else:
        run_events()


if __name__ == "__main__":
    main()
