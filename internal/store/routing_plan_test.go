package store_test

import (
	"strings"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/store"
	"github.com/parleychat/parley/internal/testenv"
)

// TestNextPendingPlan checks that the router's read of a queue's next
// conversations is served in order by an index, on both engines: no
// per-read sort of the queue's pending conversations, whose cost would
// grow with the queue's length (docs/performance.md, routing).
func TestNextPendingPlan(t *testing.T) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			s := mustOpen(t, e.url(t))
			ctx := t.Context()
			ws := &parley.Workspace{Slug: "ws-" + testenv.Unique(), Name: "W"}
			if err := s.CreateWorkspace(ctx, parley.SystemActor, ws); err != nil {
				t.Fatal(err)
			}
			q, err := s.DefaultQueue(ctx, ws.ID)
			if err != nil {
				t.Fatal(err)
			}
			plan, err := store.NextPendingPlan(ctx, s, ws.ID, q.ID)
			if err != nil {
				t.Fatal(err)
			}
			if !strings.Contains(plan, "conversations_pending_order_idx") {
				t.Errorf("plan does not use conversations_pending_order_idx:\n%s", plan)
			}
			for _, sort := range []string{"TEMP B-TREE", "Sort"} {
				if strings.Contains(plan, sort) {
					t.Errorf("plan sorts (%s):\n%s", sort, plan)
				}
			}
		})
	}
}
