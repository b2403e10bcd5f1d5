// Admin: inboxes, with the widget snippet to copy and identity settings.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { inboxes, fail, toast } from '../store.js';
import { PageHead, FieldErrors } from './admin.js';
import { Copy } from './icons.js';
import { WidgetSettings } from './inbox-widget.js';

/** snippet is the script tag a website adds to show the inbox's widget. */
export const snippet = (inbox) =>
  `<script src="${location.origin}/widget.js" data-inbox="${inbox.id}" async></script>`;

export async function copy(text, what = 'Copied') {
  try {
    await navigator.clipboard.writeText(text);
    toast(`${what} to the clipboard.`, 'success');
  } catch {
    toast('Select the text and copy it by hand.', 'error');
  }
}

export function InboxesPage() {
  const [loading, setLoading] = useState(true);
  const [adding, setAdding] = useState(false);
  const reload = () => api.inboxes().then((i) => { inboxes.value = i; }).catch((e) => fail(e, 'Could not load inboxes')).finally(() => setLoading(false));
  useEffect(() => { reload(); }, []);
  return html`
    <${PageHead} title="Inboxes" sub="Each inbox is one chat entry point, such as the widget on one website.">
      <button type="button" class="button primary" onClick=${() => setAdding(!adding)} aria-expanded=${adding}>New inbox</button>
    <//>
    ${adding && html`<${NewInbox} onDone=${() => { setAdding(false); reload(); }} />`}
    ${loading ? html`<div class="spinner" role="status" aria-label="Loading inboxes"></div>`
      : !inboxes.value.length ? html`<div class="empty"><h2>No inboxes yet</h2><p class="muted">Create one to put the chat widget on your website.</p></div>`
      : inboxes.value.map((i) => html`<${InboxCard} key=${i.id} inbox=${i} onChange=${reload} />`)}`;
}

function InboxCard({ inbox, onChange }) {
  const [origins, setOrigins] = useState((inbox.allowed_origins || []).join('\n'));
  const [error, setError] = useState(null);
  const code = snippet(inbox);
  const titleID = 'inbox-' + inbox.id;

  async function save(body, done) {
    try {
      await api.updateInbox(inbox.id, body);
      setError(null);
      toast(done, 'success');
      onChange();
    } catch (e) { setError(e); }
  }

  return html`
    <section class="card inbox-card" aria-labelledby=${titleID} data-inbox=${inbox.id}>
      <header class="card-head">
        <div><h2 id=${titleID}>${inbox.name}</h2>
          <p class="muted small">Widget title “${inbox.widget?.title || inbox.name}” · files up to ${Math.round((inbox.conversation?.max_attachment_size || 0) / 1048576)} MB</p></div>
        <span class="swatch" aria-hidden="true" style=${{ background: inbox.widget?.color || "#2563eb" }}></span>
      </header>
      <${FieldErrors} error=${error} />
      <div class="inbox-grid">
        <div>
          <h3>Widget snippet</h3>
          <p class="muted small">Paste it before <code>${'</body>'}</code> on every page of your site.</p>
          <div class="snippet">
            <pre><code class="snippet-code">${code}</code></pre>
            <button type="button" class="button small" onClick=${() => copy(code, 'Snippet copied')}><${Copy} size=${14} /> Copy</button>
          </div>
        </div>
        <div>
          <h3>Identity</h3>
          <label class="switch">
            <input type="checkbox" checked=${!!inbox.identity?.require_verified}
              onChange=${(e) => save({ identity: { require_verified: e.currentTarget.checked } }, 'Identity settings saved.')} />
            <span>Require verified visitors <span class="muted small">(refuse anonymous guests)</span></span>
          </label>
          <p class="muted small">Your back-end signs a JWT for logged-in users, so each customer sees the same conversations on every device.
            Keys and secrets are set through the API (see the identity guide).</p>
          <${IdentitySummary} identity=${inbox.identity} />
        </div>
        <form class="inbox-origins" onSubmit=${(e) => { e.preventDefault(); save({ allowed_origins: origins.split(/[\s,]+/).filter(Boolean) }, 'Allowed origins saved.'); }}>
          <label class="field"><span>Allowed origins <span class="muted small">(one per line)</span></span>
            <textarea rows="3" value=${origins} onInput=${(e) => setOrigins(e.currentTarget.value)} placeholder="https://www.example.com"></textarea></label>
          <button type="submit" class="button small">Save origins</button>
        </form>
        <${AutoResolve} inbox=${inbox} save=${save} />
        <${WidgetSettings} inbox=${inbox} onSaved=${onChange} />
      </div>
    </section>`;
}

