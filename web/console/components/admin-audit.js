// Admin: the audit log, newest first.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { fail } from '../store.js';
import { ago, fullTime } from '../format.js';
import { PageHead } from './admin.js';

export function AuditPage() {
  const [items, setItems] = useState(null);
  const [cursor, setCursor] = useState('');
  const [busy, setBusy] = useState(false);
  async function load(from) {
    setBusy(true);
    try {
      const page = await api.audit(from);
      setItems((cur) => (from ? [...(cur || []), ...page.items] : page.items));
      setCursor(page.next_cursor || '');
    } catch (e) {
      fail(e, 'Could not load the audit log');
      setItems((cur) => cur || []);
    } finally { setBusy(false); }
  }
  useEffect(() => { load(''); }, []);
  const details = (d) => Object.entries(d || {}).map(([k, v]) => `${k}: ${typeof v === 'object' ? JSON.stringify(v) : v}`).join(', ');
  return html`
    <${PageHead} title="Audit log" sub="Every administrative change: who made it, and when." />
    ${items === null ? html`<div class="spinner" role="status" aria-label="Loading the audit log"></div>`
      : !items.length ? html`<div class="empty"><h2>Nothing recorded yet</h2></div>`
      : html`
      <div class="table-wrap">
        <table class="table" aria-label="Audit log">
          <thead><tr><th scope="col">When</th><th scope="col">Who</th><th scope="col">Action</th><th scope="col">Details</th></tr></thead>
          <tbody>
            ${items.map((e) => html`
              <tr key=${e.id}>
                <td class="muted nowrap" title=${fullTime(e.created_at)}>${ago(e.created_at)}</td>
                <td><span class="tag tag-muted">${e.actor.type}</span> ${e.actor.name}</td>
                <td><code class="action">${e.action}</code></td>
                <td class="muted small details">${details(e.details)}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>
      ${cursor && html`<div class="center"><button type="button" class="button" disabled=${busy} onClick=${() => load(cursor)}>Load more</button></div>`}`}`;
}
