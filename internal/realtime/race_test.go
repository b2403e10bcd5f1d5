//go:build race

package realtime_test

// raceEnabled: the race detector is on (sync.Pool then drops items at
// random, so allocation counts are not guarded).
const raceEnabled = true
