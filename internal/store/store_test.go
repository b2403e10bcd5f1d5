package store_test

import (
	"context"
	"log/slog"
	"os"
	"path/filepath"
	"slices"
	"strconv"
	"strings"
	"sync"
	"testing"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/store"
	"github.com/parleychat/parley/internal/storetest"
	"github.com/parleychat/parley/internal/testenv"
)

var discard = slog.New(slog.DiscardHandler)

// engines lists the databases the store runs on, with what the store
// reports for each and a function returning the URL of a fresh, empty
// database (skipping the test when there is none).
var engines = []struct {
	name, dialect string
	pools         []string
	url           func(t *testing.T) string
}{
	{"SQLite", "sqlite", []string{"reader", "writer"}, func(t *testing.T) string {
		return filepath.Join(t.TempDir(), "parley.db")
	}},
	{"Postgres", "postgres", []string{"main"}, func(t *testing.T) string { return testenv.PostgresURL(t) }},
}

// mustOpen opens a store on databaseURL and closes it when the test ends.
func mustOpen(t *testing.T, databaseURL string) *store.Store {
	t.Helper()
	s, err := store.Open(t.Context(), databaseURL, discard)
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() { s.Close() })
	return s
}

func TestConformance(t *testing.T) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			storetest.Run(t, func(t *testing.T) parley.Store { return mustOpen(t, e.url(t)) })
		})
	}
}

func TestMigrate(t *testing.T) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			ctx := t.Context()
			u := e.url(t)
			applied, err := store.Migrate(ctx, u, discard)
			if err != nil {
				t.Fatal(err)
			}
			if want := migrationVersions(t, e.dialect); !slices.Equal(applied, want) {
				t.Errorf("first Migrate applied %v, want %v", applied, want)
			}
			applied, err = store.Migrate(ctx, u, discard)
			if err != nil {
				t.Fatal(err)
			}
			if len(applied) != 0 {
				t.Errorf("second Migrate applied %v, want nothing", applied)
			}
			// Open finds nothing to do and the schema works.
			s := mustOpen(t, u)
			if err := s.CreateWorkspace(ctx, parley.SystemActor, &parley.Workspace{Slug: "default", Name: "Default"}); err != nil {
				t.Fatal(err)
			}
		})
	}
}

// migrationVersions returns the versions of the dialect's migration files,
// in order: the numbers their names start with.
func migrationVersions(t *testing.T, dialect string) []int64 {
	t.Helper()
	files, err := os.ReadDir(filepath.Join("migrations", dialect))
	if err != nil {
		t.Fatal(err)
	}
	var versions []int64
	for _, f := range files {
		num, _, _ := strings.Cut(f.Name(), "_")
		v, err := strconv.ParseInt(num, 10, 64)
		if err != nil {
			t.Fatalf("migration %s: %v", f.Name(), err)
		}
		versions = append(versions, v)
	}
	slices.Sort(versions)
	return versions
}

// Inboxes stored by early versions — with an empty widget position, and no
// colour — have valid widget settings once migrated: what else they hold is
// kept. A row still lacking them (whatever wrote it) reads with the defaults.
func TestMigrateRepairsInboxWidgets(t *testing.T) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			t.Parallel()
			ctx := t.Context()
			u := e.url(t)
			if err := store.MigrateTo(ctx, u, 1); err != nil {
				t.Fatal(err)
			}
			exec := func(q string, args ...any) {
				t.Helper()
				if err := store.Exec(ctx, u, q, args...); err != nil {
					t.Fatalf("%s: %v", q, err)
				}
			}
			exec(`INSERT INTO workspaces (id, slug, name, created_at, updated_at) VALUES ('w1', 'default', 'Default', 1, 1)`)
			for id, widget := range map[string]string{
				"demo":    `{"title":"Acme Outdoor support","greeting":"Hi!","color":"#0f766e","locale":"","position":"","prechat":{"enabled":false,"fields":null}}`,
				"empty":   `{}`,
				"garbled": `{"title":"Kept","color":"teal","position":"middle"}`,
				"left":    `{"title":"Left","color":"#112233","position":"left"}`,
			} {
				exec(`INSERT INTO inboxes (id, workspace_id, name, widget, created_at, updated_at) VALUES (?, 'w1', ?, ?, 1, 1)`, id, id, widget)
			}
			s := mustOpen(t, u) // applies the migrations after 1
			for _, tc := range []struct{ id, title, color, position string }{
				{"demo", "Acme Outdoor support", "#0f766e", "right"},
				{"empty", "", parley.DefaultWidgetColor, "right"},
				{"garbled", "Kept", parley.DefaultWidgetColor, "right"},
				{"left", "Left", "#112233", "left"},
			} {
				in, err := s.FindInboxByID(ctx, "w1", tc.id)
				if err != nil {
					t.Fatal(err)
				}
				if w := in.Widget; w.Title != tc.title || w.Color != tc.color || w.Position != tc.position {
					t.Errorf("inbox %s: widget %+v, want title %q, colour %s, position %s", tc.id, w, tc.title, tc.color, tc.position)
				}
			}
			exec(`UPDATE inboxes SET widget = ? WHERE id = 'left'`, `{"title":"Left"}`)
			in, err := s.FindInboxByID(ctx, "w1", "left")
			if err != nil {
				t.Fatal(err)
			}
			if in.Widget.Position != "right" || in.Widget.Color != parley.DefaultWidgetColor {
				t.Errorf("a row without position and colour reads as %+v", in.Widget)
			}
		})
	}
}

