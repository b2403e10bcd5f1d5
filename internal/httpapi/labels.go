package httpapi

import (
	"context"
	"net/http"
	"time"

	"github.com/danielgtaylor/huma/v2"

	"github.com/parleychat/parley"
)

func (s *server) labelRoutes() {
	tags := []string{"Labels"}
	register(s, huma.Operation{
		OperationID: "list-labels", Method: http.MethodGet, Path: "/api/v1/labels", Tags: tags,
		Summary: "List labels", Description: "Lists all of the workspace's labels, ordered by name (in any case).",
	}, staff(parley.ScopeConversationsRead), s.listLabels)
	register(s, huma.Operation{
		OperationID: "create-label", Method: http.MethodPost, Path: "/api/v1/labels", Tags: tags,
		Summary: "Create a label", DefaultStatus: http.StatusCreated,
		Description: "Creates a label. Names are unique in the workspace without regard to case (409).",
	}, staff(parley.ScopeLabelsWrite), s.createLabel)
	register(s, huma.Operation{
		OperationID: "update-label", Method: http.MethodPatch, Path: "/api/v1/labels/{id}", Tags: tags,
		Summary: "Change a label", Description: "Changes the fields present in the body; the label stays on what carries it.",
	}, staff(parley.ScopeLabelsWrite), s.updateLabel)
	register(s, huma.Operation{
		OperationID: "delete-label", Method: http.MethodDelete, Path: "/api/v1/labels/{id}", Tags: tags,
		Summary: "Delete a label", DefaultStatus: http.StatusNoContent,
		Description: "Deletes the label and takes it off every conversation and contact.",
	}, staff(parley.ScopeLabelsWrite), s.deleteLabel)
	for _, t := range []struct {
		target      parley.LabelTarget
		path, what  string
		read, write parley.Scope
	}{
		{parley.LabelConversation, "/api/v1/conversations/{id}/labels", "conversation", parley.ScopeConversationsRead, parley.ScopeConversationsWrite},
		{parley.LabelContact, "/api/v1/contacts/{id}/labels", "contact", parley.ScopeContactsRead, parley.ScopeContactsWrite},
	} {
		register(s, huma.Operation{
			OperationID: "list-" + t.what + "-labels", Method: http.MethodGet, Path: t.path, Tags: tags,
			Summary: "Labels of a " + t.what, Description: "Lists the labels the " + t.what + " carries, ordered by name.",
		}, staff(t.read), s.targetLabels(t.target))
		register(s, huma.Operation{
			OperationID: "add-" + t.what + "-label", Method: http.MethodPut, Path: t.path + "/{label_id}", Tags: tags,
			Summary: "Put a label on a " + t.what, DefaultStatus: http.StatusNoContent,
			Description: "Puts the label on the " + t.what + "; harmless if it is already there. A " + t.what +
				" carries at most 50 labels (422).",
		}, staff(t.write), s.changeTargetLabel(t.target, true))
		register(s, huma.Operation{
			OperationID: "remove-" + t.what + "-label", Method: http.MethodDelete, Path: t.path + "/{label_id}", Tags: tags,
			Summary: "Take a label off a " + t.what, DefaultStatus: http.StatusNoContent,
			Description: "Takes the label off the " + t.what + "; harmless if it was not there.",
		}, staff(t.write), s.changeTargetLabel(t.target, false))
	}
}

type labelView struct {
	ID          string    `json:"id"`
	Name        string    `json:"name"`
	Color       string    `json:"color" doc:"#rrggbb"`
	Description string    `json:"description"`
	CreatedAt   time.Time `json:"created_at"`
	UpdatedAt   time.Time `json:"updated_at"`
}

func newLabelView(l *parley.Label) labelView {
	return labelView{ID: l.ID, Name: l.Name, Color: l.Color, Description: l.Description, CreatedAt: l.CreatedAt, UpdatedAt: l.UpdatedAt}
}

type labelOutput struct {
	Body labelView
}

type labelsOutput struct {
	Body struct {
		Items []labelView `json:"items" nullable:"false"`
	}
}

func newLabelsOutput(labels []*parley.Label) *labelsOutput {
	out := &labelsOutput{}
	out.Body.Items = make([]labelView, 0, len(labels))
	for _, l := range labels {
		out.Body.Items = append(out.Body.Items, newLabelView(l))
	}
	return out
}

