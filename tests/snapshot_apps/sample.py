"""Hand-made corpora for the UI tests: small, readable, and unlike the seed articles.

Spans are computed from the text with `_span`, so the fixtures stay correct
when a sentence is edited.
"""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from reader.analysis.model import (
    Anchor,
    Article,
    Code,
    Corpus,
    DiffRun,
    Entity,
    EntityMention,
    Event,
    Link,
    Problem,
    Quote,
    Removed,
    Shape,
)

DATA = Path(__file__).parent.parent / "data"


def _mention(paragraphs: tuple[str, ...], paragraph: int, name: str, type_: str, entity: str) -> EntityMention:
    start = paragraphs[paragraph].index(name)
    return EntityMention(paragraph, start, start + len(name), name, type_, entity)


def _quote(paragraphs: tuple[str, ...], paragraph: int, text: str, **extra: object) -> Quote:
    start = paragraphs[paragraph].index(text)
    return Quote(paragraph, start, start + len(text), text, **extra)  # type: ignore[arg-type]


BRIDGE_A = (
    "The Harbour Bridge in Port Alder reopened on Monday after six weeks of storm repairs, the Transport Authority said.",
    "“We rebuilt the deck in record time and it is safer than ever,” said Mara Quint, who leads the authority.",
    "Traffic was light in the morning as commuters returned to the crossing.",
    "Local shop owners in Port Alder said the closure had cost them customers.",
)
BRIDGE_B = (
    "Commuters crossed the Harbour Bridge again on Monday as Port Alder's main link reopened.",
    "Mara Quint of the Transport Authority said: “We rebuilt the deck in record time and it is safer than before.”",
    "The repairs cost about 40 million dollars, according to council figures.",
    "Last month the City Council approved a new transit budget that includes the bridge.",
)
BUDGET = (
    "The City Council of Port Alder approved a transit budget of 120 million dollars on Thursday.",
    "Councillor Ines Varga called the plan “a fair deal for every neighbourhood”.",
    "The budget funds new buses and the repair of the Harbour Bridge.",
)
LONE = (
    "A rare orchid bloomed at the Kestrel Botanic Garden this week, drawing crowds of visitors.",
    "Gardeners said the flower opens only once every seven years.",
)


