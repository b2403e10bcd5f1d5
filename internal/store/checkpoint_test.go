package store_test

import (
	"errors"
	"fmt"
	"io/fs"
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/store"
)

var checkpointActor = parley.SystemActor

// TestWALTruncatedWhenIdle writes to an SQLite store and then leaves it
// alone: the background checkpointer copies the log into the database and,
// the store being idle, empties the log file. Reads still see every write.
func TestWALTruncatedWhenIdle(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	s := mustOpen(t, path)
	const n = 200
	for i := range n {
		w := &parley.Workspace{Slug: fmt.Sprintf("ws-%d", i), Name: fmt.Sprintf("Workspace %d", i)}
		if err := s.CreateWorkspace(t.Context(), checkpointActor, w); err != nil {
			t.Fatal(err)
		}
	}
	if size := walSize(t, path); size == 0 {
		t.Fatal("the writes left no log to checkpoint")
	}
	waitFor(t, "the log file to be emptied", func() bool { return walSize(t, path) == 0 })
	list, err := s.ListWorkspaces(t.Context(), parley.ListOptions{Limit: parley.MaxListLimit})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(list.Items); got < n {
		t.Errorf("after the checkpoint, %d workspaces are listed; want at least %d", got, n)
	}
}

// TestCloseStopsCheckpointer opens and closes SQLite stores that are being
// written to: Close returns, and once it has, no connection is left
// (SQLite removes the log file when the last connection closes), the
// checkpointer's included. Reopening finds every committed write.
func TestCloseStopsCheckpointer(t *testing.T) {
	path := filepath.Join(t.TempDir(), "parley.db")
	for round := range 3 {
		s, err := store.Open(t.Context(), path, discard)
		if err != nil {
			t.Fatal(err)
		}
		for i := range 50 {
			w := &parley.Workspace{Slug: fmt.Sprintf("ws-%d-%d", round, i), Name: "Workspace"}
			if err := s.CreateWorkspace(t.Context(), checkpointActor, w); err != nil {
				t.Fatal(err)
			}
		}
		if err := s.Close(); err != nil {
			t.Fatalf("close: %v", err)
		}
		if _, err := os.Stat(path + "-wal"); !errors.Is(err, fs.ErrNotExist) {
			t.Fatalf("round %d: after Close the log file is still there (stat: %v): a connection is still open", round, err)
		}
	}
	s := mustOpen(t, path)
	list, err := s.ListWorkspaces(t.Context(), parley.ListOptions{Limit: parley.MaxListLimit})
	if err != nil {
		t.Fatal(err)
	}
	if got := len(list.Items); got < 150 {
		t.Errorf("after reopening, %d workspaces are listed; want at least 150", got)
	}
}

// walSize returns the size of the SQLite database's log file, 0 if none.
func walSize(t *testing.T, path string) int64 {
	t.Helper()
	fi, err := os.Stat(path + "-wal")
	if errors.Is(err, fs.ErrNotExist) {
		return 0
	}
	if err != nil {
		t.Fatal(err)
	}
	return fi.Size()
}

// waitFor polls cond until it holds, failing the test after a deadline.
func waitFor(t *testing.T, what string, cond func() bool) {
	t.Helper()
	deadline := time.Now().Add(20 * time.Second)
	for !cond() {
		if time.Now().After(deadline) {
			t.Fatalf("timed out waiting for %s", what)
		}
		time.Sleep(10 * time.Millisecond)
	}
}
