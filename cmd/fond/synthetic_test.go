package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"testing"
)

// writeLetters writes n plain-text letters into dir, each one record with a
// date, a place and an archival reference, different for every seed and i:
// an archive of any size without the shared corpus, for the preservation and
// crash tests.
func writeLetters(t testing.TB, dir string, n int, seed uint64) {
	t.Helper()
	rng := rand.New(rand.NewPCG(seed, 21))
	people := []string{"Shtykov", "Vyshinsky", "Molotov", "Kim Il Sung", "Pak Hon-yong", "Zhou Enlai", "Gromyko", "Malik"}
	places := []string{"Pyongyang", "Moscow", "Beijing", "Seoul", "Washington"}
	words := []string{"the delegation", "asks for", "a loan", "of equipment", "the treaty", "is agreed", "railway", "troops", "the border", "shipments", "are delayed", "by the weather", "meeting", "with comrade"}
	if err := os.MkdirAll(dir, 0o755); err != nil {
		t.Fatal(err)
	}
	for i := range n {
		from, to := people[rng.IntN(len(people))], people[rng.IntN(len(people))]
		body := ""
		for range 20 + rng.IntN(60) {
			body += words[rng.IntN(len(words))] + " "
		}
		text := fmt.Sprintf("Letter from %s to %s number %d-%d\n\n%s, %d March 19%d\n\nComrade %s, %s.\n\nSource: AVP RF, Fond 0%d, Opis %d, Delo %d, Papka %d, listy %d-%d.\n",
			from, to, seed, i, places[rng.IntN(len(places))], 1+rng.IntN(28), 45+rng.IntN(15), to, body,
			10+rng.IntN(90), 1+rng.IntN(9), i, seed, 1+i, 5+i)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("letter-%05d.txt", i)), []byte(text), 0o644); err != nil {
			t.Fatal(err)
		}
	}
}
