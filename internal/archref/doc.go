// Package archref reads archival references ("AVP RF, f. 059a, op. 5a, d. 3, p. 11,
// ll. 10-20", "711.90H/41: Telegram", "PRC FMA 106-00021-08, 1-5") into a
// record.Source: the repository under its canonical English name and usual
// abbreviation, the parts of the reference, and the reference itself as written.
//
// Parse never fails and never rewrites: Reference is the input with surrounding
// white space trimmed (the only normalisation), and a reference that cannot be read
// is kept whole with the other fields empty. Parts a reference says are "not given"
// stay empty; nothing is guessed.
//
// Every archive's units are mapped onto the Russian fields, so one index and one
// citation form serve all of them. Archives that file by identifier instead of by
// fond/opis/delo keep that identifier in File and leave the hierarchy empty.
//
//	Russia       fond (f., ф.) → Fond; opis (op., оп., perechen') → Opis;
//	             delo (d., д., ед. хр., dokument) → Delo;
//	             papka (p., п.) → Papka; list/listy (l., ll., л., лл.) → Folios, "ob." kept
//	Bulgaria     fond (ф.) → Fond; opis (оп.) → Opis; a.e. (arkhivna edinitsa, а.е.) → Delo;
//	             l./л. → Folios
//	Poland       zespół (z., zesp.) → Fond; wiązka (w.) → Opis; teczka (t.) or sygn. → Delo;
//	             karta (k.) → Folios
//	Hungary      fond signature (XIX-J-1-j) or "276. f." → Fond; "53. cs." (csoport) → Opis;
//	             tétel ("24/a") or "34. ő.e." → Delo; doboz (box) → Papka;
//	             registry number ("004269/1950") → File
//	Czechia      fond (f.) → Fond; karton (k.) or svazek (sv.) → Papka;
//	             a.j., inv. č., složka, obal → Delo; fol./l. → Folios
//	Romania      fond (a name or number) → Fond; problema → Opis; dosar → Delo;
//	             vol. → Papka; f./fila → Folios (f. is a leaf here, not a fond)
//	USA (NARA)   record group, series, lot, entry, box and decimal file together → File,
//	             as written from the first of them to the last ("RG 59, Central Decimal
//	             File, 1950-1954, Box 4268"; a decimal file alone is "711.90H/41"; a genre
//	             suffix such as ": Telegram" is not part of it); hierarchy fields empty
//	Germany, UK  the signature after the archive's name ("B 136/59748", "MfAA, A 1234",
//	             "B 150, Bd. 12", "FO 371/84053") → File; Bl./S./fol. or a trailing
//	             number range → Folios
//	China        file number ("106-00021-08") → File; the range after it → Folios
//	Japan        file ("A'0392", "A'.1.5.0.3-3") → File
//
// Abbreviations such as "p." and "f." mean different things in different archives
// (papka or page, fond or leaf), so the keywords are chosen by the repository's
// country. With no repository the Russian reading is used, except that a lone "p."
// without fond, opis or delo is a page, and a single unit written as a one-letter
// abbreviation ("i.e. f. 12") is not taken for a reference at all.
package archref
