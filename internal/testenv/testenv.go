// Package testenv gives tests the real services they need — a fresh
// PostgreSQL database, an external NATS server — when the environment names
// them, and skips those tests (naming the variable) when it does not.
// .ci/run sets the variables and fails if anything skipped.
package testenv

import (
	"context"
	"crypto/rand"
	"net/url"
	"os"
	"strings"
	"testing"
	"time"

	"github.com/jackc/pgx/v5"
)

// Environment variables that enable the optional suites.
const (
	PostgresEnv = "PARLEY_TEST_POSTGRES_URL" // e.g. postgres://postgres@127.0.0.1:5432/test?sslmode=disable
	NATSEnv     = "PARLEY_TEST_NATS_URL"     // e.g. nats://127.0.0.1:4222
)

// NATSURL returns the external NATS server's URL, or skips the test.
func NATSURL(t testing.TB) string {
	t.Helper()
	u := os.Getenv(NATSEnv)
	if u == "" {
		t.Skipf("set %s to run this test against an external NATS server", NATSEnv)
	}
	return u
}

// PostgresURL creates an empty database on the server named by
// PARLEY_TEST_POSTGRES_URL, drops it when the test ends, and returns its URL.
// It skips the test when the variable is unset.
func PostgresURL(t testing.TB) string {
	t.Helper()
	base := os.Getenv(PostgresEnv)
	if base == "" {
		t.Skipf("set %s to run this test against PostgreSQL", PostgresEnv)
	}
	ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
	defer cancel()
	conn, err := pgx.Connect(ctx, base)
	if err != nil {
		t.Fatalf("connect to %s: %v", PostgresEnv, err)
	}
	defer conn.Close(ctx)

	name := "parley_test_" + Unique()
	if _, err := conn.Exec(ctx, "CREATE DATABASE "+name); err != nil {
		t.Fatalf("create database %s: %v", name, err)
	}
	t.Cleanup(func() {
		ctx, cancel := context.WithTimeout(context.Background(), 30*time.Second)
		defer cancel()
		conn, err := pgx.Connect(ctx, base)
		if err != nil {
			t.Errorf("drop database %s: %v", name, err)
			return
		}
		defer conn.Close(ctx)
		if _, err := conn.Exec(ctx, "DROP DATABASE IF EXISTS "+name+" WITH (FORCE)"); err != nil {
			t.Errorf("drop database %s: %v", name, err)
		}
	})
	u, err := url.Parse(base)
	if err != nil {
		t.Fatalf("%s: %v", PostgresEnv, err)
	}
	u.Path = "/" + name
	return u.String()
}

// Unique returns a short random lower-case string for names that must not
// collide between tests sharing a server (databases, NATS subjects, slugs).
func Unique() string { return strings.ToLower(rand.Text()[:16]) }
