// Admin: the workspace's agents.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { agents, myID, fail, toast } from '../store.js';
import { ago } from '../format.js';
import { Avatar } from './avatar.js';
import { PageHead, FieldErrors } from './admin.js';

export function AgentsPage() {
  const [loading, setLoading] = useState(true);
  const [adding, setAdding] = useState(false);
  const reload = () => api.agents().then((a) => { agents.value = a; }).catch((e) => fail(e, 'Could not load agents')).finally(() => setLoading(false));
  useEffect(() => { reload(); }, []);

  async function toggle(a) {
    if (!a.disabled && !confirm(`Disable ${a.name}? They are signed out and cannot sign in until enabled again.`)) return;
    try {
      await api.updateAgent(a.id, { disabled: !a.disabled });
      toast(`${a.name} is ${a.disabled ? 'enabled' : 'disabled'}.`, 'success');
      reload();
    } catch (e) { fail(e); }
  }

  return html`
    <${PageHead} title="Agents" sub="The people (and bots) who answer conversations.">
      <button type="button" class="button primary" onClick=${() => setAdding(!adding)} aria-expanded=${adding}>Add agent</button>
    <//>
    ${adding && html`<${NewAgent} onDone=${() => { setAdding(false); reload(); }} />`}
    ${loading ? html`<div class="spinner" role="status" aria-label="Loading agents"></div>` : html`
      <div class="table-wrap">
        <table class="table" aria-label="Agents">
          <thead><tr><th scope="col">Name</th><th scope="col">Role</th><th scope="col">Status</th><th scope="col">Capacity</th><th scope="col">Added</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${agents.value.map((a) => html`
              <tr key=${a.id} data-agent=${a.email}>
                <td><div class="cell-person"><${Avatar} id=${a.id} name=${a.name} url=${a.avatar_url} size="sm" />
                  <div><div class="strong">${a.name}${a.id === myID.value ? ' (you)' : ''}</div><div class="muted small">${a.email}</div></div></div></td>
                <td><span class=${'role role-' + a.role}>${a.role}</span>${a.bot ? html` <span class="tag">bot</span>` : ''}</td>
                <td>${a.disabled ? html`<span class="tag tag-muted">disabled</span>`
                  : html`<span class=${'presence-label p-' + (a.presence || 'offline')}><span class=${'presence-dot p-' + (a.presence || 'offline')} aria-hidden="true"></span>${a.presence || 'offline'}</span>`}</td>
                <td class="agent-capacity">${a.bot ? '—' : a.capacity ? `${a.capacity} at once` : 'No limit'}</td>
                <td class="muted">${ago(a.created_at)}</td>
                <td class="right">${a.id !== myID.value && html`<button type="button" class="button small ghost" onClick=${() => toggle(a)}>${a.disabled ? 'Enable' : 'Disable'}</button>`}</td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`;
}

function NewAgent({ onDone }) {
  const [f, setF] = useState({ name: '', email: '', role: 'agent', password: '', avatar_url: '', capacity: '0' });
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const set = (k) => (e) => setF({ ...f, [k]: e.currentTarget.value });
  async function submit(e) {
    e.preventDefault();
    setBusy(true);
    try {
      await api.createAgent({ ...f, capacity: Number(f.capacity) || 0 });
      toast(`${f.name} can now sign in.`, 'success');
      onDone();
    } catch (err) { setError(err); } finally { setBusy(false); }
  }
  return html`
    <form class="card form-grid" onSubmit=${submit} aria-label="New agent">
      <${FieldErrors} error=${error} />
      <label class="field"><span>Name</span><input required value=${f.name} onInput=${set('name')} /></label>
      <label class="field"><span>Email</span><input type="email" required value=${f.email} onInput=${set('email')} /></label>
      <label class="field"><span>Role</span>
        <select value=${f.role} onChange=${set('role')}>
          <option value="agent">Agent — answers conversations</option>
          <option value="supervisor">Supervisor — also sees the audit log</option>
          <option value="admin">Admin — manages the workspace</option>
        </select></label>
      <label class="field"><span>Picture URL <span class="muted small">(optional)</span></span><input type="url" pattern="https://.*" value=${f.avatar_url} onInput=${set('avatar_url')} placeholder="https://…" />
        <small class="muted">Shown to visitors with the agent's name.</small></label>
      <label class="field"><span>Capacity</span><input type="number" name="capacity" min="0" step="1" value=${f.capacity} onInput=${set('capacity')} aria-describedby="agent-cap-help" />
        <small id="agent-cap-help" class="muted">How many conversations they may hold at once; 0 for no limit. A queue may set its own.</small></label>
      <label class="field"><span>Password</span><input type="password" autocomplete="new-password" minlength="10" required value=${f.password} onInput=${set('password')} />
        <small class="muted">At least 10 characters. Share it with them safely.</small></label>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${busy}>Create agent</button>
        <button type="button" class="button ghost" onClick=${onDone}>Cancel</button></div>
    </form>`;
}
