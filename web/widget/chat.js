// The chat UI, loaded by widget.js when the visitor first opens the chat:
// Preact components rendering the Widget's state (core.js) inside the
// widget's shadow root.

import { h, render } from 'preact'
import { useEffect, useRef, useState, useReducer } from 'preact/hooks'
import htm from 'htm'
import chatCSS from './chat.css'

const html = htm.bind(h)

// QUEUE_POLL: how often a waiting visitor's place in the queue is asked
// again between the conversation's own events (others leaving the queue
// send this visitor none).
const QUEUE_POLL = 10000

window.__parleyChat = (slot, shadow, widget, addStyles) => {
  addStyles(shadow, chatCSS)
  render(html`<${App} w=${widget} />`, slot)
}

function useWidget(w) {
  const [, bump] = useReducer((n) => n + 1, 0)
  useEffect(() => w.subscribe(bump), [w])
}

function App({ w }) {
  useWidget(w)
  // An availability change: ask how available the inbox's queue is now.
  useEffect(() => w.on('availability', () => w.isOpen && w.refreshOnline()), [w])
  const panel = useRef(null)
  const t = w.t
  const settings = w.inbox.widget || {}
  const title = settings.title || w.inbox.name || 'Chat'
  const conv = w.current && w.convs.get(w.current)
  const showList = !conv && w.convs.size > 0
  const prechat = settings.prechat || {}
  const askFirst = prechat.enabled && (prechat.fields || []).length && !w.convs.size && !w.prechatDone()
  useEffect(() => {
    if (w.isOpen && panel.current) {
      const el = panel.current.querySelector('textarea, [data-autofocus]')
      if (el) el.focus()
    }
  }, [w.isOpen, w.current, !!askFirst])
  const onKey = (e) => {
    if (e.key === 'Escape') {
      e.stopPropagation()
      w.setOpen(false)
      const launcher = panel.current.getRootNode().querySelector('.launcher')
      if (launcher) launcher.focus()
    }
  }
  return html`
    <div id="parley-panel" ref=${panel} class=${'panel' + (w.isOpen ? ' open' : '')} role="dialog"
      aria-label=${title} aria-hidden=${!w.isOpen} inert=${!w.isOpen} onKeyDown=${onKey} lang=${w.lang}>
      <div class="head">
        ${conv && w.convs.size > 1 ? html`<button type="button" class="icon back" aria-label=${t.back} onClick=${() => w.show(null)}>‹</button>` : null}
        ${w.inbox.branding?.agent_avatar_url ? html`<img class="team-avatar" src=${w.inbox.branding.agent_avatar_url} alt="" />` : null}
        <div class="titles">
          <h2>${title}</h2>
          <p class="sub"><span class=${'dot ' + (w.inbox.online ? 'on' : 'off')} aria-hidden="true"></span>${w.inbox.online ? t.online : t.offline}</p>
        </div>
        <button type="button" class="icon" aria-label=${t.close} onClick=${() => w.setOpen(false)}>×</button>
      </div>
      <${Status} w=${w} />
      ${askFirst ? html`<${Prechat} w=${w} fields=${prechat.fields} />`
        : showList ? html`<${List} w=${w} />` : html`<${Conversation} w=${w} conv=${conv} greeting=${w.invitation?.message || settings.greeting} />`}
      <div class="brand">Chat by Parley</div>
    </div>`
}

function Prechat({ w, fields }) {
  const t = w.t
  const [error, setError] = useState('')
  const submit = async (e) => {
    e.preventDefault()
    const data = Object.fromEntries(new FormData(e.target))
    try { await w.introduce(data) } catch (err) { setError(err.status === 422 ? t.email + ': ' + t.error : t.error) }
  }
  return html`
    <form class="prechat" onSubmit=${submit}>
      <p>${t.prechatIntro}</p>
      ${fields.map((f, i) => html`<label key=${f}>${t[f]}
        <input name=${f} type=${f === 'email' ? 'email' : 'text'} required autocomplete=${f} data-autofocus=${i === 0 || undefined} /></label>`)}
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <button type="submit" class="primary">${t.start}</button>
    </form>`
}

function Status({ w }) {
  const t = w.t
  if (w.state !== 'reconnecting' && w.state !== 'connecting') return null
  return html`<div class="status" role="status">${w.state === 'connecting' ? t.connecting : t.reconnecting}</div>`
}

