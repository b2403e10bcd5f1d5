// @parley/client — the browser SDK for chat screens of Parley's visitors
// (docs/sdk.md). It holds the client logic the website widget is built on:
// the visitor's session (a guest session, or an identity JWT / visitor
// token from the site's back-end, with a reminder before the token expires
// and a refresh through getToken), the WebSocket connection with gap-free
// resume (subscribe after_seq), the visitor's conversations and their
// messages, sending with idempotency (client_id, sent again after a
// reconnect until acknowledged), typing, read receipts and attachments.
//
//   import { ParleyClient } from 'https://HOST/sdk/parley-client.js'
//   const client = new ParleyClient({ base: 'https://HOST', inbox: 'INBOX_ID' })
//   client.on('message', ({ conversation_id, message }) => …)
//   await client.init()
//   await client.send('Hello')
//
// The client keeps its state in plain fields (conversations, state, inbox)
// and emits "change" after every change, so any UI can render it.

import { ApiError, request } from './api.js'
import { Connection, newClientId } from './socket.js'

export { ApiError, Connection, newClientId, request }

const TYPING_SHOWN = 4000
const MAX_FOLLOWED = 20

/** @typedef {import('./parley-client.d.ts').ClientOptions} ClientOptions */
/** @typedef {import('./parley-client.d.ts').Message} Message */
/** @typedef {import('./parley-client.d.ts').ConversationState} ConversationState */

export class ParleyClient {
  /** @param {ClientOptions} [opts] */
  constructor(opts = {}) {
    /** Parley's origin, e.g. "https://chat.example.com" ("" for this one). */
    this.base = (opts.base || '').replace(/\/$/, '')
    this.inboxId = opts.inbox || ''
    /** @type {(() => Promise<string|null|undefined>) | null} */
    this.getToken = opts.getToken || null
    this.persist = opts.storage !== false
    this.handlers = {}
    this.inbox = null // GET /api/v1/visitor/inbox
    this.token = null
    this.expiresAt = ''
    this.conn = null
    /** @type {'idle'|'connecting'|'online'|'reconnecting'|'stopped'} */
    this.state = 'idle'
    /** @type {Map<string, ConversationState>} */
    this.convs = new Map() // id → conversation state
    this.current = null // id of the conversation shown
    this.ready = false
    this.agentLoads = new Map() // conversation id → the loading of its agents
    this.agents = new Map() // agent id → {name, avatar_url}, as visitors see them
    this.availableAt = '' // the server's time of the availability frame last applied
    this.availableSeen = 0 // when it was applied, by this browser's clock
    this.invitation = null // the agent's invitation shown, if any
    this.reportPages = opts.reportPage !== false
    if (typeof addEventListener === 'function') {
      // A single-page site moves without reloading: report the new page.
      addEventListener('popstate', () => this.reportPage())
      addEventListener('online', () => this.conn && this.conn.reconnectNow())
      addEventListener('offline', () => this.conn && this.conn.drop())
    }
  }

  // --- events ---

  /** on registers fn for an event and returns a function that removes it. */
  on(event, fn) {
    (this.handlers[event] ||= []).push(fn)
    if (event === 'ready' && this.ready) fn(this.readyInfo())
    return () => { this.handlers[event] = this.handlers[event].filter((f) => f !== fn) }
  }

  emit(event, data) {
    for (const fn of this.handlers[event] || []) {
      try { fn(data) } catch (e) { setTimeout(() => { throw e }) }
    }
  }

  /** changed emits "change"; UIs re-render on it. */
  changed() { this.emit('change', {}) }

  readyInfo() {
    return { inbox: this.inbox && this.inbox.id, online: !!(this.inbox && this.inbox.online), identified: !!this.token }
  }

  // --- set-up ---

  storageKey() { return 'parley:' + this.inboxId }

