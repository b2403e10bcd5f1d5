// A custom chat screen built only on Parley's browser SDK (docs/sdk.md).
// Open it as /examples/custom-chat/?inbox=INBOX_ID on a Parley in demo mode
// (add &login=demo to chat as the demo's signed-in user, whose token the
// page refreshes when Parley says it is expiring). Elsewhere, copy these
// three files and import the SDK from your Parley's /sdk/parley-client.js.

import { ParleyClient } from '/sdk/parley-client.js'

const params = new URLSearchParams(location.search)
const $ = (id) => document.getElementById(id)

// getToken: your back-end's identity JWT for the signed-in user. Here, the
// demo's endpoint stands in for it.
async function demoToken() {
  const res = await fetch('/demo/visitor-token', { method: 'POST' })
  if (!res.ok) throw new Error('HTTP ' + res.status)
  return (await res.json()).token
}

const client = new ParleyClient({
  inbox: params.get('inbox') || '',
  getToken: params.get('login') === 'demo' ? demoToken : undefined,
})
window.chat = client // for the browser test and the curious

const statusText = { idle: 'Say hello to start.', connecting: 'Connecting…', online: 'Connected.', reconnecting: 'Connection lost. Reconnecting…', stopped: '' }

function render() {
  $('status').textContent = statusText[client.state] || ''
  const c = client.current && client.conv(client.current)
  const log = $('log')
  log.replaceChildren()
  if (!c) return
  for (const m of c.messages) {
    const li = document.createElement('li')
    li.className = (m.sender.type === 'contact' ? 'me' : 'them') + (m.pending ? ' pending' : '')
    if (m.seq) li.dataset.seq = String(m.seq)
    li.textContent = m.body || (m.attachments || []).map((a) => a.name).join(', ')
    if (m.sender.type === 'contact' && m.seq && m.seq <= c.agentRead) {
      const seen = document.createElement('span')
      seen.className = 'seen'
      seen.textContent = 'Seen'
      li.append(seen)
    }
    log.append(li)
  }
  $('typing').hidden = !(c.typingUntil > Date.now())
}

// The SDK refreshes the token through getToken when Parley says it is
// expiring; the page only counts the refreshes.
let refreshes = 0
client.on('session', (s) => { if (s.refreshed) document.body.dataset.refreshes = String(++refreshes) })
client.on('change', render)
client.on('ready', render)

$('composer').addEventListener('submit', (e) => {
  e.preventDefault()
  const text = $('text').value.trim()
  if (!text) return
  $('text').value = ''
  client.send(text).catch((err) => { $('status').textContent = 'Not sent: ' + err.message })
})
$('text').addEventListener('input', () => client.typing())
$('file').addEventListener('change', () => {
  const f = $('file').files[0]
  if (f) client.upload(f).catch((err) => { $('status').textContent = 'Not sent: ' + err.message })
  $('file').value = ''
})

client.init().then(render, (err) => { $('status').textContent = 'Chat unavailable: ' + err.message })
