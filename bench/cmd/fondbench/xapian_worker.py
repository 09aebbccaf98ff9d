"""fondbench's Xapian worker: indexes and searches a Xapian database for the Go
benchmark, which drives it over stdin/stdout, one JSON object a line.

    xapian_worker.py index DIR N # {"docs": [...]} a batch -> added, committed every N documents
                                 # (0: as Xapian flushes by default); {"op": "close"} -> committed
    xapian_worker.py serve DIR   # {"q": {...}} -> {"total": N}
    xapian_worker.py addone DIR  # one document on stdin, added and committed
    xapian_worker.py kiindex DIR # known-item fields, with spelling data: {"docs": [...]}, {"op": "close"}
    xapian_worker.py kiserve DIR # {"text": ..., "mode": ..., "k": N} -> {"ids": [...]}

Run with Debian's python3-xapian (Xapian 1.4).
"""
import json
import re
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


def index(path, commit_every, make=None, spelling=False):
    """Adds the documents of each batch read, made by make (document by
    default); spelling also records every word's spelling (FLAG_SPELLING),
    the data Xapian's spelling suggestions read."""
    make = make or document
    db = xapian.WritableDatabase(path, xapian.DB_CREATE_OR_OPEN)
    tg = generator()
    if spelling:
        tg.set_database(db)
        tg.set_flags(xapian.TermGenerator.FLAG_SPELLING)
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
            db.add_document(make(d, tg))
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


# The known-item evaluation's fields (fondbench's kiFields) with fond's weights.
KI_FIELDS = (("title", 10), ("body", 1), ("notes", 1), ("people", 3), ("places", 2), ("archive", 1), ("date", 1))


def ki_document(d, tg):
    doc = xapian.Document()
    tg.set_document(doc)
    for name, weight in KI_FIELDS:
        tg.index_text(d[name], weight)
        tg.increase_termpos()
    doc.set_data(d["id"])
    return doc


def ki_serve(path):
    """Answers a query typed as a person types it, in QueryParser's own
    syntax and defaults (OR between words, stemming of words not capitalized),
    BM25. Mode "and" joins the words with AND. Mode "or+spelling" first
    replaces each word the database does not hold with Xapian's spelling
    suggestion for it (within two edits, the commonest), as its documentation
    describes FLAG_SPELLING_CORRECTION; the flag itself, in 1.4, also
    "corrects" words the database holds to commoner ones (Wilson to Gibson,
    sine to since), which loses the documents that have them."""
    db = xapian.Database(path)
    qp = xapian.QueryParser()
    qp.set_stemmer(PORTER)
    qp.set_stemming_strategy(xapian.QueryParser.STEM_SOME)
    qp.set_database(db)
    for line in sys.stdin:
        msg = json.loads(line)
        text = msg["text"]
        if msg["mode"] == "or+spelling":
            def fix(m):
                w = m.group(0)
                if db.get_termfreq(w.lower()) > 0:
                    return w
                s = db.get_spelling_suggestion(w.lower(), 2)
                s = s.decode("utf-8") if isinstance(s, bytes) else s
                return s or w
            text = WORD.sub(fix, text)
        qp.set_default_op(xapian.Query.OP_AND if msg["mode"] == "and" else xapian.Query.OP_OR)
        enquire = xapian.Enquire(db)
        enquire.set_query(qp.parse_query(text))
        enquire.set_weighting_scheme(xapian.BM25Weight())
        ids = [m.document.get_data().decode("utf-8") for m in enquire.get_mset(0, msg["k"])]
        answer({"ids": ids})


WORD = re.compile(r"\w+")


if __name__ == "__main__":
    if sys.argv[1] == "index":
        index(sys.argv[2], int(sys.argv[3]))
    else:
        {"serve": serve, "addone": addone, "kiindex": lambda p: index(p, 0, ki_document, True), "kiserve": ki_serve}[sys.argv[1]](sys.argv[2])
