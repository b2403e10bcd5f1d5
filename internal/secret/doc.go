// Package secret holds Parley's credential primitives: argon2id password
// hashes in PHC string format, random secrets for API tokens and console
// sessions, their SHA-256 storage form, and constant-time comparison.
//
// It depends only on the standard library and golang.org/x/crypto, and
// knows nothing of agents, tokens or sessions as domain objects.
package secret
