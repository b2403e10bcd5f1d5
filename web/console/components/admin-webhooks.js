// Admin: webhook endpoints (docs/webhooks.md). A new endpoint's signing
// secret is shown once, and so is a rotated one; each endpoint's recent
// deliveries show their status, the request with its body, every attempt's response and
// latency, and a Redeliver button.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { fail, toast } from '../store.js';
import { ago, fullTime } from '../format.js';
import { PageHead, FieldErrors } from './admin.js';
import { copy } from './admin-inboxes.js';
import { Copy, Refresh } from './icons.js';

// pollMs is how often the open delivery log is asked again while a
// delivery in it is pending.
const pollMs = 1500;

export function WebhooksPage() {
  const [endpoints, setEndpoints] = useState(null);
  const [inboxes, setInboxes] = useState([]);
  const [catalogue, setCatalogue] = useState([]);
  const [adding, setAdding] = useState(false);
  const [secret, setSecret] = useState(null); // { url, secret }
  const [open, setOpen] = useState(null); // the endpoint whose deliveries are shown
  const [pinged, setPinged] = useState(0); // bumped to refresh the delivery log
  const reload = () => api.webhooks().then(setEndpoints).catch((e) => { fail(e, 'Could not load webhooks'); setEndpoints([]); });
  useEffect(() => {
    reload();
    api.inboxes().then(setInboxes).catch(() => {});
    api.webhookEventTypes().then(setCatalogue).catch(() => {});
  }, []);
  const inboxName = (id) => (id ? inboxes.find((i) => i.id === id)?.name || id : 'Every inbox');

  async function ping(e) {
    try {
      await api.pingWebhook(e.id);
      toast('Test event sent. Its delivery is in the log below.', 'success');
      setOpen(e.id);
      setPinged((n) => n + 1);
    } catch (err) { fail(err); }
  }
  async function rotate(e) {
    if (!confirm(`Replace the secret of ${e.url}? For 24 hours requests carry both signatures, the new secret's and the old one's.`)) return;
    try {
      const r = await api.rotateWebhookSecret(e.id);
      setSecret({ url: r.url, secret: r.secret });
      reload();
    } catch (err) { fail(err); }
  }
  async function setEnabled(e, enabled) {
    try {
      await api.updateWebhook(e.id, { enabled });
      toast(enabled ? `${e.url} is enabled.` : `${e.url} is disabled.`, 'success');
      reload();
    } catch (err) { fail(err); }
  }
  async function remove(e) {
    if (!confirm(`Delete the endpoint ${e.url}? Its pending deliveries and its delivery log are deleted too.`)) return;
    try {
      await api.deleteWebhook(e.id);
      toast(`${e.url} is deleted.`, 'success');
      if (open === e.id) setOpen(null);
      reload();
    } catch (err) { fail(err); }
  }

  const shown = endpoints?.find((e) => e.id === open);
  return html`
    <${PageHead} title="Webhooks" sub="Your URLs that Parley sends events to, signed, retried and logged.">
      <button type="button" class="button primary" onClick=${() => { setAdding(!adding); setSecret(null); }} aria-expanded=${adding}>Add endpoint</button>
    <//>
    ${secret && html`
      <div class="card callout" role="status" aria-labelledby="wh-secret-title">
        <h2 id="wh-secret-title">Copy the signing secret now</h2>
        <p>This is the only time the secret of <code>${secret.url}</code> is shown. Your receiver checks each request's Standard Webhooks signature with it.</p>
        <div class="snippet"><pre><code class="webhook-secret">${secret.secret}</code></pre>
          <button type="button" class="button small" onClick=${() => copy(secret.secret, 'Secret copied')}><${Copy} size=${14} /> Copy</button></div>
        <button type="button" class="button ghost small" onClick=${() => setSecret(null)}>I have stored it</button>
      </div>`}
    ${adding && html`<${NewWebhook} inboxes=${inboxes} catalogue=${catalogue}
      onDone=${(e) => { setAdding(false); if (e) { setSecret({ url: e.url, secret: e.secret }); setOpen(e.id); } reload(); }} />`}
    ${endpoints === null ? html`<div class="spinner" role="status" aria-label="Loading webhooks"></div>`
      : !endpoints.length ? html`<div class="empty"><h2>No webhook endpoints</h2><p class="muted">Add one to receive conversations, messages and contacts as they change.</p></div>`
      : html`
      <div class="table-wrap">
        <table class="table" aria-label="Webhook endpoints">
          <thead><tr><th scope="col">URL</th><th scope="col">Events</th><th scope="col">Inbox</th><th scope="col">State</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${endpoints.map((e) => html`
              <tr key=${e.id} data-webhook=${e.url} class=${e.enabled ? '' : 'revoked'}>
                <td class="details"><code class="strong">${e.url}</code>${e.description && html`<div class="muted">${e.description}</div>`}</td>
                <td>${e.event_types.map((t) => html`<span class="tag">${t}</span> `)}</td>
                <td class="muted">${inboxName(e.inbox_id)}</td>
                <td class="webhook-state"><${State} e=${e} /></td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" aria-expanded=${open === e.id} aria-controls="wh-deliveries"
                    onClick=${() => setOpen(open === e.id ? null : e.id)} aria-label=${'Deliveries to ' + e.url}>Deliveries</button>
                  <button type="button" class="button small ghost" onClick=${() => ping(e)} aria-label=${'Send test event to ' + e.url}>Send test event</button>
                  <button type="button" class="button small ghost" onClick=${() => rotate(e)} aria-label=${'New secret for ' + e.url}>New secret</button>
                  ${e.enabled
                    ? html`<button type="button" class="button small ghost" onClick=${() => setEnabled(e, false)} aria-label=${'Disable ' + e.url}>Disable</button>`
                    : html`<button type="button" class="button small ghost" onClick=${() => setEnabled(e, true)} aria-label=${'Enable ' + e.url}>Enable</button>`}
                  <button type="button" class="button small danger-ghost" onClick=${() => remove(e)} aria-label=${'Delete ' + e.url}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}
    ${shown && html`<${Deliveries} key=${shown.id} endpoint=${shown} refresh=${pinged} onLoad=${reload} />`}`;
}

/** State says whether an endpoint is enabled, and why Parley disabled it. */
function State({ e }) {
  if (e.enabled) {
    return html`<span class="tag tag-ok">Enabled</span>
      ${e.failing_since && html`<div class="wh-failing" title=${fullTime(e.failing_since)}>Failing since ${ago(e.failing_since)}</div>`}`;
  }
  if (e.disabled_reason) {
    return html`<span class="tag tag-bad">Disabled by Parley</span><div class="wh-reason">${e.disabled_reason}</div>`;
  }
  return html`<span class="tag tag-muted">Disabled</span>`;
}

function NewWebhook({ inboxes, catalogue, onDone }) {
  const [url, setURL] = useState('');
  const [types, setTypes] = useState('');
  const [inbox, setInbox] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState(null);
  const list = types.split(/[\s,]+/).filter(Boolean);
  async function submit(ev) {
    ev.preventDefault();
    try {
      onDone(await api.createWebhook({ url, event_types: list, inbox_id: inbox || undefined, description: description || undefined }));
    } catch (err) { setError(err); }
  }
  return html`
    <form class="card form-grid" onSubmit=${submit} aria-label="New webhook endpoint">
      <${FieldErrors} error=${error} />
      <label class="field"><span>URL</span><input required type="url" name="url" maxlength="2048" value=${url} onInput=${(e) => setURL(e.currentTarget.value)}
        placeholder="https://crm.example.com/parley-events" aria-describedby="wh-url-help" />
        <small id="wh-url-help" class="muted">Parley POSTs each event here, signed. HTTPS; internal addresses only if the server allows them.</small></label>
      <label class="field"><span>Event types</span><input required name="event_types" value=${types} onInput=${(e) => setTypes(e.currentTarget.value)}
        placeholder="conversation.*, message.created" aria-describedby="wh-types-help" />
        <small id="wh-types-help" class="muted">Separated by commas. A group such as <code>conversation.*</code> is every type of it; <code>*</code> is every type.</small></label>
      <label class="field"><span>Inbox</span>
        <select name="inbox_id" value=${inbox} onChange=${(e) => setInbox(e.currentTarget.value)}>
          <option value="">Every inbox</option>
          ${inboxes.map((i) => html`<option value=${i.id}>${i.name}</option>`)}
        </select></label>
      <label class="field"><span>Description (optional)</span><input name="description" maxlength="500" value=${description}
        onInput=${(e) => setDescription(e.currentTarget.value)} placeholder="What it is for, e.g. CRM sync" /></label>
      ${catalogue.length > 0 && html`
        <details class="wh-catalogue">
          <summary>The event types</summary>
          <dl>${catalogue.map((c) => html`<dt><code>${c.type}</code></dt><dd class="muted">${c.description}</dd>`)}</dl>
        </details>`}
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!url || !list.length}>Add endpoint</button>
        <button type="button" class="button ghost" onClick=${() => onDone(null)}>Cancel</button></div>
    </form>`;
}

/** Deliveries is an endpoint's delivery log, newest first. */
function Deliveries({ endpoint, refresh, onLoad }) {
  const [items, setItems] = useState(null);
  const [tick, setTick] = useState(0);
  const [detail, setDetail] = useState(null); // delivery id shown with its attempts
  // The endpoints are asked again after the log: a failed delivery may
  // have disabled its endpoint (410 Gone).
  const load = () => api.webhookDeliveries(endpoint.id).then(setItems)
    .catch((e) => { fail(e, 'Could not load deliveries'); setItems([]); })
    .then(onLoad);
  useEffect(() => { load(); }, [refresh, tick]);
  // While a delivery is pending, ask again soon after its next attempt
  // is due (at least pollMs, at most a minute apart).
  const next = Math.min(...(items || []).filter((d) => d.status === 'pending')
    .map((d) => (d.next_attempt_at ? new Date(d.next_attempt_at).getTime() : Date.now())));
  useEffect(() => {
    if (!Number.isFinite(next)) return undefined;
    const t = setTimeout(() => setTick((n) => n + 1), Math.min(Math.max(next - Date.now() + 500, pollMs), 60000));
    return () => clearTimeout(t);
  }, [next, items]);

  async function redeliver(d) {
    try {
      await api.redeliverWebhook(endpoint.id, d.id);
      toast(`${d.event_type} is sent again.`, 'success');
      setTick((n) => n + 1);
    } catch (err) { fail(err); }
  }
  return html`
    <section class="card wh-deliveries" id="wh-deliveries" aria-labelledby="wh-deliveries-title">
      <div class="card-head">
        <div><h2 id="wh-deliveries-title">Deliveries to <code>${endpoint.url}</code></h2>
          <p class="muted">The newest first. Each request is a POST of the event, signed, with the header <code>webhook-id</code> the same on every attempt.</p></div>
        <button type="button" class="button small ghost" onClick=${() => setTick((n) => n + 1)}><${Refresh} size=${14} /> Refresh</button>
      </div>
      ${items === null ? html`<div class="spinner" role="status" aria-label="Loading deliveries"></div>`
        : !items.length ? html`<p class="muted">No deliveries yet. Send a test event to see one.</p>`
        : html`
        <div class="table-wrap">
          <table class="table" aria-label=${'Deliveries to ' + endpoint.url}>
            <thead><tr><th scope="col">Event</th><th scope="col">Status</th><th scope="col">Attempts</th><th scope="col">Last result</th><th scope="col">Created</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
            <tbody>
              ${items.map((d) => html`
                <tr key=${d.id} data-delivery=${d.id} data-event-type=${d.event_type}>
                  <td><span class="strong">${d.event_type}</span><div class="muted"><code>${d.event_id}</code></div></td>
                  <td><span class=${'tag delivery-status ' + statusClass(d.status)} data-status=${d.status}>${d.status}</span>
                    ${d.status === 'pending' && d.next_attempt_at && html`<div class="muted">next ${ago(d.next_attempt_at)}</div>`}</td>
                  <td class="delivery-attempts">${d.attempts}</td>
                  <td>${d.last_status_code ? html`HTTP ${d.last_status_code}` : ''}${d.last_error && html`<div class="wh-reason">${d.last_error}</div>`}</td>
                  <td class="muted" title=${fullTime(d.created_at)}>${ago(d.created_at)}</td>
                  <td class="right">
                    <button type="button" class="button small ghost" aria-expanded=${detail === d.id}
                      onClick=${() => setDetail(detail === d.id ? null : d.id)} aria-label=${'Details of ' + d.event_type + ' ' + d.event_id}>Details</button>
                    <button type="button" class="button small ghost" onClick=${() => redeliver(d)} aria-label=${'Redeliver ' + d.event_type + ' ' + d.event_id}>Redeliver</button>
                  </td>
                </tr>`)}
            </tbody>
          </table>
        </div>
        ${detail && html`<${Attempts} key=${detail + tick} endpoint=${endpoint} id=${detail} />`}`}
    </section>`;
}

const statusClass = (s) => (s === 'delivered' ? 'tag-ok' : s === 'failed' ? 'tag-bad' : 'tag-muted');

/** pretty indents the JSON body of a request; text that is not JSON is shown as it is. */
function pretty(body) {
  try {
    return JSON.stringify(JSON.parse(body), null, 2);
  } catch {
    return body;
  }
}

/** Attempts shows one delivery's request, headers and body, and every attempt: result, latency, response. */
function Attempts({ endpoint, id }) {
  const [d, setD] = useState(null);
  useEffect(() => { api.webhookDelivery(endpoint.id, id).then(setD).catch((e) => fail(e, 'Could not load the delivery')); }, [id]);
  if (!d) return html`<div class="spinner" role="status" aria-label="Loading the delivery"></div>`;
  return html`
    <div class="wh-attempts" data-delivery-detail=${d.id}>
      <h3>Request</h3>
      <pre class="wh-request"><code>${[`POST ${endpoint.url}`, 'content-type: application/json', `webhook-id: ${d.event_id}`,
        'webhook-timestamp, webhook-signature: set on each attempt'].join('\n')}</code></pre>
      ${d.request_body
        ? html`<pre class="wh-request-body"><code>${pretty(d.request_body)}</code></pre>`
        : html`<p class="muted wh-no-body">The body, the <code>${d.event_type}</code> event, is not shown: the event is no longer kept.</p>`}
      <h3>Attempts</h3>
      ${!d.attempt_log?.length ? html`<p class="muted">No attempt yet.</p>` : html`
        <ol class="wh-attempt-list">
          ${d.attempt_log.map((a) => html`
            <li data-attempt=${a.id}>
              <div><span class="strong attempt-result">${a.status_code ? `HTTP ${a.status_code}` : 'No response'}</span>
                <span class="muted"> · <span class="attempt-latency">${a.latency_ms.toFixed(1)} ms</span> · <span title=${fullTime(a.attempted_at)}>${ago(a.attempted_at)}</span></span></div>
              ${a.error && html`<div class="wh-reason">${a.error}</div>`}
              <div class="muted">Response${a.response ? '' : ': empty'}</div>
              ${a.response && html`<pre class="attempt-response"><code>${a.response}</code></pre>`}
            </li>`)}
        </ol>`}
    </div>`;
}
