package main

import (
	"context"
	"encoding/json"
	"strings"
	"testing"
)

// parley bench-flood runs its quiet and flood phases against a real
// server: the flooder is refused and closed, the other clients' messages
// all arrive, and the report says so.
func TestBenchFlood(t *testing.T) {
	// A burst of 5 (the others send 3 messages and 4 pings a second, each
	// visitor within the rate of 5): the flooder is refused after 5
	// stored messages, however slowly a loaded machine stores them.
	stdout, stderr := runAgainstServer(t, map[string]string{"PARLEY_WS_VISITOR_BURST": "5"},
		"bench-flood", "--visitors", "3", "--rate", "9", "--flood-rate", "2000", "--duration", "2s", "--settle", "0s", "--json")
	var rep floodReport
	if err := json.Unmarshal([]byte(stdout.String()), &rep); err != nil {
		t.Fatalf("the report is not JSON: %v\n%s", err, stdout)
	}
	for name, p := range map[string]*floodPhase{"quiet": rep.Quiet, "flood": rep.Flood} {
		if p == nil || p.Sent == 0 || p.Acked != p.Sent || p.Delivered != p.Sent || len(p.Errors) != 0 {
			t.Fatalf("%s phase: %+v; want every message acked and delivered, no error", name, p)
		}
		if p.VisitorPing.Count == 0 || p.AgentPing.Count == 0 || p.REST.Count == 0 || p.Delivery.Count != p.Sent {
			t.Errorf("%s phase: samples missing: %+v", name, p)
		}
	}
	f := rep.Flooder
	// 5 frames at once, then 5 a second, for the visitor, over a phase
	// of 2 s, however many times it connects. Refused: closed with 4029
	// (the rate_limited answers before the close may all be dropped by it,
	// when the server's writer had not sent them yet: a close drops the
	// queue).
	if f.Offered == 0 || f.Closes["4029"] == 0 || f.Stored > 5+5*2+1 {
		t.Errorf("flooder: %+v; want it refused, closed with 4029, and at most its bursts stored", f)
	}
	if _, ok := rep.Ratio["delivery"]; !ok {
		t.Errorf("no p99 ratios: %v", rep.Ratio)
	}
	if !strings.Contains(stderr.String(), "flood phase") {
		t.Errorf("no progress on stderr:\n%s", stderr)
	}
}

func TestBenchFloodFlags(t *testing.T) {
	for _, tc := range []struct {
		args []string
		want string
	}{
		{[]string{}, "--token"},
		{[]string{"--token", "x", "--visitors", "100"}, "--visitors"},
		{[]string{"--token", "x", "--flood-rate", "0"}, "--flood-rate"},
		{[]string{"--token", "x", "--duration", "1h"}, "--duration"},
	} {
		stderr := &syncBuffer{}
		code := run(context.Background(), append([]string{"bench-flood"}, tc.args...), env{stdout: &syncBuffer{}, stderr: stderr, getenv: mapEnv(nil)})
		if code == 0 || !strings.Contains(stderr.String(), tc.want) {
			t.Errorf("bench-flood %v: exit %d, stderr %q; want a complaint about %s", tc.args, code, stderr, tc.want)
		}
	}
}