def sample_corpus() -> Corpus:
    """Two events (a bridge reopening, a budget vote), one article of no event, one bad file."""
    a = Article(
        id="bridge-herald",
        source="articles/bridge-herald.txt",
        title="Harbour Bridge reopens after storm repairs",
        paragraphs=BRIDGE_A,
        byline="By Lena Ortiz",
        date="2031-03-03",
        outlet="Coastal Herald",
        removed=(
            Removed("Advertisement", "advertisement", 1),
            Removed("Share this article on social media", "share prompt", 4),
        ),
        entities=(
            _mention(BRIDGE_A, 0, "Harbour Bridge", "PLACE", "harbour-bridge"),
            _mention(BRIDGE_A, 0, "Port Alder", "PLACE", "port-alder"),
            _mention(BRIDGE_A, 0, "Transport Authority", "ORG", "transport-authority"),
            _mention(BRIDGE_A, 1, "Mara Quint", "PERSON", "mara-quint"),
            _mention(BRIDGE_A, 3, "Port Alder", "PLACE", "port-alder"),
        ),
        quotes=(
            _quote(BRIDGE_A, 1, "We rebuilt the deck in record time and it is safer than ever,", speaker="mara-quint", cue="said"),
        ),
    )
    b = Article(
        id="bridge-ledger",
        source="articles/bridge-ledger.txt",
        title="Commuters return as Port Alder bridge reopens",
        paragraphs=BRIDGE_B,
        date="2031-03-03",
        outlet="Daily Ledger",
        entities=(
            _mention(BRIDGE_B, 0, "Harbour Bridge", "PLACE", "harbour-bridge"),
            _mention(BRIDGE_B, 0, "Port Alder", "PLACE", "port-alder"),
            _mention(BRIDGE_B, 1, "Mara Quint", "PERSON", "mara-quint"),
            _mention(BRIDGE_B, 1, "Transport Authority", "ORG", "transport-authority"),
            _mention(BRIDGE_B, 3, "City Council", "ORG", "city-council"),
        ),
        quotes=(
            _quote(BRIDGE_B, 1, "We rebuilt the deck in record time and it is safer than before.", speaker="mara-quint", cue="said"),
        ),
    )
    c = Article(
        id="budget-gazette",
        source="articles/budget-gazette.txt",
        title="Council approves 120m transit budget",
        paragraphs=BUDGET,
        date="2031-03-20",
        outlet="Alder Gazette",
        entities=(
            _mention(BUDGET, 0, "City Council", "ORG", "city-council"),
            _mention(BUDGET, 0, "Port Alder", "PLACE", "port-alder"),
            _mention(BUDGET, 1, "Ines Varga", "PERSON", "ines-varga"),
            _mention(BUDGET, 2, "Harbour Bridge", "PLACE", "harbour-bridge"),
        ),
        quotes=(_quote(BUDGET, 1, "a fair deal for every neighbourhood", speaker="ines-varga", kind="partial", cue="called"),),
    )
    d = Article(
        id="orchid",
        source="articles/orchid.txt",
        title="Rare orchid blooms in botanic garden",
        paragraphs=LONE,
        outlet="Garden Weekly",
        entities=(_mention(LONE, 0, "Kestrel Botanic Garden", "PLACE", "kestrel-garden"),),
    )
    articles = (a, b, c, d)
    entities = (
        Entity("harbour-bridge", "Harbour Bridge", "PLACE", articles=("bridge-herald", "bridge-ledger", "budget-gazette")),
        Entity("port-alder", "Port Alder", "PLACE", articles=("bridge-herald", "bridge-ledger", "budget-gazette")),
        Entity("transport-authority", "Transport Authority", "ORG", articles=("bridge-herald", "bridge-ledger")),
        Entity("mara-quint", "Mara Quint", "PERSON", articles=("bridge-herald", "bridge-ledger")),
        Entity("city-council", "City Council", "ORG", articles=("bridge-ledger", "budget-gazette")),
        Entity("ines-varga", "Ines Varga", "PERSON", articles=("budget-gazette",)),
        Entity("kestrel-garden", "Kestrel Botanic Garden", "PLACE", articles=("orchid",)),
    )
    events = (
        Event("e-bridge", "Harbour Bridge reopens", "2031-03-03", ("bridge-herald", "bridge-ledger")),
        Event("e-budget", "Council approves transit budget", "2031-03-20", ("budget-gazette",)),
    )
    links = (
        Link(
            "quote",
            0.93,
            Anchor("bridge-herald", 1),
            Anchor("bridge-ledger", 1),
            why="same quotation by Mara Quint",
            diff=(
                DiffRun("equal", "We rebuilt the deck in record time and it is safer than"),
                DiffRun("delete", "ever"),
                DiffRun("insert", "before"),
            ),
        ),
        Link("passage", 0.71, Anchor("bridge-herald", 0), Anchor("bridge-ledger", 0), why="same facts: reopening on Monday"),
        Link("mention", 0.8, Anchor("bridge-ledger", 3), Anchor("budget-gazette", 0), why="refers to the budget vote", event="e-budget"),
    )
    problems = (Problem("articles/broken.pdf", "not a text file (binary content)"),)
    return Corpus(articles, entities, events, links, problems)


def headline_corpus() -> Corpus:
    """`sample_corpus` with a quotation in the budget article's headline."""
    corpus = sample_corpus()
    budget = corpus.articles[2]
    title = "Council backs “a fair deal” transit budget"
    start = title.index("a fair deal")
    quote = Quote(0, start, start + len("a fair deal"), "a fair deal", speaker="ines-varga", kind="partial")
    articles = tuple(replace(a, title=title, headline_quotes=(quote,)) if a is budget else a for a in corpus.articles)
    return replace(corpus, articles=articles)


