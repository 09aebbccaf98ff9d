package oai

import (
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"io"
	"net/url"
	"strings"
	"time"
)

// Repository is what the provider harvests.
type Repository interface {
	// Earliest is the datestamp of the oldest change, for Identify.
	Earliest(ctx context.Context) (time.Time, error)
	Sets(ctx context.Context) ([]Set, error)
	// Get returns one record by its local id, or ErrNotFound.
	Get(ctx context.Context, id string) (Item, error)
	// List returns a page of items in (datestamp, id) order after q.After, and
	// how many match in all when q.Count asks.
	List(ctx context.Context, q Query) ([]Item, int, error)
}

// ErrNotFound is what Repository.Get returns for an unknown id.
var ErrNotFound = errors.New("no such record")

// Query selects items by datestamp (inclusive bounds; zero is open) and set.
type Query struct {
	From, Until time.Time
	Set         string
	After       Cursor
	Limit       int
	Count       bool // also count every match (the first page of a list)
}

// Cursor is where a page ended.
type Cursor struct {
	Datestamp time.Time
	ID        string
}

// Item is one record with its header.
type Item struct {
	ID        string // local id; the OAI identifier is oai:<RepositoryID>:<ID>
	Datestamp time.Time
	Sets      []string
	// Deleted items are reported by their header alone (status="deleted").
	Deleted  bool
	Metadata DC
	// Source is the repository's own record, for the Render of other formats.
	Source any
}

// Format is a metadata format offered besides oai_dc, which every repository
// offers.
type Format struct {
	Prefix, Schema, Namespace string
	// Render writes an item's metadata: one XML element, without a declaration.
	Render func(Item) ([]byte, error)
}

var dublinCore = Format{Prefix: "oai_dc", Schema: "http://www.openarchives.org/OAI/2.0/oai_dc.xsd", Namespace: "http://www.openarchives.org/OAI/2.0/oai_dc/"}

// Set is a set a repository offers.
type Set struct {
	Spec, Name string
}

// Provider answers OAI-PMH requests for one repository.
type Provider struct {
	Repo         Repository
	Name         string // repositoryName
	BaseURL      string
	AdminEmail   string
	RepositoryID string // the namespace of identifiers, a domain name
	PageSize     int    // items per list response
	Formats      []Format
	Now          func() time.Time
}

// format finds a metadata format by prefix.
func (p *Provider) format(prefix string) (Format, *Error) {
	if prefix == dublinCore.Prefix {
		return dublinCore, nil
	}
	for _, f := range p.Formats {
		if f.Prefix == prefix {
			return f, nil
		}
	}
	names := []string{dublinCore.Prefix}
	for _, f := range p.Formats {
		names = append(names, f.Prefix)
	}
	return Format{}, fail(CannotDisseminateFormat, "records are available as %s, not %q", strings.Join(names, ", "), prefix)
}

// Respond answers one request, given as its arguments. Protocol errors are part
// of the response; an error returned means the repository failed.
func (p *Provider) Respond(ctx context.Context, args url.Values, w io.Writer) error {
	now := time.Now
	if p.Now != nil {
		now = p.Now
	}
	env := envelope{
		XSI: "http://www.w3.org/2001/XMLSchema-instance", Schema: "http://www.openarchives.org/OAI/2.0/ http://www.openarchives.org/OAI/2.0/OAI-PMH.xsd",
		ResponseDate: now().UTC().Format(secondLayout),
		Request:      requestElem{URL: p.BaseURL},
	}
	req, perr := ParseRequest(args)
	if perr == nil {
		env.Request.Verb = req.Verb
		for k, v := range req.Args {
			env.Request.Attrs = append(env.Request.Attrs, xml.Attr{Name: xml.Name{Local: k}, Value: v})
		}
		var err error
		perr, err = p.answer(ctx, req, &env)
		if err != nil {
			return err
		}
	}
	if perr != nil {
		env.Errors = []errorElem{{Code: perr.Code, Message: perr.Message}}
		env.body = nil
	}
	if _, err := io.WriteString(w, xml.Header); err != nil {
		return err
	}
	enc := xml.NewEncoder(w)
	enc.Indent("", " ")
	if err := enc.Encode(env); err != nil {
		return fmt.Errorf("oai: write response: %w", err)
	}
	return nil
}

func (p *Provider) answer(ctx context.Context, req Request, env *envelope) (*Error, error) {
	switch req.Verb {
	case "Identify":
		earliest, err := p.Repo.Earliest(ctx)
		if err != nil {
			return nil, err
		}
		env.body = identify{Name: p.Name, BaseURL: p.BaseURL, Protocol: "2.0", Admin: p.AdminEmail,
			Earliest: earliest.UTC().Format(secondLayout), Deleted: "persistent", Granularity: Granularity}
	case "ListMetadataFormats":
		if req.Identifier != "" {
			if _, perr, err := p.get(ctx, req.Identifier); perr != nil || err != nil {
				return perr, err
			}
		}
		out := formats{}
		for _, f := range append([]Format{dublinCore}, p.Formats...) {
			out.Formats = append(out.Formats, format{Prefix: f.Prefix, Schema: f.Schema, Namespace: f.Namespace})
		}
		env.body = out
	case "ListSets":
		if req.hasToken {
			return fail(BadResumptionToken, "ListSets answers in one response; it issues no resumption tokens"), nil
		}
		sets, err := p.Repo.Sets(ctx)
		if err != nil {
			return nil, err
		}
		if len(sets) == 0 {
			return fail(NoSetHierarchy, "this repository has no sets"), nil
		}
		var out setList
		for _, s := range sets {
			out.Sets = append(out.Sets, setElem(s))
		}
		env.body = out
	case "GetRecord":
		f, perr := p.format(req.MetadataPrefix)
		if perr != nil {
			return perr, nil
		}
		it, perr, err := p.get(ctx, req.Identifier)
		if perr != nil || err != nil {
			return perr, err
		}
		rec, err := p.record(it, f)
		if err != nil {
			return nil, err
		}
		env.body = getRecord{Record: rec}
	case "ListIdentifiers", "ListRecords":
		return p.list(ctx, req, env)
	}
	return nil, nil
}

