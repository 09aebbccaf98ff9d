package main

import (
	"bufio"
	"context"
	"encoding/json"
	"errors"
	"fmt"
	"io"
	"os"
	"strings"
	"text/tabwriter"

	"golang.org/x/term"

	"fond/internal/auth"
	"fond/internal/store"
)

// The command line on the server keeps full access: it acts as the operator,
// named thus in the audit log.
const operator = "(command line)"

// stdin is where passwords are read; tests replace it.
var stdin io.Reader = os.Stdin

// subcommand splits "fond users add …" into "add" and its arguments; a flag
// first (--help) is parsed so that help works as for other commands.
func subcommand(e *env, name string, args []string) (string, []string, error) {
	if len(args) > 0 && strings.HasPrefix(args[0], "-") {
		fs := e.flags(name)
		if err := fs.Parse(args); err != nil {
			return "", nil, err
		}
		args = fs.Args()
	}
	if len(args) == 0 {
		return "", nil, nil
	}
	return args[0], args[1:], nil
}

func runUsers(ctx context.Context, e *env, args []string) error {
	sub, args, err := subcommand(e, "users", args)
	if err != nil {
		return err
	}
	if sub == "" {
		return fmt.Errorf("%w: fond users add NAME --role admin|editor|contributor | list [--json] | passwd NAME | remove NAME", errUsage)
	}
	fs := e.flags("users " + sub)
	role := fs.String("role", "", "with add: admin, editor or contributor")
	asJSON := fs.Bool("json", false, "with list: a JSON array")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	need := map[string]int{"add": 1, "list": 0, "passwd": 1, "remove": 1}
	n, ok := need[sub]
	if !ok {
		return fmt.Errorf("%w: unknown users command %q (add, list, passwd, remove)", errUsage, sub)
	}
	if len(pos) != n {
		return fmt.Errorf("%w: fond users %s takes %d name(s)", errUsage, sub, n)
	}
	if sub == "add" {
		if _, err := auth.ParseRole(*role); err != nil {
			return fmt.Errorf("%w: --role: %w", errUsage, err)
		}
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	audit := func(action, target, detail string) error {
		return st.Audit(ctx, store.AuditEntry{Actor: operator, Action: action, Target: target, Detail: detail})
	}
	switch sub {
	case "add":
		if !validName(pos[0]) {
			return fmt.Errorf("%w: an account name is 1 to 64 letters, digits, '.', '-', '_' or '@'", errUsage)
		}
		hash, err := readPassword(e, "Password for "+pos[0]+": ")
		if err != nil {
			return err
		}
		if err := st.AddAccount(ctx, store.Account{Name: pos[0], Role: *role, Hash: hash}); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "added %s (%s)\n", pos[0], *role)
		return audit(store.AuditAccountAdd, pos[0], "role "+*role)
	case "list":
		list, err := st.ListAccounts(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return jsonArray(e, list)
		}
		tw := tabwriter.NewWriter(e.stdout, 0, 4, 2, ' ', 0)
		for _, a := range list {
			fmt.Fprintf(tw, "%s\t%s\t%s\n", a.Name, a.Role, a.Created.Format("2006-01-02"))
		}
		return tw.Flush()
	case "passwd":
		if _, err := st.Account(ctx, pos[0]); err != nil {
			return err
		}
		hash, err := readPassword(e, "New password for "+pos[0]+": ")
		if err != nil {
			return err
		}
		if err := st.SetPassword(ctx, pos[0], hash); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "password changed; %s's sessions ended\n", pos[0])
		return audit(store.AuditAccountPass, pos[0], "")
	default: // remove
		if err := st.RemoveAccount(ctx, pos[0]); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "removed %s, with its sessions and tokens\n", pos[0])
		return audit(store.AuditAccountDel, pos[0], "")
	}
}

// validName keeps account names plain: they appear in pages and logs.
func validName(s string) bool {
	if s == "" || len(s) > 64 {
		return false
	}
	for _, c := range s {
		if !(c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c >= '0' && c <= '9' || strings.ContainsRune(".-_@", c)) {
			return false
		}
	}
	return true
}

