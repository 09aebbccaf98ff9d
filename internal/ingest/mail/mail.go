// Package mail reads mailing-list posts: pipermail archive pages saved as text
// (subject, "Name address at domain", date line) and RFC 5322 messages or mbox
// files. A post is a secondary record; an article it forwards and the documents
// that article quotes become records of their own, nested through Contains.
package mail

import (
	"bytes"
	"fmt"
	"io"
	"mime"
	"net/mail"
	"regexp"
	"strings"
	"time"

	"fond/internal/extract"
	"fond/internal/ingest/article"
	"fond/internal/record"
)

var (
	pipermailDate = regexp.MustCompile(`^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun) (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) +\d{1,2} \d\d:\d\d:\d\d(?: [A-Z]{2,5})? \d{4}$`)
	pipermailFrom = regexp.MustCompile(`^(.+?)\s+(\S+ at \S+)$`)
	listTrailer   = regexp.MustCompile(`(?i)^more information about the (\S+) mailing list$`)
	headerLine    = regexp.MustCompile(`^[A-Za-z][A-Za-z0-9-]*:\s`)
)

// Detect reports whether text is a mail message or a pipermail capture.
func Detect(text string) bool {
	if strings.HasPrefix(text, "From ") && strings.Contains(firstLines(text, 20), "\nSubject:") {
		return true
	}
	head := firstLines(text, 12)
	if strings.Contains(head, "\nSubject:") || strings.HasPrefix(head, "Subject:") {
		if strings.Contains(head, "From:") && strings.Contains(head, "Date:") {
			return true
		}
	}
	lines := extract.Blocks(head)
	for i, l := range lines {
		if i > 5 {
			break
		}
		if pipermailDate.MatchString(l) && i > 0 && pipermailFrom.MatchString(lines[i-1]) {
			return true
		}
	}
	return false
}

func firstLines(s string, n int) string {
	lines := strings.SplitN(s, "\n", n+1)
	if len(lines) > n {
		lines = lines[:n]
	}
	return strings.Join(lines, "\n")
}

// Extract reads every message in text. Records are returned in document order;
// Keys are positions ("0", "0.1", …) that the caller turns into ids.
func Extract(text string) ([]record.Record, error) {
	text = strings.ReplaceAll(text, "\r\n", "\n")
	if blocks := extract.Blocks(firstLines(text, 12)); len(blocks) > 2 && !headerLine.MatchString(blocks[0]) && !strings.HasPrefix(text, "From ") {
		return fromPipermail(text)
	}
	var out []record.Record
	for i, msg := range splitMbox(text) {
		recs, err := fromRFC5322(msg)
		if err != nil {
			return nil, fmt.Errorf("message %d: %w", i+1, err)
		}
		out = append(out, rekey(recs, fmt.Sprint(i))...)
	}
	if len(out) == 0 {
		return nil, fmt.Errorf("no messages found")
	}
	return out, nil
}

func splitMbox(text string) []string {
	if !strings.HasPrefix(text, "From ") {
		return []string{text}
	}
	var msgs []string
	for _, part := range regexp.MustCompile(`(?m)^From \S+.*\n`).Split(text, -1) {
		if strings.TrimSpace(part) != "" {
			msgs = append(msgs, part)
		}
	}
	return msgs
}

func fromPipermail(text string) ([]record.Record, error) {
	blocks := extract.Blocks(text)
	post := record.Record{Type: "Mailing list post", Category: record.Secondary, Format: "pipermail"}
	i := 0
	post.Title = blocks[0]
	for i = 1; i < len(blocks) && i < 6; i++ {
		if m := pipermailFrom.FindStringSubmatch(blocks[i]); m != nil && i+1 < len(blocks) && pipermailDate.MatchString(blocks[i+1]) {
			post.Authors = []string{strings.TrimSpace(m[1])}
			post.Date = mailDate(blocks[i+1])
			i += 2
			break
		}
	}
	var body []string
	for _, b := range blocks[i:] {
		if m := listTrailer.FindStringSubmatch(b); m != nil {
			post.Publisher = m[1] + " mailing list"
			continue
		}
		body = append(body, b)
	}
	return split(post, body), nil
}