// get resolves an OAI identifier to an item.
func (p *Provider) get(ctx context.Context, identifier string) (Item, *Error, error) {
	id, ok := strings.CutPrefix(identifier, "oai:"+p.RepositoryID+":")
	if !ok || id == "" {
		return Item{}, fail(IDDoesNotExist, "%q is not an identifier of this repository (oai:%s:ID)", identifier, p.RepositoryID), nil
	}
	it, err := p.Repo.Get(ctx, id)
	if errors.Is(err, ErrNotFound) {
		return Item{}, fail(IDDoesNotExist, "no record %q", identifier), nil
	}
	return it, nil, err
}

func (p *Provider) list(ctx context.Context, req Request, env *envelope) (*Error, error) {
	t := token{Verb: req.Verb, Prefix: req.MetadataPrefix, From: unix(req.From), Until: unix(req.Until), Set: req.Set}
	resumed := req.hasToken
	if resumed {
		var perr *Error
		if t, perr = decodeToken(req.ResumptionToken, req.Verb); perr != nil {
			return perr, nil
		}
	}
	f, perr := p.format(t.Prefix)
	if perr != nil {
		if resumed {
			return fail(BadResumptionToken, "the resumption token is not one this repository issued"), nil
		}
		return perr, nil
	}
	size := p.PageSize
	if size <= 0 {
		size = 100
	}
	// One more than a page tells whether the list goes on, whatever changed
	// since it began.
	q := Query{From: fromUnix(t.From), Until: fromUnix(t.Until), Set: t.Set, Limit: size + 1, Count: !resumed,
		After: Cursor{Datestamp: fromUnix(t.Stamp), ID: t.ID}}
	// A token's set was checked when the list began: listing the sets (with
	// their names, which the repository may have to look up) on every page of a
	// harvest would be work done again for nothing.
	if t.Set != "" && !resumed {
		known, err := p.knownSet(ctx, t.Set)
		if err != nil {
			return nil, err
		}
		if !known {
			return fail(NoRecordsMatch, "no set %q in this repository", t.Set), nil
		}
	}
	items, total, err := p.Repo.List(ctx, q)
	if err != nil {
		return nil, err
	}
	if len(items) == 0 {
		// Also when a token's list lost its remaining records since it was issued.
		return fail(NoRecordsMatch, "no records match"), nil
	}
	if !resumed {
		t.Size = total
	}
	more := len(items) > size
	items = items[:min(len(items), size)]
	var rt *resumption
	if more || resumed {
		rt = &resumption{Size: t.Size, Cursor: t.Cursor}
		if more {
			last := items[len(items)-1]
			next := t
			next.Stamp, next.ID, next.Cursor = last.Datestamp.Unix(), last.ID, t.Cursor+len(items)
			rt.Token = next.encode()
		}
	}
	if req.Verb == "ListIdentifiers" {
		out := listIdentifiers{Resumption: rt}
		for _, it := range items {
			out.Headers = append(out.Headers, p.header(it))
		}
		env.body = out
		return nil, nil
	}
	out := listRecords{Resumption: rt}
	for _, it := range items {
		rec, err := p.record(it, f)
		if err != nil {
			return nil, err
		}
		out.Records = append(out.Records, rec)
	}
	env.body = out
	return nil, nil
}

func (p *Provider) knownSet(ctx context.Context, spec string) (bool, error) {
	sets, err := p.Repo.Sets(ctx)
	if err != nil {
		return false, err
	}
	for _, s := range sets {
		if s.Spec == spec {
			return true, nil
		}
	}
	return false, nil
}

func (p *Provider) header(it Item) headerElem {
	h := headerElem{Identifier: "oai:" + p.RepositoryID + ":" + it.ID, Datestamp: it.Datestamp.UTC().Format(secondLayout), Sets: it.Sets}
	if it.Deleted {
		h.Status = "deleted"
	}
	return h
}

func (p *Provider) record(it Item, f Format) (recordElem, error) {
	r := recordElem{Header: p.header(it)}
	switch {
	case it.Deleted:
	case f.Prefix == dublinCore.Prefix:
		dc := it.Metadata.elem()
		r.Metadata = &metadataElem{DC: &dc}
	default:
		raw, err := f.Render(it)
		if err != nil {
			return r, fmt.Errorf("oai: %s of %s: %w", f.Prefix, it.ID, err)
		}
		r.Metadata = &metadataElem{Raw: raw}
	}
	return r, nil
}
