package identity_test

import (
	"context"
	"crypto/hmac"
	"crypto/sha256"
	"encoding/hex"
	"strings"
	"testing"
	"time"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/identity"
	"github.com/parleychat/parley/internal/testenv"
)

// userToken is a JWT for sub in inbox, valid for an hour from the env's clock.
func (e *env) userToken(t *testing.T, in *parley.Inbox, sub string, extra map[string]any) string {
	t.Helper()
	now := e.clock.Now()
	c := map[string]any{"sub": sub, "aud": in.ID, "iat": now.Unix(), "exp": now.Add(time.Hour).Unix()}
	for k, v := range extra {
		c[k] = v
	}
	return testenv.SignHS256(t, in.Identity.Secrets[0], c)
}

func secretInbox(in *parley.Inbox) { in.Identity.Secrets = []string{identity.NewSecret()} }

func TestStartVerified(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	in := e.inbox(t, secretInbox)

	sess, sec, c, err := e.svc.StartVerified(ctx, in.ID, e.userToken(t, in, "u1", map[string]any{"email": "U1@example.com", "name": "Una"}), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if !c.Verified || c.ExternalID != "u1" || c.Email != "u1@example.com" || c.Name != "Una" {
		t.Fatalf("contact = %+v", c)
	}
	if want := e.clock.Now().Add(time.Hour).Truncate(time.Second); !sess.ExpiresAt.Equal(want) {
		t.Errorf("session expires %v, want the token's exp %v", sess.ExpiresAt, want)
	}
	p, err := e.svc.AuthenticateVisitor(ctx, sec)
	if err != nil || p.ContactID != c.ID || !p.ExpiresAt.Equal(sess.ExpiresAt) || p.ConversationID != "" {
		t.Fatalf("principal = %+v, %v", p, err)
	}

	t.Run("GuestMerged", func(t *testing.T) {
		_, gsec, guest, err := e.svc.StartGuest(ctx, in.ID, "")
		if err != nil {
			t.Fatal(err)
		}
		gp, err := e.svc.AuthenticateVisitor(ctx, gsec)
		if err != nil {
			t.Fatal(err)
		}
		_, _, c2, err := e.svc.StartVerified(ctx, in.ID, e.userToken(t, in, "u1", nil), "", gp)
		if err != nil {
			t.Fatal(err)
		}
		if c2.ID != c.ID {
			t.Fatalf("contact %s, want %s", c2.ID, c.ID)
		}
		_, err = e.store.FindContactByID(ctx, e.ws.ID, guest.ID)
		wantCode(t, err, parley.ENOTFOUND)
		// The guest's token acts as the verified contact now.
		gp, err = e.svc.AuthenticateVisitor(ctx, gsec)
		if err != nil || gp.ContactID != c.ID {
			t.Fatalf("guest principal = %+v, %v", gp, err)
		}
	})

	t.Run("VerifiedNotMerged", func(t *testing.T) {
		_, _, other, err := e.svc.StartVerified(ctx, in.ID, e.userToken(t, in, "u2", nil), "", p)
		if err != nil {
			t.Fatal(err)
		}
		if _, err := e.store.FindContactByID(ctx, e.ws.ID, c.ID); err != nil || other.ID == c.ID {
			t.Fatalf("u1 merged into u2: %v", err)
		}
	})

	t.Run("Errors", func(t *testing.T) {
		_, _, _, err := e.svc.StartVerified(ctx, in.ID, "garbage", "", nil)
		wantCode(t, err, parley.EUNAUTHORIZED)
		_, _, _, err = e.svc.StartVerified(ctx, "", e.userToken(t, in, "u1", nil), "", nil)
		wantCode(t, err, parley.EINVALID)
		_, _, _, err = e.svc.StartVerified(ctx, "missing", e.userToken(t, in, "u1", nil), "", nil)
		wantCode(t, err, parley.ENOTFOUND)
		strict := e.inbox(t, func(in *parley.Inbox) { secretInbox(in); in.AllowedOrigins = []string{"https://shop.example"} })
		_, _, _, err = e.svc.StartVerified(ctx, strict.ID, e.userToken(t, strict, "u1", nil), "https://evil.example", nil)
		wantCode(t, err, parley.EFORBIDDEN)
	})
}

func TestRefresh(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	in := e.inbox(t, secretInbox)
	_, sec, c, err := e.svc.StartVerified(ctx, in.ID, e.userToken(t, in, "u1", nil), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	p, err := e.svc.AuthenticateVisitor(ctx, sec)
	if err != nil {
		t.Fatal(err)
	}
	e.clock.Add(30 * time.Minute)

	np, err := e.svc.Refresh(ctx, p, e.userToken(t, in, "u1", nil))
	if err != nil || np.ContactID != c.ID || !np.ExpiresAt.After(p.ExpiresAt) {
		t.Fatalf("refresh by JWT = %+v, %v", np, err)
	}
	_, sec2, _, err := e.svc.StartVerified(ctx, in.ID, e.userToken(t, in, "u1", nil), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	if np, err = e.svc.Refresh(ctx, p, sec2); err != nil || np.ContactID != c.ID {
		t.Fatalf("refresh by visitor token = %+v, %v", np, err)
	}

	// Another contact's credentials are refused, and the JWT changes nothing.
	_, otherSec, other, err := e.svc.StartVerified(ctx, in.ID, e.userToken(t, in, "u2", nil), "", nil)
	if err != nil {
		t.Fatal(err)
	}
	for name, tok := range map[string]string{"JWT": e.userToken(t, in, "u2", nil), "VisitorToken": otherSec} {
		t.Run(name, func(t *testing.T) {
			_, err := e.svc.Refresh(ctx, p, tok)
			wantCode(t, err, parley.EFORBIDDEN)
			if r := parley.ErrorReason(err); r != identity.ReasonTokenContactMismatch {
				t.Errorf("reason = %q", r)
			}
		})
	}
	if _, err := e.store.FindContactByID(ctx, e.ws.ID, other.ID); err != nil {
		t.Fatal(err)
	}
	_, err = e.svc.Refresh(ctx, p, "prlyv_unknown")
	wantCode(t, err, parley.EUNAUTHORIZED)
}

func TestMintAndResume(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	in := e.inbox(t, nil)

	sec, sess, c, err := e.svc.Mint(ctx, e.ws.ID, identity.MintRequest{InboxID: in.ID, ExternalID: "m1", Verified: true})
	if err != nil {
		t.Fatal(err)
	}
	if want := e.clock.Now().Add(identity.DefaultMintTTL); !sess.ExpiresAt.Equal(want.UTC().Truncate(time.Microsecond)) || !c.Verified {
		t.Fatalf("minted session %+v contact %+v", sess, c)
	}
	_, _, _, err = e.svc.Mint(ctx, e.ws.ID, identity.MintRequest{InboxID: in.ID, TTL: time.Second})
	wantCode(t, err, parley.EINVALID)
	p, err := e.svc.AuthenticateVisitor(ctx, sec)
	if err != nil {
		t.Fatal(err)
	}
	conv := &parley.Conversation{WorkspaceID: e.ws.ID, InboxID: in.ID, ContactID: p.ContactID}
	if _, err := e.store.CreateConversation(ctx, conv, parley.Participant{Type: parley.ParticipantContact, ID: p.ContactID}); err != nil {
		t.Fatal(err)
	}

	rsec, rt, err := e.svc.IssueResumeToken(ctx, e.ws.ID, conv.ID)
	if err != nil {
		t.Fatal(err)
	}
	rs, vsec, rc, err := e.svc.StartResumed(ctx, in.ID, rsec, "")
	if err != nil || rc.ID != c.ID || rs.ConversationID != conv.ID {
		t.Fatalf("resumed = %+v %+v %v", rs, rc, err)
	}
	rp, err := e.svc.AuthenticateVisitor(ctx, vsec)
	if err != nil || rp.ConversationID != conv.ID {
		t.Fatalf("resumed principal = %+v, %v", rp, err)
	}
	// The session expires with the token when that comes first.
	e.clock.Add(identity.ResumeTokenTTL - time.Hour)
	rs2, _, _, err := e.svc.StartResumed(ctx, in.ID, rsec, "")
	if err != nil || !rs2.ExpiresAt.Equal(rt.ExpiresAt) {
		t.Fatalf("late session = %+v (token expires %v), %v", rs2, rt.ExpiresAt, err)
	}
	e.clock.Add(2 * time.Hour)
	_, _, _, err = e.svc.StartResumed(ctx, in.ID, rsec, "")
	wantCode(t, err, parley.EUNAUTHORIZED)
}

func TestIdentifyHash(t *testing.T) {
	ctx := context.Background()
	e := newEnv(t)
	in := e.inbox(t, secretInbox)
	mac := hmac.New(sha256.New, []byte(in.Identity.Secrets[0]))
	mac.Write([]byte("+15550100"))
	good := hex.EncodeToString(mac.Sum(nil))
	res, err := e.svc.Identify(ctx, parley.SystemActor, e.ws.ID, identity.IdentifyRequest{InboxID: in.ID, Phone: "+15550100", IdentifierHash: good})
	if err != nil || !res.Created {
		t.Fatalf("identify = %+v, %v", res, err)
	}
	// Hex digits of either case, as documented.
	for _, h := range []string{strings.ToUpper(good), strings.ToUpper(good[:32]) + good[32:]} {
		if _, err := e.svc.Identify(ctx, parley.SystemActor, e.ws.ID, identity.IdentifyRequest{InboxID: in.ID, Phone: "+15550100", IdentifierHash: h}); err != nil {
			t.Errorf("identify with hash %s: %v", h, err)
		}
	}
	for _, h := range []string{good[:63], good + "0", " " + good, "0x" + good[2:], strings.Repeat("g", 64)} {
		_, err := e.svc.Identify(ctx, parley.SystemActor, e.ws.ID, identity.IdentifyRequest{InboxID: in.ID, Phone: "+15550100", IdentifierHash: h})
		wantCode(t, err, parley.EINVALID)
	}
	bad := []byte(good)
	if bad[0] == '0' {
		bad[0] = '1'
	} else {
		bad[0] = '0'
	}
	_, err = e.svc.Identify(ctx, parley.SystemActor, e.ws.ID, identity.IdentifyRequest{InboxID: in.ID, Phone: "+15550100", IdentifierHash: string(bad)})
	wantCode(t, err, parley.EUNAUTHORIZED)
	if parley.ErrorReason(err) != identity.ReasonIdentifierHash {
		t.Errorf("reason = %q", parley.ErrorReason(err))
	}
}
