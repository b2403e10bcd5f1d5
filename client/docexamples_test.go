package client_test

import (
	"go/ast"
	"go/parser"
	"go/token"
	"os"
	"strings"
	"testing"
)

const clientDoc = "../docs/client.md"

// The Go examples docs/client.md shows are the compiled examples of
// example_test.go, word for word: the guide's code is the code go test
// builds.
func TestClientDocExamples(t *testing.T) {
	src, err := os.ReadFile("example_test.go")
	must(t, err)
	fset := token.NewFileSet()
	file, err := parser.ParseFile(fset, "example_test.go", src, 0)
	must(t, err)
	bodies := map[string]string{}
	for _, d := range file.Decls {
		if fn, ok := d.(*ast.FuncDecl); ok {
			// The body between its braces, one tab less indented.
			body := string(src[fset.Position(fn.Body.Lbrace).Offset+2 : fset.Position(fn.Body.Rbrace).Offset])
			bodies[fn.Name.Name] = strings.ReplaceAll("\n"+body, "\n\t", "\n")[1:]
		}
	}
	for _, tc := range []struct{ example, first string }{
		{"Example_visitor", "ctx := context.Background()\nanon, err"},
		{"Example_resumeFeed", "ctx := context.Background()\nbot, err"},
	} {
		want, ok := bodies[tc.example]
		if !ok {
			t.Fatalf("example_test.go has no %s", tc.example)
		}
		if got := docBlock(t, clientDoc, "go", tc.first); got != want {
			t.Errorf("the block of %s differs from %s:\n%s\nwant\n%s", clientDoc, tc.example, got, want)
		}
	}
}
