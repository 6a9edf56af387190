#!/usr/bin/env python3
"""Check the built-in actor dictionary (countries.toml, organizations.toml) against the
format in README.md. Python 3.11+, stdlib only. Exit 1 with messages on any error.

    python3 assets/dictionary/check.py [DIR]
"""
import re
import sys
import tomllib
from collections import Counter, defaultdict
from pathlib import Path

ALIAS_KEYS = {  # key -> (via, language scope)
    "names": ("name", "any"), "names_en": ("name", "en"), "names_id": ("name", "id"),
    "short": ("short", "any"), "short_en": ("short", "en"), "short_id": ("short", "id"),
    "demonyms_en": ("demonym", "en"), "demonyms_id": ("demonym", "id"),
    "places": ("place", "any"),
}
STR_KEYS = {"code", "kind", "name", "name_id", "type", "country"}
LIST_KEYS = set(ALIAS_KEYS) | {"exact", "fold"}
ALLOWED = STR_KEYS | LIST_KEYS | {"rule"}
REQUIRED = ("code", "kind", "name")
KINDS = {"country", "organization"}
TYPES = {"intergovernmental", "government_body", "military", "armed_group",
         "political_party", "ngo", "media", "company", "coalition"}
RULE_KEYS = {"alias", "unless_prev", "unless_next"}
# aliases that must never appear (too ambiguous in Indonesian or English news)
BANNED = {"barat", "islam", "negara islam", "departemen luar negeri", "is", "dewan"}
N_ISO = 249

errors = []
warnings = []


def err(msg):
    errors.append(msg)


def is_exact(alias, exact, fold):
    """README case rule: <= 3 letters, all capitals -> case-exact; exact/fold override."""
    if alias in exact:
        return True
    if alias in fold:
        return False
    letters = [c for c in alias if c.isalpha()]
    return 0 < len(letters) <= 3 and all(c.isupper() for c in letters)


def check_file(path, kind, country_codes):
    try:
        with open(path, "rb") as f:
            data = tomllib.load(f)
    except (OSError, tomllib.TOMLDecodeError) as e:
        err(f"{path.name}: cannot load: {e}")
        return []
    extra = set(data) - {"actor"}
    if extra:
        err(f"{path.name}: unknown top-level keys {sorted(extra)}")
    actors = data.get("actor", [])
    if not isinstance(actors, list):
        err(f"{path.name}: `actor` must be an array of tables")
        return []
    codes = []
    for i, a in enumerate(actors):
        where = f"{path.name}: actor #{i + 1} ({a.get('code', '?')})"
        for k in REQUIRED:
            if not isinstance(a.get(k), str) or not a.get(k):
                err(f"{where}: missing or empty required key `{k}`")
        for k in set(a) - ALLOWED:
            err(f"{where}: unknown key `{k}`")
        for k in STR_KEYS & set(a):
            if not isinstance(a[k], str):
                err(f"{where}: `{k}` must be a string")
        for k in LIST_KEYS & set(a):
            v = a[k]
            if not isinstance(v, list) or not all(isinstance(x, str) for x in v):
                err(f"{where}: `{k}` must be an array of strings")
                a[k] = []
                continue
            for x in v:
                if not x.strip() or x != x.strip() or "  " in x:
                    err(f"{where}: `{k}` has a blank or badly spaced alias {x!r}")
            dups = [x for x, n in Counter(v).items() if n > 1]
            if dups:
                err(f"{where}: `{k}` repeats {dups}")
        code = a.get("code", "")
        if not isinstance(code, str):
            continue
        codes.append(code)
        if a.get("kind") != kind:
            err(f"{where}: kind must be {kind!r} in {path.name}")
        if kind == "country":
            if not re.fullmatch(r"[A-Z]{3}", code):
                err(f"{where}: country code must be ISO alpha-3")
            for k in ("type", "country"):
                if a.get(k):
                    err(f"{where}: `{k}` is for organizations only")
        else:
            if not re.fullmatch(r"[A-Z0-9_]+", code):
                err(f"{where}: organization code must be A-Z0-9_")
            if a.get("type") not in TYPES:
                err(f"{where}: type {a.get('type')!r} not one of {sorted(TYPES)}")
            c = a.get("country", "")
            if c and c not in country_codes:
                err(f"{where}: country {c!r} is not a country code")
        aliases = {x for k in ALIAS_KEYS for x in a.get(k, [])}
        if not aliases:
            err(f"{where}: no aliases")
        seen = defaultdict(list)
        for k in ALIAS_KEYS:
            for x in a.get(k, []):
                seen[x].append(k)
                if x.casefold() in BANNED:
                    err(f"{where}: banned alias {x!r}")
        for x, ks in seen.items():
            if len(ks) > 1:
                err(f"{where}: alias {x!r} listed under several keys {ks}")
        for k in ("exact", "fold"):
            for x in a.get(k, []):
                if x not in aliases:
                    err(f"{where}: `{k}` lists {x!r}, which is not an alias of this entry")
        both = set(a.get("exact", [])) & set(a.get("fold", []))
        if both:
            err(f"{where}: aliases both exact and fold: {sorted(both)}")
        rules = a.get("rule", [])
        if not isinstance(rules, list):
            err(f"{where}: `rule` must be an array of tables")
            rules = []
        for r in rules:
            if not isinstance(r, dict):
                err(f"{where}: a rule must be a table")
                continue
            for k in set(r) - RULE_KEYS:
                err(f"{where}: rule has unknown key `{k}`")
            if r.get("alias") not in aliases:
                err(f"{where}: rule alias {r.get('alias')!r} is not an alias of this entry")
            for k in ("unless_prev", "unless_next"):
                v = r.get(k, [])
                if not isinstance(v, list) or not all(isinstance(x, str) and x for x in v):
                    err(f"{where}: rule `{k}` must be an array of non-empty strings")
            if not r.get("unless_prev") and not r.get("unless_next"):
                err(f"{where}: rule for {r.get('alias')!r} has no condition")
        ralias = [r.get("alias") for r in rules if isinstance(r, dict)]
        for x, n in Counter(ralias).items():
            if n > 1:
                err(f"{where}: several rules for alias {x!r}")
    if codes != sorted(codes):
        bad = next(b for a_, b in zip(codes, codes[1:]) if b < a_)
        err(f"{path.name}: codes not sorted (first out of order: {bad})")
    for c, n in Counter(codes).items():
        if n > 1:
            err(f"{path.name}: duplicate code {c}")
    return actors


