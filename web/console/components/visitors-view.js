// The Visitors page: who is on the site now (live, over the real-time
// connection's subscribe_visitors), with the page they are on, time on
// site, verified or guest, returning or new, and an Invite button; then
// the contacts seen recently. docs/console.md describes it.

import { useEffect, useState, useRef } from 'preact/hooks';
import { html } from '../html.js';
import { get, post } from '../api.js';
import { onFrame, request } from '../socket.js';
import { toast, fail, can } from '../store.js';
import { ago, fullTime } from '../format.js';
import { useNow } from './now.js';
import { PageHead } from './admin.js';

const DEFAULT_INVITATION = 'Hi! Can I help you with anything?';

/** onSite is how long since iso, as "4 min" or "1 h 5 min". */
function onSite(iso, now) {
  const m = Math.max(0, Math.floor((now - Date.parse(iso)) / 60000));
  if (m < 1) return '< 1 min';
  return m < 60 ? `${m} min` : `${Math.floor(m / 60)} h ${m % 60} min`;
}

export function VisitorsView() {
  const [online, setOnline] = useState(null); // contact id → visitor, null while loading
  const [recent, setRecent] = useState([]);
  const [inviting, setInviting] = useState('');
  const reload = useRef(0);
  const now = useNow(15000);

  const load = async () => {
    try {
      const [on, rec] = await Promise.all([get('/api/v1/visitors/online', { limit: 200 }), get('/api/v1/visitors/recent', { limit: 50 })]);
      setOnline(Object.fromEntries(on.items.map((v) => [v.contact_id, v])));
      setRecent(rec.items);
    } catch (e) { fail(e); }
  };
  // loadSoon reloads once after a burst of changes (a new visitor's name,
  // verified and returning flags come with the list).
  const loadSoon = () => { clearTimeout(reload.current); reload.current = setTimeout(load, 300); };

  useEffect(() => {
    const subscribe = () => request({ type: 'subscribe_visitors' }).then(load, () => {});
    subscribe();
    const off = onFrame((f) => {
      if (f.type === 'ready') subscribe();
      if (f.type !== 'visitor') return;
      const v = f.visitor;
      setOnline((cur) => {
        const next = { ...(cur || {}) };
        if (f.event === 'offline') delete next[v.contact_id];
        else if (next[v.contact_id]) next[v.contact_id] = { ...next[v.contact_id], ...v };
        else loadSoon();
        return next;
      });
      if (f.event === 'offline') loadSoon();
    });
    return () => {
      off();
      clearTimeout(reload.current);
      request({ type: 'unsubscribe_visitors' }).catch(() => {});
    };
  }, []);

  const list = Object.values(online || {}).sort((a, b) => Date.parse(a.since) - Date.parse(b.since));
  const mayInvite = can('conversations:write') || can('all');
  return html`
    <main class="pane-admin visitors-page" id="main" tabindex="-1">
      <${PageHead} title="Visitors" sub="People on your site now, live, and the contacts seen recently." />
      <section class="card" aria-labelledby="visitors-online">
        <h2 id="visitors-online">On the site now ${online && html`<span class="count" aria-label=${list.length + ' visitors'}>${list.length}</span>`}</h2>
        ${online === null ? html`<p class="muted" role="status">Loading…</p>`
          : !list.length ? html`<p class="muted" role="status">Nobody is on the site right now.</p>`
          : html`
          <div class="table-wrap"><table class="table" aria-labelledby="visitors-online">
            <thead><tr><th scope="col">Visitor</th><th scope="col">Page</th><th scope="col">On site</th><th scope="col">Identity</th><th scope="col">Visits</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              ${list.map((v) => html`
                <tr key=${v.contact_id} data-visitor=${v.contact_id}>
                  <td class="strong">${v.name || 'Guest'}${v.email && html`<div class="muted small">${v.email}</div>`}</td>
                  <td class="details">${v.page?.url ? html`<a href=${v.page.url} target="_blank" rel="noopener noreferrer" class="visitor-page">${v.page.title || v.page.url}</a>
                    <div class="muted small">${v.page.url}</div>` : html`<span class="muted">—</span>`}</td>
                  <td title=${fullTime(v.since)}>${onSite(v.since, now)}</td>
                  <td><span class=${'tag' + (v.verified ? '' : ' tag-muted')}>${v.verified ? 'Verified' : 'Guest'}</span></td>
                  <td><span class=${'tag' + (v.returning ? '' : ' tag-muted')}>${v.returning ? 'Returning' : 'New'}</span></td>
                  <td>${mayInvite && (inviting === v.contact_id
                    ? html`<${InviteForm} visitor=${v} onDone=${() => setInviting('')} />`
                    : html`<button type="button" class="button small" onClick=${() => setInviting(v.contact_id)}
                        aria-label=${'Invite ' + (v.name || 'this guest') + ' to chat'}>Invite</button>`)}</td>
                </tr>`)}
            </tbody>
          </table></div>`}
      </section>
      <section class="card" aria-labelledby="visitors-recent">
        <h2 id="visitors-recent">Seen recently</h2>
        ${!recent.length ? html`<p class="muted">No visit has ended yet.</p>` : html`
          <div class="table-wrap"><table class="table" aria-labelledby="visitors-recent">
            <thead><tr><th scope="col">Contact</th><th scope="col">Last seen</th><th scope="col">Identity</th></tr></thead>
            <tbody>
              ${recent.map((c) => html`
                <tr key=${c.id} data-recent=${c.id}>
                  <td class="strong">${c.name || 'Guest'}${c.email && html`<div class="muted small">${c.email}</div>`}</td>
                  <td title=${fullTime(c.last_seen_at)}>${c.online ? 'On the site now' : ago(c.last_seen_at, now)}</td>
                  <td><span class=${'tag' + (c.verified ? '' : ' tag-muted')}>${c.verified ? 'Verified' : 'Guest'}</span></td>
                </tr>`)}
            </tbody>
          </table></div>`}
      </section>
    </main>`;
}

function InviteForm({ visitor, onDone }) {
  const [message, setMessage] = useState(DEFAULT_INVITATION);
  const [busy, setBusy] = useState(false);
  const field = useRef(null);
  useEffect(() => { field.current?.focus(); field.current?.select(); }, []);
  const send = async (e) => {
    e.preventDefault();
    setBusy(true);
    try {
      await post(`/api/v1/visitors/${encodeURIComponent(visitor.contact_id)}/invitations`, { message });
      toast(`Invitation sent to ${visitor.name || 'the guest'}.`, 'success');
      onDone();
    } catch (err) { fail(err); } finally { setBusy(false); }
  };
  const id = 'invite-' + visitor.contact_id;
  return html`
    <form class="invite-form" onSubmit=${send} onKeyDown=${(e) => { if (e.key === 'Escape') onDone(); }}>
      <label for=${id} class="sr-only">Invitation message</label>
      <textarea id=${id} ref=${field} rows="2" maxlength="1000" required value=${message} onInput=${(e) => setMessage(e.target.value)}></textarea>
      <div class="form-actions">
        <button type="submit" class="button small primary" disabled=${busy || !message.trim()}>Send invitation</button>
        <button type="button" class="button small ghost" onClick=${onDone}>Cancel</button>
      </div>
    </form>`;
}
