// invite.js — the prompt of an agent's invitation to chat (docs/widget.md),
// drawn by the loader next to the launcher, before the chat UI is loaded.
// The visitor may ignore it, close it (× or Escape), or reply: the chat
// opens with the agent's message first, and the conversation starts when
// they send their answer.

const css = `.invite{position:absolute;bottom:72px;right:0;width:min(300px,calc(100vw - 40px));box-sizing:border-box;background:#fff;color:#111827;border-radius:14px;box-shadow:0 10px 30px rgba(17,24,39,.22);padding:12px 14px;display:grid;gap:8px}
:host([data-position=left]) .invite{right:auto;left:0}
.invite p{margin:0;overflow-wrap:anywhere}
.invite .who{font-weight:600;font-size:13px;display:flex;align-items:center;gap:8px;padding-right:24px}
.invite .who img{width:24px;height:24px;border-radius:50%;object-fit:cover}
.invite .x{all:unset;position:absolute;top:6px;right:8px;width:28px;height:28px;text-align:center;line-height:28px;font-size:18px;cursor:pointer;border-radius:50%;color:#4b5563}
.invite .reply{all:unset;justify-self:start;background:var(--accent);color:var(--on-accent);border-radius:8px;padding:6px 14px;font-weight:600;cursor:pointer}
.invite button:focus-visible{outline:3px solid var(--accent);outline-offset:2px}`

// showInvitation draws the prompt of inv into root (the shadow root), or
// removes it when inv is null. onReply opens the chat.
export function showInvitation(root, addStyles, inv, t, onReply) {
  let box = root.querySelector('.invite')
  if (!inv) {
    if (box) box.remove()
    return
  }
  if (!root.__inviteCSS) {
    addStyles(root, css)
    root.__inviteCSS = true
  }
  if (box) box.remove()
  box = document.createElement('div')
  box.className = 'invite'
  box.setAttribute('role', 'region')
  box.setAttribute('aria-label', t.invitation || 'Invitation to chat')
  box.setAttribute('aria-live', 'polite')
  const who = document.createElement('p')
  who.className = 'who'
  if (inv.agent_avatar_url) {
    const img = document.createElement('img')
    img.src = inv.agent_avatar_url
    img.alt = ''
    who.append(img)
  }
  who.append(inv.agent_name || t.agent || 'Agent')
  const msg = document.createElement('p')
  msg.className = 'msg'
  msg.textContent = inv.message
  const x = document.createElement('button')
  x.type = 'button'
  x.className = 'x'
  x.setAttribute('aria-label', t.dismiss || 'Dismiss the invitation')
  x.textContent = '×'
  const reply = document.createElement('button')
  reply.type = 'button'
  reply.className = 'reply'
  reply.textContent = t.reply || 'Reply'
  const dismiss = () => { box.remove(); onReply(false) }
  x.onclick = dismiss
  box.onkeydown = (e) => { if (e.key === 'Escape') dismiss() }
  reply.onclick = () => { box.remove(); onReply(true) }
  box.append(x, who, msg, reply)
  root.append(box)
}