  /**
   * init loads the inbox and resumes the visitor's session: from getToken
   * when given, else the guest session saved in this browser (if any).
   * @param {Partial<ClientOptions>} [opts]
   */
  async init(opts = {}) {
    if (opts.getToken) this.getToken = opts.getToken
    if (opts.base !== undefined) this.base = opts.base.replace(/\/$/, '')
    if (this.started && (!opts.inbox || this.started === opts.inbox)) {
      if (opts.getToken) await this.refreshFromBackend()
      return
    }
    if (opts.inbox) this.inboxId = opts.inbox
    if (opts.reportPage === false) this.reportPages = false
    this.started = this.inboxId
    this.inbox = await request(this.base, '/api/v1/visitor/inbox?inbox_id=' + encodeURIComponent(this.inboxId))
    this.loadedInbox(opts)
    const saved = this.load()
    if (this.getToken) await this.refreshFromBackend()
    else if (saved && saved.token && new Date(saved.expires_at) > new Date()) await this.useSession(saved.token, saved.expires_at)
    // presence: be on the agents' list of visitors (and invitable) before
    // chatting, which takes a guest session now.
    if (opts.presence && !this.token) await this.session(true)
    this.ready = true
    this.changed()
    this.emit('ready', this.readyInfo())
  }

  // loadedInbox is a hook for subclasses (the widget picks its language).
  // eslint-disable-next-line no-unused-vars
  loadedInbox(opts) {}

  load() {
    if (!this.persist) return null
    try { return JSON.parse(localStorage.getItem(this.storageKey())) } catch { return null }
  }

  /** refreshFromBackend asks getToken for a token and uses it. */
  async refreshFromBackend() {
    const t = await this.getToken()
    if (t) await this.useToken(t)
  }

  /**
   * useToken takes a visitor token (prlyv_…) or an identity JWT from the
   * site's back-end, which it exchanges for a visitor session.
   * @param {string} t
   */
  async useToken(t) {
    if (t.startsWith('prlyv_')) return this.useSession(t)
    const s = await request(this.base, '/api/v1/visitor/sessions', {
      token: this.token || undefined, body: { inbox_id: this.inboxId, token: t },
    })
    return this.useSession(s.token, s.expires_at)
  }

  /**
   * identify switches to the person a token names (an identity JWT or a
   * visitor token). A JWT is exchanged with the guest's token, so that the
   * guest's conversations move to the person (the server merges them).
   * @param {string} t
   */
  async identify(t) {
    let s = { token: t }
    if (!t.startsWith('prlyv_')) {
      s = await request(this.base, '/api/v1/visitor/sessions', {
        token: this.token || undefined, body: { inbox_id: this.inboxId, token: t },
      })
    }
    this.forget()
    await this.useSession(s.token, s.expires_at)
  }

  async useSession(token, expiresAt) {
    if (this.token === token) return
    if (this.conn && this.token) {
      // A refresh of the same visitor: hand the new token to the open connection.
      this.conn.raw({ type: 'refresh', token }).catch(() => {})
    }
    const first = !this.token
    this.token = token
    this.expiresAt = expiresAt || new Date(Date.now() + 864e5).toISOString()
    if (this.persist) {
      try {
        localStorage.setItem(this.storageKey(), JSON.stringify({ token, expires_at: this.expiresAt }))
      } catch { /* storage off */ }
    }
    this.emit('session', { token, expires_at: this.expiresAt, refreshed: !first })
    if (first || !this.conn) {
      this.connect()
      await this.loadConversations()
    }
  }

  /**
   * session returns the visitor token, starting a guest session (or asking
   * the back-end) when there is none and create is set.
   * @param {boolean} [create]
   */
  async session(create) {
    if (this.token || !create) return this.token
    if (this.getToken) {
      await this.refreshFromBackend()
    } else {
      const s = await request(this.base, '/api/v1/visitor/sessions', { body: { inbox_id: this.inboxId } })
      await this.useSession(s.token, s.expires_at)
    }
    return this.token
  }

  /** api calls Parley's REST API with the visitor's token. */
  api(path, opts = {}) {
    return request(this.base, path, { ...opts, token: this.token })
  }

  /**
   * reportPage tells Parley the page the visitor is on — its URL (without
   * the fragment) and title, and nothing else — so that agents see it in
   * their list of visitors on the site. Sent on every (re)connection and
   * on popstate; call it after a single-page app changes page by other
   * means. Off with the reportPage: false option.
   */
  reportPage() {
    if (!this.reportPages || !this.conn || typeof location === 'undefined') return
    const url = location.href.split('#')[0].slice(0, 2048)
    const title = (typeof document !== 'undefined' ? document.title : '').trim().slice(0, 300)
    this.conn.raw({ type: 'page', url, title }).catch(() => {})
  }

