package httpapi

import (
	"context"
	"fmt"
	"reflect"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

// access says who may call an operation: public, authenticated,
// staff(scope) or participant(scope). Its zero value is refused by
// register, so an operation cannot be registered without saying who may
// call it.
type access struct {
	level accessLevel
	scope parley.Scope // the scope staff need, for levelStaff and levelParticipant
}

type accessLevel int

const (
	levelPublic        accessLevel = iota + 1 // no credentials needed
	levelAuthenticated                        // any staff credentials, no particular scope
	levelStaff                                // staff credentials holding scope
	levelParticipant                          // a visitor session, or staff credentials holding scope
)

var (
	// public operations need no credentials.
	public = access{level: levelPublic}
	// authenticated operations need any staff credentials (an agent or an
	// API token), no particular scope. Visitors are refused.
	authenticated = access{level: levelAuthenticated}
)

// staff is the access of operations for agents and API tokens holding
// scope. Visitors, who hold no scopes, are refused.
func staff(scope parley.Scope) access { return access{level: levelStaff, scope: scope} }

// participant is the access of operations open to a conversation's
// participants: a visitor session, or staff holding scope. The handler
// passes the caller to the conversation service, which checks what it may
// reach (a visitor only its own contact's conversations; ENOTFOUND for
// anything else).
func participant(scope parley.Scope) access { return access{level: levelParticipant, scope: scope} }

// check returns nil if p may call an operation of this access.
func (a access) check(p *parley.Principal) error {
	if p.Type == parley.ActorContact {
		if a.level == levelParticipant && p.Visitor() {
			return nil
		}
		return parley.Errorf(parley.EFORBIDDEN, "Visitors may not call this operation.")
	}
	if (a.level == levelStaff || a.level == levelParticipant) && !p.Can(a.scope) {
		return parley.Errorf(parley.EFORBIDDEN, "This operation requires the scope %q.", a.scope)
	}
	return nil
}

// Names of the security schemes in the OpenAPI document.
const (
	schemeBearer  = "bearer"
	schemeSession = "session"
	schemeVisitor = "visitor"
)

// register adds an API operation that requires need. Non-public
// operations get the authorize middleware (so they answer 401 or 403 before
// their input is even parsed), and the OpenAPI operation records the
// requirement as security requirements (with the scope as their role) and
// in its description. Errors returned by h become problem details through
// s.problem.
func register[I, O any](s *server, op huma.Operation, need access, h func(context.Context, *I) (*O, error)) {
	var note string
	switch {
	case need.level == levelPublic:
		op.Security = []map[string][]string{} // explicitly none
		note = "Public: no credentials needed."
	case need.level == levelAuthenticated:
		op.Security = securityRequirement()
		note = "Requires any valid staff credentials (no particular scope)."
	case need.level == levelStaff && need.scope.Valid():
		op.Security = securityRequirement(string(need.scope))
		note = fmt.Sprintf("Requires scope `%s`.", need.scope)
	case need.level == levelParticipant && need.scope.Valid():
		op.Security = append(securityRequirement(string(need.scope)), map[string][]string{schemeVisitor: {}})
		note = fmt.Sprintf("Requires scope `%s`, or a visitor token (for the visitor's own conversations only).", need.scope)
	default:
		panic(fmt.Sprintf("httpapi: operation %s has no valid access (%+v)", op.OperationID, need))
	}
	if op.Description != "" {
		note = op.Description + "\n\n" + note
	}
	op.Description = note
	if need.level != levelPublic {
		op.Middlewares = append(op.Middlewares, s.authorize(need))
	}
	if op.Responses == nil {
		op.Responses = map[string]*huma.Response{}
	}
	op.Responses["default"] = &huma.Response{
		Description: "Error (RFC 9457 problem details)",
		Content: map[string]*huma.MediaType{
			"application/problem+json": {
				Schema: s.api.OpenAPI().Components.Schemas.Schema(reflect.TypeFor[problem](), true, "Problem"),
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

// securityRequirement lists the two ways staff authenticate, each with
// the given roles (scopes), as alternatives.
func securityRequirement(scopes ...string) []map[string][]string {
	if scopes == nil {
		scopes = []string{}
	}
	return []map[string][]string{{schemeBearer: scopes}, {schemeSession: scopes}}
}

// principal returns the caller of an operation that is not public;
// authorize has put it in ctx.
func principal(ctx context.Context) *parley.Principal {
	p := parley.PrincipalFrom(ctx)
	if p == nil {
		panic("httpapi: no principal in the context of an authenticated operation")
	}
	return p
}
