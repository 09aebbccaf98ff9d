package oai

import "encoding/xml"

// DC is a record in simple Dublin Core, the format every OAI-PMH repository
// must offer (oai_dc). Each field may repeat.
type DC struct {
	Title, Creator, Subject, Description, Publisher, Contributor, Date, Type,
	Format, Identifier, Source, Language, Relation, Coverage, Rights []string
}

type dcElem struct {
	OAIDC  string    `xml:"xmlns:oai_dc,attr"`
	DC     string    `xml:"xmlns:dc,attr"`
	XSI    string    `xml:"xmlns:xsi,attr"`
	Schema string    `xml:"xsi:schemaLocation,attr"`
	Fields []dcField `xml:",any"`
}

type dcField struct {
	XMLName xml.Name
	Value   string `xml:",chardata"`
}

func (d DC) elem() dcElem {
	e := dcElem{
		OAIDC: "http://www.openarchives.org/OAI/2.0/oai_dc/", DC: "http://purl.org/dc/elements/1.1/",
		XSI: "http://www.w3.org/2001/XMLSchema-instance", Schema: "http://www.openarchives.org/OAI/2.0/oai_dc/ http://www.openarchives.org/OAI/2.0/oai_dc.xsd",
	}
	// The order of the oai_dc schema's sequence.
	for _, f := range []struct {
		name   string
		values []string
	}{
		{"title", d.Title}, {"creator", d.Creator}, {"subject", d.Subject}, {"description", d.Description},
		{"publisher", d.Publisher}, {"contributor", d.Contributor}, {"date", d.Date}, {"type", d.Type},
		{"format", d.Format}, {"identifier", d.Identifier}, {"source", d.Source}, {"language", d.Language},
		{"relation", d.Relation}, {"coverage", d.Coverage}, {"rights", d.Rights},
	} {
		for _, v := range f.values {
			if v != "" {
				e.Fields = append(e.Fields, dcField{XMLName: xml.Name{Local: "dc:" + f.name}, Value: v})
			}
		}
	}
	return e
}
