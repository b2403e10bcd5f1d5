package identity_test

import (
	"bytes"
	"context"
	"os"
	"os/exec"
	"path/filepath"
	"regexp"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
)

const identityDoc = "../../docs/identity.md"

// docFencedBlock matches a fenced code block of docs/identity.md: its
// language and its code.
var docFencedBlock = regexp.MustCompile("(?s)```([a-z]+)\n(.*?)```")

// docRecipe returns the code block of identityDoc in lang whose first line
// starts with first.
func docRecipe(t *testing.T, lang, first string) string {
	t.Helper()
	md, err := os.ReadFile(identityDoc)
	if err != nil {
		t.Fatal(err)
	}
	for _, m := range docFencedBlock.FindAllStringSubmatch(string(md), -1) {
		if m[1] == lang && strings.HasPrefix(m[2], first) {
			return m[2]
		}
	}
	t.Fatalf("%s has no %s block starting with %q", identityDoc, lang, first)
	return ""
}

// TestDocRecipes runs the recipes of docs/identity.md that sign a visitor
// token — Go with golang-jwt, Node and Python with their standard
// libraries — and verifies the token each prints.
func TestDocRecipes(t *testing.T) {
	tests := []struct {
		name  string
		tool  string
		lang  string
		first string // the recipe's first line: its file name
		file  string
		args  func(file string) []string
		setup func(t *testing.T, dir string)
	}{
		{"Go", "go", "go", "// sign_visitor_token.go:", "main.go",
			func(string) []string { return []string{"run", "."} }, recipeGoModule},
		{"Node", "node", "js", "// sign-visitor-token.mjs:", "sign-visitor-token.mjs",
			func(f string) []string { return []string{f} }, nil},
		{"Python", "python3", "python", "# sign_visitor_token.py:", "sign_visitor_token.py",
			func(f string) []string { return []string{f} }, nil},
	}
	for _, tt := range tests {
		t.Run(tt.name, func(t *testing.T) {
			code := docRecipe(t, tt.lang, tt.first)
			bin, err := exec.LookPath(tt.tool)
			if err != nil {
				t.Skipf("SKIPPED: %s is not installed, so the %s recipe of %s is not run", tt.tool, tt.name, identityDoc)
			}
			t.Parallel()
			dir := t.TempDir()
			if err := os.WriteFile(filepath.Join(dir, tt.file), []byte(code), 0o644); err != nil {
				t.Fatal(err)
			}
			if tt.setup != nil {
				tt.setup(t, dir)
			}
			secret := identity.NewSecret()
			inbox := &parley.Inbox{ID: "0196a0c1-inbox", WorkspaceID: "0196a0c1-ws", Identity: parley.IdentitySettings{Secrets: []string{secret}}}

			ctx, cancel := context.WithTimeout(t.Context(), 2*time.Minute)
			defer cancel()
			cmd := exec.CommandContext(ctx, bin, tt.args(tt.file)...)
			cmd.Dir = dir
			cmd.Env = append(os.Environ(),
				"PARLEY_IDENTITY_SECRET="+secret, "PARLEY_INBOX_ID="+inbox.ID,
				"GOFLAGS=-mod=mod", "GOPROXY=off", "GOWORK=off", "GOTOOLCHAIN=local")
			var stderr bytes.Buffer
			cmd.Stderr = &stderr
			out, err := cmd.Output()
			if err != nil {
				t.Fatalf("%s %v: %v\n%s", tt.tool, tt.args(tt.file), err, stderr.String())
			}
			tok := strings.TrimSpace(string(out))
			if !identity.IsJWT(tok) {
				t.Fatalf("the recipe printed %q, not a JWT", out)
			}
			claims, err := identity.New(nil, identity.Options{}).VerifyToken(t.Context(), inbox, tok)
			if err != nil {
				t.Fatalf("the recipe's token is refused: %v", err)
			}
			if claims.Subject != "user-42" || claims.Email != "ada@example.com" || claims.Name != "Ada Lovelace" ||
				claims.Attributes["plan"] != "pro" || claims.ExpiresAt.Sub(claims.IssuedAt) != 10*time.Minute {
				t.Errorf("claims = %+v", claims)
			}
		})
	}
}

// recipeGoModule makes dir a module requiring golang-jwt at the version (and
// checksums) of Parley's own go.mod, so that the Go recipe builds from the
// module cache without the network.
func recipeGoModule(t *testing.T, dir string) {
	t.Helper()
	sums, err := os.ReadFile("../../go.sum")
	if err != nil {
		t.Fatal(err)
	}
	var sum strings.Builder
	for line := range strings.SplitSeq(string(sums), "\n") {
		if strings.HasPrefix(line, "github.com/golang-jwt/jwt/v5 ") {
			sum.WriteString(line + "\n")
		}
	}
	mod := "module recipe\n\ngo 1.26\n\nrequire github.com/golang-jwt/jwt/v5 v5.3.1\n"
	if err := os.WriteFile(filepath.Join(dir, "go.mod"), []byte(mod), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := os.WriteFile(filepath.Join(dir, "go.sum"), []byte(sum.String()), 0o644); err != nil {
		t.Fatal(err)
	}
}