function List({ w }) {
  const t = w.t
  return html`
    <div class="list">
      <h3 class="list-title">${t.conversations}</h3>
      <ul>
        ${w.list().map((c) => {
          const last = c.messages[c.messages.length - 1]
          const resolved = c.conversation && c.conversation.status === 'resolved'
          return html`<li key=${c.id}>
            <button type="button" class="conv-item" onClick=${() => w.show(c.id)}>
              <span class="preview">${last ? (last.sender.type === 'contact' ? t.you + ': ' : '') + (last.body || '📎') : t.newConversation}</span>
              ${resolved ? html`<span class="tag">${t.resolved}</span>` : null}
              ${c.unread ? html`<span class="count" aria-label=${t.unread(c.unread)}>${c.unread}</span>` : null}
            </button>
          </li>`
        })}
      </ul>
      <button type="button" class="primary" data-autofocus onClick=${() => w.startConversation()}>${t.newConversation}</button>
    </div>`
}

function Conversation({ w, conv, greeting }) {
  const t = w.t
  const log = useRef(null)
  const messages = conv ? conv.messages.filter((m) => m.kind !== 'note') : []
  const typing = conv && conv.typingUntil > Date.now()
  useEffect(() => {
    if (log.current) log.current.scrollTop = log.current.scrollHeight
  }, [messages.length, typing])
  let lastOwnSeen = 0
  if (conv) for (const m of messages) if (m.sender.type === 'contact' && m.seq && m.seq <= conv.agentRead) lastOwnSeen = m.seq
  const c = conv && conv.conversation
  const queued = useQueueStatus(w, conv)
  // The composer is a message form while nobody could take the chat: no
  // agent online, or none of the queue's under capacity.
  const avail = queued || w.inbox.queue
  const held = c && c.status === 'assigned'
  // Outside the queue's business hours: the form, and when the team is back.
  const closed = !held && avail && avail.open === false
  const away = !held && (closed || !w.inbox.online || (avail && avail.available_agents === 0))
  useReopen(w, closed && avail.opens_at)
  return html`
    <div class="log" ref=${log} role="log" aria-live="polite" aria-relevant="additions" tabindex="0" aria-label=${t.conversations}>
      ${greeting ? html`<div class="msg them greeting"><div class="bubble">${greeting}</div></div>` : null}
      ${messages.map((m) => html`<${Message} key=${m.seq || m.client_id} w=${w} m=${m} seen=${m.seq && m.seq === lastOwnSeen} />`)}
      ${typing ? html`<div class="typing"><span class="visually-hidden">${t.typing}</span><span class="dot"></span><span class="dot"></span><span class="dot"></span></div>` : null}
    </div>
    <${Queue} w=${w} conv=${conv} queued=${queued} />
    ${conv && conv.conversation && conv.conversation.status === 'resolved' ? html`<${Rating} key=${conv.id} w=${w} conv=${conv} />` : null}
    <${Composer} w=${w} away=${away} back=${closed ? backAt(w, avail.opens_at) : ''} />`
}

// backAt says when a closed queue opens (opens_at, UTC), in the visitor's
// time zone and language: the weekday and time within a week, else the date.
function backAt(w, opensAt) {
  const t = w.t
  const at = opensAt && new Date(opensAt)
  if (!at || isNaN(at)) return t.closed
  const locale = (navigator.languages || []).find((l) => l.toLowerCase().split('-')[0] === w.lang) || w.lang
  const soon = at - Date.now() < 6 * 864e5
  const when = new Intl.DateTimeFormat(locale, soon ? { weekday: 'long', hour: 'numeric', minute: '2-digit' }
    : { weekday: 'long', day: 'numeric', month: 'long', hour: 'numeric', minute: '2-digit' }).format(at)
  return t.closed + ' ' + t.backAt(when)
}

// useReopen asks again how available the inbox is when a closed queue
// opens (opensAt), so that the form gives way to the chat by itself.
function useReopen(w, opensAt) {
  useEffect(() => {
    if (!opensAt) return
    const ms = Math.min(new Date(opensAt) - Date.now() + 1000, 2147483647)
    const timer = setTimeout(() => w.refreshOnline(), Math.max(ms, 1000))
    return () => clearTimeout(timer)
  }, [opensAt])
}

