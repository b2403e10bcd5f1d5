// Admin: context endpoints, the company's URLs whose answers the contact
// panel shows (docs/context.md). A new endpoint's signing secret is shown
// once, and so is a rotated one.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { fail, toast } from '../store.js';
import { PageHead, FieldErrors } from './admin.js';
import { copy } from './admin-inboxes.js';
import { Copy } from './icons.js';

export function ContextPage() {
  const [endpoints, setEndpoints] = useState(null);
  const [inboxes, setInboxes] = useState([]);
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState(null); // { title, secret }
  const reload = () => api.contextEndpoints().then(setEndpoints).catch((e) => { fail(e, 'Could not load context endpoints'); setEndpoints([]); });
  useEffect(() => {
    reload();
    api.inboxes().then(setInboxes).catch(() => {});
  }, []);
  const inboxName = (id) => (id ? inboxes.find((i) => i.id === id)?.name || id : 'Every inbox');

  async function rotate(e) {
    if (!confirm(`Replace the secret of “${e.title}”? Requests are signed with the new one at once: update your endpoint.`)) return;
    try {
      const r = await api.rotateContextSecret(e.id);
      setSecret({ title: r.title, secret: r.secret });
    } catch (err) { fail(err); }
  }
  async function remove(e) {
    if (!confirm(`Delete “${e.title}”? Agents no longer see its data.`)) return;
    try {
      await api.deleteContextEndpoint(e.id);
      toast(`“${e.title}” is deleted.`, 'success');
      reload();
    } catch (err) { fail(err); }
  }

  return html`
    <${PageHead} title="Customer data" sub="Your endpoints whose answers agents see beside the conversation: rows, links and charts.">
      <button type="button" class="button primary" onClick=${() => { setAdding(!adding); setSecret(null); }} aria-expanded=${adding}>Add endpoint</button>
    <//>
    ${secret && html`
      <div class="card callout" role="status" aria-labelledby="ctx-secret-title">
        <h2 id="ctx-secret-title">Copy the signing secret of “${secret.title}” now</h2>
        <p>This is the only time it is shown. Your endpoint checks each request's Standard Webhooks signature with it.</p>
        <div class="snippet"><pre><code class="context-secret">${secret.secret}</code></pre>
          <button type="button" class="button small" onClick=${() => copy(secret.secret, 'Secret copied')}><${Copy} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${() => setSecret(null)}>I have stored it</button>
      </div>`}
    ${adding && html`<${NewEndpoint} inboxes=${inboxes} onDone=${(e) => { setAdding(false); if (e) setSecret({ title: e.title, secret: e.secret }); reload(); }} />`}
    ${endpoints === null ? html`<div class="spinner" role="status" aria-label="Loading context endpoints"></div>`
      : !endpoints.length ? html`<div class="empty"><h2>No context endpoints</h2><p class="muted">Add one to show your own data about customers in the contact panel.</p></div>`
      : html`
      <div class="table-wrap">
        <table class="table" aria-label="Context endpoints">
          <thead><tr><th scope="col">Title</th><th scope="col">URL</th><th scope="col">Inbox</th><th scope="col">Kind</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${endpoints.map((e) => html`
              <tr key=${e.id} data-context-endpoint=${e.title}>
                <td class="strong">${e.title}</td>
                <td><code>${e.url}</code></td>
                <td class="muted">${inboxName(e.inbox_id)}</td>
                <td class="muted">${e.statistics ? 'Statistics (date range)' : 'Details'}</td>
                <td class="right">
                  <button type="button" class="button small ghost" onClick=${() => rotate(e)} aria-label=${'New secret for ' + e.title}>New secret</button>
                  <button type="button" class="button small danger-ghost" onClick=${() => remove(e)} aria-label=${'Delete ' + e.title}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`;
}

function NewEndpoint({ inboxes, onDone }) {
  const [title, setTitle] = useState('');
  const [url, setURL] = useState('');
  const [inbox, setInbox] = useState('');
  const [statistics, setStatistics] = useState(false);
  const [error, setError] = useState(null);
  async function submit(ev) {
    ev.preventDefault();
    try {
      onDone(await api.createContextEndpoint({ title, url, inbox_id: inbox || undefined, statistics }));
    } catch (err) { setError(err); }
  }
  return html`
    <form class="card form-grid" onSubmit=${submit} aria-label="New context endpoint">
      <${FieldErrors} error=${error} />
      <label class="field"><span>Title</span><input required maxlength="64" value=${title} onInput=${(e) => setTitle(e.currentTarget.value)} placeholder="The heading agents see, e.g. Orders" /></label>
      <label class="field"><span>URL</span><input required type="url" value=${url} onInput=${(e) => setURL(e.currentTarget.value)} placeholder="https://crm.example.com/parley/orders" aria-describedby="ctx-url-help" />
        <small id="ctx-url-help" class="muted">Parley POSTs the contact's identifiers and the agent's id here, signed. HTTPS; internal addresses only if the server allows them.</small></label>
      <label class="field"><span>Inbox</span>
        <select value=${inbox} onChange=${(e) => setInbox(e.currentTarget.value)}>
          <option value="">Every inbox</option>
          ${inboxes.map((i) => html`<option value=${i.id}>${i.name}</option>`)}
        </select></label>
      <label class="switch"><input type="checkbox" checked=${statistics} onChange=${(e) => setStatistics(e.currentTarget.checked)} /><span>Statistics: send a date range agents choose</span></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!title || !url}>Add endpoint</button>
        <button type="button" class="button ghost" onClick=${() => onDone(null)}>Cancel</button></div>
    </form>`;
}
