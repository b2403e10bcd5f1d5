package parley

import (
	"strconv"
	"time"
)

// BusinessHours are when a queue's team works, in one time zone: opening
// intervals per weekday and whole-day holidays. Times are wall-clock times
// of the zone, so a day of a daylight-saving change has the same opening
// hours as any other.
type BusinessHours struct {
	// TimeZone is an IANA name ("Europe/Berlin").
	TimeZone string `json:"time_zone"`
	// Weekly holds the opening intervals of each weekday, Sunday first
	// (time.Weekday order).
	Weekly [7][]HoursInterval `json:"weekly"`
	// Holidays are closed days, "YYYY-MM-DD" in the zone.
	Holidays []string `json:"holidays,omitempty"`
}

// HoursInterval is an opening interval of one day, "HH:MM" to "HH:MM"
// (End after Start; "24:00" ends at midnight).
type HoursInterval struct {
	Start string `json:"start"`
	End   string `json:"end"`
}

// MaxHolidays bounds BusinessHours.Holidays.
const MaxHolidays = 366

// minutes parses "HH:MM" (00:00 to 24:00) into minutes after midnight.
func minutes(s string) (int, bool) {
	if len(s) != 5 || s[2] != ':' {
		return 0, false
	}
	h, err1 := strconv.Atoi(s[:2])
	m, err2 := strconv.Atoi(s[3:])
	if err1 != nil || err2 != nil || h < 0 || m < 0 || m > 59 || h > 24 || (h == 24 && m != 0) {
		return 0, false
	}
	return h*60 + m, true
}

// Validate records problems with h under field.
func (h BusinessHours) Validate(v *Validation, field string) {
	if _, err := time.LoadLocation(h.TimeZone); err != nil || h.TimeZone == "" || h.TimeZone == "Local" {
		v.Add(field+".time_zone", "must be an IANA time zone such as Europe/Berlin")
	}
	for d, ivs := range h.Weekly {
		if len(ivs) > 10 {
			v.Add(field+".weekly["+strconv.Itoa(d)+"]", "must hold at most 10 intervals")
		}
		for i, iv := range ivs {
			s, ok1 := minutes(iv.Start)
			e, ok2 := minutes(iv.End)
			if !ok1 || !ok2 || e <= s {
				v.Add(field+".weekly["+strconv.Itoa(d)+"]["+strconv.Itoa(i)+"]", "must be HH:MM to a later HH:MM")
			}
		}
	}
	if len(h.Holidays) > MaxHolidays {
		v.Add(field+".holidays", "must hold at most %d days", MaxHolidays)
	}
	for i, d := range h.Holidays {
		if _, err := time.Parse(time.DateOnly, d); err != nil {
			v.Add(field+".holidays["+strconv.Itoa(i)+"]", "must be a date YYYY-MM-DD")
		}
	}
}

// location returns the zone, UTC if it cannot be loaded (Validate refuses
// such hours).
func (h BusinessHours) location() *time.Location {
	loc, err := time.LoadLocation(h.TimeZone)
	if err != nil {
		return time.UTC
	}
	return loc
}

// OpenAt reports whether t falls in an opening interval.
func (h BusinessHours) OpenAt(t time.Time) bool {
	local := t.In(h.location())
	if h.holiday(local) {
		return false
	}
	m := local.Hour()*60 + local.Minute()
	for _, iv := range h.Weekly[local.Weekday()] {
		s, _ := minutes(iv.Start)
		e, _ := minutes(iv.End)
		if m >= s && m < e {
			return true
		}
	}
	return false
}

func (h BusinessHours) holiday(local time.Time) bool {
	day := local.Format(time.DateOnly)
	for _, d := range h.Holidays {
		if d == day {
			return true
		}
	}
	return false
}

// NextOpen returns when the hours next open at or after t (t itself when
// open), looking up to 400 days ahead; false if they never open.
func (h BusinessHours) NextOpen(t time.Time) (time.Time, bool) {
	if h.OpenAt(t) {
		return t, true
	}
	loc := h.location()
	local := t.In(loc)
	for day := 0; day <= 400; day++ {
		d := time.Date(local.Year(), local.Month(), local.Day()+day, 0, 0, 0, 0, loc)
		if h.holiday(d) {
			continue
		}
		best := -1
		for _, iv := range h.Weekly[d.Weekday()] {
			s, _ := minutes(iv.Start)
			open := time.Date(d.Year(), d.Month(), d.Day(), s/60, s%60, 0, 0, loc)
			if open.Before(t) {
				continue
			}
			if best < 0 || s < best {
				best = s
			}
		}
		if best >= 0 {
			return time.Date(d.Year(), d.Month(), d.Day(), best/60, best%60, 0, 0, loc), true
		}
	}
	return time.Time{}, false
}
