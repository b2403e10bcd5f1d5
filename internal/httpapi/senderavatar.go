package httpapi

import (
	"context"
	"net/http"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) senderAvatarRoutes() {
	register(s, huma.Operation{
		OperationID: "get-sender-avatar", Method: http.MethodGet, Path: "/avatars/{workspace_id}/{hash}", Tags: []string{"Messages"},
		Summary: "An external agent's picture",
		Description: "Serves Parley's copy of the picture an app named for an external agent (a message's " +
			"`sender.avatar_url` is this path): fetched once by the server through its outbound rules, a PNG, JPEG, " +
			"GIF or WebP of at most 256 KiB, served with its sniffed type, `X-Content-Type-Options: nosniff` and a " +
			"sandboxing Content-Security-Policy. The path names the bytes (their SHA-256), so it is cached for a year. " +
			"Public: the widget shows it on customer sites. See docs/apps.md.",
		Responses: map[string]*huma.Response{
			"200": {
				Description: "The image.",
				Content:     map[string]*huma.MediaType{"image/*": {Schema: &huma.Schema{Type: huma.TypeString, Format: "binary"}}},
			},
		},
	}, public, s.getSenderAvatar)
}

func (s *server) getSenderAvatar(ctx context.Context, in *struct {
	WorkspaceID string `path:"workspace_id" maxLength:"64"`
	Hash        string `path:"hash" pattern:"^[0-9a-f]{64}$"`
}) (*brandImageFileOutput, error) {
	ct, data, err := s.store.SenderAvatar(ctx, in.WorkspaceID, in.Hash)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return nil, parley.Errorf(parley.ENOTFOUND, "Image not found.")
	} else if err != nil {
		return nil, err
	}
	return &brandImageFileOutput{
		ContentType:           ct,
		ContentTypeOptions:    "nosniff",
		ContentSecurityPolicy: "default-src 'none'; sandbox",
		CacheControl:          "public, max-age=31536000, immutable",
		ETag:                  `"` + in.Hash + `"`,
		CrossOriginResource:   "cross-origin",
		Body:                  data,
	}, nil
}