// AutoResolve sets how long a conversation may stay inactive before it is
// resolved, in minutes; empty or 0 is off. The server checks the range
// (1 minute to 30 days) and its refusal shows above, as for every field.
function AutoResolve({ inbox, save }) {
  const secs = inbox.conversation?.auto_resolve_after_seconds || 0;
  const [minutes, setMinutes] = useState(secs ? String(secs / 60) : '');
  const id = 'auto-resolve-' + inbox.id;
  function submit(e) {
    e.preventDefault();
    const n = Number(minutes.trim() || '0');
    save({ conversation: { auto_resolve_after_seconds: Math.round(n * 60) } },
      n ? `Conversations inactive for ${n} minutes will be resolved.` : 'Auto-resolve is off.');
  }
  return html`
    <form class="inbox-auto-resolve" aria-label="Auto-resolve" onSubmit=${submit}>
      <h3>Auto-resolve</h3>
      <label class="field" for=${id}><span>Resolve after <span class="muted small">(minutes without activity; empty for off)</span></span>
        <input id=${id} name="auto_resolve_minutes" type="number" min="0" step="1" inputmode="numeric" placeholder="Off"
          value=${minutes} onInput=${(e) => setMinutes(e.currentTarget.value)} /></label>
      <p class="muted small">Now: ${secs ? `after ${secs % 60 ? secs + ' seconds' : secs / 60 + ' minutes'}` : 'off'}. A system line tells the visitor.</p>
      <button type="submit" class="button small">Save auto-resolve</button>
    </form>`;
}

// IdentitySummary lists the identity settings beyond require_verified,
// whatever the server reports (never secrets: the API does not return them).
function IdentitySummary({ identity }) {
  const rows = Object.entries(identity || {}).filter(([k, v]) => k !== 'require_verified' && v !== null && v !== '' &&
    !(Array.isArray(v) && v.length === 0));
  if (!rows.length) return null;
  const show = (v) => (Array.isArray(v) ? `${v.length} configured` : typeof v === 'object' ? JSON.stringify(v) : String(v));
  return html`<dl class="props small">${rows.map(([k, v]) => html`<dt>${k.replace(/_/g, ' ')}</dt><dd>${show(v)}</dd>`)}</dl>`;
}

function NewInbox({ onDone }) {
  const [name, setName] = useState('');
  const [origins, setOrigins] = useState('');
  const [error, setError] = useState(null);
  async function submit(e) {
    e.preventDefault();
    try {
      await api.createInbox({ name, allowed_origins: origins.split(/[\s,]+/).filter(Boolean) });
      toast(`Inbox ${name} created.`, 'success');
      onDone();
    } catch (err) { setError(err); }
  }
  return html`
    <form class="card form-grid" onSubmit=${submit} aria-label="New inbox">
      <${FieldErrors} error=${error} />
      <label class="field"><span>Name</span><input required value=${name} onInput=${(e) => setName(e.currentTarget.value)} placeholder="Website" /></label>
      <label class="field"><span>Allowed origins</span><input value=${origins} onInput=${(e) => setOrigins(e.currentTarget.value)} placeholder="https://www.example.com" />
        <small class="muted">The sites whose pages may open chats, separated by spaces.</small></label>
      <div class="form-actions"><button type="submit" class="button primary">Create inbox</button>
        <button type="button" class="button ghost" onClick=${onDone}>Cancel</button></div>
    </form>`;
}
