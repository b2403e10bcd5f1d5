// Package parley holds Parley's domain: the types every part of the server
// shares (workspaces, agents, inboxes, API tokens, sessions, audit entries),
// the interfaces of the services that persist and move them, and the one
// error type that every layer speaks.
//
// It imports only the standard library. Adapters such as internal/store and
// internal/bus implement its interfaces; internal/httpapi and the other
// transports consume them. Adapters never import each other.
package parley