// useQueueStatus returns where the conversation stands in its queue
// (GET /api/v1/conversations/{id}/queue) while it waits (pending), else
// null: asked when it starts waiting, on each of its events, when agents
// come or go, and every QUEUE_POLL while it waits.
function useQueueStatus(w, conv) {
  const [st, setSt] = useState(null)
  const c = conv && conv.conversation
  const pending = !!c && c.status === 'pending'
  // its events, and a change of agents' availability
  const events = c ? c.updated_at + ' ' + conv.messages.length + ' ' + w.inbox.online + ' ' + (w.inbox.queue && w.inbox.queue.available_agents + ' ' + w.inbox.queue.open) : ''
  useEffect(() => {
    if (!pending) { setSt(null); return }
    let live = true
    const ask = () => w.api('/api/v1/conversations/' + conv.id + '/queue').then((s) => live && setSt({ ...s, id: conv.id }), () => {})
    ask()
    const timer = setInterval(ask, QUEUE_POLL)
    return () => { live = false; clearInterval(timer) }
  }, [conv && conv.id, pending, events])
  return pending && st && st.id === conv.id ? st : null
}

// Queue is a polite live region under the log: while the conversation
// waits, the visitor's place in line (and the expected wait, when Parley
// has one); once an agent holds it, the agent's name.
function Queue({ w, conv, queued }) {
  const t = w.t
  const c = conv && conv.conversation
  const assignee = c && c.status === 'assigned' ? c.assignee_id : ''
  const agent = assignee && w.agents.get(assignee)
  useEffect(() => {
    if (assignee && !(agent && agent.name)) w.loadAgents(conv.id)
  }, [assignee])
  let body = null
  if (queued && queued.position > 0) {
    const est = queued.estimated_wait_seconds
    body = html`<span class="position">${t.queuePosition(queued.position)}</span>${est != null ? html` · <span class="wait">${t.queueWait(est)}</span>` : null}`
  } else if (agent && agent.name) {
    body = html`<span class="agent">${t.withAgent(agent.name)}</span>`
  }
  return html`<p class="queue" role="status" aria-live="polite">${body}</p>`
}

// Rating asks the visitor, once a conversation is resolved, how it went
// (CSAT: 1 to 5 and an optional comment); once per conversation, skippable.
function Rating({ w, conv }) {
  const t = w.t
  const skipKey = w.storageKey() + ':rated:' + conv.id
  const [state, setState] = useState(() => { try { return localStorage.getItem(skipKey) ? 'done' : 'loading' } catch { return 'loading' } })
  const [score, setScore] = useState(0)
  const [comment, setComment] = useState('')
  const [error, setError] = useState('')
  const finish = (s) => { try { localStorage.setItem(skipKey, '1') } catch { /* storage off */ } setState(s) }
  useEffect(() => {
    if (state === 'loading') w.api('/api/v1/conversations/' + conv.id + '/rating').then((r) => (r.rated ? finish('done') : setState('ask')), () => setState('done'))
  }, [conv.id])
  const send = async (e) => {
    e.preventDefault()
    setError('')
    try {
      await w.api('/api/v1/conversations/' + conv.id + '/rating', { method: 'POST', body: { score, comment: comment.trim() } })
      finish('thanks')
    } catch (err) { if (err.status === 409) finish('done'); else setError(t.error) }
  }
  if (state === 'thanks') return html`<p class="rating-thanks" role="status">${t.rateThanks}</p>`
  if (state !== 'ask') return null
  return html`
    <form class="rating" onSubmit=${send}>
      <fieldset>
        <legend>${t.rateAsk}</legend>
        <div class="stars">
          ${[1, 2, 3, 4, 5].map((n) => html`<button type="button" key=${n} class=${'star' + (n <= score ? ' on' : '')}
            aria-label=${t.rateScore(n)} aria-pressed=${n === score} onClick=${() => setScore(n)}>★</button>`)}
        </div>
      </fieldset>
      ${score ? html`<textarea rows="2" maxlength="1000" aria-label=${t.rateComment} placeholder=${t.rateComment} value=${comment}
        onInput=${(e) => setComment(e.target.value)}></textarea>` : null}
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <div class="rating-actions">
        <button type="button" class="skip" onClick=${() => finish('done')}>${t.rateSkip}</button>
        <button type="submit" class="primary" disabled=${!score}>${t.rateSend}</button>
      </div>
    </form>`
}

