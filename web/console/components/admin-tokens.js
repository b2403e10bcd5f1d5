// Admin: API tokens. A new token's secret is shown once; a token may be
// given an expiry date, shown in the list.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { fail, toast, me } from '../store.js';
import { ago, fullTime } from '../format.js';
import { PageHead, FieldErrors } from './admin.js';
import { copy } from './admin-inboxes.js';
import { Copy } from './icons.js';

export function TokensPage() {
  const [tokens, setTokens] = useState(null);
  const [adding, setAdding] = useState(false);
  const [created, setCreated] = useState(null);
  const reload = () => api.tokens().then(setTokens).catch((e) => { fail(e, 'Could not load tokens'); setTokens([]); });
  useEffect(() => { reload(); }, []);

  async function revoke(t) {
    if (!confirm(`Revoke “${t.name}”? Programs using it stop working at once.`)) return;
    try {
      await api.revokeToken(t.id);
      toast(`“${t.name}” is revoked.`, 'success');
      reload();
    } catch (e) { fail(e); }
  }

  return html`
    <${PageHead} title="API tokens" sub="Credentials for your back-end, scripts and apps. Give each only the scopes it needs.">
      <button type="button" class="button primary" onClick=${() => { setAdding(!adding); setCreated(null); }} aria-expanded=${adding}>Create token</button>
    <//>
    ${created && html`
      <div class="card callout" role="status" aria-labelledby="new-token-title">
        <h2 id="new-token-title">Copy your new token now</h2>
        <p>This is the only time it is shown. Store it in your secret manager.</p>
        <div class="snippet"><pre><code class="token-secret">${created.token}</code></pre>
          <button type="button" class="button small" onClick=${() => copy(created.token, 'Token copied')}><${Copy} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${() => setCreated(null)}>I have stored it</button>
      </div>`}
    ${adding && html`<${NewToken} onDone=${(t) => { setAdding(false); if (t) setCreated(t); reload(); }} />`}
    ${tokens === null ? html`<div class="spinner" role="status" aria-label="Loading tokens"></div>`
      : !tokens.length ? html`<div class="empty"><h2>No API tokens</h2><p class="muted">Create one to call the API from your back-end.</p></div>`
      : html`
      <div class="table-wrap">
        <table class="table" aria-label="API tokens">
          <thead><tr><th scope="col">Name</th><th scope="col">Scopes</th><th scope="col">Secret</th><th scope="col">Created</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${tokens.map((t) => html`
              <tr key=${t.id} class=${t.revoked_at ? 'revoked' : ''} data-token=${t.name}>
                <td class="strong">${t.name}</td>
                <td>${t.scopes.map((s) => html`<span class="tag">${s}</span> `)}</td>
                <td><code>${t.prefix}…</code></td>
                <td class="muted" title=${fullTime(t.created_at)}>${ago(t.created_at)} by ${t.created_by?.name}</td>
                <td class="muted">${t.last_used_at ? ago(t.last_used_at) : 'never'}</td>
                <td class="muted token-expires" title=${t.expires_at ? fullTime(t.expires_at) : ''}>${!t.expires_at ? 'never'
                  : new Date(t.expires_at) <= new Date() ? html`<span class="tag tag-muted">expired</span>` : ago(t.expires_at)}</td>
                <td class="right">${t.revoked_at ? html`<span class="tag tag-muted">revoked</span>`
                  : html`<button type="button" class="button small danger-ghost" onClick=${() => revoke(t)}>Revoke</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`;
}

function NewToken({ onDone }) {
  const held = (me.value?.scopes || []).filter((s) => !s.startsWith('workspaces:'));
  const [name, setName] = useState('');
  const [all, setAll] = useState(true);
  const [picked, setPicked] = useState([]);
  const [expires, setExpires] = useState(''); // yyyy-mm-dd, '' for never
  const [error, setError] = useState(null);
  async function submit(e) {
    e.preventDefault();
    const body = { name, scopes: all ? ['all'] : picked };
    // The token stops working at the start of that day, the admin's time.
    if (expires) body.expires_at = new Date(`${expires}T00:00:00`).toISOString();
    try {
      const t = await api.createToken(body);
      onDone(t);
    } catch (err) { setError(err); }
  }
  return html`
    <form class="card form-grid" onSubmit=${submit} aria-label="New API token">
      <${FieldErrors} error=${error} />
      <label class="field"><span>Name</span><input required value=${name} onInput=${(e) => setName(e.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      <fieldset class="field">
        <legend>Scopes</legend>
        <label class="switch"><input type="checkbox" checked=${all} onChange=${(e) => setAll(e.currentTarget.checked)} /><span>Everything (<code>all</code>)</span></label>
        ${!all && html`<div class="scope-grid">${held.map((s) => html`
          <label class="check"><input type="checkbox" checked=${picked.includes(s)}
            onChange=${(e) => setPicked(e.currentTarget.checked ? [...picked, s] : picked.filter((x) => x !== s))} /> <code>${s}</code></label>`)}</div>`}
      </fieldset>
      <label class="field"><span>Expires on (optional)</span>
        <input type="date" name="expires_at" value=${expires} min=${tomorrow()} onInput=${(e) => setExpires(e.currentTarget.value)} aria-describedby="token-expiry-help" />
        <small id="token-expiry-help" class="muted">Leave empty for a token that does not expire. It stops working at the start of that day, your time.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!name || (!all && !picked.length)}>Create token</button>
        <button type="button" class="button ghost" onClick=${() => onDone(null)}>Cancel</button></div>
    </form>`;
}

/** tomorrow is the next day's date, yyyy-mm-dd, the admin's time: the earliest expiry. */
function tomorrow() {
  const d = new Date();
  d.setDate(d.getDate() + 1);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}
