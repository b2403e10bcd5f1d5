// Widget is the widget's state and logic, loaded before the chat opens.
// The client logic — the visitor's session, the WebSocket connection, the
// visitor's conversations and their messages, unread counts, read receipts,
// typing, attachments — is the SDK's (web/sdk/parley-client.js, served as
// /sdk/parley-client.js); Widget adds what the widget's UI needs: the
// open/closed panel, its language, the pre-chat form, re-render callbacks,
// and the JS API's summaries. The chat UI (chat.js, loaded on open) only
// renders it.

import { ParleyClient } from '../sdk/parley-client.js'
import { pickLocale, strings } from './i18n.js'

export class Widget extends ParleyClient {
  constructor(base) {
    super({ base })
    this.views = new Set() // UI re-render callbacks
    this.isOpen = false
    this.lang = 'en'
    this.t = strings('en')
  }

  // subscribe registers a UI callback run after every change.
  subscribe(fn) {
    this.views.add(fn)
    return () => this.views.delete(fn)
  }

  changed() {
    super.changed()
    for (const fn of this.views) fn()
  }

  loadedInbox(opts) {
    this.lang = pickLocale(opts.locale || (this.inbox.widget && this.inbox.widget.locale))
    this.t = strings(this.lang)
  }

  // isShown: new messages are read at once only while the panel is open.
  isShown(id) {
    return this.isOpen && super.isShown(id)
  }

  setOpen(open) {
    this.isOpen = open
    if (open) this.refreshOnline()
    this.pollOnline()
    if (open && this.current) this.markRead(this.conv(this.current))
    this.changed()
    this.emit(open ? 'open' : 'close', {})
  }

  // pollOnline asks every 20 s while the chat is open without a connection.
  pollOnline() {
    clearInterval(this.onlineTimer)
    if (!this.isOpen) return
    this.onlineTimer = setInterval(() => {
      if (!this.isOpen) clearInterval(this.onlineTimer)
      else if (!this.conn || this.state !== 'online') this.refreshOnline()
    }, 20000)
  }

  // sender returns who a message is from, as the visitor sees it: the
  // display name (and picture) an app or bot gave — an external agent an
  // app speaks for, whose picture is Parley's copy, a path on the server —
  // else the agent's name and picture.
  sender(m) {
    const a = (m.sender.id && this.agents.get(m.sender.id)) || {}
    const copy = m.sender.avatar_url || ''
    return { name: m.sender.display_name || a.name || this.t.agent, avatar: (copy.startsWith('/avatars/') ? this.base + copy : '') || a.avatar_url || '' }
  }

  // prechatDone reports whether the visitor answered the pre-chat form
  // (in this browser) or needs none because they were identified.
  prechatDone() {
    try { return !!localStorage.getItem(this.storageKey() + ':prechat') } catch { return false }
  }

  // introduce sends the pre-chat form's answers as the contact's name and email.
  async introduce(data) {
    await this.session(true)
    await this.api('/api/v1/visitor/contact', { method: 'PATCH', body: data })
    try { localStorage.setItem(this.storageKey() + ':prechat', '1') } catch { /* storage off */ }
    this.changed()
  }

  // summaries is what Parley.conversations() resolves with.
  summaries() {
    return this.list().map((c) => {
      const last = c.messages[c.messages.length - 1]
      return {
        id: c.id, status: c.conversation ? c.conversation.status : 'open', unread: c.unread,
        last_message: last ? { body: last.body, sender: last.sender.type, created_at: last.created_at } : null,
      }
    })
  }
}
