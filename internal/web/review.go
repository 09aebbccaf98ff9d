package web

import (
	"net/http"
	"net/url"
	"slices"
	"strings"

	"fond/internal/review"
	"fond/internal/store"
)

// Review queue pages: a page size that a cataloguer can scan, and the most a
// script may ask for at once.
const (
	reviewPage     = 50
	reviewMaxLimit = 200
	// queueAll names the whole queue in a document's ?queue=, beside the reasons.
	queueAll = "all"
)

// reasonText says what each reason asks of a person, on the queue's pages.
var reasonText = map[string]string{
	review.SourceChanged:     "the source now reads otherwise than a value a person set: keep theirs or take the source's",
	review.PossibleDuplicate: "its text is nearly identical to another record's (listed with its editions): the same document stored twice, or another release of it",
	review.NoTitle:           "no title was found: give one",
	review.NoDate:            "no date was found: give one, or say it is undated",
	review.DateInferred:      "the date was inferred or is approximate, with no note saying why",
	review.OCRLow:            "the text was recognized from a scan with low confidence: check it against the original",
	review.FieldUnsure:       "a field was read from the page's layout without confidence: confirm or correct it",
	review.Draft:             "waiting to be published",
}

// parseQueue reads a queue name: "" (none), "all", or a reason.
func parseQueue(v url.Values, name string) (string, *paramError) {
	q := v.Get(name)
	if q == "" || q == queueAll || slices.Contains(review.All, q) {
		return q, nil
	}
	return "", &paramError{name, "param.reason", []any{queueAll, strings.Join(review.All, ", "), quoteParam(q)}}
}

// parseReview reads the queue's parameters: reason (absent or all: every
// reason), after (the id the previous page ended at) and limit.
func parseReview(v url.Values, def int) (store.ReviewQuery, *paramError) {
	reason, perr := parseQueue(v, "reason")
	if perr != nil {
		return store.ReviewQuery{}, perr
	}
	if reason == queueAll {
		reason = ""
	}
	after := v.Get("after")
	if len(after) > 64 || strings.ContainsFunc(after, func(r rune) bool { return r < ' ' || r == 0x7f }) {
		return store.ReviewQuery{}, &paramError{"after", "param.after", nil}
	}
	limit, perr := wholeNumber(v, "limit", def, reviewMaxLimit)
	if perr != nil {
		return store.ReviewQuery{}, perr
	}
	return store.ReviewQuery{Reason: reason, After: after, Limit: limit}, nil
}

func quoteParam(s string) string { return "“" + truncate(s, 40) + "”" }

// reviewPageOf reads one page of the queue, and the id the next begins after
// ("" on the last page).
func (s *Server) reviewPageOf(r *http.Request, q store.ReviewQuery) ([]store.ReviewItem, map[string]int, string, error) {
	ask := q
	ask.Limit = q.Limit + 1 // one more says whether there is a next page
	items, counts, err := s.raw.Review(r.Context(), ask)
	if err != nil {
		return nil, nil, "", err
	}
	next := ""
	if len(items) > q.Limit {
		items = items[:q.Limit]
		next = items[len(items)-1].ID
	}
	return items, counts, next, nil
}

// reasonCount is one filter of the queue page.
type reasonCount struct {
	Reason, About string
	Count         int
	Current       bool
}

// handleReview is the review queue for staff: records that need a person,
// with their reasons, filtered by reason, paged by id. Each record is opened
// with ?queue= so its page leads on to the next.
func (s *Server) handleReview(w http.ResponseWriter, r *http.Request) {
	q, perr := parseReview(r.URL.Query(), reviewPage)
	if perr != nil {
		s.badRequest(w, perr)
		return
	}
	items, counts, next, err := s.reviewPageOf(r, q)
	if err != nil {
		s.serverError(w, err)
		return
	}
	queue := q.Reason
	if queue == "" {
		queue = queueAll
	}
	filters := make([]reasonCount, 0, len(review.All))
	for _, reason := range review.All {
		filters = append(filters, reasonCount{Reason: reason, About: reasonText[reason], Count: counts[reason], Current: reason == q.Reason})
	}
	self := "/review?reason=" + url.QueryEscape(queue)
	if q.After != "" {
		self += "&after=" + url.QueryEscape(q.After)
	}
	nextURL := ""
	if next != "" {
		nextURL = "/review?reason=" + url.QueryEscape(queue) + "&after=" + url.QueryEscape(next)
	}
	s.render(w, http.StatusOK, "review", map[string]any{"Title": printer(w).T("review.h1"), "Items": items, "Filters": filters,
		"Reason": q.Reason, "Queue": queue, "Next": nextURL, "Self": self, "Paged": q.After != "", "About": reasonText})
}
