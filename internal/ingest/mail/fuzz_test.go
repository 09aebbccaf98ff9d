package mail

import (
	"testing"

	"fond/internal/testutil"
)

// FuzzExtract: any valid text reads to records or an error, never a panic;
// records hold valid text without NUL whatever the transfer encoding decoded
// to (control characters are cleaned later, by the pipeline).
func FuzzExtract(f *testing.F) {
	f.Add("From: Some One <one@example.org>\nSubject: Stalin and Kim\nDate: Mon, 2 Mar 1998 15:04:05 -0700\nContent-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: quoted-printable\n\nForwarded =E2=80=94 text=00.\n\nDocument 1: A, Moscow, 5 March 1949\n\ntext [Source: AVP RF, f. 1]")
	f.Add("[lbo-talk] Subject line\nSome One one at example.org\nMon Mar 2 15:04:05 PST 1998\n\nPrevious message: x\n\nBody.\n\nMore information about the lbo-talk mailing list")
	f.Add("From a@b Mon Jan  2 15:04:05 2006\nSubject: x\nContent-Transfer-Encoding: base64\n\nAAEC\n")
	f.Fuzz(func(t *testing.T, text string) {
		if !testutil.ReaderInput(text) {
			return
		}
		Detect(text)
		recs, err := Extract(text)
		if err != nil {
			return
		}
		if bad := testutil.BadText(recs); bad != "" {
			t.Fatalf("records from valid text: %s", bad)
		}
	})
}