def hostile_article(number: int = 0) -> Article:
    """An article whose text tries markup and terminal escapes, from tests/data/hostile.txt."""
    lines = [line for line in (DATA / "hostile.txt").read_text(encoding="utf-8").split("\n\n") if line.strip()]
    title, *paragraphs = lines
    return Article(
        id=f"hostile-{number}",
        source="[bold red]evil[/].txt",
        title=title.strip(),
        paragraphs=tuple(p.strip() for p in paragraphs),
        outlet="[link=file:///etc/passwd]Outlet[/link]",
        byline="[@click=app.quit]By Mallory[/]",
        removed=(Removed("\x1b]52;c;ZXZpbA==\x07clipboard grab", "[red]junk[/red]", 0),),
    )


def hostile_corpus() -> Corpus:
    """The hostile article alongside a normal one, with a hostile problem message."""
    hostile = hostile_article()
    normal = sample_corpus().articles[3]
    return Corpus(
        articles=(hostile, normal),
        entities=(Entity("[b]x[/b]", "[blink]Name[/blink]", "PERSON", articles=(hostile.id,)),),
        events=(Event("e-x", "[@click=app.quit]Event[/]", None, (hostile.id,)),),
        problems=(Problem("[red]bad\x1b[2J.txt", "\x1b[31m[bold]boom[/bold]\x07"),),
    )


def long_corpus(paragraphs: int = 2000) -> Corpus:
    """Two long articles with links between them, for latency measurements."""
    body = tuple(
        f"Paragraph {n}: the committee heard evidence from witnesses about the harbour, "
        f"the budget and the schedule, and several members asked questions about item {n}."
        for n in range(paragraphs)
    )
    first = Article(id="long-a", source="long-a.txt", title="A very long report", paragraphs=body, outlet="Record")
    second = Article(id="long-b", source="long-b.txt", title="Another long report", paragraphs=body, outlet="Journal")
    links = tuple(
        Link("passage", 0.9, Anchor("long-a", n), Anchor("long-b", (n * 7) % paragraphs)) for n in range(0, paragraphs, 3)
    )
    return Corpus(articles=(first, second), links=links)


GUIDE = (
    "The ferry timetable changes on Monday, the Harbour Office said.",
    "What changes",
    "Morning ferries to Kestrel Island leave every 20 minutes",
    "Evening ferries stop at 22:00",
    "on Sundays at 20:00",
    "Route │ First │ Last",
    "Harbour – Island │ 06:10 │ 22:00",
    "Island – Old Town │ 06:40 │ 21:30",
    "[bold]Markup in a heading[/bold]",
    "Tickets bought before Monday stay valid.",
)


def markdown_corpus() -> Corpus:
    """A Markdown article: a heading, a nested list, a table, a code block and a heading of markup."""
    guide = Article(
        id="ferry-guide",
        source="articles/ferry-guide.md",
        title="Ferry timetable changes",
        paragraphs=GUIDE,
        byline="Jane Doe",
        outlet="Harbour Times",
        date="2031-04-01",
        shapes=(
            Shape(1, "heading"),
            Shape(2, "item", 0, "•"),
            Shape(3, "item", 0, "•"),
            Shape(4, "item", 1, "1."),
            Shape(5, "header"),
            Shape(6, "row"),
            Shape(7, "row"),
            Shape(8, "heading"),
        ),
        code=(Code('timetable = load("ferries.csv")\n    print(timetable["Harbour"])  # "quoted"', 8, "python"),),
        entities=(
            _mention(GUIDE, 0, "Harbour Office", "ORG", "harbour-office"),
            _mention(GUIDE, 2, "Kestrel Island", "PLACE", "kestrel-island"),
        ),
    )
    return Corpus(
        articles=(guide,),
        entities=(
            Entity("harbour-office", "Harbour Office", "ORG", articles=("ferry-guide",)),
            Entity("kestrel-island", "Kestrel Island", "PLACE", articles=("ferry-guide",)),
        ),
    )
