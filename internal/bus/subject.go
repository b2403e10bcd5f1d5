package bus

import (
	"fmt"
	"strings"
	"unicode"
)

// subjectPrefix starts every workspace subject.
const subjectPrefix = "parley.ws"

// RevocationSubject carries the notices of credentials that ended, for
// every workspace: each WebSocket gateway subscribes to it once and
// closes its connections that hold one (see realtime.Gateway.Revoke).
// It is outside the workspace subjects, so that no wildcard over those
// reaches it; the notices carry IDs only.
const RevocationSubject = "parley.credentials.revoked"

// Subject returns the subject "parley.ws.<workspaceID>.<part>…" for a
// workspace. Every token (the workspace ID and each part) must be non-empty
// and free of '.', the wildcards '*' and '>', and whitespace, so that a
// caller-supplied value can never widen or escape a workspace's subjects.
// Build wildcard subscriptions by appending "*" or ">" to a Subject result.
func Subject(workspaceID string, parts ...string) (string, error) {
	if err := checkToken("workspace ID", workspaceID); err != nil {
		return "", err
	}
	for i, p := range parts {
		if err := checkToken(fmt.Sprintf("part %d", i+1), p); err != nil {
			return "", err
		}
	}
	return subjectPrefix + "." + strings.Join(append([]string{workspaceID}, parts...), "."), nil
}

func checkToken(what, token string) error {
	if token == "" {
		return fmt.Errorf("bus: subject %s is empty", what)
	}
	for _, r := range token {
		if r == '.' || r == '*' || r == '>' || unicode.IsSpace(r) || unicode.IsControl(r) {
			return fmt.Errorf("bus: subject %s %q contains %q", what, token, r)
		}
	}
	return nil
}

// AllWorkspaces returns the wildcard subject of part (one token, e.g.
// "conversations") in every workspace, for a subscriber that serves them
// all, such as the router.
func AllWorkspaces(part string) string { return subjectPrefix + ".*." + part }
