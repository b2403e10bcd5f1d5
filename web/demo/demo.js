// The demo page's "log in as a demo user": it gets a visitor JWT for the
// demo user from Parley's demo-only endpoint — standing in for a customer's
// own back-end, which would sign it — and hands it to the widget with
// Parley.identify, which keeps the guest's conversation. What the page
// knows of the login is kept in this tab's storage so a reload stays logged
// in, as a real site's session would (the widget keeps its own session).

import './demo.css'

const KEY = 'parley-demo-token'
const $ = (id) => document.getElementById(id)

function parley() {
  return new Promise((resolve) => {
    if (window.Parley && window.Parley.init) resolve(window.Parley)
    else addEventListener('parley:loaded', () => resolve(window.Parley), { once: true })
  })
}

function show(loggedIn, name) {
  $('demo-status').textContent = loggedIn ? 'Logged in as ' + name + '.' : 'Browsing as a guest.'
  $('demo-login').hidden = loggedIn
  $('demo-logout').hidden = !loggedIn
}

async function login() {
  $('demo-login').disabled = true
  try {
    const res = await fetch('/demo/visitor-token', { method: 'POST' })
    if (!res.ok) throw new Error('HTTP ' + res.status)
    const tok = await res.json()
    localStorage.setItem(KEY, JSON.stringify(tok))
    await (await parley()).identify(tok.token)
    show(true, tok.name)
  } catch (e) {
    $('demo-status').textContent = 'Demo login failed: ' + e.message
  } finally {
    $('demo-login').disabled = false
  }
}

async function logout() {
  localStorage.removeItem(KEY)
  await (await parley()).logout()
  show(false)
}

if ($('demo-login')) {
  $('demo-login').addEventListener('click', login)
  $('demo-logout').addEventListener('click', logout)
  let saved = null
  try { saved = JSON.parse(localStorage.getItem(KEY)) } catch { /* none */ }
  if (saved && new Date(saved.expires_at) > new Date()) show(true, saved.name)
}
