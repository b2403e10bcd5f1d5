package httpapi

import (
	"context"
	"fmt"
	"reflect"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

// Access levels that are not a scope. Any other value passed to register
// must be a valid parley.Scope; there is no default, so an operation
// cannot be registered without saying who may call it.
const (
	public        parley.Scope = "(public)"        // no credentials needed
	authenticated parley.Scope = "(authenticated)" // any valid credentials, no particular scope
)

// Names of the security schemes in the OpenAPI document.
const (
	schemeBearer  = "bearer"
	schemeSession = "session"
)

// register adds an API operation that requires need: a scope, public or
// authenticated. Non-public operations get the authorize middleware (so
// they answer 401 or 403 before their input is even parsed), and the
// OpenAPI operation records the requirement as a security requirement
// (with the scope as its role) and in its description. Errors returned by
// h become problem details through s.problem.
func register[I, O any](s *server, op huma.Operation, need parley.Scope, h func(context.Context, *I) (*O, error)) {
	var note string
	switch {
	case need == public:
		op.Security = []map[string][]string{} // explicitly none
		note = "Public: no credentials needed."
	case need == authenticated:
		op.Security = securityRequirement()
		note = "Requires any valid credentials (no particular scope)."
	case need.Valid():
		op.Security = securityRequirement(string(need))
		note = fmt.Sprintf("Requires scope `%s`.", need)
	default:
		panic(fmt.Sprintf("httpapi: operation %s needs unknown scope %q", op.OperationID, need))
	}
	if op.Description != "" {
		note = op.Description + "\n\n" + note
	}
	op.Description = note
	if need != public {
		op.Middlewares = append(op.Middlewares, s.authorize(need))
	}
	op.Responses = map[string]*huma.Response{
		"default": {
			Description: "Error (RFC 9457 problem details)",
			Content: map[string]*huma.MediaType{
				"application/problem+json": {
					Schema: s.api.OpenAPI().Components.Schemas.Schema(reflect.TypeFor[problem](), true, "Problem"),
				},
			},
		},
	}
	huma.Register(s.api, op, func(ctx context.Context, in *I) (*O, error) {
		out, err := h(ctx, in)
		if err != nil {
			return nil, s.problem(ctx, err)
		}
		return out, nil
	})
}

// securityRequirement lists the two ways to authenticate, each with the
// given roles (scopes), as alternatives.
func securityRequirement(scopes ...string) []map[string][]string {
	if scopes == nil {
		scopes = []string{}
	}
	return []map[string][]string{{schemeBearer: scopes}, {schemeSession: scopes}}
}

// principal returns the caller of an operation registered with a scope or
// authenticated; authorize has put it in ctx.
func principal(ctx context.Context) *parley.Principal {
	p := parley.PrincipalFrom(ctx)
	if p == nil {
		panic("httpapi: no principal in the context of an authenticated operation")
	}
	return p
}
