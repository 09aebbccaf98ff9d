package web

import (
	"bytes"
	"context"
	"encoding/xml"
	"errors"
	"fmt"
	"net/http"
	"strings"
	"time"

	"fond/internal/oai"
	"fond/internal/record"
	"fond/internal/store"
	"fond/internal/tei"
)

// OAIConfig names the archive to harvesters (OAI-PMH Identify).
type OAIConfig struct {
	Name       string
	AdminEmail string // default archivist@RepositoryID
	// RepositoryID is the namespace of OAI identifiers (oai:<RepositoryID>:<id>):
	// it must not change once harvesters hold them. The default is made from
	// the database's own random name, so that every server sharing a database
	// says the same; set the archive's domain instead before anyone harvests.
	RepositoryID string
}

// oaiConfig fills in the defaults.
func (s *Server) oaiConfig(ctx context.Context) (OAIConfig, error) {
	c := s.OAI
	if c.Name == "" {
		c.Name = "fond archive"
	}
	if c.RepositoryID == "" {
		id, err := s.store.ArchiveID(ctx)
		if err != nil {
			return c, err
		}
		c.RepositoryID = "fond-" + id + ".invalid"
	}
	if c.AdminEmail == "" {
		c.AdminEmail = "archivist@" + c.RepositoryID
	}
	return c, nil
}

// handleOAI answers OAI-PMH requests, by GET or by POSTed form (section 3.1.1).
func (s *Server) handleOAI(w http.ResponseWriter, r *http.Request) {
	if err := r.ParseForm(); err != nil {
		var tooBig *http.MaxBytesError
		if errors.As(err, &tooBig) {
			s.rejected("body")
			http.Error(w, fmt.Sprintf("request body over %d bytes", tooBig.Limit), http.StatusRequestEntityTooLarge)
			return
		}
		http.Error(w, "bad request: "+err.Error(), http.StatusBadRequest)
		return
	}
	args := r.URL.Query()
	if r.Method == http.MethodPost {
		args = r.PostForm
	}
	base := s.baseURL(r)
	c, err := s.oaiConfig(r.Context())
	if err != nil {
		s.serverError(w, err)
		return
	}
	p := &oai.Provider{Repo: oaiRepo{s: s, base: base}, Name: c.Name, BaseURL: base + "/oai",
		AdminEmail: c.AdminEmail, RepositoryID: c.RepositoryID, PageSize: oaiPageSize,
		Formats: []oai.Format{teiFormat(base)}}
	w.Header().Set("Content-Type", "text/xml; charset=utf-8")
	if err := p.Respond(r.Context(), args, w); err != nil {
		s.log.Error("oai", "err", err)
	}
}

// teiFormat offers each record as the TEI document /documents/{id}/tei serves.
func teiFormat(base string) oai.Format {
	return oai.Format{Prefix: "tei", Namespace: tei.Namespace,
		Schema: "https://www.tei-c.org/release/xml/tei/custom/schema/xsd/tei_all.xsd",
		Render: func(it oai.Item) ([]byte, error) {
			r, _ := it.Source.(record.Record)
			doc, err := tei.Document(r, base+"/documents/"+r.ID)
			return bytes.TrimSpace(bytes.TrimPrefix(doc, []byte(xml.Header))), err
		}}
}

// oaiRepo offers the store's records to harvesters. Sets are the two categories
// (primary, secondary) and each collection (collection.<id>).
type oaiRepo struct {
	s    *Server
	base string
}

func (o oaiRepo) Earliest(ctx context.Context) (time.Time, error) {
	items, _, err := o.s.store.Harvest(ctx, store.HarvestQuery{Limit: 1})
	if err != nil || len(items) == 0 {
		return time.Now().UTC().Truncate(time.Second), err
	}
	return items[0].Datestamp, nil
}

func (o oaiRepo) Sets(ctx context.Context) ([]oai.Set, error) {
	sets := []oai.Set{{Spec: record.Primary, Name: "Primary sources"}, {Spec: record.Secondary, Name: "Secondary sources"}}
	ids, err := o.s.store.HarvestSets(ctx)
	if err != nil {
		return nil, err
	}
	for _, id := range ids {
		if setSpec(id) {
			sets = append(sets, oai.Set{Spec: "collection." + id, Name: o.s.collectionTitle(ctx, id)})
		}
	}
	return sets, nil
}

// setSpec reports whether a collection id can stand in a setSpec (section 2.7.1).
func setSpec(id string) bool {
	return id != "" && strings.Trim(id, "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-_.!~*'()") == ""
}

func (o oaiRepo) Get(ctx context.Context, id string) (oai.Item, error) {
	items, _, err := o.s.store.Harvest(ctx, store.HarvestQuery{ID: id, Limit: 1})
	if err != nil {
		return oai.Item{}, err
	}
	if len(items) == 0 {
		return oai.Item{}, oai.ErrNotFound
	}
	return o.item(items[0]), nil
}

func (o oaiRepo) List(ctx context.Context, q oai.Query) ([]oai.Item, int, error) {
	hq := store.HarvestQuery{From: q.From, Until: q.Until, Limit: q.Limit, Count: q.Count,
		After: store.HarvestCursor{Datestamp: q.After.Datestamp, ID: q.After.ID}}
	switch {
	case q.Set == record.Primary, q.Set == record.Secondary:
		hq.Category = q.Set
	case strings.HasPrefix(q.Set, "collection."):
		hq.Collection = strings.TrimPrefix(q.Set, "collection.")
	}
	found, total, err := o.s.store.Harvest(ctx, hq)
	if err != nil {
		return nil, 0, err
	}
	items := make([]oai.Item, len(found))
	for i, h := range found {
		items[i] = o.item(h)
	}
	return items, total, nil
}

func (o oaiRepo) item(h store.Harvested) oai.Item {
	var sets []string
	if c := h.Record.Category; c == record.Primary || c == record.Secondary {
		sets = append(sets, c)
	}
	if c := h.Record.Collection; c != nil && setSpec(c.ID) {
		sets = append(sets, "collection."+c.ID)
	}
	if h.Deleted {
		return oai.Item{ID: h.Record.ID, Datestamp: h.Datestamp, Sets: sets, Deleted: true}
	}
	return oai.Item{ID: h.Record.ID, Datestamp: h.Datestamp, Sets: sets, Source: h.Record,
		Metadata: oai.FromRecord(h.Record, o.base+"/documents/"+h.Record.ID)}
}

// oaiPageSize is how many items a list response holds before a resumption
// token; a variable so that tests can page through a small archive.
var oaiPageSize = 100
