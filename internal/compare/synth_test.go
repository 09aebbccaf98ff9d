package compare

import (
	"math/rand/v2"
	"strings"
)

// synth writes two texts of about size bytes each from one seed: passages both
// share word for word, passages one rewords (a fifth of the words changed), and
// passages each has alone, some of them hundreds of sentences long so that the
// alignment meets gaps too big to align in full. want maps each sentence of A
// that has a counterpart to that counterpart.
type synth struct {
	rng   *rand.Rand
	zipf  *rand.Zipf
	vocab []string
}

func newSynth(seed uint64) *synth {
	rng := rand.New(rand.NewPCG(seed, 1949))
	s := &synth{rng: rng, zipf: rand.NewZipf(rng, 1.1, 2, 7999)}
	// Lower-case words of four letters or more: never an abbreviation or an
	// initial, so Sentences splits the texts exactly where they were joined.
	for range 8000 {
		w := make([]byte, 4+rng.IntN(6))
		for k := range w {
			w[k] = byte('a' + rng.IntN(26))
		}
		s.vocab = append(s.vocab, string(w))
	}
	return s
}

func (s *synth) sentence() []string {
	ws := make([]string, 8+s.rng.IntN(23))
	for k := range ws {
		ws[k] = s.vocab[s.zipf.Uint64()]
	}
	return ws
}

// uniform is a sentence of words drawn evenly from vocab[from:to]: it shares
// few words with another, and so offers no anchor by chance.
func (s *synth) uniform(from, to int) []string {
	ws := make([]string, 8+s.rng.IntN(23))
	for k := range ws {
		ws[k] = s.vocab[from+s.rng.IntN(to-from)]
	}
	return ws
}

func (s *synth) reword(ws []string) []string {
	out := append([]string(nil), ws...)
	for k := range out {
		if s.rng.IntN(5) == 0 {
			out[k] = s.vocab[s.zipf.Uint64()]
		}
	}
	return out
}

func text(ws []string) string {
	return strings.ToUpper(ws[0][:1]) + ws[0][1:] + " " + strings.Join(ws[1:], " ") + "."
}

func (s *synth) pair(size int) (a, b string, want map[string]string) {
	var ta, tb strings.Builder
	want = map[string]string{}
	para := func(t *strings.Builder, sents ...string) {
		if t.Len() > 0 {
			t.WriteString("\n\n")
		}
		t.WriteString(strings.Join(sents, " "))
	}
	alone := func(n int) []string {
		var out []string
		for range n {
			out = append(out, text(s.sentence()))
		}
		return out
	}
	for ta.Len() < size || tb.Len() < size {
		switch k := s.rng.IntN(100); {
		case k < 50: // shared
			var sa, sb []string
			for range 3 + s.rng.IntN(6) {
				t := text(s.sentence())
				sa, sb, want[t] = append(sa, t), append(sb, t), t
			}
			para(&ta, sa...)
			para(&tb, sb...)
		case k < 80: // reworded
			var sa, sb []string
			for range 3 + s.rng.IntN(6) {
				ws := s.sentence()
				t, u := text(ws), text(s.reword(ws))
				sa, sb, want[t] = append(sa, t), append(sb, u), u
			}
			para(&ta, sa...)
			para(&tb, sb...)
		case k < 98: // a short passage each alone
			para(&ta, alone(1+s.rng.IntN(8))...)
			para(&tb, alone(1+s.rng.IntN(8))...)
		default: // a long one, too long to align in full
			para(&ta, alone(300+s.rng.IntN(400))...)
			para(&tb, alone(300+s.rng.IntN(400))...)
		}
	}
	return ta.String(), tb.String(), want
}

// hostile writes two texts of about size bytes that make anchoring do the least
// good: one shared sentence of rare words, then 250 sentences each alone from
// other words, over and over, so that every gap between anchors is just small
// enough to be aligned in full.
func (s *synth) hostile(size int) (a, b string) {
	var ta, tb strings.Builder
	for ta.Len() < size || tb.Len() < size {
		t := text(s.uniform(4000, 8000))
		ta.WriteString(t)
		tb.WriteString(t)
		for range 250 {
			ta.WriteString(" " + text(s.uniform(0, 4000)))
			tb.WriteString(" " + text(s.uniform(0, 4000)))
		}
		ta.WriteString("\n\n")
		tb.WriteString("\n\n")
	}
	return ta.String(), tb.String()
}
