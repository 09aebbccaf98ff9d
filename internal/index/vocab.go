package index

import (
	"strings"
	"sync"
)

// vocab numbers every term the process has seen, shared by all indexes, so that
// indexing finds a term's posting list by number instead of hashing its text
// into a large map for every word of every document. Analyzers cache the
// numbers of the words they meet, so the lock is taken once per new word.
var vocab = struct {
	sync.RWMutex
	ids   map[string]uint32
	terms []string
}{ids: map[string]uint32{}}

// termID numbers a term, adding it when new.
func termID(t string) uint32 {
	vocab.RLock()
	id, ok := vocab.ids[t]
	vocab.RUnlock()
	if ok {
		return id
	}
	vocab.Lock()
	defer vocab.Unlock()
	if id, ok := vocab.ids[t]; ok {
		return id
	}
	t = strings.Clone(t)
	id = uint32(len(vocab.terms))
	vocab.ids[t] = id
	vocab.terms = append(vocab.terms, t)
	return id
}

// lookupTerm finds a term's number without adding it.
func lookupTerm(t string) (uint32, bool) {
	vocab.RLock()
	defer vocab.RUnlock()
	id, ok := vocab.ids[t]
	return id, ok
}

func termText(id uint32) string {
	vocab.RLock()
	defer vocab.RUnlock()
	return vocab.terms[id]
}
