package i18n

import "errors"

// Msg is a message other packages hand to the interface without writing it
// in any language: a catalogue key and its arguments. As an error its text
// is the English catalogue's (for logs, the command line and the JSON API);
// a page prints it in its reader's language with Printer.Err, or by passing
// it as an argument of another message. Packages that refuse a value
// (record, store, search limits) return one instead of an English sentence,
// and so never import the web.
type Msg struct {
	Key  string
	Args []any
	// Cause is a lower layer's error, told in English only (the EDTF
	// parser's detail): Error appends it, a translation leaves it out.
	Cause error
}

// Errorf is a *Msg as an error.
func Errorf(key string, args ...any) error { return &Msg{Key: key, Args: args} }

func (m *Msg) Error() string {
	s := For(EN).T(m.Key, m.Args...)
	if m.Cause != nil {
		s += ": " + m.Cause.Error()
	}
	return s
}

func (m *Msg) Unwrap() error { return m.Cause }

// Err is err's text in p's language: the message of the first *Msg in its
// chain, or its own (English) text when it carries none.
func (p Printer) Err(err error) string {
	var m *Msg
	if errors.As(err, &m) {
		return p.T(m.Key, m.Args...)
	}
	return err.Error()
}

// localArgs prints the *Msg and Msg arguments of a message in p's language.
func (p Printer) localArgs(args []any) []any {
	var out []any
	for i, a := range args {
		var m *Msg
		switch v := a.(type) {
		case *Msg:
			m = v
		case Msg:
			m = &v
		default:
			continue
		}
		if out == nil {
			out = append([]any(nil), args...)
		}
		out[i] = p.T(m.Key, m.Args...)
	}
	if out == nil {
		return args
	}
	return out
}

// Has says whether l's catalogue holds key (plain or plural).
func Has(l Lang, key string) bool {
	c := catalogues[l]
	_, plain := c.msg[key]
	_, plural := c.plural[key]
	return plain || plural
}
