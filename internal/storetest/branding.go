package storetest

import (
	"bytes"
	"testing"
	"time"

	"github.com/parleychat/parley"
)

func testBranding(t *testing.T, open func(t *testing.T) parley.Store) {
	s := open(t)

	t.Run("Empty", func(t *testing.T) {
		ws := mustWorkspace(t, s)
		got, err := s.Branding(t.Context(), ws.ID)
		must(t, err)
		diff(t, &parley.Branding{WorkspaceID: ws.ID}, got)
		_, _, err = s.BrandImage(t.Context(), ws.ID, parley.BrandLogo)
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("UnknownWorkspace", func(t *testing.T) {
		const id = "01900000-0000-7000-8000-0000000000ff"
		_, err := s.Branding(t.Context(), id)
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.UpdateBranding(t.Context(), actor, id, parley.BrandingUpdate{ProductName: ptr("X")})
		wantCode(t, err, parley.ENOTFOUND)
		_, err = s.SetBrandImage(t.Context(), actor, id, parley.BrandLogo, "image/png", []byte("png"))
		wantCode(t, err, parley.ENOTFOUND)
	})

	t.Run("UpdateFields", func(t *testing.T) {
		ws := mustWorkspace(t, s)
		before := time.Now()
		b, err := s.UpdateBranding(t.Context(), actor, ws.ID, parley.BrandingUpdate{ProductName: ptr("Acme Support"), Color: ptr("#0a7c59")})
		must(t, err)
		checkStamp(t, "UpdatedAt", b.UpdatedAt, before)
		diff(t, &parley.Branding{WorkspaceID: ws.ID, ProductName: "Acme Support", Color: "#0a7c59", UpdatedAt: b.UpdatedAt}, b)
		wantAudit(t, s, ws.ID, "workspace.branding_update", "workspace", ws.ID)

		b, err = s.UpdateBranding(t.Context(), actor, ws.ID, parley.BrandingUpdate{SignInTitle: ptr("Welcome back")})
		must(t, err)
		got, err := s.Branding(t.Context(), ws.ID)
		must(t, err)
		diff(t, b, got)
		diff(t, "Acme Support", got.ProductName)
		diff(t, "Welcome back", got.SignInTitle)
	})

	t.Run("Images", func(t *testing.T) {
		ws := mustWorkspace(t, s)
		other := mustWorkspace(t, s)
		logo := bytes.Repeat([]byte{0x89, 'P', 'N', 'G'}, 100)
		b, err := s.SetBrandImage(t.Context(), actor, ws.ID, parley.BrandLogo, "image/png", logo)
		must(t, err)
		if b.Logo == nil || b.Logo.ContentType != "image/png" || b.Logo.Size != len(logo) || len(b.Logo.Hash) != 64 || b.Avatar != nil {
			t.Fatalf("after setting the logo: logo %+v, avatar %+v", b.Logo, b.Avatar)
		}
		wantAudit(t, s, ws.ID, "workspace.branding_image", "workspace", ws.ID)
		img, data, err := s.BrandImage(t.Context(), ws.ID, parley.BrandLogo)
		must(t, err)
		diff(t, b.Logo, img)
		diff(t, logo, data)

		// Another workspace sees none of it.
		_, _, err = s.BrandImage(t.Context(), other.ID, parley.BrandLogo)
		wantCode(t, err, parley.ENOTFOUND)

		avatar := []byte("GIF89a-avatar")
		b, err = s.SetBrandImage(t.Context(), actor, ws.ID, parley.BrandAvatar, "image/gif", avatar)
		must(t, err)
		if b.Logo == nil || b.Avatar == nil || b.Avatar.Hash == b.Logo.Hash {
			t.Fatalf("after setting the avatar: logo %+v, avatar %+v", b.Logo, b.Avatar)
		}

		b, err = s.SetBrandImage(t.Context(), actor, ws.ID, parley.BrandLogo, "", nil)
		must(t, err)
		if b.Logo != nil || b.Avatar == nil {
			t.Fatalf("after removing the logo: logo %+v, avatar %+v", b.Logo, b.Avatar)
		}
		_, _, err = s.BrandImage(t.Context(), ws.ID, parley.BrandLogo)
		wantCode(t, err, parley.ENOTFOUND)
		_, _, err = s.BrandImage(t.Context(), ws.ID, parley.BrandImageKind("logo; DROP TABLE branding"))
		wantCode(t, err, parley.ENOTFOUND)
	})
}