// readPassword reads a password and returns its hash: from a terminal without
// echo, asked twice; otherwise one line of standard input (scripts, tests).
// The password itself goes nowhere else.
func readPassword(e *env, prompt string) (string, error) {
	var pw string
	if f, ok := stdin.(*os.File); ok && term.IsTerminal(int(f.Fd())) {
		fmt.Fprint(e.stderr, prompt)
		a, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		fmt.Fprint(e.stderr, "Again: ")
		b, err := term.ReadPassword(int(f.Fd()))
		fmt.Fprintln(e.stderr)
		if err != nil {
			return "", fmt.Errorf("read password: %w", err)
		}
		if string(a) != string(b) {
			return "", errors.New("the passwords differ")
		}
		pw = string(a)
	} else {
		line, err := bufio.NewReader(stdin).ReadString('\n')
		if err != nil && !(errors.Is(err, io.EOF) && line != "") {
			return "", fmt.Errorf("read password from standard input: %w", err)
		}
		pw = strings.TrimRight(line, "\r\n")
	}
	if len(pw) < 8 {
		return "", errors.New("a password has at least 8 characters")
	}
	return auth.HashPassword(pw)
}

func runTokens(ctx context.Context, e *env, args []string) error {
	sub, args, err := subcommand(e, "tokens", args)
	if err != nil {
		return err
	}
	if sub == "" {
		return fmt.Errorf("%w: fond tokens create ACCOUNT | list [--json] | revoke ID", errUsage)
	}
	fs := e.flags("tokens " + sub)
	asJSON := fs.Bool("json", false, "with list: a JSON array")
	pos, err := parseInterspersed(fs, args)
	if err != nil {
		return err
	}
	want := map[string]int{"create": 1, "list": 0, "revoke": 1}
	n, ok := want[sub]
	if !ok {
		return fmt.Errorf("%w: unknown tokens command %q (create, list, revoke)", errUsage, sub)
	}
	if len(pos) != n {
		return fmt.Errorf("%w: fond tokens %s takes %d argument(s)", errUsage, sub, n)
	}
	st, err := e.openStore(ctx)
	if err != nil {
		return err
	}
	defer st.Close()
	switch sub {
	case "create":
		if _, err := st.Account(ctx, pos[0]); err != nil {
			return err
		}
		id, token, hash := auth.NewToken()
		if err := st.AddToken(ctx, store.Token{ID: id, Hash: hash, Account: pos[0]}); err != nil {
			return err
		}
		fmt.Fprintln(e.stdout, token)
		fmt.Fprintf(e.stderr, "token %s for %s: shown once, send it as \"Authorization: Bearer …\"\n", id, pos[0])
		return st.Audit(ctx, store.AuditEntry{Actor: operator, Action: store.AuditTokenCreate, Target: pos[0], Detail: "token " + id})
	case "list":
		list, err := st.ListTokens(ctx)
		if err != nil {
			return err
		}
		if *asJSON {
			return jsonArray(e, list)
		}
		for _, t := range list {
			fmt.Fprintf(e.stdout, "%s  %s  %s\n", t.ID, t.Account, t.Created.Format("2006-01-02"))
		}
		return nil
	default:
		id := pos[0]
		if tid := auth.TokenID(id); tid != "" {
			id = tid // the whole token was given
		}
		if err := st.RevokeToken(ctx, id); err != nil {
			return err
		}
		fmt.Fprintf(e.stderr, "revoked %s\n", id)
		return st.Audit(ctx, store.AuditEntry{Actor: operator, Action: store.AuditTokenRevoke, Target: id})
	}
}

// jsonArray prints a list as a JSON array, [] when empty (never null).
func jsonArray[T any](e *env, list []T) error {
	if list == nil {
		list = []T{}
	}
	return json.NewEncoder(e.stdout).Encode(list)
}