// TestOpenConcurrently starts several nodes on one fresh database at the
// same moment: the migration lock lets every one of them open.
func TestOpenConcurrently(t *testing.T) {
	u := testenv.PostgresURL(t)
	const nodes = 8
	var wg sync.WaitGroup
	errs := make([]error, nodes)
	start := make(chan struct{})
	for i := range nodes {
		wg.Go(func() {
			<-start
			s, err := store.Open(t.Context(), u, discard)
			if err == nil {
				err = s.Ping(t.Context())
				s.Close()
			}
			errs[i] = err
		})
	}
	close(start)
	wg.Wait()
	for i, err := range errs {
		if err != nil {
			t.Errorf("node %d: %v", i, err)
		}
	}
	applied, err := store.Migrate(t.Context(), u, discard)
	if err != nil || len(applied) != 0 {
		t.Errorf("Migrate after the nodes = %v, %v; want nothing to apply", applied, err)
	}
}

func TestDialect(t *testing.T) {
	for _, e := range engines {
		t.Run(e.name, func(t *testing.T) {
			s := mustOpen(t, e.url(t))
			if got := s.Dialect(); got != e.dialect {
				t.Errorf("Dialect() = %q, want %q", got, e.dialect)
			}
			var names []string
			for name, db := range s.DBs() {
				if db == nil {
					t.Errorf("pool %q is nil", name)
				}
				names = append(names, name)
			}
			slices.Sort(names)
			if !slices.Equal(names, e.pools) {
				t.Errorf("DBs() = %v, want %v", names, e.pools)
			}
		})
	}
}

func TestOpenSQLiteURLs(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, url, path string }{
		{"BarePath", filepath.Join(dir, "bare.db"), filepath.Join(dir, "bare.db")},
		{"SQLiteScheme", "sqlite:" + filepath.Join(dir, "scheme.db"), filepath.Join(dir, "scheme.db")},
		{"FileScheme", "file:" + filepath.Join(dir, "file.db"), filepath.Join(dir, "file.db")},
		{"MissingParents", filepath.Join(dir, "a", "b", "nested.db"), filepath.Join(dir, "a", "b", "nested.db")},
		{"OddCharacters", filepath.Join(dir, "we?ird #name%20.db"), filepath.Join(dir, "we?ird #name%20.db")},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s := mustOpen(t, tt.url)
			if err := s.Ping(t.Context()); err != nil {
				t.Fatal(err)
			}
			// The file is where the URL says, and a second Open reuses it.
			if err := s.CreateWorkspace(t.Context(), parley.SystemActor, &parley.Workspace{Slug: "x", Name: "X"}); err != nil {
				t.Fatal(err)
			}
			s.Close()
			if _, err := os.Stat(tt.path); err != nil {
				t.Fatal(err)
			}
			again := mustOpen(t, tt.path)
			if _, err := again.FindWorkspaceBySlug(t.Context(), "x"); err != nil {
				t.Errorf("reopening %s: %v", tt.path, err)
			}
		})
	}
}

func TestOpenBadURL(t *testing.T) {
	dir := t.TempDir()
	tests := []struct{ name, url, want string }{
		{"Empty", "", "empty"},
		{"EmptySQLitePath", "sqlite:", "empty"},
		{"Memory", ":memory:", "in-memory"},
		{"UnknownScheme", "mysql://user@localhost/db", "unsupported"},
		{"ParentIsAFile", filepath.Join(dir, "parley.db", "x.db"), "directory"},
		{"PostgresUnreachable", "postgres://nobody@127.0.0.1:1/none?sslmode=disable&connect_timeout=2", "postgres"},
	}
	// A file where the parent directory should be.
	mustOpen(t, filepath.Join(dir, "parley.db"))
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			s, err := store.Open(context.Background(), tt.url, discard)
			if err == nil {
				s.Close()
				t.Fatalf("Open(%q) succeeded", tt.url)
			}
			if !strings.Contains(err.Error(), tt.want) {
				t.Errorf("Open(%q) = %v, want it to mention %q", tt.url, err, tt.want)
			}
			if _, err := store.Migrate(context.Background(), tt.url, discard); err == nil {
				t.Errorf("Migrate(%q) succeeded", tt.url)
			}
		})
	}
}
