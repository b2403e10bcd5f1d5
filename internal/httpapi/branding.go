package httpapi

import (
	"context"
	"errors"
	"io"
	"net/http"
	"strconv"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
	"github.com/parleychat/parley/internal/account"
)

func (s *server) brandingRoutes() {
	tags := []string{"Workspaces"}
	register(s, huma.Operation{
		OperationID: "get-branding", Method: http.MethodGet, Path: "/api/v1/branding", Tags: tags,
		Summary:     "Get the branding",
		Description: "Returns the caller's workspace's branding: product name, sign-in title, colour and the URLs of its images.",
	}, staff(parley.ScopeInboxesRead), s.getBranding)
	register(s, huma.Operation{
		OperationID: "update-branding", Method: http.MethodPatch, Path: "/api/v1/branding", Tags: tags,
		Summary: "Change the branding",
		Description: "Changes the fields given; an empty string returns a field to Parley's own. The console shows the " +
			"product name in its header and title, the sign-in title on the sign-in page; the widget uses the colour " +
			"when the inbox sets none. See docs/console.md.",
	}, staff(parley.ScopeInboxesWrite), s.updateBranding)
	register(s, huma.Operation{
		OperationID: "put-brand-image", Method: http.MethodPut, Path: "/api/v1/branding/{kind}", Tags: tags,
		Summary: "Upload the logo or the default agent avatar",
		Description: "Stores the request body as the workspace's logo (console header and sign-in page) or default agent " +
			"avatar (the widget's picture of agents who have none). The body is the image itself, at most 256 KiB; its " +
			"type is read from its content, not from Content-Type or a file name: PNG, JPEG, GIF or WebP (no SVG), at " +
			"most 2048 pixels a side. Parley serves it from its own origin; it is never hot-linked.",
		RequestBody: &huma.RequestBody{
			Required:    true,
			Description: "The image's bytes.",
			Content: map[string]*huma.MediaType{
				"application/octet-stream": {Schema: &huma.Schema{Type: huma.TypeString, Format: "binary"}},
			},
		},
		Middlewares: huma.Middlewares{withRequestBody},
	}, staff(parley.ScopeInboxesWrite), s.putBrandImage)
	register(s, huma.Operation{
		OperationID: "delete-brand-image", Method: http.MethodDelete, Path: "/api/v1/branding/{kind}", Tags: tags,
		Summary: "Remove the logo or the default agent avatar",
	}, staff(parley.ScopeInboxesWrite), s.deleteBrandImage)
	register(s, huma.Operation{
		OperationID: "get-brand-image", Method: http.MethodGet, Path: "/branding/{workspace_id}/{kind}", Tags: tags,
		Summary: "A workspace's logo or default agent avatar",
		Description: "Serves the image with its sniffed type, `X-Content-Type-Options: nosniff` and a sandboxing " +
			"Content-Security-Policy; the `v` query parameter of the URLs Parley gives changes with the image, so it " +
			"is cached for a day. Public: the sign-in page and the widget on customer sites show it.",
		Responses: map[string]*huma.Response{
			"200": {
				Description: "The image.",
				Content:     map[string]*huma.MediaType{"image/*": {Schema: &huma.Schema{Type: huma.TypeString, Format: "binary"}}},
			},
		},
	}, public, s.getBrandImage)
}

// publicBrandingView is what anyone may see of a workspace's branding.
type publicBrandingView struct {
	ProductName string `json:"product_name" doc:"The console's name; empty for Parley."`
	SignInTitle string `json:"sign_in_title" doc:"The sign-in page's heading; empty for the default."`
	Color       string `json:"color" doc:"Primary colour, #rrggbb; empty for Parley's."`
	LogoURL     string `json:"logo_url" doc:"Path of the logo on this server; empty when none."`
	AvatarURL   string `json:"avatar_url" doc:"Path of the default agent avatar on this server; empty when none."`
}

func newPublicBrandingView(b *parley.Branding) publicBrandingView {
	return publicBrandingView{
		ProductName: b.ProductName, SignInTitle: b.SignInTitle, Color: b.Color,
		LogoURL: brandImageURL(b.WorkspaceID, parley.BrandLogo, b.Logo), AvatarURL: brandImageURL(b.WorkspaceID, parley.BrandAvatar, b.Avatar),
	}
}

// brandImageURL is the path an image is served at, with its hash as a
// version so that a new image is a new URL; "" without an image.
func brandImageURL(workspaceID string, kind parley.BrandImageKind, img *parley.BrandImage) string {
	if img == nil {
		return ""
	}
	return "/branding/" + workspaceID + "/" + string(kind) + "?v=" + img.Hash[:16]
}

// publicBranding returns the branding of the workspace named by slug (""
// for the default); empty for an unknown one.
func (s *server) publicBranding(ctx context.Context, slug string) (publicBrandingView, error) {
	if slug == "" {
		slug = parley.DefaultWorkspaceSlug
	}
	if len(slug) > maxSlugLength || !parley.ValidSlug(slug) {
		return publicBrandingView{}, nil
	}
	ws, err := s.store.FindWorkspaceBySlug(ctx, slug)
	if parley.ErrorCode(err) == parley.ENOTFOUND {
		return publicBrandingView{}, nil
	} else if err != nil {
		return publicBrandingView{}, err
	}
	b, err := s.store.Branding(ctx, ws.ID)
	if err != nil {
		return publicBrandingView{}, err
	}
	return newPublicBrandingView(b), nil
}

