package tei

import "encoding/xml"

// writer emits elements in order; the first error sticks and flush reports it.
type writer struct {
	enc   *xml.Encoder
	stack []xml.Name
	err   error
}

func (w *writer) token(t xml.Token) {
	if w.err == nil {
		w.err = w.enc.EncodeToken(t)
	}
}

// open starts an element; attrs are name, value pairs.
func (w *writer) open(name string, attrs ...string) {
	start := xml.StartElement{Name: xml.Name{Local: name}}
	for i := 0; i+1 < len(attrs); i += 2 {
		start.Attr = append(start.Attr, xml.Attr{Name: xml.Name{Local: attrs[i]}, Value: attrs[i+1]})
	}
	w.token(start)
	w.stack = append(w.stack, start.Name)
}

func (w *writer) close() {
	n := w.stack[len(w.stack)-1]
	w.stack = w.stack[:len(w.stack)-1]
	w.token(xml.EndElement{Name: n})
}

// leaf is an element holding only text.
func (w *writer) leaf(name, text string, attrs ...string) {
	w.open(name, attrs...)
	if text != "" {
		w.token(xml.CharData(text))
	}
	w.close()
}

func (w *writer) flush() error {
	if w.err == nil {
		w.err = w.enc.Flush()
	}
	return w.err
}
