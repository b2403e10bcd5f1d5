package parley

import (
	"cmp"
	"slices"
	"strings"
)

// SearchCandidates is how many matching messages a message search ranks:
// the most recent ones (the latest stored first). A search with more
// matches than this ranks only its SearchCandidates most recent, so its
// cost does not grow with the number of matches, and it pages through
// those only.
const SearchCandidates = 1000

// BM25's usual constants: how fast repeating a word stops adding to a
// text's score, and how much a long text is penalised.
const (
	rankK1 = 1.2
	rankB  = 0.75
)

// RankSearch returns the order in which a search ranks texts (the bodies
// of its candidates, newest first) that each hold every one of words (as
// SearchWords split them; the last also as a prefix, see LastIsPrefix):
// the indexes of texts, best first. The score is BM25's without its rarity weighting
// (every candidate holds every word): each word adds more the more often
// it occurs, with diminishing returns, in a text short compared with the
// candidates' average length. Equal scores keep the texts' order, so the
// newer ranks first.
func RankSearch(texts []string, words []string) []int {
	type scored struct {
		i     int
		score float64
	}
	counts := make([][]int, len(texts))
	lengths := make([]int, len(texts))
	total := 0
	for i, t := range texts {
		counts[i], lengths[i] = wordCounts(t, words)
		total += lengths[i]
	}
	avg := max(1, float64(total)/float64(max(1, len(texts))))
	ranked := make([]scored, len(texts))
	for i := range texts {
		norm := rankK1 * (1 - rankB + rankB*float64(lengths[i])/avg)
		s := 0.0
		for _, n := range counts[i] {
			// The index found every word in every candidate, even where
			// this count misses it (on SQLite, "cafe" finds "café").
			f := float64(max(1, n))
			s += f * (rankK1 + 1) / (f + norm)
		}
		ranked[i] = scored{i, s}
	}
	slices.SortStableFunc(ranked, func(a, b scored) int { return cmp.Compare(b.score, a.score) })
	order := make([]int, len(ranked))
	for k, r := range ranked {
		order[k] = r.i
	}
	return order
}

// wordCounts returns how many of text's words are each of words (the last
// also as a prefix, see LastIsPrefix), and how many words text holds,
// words being runs of letters and digits as SearchWords splits them.
func wordCounts(text string, words []string) ([]int, int) {
	counts := make([]int, len(words))
	prefix := LastIsPrefix(words)
	n := 0
	for w := range strings.FieldsFuncSeq(text, isSeparator) {
		n++
		w = strings.ToLower(w)
		for i := range words {
			if matchesAt(w, words, i, prefix) {
				counts[i]++
			}
		}
	}
	return counts, n
}
