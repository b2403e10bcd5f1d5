// Admin: apps (docs/apps.md). Installing one is a review: the admin pastes
// or uploads its manifest, the page says in words what the app will be
// able to read and do, its quotas and its webhook, and the admin approves
// all of it or nothing. An app's page shows its quota usage and lets the
// admin disable, enable or uninstall it.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { fail, toast } from '../store.js';
import { BASE, navigate } from '../router.js';
import { ago, fullTime } from '../format.js';
import { PageHead, FieldErrors } from './admin.js';
import { copy } from './admin-inboxes.js';
import { Copy } from './icons.js';

/** scopeSentences says in words what each scope lets an app read and do. */
export const scopeSentences = {
  all: 'Everything in this workspace that an administrator’s API token can do: read and change agents, inboxes, contacts, conversations, webhooks, tokens, apps and the audit log.',
  'agents:read': 'See the agents of this workspace: their names, emails, roles, presence and attributes.',
  'agents:write': 'Create agents and bots, and change, disable and delete the agents it created.',
  'agents:manage_all': 'Change, disable and delete any agent of this workspace, also the ones it did not create.',
  'inboxes:read': 'See the inboxes with their widget settings, the branding and the customer data endpoints.',
  'inboxes:write': 'Create inboxes and change their settings, identity rules and allowed sites.',
  'contacts:read': 'Read your contacts: visitors’ names, emails, phone numbers and attributes.',
  'contacts:write': 'Create, change, merge and erase contacts.',
  'conversations:read': 'Read every conversation with its messages and the agents’ private notes.',
  'conversations:write': 'Write in conversations as an agent, and assign, transfer, resolve and reopen them.',
  'webhooks:read': 'See the webhook endpoints and their delivery logs.',
  'webhooks:write': 'Add, change and delete webhook endpoints, and send events to them again.',
  'visitors:write': 'Open chat sessions for visitors on your site, as your back-end does for signed-in users.',
  'tokens:read': 'See the API tokens and the installed apps (never their secrets).',
  'tokens:write': 'Create and revoke API tokens, and install, change and uninstall apps.',
  'audit:read': 'Read the audit log: who changed what, and when.',
  'labels:write': 'Create, rename and delete labels.',
  'canned_responses:write': 'Add, change and delete the shared canned responses.',
  'routing:write': 'Change teams, queues and routing rules.',
};

/** quotaRows are the quotas of an app, in words, with the server's defaults. */
const quotaRows = [
  ['agents_total', 'Agents and bots it created that exist at once', 10],
  ['agents_per_day', 'Agents and bots it may create in 24 hours', 10],
  ['requests_per_minute', 'API requests a minute', 600],
];

// installed holds the secrets of the app just installed, for its page to
// show once.
let installed = null;

export function AppsPage({ id }) {
  return id ? html`<${AppPage} id=${id} />` : html`<${AppList} />`;
}