type brandingView struct {
	publicBrandingView
	UpdatedAt time.Time `json:"updated_at" doc:"Zero while never set."`
}

type brandingOutput struct {
	Body brandingView
}

func brandingResponse(b *parley.Branding) *brandingOutput {
	return &brandingOutput{Body: brandingView{publicBrandingView: newPublicBrandingView(b), UpdatedAt: b.UpdatedAt}}
}

func (s *server) getBranding(ctx context.Context, _ *struct{}) (*brandingOutput, error) {
	b, err := s.store.Branding(ctx, principal(ctx).WorkspaceID)
	if err != nil {
		return nil, err
	}
	return brandingResponse(b), nil
}

type updateBrandingInput struct {
	Body struct {
		ProductName *string `json:"product_name,omitempty" maxLength:"60"`
		SignInTitle *string `json:"sign_in_title,omitempty" maxLength:"120"`
		Color       *string `json:"color,omitempty" maxLength:"7" doc:"#rrggbb, or empty for Parley's."`
	}
}

func (s *server) updateBranding(ctx context.Context, in *updateBrandingInput) (*brandingOutput, error) {
	p := principal(ctx)
	b, err := s.accts.UpdateBranding(ctx, p.Actor, p.WorkspaceID, parley.BrandingUpdate{
		ProductName: in.Body.ProductName, SignInTitle: in.Body.SignInTitle, Color: in.Body.Color,
	})
	if err != nil {
		return nil, err
	}
	return brandingResponse(b), nil
}

type brandImageInput struct {
	Kind          string `path:"kind" enum:"logo,avatar"`
	ContentLength string `header:"Content-Length" hidden:"true"`
}

func (s *server) putBrandImage(ctx context.Context, in *brandImageInput) (*brandingOutput, error) {
	p := principal(ctx)
	if n, err := strconv.ParseInt(in.ContentLength, 10, 64); err == nil && n > account.MaxBrandImageSize {
		return nil, brandImageTooLarge()
	}
	body, _ := ctx.Value(requestBodyKey{}).(io.Reader)
	if body == nil {
		return nil, errors.New("httpapi: upload without its request body")
	}
	data, err := io.ReadAll(io.LimitReader(body, account.MaxBrandImageSize+1))
	if err != nil {
		return nil, parley.Errorf(parley.EINVALID, "The image could not be read completely.")
	}
	if len(data) > account.MaxBrandImageSize {
		return nil, brandImageTooLarge()
	}
	b, err := s.accts.SetBrandImage(ctx, p.Actor, p.WorkspaceID, parley.BrandImageKind(in.Kind), data)
	if err != nil {
		return nil, err
	}
	return brandingResponse(b), nil
}

func brandImageTooLarge() error {
	return &parley.Error{Code: parley.EINVALID, Message: "The image is too large.",
		Fields: []parley.FieldError{{Field: "file", Message: "must be at most 262144 bytes"}}}
}

func (s *server) deleteBrandImage(ctx context.Context, in *brandImageInput) (*brandingOutput, error) {
	p := principal(ctx)
	b, err := s.accts.SetBrandImage(ctx, p.Actor, p.WorkspaceID, parley.BrandImageKind(in.Kind), nil)
	if err != nil {
		return nil, err
	}
	return brandingResponse(b), nil
}

type brandImageFileOutput struct {
	ContentType           string `header:"Content-Type"`
	ContentTypeOptions    string `header:"X-Content-Type-Options"`
	ContentSecurityPolicy string `header:"Content-Security-Policy"`
	CacheControl          string `header:"Cache-Control"`
	ETag                  string `header:"ETag"`
	CrossOriginResource   string `header:"Cross-Origin-Resource-Policy"`
	Body                  []byte
}

func (s *server) getBrandImage(ctx context.Context, in *struct {
	WorkspaceID string `path:"workspace_id" maxLength:"64"`
	Kind        string `path:"kind" enum:"logo,avatar"`
	Version     string `query:"v" maxLength:"64" doc:"Any value; changes with the image."`
}) (*brandImageFileOutput, error) {
	img, data, err := s.store.BrandImage(ctx, in.WorkspaceID, parley.BrandImageKind(in.Kind))
	if err != nil {
		return nil, parley.Errorf(parley.ENOTFOUND, "Image not found.")
	}
	return &brandImageFileOutput{
		ContentType:           img.ContentType,
		ContentTypeOptions:    "nosniff",
		ContentSecurityPolicy: "default-src 'none'; sandbox",
		CacheControl:          "public, max-age=86400",
		ETag:                  `"` + img.Hash + `"`,
		CrossOriginResource:   "cross-origin", // the widget shows it on customer sites
		Body:                  data,
	}, nil
}
