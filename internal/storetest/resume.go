package storetest

import (
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testResumeTokens(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("CreateFindRevoke", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		before := time.Now()
		expires := time.Now().Add(time.Hour)
		tok := &parley.ResumeToken{WorkspaceID: th.ws.ID, ConversationID: th.conv.ID, ExpiresAt: expires}
		hash := randomBytes()
		must(t, s.CreateResumeToken(ctx, tok, hash))
		checkStamp(t, "CreatedAt", tok.CreatedAt, before)
		diff(t, th.contact.ID, tok.ContactID)
		diff(t, expires.UTC().Truncate(time.Microsecond), tok.ExpiresAt)

		got, err := s.FindResumeTokenByHash(ctx, hash, time.Now())
		must(t, err)
		diff(t, tok, got)
		got, err = s.FindResumeToken(ctx, th.ws.ID, tok.ID)
		must(t, err)
		diff(t, tok, got)
		_, err = s.FindResumeTokenByHash(ctx, hash, tok.ExpiresAt)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindResumeToken(ctx, mustWorkspace(t, s).ID, tok.ID)
		wantCode(t, err, parley.ENOTFOUND)

		// A session opened with it is confined to its conversation.
		sess := &parley.VisitorSession{WorkspaceID: th.ws.ID, InboxID: th.inbox.ID, ResumeTokenID: tok.ID, ExpiresAt: expires}
		sessHash := randomBytes()
		must(t, s.CreateVisitorSession(ctx, sess, sessHash))
		diff(t, []string{th.contact.ID, th.conv.ID}, []string{sess.ContactID, sess.ConversationID})
		found, err := s.FindVisitorSessionByHash(ctx, sessHash, time.Now())
		must(t, err)
		diff(t, sess, found)
		// An unconfined session of the same contact is not affected by revocation.
		plain := &parley.VisitorSession{WorkspaceID: th.ws.ID, InboxID: th.inbox.ID, ContactID: th.contact.ID, ExpiresAt: expires}
		plainHash := randomBytes()
		must(t, s.CreateVisitorSession(ctx, plain, plainHash))

		wantCode(t, s.DeleteResumeToken(ctx, &actor, mustWorkspace(t, s).ID, tok.ID), parley.ENOTFOUND)
		must(t, s.DeleteResumeToken(ctx, &actor, th.ws.ID, tok.ID))
		wantAudit(t, s, th.ws.ID, "resume_token.revoke", "resume_token", tok.ID)
		if visitorSessionAlive(t, s, sessHash) {
			t.Error("the session opened with the revoked token survived")
		}
		if !visitorSessionAlive(t, s, plainHash) {
			t.Error("revocation ended an unrelated session")
		}
		_, err = s.FindResumeTokenByHash(ctx, hash, time.Now())
		wantCode(t, err, parley.ENOTFOUND)
		wantCode(t, s.DeleteResumeToken(ctx, nil, th.ws.ID, tok.ID), parley.ENOTFOUND)
	})

	t.Run("Errors", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		other := mustWorkspace(t, s)
		wantCode(t, s.CreateResumeToken(ctx, &parley.ResumeToken{WorkspaceID: other.ID, ConversationID: th.conv.ID,
			ExpiresAt: time.Now().Add(time.Hour)}, randomBytes()), parley.ENOTFOUND)
		hash := randomBytes()
		tok := &parley.ResumeToken{WorkspaceID: th.ws.ID, ConversationID: th.conv.ID, ExpiresAt: time.Now().Add(time.Hour)}
		must(t, s.CreateResumeToken(ctx, tok, hash))
		wantCode(t, s.CreateResumeToken(ctx, &parley.ResumeToken{WorkspaceID: th.ws.ID, ConversationID: th.conv.ID,
			ExpiresAt: time.Now().Add(time.Hour)}, hash), parley.ECONFLICT)

		exp := time.Now().Add(time.Hour)
		otherInbox := mustInbox(t, s, th.ws.ID)
		tests := []struct {
			name string
			sess parley.VisitorSession
			code string
		}{
			{"UnknownToken", parley.VisitorSession{InboxID: th.inbox.ID, ResumeTokenID: "missing"}, parley.ENOTFOUND},
			{"OtherInbox", parley.VisitorSession{InboxID: otherInbox.ID, ResumeTokenID: tok.ID}, parley.EINVALID},
			{"OtherContact", parley.VisitorSession{InboxID: th.inbox.ID, ResumeTokenID: tok.ID, ContactID: mustContact(t, s, th.ws.ID).ID}, parley.EINVALID},
			{"ConversationWithoutToken", parley.VisitorSession{InboxID: th.inbox.ID, ContactID: th.contact.ID, ConversationID: th.conv.ID}, parley.EINVALID},
			{"UnknownContact", parley.VisitorSession{InboxID: th.inbox.ID, ContactID: "missing"}, parley.ENOTFOUND},
			{"UnknownInbox", parley.VisitorSession{InboxID: "missing", ContactID: th.contact.ID}, parley.ENOTFOUND},
		}
		for _, tt := range tests {
			t.Run(tt.name, func(t *testing.T) {
				sess := tt.sess
				sess.WorkspaceID, sess.ExpiresAt = th.ws.ID, exp
				wantCode(t, s.CreateVisitorSession(ctx, &sess, randomBytes()), tt.code)
			})
		}
	})

	t.Run("DeleteExpired", func(t *testing.T) {
		ctx := t.Context()
		th := mustThread(t, s)
		now := time.Now()
		old := &parley.ResumeToken{WorkspaceID: th.ws.ID, ConversationID: th.conv.ID, ExpiresAt: now.Add(-time.Minute)}
		must(t, s.CreateResumeToken(ctx, old, randomBytes()))
		fresh := &parley.ResumeToken{WorkspaceID: th.ws.ID, ConversationID: th.conv.ID, ExpiresAt: now.Add(time.Hour)}
		must(t, s.CreateResumeToken(ctx, fresh, randomBytes()))
		n, err := s.DeleteExpiredResumeTokens(ctx, now)
		must(t, err)
		if n < 1 {
			t.Errorf("deleted %d, want at least 1", n)
		}
		_, err = s.FindResumeToken(ctx, th.ws.ID, old.ID)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.FindResumeToken(ctx, th.ws.ID, fresh.ID)
		must(t, err)
	})
}
