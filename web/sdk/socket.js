// Connection is a client of Parley's WebSocket protocol (docs/protocol.md):
// it authenticates in the first frame, follows conversations and resumes
// them after a reconnect from the highest seq seen, sends messages with a
// client_id and sends them again after a reconnect until acknowledged,
// follows the feed again after a reconnect, checks the server with pings,
// and reconnects with exponential backoff.
//
//   const conn = new Connection({url, auth: async () => ({type: 'auth', token}),
//                                onFrame, onState})
//   conn.start(); conn.follow(id); await conn.send(id, {body: 'Hi'})
//   conn.followFeed(() => catchUp()) // after every (re)connection

const PING_EVERY = 25000
const PONG_WITHIN = 10000

let counter = 0
const nextId = () => 'r' + (++counter)

// newClientId returns a random idempotency key (works outside secure contexts).
export function newClientId() {
  const b = new Uint8Array(16)
  crypto.getRandomValues(b)
  return Array.from(b, (x) => x.toString(16).padStart(2, '0')).join('')
}

export class Connection {
  // opts: url (ws:// or wss://), auth (async () => the auth frame),
  // onFrame(frame) for server frames that answer no request, onState(state)
  // with "connecting" | "online" | "reconnecting" | "stopped", and
  // onAuthFailed() (async) before reconnecting after bad credentials.
  constructor(opts) {
    this.opts = opts
    this.state = 'stopped'
    this.seqs = new Map() // conversation id → highest seq seen
    this.pending = new Map() // request id → {resolve, reject, frame, resend}
    this.attempt = 0
    this.ws = null
    this.ready = null
    this.feed = null // followFeed's callback while following the feed
  }

  start() {
    if (this.state !== 'stopped') return
    this.stopped = false
    this.connect()
  }

  stop() {
    this.stopped = true
    clearTimeout(this.retryTimer)
    clearInterval(this.pingTimer)
    if (this.ws) this.ws.close(1000)
    this.ws = null
    this.setState('stopped')
    for (const p of this.pending.values()) p.reject(new Error('connection stopped'))
    this.pending.clear()
  }

  setState(s) {
    if (this.state === s) return
    this.state = s
    this.opts.onState && this.opts.onState(s)
  }

  connect() {
    this.setState(this.attempt ? 'reconnecting' : 'connecting')
    let ws
    try { ws = new WebSocket(this.opts.url) } catch { return this.retry() }
    this.ws = ws
    ws.onopen = async () => {
      try {
        ws.send(JSON.stringify(await this.opts.auth()))
      } catch {
        ws.close()
      }
    }
    ws.onmessage = (ev) => {
      let f
      try { f = JSON.parse(ev.data) } catch { return }
      this.receive(f)
    }
    ws.onclose = (ev) => {
      if (this.ws !== ws) return
      this.lost()
      if (this.stopped) return
      if (ev.code === 1008 && this.opts.onAuthFailed) {
        this.setState('reconnecting')
        Promise.resolve(this.opts.onAuthFailed(ev.reason)).then(() => this.retry(), () => this.retry())
        return
      }
      this.retry()
    }
  }

  // lost forgets the current socket: requests not meant to be sent again
  // fail; sends wait for the next connection.
  lost() {
    this.ws = null
    clearInterval(this.pingTimer)
    this.ready = null
    if (this.stopped) return
    for (const [id, p] of this.pending) {
      if (!p.resend) { p.reject(new Error('connection lost')); this.pending.delete(id) }
    }
  }

  // drop gives up the connection now and reconnects with backoff, e.g. when
  // the browser goes offline: a socket on a dead network could otherwise
  // look open until the next missed pong.
  drop() {
    const ws = this.ws
    if (!ws || this.stopped) return
    this.lost()
    try { ws.close(4000, 'offline') } catch { /* closing anyway */ }
    this.retry()
  }

