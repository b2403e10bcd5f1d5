package parley_test

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

// TestOpenDuration: the open time within a span, over nights, weekends,
// holidays and both daylight-saving changes of Europe/Berlin in 2026
// (29 March, 02:00 → 03:00; 25 October, 03:00 → 02:00).
func TestOpenDuration(t *testing.T) {
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
	office := berlinHours() // Mon–Fri 09:00–12:00 and 13:00–17:30, closed 2026-12-25
	night := parley.BusinessHours{TimeZone: "Europe/Berlin"}
	for d := range night.Weekly {
		night.Weekly[d] = []parley.HoursInterval{{Start: "00:00", End: "06:00"}}
	}
	for _, tc := range []struct {
		name     string
		hours    parley.BusinessHours
		from, to string
		want     time.Duration
	}{
		{"WithinAMorning", office, "2026-12-07 09:30", "2026-12-07 10:45", 75 * time.Minute},
		{"OverLunch", office, "2026-12-07 11:00", "2026-12-07 14:00", 2 * time.Hour},
		{"OverNight", office, "2026-12-07 17:00", "2026-12-08 09:10", 40 * time.Minute},
		{"OverAWeekend", office, "2026-12-11 17:00", "2026-12-14 10:00", 90 * time.Minute},
		{"AWholeWeek", office, "2026-12-07 00:00", "2026-12-14 00:00", 5*7*time.Hour + 5*30*time.Minute},
		{"OverAHoliday", office, "2026-12-24 17:00", "2026-12-28 09:30", 60 * time.Minute},
		{"AllClosed", office, "2026-12-12 08:00", "2026-12-13 20:00", 0},
		{"Backwards", office, "2026-12-07 12:00", "2026-12-07 10:00", 0},
		{"SpringForward", night, "2026-03-29 00:00", "2026-03-29 12:00", 5 * time.Hour},
		{"FallBack", night, "2026-10-25 00:00", "2026-10-25 12:00", 7 * time.Hour},
		{"OfficeOnSpringForwardMonday", office, "2026-03-27 17:00", "2026-03-30 10:00", 90 * time.Minute},
	} {
		t.Run(tc.name, func(t *testing.T) {
			if got := tc.hours.OpenDuration(at(tc.from), at(tc.to)); got != tc.want {
				t.Errorf("OpenDuration(%s, %s) = %v, want %v", tc.from, tc.to, got, tc.want)
			}
		})
	}
}
