package parley

import (
	"context"
	"strings"
	"unicode"
	"unicode/utf8"
)

// Search limits.
const (
	MaxSearchWords     = 10
	MaxSearchWordRunes = 64
	MaxSearchQuery     = 500 // bytes
	// MaxSearchOffset bounds how deep pages of search results go: results
	// are ranked, so the first pages are the useful ones. Message searches
	// end sooner, at SearchCandidates.
	MaxSearchOffset = 10000
	// MinPrefixRunes is how long the last word of a search must be to
	// match also as the start of a longer word: a shorter one must be
	// whole ("12" finds "12", not "120"). The SQLite index keeps prefixes
	// of this length, so that they cost no more than a word.
	MinPrefixRunes = 3
)

// SearchWords splits a search query into the words the index is asked
// for: runs of letters and digits, lower-cased. Every word must match;
// the last one, from MinPrefixRunes letters, also as the start of a
// longer word ("refu" finds "refund"; see LastIsPrefix). Returns EINVALID
// for a query with no word, more than MaxSearchWords words, a word longer
// than MaxSearchWordRunes, or text that is not valid (see ValidText).
func SearchWords(q string) ([]string, error) {
	v := Validation{}
	v.BoundedText("q", q, MaxSearchQuery)
	if err := v.Err(); err != nil {
		return nil, err
	}
	words := strings.FieldsFunc(strings.ToLower(q), isSeparator)
	switch {
	case len(words) == 0:
		v.Add("q", "must hold at least one word")
	case len(words) > MaxSearchWords:
		v.Add("q", "must hold at most %d words", MaxSearchWords)
	}
	for _, w := range words {
		if utf8.RuneCountInString(w) > MaxSearchWordRunes {
			v.Add("q", "words must be at most %d characters long", MaxSearchWordRunes)
			break
		}
	}
	if err := v.Err(); err != nil {
		return nil, err
	}
	return words, nil
}

// MessageSearch selects the messages a search finds.
type MessageSearch struct {
	Words []string // from SearchWords
	// IncludeNotes finds notes too (staff); visitors never see them.
	IncludeNotes bool
	// ContactID, InboxID and ConversationID, when set, keep only the
	// messages of that contact's conversations, of that inbox, of that
	// conversation (a visitor's search is confined by them).
	ContactID, InboxID, ConversationID string
	// After is the Next of the previous page ("" for the first); Limit as
	// in ListOptions.
	ListOptions
}

// SnippetPart is a piece of a search result's snippet: text, and whether
// it is a word the search matched (to be highlighted).
type SnippetPart struct {
	Text  string `json:"text"`
	Match bool   `json:"match,omitempty"`
}

// MessageHit is one message a search found, best first.
type MessageHit struct {
	Message *Message
	Snippet []SnippetPart
}

// ContactHit is one contact a search found, best first.
type ContactHit struct {
	Contact *Contact
}

// SearchStore searches the workspace's messages and contacts with the
// database's own full-text index (SQLite FTS5, PostgreSQL text search),
// kept in step with the rows in the same transaction. Results are ranked
// best first (messages among the SearchCandidates most recent matches,
// see RankSearch) and never cross workspaces; deleted messages and system
// lines (events) are never found.
type SearchStore interface {
	// SearchMessages returns the messages holding every word of q (the
	// last also as a prefix, see LastIsPrefix), text and attachments, and
	// notes when q.IncludeNotes: the SearchCandidates most recent such
	// messages (latest stored first) that q selects, ordered by
	// RankSearch. Returns EINVALID for no words or a bad cursor.
	SearchMessages(ctx context.Context, workspaceID string, q MessageSearch) (List[*MessageHit], error)
	// SearchContacts returns the contacts whose name, email, phone or
	// external ID hold every word (the last as a prefix). Returns EINVALID
	// for no words or a bad cursor.
	SearchContacts(ctx context.Context, workspaceID string, words []string, opt ListOptions) (List[*ContactHit], error)
}

// Snippet returns a short excerpt of text around its first match of
// words (as SearchWords split them; the last also as a prefix, see
// LastIsPrefix), the
// matching words marked. An excerpt cut from a longer text starts or ends
// with "…".
func Snippet(text string, words []string) []SnippetPart {
	const before, width = 6, 24 // words of context before the first match, words shown
	type span struct {
		start, end int
		match      bool
	}
	var spans []span // the words of text, by byte offset
	start := -1
	for i, r := range text + " " {
		inWord := i < len(text) && !isSeparator(r)
		switch {
		case inWord && start < 0:
			start = i
		case !inWord && start >= 0:
			spans = append(spans, span{start: start, end: i, match: matches(strings.ToLower(text[start:i]), words)})
			start = -1
		}
	}
	first := 0
	for i, s := range spans {
		if s.match {
			first = i
			break
		}
	}
	from := max(0, first-before)
	to := min(len(spans), from+width)
	if len(spans) == 0 {
		return []SnippetPart{{Text: text}}
	}
	lo, hi := spans[from].start, spans[to-1].end
	if from == 0 {
		lo = 0
	}
	if to == len(spans) {
		hi = len(text)
	}
	var parts []SnippetPart
	add := func(s string, match bool) {
		if s == "" {
			return
		}
		if n := len(parts); n > 0 && parts[n-1].Match == match {
			parts[n-1].Text += s
			return
		}
		parts = append(parts, SnippetPart{Text: s, Match: match})
	}
	if lo > 0 {
		add("…", false)
	}
	pos := lo
	for _, s := range spans[from:to] {
		if !s.match {
			continue
		}
		add(text[pos:s.start], false)
		add(text[s.start:s.end], true)
		pos = s.end
	}
	add(text[pos:hi], false)
	if hi < len(text) {
		add("…", false)
	}
	return parts
}

// LastIsPrefix reports whether the last of words (as SearchWords split
// them) also matches as the start of a longer word: when it has at least
// MinPrefixRunes letters or digits.
func LastIsPrefix(words []string) bool {
	return len(words) > 0 && utf8.RuneCountInString(words[len(words)-1]) >= MinPrefixRunes
}

// isSeparator reports whether r separates the words of a search or a
// text: anything but a letter or a digit.
func isSeparator(r rune) bool { return !unicode.IsLetter(r) && !unicode.IsDigit(r) }

// matches reports whether word is one of words, or starts with the last
// (see LastIsPrefix).
func matches(word string, words []string) bool {
	prefix := LastIsPrefix(words)
	for i := range words {
		if matchesAt(word, words, i, prefix) {
			return true
		}
	}
	return false
}

// matchesAt reports whether word matches words[i]: is it, or, when i is
// the last and prefix (LastIsPrefix) holds, starts with it.
func matchesAt(word string, words []string, i int, prefix bool) bool {
	return word == words[i] || (prefix && i == len(words)-1 && strings.HasPrefix(word, words[i]))
}