  connect() {
    if (this.conn) this.conn.stop()
    this.conn = new Connection({
      url: (this.base || location.origin).replace(/^http/, 'ws') + '/api/v1/realtime',
      auth: () => ({ type: 'auth', token: this.token }),
      onFrame: (f) => this.onFrame(f),
      onState: (s) => { this.state = s; this.emit('state', { state: s }); this.changed() },
      onAuthFailed: () => this.authFailed(),
    })
    this.conn.start()
    this.conn.followFeed(() => this.loadConversations().catch(() => {})).catch(() => {})
  }

  async authFailed() {
    if (this.getToken) {
      this.token = null
      return this.refreshFromBackend()
    }
    this.forget() // the guest session ended: the next message starts a new one
  }

  /** forget ends the session in this browser: the connection and the saved token. */
  forget() {
    if (this.conn) this.conn.stop()
    this.conn = null
    this.token = null
    this.convs.clear()
    this.current = null
    this.state = 'idle'
    if (this.persist) {
      try { localStorage.removeItem(this.storageKey()) } catch { /* storage off */ }
    }
    this.changed()
    this.emitUnread()
  }

  // --- conversations ---

  /** @returns {ConversationState} */
  conv(id) {
    let c = this.convs.get(id)
    if (!c) {
      c = { id, conversation: null, messages: [], loaded: false, unread: 0, agentRead: 0, readSent: 0, typingUntil: 0 }
      this.convs.set(id, c)
    }
    return c
  }

  // loadConversations loads the visitor's latest conversations and
  // follows those not followed yet: at the start, and after every
  // (re)connection for those started elsewhere while the feed was not
  // followed.
  async loadConversations() {
    const conn = this.conn
    const page = await this.api('/api/v1/conversations?limit=' + MAX_FOLLOWED)
    if (conn !== this.conn) return // logged out, or in as someone else, meanwhile
    for (const item of page.items || []) this.adopt(item)
    this.showOnly()
    this.changed()
  }

  // adopt takes a conversation's new state, and follows the conversation
  // from its first message if it is new to this device (from the list, or
  // from the feed when it was started on another device).
  adopt(item) {
    const known = this.convs.has(item.id)
    const c = this.conv(item.id)
    if (!c.conversation || !(Date.parse(item.updated_at) < Date.parse(c.conversation.updated_at))) c.conversation = item
    if (known || !this.conn) return
    this.conn.follow(item.id).catch(() => {})
    this.api('/api/v1/conversations/' + item.id + '/unread').then((u) => {
      c.unread = u.count
      this.emitUnread()
      this.changed()
    }, () => {})
  }

  // showOnly shows the visitor's only conversation.
  showOnly() {
    if (!this.current && this.convs.size === 1) this.current = this.convs.keys().next().value
  }

  /** list returns the conversations, the latest first. @returns {ConversationState[]} */
  list() {
    return [...this.convs.values()].sort((a, b) => (updated(a) < updated(b) ? 1 : -1))
  }

  /** startConversation starts a conversation (and a guest session if needed) and shows it. */
  async startConversation() {
    await this.session(true)
    const item = await this.api('/api/v1/conversations', { body: {} })
    const c = this.conv(item.id)
    c.conversation = item
    c.loaded = true
    this.conn.follow(item.id).catch(() => {})
    this.current = item.id
    this.changed()
    this.emit('conversation_started', { id: item.id })
    return item.id
  }

