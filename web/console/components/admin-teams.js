// Admin: teams, named groups of agents that queues route to
// (docs/routing.md). An agent may be in several teams.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { agents, fail, toast, forgetRouting } from '../store.js';
import { PageHead, FieldErrors } from './admin.js';

export function TeamsPage() {
  const [teams, setTeams] = useState(null);
  const [editing, setEditing] = useState(null); // null, 'new' or a team
  const reload = () => {
    forgetRouting(); // the conversation view's transfer asks again
    return api.teams().then(setTeams).catch((e) => { fail(e, 'Could not load teams'); setTeams([]); });
  };
  useEffect(() => {
    reload();
    api.agents().then((a) => { agents.value = a; }).catch(() => {});
  }, []);
  const name = (id) => agents.value.find((a) => a.id === id)?.name || id;

  async function remove(t) {
    if (!confirm(`Delete the team ${t.name}? Its agents stay; only the group is deleted.`)) return;
    try {
      await api.deleteTeam(t.id);
      toast(`${t.name} is deleted.`, 'success');
      if (editing?.id === t.id) setEditing(null);
      reload();
    } catch (err) { fail(err, `Could not delete ${t.name}`); }
  }

  return html`
    <${PageHead} title="Teams" sub="Groups of agents. A queue gives its conversations to the members of its team.">
      <button type="button" class="button primary" onClick=${() => setEditing(editing === 'new' ? null : 'new')} aria-expanded=${editing === 'new'}>Add team</button>
    <//>
    ${editing && html`<${TeamForm} key=${editing === 'new' ? 'new' : editing.id} team=${editing === 'new' ? null : editing}
      onDone=${() => { setEditing(null); reload(); }} />`}
    ${teams === null ? html`<div class="spinner" role="status" aria-label="Loading teams"></div>`
      : !teams.length ? html`<div class="empty"><h2>No teams</h2><p class="muted">Add one, then route a queue to it on the Queues page.</p></div>`
      : html`
      <div class="table-wrap">
        <table class="table" aria-label="Teams">
          <thead><tr><th scope="col">Team</th><th scope="col">Agents</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${teams.map((t) => html`
              <tr key=${t.id} data-team=${t.name}>
                <td class="strong">${t.name}</td>
                <td class="team-members">${t.agent_ids.length ? t.agent_ids.map((id) => html`<span class="tag">${name(id)}</span> `) : html`<span class="muted">No agents</span>`}</td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" onClick=${() => setEditing(t)} aria-label=${'Edit ' + t.name}>Edit</button>
                  <button type="button" class="button small danger-ghost" onClick=${() => remove(t)} aria-label=${'Delete ' + t.name}>Delete</button>
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}`;
}

/** TeamForm creates a team, or renames one and changes its agents. */
function TeamForm({ team, onDone }) {
  const [name, setName] = useState(team?.name || '');
  const [members, setMembers] = useState(team?.agent_ids || []);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const toggle = (id) => setMembers(members.includes(id) ? members.filter((m) => m !== id) : [...members, id]);
  async function submit(ev) {
    ev.preventDefault();
    setBusy(true);
    try {
      if (team) await api.updateTeam(team.id, { name, agent_ids: members });
      else await api.createTeam({ name, agent_ids: members });
      toast(team ? `${name} is saved.` : `${name} is created.`, 'success');
      onDone();
    } catch (err) { setError(err); } finally { setBusy(false); }
  }
  const label = team ? `Edit team ${team.name}` : 'New team';
  const people = agents.value.filter((a) => !a.disabled || members.includes(a.id));
  return html`
    <form class="card form-grid" onSubmit=${submit} aria-label=${label}>
      <${FieldErrors} error=${error} />
      <label class="field"><span>Name</span><input required name="name" maxlength="64" value=${name}
        onInput=${(e) => setName(e.currentTarget.value)} placeholder="Support" /></label>
      <fieldset class="field">
        <legend>Agents</legend>
        <div class="scope-grid">
          ${people.map((a) => html`
            <label class="check" key=${a.id}><input type="checkbox" name="agent" value=${a.id} checked=${members.includes(a.id)}
              onChange=${() => toggle(a.id)} /> ${a.name}${a.bot ? ' (bot)' : ''}</label>`)}
        </div>
        <small class="muted">An agent may be in several teams. Bots are never given conversations by a queue's strategy.</small>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary" disabled=${busy || !name.trim()}>${team ? 'Save team' : 'Create team'}</button>
        <button type="button" class="button ghost" onClick=${onDone}>Cancel</button></div>
    </form>`;
}
