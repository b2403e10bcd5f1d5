package store

import (
	"context"
	"database/sql"
	"errors"
	"fmt"
	"maps"
	"reflect"
	"strings"

	"github.com/parleychat/parley"
)

// IdentifyContact finds or creates the contact holding in's identifiers,
// merging every other holder (and in.MergeContactID) into it, records
// in's fields on it and opens in.Session, in one transaction (see
// parley.ContactStore).
func (s *Store) IdentifyContact(ctx context.Context, in parley.Identify) (*parley.IdentifyResult, error) {
	in.ExternalID, in.Phone = strings.TrimSpace(in.ExternalID), strings.TrimSpace(in.Phone)
	in.Email = parley.NormalizeEmail(in.Email)
	if in.ExternalID == "" && in.Email == "" && in.Phone == "" {
		var v parley.Validation
		v.Add("external_id", "an external_id, email or phone is required")
		return nil, v.Err()
	}
	var res *parley.IdentifyResult
	err := s.inTx(ctx, func(tx runner) error {
		res = &parley.IdentifyResult{}
		now := s.now()
		if in.Session != nil {
			// Checked first, so that a bad inbox leaves no change behind.
			if err := mustExist(ctx, tx, "inboxes", "Inbox", in.WorkspaceID, in.Session.InboxID); err != nil {
				return err
			}
		}
		holders, err := s.identifierHolders(ctx, tx, in)
		if err != nil {
			return err
		}
		if in.MergeContactID != "" && !containsContact(holders, in.MergeContactID) {
			c, err := findContact(ctx, tx, s.dialect, in.WorkspaceID, in.MergeContactID)
			if err != nil {
				return err
			}
			holders = append(holders, c)
		}
		var target *parley.Contact
		if len(holders) > 0 && holderOfAny(holders[0], in) {
			target, holders = holders[0], holders[1:]
		} else {
			// Nobody holds the identifiers (the contact to merge, if any,
			// holds none of them): a new contact.
			target = &parley.Contact{WorkspaceID: in.WorkspaceID, Verified: in.Verified}
			ev, err := insertContact(ctx, tx, target, now)
			if err != nil {
				return err
			}
			res.Created = true
			res.Events = append(res.Events, ev)
		}
		for _, src := range holders {
			m, ev, err := mergeContact(ctx, tx, target, src, in.Reason, in.Actor, now)
			if err != nil {
				return err
			}
			res.Merges = append(res.Merges, m)
			res.Events = append(res.Events, ev)
		}
		before := *target
		before.Attributes = maps.Clone(target.Attributes)
		applyIdentify(target, in)
		if !reflect.DeepEqual(&before, target) || res.Created {
			ev, err := saveContact(ctx, tx, target, now)
			if err != nil {
				return err
			}
			res.Events = append(res.Events, ev)
		}
		if in.Session != nil {
			in.Session.ContactID = target.ID
			if err := insertVisitorSession(ctx, tx, in.Session, in.SessionHash, now); err != nil {
				return err
			}
		}
		if in.Actor != nil && (res.Created || len(res.Merges) > 0) {
			err := insertAudit(ctx, tx, parley.AuditEntry{
				WorkspaceID: in.WorkspaceID, Actor: *in.Actor, Action: "contact.identify", TargetType: "contact",
				TargetID: target.ID, Details: map[string]any{"created": res.Created, "merged": len(res.Merges)}, CreatedAt: now,
			})
			if err != nil {
				return err
			}
		}
		res.Contact = target
		return nil
	})
	if err != nil {
		return nil, err
	}
	return res, nil
}

// identifierHolders returns, without repeats, the contacts holding in's
// external ID, email and phone, in that order, their rows locked.
func (s *Store) identifierHolders(ctx context.Context, tx runner, in parley.Identify) ([]*parley.Contact, error) {
	var out []*parley.Contact
	for _, f := range []struct{ column, value string }{
		{"external_id", in.ExternalID}, {"email", in.Email}, {"phone", in.Phone},
	} {
		if f.value == "" {
			continue
		}
		c, err := scanContact(tx.queryRow(ctx, `SELECT `+contactColumns+` FROM contacts WHERE workspace_id = ? AND `+
			f.column+` = ?`+s.dialect.forUpdate(), in.WorkspaceID, f.value))
		if errors.Is(err, sql.ErrNoRows) {
			continue
		} else if err != nil {
			return nil, fmt.Errorf("identify contact: %w", err)
		}
		if !containsContact(out, c.ID) {
			out = append(out, c)
		}
	}
	return out, nil
}

func containsContact(cs []*parley.Contact, id string) bool {
	for _, c := range cs {
		if c.ID == id {
			return true
		}
	}
	return false
}

// holderOfAny reports whether c holds one of in's identifiers.
func holderOfAny(c *parley.Contact, in parley.Identify) bool {
	return (in.ExternalID != "" && c.ExternalID == in.ExternalID) || (in.Email != "" && c.Email == in.Email) ||
		(in.Phone != "" && c.Phone == in.Phone)
}

// applyIdentify records in's identifiers, name, attributes and verified
// flag on c.
func applyIdentify(c *parley.Contact, in parley.Identify) {
	for _, f := range []struct {
		dst *string
		src string
	}{
		{&c.ExternalID, in.ExternalID}, {&c.Email, in.Email}, {&c.Phone, in.Phone}, {&c.Name, in.Name},
	} {
		if f.src != "" {
			*f.dst = f.src
		}
	}
	if len(in.Attributes) > 0 {
		if c.Attributes == nil {
			c.Attributes = map[string]any{}
		}
		attrs, _, _ := encodeAttributesLoose(in.Attributes)
		maps.Copy(c.Attributes, attrs)
	}
	c.Verified = c.Verified || in.Verified
}

// encodeAttributesLoose returns attrs as they read back from storage
// (numbers as float64), or attrs unchanged if they do not encode (the
// write that follows reports it).
func encodeAttributesLoose(attrs map[string]any) (map[string]any, string, error) {
	s, out, err := encodeAttributes(attrs)
	if err != nil {
		return attrs, "", err
	}
	return out, s, nil
}
