// Package romanize connects the spellings of one name across writing systems
// and romanization schemes, so that an authority file can say "these are the
// same person" by rule rather than by hand.
//
// Covered:
//
//   - Korean: Hangul to Revised Romanization (2000) and McCune–Reischauer
//     (with or without breves), word- and name-level. Words are written with
//     the sound changes of RR chapter 3, article 1 (assimilation,
//     palatalization, aspiration except after ㄱ ㄷ ㅂ in nouns, no
//     tensification; the inserted ㄴ only for a listed few compounds, since
//     spelling does not show a compound's seam), names without them (article
//     4), administrative units after a hyphen (article 5, RRAdministrative).
//     McCune–Reischauer comes in two named editions: MR1939, the system as
//     published, which writes 시 "si" (신의주 → Sinŭiju, 조만식 → Cho
//     Man-sik) and is the default; and MR1984, South Korea's official version,
//     which writes "shi" and "shwi". KoreanKey and Key merge si and shi, so
//     both editions' spellings meet. Parsing of romanized
//     Korean in either system (hyphenated, spaced or joined, with or without
//     aspiration apostrophes) back into ranked Hangul candidates; the common
//     conventional surname spellings (Lee/Rhee/Yi/I/Ri, Park/Pak/Bak,
//     Choi/Choe, Jung/Chung/Jeong/Chong, Oh, Ahn, Suh, Roh, …) and the English
//     vowel habits of personal names (oo, ee, ou in "Young", y in "Syngman").
//   - Chinese: Pinyin to Wade–Giles and back, syllable by syllable from the
//     full Mandarin syllable inventory (rare dia, tei, nun, fiao, cei
//     included; the interjection lo left out, since Wade–Giles writes it like
//     luo), so that every syllable comes back from its Wade–Giles spelling;
//     Wade–Giles input may lack apostrophes,
//     umlauts and circumflexes. ChineseKey merges j q zh ch, which Wade–Giles
//     writes alike except for apostrophes and the umlaut on ü.
//   - Russian: Cyrillic to ALA-LC (without diacritics), BGN/PCGN (with the
//     middle dots of its notes: t·s, sh·ch, y·a, ·y, ·e), scholarly
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
// beyond the y-habit), Ukrainian-specific letters beyond і ї є ґ, the
// Korean sound changes that depend on meaning rather than spelling (the ㄴ
// inserted in compounds not listed, a verb's ㅎ+stop aspiration outside the
// suffixes -히- and 하-), and RR's transliteration for reconstructing Hangul
// (chapter 3, article 8). The tables below are written from the published descriptions of the
// systems; no external data files are used.
package romanize