func (s *server) listLabels(ctx context.Context, _ *struct{}) (*labelsOutput, error) {
	labels, err := s.store.ListLabels(ctx, principal(ctx).WorkspaceID)
	if err != nil {
		return nil, err
	}
	return newLabelsOutput(labels), nil
}

// labelFields are the fields of a label in a request; nil means absent.
type labelFields struct {
	Name        *string `json:"name,omitempty" doc:"At most 64 bytes; unique in the workspace in any case."`
	Color       *string `json:"color,omitempty" doc:"#rrggbb; default #6b7280."`
	Description *string `json:"description,omitempty" doc:"At most 500 bytes."`
}

func (f labelFields) validate(create bool) error {
	var v parley.Validation
	if f.Name != nil || create {
		v.LabelName("name", deref(f.Name))
	}
	if f.Color != nil && !parley.ValidColor(*f.Color) {
		v.Add("color", "must be a colour #rrggbb")
	}
	if f.Description != nil {
		v.BoundedText("description", *f.Description, parley.MaxLabelDescriptionLength)
	}
	return v.Err()
}

func deref(s *string) string {
	if s == nil {
		return ""
	}
	return *s
}

type createLabelInput struct {
	Body labelFields
}

func (s *server) createLabel(ctx context.Context, in *createLabelInput) (*labelOutput, error) {
	if err := in.Body.validate(true); err != nil {
		return nil, err
	}
	p := principal(ctx)
	l := &parley.Label{WorkspaceID: p.WorkspaceID, Name: *in.Body.Name, Color: "#6b7280", Description: deref(in.Body.Description)}
	if in.Body.Color != nil {
		l.Color = *in.Body.Color
	}
	if err := s.store.CreateLabel(ctx, p.Actor, l); err != nil {
		return nil, err
	}
	return &labelOutput{Body: newLabelView(l)}, nil
}

type labelIDInput struct {
	ID string `path:"id" doc:"The label's ID."`
}

type updateLabelInput struct {
	ID   string `path:"id" doc:"The label's ID."`
	Body labelFields
}

func (s *server) updateLabel(ctx context.Context, in *updateLabelInput) (*labelOutput, error) {
	if err := in.Body.validate(false); err != nil {
		return nil, err
	}
	p := principal(ctx)
	l, err := s.store.UpdateLabel(ctx, p.Actor, p.WorkspaceID, in.ID, parley.LabelUpdate{
		Name: in.Body.Name, Color: in.Body.Color, Description: in.Body.Description,
	})
	if err != nil {
		return nil, err
	}
	return &labelOutput{Body: newLabelView(l)}, nil
}

func (s *server) deleteLabel(ctx context.Context, in *labelIDInput) (*struct{}, error) {
	p := principal(ctx)
	return nil, s.store.DeleteLabel(ctx, p.Actor, p.WorkspaceID, in.ID)
}

type targetIDInput struct {
	ID string `path:"id" doc:"The conversation's or contact's ID."`
}

func (s *server) targetLabels(target parley.LabelTarget) func(context.Context, *targetIDInput) (*labelsOutput, error) {
	return func(ctx context.Context, in *targetIDInput) (*labelsOutput, error) {
		labels, err := s.store.TargetLabels(ctx, principal(ctx).WorkspaceID, target, in.ID)
		if err != nil {
			return nil, err
		}
		return newLabelsOutput(labels), nil
	}
}

type targetLabelInput struct {
	ID      string `path:"id" doc:"The conversation's or contact's ID."`
	LabelID string `path:"label_id" doc:"The label's ID."`
}

func (s *server) changeTargetLabel(target parley.LabelTarget, add bool) func(context.Context, *targetLabelInput) (*struct{}, error) {
	return func(ctx context.Context, in *targetLabelInput) (*struct{}, error) {
		p := principal(ctx)
		if add {
			return nil, s.store.AddLabel(ctx, p.Actor, p.WorkspaceID, target, in.ID, in.LabelID)
		}
		return nil, s.store.RemoveLabel(ctx, p.Actor, p.WorkspaceID, target, in.ID, in.LabelID)
	}
}