// Message is one entry of the log: an event line ("Ada joined"), or a
// bubble — the visitor's own, or one from an agent, a bot or an app,
// named as the visitor may see them (w.sender).
function Message({ w, m, seen }) {
  const t = w.t
  const mine = m.sender.type === 'contact'
  const time = m.created_at ? new Date(m.created_at).toLocaleTimeString(w.lang, { hour: '2-digit', minute: '2-digit' }) : ''
  if (m.kind === 'event') return html`<div class="event">${m.body}</div>`
  const who = mine ? null : w.sender(m)
  return html`
    <div class=${'msg ' + (mine ? 'me' : 'them') + (m.pending ? ' pending' : '')} data-seq=${m.seq || ''}>
      <div class="bubble">
        ${m.body ? html`<span class="text">${m.body}</span>` : null}
        ${(m.attachments || []).map((a) => html`<${Attachment} key=${a.id} w=${w} a=${a} />`)}
      </div>
      <div class="meta">
        ${who ? html`${who.avatar ? html`<img class="avatar" src=${who.avatar} alt=${who.name} referrerpolicy="no-referrer" />` : null}<span class="who">${who.name}</span> · ` : null}<time>${time}</time>
        ${m.pending ? html` · ${t.sending}` : seen ? html` · <span class="seen">${t.seen}</span>` : null}
      </div>
    </div>`
}

function Attachment({ w, a }) {
  const [url, setURL] = useState(null)
  const image = (a.content_type || '').startsWith('image/')
  useEffect(() => {
    if (!image) return
    let u
    w.attachmentURL(a).then((x) => setURL((u = x)), () => {})
    return () => u && URL.revokeObjectURL(u)
  }, [a.id])
  const download = async (e) => {
    e.preventDefault()
    const u = await w.attachmentURL(a)
    const link = document.createElement('a')
    link.href = u
    link.download = a.name || 'file'
    link.click()
    setTimeout(() => URL.revokeObjectURL(u), 10000)
  }
  if (image && url) return html`<img class="image" src=${url} alt=${a.name} />`
  return html`<a href="#" class="file" onClick=${download}>📎 ${a.name} <span class="visually-hidden">(${w.t.download})</span></a>`
}

// Composer writes to the conversation; while away (nobody could take the
// chat now) it presents itself as a form to leave a message.
function Composer({ w, away, back }) {
  const t = w.t
  const [text, setText] = useState('')
  const [error, setError] = useState('')
  const file = useRef(null)
  const submit = async (e) => {
    e && e.preventDefault()
    const body = text.trim()
    if (!body) return
    setText('')
    setError('')
    try { await w.send(body) } catch { setError(t.error) }
  }
  const onKey = (e) => {
    if (e.key === 'Enter' && !e.shiftKey && !e.isComposing) submit(e)
  }
  const onFile = async () => {
    const f = file.current.files[0]
    file.current.value = ''
    if (!f) return
    setError('')
    try { await w.upload(f) } catch (err) { setError(err.status === 413 ? t.fileTooLarge : err.status === 422 ? t.fileType : t.error) }
  }
  return html`
    <form class=${'composer' + (away ? ' leave' : '')} onSubmit=${submit} aria-label=${away ? t.leave : undefined}>
      ${back ? html`<p class="leave-back">${back}</p>` : null}
      ${away ? html`<p class="leave-intro">${t.leave}</p>` : null}
      ${error ? html`<p class="error" role="alert">${error}</p>` : null}
      <div class="row">
        <label class="icon attach" title=${t.attach}>
          <input type="file" ref=${file} onChange=${onFile} class="visually-hidden" aria-label=${t.attach} />
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M21 12.5l-8.5 8.5a5.5 5.5 0 0 1-7.8-7.8l9-9a3.7 3.7 0 0 1 5.2 5.2l-9 9a1.8 1.8 0 0 1-2.6-2.6l8.3-8.3" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round"/></svg>
        </label>
        <textarea rows="1" placeholder=${away ? t.leavePlaceholder : t.placeholder} aria-label=${away ? t.leavePlaceholder : t.placeholder} value=${text}
          onInput=${(e) => { setText(e.target.value); w.typing() }} onKeyDown=${onKey}></textarea>
        <button type="submit" class="send" aria-label=${t.send} disabled=${!text.trim()}>
          <svg viewBox="0 0 24 24" aria-hidden="true"><path d="M4 12l16-8-6 16-2.5-6.5z" fill="currentColor"/></svg>
        </button>
      </div>
    </form>`
}