  onFrame(f) {
    switch (f.type) {
      case 'ready':
        this.refreshOnline() // what availability frames said while disconnected
        this.reportPage()
        return
      case 'invitation':
        this.invitation = f.invitation
        this.emit('invitation', f.invitation)
        this.changed()
        return
      case 'availability':
        if (f.at && f.at < this.availableAt) return // an older change, delivered late
        this.availableAt = f.at || ''
        this.availableSeen = Date.now()
        this.setOnline(f.online)
        return
      case 'message': {
        const c = this.conv(f.conversation_id)
        this.addMessage(c, f.message)
        const m = f.message
        if (m.sender.type !== 'contact') c.typingUntil = 0 // the reply ends "typing…"
        if (c.loaded && m.sender.type !== 'contact') {
          if (this.isShown(c.id)) this.markRead(c)
          else { c.unread++; this.emitUnread() }
          this.emit('message', { conversation_id: c.id, message: m })
        }
        break
      }
      case 'subscribed': {
        const c = this.conv(f.conversation_id)
        c.loaded = true
        if (f.conversation) this.adopt(f.conversation)
        if (this.isShown(c.id)) this.markRead(c)
        this.loadReadStates(c)
        break
      }
      case 'conversation':
        // A change, or (from the feed) a conversation started on another device.
        if (!f.conversation) return
        this.adopt(f.conversation)
        this.showOnly()
        break
      case 'message.updated':
      case 'message.deleted':
        this.addMessage(this.conv(f.conversation_id), f.message)
        break
      case 'typing': {
        const c = this.conv(f.conversation_id)
        c.typingUntil = Date.now() + TYPING_SHOWN
        this.emit('typing', { conversation_id: c.id })
        setTimeout(() => this.changed(), TYPING_SHOWN + 50)
        break
      }
      case 'read':
        if (f.participant.type !== 'contact') {
          const c = this.conv(f.conversation_id)
          c.agentRead = Math.max(c.agentRead, f.last_read_seq)
          this.emit('read', { conversation_id: c.id, seq: c.agentRead })
        }
        break
      case 'token_expiring':
        this.emit('token_expiring', { expires_at: f.expires_at })
        // Refreshed through getToken; at most once a minute, in case the
        // new token is also within the warning (e.g. short-lived tokens).
        if (this.getToken && !(Date.now() - this.refreshedAt < 60000)) {
          this.refreshedAt = Date.now()
          this.refreshFromBackend().catch(() => {})
        }
        break
      default:
        return
    }
    this.changed()
  }

  // addMessage inserts or replaces a message (by seq, or by client_id for
  // one still being sent), keeping seq order.
  addMessage(c, m) {
    if ((m.sender.type === 'agent' || m.sender.type === 'bot') && !this.agents.has(m.sender.id)) {
      this.agents.set(m.sender.id, {}) // asked for below, once
      this.loadAgents(c.id)
    }
    const list = c.messages
    const i = list.findIndex((x) => (x.seq && x.seq === m.seq) || (m.client_id && x.client_id === m.client_id && x.sender.type === m.sender.type))
    if (i >= 0) list[i] = m
    else {
      list.push(m)
      list.sort((a, b) => (a.seq || Infinity) - (b.seq || Infinity))
    }
  }

  // loadReadStates catches up on how far agents have read (for "Seen"),
  // which read frames tell only while connected.
  loadReadStates(c) {
    this.api('/api/v1/conversations/' + c.id + '/read-states').then((page) => {
      for (const s of page.items || []) {
        if (s.participant.type !== 'contact') c.agentRead = Math.max(c.agentRead, s.last_read_seq)
      }
      this.changed()
    }, () => {})
  }

  /** isShown tells whether the visitor sees conversation id now (its new messages are read at once). */
  isShown(id) {
    return this.current === id && typeof document !== 'undefined' && document.visibilityState === 'visible'
  }

  /** markRead sends a read receipt up to the conversation's last message. */
  markRead(c) {
    if (typeof c === 'string') c = this.conv(c)
    const last = c.messages.reduce((n, m) => (m.seq && m.seq > n ? m.seq : n), 0)
    if (c.unread) { c.unread = 0; this.emitUnread() }
    if (last > c.readSent && this.conn) {
      c.readSent = last
      this.conn.raw({ type: 'read', conversation_id: c.id, seq: last }).catch(() => { c.readSent = 0 })
    }
  }

  unreadTotal() {
    let n = 0
    for (const c of this.convs.values()) n += c.unread
    return n
  }

  emitUnread() {
    const count = this.unreadTotal()
    if (count !== this.lastUnread) {
      this.lastUnread = count
      this.emit('unread', { count })
      this.changed()
    }
  }

