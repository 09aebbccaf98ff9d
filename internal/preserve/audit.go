package preserve

import (
	"bytes"
	"cmp"
	"context"
	"encoding/json"
	"fmt"
	"math"
	"slices"
	"time"

	"fond/internal/bagit"
	"fond/internal/store"
)

// auditName is the audit trail's payload path, under data/.
const auditName = "audit.json"

// recordActions are the audit entries a bag carries: what staff did to its
// records. Sign-ins, accounts and tokens are about people's access to this
// installation, not about the holdings, and carry their addresses; fixity
// findings are about this installation's disks (a bag has its own checksums).
var recordActions = []string{store.AuditPublish, store.AuditUnpublish, store.AuditWithdraw}

// auditLine is one entry as a bag keeps it: the address it came from is left
// out (it identifies a person's machine, and says nothing of the record).
type auditLine struct {
	At     time.Time `json:"at"`
	Actor  string    `json:"actor"`
	Action string    `json:"action"`
	Target string    `json:"target"`
	Detail string    `json:"detail,omitempty"`
}

// exportAudit writes the trail of the exported records, oldest first, and
// returns its payload path ("" when there is none) and its length.
func exportAudit(ctx context.Context, st store.Store, w *bagit.Writer, ids []string) (string, int, error) {
	exported := make(map[string]bool, len(ids))
	for _, id := range ids {
		exported[id] = true
	}
	var entries []store.AuditEntry
	for _, action := range recordActions {
		es, err := st.AuditLog(ctx, store.AuditQuery{Action: action, Limit: math.MaxInt32})
		if err != nil {
			return "", 0, err
		}
		for _, e := range es {
			if exported[e.Target] {
				entries = append(entries, e)
			}
		}
	}
	if len(entries) == 0 {
		return "", 0, nil
	}
	slices.SortFunc(entries, func(a, b store.AuditEntry) int { return cmp.Compare(a.Seq, b.Seq) })
	lines := make([]auditLine, len(entries))
	for i, e := range entries {
		lines[i] = auditLine{At: e.At, Actor: e.Actor, Action: e.Action, Target: e.Target, Detail: e.Detail}
	}
	data, err := json.MarshalIndent(lines, "", "  ")
	if err != nil {
		return "", 0, err
	}
	return auditName, len(lines), w.AddBytes(auditName, append(data, '\n'))
}

// readAudit reads and checks a bag's audit trail before anything is stored:
// each entry an action a bag carries, on one of the bag's records, dated.
func readAudit(bag *bagit.Bag, ledger Ledger, inBag map[string]string) ([]auditLine, error) {
	if ledger.Audit == "" {
		return nil, nil
	}
	name := "data/" + ledger.Audit
	if _, ok := inBag[name]; !ok {
		return nil, fmt.Errorf("data/fond.json: the audit trail, %s, is not in the bag", name)
	}
	data, err := bag.ReadFile(name)
	if err != nil {
		return nil, err
	}
	dec := json.NewDecoder(bytes.NewReader(data))
	dec.DisallowUnknownFields()
	var lines []auditLine
	if err := dec.Decode(&lines); err != nil {
		return nil, fmt.Errorf("%s: %w", name, err)
	}
	ids := map[string]bool{}
	for _, lf := range ledger.Files {
		for _, id := range lf.Records {
			ids[id] = true
		}
	}
	for i, l := range lines {
		switch {
		case !slices.Contains(recordActions, l.Action):
			return nil, fmt.Errorf("%s: entry %d: %q is not an action a bag carries", name, i+1, l.Action)
		case !ids[l.Target]:
			return nil, fmt.Errorf("%s: entry %d: %s is not a record of this bag", name, i+1, l.Target)
		case l.At.IsZero():
			return nil, fmt.Errorf("%s: entry %d: no time", name, i+1)
		}
	}
	return lines, nil
}

// importAudit adds the trail to the archive's audit log, oldest first, each
// entry at its own time.
func importAudit(ctx context.Context, st store.Store, lines []auditLine) error {
	for _, l := range lines {
		if err := st.Audit(ctx, store.AuditEntry{At: l.At, Actor: l.Actor, Action: l.Action, Target: l.Target, Detail: l.Detail}); err != nil {
			return err
		}
	}
	return nil
}
