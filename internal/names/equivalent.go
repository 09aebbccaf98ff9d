// Package names is fond's authority layer: which spellings name the same person
// or place. Equivalence by rule comes from the romanization keys; curated variants
// (pseudonyms, old and new place names) come from authority files.
package names

import (
	"fond/internal/romanize"
)

// Key is the comparison key of a name: the authority's id when the starter file
// knows the name, else its romanization key.
func Key(name string) string {
	if m, ok := starterFile().Resolve(name); ok && m.Confidence == 1 {
		return "@" + m.Authority.ID
	}
	return romanize.Key(name)
}
