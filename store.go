package parley

import "context"

// Store is the source of truth. One implementation (internal/store) serves
// SQLite and PostgreSQL; internal/storetest checks both against this contract.
// Every mutating method that takes an Actor writes an AuditEntry in the same
// transaction.
type Store interface {
	WorkspaceStore
	AgentStore
	PresenceStore
	InboxStore
	TokenStore
	SessionStore
	LoginThrottleStore
	AuditStore
	ContactStore
	ContactNoteStore
	RatingStore
	ReportStore
	SupervisorStore
	VisitorSessionStore
	ResumeTokenStore
	MergeStore
	ConversationStore
	MessageStore
	ReadStateStore
	AttachmentStore
	EventStore
	SignInStore
	BrandingStore
	SenderAvatarStore
	CredentialStore
	LabelStore
	CannedStore
	WebhookStore
	RoutingStore
	OfferStore
	EscalationStore
	SearchStore
	HandoffStore
	ContextEndpointStore
	AppStore
	ContactSeenStore

	// Ping reports whether the database answers.
	Ping(ctx context.Context) error
	// Close releases the database.
	Close() error
}
