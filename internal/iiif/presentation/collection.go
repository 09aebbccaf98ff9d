package presentation

import "fmt"

// Ref is a member of a Collection: a Manifest, or a Collection within it.
type Ref struct {
	ID    string
	Type  string // "Manifest" or "Collection"
	Label string
}

// CollectionSpec is what a Collection says.
type CollectionSpec struct {
	Description
	Items []Ref
}

// NewCollection builds a Collection listing its members by reference, so a
// viewer fetches a manifest only when it is opened.
func NewCollection(spec CollectionSpec) (*Collection, error) {
	d, err := spec.build("Collection")
	if err != nil {
		return nil, err
	}
	c := &Collection{Descriptive: d, Items: []Resource{}}
	for _, r := range spec.Items {
		if err := checkURI("collection item", r.ID); err != nil {
			return nil, err
		}
		if r.Type != "Manifest" && r.Type != "Collection" {
			return nil, fmt.Errorf("iiif: collection item %s: type %q, want Manifest or Collection", r.ID, r.Type)
		}
		if r.Label == "" {
			return nil, fmt.Errorf("iiif: collection item %s needs a label", r.ID)
		}
		c.Items = append(c.Items, Resource{ID: r.ID, Type: r.Type, Label: Text(spec.Language, r.Label)})
	}
	return c, nil
}
