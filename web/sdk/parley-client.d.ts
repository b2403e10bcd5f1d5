// Type definitions for @parley/client, Parley's browser SDK (docs/sdk.md).
// Hand-written; kept next to parley-client.js, which they describe.

export interface ClientOptions {
  /** Parley's origin, e.g. "https://chat.example.com"; "" (default) for the page's own. */
  base?: string
  /** The inbox id (inb_…) the visitor chats with. */
  inbox?: string
  /**
   * Returns a token from the site's back-end: an identity JWT (exchanged for a
   * visitor session) or a visitor token (prlyv_…). Called at init, when the
   * server says the token is expiring (token_expiring), and when it is refused.
   * Without it, the visitor is a guest whose session is kept in localStorage.
   */
  getToken?: () => Promise<string | null | undefined>
  /** Keep the session in localStorage (default true). */
  storage?: boolean
  /** Used by the widget only: its language. */
  locale?: string
  /**
   * Start a guest session at init, so that the visitor is on the agents' list
   * of visitors on the site (and may be invited) before they chat. Default false:
   * a guest session starts when the visitor first writes.
   */
  presence?: boolean
  /** Report the page the visitor is on (URL without fragment, title) to agents (default true). */
  reportPage?: boolean
}

/** An agent's invitation to chat (docs/widget.md); nothing is stored until the visitor replies. */
export interface Invitation {
  id: string
  contact_id: string
  message: string
  agent: Sender
  agent_name: string
  agent_avatar_url?: string
  created_at: string
}

export interface Sender {
  type: 'contact' | 'agent' | 'bot' | 'system' | string
  id?: string
  display_name?: string
  /** The picture of the external agent an app sent as (an https URL). */
  avatar_url?: string
}

export interface Attachment {
  id: string
  name: string
  content_type: string
  size: number
}

export interface Message {
  id?: string
  conversation_id?: string
  seq?: number
  client_id?: string
  kind: 'text' | 'attachment' | string
  body: string
  sender: Sender
  attachments: Attachment[]
  created_at: string
  /** True while not yet acknowledged by the server (shown at once, sent again after a reconnect). */
  pending?: boolean
}

export interface Conversation {
  id: string
  status: 'open' | 'pending' | 'snoozed' | 'resolved' | string
  updated_at: string
  [key: string]: unknown
}

/** What the client knows of one conversation. */
export interface ConversationState {
  id: string
  conversation: Conversation | null
  /** In seq order; pending messages last. */
  messages: Message[]
  /** True once the server confirmed the subscription (history replayed). */
  loaded: boolean
  unread: number
  /** The highest seq an agent has read ("Seen"). */
  agentRead: number
  readSent: number
  /** Date.now() until which an agent is shown typing. */
  typingUntil: number
}

export interface Inbox {
  id: string
  name: string
  online: boolean
  /** The inbox's queue: available_agents 0 means nobody could take a chat now (kept current by refreshOnline). */
  queue?: { queue_id: string; online_agents: number; available_agents: number; open: boolean; opens_at?: string }
  [key: string]: unknown
}

export type ConnectionState = 'idle' | 'connecting' | 'online' | 'reconnecting' | 'stopped'

export interface ClientEvents {
  ready: { inbox: string; online: boolean; identified: boolean }
  change: {}
  state: { state: ConnectionState }
  session: { token: string; expires_at: string; refreshed: boolean }
  token_expiring: { expires_at: string }
  message: { conversation_id: string; message: Message }
  typing: { conversation_id: string }
  read: { conversation_id: string; seq: number }
  unread: { count: number }
  availability: { online: boolean }
  conversation_started: { id: string }
  invitation: Invitation
}

export class ApiError extends Error {
  status: number
  code: string
  reason: string
  problem: Record<string, unknown>
}

export class ParleyClient {
  constructor(opts?: ClientOptions)
  base: string
  inboxId: string
  inbox: Inbox | null
  /** The visitor token (prlyv_…), null before a session. */
  token: string | null
  expiresAt: string
  state: ConnectionState
  ready: boolean
  /** The id of the current conversation: send, upload and typing go to it. */
  current: string | null
  convs: Map<string, ConversationState>
  /** The last invitation received, until dismissed (set it to null). */
  invitation: Invitation | null

  on<E extends keyof ClientEvents>(event: E, fn: (data: ClientEvents[E]) => void): () => void
  init(opts?: Partial<ClientOptions>): Promise<void>
  session(create?: boolean): Promise<string | null>
  useToken(token: string): Promise<void>
  identify(token: string): Promise<void>
  refreshFromBackend(): Promise<void>
  forget(): void
  /** Tells Parley the page the visitor is on now (after a single-page app's navigation). */
  reportPage(): void
  api<T = any>(path: string, opts?: { method?: string; body?: unknown; raw?: boolean; headers?: Record<string, string> }): Promise<T>

  list(): ConversationState[]
  conv(id: string): ConversationState
  startConversation(): Promise<string>
  show(id: string | null): void
  isShown(id: string): boolean
  markRead(conv: string | ConversationState): void
  unreadTotal(): number

  send(body: string, attachmentIds?: string[]): Promise<Message>
  upload(file: Blob & { name: string }): Promise<Message>
  attachmentURL(att: Attachment): Promise<string>
  typing(): void
}

export function newClientId(): string
export function request<T = any>(base: string, path: string, opts?: { method?: string; token?: string; body?: unknown; raw?: boolean; headers?: Record<string, string> }): Promise<T>
export class Connection {
  constructor(opts: {
    url: string
    auth: () => unknown
    onFrame?: (frame: any) => void
    onState?: (state: ConnectionState) => void
    onAuthFailed?: (reason: string) => unknown
  })
  start(): void
  stop(): void
  drop(): void
  reconnectNow(): void
  follow(conversationId: string): Promise<any>
  send(conversationId: string, msg: { body: string; client_id?: string; kind?: string; attachment_ids?: string[] }): Promise<any>
  raw(frame: object, resend?: boolean): Promise<any>
}
