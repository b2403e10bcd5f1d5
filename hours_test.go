package parley_test

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func berlinHours() parley.BusinessHours {
	nine := []parley.HoursInterval{{Start: "09:00", End: "12:00"}, {Start: "13:00", End: "17:30"}}
	h := parley.BusinessHours{TimeZone: "Europe/Berlin", Holidays: []string{"2026-12-25"}}
	for d := time.Monday; d <= time.Friday; d++ {
		h.Weekly[d] = nine
	}
	return h
}

func TestBusinessHours(t *testing.T) {
	h := berlinHours()
	berlin, err := time.LoadLocation("Europe/Berlin")
	if err != nil {
		t.Skip("no time zone database:", err)
	}
	at := func(s string) time.Time {
		t.Helper()
		v, err := time.ParseInLocation("2006-01-02 15:04", s, berlin)
		if err != nil {
			t.Fatal(err)
		}
		return v
	}
	for _, c := range []struct {
		when string
		open bool
		next string
	}{
		{"2026-12-07 08:59", false, "2026-12-07 09:00"}, // Monday
		{"2026-12-07 09:00", true, "2026-12-07 09:00"},
		{"2026-12-07 12:30", false, "2026-12-07 13:00"}, // lunch
		{"2026-12-07 17:30", false, "2026-12-08 09:00"},
		{"2026-12-11 18:00", false, "2026-12-14 09:00"}, // Friday evening → Monday
		{"2026-12-24 17:00", true, "2026-12-24 17:00"},
		{"2026-12-24 18:00", false, "2026-12-28 09:00"}, // Christmas (a holiday), a weekend
		// Daylight saving: the clocks go forward on 29 March 2026 and back
		// on 25 October 2026; opening hours stay at 09:00 local time.
		{"2026-03-27 18:00", false, "2026-03-30 09:00"},
		{"2026-03-30 09:00", true, "2026-03-30 09:00"},
		{"2026-10-23 18:00", false, "2026-10-26 09:00"},
	} {
		when := at(c.when)
		if got := h.OpenAt(when); got != c.open {
			t.Errorf("%s: open = %v, want %v", c.when, got, c.open)
		}
		next, ok := h.NextOpen(when)
		if !ok || !next.Equal(at(c.next)) {
			t.Errorf("%s: next open = %v, want %s", c.when, next, c.next)
		}
	}
	// The same instant seen from UTC: 08:30 UTC on 30 March is 10:30 in
	// Berlin (summer time), 09:30 on 27 March (winter time).
	if !h.OpenAt(time.Date(2026, 3, 30, 8, 30, 0, 0, time.UTC)) || !h.OpenAt(time.Date(2026, 3, 27, 8, 30, 0, 0, time.UTC)) {
		t.Error("open across the change, seen from UTC")
	}
	if !h.OpenAt(time.Date(2026, 3, 30, 7, 30, 0, 0, time.UTC)) {
		t.Error("07:30 UTC on 30 March (09:30 CEST) should be open")
	}
	if h.OpenAt(time.Date(2026, 3, 27, 7, 30, 0, 0, time.UTC)) { // 08:30 CET: closed
		t.Error("07:30 UTC on 27 March (08:30 CET) should be closed")
	}
	never := parley.BusinessHours{TimeZone: "UTC"}
	if _, ok := never.NextOpen(time.Now()); ok {
		t.Error("hours without intervals open")
	}
}

func TestBusinessHoursValidate(t *testing.T) {
	for _, h := range []parley.BusinessHours{
		{TimeZone: ""}, {TimeZone: "Mars/Olympus"}, {TimeZone: "Local"},
		{TimeZone: "UTC", Weekly: [7][]parley.HoursInterval{{{Start: "10:00", End: "09:00"}}}},
		{TimeZone: "UTC", Weekly: [7][]parley.HoursInterval{{{Start: "9:00", End: "10:00"}}}},
		{TimeZone: "UTC", Weekly: [7][]parley.HoursInterval{{{Start: "09:00", End: "24:30"}}}},
		{TimeZone: "UTC", Holidays: []string{"2026-13-01"}},
	} {
		var v parley.Validation
		h.Validate(&v, "hours")
		if v.Err() == nil {
			t.Errorf("%+v: valid", h)
		}
	}
	var v parley.Validation
	berlinHours().Validate(&v, "hours")
	if err := v.Err(); err != nil {
		t.Error(err)
	}
}
