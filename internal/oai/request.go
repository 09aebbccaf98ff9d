// Package oai is an OAI-PMH 2.0 data provider (openarchives.org/OAI/2.0): it
// parses harvesters' requests, pages through a Repository and writes the
// protocol's XML, with Dublin Core (oai_dc) records. It knows neither the
// database nor HTTP; internal/web serves it at /oai.
package oai

import (
	"fmt"
	"net/url"
	"time"
)

// Error codes of the protocol (section 3.6).
const (
	BadArgument             = "badArgument"
	BadResumptionToken      = "badResumptionToken"
	BadVerb                 = "badVerb"
	CannotDisseminateFormat = "cannotDisseminateFormat"
	IDDoesNotExist          = "idDoesNotExist"
	NoRecordsMatch          = "noRecordsMatch"
	NoMetadataFormats       = "noMetadataFormats"
	NoSetHierarchy          = "noSetHierarchy"
)

// Error is a protocol error, reported in the response rather than as a failure.
type Error struct {
	Code, Message string
}

func (e *Error) Error() string { return e.Code + ": " + e.Message }

func fail(code, format string, args ...any) *Error {
	return &Error{Code: code, Message: fmt.Sprintf(format, args...)}
}

// Request is one harvester's request, checked against its verb.
type Request struct {
	Verb            string
	Identifier      string
	MetadataPrefix  string
	From, Until     time.Time
	Set             string
	ResumptionToken string
	// Args are the arguments as given, echoed in the response's request element.
	Args map[string]string
	// hasToken: a resumptionToken argument was given, even an empty one.
	hasToken bool
}

// verbs lists each verb's arguments: required ones, optional ones, and an
// exclusive one that must come alone.
var verbs = map[string]struct{ required, optional []string }{
	"Identify":            {},
	"ListMetadataFormats": {optional: []string{"identifier"}},
	"ListSets":            {optional: []string{"resumptionToken"}},
	"GetRecord":           {required: []string{"identifier", "metadataPrefix"}},
	"ListIdentifiers":     {required: []string{"metadataPrefix"}, optional: []string{"from", "until", "set", "resumptionToken"}},
	"ListRecords":         {required: []string{"metadataPrefix"}, optional: []string{"from", "until", "set", "resumptionToken"}},
}

// ParseRequest checks a request's arguments (from a query string or a POSTed
// form) against section 3 of the protocol.
func ParseRequest(v url.Values) (Request, *Error) {
	verb := v["verb"]
	if len(verb) != 1 {
		return Request{}, fail(BadVerb, "the request needs exactly one verb")
	}
	spec, ok := verbs[verb[0]]
	if !ok {
		return Request{}, fail(BadVerb, "%q is not an OAI-PMH verb", verb[0])
	}
	r := Request{Verb: verb[0], Args: map[string]string{}}
	allowed := map[string]bool{"verb": true}
	for _, a := range append(spec.required, spec.optional...) {
		allowed[a] = true
	}
	for k, vals := range v {
		if !allowed[k] {
			return r, fail(BadArgument, "%s does not take the argument %q", r.Verb, k)
		}
		if len(vals) != 1 {
			return r, fail(BadArgument, "the argument %q is repeated", k)
		}
		if k != "verb" {
			r.Args[k] = vals[0]
		}
	}
	r.ResumptionToken = r.Args["resumptionToken"]
	if _, ok := v["resumptionToken"]; ok {
		r.hasToken = true
		if len(r.Args) > 1 {
			return r, fail(BadArgument, "resumptionToken is an exclusive argument: it comes alone with the verb")
		}
		return r, nil
	}
	for _, a := range spec.required {
		if _, ok := r.Args[a]; !ok {
			return r, fail(BadArgument, "%s needs the argument %q", r.Verb, a)
		}
	}
	r.Identifier, r.MetadataPrefix, r.Set = r.Args["identifier"], r.Args["metadataPrefix"], r.Args["set"]
	var fromDay, untilDay bool
	var err *Error
	if s, ok := r.Args["from"]; ok {
		if r.From, fromDay, err = parseDatestamp(s, false); err != nil {
			return r, err
		}
	}
	if s, ok := r.Args["until"]; ok {
		if r.Until, untilDay, err = parseDatestamp(s, true); err != nil {
			return r, err
		}
	}
	if _, f := r.Args["from"]; f {
		if _, u := r.Args["until"]; u && fromDay != untilDay {
			return r, fail(BadArgument, "from and until must have the same granularity")
		}
	}
	if !r.From.IsZero() && !r.Until.IsZero() && r.From.After(r.Until) {
		return r, fail(BadArgument, "from (%s) is after until (%s)", r.Args["from"], r.Args["until"])
	}
	return r, nil
}

// Granularity is the finest datestamp this provider gives and takes.
const Granularity = "YYYY-MM-DDThh:mm:ssZ"

const secondLayout = "2006-01-02T15:04:05Z"

// parseDatestamp reads a from or until argument, of day or second granularity;
// an until of day granularity means the end of that day.
func parseDatestamp(s string, until bool) (time.Time, bool, *Error) {
	// time.Parse would also take a fraction of a second, which neither
	// granularity has.
	if t, err := time.Parse(secondLayout, s); err == nil && len(s) == len(secondLayout) {
		return t, false, nil
	}
	if t, err := time.Parse(time.DateOnly, s); err == nil && len(s) == len(time.DateOnly) {
		if until {
			t = t.Add(24*time.Hour - time.Second)
		}
		return t, true, nil
	}
	return time.Time{}, false, fail(BadArgument, "%q is not a datestamp (YYYY-MM-DD or YYYY-MM-DDThh:mm:ssZ)", s)
}
