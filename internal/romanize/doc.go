// Package romanize connects the spellings of one name across writing systems
// and romanization schemes, so that an authority file can say "these are the
// same person" by rule rather than by hand.
//
// Covered:
//
//   - Korean: Hangul to Revised Romanization (2000) and McCune–Reischauer
//     (with or without breves), word- and name-level; parsing of romanized
//     Korean in either system (hyphenated, spaced or joined, with or without
//     aspiration apostrophes) back into ranked Hangul candidates; the common
//     conventional surname spellings (Lee/Rhee/Yi/I/Ri, Park/Pak/Bak,
//     Choi/Choe, Jung/Chung/Jeong/Chong, Oh, Ahn, Suh, Roh, …) and the English
//     vowel habits of personal names (oo, ee, ou in "Young", y in "Syngman").
//   - Chinese: Pinyin to Wade–Giles and back, syllable by syllable from the
//     full Mandarin syllable inventory; Wade–Giles input may lack apostrophes,
//     umlauts and circumflexes. ChineseKey merges j q zh ch, which Wade–Giles
//     writes alike except for apostrophes and the umlaut on ü.
//   - Russian: Cyrillic to ALA-LC (without diacritics), BGN/PCGN, scholarly
//     (š ž č) and the English-press style; Latin spellings in any of these,
//     and the German habits w/sch/tsch, compare under RussianKey.
//
// The keys are many-to-one on purpose: they merge what the schemes write
// differently for one sound (g/k, d/t, b/p, j/ch, eo/o/ŏ, eu/u/ŭ; Pinyin zh and
// Wade–Giles ch; Cyrillic ы as y or i, -ий as -y/-ii/-iy/-ij) and keep apart
// anything that is a different letter in the source script (an extra h, a
// different vowel such as a/o or i/e, another consonant).
//
// Key puts Korean and Chinese Latin spellings on one skeleton, so it also
// merges some different Chinese syllables (Zhou and Zhu); ChineseKey keeps
// them apart. English names that happen to read as Korean syllables
// ("Acheson", "Ridgway") get skeleton keys too; they stay self-consistent
// but look odd. Wade–Giles j (Pinyin r) is recognized only when the name
// shows other Wade–Giles evidence (hyphenated syllables, hs, ts, ih, …), and
// a first word that is also a Korean surname ("Ho Lung") is read as Korean
// by Key.
//
// Not covered: Chinese characters (no reading dictionary here), Cantonese and
// postal spellings (Peking, Canton, Chiang Kai-shek), Korean names whose
// conventional spelling is not a rule (e.g. personal spellings like "Syngman"
// beyond the y-habit), Ukrainian-specific letters beyond і ї є ґ, and full
// Korean sound-change rules (only the ones names and place names need:
// voicing in McCune–Reischauer, the ㄹ rules, liaison of final consonants).
// The tables below are written from the published descriptions of the
// systems; no external data files are used.
package romanize
