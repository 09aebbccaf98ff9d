// Package names is fond's authority layer: which spellings name the same person
// or place. Equivalence by rule comes from the romanization keys; curated variants
// (pseudonyms, old and new place names) come from authority files.
package names

import (
	"strings"

	"fond/internal/romanize"
)

// Equivalent reports whether two spellings romanize the same name: "Gangwon" and
// "Kangwon", "Heon-yeong" and "Hon-yong", "Vyshinsky" and "Vyshinskii". Identical
// strings are not variants of each other, they are the same word.
func Equivalent(a, b string) bool {
	if strings.EqualFold(a, b) || a == "" || b == "" {
		return false
	}
	ka, kb := romanize.Key(a), romanize.Key(b)
	return ka != "" && ka == kb
}
