package ingest

import (
	"crypto/sha256"
	"encoding/hex"
	"fmt"
	"strings"

	"fond/internal/record"
)

// Checksum is the identity of an input's bytes.
func Checksum(data []byte) string {
	sum := sha256.Sum256(data)
	return "sha256:" + hex.EncodeToString(sum[:])
}

// IDFor derives a record id. A key that is the source's own identifier (a
// namespace and a name, as "frus1934v04/d5" is: a TEI volume's xml:id and a
// document's) names the document wherever its bytes come from; any other key
// is a position in the file, or a name only the file gives meaning to, so it
// is qualified by the file's checksum. Either way the same input always yields
// the same id. That a global key is unique is the source's claim, which the
// store holds it to: a record can be changed only by the file it came from.
func IDFor(checksum, key string) string {
	base := key
	if !isGlobalKey(key) {
		base = checksum + "#" + key
	}
	sum := sha256.Sum256([]byte(base))
	return hex.EncodeToString(sum[:8])
}

// isGlobalKey: a namespace, then "/" or ":", then a name, both non-empty. A
// TEI document in a file whose root has no xml:id has the key "/d5": every
// such file has a d5, so it is qualified by the file's bytes.
func isGlobalKey(k string) bool {
	i := strings.IndexAny(k, "/:")
	return i > 0 && i < len(k)-1
}

// assignIDs gives every record an id and rewrites Parent and Contains from keys to
// ids. Records without a key get their position.
func assignIDs(checksum string, recs []record.Record) error {
	ids := map[string]string{}
	for i := range recs {
		if recs[i].Key == "" {
			recs[i].Key = fmt.Sprint(i)
		}
		if _, dup := ids[recs[i].Key]; dup {
			return fmt.Errorf("two records with the same key %q", recs[i].Key)
		}
		recs[i].ID = IDFor(checksum, recs[i].Key)
		ids[recs[i].Key] = recs[i].ID
	}
	for i := range recs {
		if p := recs[i].Parent; p != "" {
			recs[i].Parent = ids[p]
		}
		var contains []string
		for _, k := range recs[i].Contains {
			if id := ids[k]; id != "" {
				contains = append(contains, id)
			}
		}
		recs[i].Contains = contains
	}
	return nil
}