func fromRFC5322(msg string) ([]record.Record, error) {
	m, err := mail.ReadMessage(strings.NewReader(msg))
	if err != nil {
		return nil, fmt.Errorf("read headers: %w", err)
	}
	dec := new(mime.WordDecoder)
	subject, _ := dec.DecodeHeader(m.Header.Get("Subject"))
	post := record.Record{Type: "Mailing list post", Category: record.Secondary, Format: "email", Title: subject}
	if addrs, err := m.Header.AddressList("From"); err == nil && len(addrs) > 0 {
		name := addrs[0].Name
		if name == "" {
			name = addrs[0].Address
		}
		post.Authors = []string{name}
	}
	if t, err := m.Header.Date(); err == nil {
		post.Date = dayDate(t)
	}
	if list := m.Header.Get("List-Id"); list != "" {
		post.Publisher = strings.Trim(strings.SplitN(list, "<", 2)[0], " \"")
	}
	post.RecordID = strings.Trim(m.Header.Get("Message-Id"), "<> ")
	var buf bytes.Buffer
	if _, err := io.Copy(&buf, io.LimitReader(m.Body, 64<<20)); err != nil {
		return nil, fmt.Errorf("read body: %w", err)
	}
	return split(post, extract.Blocks(buf.String())), nil
}

func mailDate(s string) record.Date {
	for _, layout := range []string{"Mon Jan _2 15:04:05 MST 2006", "Mon Jan _2 15:04:05 2006"} {
		if t, err := time.Parse(layout, s); err == nil {
			return dayDate(t)
		}
	}
	return record.Date{Display: s}
}

// dayDate keeps the day as the sender's clock gave it: converting a Pacific
// evening to UTC would move the post to the next day.
func dayDate(t time.Time) record.Date {
	d := t.Format("2006-01-02")
	return record.Date{EDTF: d, Display: t.Format("January 2, 2006"), Earliest: d, Latest: d, Qualifier: record.Exact}
}

// split divides a post's blocks into its own text, the forwarder's bracketed
// remarks, and a forwarded article (a heading followed by a "by Name" line), whose
// quoted documents the article package splits off in turn.
func split(post record.Record, blocks []string) []record.Record {
	articleAt := -1
	for i := 0; i+1 < len(blocks); i++ {
		if extract.LooksLikeHeading(blocks[i]) && byLine.MatchString(blocks[i+1]) {
			articleAt = i
			break
		}
	}
	own := blocks
	if articleAt >= 0 {
		own = blocks[:articleAt]
	}
	var body []string
	for i, b := range own {
		if inner, ok := extract.Bracketed(b); ok && i < 3 {
			post.Notes = append(post.Notes, record.Note{Kind: record.NoteForwarder, Text: inner})
			continue
		}
		body = append(body, b)
	}
	post.Body = strings.Join(body, "\n\n")
	post.Languages.Text = extract.Language(post.Body)
	post.Key = "0"
	out := []record.Record{post}
	if articleAt < 0 {
		return out
	}
	art := record.Record{Category: record.Secondary, Type: "Article", Format: "forwarded-article", Title: blocks[articleAt]}
	art.Authors = extract.NameList(byLine.FindStringSubmatch(blocks[articleAt+1])[1])
	nested := article.Split(art, blocks[articleAt+2:])
	nested = rekey(nested, "1")
	nested[0].Parent = "0"
	out[0].Contains = []string{nested[0].Key}
	return append(out, nested...)
}

var byLine = regexp.MustCompile(`^(?i:by)\s+([\p{Lu}][\p{L}.'’ -]{2,80})$`)

// rekey prefixes the positional Keys of nested records so that keys stay unique
// within one file: the article package numbers from its own start.
func rekey(recs []record.Record, prefix string) []record.Record {
	mapKey := func(k string) string {
		if k == "" || k == "0" {
			return prefix
		}
		return prefix + "." + k
	}
	for i := range recs {
		recs[i].Key = mapKey(recs[i].Key)
		if recs[i].Parent != "" {
			recs[i].Parent = mapKey(recs[i].Parent)
		}
		for j, c := range recs[i].Contains {
			recs[i].Contains[j] = mapKey(c)
		}
	}
	return recs
}
