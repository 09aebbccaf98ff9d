package main

import (
	"context"
	"math"
	"math/rand/v2"
	"os"
	"strings"
)

// buildModel trains on the corpus when there is one and on the built-in vocabulary
// otherwise; either way the result depends only on its inputs.
func buildModel(ctx context.Context, corpusDir string) (*Model, error) {
	if corpusDir != "" {
		if fi, err := os.Stat(corpusDir); err == nil && fi.IsDir() {
			t := newTrainer()
			n, err := readParagraphs(ctx, corpusDir, t.add)
			if err != nil {
				return nil, err
			}
			if n > 0 && len(t.words) > 1000 {
				return t.compact("frus"), nil
			}
		}
	}
	return builtinModel(), nil
}

// builtinModel draws 300,000 words with Zipf weights (rank r has weight 1/r) and
// trains on them, so term frequencies still span common and rare words.
func builtinModel() *Model {
	words := strings.Fields(builtinText)
	rng := rand.New(rand.NewPCG(1, 2))
	cum := make([]float64, len(words))
	total := 0.0
	for i := range words {
		total += 1 / math.Pow(float64(i+1), 0.9)
		cum[i] = total
	}
	t := newTrainer()
	var b strings.Builder
	for range 30000 {
		b.Reset()
		n := 6 + rng.IntN(14)
		for j := range n {
			r := rng.Float64() * total
			k := 0
			for cum[k] < r {
				k++
			}
			w := words[k]
			if j == 0 {
				w = strings.ToUpper(w[:1]) + w[1:]
			}
			b.WriteString(w)
			b.WriteByte(' ')
		}
		b.WriteString(". ")
		t.add(b.String())
	}
	return t.compact("builtin")
}
