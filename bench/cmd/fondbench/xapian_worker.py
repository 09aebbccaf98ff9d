"""fondbench's Xapian worker: indexes and searches a Xapian database for the Go
benchmark, which drives it over stdin/stdout, one JSON object a line.

    xapian_worker.py index DIR N # {"docs": [...]} a batch -> added, committed every N documents
                                 # (0: as Xapian flushes by default); {"op": "close"} -> committed
    xapian_worker.py serve DIR   # {"q": {...}} -> {"total": N}
    xapian_worker.py addone DIR  # one document on stdin, added and committed

Run with Debian's python3-xapian (Xapian 1.4).
"""
import json
import sys

import xapian

PORTER = xapian.Stem("porter")  # the original Porter algorithm, as fond and Bleve
# fond's field weights, given as within-document frequency increments.
FIELDS = (("title", 10), ("summary", 5), ("body", 1), ("people", 3), ("places", 2), ("archive", 1))
TYPE, YEAR, EARLIEST, LATEST = 0, 1, 2, 3


def document(d, tg):
    doc = xapian.Document()
    tg.set_document(doc)
    for name, weight in FIELDS:
        tg.index_text(d[name], weight)
        tg.increase_termpos()  # no phrase spans two fields, as in fond
    doc.set_data(d["title"] + "\n" + d["body"])
    doc.add_value(TYPE, d["type"])
    doc.add_value(YEAR, d["year"])
    doc.add_value(EARLIEST, d["earliest"])
    doc.add_value(LATEST, d["latest"])
    doc.add_boolean_term("Q" + d["id"])
    return doc


def generator():
    tg = xapian.TermGenerator()
    tg.set_stemmer(PORTER)
    tg.set_stemming_strategy(xapian.TermGenerator.STEM_SOME)
    return tg


def answer(obj):
    sys.stdout.write(json.dumps(obj) + "\n")
    sys.stdout.flush()


def index(path, commit_every):
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OPEN)
    tg = generator()
    pending = 0
    for line in sys.stdin:
        msg = json.loads(line)
        if msg.get("op") == "close":
            db.commit()
            db.close()
            answer({"ok": True})
            return
        # commit_every 0 leaves it to Xapian's default: changes flushed every
        # 10,000 documents (XAPIAN_FLUSH_THRESHOLD) and at the end.
        for d in msg["docs"]:
            db.add_document(document(d, tg))
        pending += len(msg["docs"])
        if commit_every and pending >= commit_every:
            db.commit()
            pending = 0
        answer({"ok": True})


def addone(path):
    d = json.loads(sys.stdin.read())
    db = xapian.WritableDatabase(path, xapian.DB_OPEN)
    db.add_document(document(d, generator()))
    db.commit()
    db.close()


def query_string(q):
    c = q["class"]
    if c == "and":
        return " AND ".join(q["words"])
    if c == "phrase":
        return '"' + " ".join(q["words"]) + '"'
    if c == "prefix":
        return q["prefix"] + "*"
    return q["words"][0]


def serve(path):
    db = xapian.Database(path)
    qp = xapian.QueryParser()
    qp.set_stemmer(PORTER)
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_database(db)
    qp.set_default_op(xapian.Query.OP_AND)
    flags = xapian.QueryParser.FLAG_BOOLEAN | xapian.QueryParser.FLAG_PHRASE | xapian.QueryParser.FLAG_WILDCARD
    every = db.get_doccount()
    for line in sys.stdin:
        q = json.loads(line)["q"]
        query = qp.parse_query(query_string(q), flags)
        enquire = xapian.Enquire(db)
        spies = []
        if q["class"] == "facet_date":
            dates = xapian.Query(xapian.Query.OP_AND,
                                 xapian.Query(xapian.Query.OP_VALUE_LE, EARLIEST, "%04d1231" % q["to"]),
                                 xapian.Query(xapian.Query.OP_VALUE_GE, LATEST, "%04d0101" % q["from"]))
            query = xapian.Query(xapian.Query.OP_FILTER, query, dates)
            spies = [xapian.ValueCountMatchSpy(TYPE), xapian.ValueCountMatchSpy(YEAR)]
            for s in spies:
                enquire.add_matchspy(s)
        enquire.set_query(query)
        enquire.set_weighting_scheme(xapian.BM25Weight())
        # check_at_least every document: the total is exact, not estimated,
        # and the facet spies see every match, as fond's counts do.
        mset = enquire.get_mset(0, 20, every)
        for m in mset:
            title, _, body = m.document.get_data().decode("utf-8").partition("\n")
            mset.snippet(body, 200, PORTER, xapian.MSet.SNIPPET_EXHAUSTIVE, "<mark>", "</mark>", "…")
        for s in spies:
            for item in s.values():
                item.term, item.termfreq
        answer({"total": mset.get_matches_estimated()})


if __name__ == "__main__":
    if sys.argv[1] == "index":
        index(sys.argv[2], int(sys.argv[3]))
    else:
        {"serve": serve, "addone": addone}[sys.argv[1]](sys.argv[2])
