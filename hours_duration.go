package parley

import "time"

// OpenDuration returns how much of [from, to) falls within the opening
// intervals (holidays closed). Each day's intervals are read as wall-clock
// times of the zone, so a day of a daylight-saving change counts what the
// clock on the wall shows: an interval across the change is an hour
// shorter or longer. The intervals of a day should not overlap.
func (h BusinessHours) OpenDuration(from, to time.Time) time.Duration {
	if !to.After(from) {
		return 0
	}
	loc := h.location()
	start := from.In(loc)
	var open time.Duration
	for d := time.Date(start.Year(), start.Month(), start.Day(), 0, 0, 0, 0, loc); d.Before(to); d = time.Date(d.Year(), d.Month(), d.Day()+1, 0, 0, 0, 0, loc) {
		if h.holiday(d) {
			continue
		}
		for _, iv := range h.Weekly[d.Weekday()] {
			s, _ := minutes(iv.Start)
			e, _ := minutes(iv.End)
			lo := time.Date(d.Year(), d.Month(), d.Day(), s/60, s%60, 0, 0, loc)
			hi := time.Date(d.Year(), d.Month(), d.Day(), e/60, e%60, 0, 0, loc)
			if lo.Before(from) {
				lo = from
			}
			if hi.After(to) {
				hi = to
			}
			if hi.After(lo) {
				open += hi.Sub(lo)
			}
		}
	}
	return open
}