  /** show makes conversation id the current one (send and typing go to it) and marks it read. */
  show(id) {
    this.current = id
    if (id) this.markRead(this.conv(id))
    this.changed()
  }

  // refreshOnline asks again whether an agent is online, and how
  // available the inbox's queue is (inbox.queue). The connection tells of
  // every change of online (availability frames); this covers the time
  // without one: before the first message, and while reconnecting.
  refreshOnline() {
    const asked = Date.now()
    request(this.base, '/api/v1/visitor/inbox?inbox_id=' + encodeURIComponent(this.inboxId)).then((inbox) => {
      if (inbox.queue) { this.inbox = { ...this.inbox, queue: inbox.queue }; this.changed() }
      if (asked <= this.availableSeen) return // a frame since said newer
      this.setOnline(inbox.online)
    }, () => {})
  }

  setOnline(online) {
    if (!!online === !!this.inbox.online) return
    this.inbox = { ...this.inbox, online: !!online }
    this.changed()
    this.emit('availability', { online: !!online })
  }

  // loadAgents fetches the names and pictures of a conversation's agents,
  // once at a time per conversation (again if asked meanwhile).
  loadAgents(id) {
    const busy = this.agentLoads.get(id)
    if (busy) { busy.again = true; return }
    const load = { again: false }
    this.agentLoads.set(id, load)
    this.api('/api/v1/conversations/' + id + '/agents').then((page) => {
      for (const a of page.items || []) this.agents.set(a.id, { name: a.name, avatar_url: a.avatar_url || '' })
      this.changed()
    }, () => {}).finally(() => {
      this.agentLoads.delete(id)
      if (load.again) this.loadAgents(id)
    })
  }

  // --- sending ---

  /**
   * send sends a message to the current conversation (starting one if there
   * is none). It shows at once as pending, is sent with a client_id, and is
   * sent again after a reconnect until the server acknowledges it: never lost,
   * never doubled. Resolves with the stored message.
   * @param {string} body
   * @param {string[]} [attachmentIds]
   * @returns {Promise<Message>}
   */
  async send(body, attachmentIds) {
    const id = this.current || (await this.startConversation())
    const c = this.conv(id)
    const msg = { client_id: newClientId(), kind: attachmentIds ? 'attachment' : 'text', body }
    if (attachmentIds) msg.attachment_ids = attachmentIds
    this.addMessage(c, { ...msg, sender: { type: 'contact' }, attachments: [], pending: true, created_at: new Date().toISOString() })
    this.changed()
    const ack = await this.conn.send(id, msg)
    const m = ack.message
    if (m.conversation_id !== id) {
      // The conversation was resolved and the inbox started a new one.
      c.messages = c.messages.filter((x) => x.client_id !== msg.client_id)
      const n = this.conv(m.conversation_id)
      this.conn.follow(n.id).catch(() => {})
      this.current = n.id
      this.addMessage(n, m)
    } else this.addMessage(c, m)
    this.changed()
    return m
  }

  /** upload sends a file as an attachment message. @param {File|Blob & {name: string}} file */
  async upload(file) {
    const id = this.current || (await this.startConversation())
    const att = await this.api('/api/v1/conversations/' + id + '/attachments?filename=' + encodeURIComponent(file.name), { body: file })
    return this.send('', [att.id])
  }

  /** attachmentURL fetches an attachment with the visitor's token and returns an object URL for it. */
  async attachmentURL(att) {
    const res = await this.api('/api/v1/attachments/' + att.id, { raw: true })
    return URL.createObjectURL(await res.blob())
  }

  /** typing tells the agents the visitor is typing in the current conversation (at most every 2 s). */
  typing() {
    const now = Date.now()
    if (!this.current || !this.conn || now - (this.lastTyping || 0) < 2000) return
    this.lastTyping = now
    this.conn.raw({ type: 'typing', conversation_id: this.current }).catch(() => {})
  }
}

function updated(c) {
  const last = c.messages[c.messages.length - 1]
  return (last && last.created_at) || (c.conversation && c.conversation.updated_at) || ''
}
