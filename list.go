package parley

// DefaultListLimit and MaxListLimit bound every paginated list.
const (
	DefaultListLimit = 50
	MaxListLimit     = 200
)

// ListOptions selects one page of a list ordered by ID. After is the ID of
// the last item of the previous page ("" for the first page).
type ListOptions struct {
	After string
	Limit int // 0 means DefaultListLimit; values above MaxListLimit are clamped
}

// EffectiveLimit returns Limit clamped to [1, MaxListLimit], defaulting to
// DefaultListLimit.
func (o ListOptions) EffectiveLimit() int {
	switch {
	case o.Limit <= 0:
		return DefaultListLimit
	case o.Limit > MaxListLimit:
		return MaxListLimit
	}
	return o.Limit
}

// List is one page of results. Next is the ID to pass as ListOptions.After
// for the following page, or "" when this page is the last.
type List[T any] struct {
	Items []T
	Next  string
}