  retry() {
    if (this.stopped) return
    this.setState('reconnecting')
    const base = Math.min(30000, 1000 * 2 ** this.attempt++)
    this.retryTimer = setTimeout(() => this.connect(), base / 2 + Math.random() * base / 2)
  }

  // reconnectNow skips the backoff wait (e.g. when the browser is back online).
  reconnectNow() {
    if (this.state === 'reconnecting' && !this.ws) {
      clearTimeout(this.retryTimer)
      this.connect()
    }
  }

  receive(f) {
    if (f.type === 'ready') {
      this.ready = f
      this.attempt = 0
      this.setState('online')
      this.startPings()
      if (this.feed) this.subscribeFeed().catch(() => {})
      for (const [id, seq] of this.seqs) this.raw({ type: 'subscribe', conversation_id: id, after_seq: seq }).catch(() => {})
      for (const [id, p] of this.pending) if (p.resend) this.write({ ...p.frame, id })
      this.opts.onFrame && this.opts.onFrame(f)
      return
    }
    if (f.type === 'message' && f.message) {
      const seen = this.seqs.get(f.conversation_id) || 0
      if (f.message.seq <= seen) return
      this.seqs.set(f.conversation_id, f.message.seq)
    }
    if (f.type === 'subscribed') {
      this.seqs.set(f.conversation_id, Math.max(this.seqs.get(f.conversation_id) || 0, f.last_seq))
    }
    const p = f.id && this.pending.get(f.id)
    if (p) {
      this.pending.delete(f.id)
      if (f.type === 'error') {
        const e = new Error(f.message)
        e.code = f.code
        e.reason = f.reason
        p.reject(e)
      } else p.resolve(f)
    }
    if (!p || f.type === 'subscribed') this.opts.onFrame && this.opts.onFrame(f)
  }

  write(frame) {
    if (this.ws && this.ws.readyState === 1 && this.ready) {
      this.ws.send(JSON.stringify(frame))
      return true
    }
    return false
  }

  // raw sends a request frame now and resolves with its answer; it fails
  // when not connected.
  raw(frame, resend = false) {
    const id = nextId()
    return new Promise((resolve, reject) => {
      this.pending.set(id, { resolve, reject, frame, resend })
      if (!this.write({ ...frame, id }) && !resend) {
        this.pending.delete(id)
        reject(new Error('not connected'))
      }
    })
  }

  // follow subscribes to a conversation now and after every reconnect,
  // replaying from the highest seq seen.
  follow(conversationId) {
    if (!this.seqs.has(conversationId)) this.seqs.set(conversationId, 0)
    return this.raw({ type: 'subscribe', conversation_id: conversationId, after_seq: this.seqs.get(conversationId) })
  }

  // followFeed follows the feed (subscribe_feed) now and after every
  // reconnect; onFollowed runs each time the server has confirmed it, so
  // the caller can catch up on what happened while it did not follow (the
  // feed replays nothing). Refused (forbidden), it is not asked again.
  followFeed(onFollowed) {
    this.feed = onFollowed || (() => {})
    return this.subscribeFeed()
  }

  subscribeFeed() {
    return this.raw({ type: 'subscribe_feed' }).then((f) => {
      if (this.feed) this.feed(f)
      return f
    }, (e) => {
      if (e.code === 'forbidden') this.feed = null
      throw e
    })
  }

  // send sends a message, keeping it across reconnects until the server
  // acknowledges it; it resolves with the ack.
  send(conversationId, msg) {
    return this.raw({ type: 'send', conversation_id: conversationId, client_id: msg.client_id || newClientId(), kind: 'text', ...msg }, true)
  }

  startPings() {
    clearInterval(this.pingTimer)
    this.pingTimer = setInterval(() => {
      const ws = this.ws
      const timer = setTimeout(() => ws && ws.close(4000, 'no pong'), PONG_WITHIN)
      this.raw({ type: 'ping' }).then(() => clearTimeout(timer), () => clearTimeout(timer))
    }, PING_EVERY)
  }
}
