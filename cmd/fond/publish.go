package main

import (
	"context"
	"encoding/json"
	"fmt"
	"time"

	"fond/internal/record"
	"fond/internal/store"
)

// runStatus is fond publish, unpublish and withdraw: each id is one change,
// logged in the audit log as the operator's.
func runStatus(status string) func(ctx context.Context, e *env, args []string) error {
	return func(ctx context.Context, e *env, args []string) error {
		name := map[string]string{record.Published: "publish", record.Draft: "unpublish", record.Withdrawn: "withdraw"}[status]
		fs := e.flags(name)
		reason := fs.String("reason", "", "why the records are withdrawn: shown at their addresses (required with withdraw)")
		ids, err := parseInterspersed(fs, args)
		if err != nil {
			return err
		}
		if len(ids) == 0 {
			return fmt.Errorf("%w: name at least one record id", errUsage)
		}
		if status == record.Withdrawn && *reason == "" {
			return fmt.Errorf("%w: withdraw needs --reason", errUsage)
		}
		st, err := e.openIndexedStore(ctx)
		if err != nil {
			return err
		}
		defer st.Close()
		for _, id := range ids {
			if err := setStatus(ctx, st, id, status, *reason, operator, ""); err != nil {
				return err
			}
			fmt.Fprintf(e.stdout, "%-9s %s\n", status, id)
		}
		return nil
	}
}

// setStatus changes one record's publication and logs it.
func setStatus(ctx context.Context, st store.Store, id, status, reason, actor, addr string) error {
	before, err := st.Get(ctx, id)
	if err != nil {
		return err
	}
	_, err = st.SetStatusLogged(ctx, before.ID, status, reason, store.AuditEntry{Actor: actor, Action: store.StatusAction[status], Addr: addr})
	return err
}

func runAudit(ctx context.Context, e *env, args []string) error {
	fs := e.flags("audit")
	asJSON := fs.Bool("json", false, "one JSON object per line")
	limit := fs.Int("limit", 100, "how many entries, newest first")
	action := fs.String("action", "", "only this action (login, login.failed, publish, account.add, …)")
	if _, err := parseInterspersed(fs, args); err != nil {
		return err
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	log, err := st.AuditLog(ctx, store.AuditQuery{Limit: *limit, Action: *action})
	if err != nil {
		return err
	}
	enc := json.NewEncoder(e.stdout)
	for _, a := range log {
		if *asJSON {
			if err := enc.Encode(a); err != nil {
				return err
			}
			continue
		}
		fmt.Fprintf(e.stdout, "%s  %-14s %-16s %s  %s  %s\n", a.At.UTC().Format(time.RFC3339), a.Action, a.Actor, a.Target, a.Detail, a.Addr)
	}
	return nil
}