def main():
    base = Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parent
    countries = check_file(base / "countries.toml", "country", set())
    ccodes = {a.get("code") for a in countries}
    orgs = check_file(base / "organizations.toml", "organization", ccodes)
    if len(countries) != N_ISO:
        err(f"countries.toml: {len(countries)} entries, expected {N_ISO} (ISO 3166-1)")
    for c in ccodes & {a.get("code") for a in orgs}:
        err(f"code {c} used by a country and an organization")

    # alias collisions across actors within the same language scope
    index = defaultdict(list)  # casefolded alias -> [(alias, scope, code, exact)]
    via_count = Counter()
    for a in countries + orgs:
        exact, fold = set(a.get("exact", [])), set(a.get("fold", []))
        for k, (via, scope) in ALIAS_KEYS.items():
            for x in a.get(k, []):
                via_count[via] += 1
                index[x.casefold()].append((x, scope, a.get("code"), is_exact(x, exact, fold)))
    reported = set()
    for key, hits in index.items():
        for i, (x1, s1, c1, e1) in enumerate(hits):
            for x2, s2, c2, e2 in hits[i + 1:]:
                if c1 == c2:
                    continue
                if not (s1 == "any" or s2 == "any" or s1 == s2):
                    continue
                if e1 and e2 and x1 != x2:
                    continue
                pair = (key, min(c1, c2), max(c1, c2))
                if pair not in reported:
                    reported.add(pair)
                    err(f"alias {x1!r} ({s1}, {c1}) collides with {x2!r} ({s2}, {c2})")

    for w in warnings:
        print("warning:", w)
    types = Counter(a.get("type") for a in orgs)
    print(f"countries: {len(countries)}")
    print(f"organizations: {len(orgs)} (" + ", ".join(f"{t} {n}" for t, n in sorted(types.items())) + ")")
    print("aliases by via: " + ", ".join(f"{v} {via_count[v]}" for v in ("name", "short", "demonym", "place"))
          + f"; total {sum(via_count.values())}")
    nrules = sum(len(a.get("rule", [])) for a in countries + orgs)
    nexact = sum(len(a.get("exact", [])) for a in countries + orgs)
    print(f"context rules: {nrules}; explicit exact: {nexact}")
    if errors:
        for e in errors:
            print("error:", e, file=sys.stderr)
        print(f"FAILED: {len(errors)} error(s)", file=sys.stderr)
        return 1
    print("OK")
    return 0


if __name__ == "__main__":
    sys.exit(main())
