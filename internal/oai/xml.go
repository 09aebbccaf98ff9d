package oai

import "encoding/xml"

// The response document (section 3.2). Element names are the protocol's.

type envelope struct {
	XSI, Schema  string
	ResponseDate string
	Request      requestElem
	Errors       []errorElem
	body         any // the verb's element
}

// MarshalXML writes the envelope with the verb's element after the request.
func (e envelope) MarshalXML(enc *xml.Encoder, start xml.StartElement) error {
	start.Name = xml.Name{Local: "OAI-PMH"}
	start.Attr = []xml.Attr{
		{Name: xml.Name{Local: "xmlns"}, Value: "http://www.openarchives.org/OAI/2.0/"},
		{Name: xml.Name{Local: "xmlns:xsi"}, Value: e.XSI},
		{Name: xml.Name{Local: "xsi:schemaLocation"}, Value: e.Schema},
	}
	if err := enc.EncodeToken(start); err != nil {
		return err
	}
	if err := enc.EncodeElement(e.ResponseDate, xml.StartElement{Name: xml.Name{Local: "responseDate"}}); err != nil {
		return err
	}
	if err := enc.EncodeElement(e.Request, xml.StartElement{Name: xml.Name{Local: "request"}}); err != nil {
		return err
	}
	for _, er := range e.Errors {
		if err := enc.EncodeElement(er, xml.StartElement{Name: xml.Name{Local: "error"}}); err != nil {
			return err
		}
	}
	if e.body != nil {
		if err := enc.Encode(e.body); err != nil {
			return err
		}
	}
	return enc.EncodeToken(start.End())
}

type requestElem struct {
	Verb  string     `xml:"verb,attr,omitempty"`
	Attrs []xml.Attr `xml:",any,attr"`
	URL   string     `xml:",chardata"`
}

type errorElem struct {
	Code    string `xml:"code,attr"`
	Message string `xml:",chardata"`
}

type identify struct {
	XMLName     xml.Name `xml:"Identify"`
	Name        string   `xml:"repositoryName"`
	BaseURL     string   `xml:"baseURL"`
	Protocol    string   `xml:"protocolVersion"`
	Admin       string   `xml:"adminEmail"`
	Earliest    string   `xml:"earliestDatestamp"`
	Deleted     string   `xml:"deletedRecord"`
	Granularity string   `xml:"granularity"`
}

type formats struct {
	XMLName xml.Name `xml:"ListMetadataFormats"`
	Formats []format `xml:"metadataFormat"`
}

type format struct {
	Prefix    string `xml:"metadataPrefix"`
	Schema    string `xml:"schema"`
	Namespace string `xml:"metadataNamespace"`
}

type setList struct {
	XMLName xml.Name  `xml:"ListSets"`
	Sets    []setElem `xml:"set"`
}

type setElem struct {
	Spec string `xml:"setSpec"`
	Name string `xml:"setName"`
}

type getRecord struct {
	XMLName xml.Name   `xml:"GetRecord"`
	Record  recordElem `xml:"record"`
}

type listIdentifiers struct {
	XMLName    xml.Name     `xml:"ListIdentifiers"`
	Headers    []headerElem `xml:"header"`
	Resumption *resumption  `xml:"resumptionToken"`
}

type listRecords struct {
	XMLName    xml.Name     `xml:"ListRecords"`
	Records    []recordElem `xml:"record"`
	Resumption *resumption  `xml:"resumptionToken"`
}

type resumption struct {
	Size   int    `xml:"completeListSize,attr"`
	Cursor int    `xml:"cursor,attr"`
	Token  string `xml:",chardata"`
}

type recordElem struct {
	Header   headerElem    `xml:"header"`
	Metadata *metadataElem `xml:"metadata"`
}

type headerElem struct {
	Status     string   `xml:"status,attr,omitempty"`
	Identifier string   `xml:"identifier"`
	Datestamp  string   `xml:"datestamp"`
	Sets       []string `xml:"setSpec"`
}

type metadataElem struct {
	DC  *dcElem `xml:"oai_dc:dc"`
	Raw []byte  `xml:",innerxml"`
}
