package parley

import (
	"context"
	"math"
	"slices"
	"time"
)

// ReportFact is what a report needs of one conversation.
type ReportFact struct {
	ConversationID string
	InboxID        string
	QueueID        string
	TeamID         string // the queue's team; "" when it has none
	AssigneeID     string // "" when nobody holds it
	Labels         []string
	CreatedAt      time.Time
	// FirstVisitorAt is the visitor's first message; zero if none.
	FirstVisitorAt time.Time
	// FirstReplyAt is the first message an agent or bot wrote (text or
	// file, never a note) after FirstVisitorAt; zero if none.
	FirstReplyAt time.Time
	ResolvedAt   time.Time // zero unless resolved
	Score        int       // the CSAT rating, 0 if not rated
}

// Abandoned reports whether the conversation is resolved after the
// visitor wrote, without any reply.
func (f ReportFact) Abandoned() bool {
	return !f.ResolvedAt.IsZero() && !f.FirstVisitorAt.IsZero() && f.FirstReplyAt.IsZero()
}

// ReportGroups are the ways a report splits its numbers: by who or what
// the conversations belong to, or by the day or hour they started in the
// report's time zone.
var ReportGroups = []string{"workspace", "agent", "inbox", "queue", "team", "label", "day", "hour"}

// MaxReportRange bounds a report's date range.
const MaxReportRange = 366 * 24 * time.Hour

// Durations summarises a set of durations, in seconds.
type Durations struct {
	Count  int     `json:"count"`
	Median float64 `json:"median_seconds"`
	P90    float64 `json:"p90_seconds"`
}

// ReportRow is the numbers of one group over the report's range.
type ReportRow struct {
	// Key is the agent, inbox or label ID ("" for the workspace, or for
	// conversations nobody held when grouped by agent).
	Key string `json:"key"`
	// Conversations started in the range (by creation), and how many of
	// them are resolved.
	Conversations int `json:"conversations"`
	Resolved      int `json:"resolved"`
	// Abandoned: resolved ones in which the visitor wrote and nobody
	// replied (no agent or bot message after the visitor's first): the
	// visitor left before an answer, whoever or whatever resolved it.
	Abandoned int `json:"abandoned"`
	// FirstResponse: from the visitor's first message to the first reply
	// of an agent or bot, over the conversations that got one.
	FirstResponse Durations `json:"first_response"`
	// Resolution: from creation to resolution, over the resolved ones.
	Resolution Durations `json:"resolution"`
	// CSAT: ratings, their average score (0 without any), and the share
	// of resolved conversations rated.
	Ratings      int     `json:"csat_responses"`
	CSATAverage  float64 `json:"csat_average"`
	ResponseRate float64 `json:"csat_response_rate"`
}

// ReportOptions say how BuildReport splits and measures.
type ReportOptions struct {
	// Group is one of ReportGroups; "" is "workspace".
	Group string
	// Location is the time zone of the day and hour buckets; nil is UTC.
	Location *time.Location
	// Hours, when not nil, makes first response and resolution times
	// count only the time within the business hours of each
	// conversation's queue (BusinessHours.OpenDuration); a queue missing
	// from the map is always open.
	Hours map[string]BusinessHours
}

// BuildReport computes the rows of facts split by opts.Group, ordered by
// key. A conversation with several labels counts under each; one without
// counts under none when grouped by label. By day or hour, the key is the
// local date (2006-01-02) or hour (2006-01-02T15) of its creation in
// opts.Location, and only the buckets with conversations have rows.
func BuildReport(facts []ReportFact, opts ReportOptions) []ReportRow {
	group, loc := opts.Group, opts.Location
	if loc == nil {
		loc = time.UTC
	}
	span := func(f ReportFact, from, to time.Time) float64 {
		if h, ok := opts.Hours[f.QueueID]; ok {
			return h.OpenDuration(from, to).Seconds()
		}
		return to.Sub(from).Seconds()
	}
	type acc struct {
		row            ReportRow
		first, resolve []float64
		scores         int
	}
	groups := map[string]*acc{}
	add := func(key string, f ReportFact) {
		a := groups[key]
		if a == nil {
			a = &acc{row: ReportRow{Key: key}}
			groups[key] = a
		}
		a.row.Conversations++
		if !f.ResolvedAt.IsZero() {
			a.row.Resolved++
			a.resolve = append(a.resolve, span(f, f.CreatedAt, f.ResolvedAt))
			if f.Abandoned() {
				a.row.Abandoned++
			}
		}
		if !f.FirstReplyAt.IsZero() && !f.FirstVisitorAt.IsZero() {
			a.first = append(a.first, span(f, f.FirstVisitorAt, f.FirstReplyAt))
		}
		if f.Score > 0 {
			a.row.Ratings++
			a.scores += f.Score
		}
	}
	for _, f := range facts {
		switch group {
		case "agent":
			add(f.AssigneeID, f)
		case "inbox":
			add(f.InboxID, f)
		case "queue":
			add(f.QueueID, f)
		case "team":
			add(f.TeamID, f)
		case "day":
			add(f.CreatedAt.In(loc).Format(time.DateOnly), f)
		case "hour":
			add(f.CreatedAt.In(loc).Format("2006-01-02T15"), f)
		case "label":
			for _, l := range f.Labels {
				add(l, f)
			}
		default:
			add("", f)
		}
	}
	if group == "workspace" || group == "" {
		if _, ok := groups[""]; !ok {
			groups[""] = &acc{}
		}
	}
	rows := make([]ReportRow, 0, len(groups))
	for _, a := range groups {
		a.row.FirstResponse = summarise(a.first)
		a.row.Resolution = summarise(a.resolve)
		if a.row.Ratings > 0 {
			a.row.CSATAverage = round2(float64(a.scores) / float64(a.row.Ratings))
		}
		if a.row.Resolved > 0 {
			a.row.ResponseRate = round2(float64(a.row.Ratings) / float64(a.row.Resolved))
		}
		rows = append(rows, a.row)
	}
	slices.SortFunc(rows, func(x, y ReportRow) int {
		switch {
		case x.Key < y.Key:
			return -1
		case x.Key > y.Key:
			return 1
		}
		return 0
	})
	return rows
}

// summarise returns the count, median and 90th percentile (nearest rank)
// of xs.
func summarise(xs []float64) Durations {
	if len(xs) == 0 {
		return Durations{}
	}
	slices.Sort(xs)
	return Durations{Count: len(xs), Median: round2(percentile(xs, 50)), P90: round2(percentile(xs, 90))}
}

// percentile is the nearest-rank percentile p of sorted xs.
func percentile(sorted []float64, p float64) float64 {
	rank := int(math.Ceil(p / 100 * float64(len(sorted))))
	return sorted[max(rank, 1)-1]
}

func round2(x float64) float64 { return math.Round(x*100) / 100 }

// ReportStore reads what reports are made of.
type ReportStore interface {
	// ReportFacts returns the facts of the workspace's conversations
	// created in [from, to), ordered by creation.
	ReportFacts(ctx context.Context, workspaceID string, from, to time.Time) ([]ReportFact, error)
}
