// widget.js — the loader customers embed with
//   <script src="https://HOST/widget.js" data-inbox="INBOX_ID" async></script>
// It draws the launcher in a shadow root (isolated from the page's CSS),
// keeps the visitor's session and live connection (for the unread badge and
// the JS API's events), and loads the chat UI only when the visitor opens
// the chat. No framework here: this is all a page loads up front.

import { Widget } from './core.js'
import launcherCSS from './launcher.css'
import { showInvitation } from './invite.js'

const script = document.currentScript
const base = new URL(script ? script.src : location.href).origin
const widget = new Widget(base)

const chatIcon = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round" aria-hidden="true"><path d="M21 11.5a8.4 8.4 0 0 1-9 8.4 9 9 0 0 1-3.8-.8L3 21l1.9-5.2A8.4 8.4 0 1 1 21 11.5z"/></svg>'
const closeIcon = '<svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2.2" stroke-linecap="round" aria-hidden="true"><path d="M6 6l12 12M18 6L6 18"/></svg>'

let host, root, button, badge, slot, chatLoading

// sheet puts CSS into a shadow root: a constructed style sheet (allowed by
// pages whose CSP forbids inline styles), else a <style> element.
export function addStyles(shadow, css) {
  try {
    const s = new CSSStyleSheet()
    s.replaceSync(css)
    shadow.adoptedStyleSheets = [...shadow.adoptedStyleSheets, s]
  } catch {
    const el = document.createElement('style')
    el.textContent = css
    shadow.appendChild(el)
  }
}

function contrast(hex) {
  const n = parseInt((hex || '').slice(1), 16)
  if (isNaN(n)) return '#fff'
  const l = 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255)
  return l > 170 ? '#111827' : '#fff'
}

function mount() {
  const w = widget.inbox.widget || {}
  host = document.createElement('div')
  host.id = 'parley-widget'
  host.dataset.position = w.position === 'left' ? 'left' : 'right'
  host.lang = widget.lang
  if (w.color) {
    host.style.setProperty('--accent', w.color)
    host.style.setProperty('--on-accent', contrast(w.color))
  }
  root = host.attachShadow({ mode: 'open' })
  addStyles(root, launcherCSS)
  slot = document.createElement('div')
  slot.className = 'slot'
  button = document.createElement('button')
  button.className = 'launcher'
  button.type = 'button'
  button.setAttribute('aria-haspopup', 'dialog')
  button.setAttribute('aria-controls', 'parley-panel')
  badge = document.createElement('span')
  badge.className = 'badge'
  badge.hidden = true
  button.onclick = () => (widget.isOpen ? close() : open())
  root.append(slot, button)
  document.body.appendChild(host)
  widget.subscribe(render)
  widget.on('invitation', invited)
  render()
}

// invited shows an agent's invitation while the chat is closed; replying
// opens the chat, which shows the agent's message first.
function invited(inv) {
  if (widget.isOpen) return
  showInvitation(root, addStyles, inv, widget.t, (reply) => {
    if (reply) open()
    else widget.invitation = null
  })
}

function render() {
  if (!button) return
  const t = widget.t
  const n = widget.unreadTotal()
  button.innerHTML = widget.isOpen ? closeIcon : chatIcon
  badge.textContent = n > 9 ? '9+' : String(n)
  badge.hidden = !n || widget.isOpen
  button.appendChild(badge)
  host.toggleAttribute('data-open', widget.isOpen)
  button.setAttribute('aria-expanded', String(widget.isOpen))
  button.setAttribute('aria-label', (widget.isOpen ? t.close : t.open) + (n ? ', ' + t.unread(n) : ''))
}

// loadChat loads the chat UI (once) and mounts it into the shadow root.
function loadChat() {
  chatLoading ||= new Promise((resolve, reject) => {
    const s = document.createElement('script')
    s.src = base + '/' + __PARLEY_CHAT__
    s.async = true
    s.onload = () => resolve(window.__parleyChat)
    s.onerror = () => { chatLoading = null; reject(new Error('Parley: cannot load the chat')) }
    document.head.appendChild(s)
  }).then((mountChat) => mountChat(slot, root, widget, addStyles))
  return chatLoading
}

async function open() {
  await whenReady()
  widget.setOpen(true)
  await loadChat()
}

function close() {
  if (!widget.isOpen) return
  widget.setOpen(false)
  if (button) button.focus()
}

let readyPromise = null
let resolveReady
const readyGate = new Promise((r) => (resolveReady = r))
const whenReady = () => readyGate

function init(opts) {
  readyPromise = widget.init(opts).then(() => {
    if (!host) mount()
    resolveReady()
  }, (e) => {
    console.error('Parley:', e.message)
    throw e
  })
  return readyPromise
}

const api = {
  init,
  identify: async (token) => {
    await whenReady()
    await widget.identify(token)
    widget.emit('ready', widget.readyInfo())
  },
  logout: async () => { await whenReady(); widget.forget() },
  open,
  close,
  startConversation: async () => {
    await whenReady()
    const id = await widget.startConversation()
    await open()
    return id
  },
  conversations: async () => { await whenReady(); return widget.summaries() },
  on: (event, fn) => widget.on(event, fn),
  unreadCount: () => widget.unreadTotal(),
}

if (!window.Parley || !window.Parley.init) {
  const queued = (window.Parley && window.Parley.q) || []
  window.Parley = api
  const inbox = script && script.dataset.inbox
  if (inbox) init({ inbox, presence: script.dataset.presence === 'on', ...(window.parleySettings || {}) }).catch(() => {})
  for (const [name, args] of queued) api[name] && api[name](...args)
  dispatchEvent(new CustomEvent('parley:loaded'))
}
