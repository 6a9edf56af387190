#!/usr/bin/env python3
"""Build assets/sample/indosum-sample.jsonl: ~300 dated IndoSum dev articles (CC BY-SA 4.0)
that mention several countries or organizations, spread over time.
Usage: assets/sample/make_sample.py /work/shared/corpora/indosum-dev assets/sample/indosum-sample.jsonl"""
import datetime, glob, json, os, re, sys

KEYS = ["Rusia", "Amerika Serikat", "Tiongkok", "China", "PBB", "ASEAN", "Korea Utara",
        "Korea Selatan", "Suriah", "Israel", "Palestina", "Jepang", "Malaysia", "Singapura",
        "Australia", "Iran", "Arab Saudi", "Turki", "Inggris", "Filipina", "NATO", "Uni Eropa",
        "ISIS", "WHO", "IMF", "Bank Dunia", "India", "Prancis", "Jerman", "Myanmar", "Thailand"]

def detok(tokens):
    s = " ".join(tokens)
    s = re.sub(r" ([,.;:!?%)\]])", r"\1", s)
    s = re.sub(r"([(\[]) ", r"\1", s)
    s = re.sub(r" ([/-]) ", r"\1", s)
    return s.replace("\u00a0", " ")

def main():
    src, out = sys.argv[1], sys.argv[2]
    seen, cands = set(), []
    for path in sorted(glob.glob(os.path.join(src, "*.jsonl"))):
        for line in open(path, encoding="utf-8"):
            d = json.loads(line)
            if d["id"] in seen:
                continue
            seen.add(d["id"])
            paras = [" ".join(detok(s) for s in p) for p in d["paragraphs"]]
            text = "\n\n".join(paras)
            hits = sum(1 for k in KEYS if k in text)
            if hits < 2 or len(text) > 6000:
                continue
            ts = int(d["id"].split("-", 1)[0])
            date = datetime.datetime.fromtimestamp(ts, datetime.timezone.utc).date()
            first = detok(d["paragraphs"][0][0])
            title = first if len(first) <= 140 else first[:137].rsplit(" ", 1)[0] + "…"
            cands.append((hits, date, d["id"], title, text, d.get("source", ""), d.get("source_url", "")))
    # The richest articles first, then keep the chosen ones in date order.
    cands.sort(key=lambda c: (-c[0], c[2]))
    chosen = sorted(cands[:300], key=lambda c: (c[1], c[2]))
    with open(out, "w", encoding="utf-8") as f:
        for _, date, id_, title, text, source, url in chosen:
            f.write(json.dumps({"id": id_, "title": title, "text": text, "date": date.isoformat(),
                                "source": source, "url": url}, ensure_ascii=False) + "\n")
    print(len(chosen), "articles,", chosen[0][1], "to", chosen[-1][1], file=sys.stderr)

main()
