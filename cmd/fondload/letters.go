package main

import (
	"fmt"
	"math/rand/v2"
	"os"
	"path/filepath"
	"strings"
)

// commonWord is in every letter: a search for it counts the archive.
const commonWord = "dispatch"

// marker is a word found only in one folder's letters (0 is the initial
// folder): a search for it counts that folder.
func marker(folder int) string {
	return "zq" + string(rune('a'+folder%26)) + string(rune('a'+folder/26%26)) + "x"
}

// words readers search for, all found in the letters.
var searchWords = []string{"railway", "shipment", "credit", "delegation", "harbour", "treaty", "Vladivostok", "Dairen", "Sakhalin", commonWord}

// writeMemos writes n memoranda for folder into dir, each a distinct text
// that fond reads as one record.
func writeMemos(dir string, folder, n int, seed uint64) error {
	if err := os.MkdirAll(dir, 0o755); err != nil {
		return err
	}
	rng := rand.New(rand.NewPCG(seed, uint64(folder)))
	senders := []string{"Rogov", "Petrov", "Ignatiev", "Kuznetsov", "Orlov", "Belov"}
	ports := []string{"Vladivostok", "Dairen", "Sakhalin", "Nakhodka"}
	phrases := []string{"the railway", "a shipment", "of credit", "the delegation", "at the harbour", "under the treaty", "is late", "arrived", "was refused", "will be sent"}
	months := []string{"January", "February", "March", "April", "May", "June"}
	for i := range n {
		var body strings.Builder
		for range 30 + rng.IntN(90) {
			body.WriteString(phrases[rng.IntN(len(phrases))])
			body.WriteByte(' ')
		}
		text := fmt.Sprintf("MEMORANDUM No. %d/%d\n\n%s, %d %s 195%d\n\nFrom %s to the Ministry, %s %s.\n\n%s\n\nSee the earlier %s.\n",
			folder, i, ports[rng.IntN(len(ports))], 1+rng.IntN(28), months[rng.IntN(len(months))], rng.IntN(10),
			senders[rng.IntN(len(senders))], marker(folder), commonWord, body.String(), commonWord)
		if err := os.WriteFile(filepath.Join(dir, fmt.Sprintf("memo-%03d-%05d.txt", folder, i)), []byte(text), 0o644); err != nil {
			return err
		}
	}
	return nil
}