function AppList() {
  const [apps, setApps] = useState(null);
  const [installing, setInstalling] = useState(false);
  useEffect(() => { api.apps().then(setApps).catch((e) => { fail(e, 'Could not load apps'); setApps([]); }); }, []);
  const open = (a) => navigate(`${BASE}/admin/apps/${encodeURIComponent(a.id)}`);
  return html`
    <${PageHead} title="Apps" sub="Integrations installed from a manifest, each with the rights and quotas you approved.">
      <button type="button" class="button primary" onClick=${() => setInstalling(!installing)} aria-expanded=${installing}>Install app</button>
    <//>
    ${installing && html`<${Install} onCancel=${() => setInstalling(false)}
      onInstalled=${(a) => { installed = a; toast(`“${a.name}” is installed.`, 'success'); open(a); }} />`}
    ${apps === null ? html`<div class="spinner" role="status" aria-label="Loading apps"></div>`
      : !apps.length ? !installing && html`<div class="empty"><h2>No apps</h2><p class="muted">Install one from the manifest its publisher gives you.</p></div>`
      : html`
      <div class="table-wrap">
        <table class="table" aria-label="Apps">
          <thead><tr><th scope="col">Name</th><th scope="col">Publisher</th><th scope="col">Scopes</th><th scope="col">State</th><th scope="col">Installed</th></tr></thead>
          <tbody>
            ${apps.map((a) => html`
              <tr key=${a.id} data-app=${a.name} class=${a.enabled ? '' : 'revoked'}>
                <td class="strong"><a href=${`${BASE}/admin/apps/${encodeURIComponent(a.id)}`} onClick=${(e) => { if (!e.metaKey && !e.ctrlKey) { e.preventDefault(); open(a); } }}>${a.name}</a></td>
                <td class="muted">${a.manifest.publisher || '—'}</td>
                <td>${a.scopes.map((s) => html`<span class="tag">${s}</span> `)}</td>
                <td>${a.enabled ? html`<span class="tag tag-ok">Enabled</span>` : html`<span class="tag tag-muted">Disabled</span>`}</td>
                <td class="muted" title=${fullTime(a.created_at)}>${ago(a.created_at)} by ${a.installed_by}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`;
}

/** parseManifest reads a manifest's JSON, or says what is wrong with it. */
export function parseManifest(text) {
  let m;
  try { m = JSON.parse(text); } catch (e) { return { error: `This is not JSON: ${e.message}` }; }
  if (!m || typeof m !== 'object' || Array.isArray(m)) return { error: 'A manifest is a JSON object, with at least a name and scopes.' };
  if (typeof m.name !== 'string' || !m.name.trim()) return { error: 'The manifest has no name.' };
  if (!Array.isArray(m.scopes) || !m.scopes.length || m.scopes.some((s) => typeof s !== 'string')) return { error: 'The manifest asks for no scopes: it must list them in "scopes".' };
  return { manifest: m };
}

// maxManifestBytes bounds a manifest file read in the browser.
const maxManifestBytes = 64 * 1024;

function Install({ onCancel, onInstalled }) {
  const [text, setText] = useState('');
  const [review, setReview] = useState(null); // the parsed manifest
  const [problem, setProblem] = useState('');
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);

  async function upload(e) {
    const f = e.currentTarget.files?.[0];
    if (!f) return;
    if (f.size > maxManifestBytes) { setProblem(`The file is too large for a manifest (${f.size} bytes; at most ${maxManifestBytes}).`); return; }
    setText(await f.text());
    setProblem('');
  }
  function toReview(e) {
    e.preventDefault();
    const r = parseManifest(text);
    setProblem(r.error || '');
    setError(null);
    if (r.manifest) setReview(r.manifest);
  }
  async function approve() {
    setBusy(true);
    try {
      onInstalled(await api.installApp(review));
    } catch (err) { setError(err); } finally { setBusy(false); }
  }

  if (review) {
    return html`
      <section class="card app-review" aria-labelledby="app-review-title">
        <h2 id="app-review-title">Install “${review.name}”?</h2>
        <${AppAbout} m=${review} />
        <${ScopeList} scopes=${review.scopes} heading="What it will be able to read and do" />
        <${Quotas} quotas=${review.quotas || {}} />
        <${Webhook} webhook=${review.webhook} />
        <${Panel} panel=${review.panel} name=${review.name} />
        <p>Approving grants all of this; you may narrow it later, never widen it.</p>
        <${FieldErrors} error=${error} />
        <div class="form-actions">
          <button type="button" class="button primary" onClick=${approve} disabled=${busy}>Approve and install</button>
          <button type="button" class="button ghost" onClick=${() => { setReview(null); setError(null); }}>Back to the manifest</button>
          <button type="button" class="button ghost" onClick=${onCancel}>Cancel</button>
        </div>
      </section>`;
  }
  return html`
    <form class="card" onSubmit=${toReview} aria-label="App manifest">
      ${problem && html`<div class="form-error" role="alert">${problem}</div>`}
      <label class="field"><span>Manifest (JSON)</span>
        <textarea name="manifest" rows="12" class="mono" value=${text} onInput=${(e) => setText(e.currentTarget.value)}
          aria-describedby="app-manifest-help" spellcheck="false"></textarea>
        <small id="app-manifest-help" class="muted">Paste the manifest the app's publisher gives you, or choose its file below. Nothing is installed before you approve it.</small></label>
      <label class="field"><span>Or a manifest file</span><input type="file" name="manifest_file" accept=".json,application/json" onChange=${upload} /></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${!text.trim()}>Review</button>
        <button type="button" class="button ghost" onClick=${onCancel}>Cancel</button></div>
    </form>`;
}

function AppAbout({ m }) {
  return html`
    <dl class="app-about">
      ${m.description && html`<dt>Description</dt><dd>${m.description}</dd>`}
      <dt>Publisher</dt><dd>${m.publisher || 'Not given'}</dd>
      ${m.homepage && html`<dt>Homepage</dt><dd><a href=${/^https:\/\//.test(m.homepage) ? m.homepage : undefined} rel="noopener noreferrer" target="_blank">${m.homepage}</a></dd>`}
    </dl>`;
}

function ScopeList({ scopes, heading }) {
  return html`
    <h3>${heading}</h3>
    <ul class="app-scopes">
      ${scopes.map((s) => html`
        <li data-scope=${s}><span class="scope-sentence">${scopeSentences[s] || `Something Parley does not know (${s}): the server will refuse to install it.`}</span>
          <code class="muted">${s}</code></li>`)}
    </ul>`;
}

function Quotas({ quotas, usage }) {
  return html`
    <h3>Quotas</h3>
    <table class="table app-quotas" aria-label="Quotas">
      <thead><tr><th scope="col">Quota</th>${usage && html`<th scope="col">Used</th>`}<th scope="col">Limit</th></tr></thead>
      <tbody>
        ${quotaRows.map(([k, label, def]) => html`
          <tr data-quota=${k}><th scope="row">${label}</th>
            ${usage && html`<td class="quota-used">${k in usage ? `${usage[k]} of ${quotas[k] || def}` : 'counted by each node'}</td>`}
            <td class="quota-limit">${quotas[k] ? quotas[k] : `${def} (the default)`}</td></tr>`)}
      </tbody>
    </table>`;
}

function Webhook({ webhook, id }) {
  return html`
    <h3>Webhook</h3>
    ${!webhook ? html`<p class="app-webhook muted">None: Parley sends this app no events.</p>` : html`
      <p class="app-webhook">Parley sends the events ${webhook.event_types.map((t) => html`<span class="tag">${t}</span> `)} to <code>${webhook.url}</code>, signed.
        ${id && html` <a href=${`${BASE}/admin/webhooks`} onClick=${(e) => { e.preventDefault(); navigate(`${BASE}/admin/webhooks`); }}>See its deliveries</a>.`}</p>`}`;
}

// Panel says what the app shows beside conversations (docs/apps.md,
// "Panels in the console").
function Panel({ panel, name }) {
  return html`
    <h3>Panel beside conversations</h3>
    ${!panel ? html`<p class="app-panel-review muted">None.</p>` : html`
      <p class="app-panel-review">Agents see “${panel.title || name}”, the page <code>${panel.url}</code>, beside each conversation they may read,
        in a sandboxed frame. It is told the conversation’s and contact’s IDs, with a token valid 5 minutes that reads only them.</p>`}`;
}

function AppPage({ id }) {
  const [app, setApp] = useState(null);
  const [secrets] = useState(() => { const s = installed?.id === id ? installed : null; installed = null; return s; });
  const [shown, setShown] = useState(!!secrets);
  const reload = () => api.app(id).then(setApp).catch((e) => { fail(e, 'Could not load the app'); setApp(false); });
  useEffect(() => { reload(); }, [id]);

  async function setEnabled(enabled) {
    if (!enabled && !confirm(`Disable “${app.name}”? Its access tokens stop working and its connections close at once.`)) return;
    try {
      setApp(await (enabled ? api.enableApp(id) : api.disableApp(id)).then(() => api.app(id)));
      toast(enabled ? `“${app.name}” is enabled.` : `“${app.name}” is disabled.`, 'success');
    } catch (e) { fail(e); }
  }
  async function uninstall() {
    if (!confirm(`Uninstall “${app.name}”? Its access tokens and its webhook are deleted at once; the agents it created remain.`)) return;
    try {
      await api.uninstallApp(id);
      toast(`“${app.name}” is uninstalled.`, 'success');
      navigate(`${BASE}/admin/apps`);
    } catch (e) { fail(e); }
  }

  if (app === null) return html`<div class="spinner" role="status" aria-label="Loading the app"></div>`;
  if (app === false) return html`<div class="empty"><h1>App not found</h1><p><a href=${`${BASE}/admin/apps`} onClick=${(e) => { e.preventDefault(); navigate(`${BASE}/admin/apps`); }}>All apps</a></p></div>`;
  return html`
    <${PageHead} title=${app.name} sub=${app.enabled ? 'Enabled' : 'Disabled: its access tokens are refused.'}>
      <a class="button ghost" href=${`${BASE}/admin/apps`} onClick=${(e) => { e.preventDefault(); navigate(`${BASE}/admin/apps`); }}>All apps</a>
      ${app.enabled ? html`<button type="button" class="button" onClick=${() => setEnabled(false)}>Disable</button>`
        : html`<button type="button" class="button" onClick=${() => setEnabled(true)}>Enable</button>`}
      <button type="button" class="button danger-ghost" onClick=${uninstall}>Uninstall</button>
    <//>
    ${shown && secrets && html`
      <div class="card callout" role="status" aria-labelledby="app-secret-title">
        <h2 id="app-secret-title">Copy the app's secrets now</h2>
        <p>This is the only time they are shown. Give them to the app: it signs in with its client ID and secret${secrets.webhook_secret ? ', and checks the signature of each webhook request with the webhook secret' : ''}.</p>
        <dl class="app-about">
          <dt>Client ID</dt><dd><code class="app-client-id">${secrets.client_id}</code></dd>
        </dl>
        <div class="snippet"><pre><code class="app-client-secret">${secrets.client_secret}</code></pre>
          <button type="button" class="button small" onClick=${() => copy(secrets.client_secret, 'Client secret copied')} aria-label="Copy the client secret"><${Copy} size=${14} /> Copy</button></div>
        ${secrets.webhook_secret && html`
          <div class="snippet"><pre><code class="app-webhook-secret">${secrets.webhook_secret}</code></pre>
            <button type="button" class="button small" onClick=${() => copy(secrets.webhook_secret, 'Webhook secret copied')} aria-label="Copy the webhook secret"><${Copy} size=${14} /> Copy</button></div>`}
        <button type="button" class="button ghost small" onClick=${() => setShown(false)}>I have stored them</button>
      </div>`}
    <section class="card app-detail" aria-labelledby="app-detail-title">
      <h2 id="app-detail-title">Rights, quotas and webhook</h2>
      <${AppAbout} m=${app.manifest} />
      <p class="muted">Client ID <code>${app.client_id}</code> · installed ${ago(app.created_at)} by ${app.installed_by}</p>
      <${ScopeList} scopes=${app.scopes} heading="What it can read and do" />
      <${Quotas} quotas=${app.quotas} usage=${app.usage || {}} />
      <${Webhook} webhook=${app.manifest.webhook} id=${app.webhook_id} />
      <${Panel} panel=${app.manifest.panel} name=${app.name} />
    </section>`;
}
