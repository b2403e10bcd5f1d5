// Admin: queues (team, strategy, capacity, offers and returns, business
// hours) and the ordered routing rules that put conversations in them
// (docs/routing.md).

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { fail, toast, forgetRouting } from '../store.js';
import { PageHead, FieldErrors } from './admin.js';
import { TiersFieldset, tiersFrom, tiersBody } from './queue-tiers.js';

export const strategies = [
  ['manual', 'Manual — agents take conversations themselves'],
  ['round_robin', 'Round robin — each agent in turn'],
  ['least_busy', 'Least busy — the agent holding the fewest'],
  ['longest_idle', 'Longest idle — the agent assigned longest ago'],
];
const strategyName = (s) => (s === 'external' ? 'External service' : strategies.find(([v]) => v === s)?.[1].split(' — ')[0] || s);
const days = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

export function QueuesPage() {
  const [queues, setQueues] = useState(null);
  const [teams, setTeams] = useState([]);
  const [inboxes, setInboxes] = useState([]);
  const [editing, setEditing] = useState(null); // null, 'new' or a queue
  const reload = () => {
    forgetRouting(); // the conversation view's transfer asks again
    return api.queues().then(setQueues).catch((e) => { fail(e, 'Could not load queues'); setQueues([]); });
  };
  useEffect(() => {
    reload();
    api.teams().then(setTeams).catch(() => {});
    api.inboxes().then(setInboxes).catch(() => {});
  }, []);
  const teamName = (id) => (id ? teams.find((t) => t.id === id)?.name || id : 'Every agent');

  async function remove(q) {
    if (!confirm(`Delete the queue ${q.name}?`)) return;
    try {
      await api.deleteQueue(q.id);
      toast(`${q.name} is deleted.`, 'success');
      if (editing?.id === q.id) setEditing(null);
      reload();
    } catch (err) { fail(err, `Could not delete ${q.name}`); }
  }

  return html`
    <${PageHead} title="Queues" sub="Where conversations wait, and how they reach agents.">
      <button type="button" class="button primary" onClick=${() => setEditing(editing === 'new' ? null : 'new')} aria-expanded=${editing === 'new'}>Add queue</button>
    <//>
    ${editing && html`<${QueueForm} key=${editing === 'new' ? 'new' : editing.id} queue=${editing === 'new' ? null : editing} teams=${teams}
      onDone=${() => { setEditing(null); reload(); }} />`}
    ${queues === null ? html`<div class="spinner" role="status" aria-label="Loading queues"></div>` : html`
      <div class="table-wrap">
        <table class="table" aria-label="Queues">
          <thead><tr><th scope="col">Queue</th><th scope="col">Team</th><th scope="col">Strategy</th><th scope="col">Capacity</th><th scope="col">Business hours</th><th scope="col"><span class="sr-only">Actions</span></th></tr></thead>
          <tbody>
            ${queues.map((q) => html`
              <tr key=${q.id} data-queue=${q.name}>
                <td><span class="strong">${q.name}</span>${q.default && html` <span class="tag tag-muted">Default</span>`}</td>
                <td class="queue-team">${teamName(q.team_id)}</td>
                <td class="queue-strategy">${strategyName(q.strategy)}${q.offer_mode ? html`<br /><small class="muted queue-offer">Offered, ${q.offer_timeout_seconds} s to accept</small>` : ''}</td>
                <td class="queue-capacity">${q.capacity ? q.capacity + ' per agent' : "The agents' own"}</td>
                <td class="queue-hours">${q.business_hours ? hoursSummary(q.business_hours) : 'Always open'}</td>
                <td class="right webhook-actions">
                  <button type="button" class="button small ghost" onClick=${() => setEditing(q)} aria-label=${'Edit ' + q.name}>Edit</button>
                  ${!q.default && html`<button type="button" class="button small danger-ghost" onClick=${() => remove(q)} aria-label=${'Delete ' + q.name}>Delete</button>`}
                </td>
              </tr>`)}
          </tbody>
        </table>
      </div>`}
    ${queues !== null && html`<${Rules} queues=${queues} inboxes=${inboxes} />`}`;
}

/** hoursSummary says a queue's business hours in a line. */
function hoursSummary(h) {
  const open = h.weekly.map((d, i) => (d?.length ? `${days[i].slice(0, 3)} ${d.map((x) => `${x.start}–${x.end}`).join(', ')}` : null)).filter(Boolean);
  return `${open.join('; ') || 'Closed every day'} (${h.time_zone})${h.holidays?.length ? `, ${h.holidays.length} holiday${h.holidays.length > 1 ? 's' : ''}` : ''}`;
}

/** parseDay reads "09:00-12:00, 13:00-17:30" into intervals; null if it cannot. */
export function parseDay(text) {
  const out = [];
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const m = /^(\d{1,2}:\d{2})\s*[-–]\s*(\d{1,2}:\d{2})$/.exec(part);
    if (!m) return null;
    out.push({ start: m[1].padStart(5, '0'), end: m[2].padStart(5, '0') });
  }
  return out;
}

const zones = (() => { try { return Intl.supportedValuesOf('timeZone'); } catch { return []; } })();
const localZone = (() => { try { return Intl.DateTimeFormat().resolvedOptions().timeZone; } catch { return 'UTC'; } })();

/** QueueForm creates or changes a queue and its business hours. */
function QueueForm({ queue, teams, onDone }) {
  const [saved, setSaved] = useState(queue); // the queue as stored, once created
  const [f, setF] = useState({
    name: queue?.name || '', team_id: queue?.team_id || '', strategy: queue?.strategy || 'round_robin',
    capacity: String(queue?.capacity || 0),
  });
  const [offers, setOffers] = useState({
    offer_mode: !!queue?.offer_mode, offer_timeout_seconds: String(queue?.offer_timeout_seconds || 30),
    offline_return_seconds: String(queue?.offline_return_seconds || 0),
  });
  const h = queue?.business_hours;
  const [hoursOn, setHoursOn] = useState(!!h);
  const [zone, setZone] = useState(h?.time_zone || localZone);
  const [week, setWeek] = useState(h ? h.weekly.map((d) => (d || []).map((x) => `${x.start}-${x.end}`).join(', '))
    : ['', '09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', '09:00-17:00', '']);
  const [holidays, setHolidays] = useState((h?.holidays || []).join(', '));
  const [tiersOn, setTiersOn] = useState(!!queue?.tiers?.length);
  const [tiers, setTiers] = useState(tiersFrom(queue));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const set = (k) => (e) => setF({ ...f, [k]: e.currentTarget.value });

  async function submit(ev) {
    ev.preventDefault();
    const weekly = week.map(parseDay);
    const bad = weekly.findIndex((d) => d === null);
    if (hoursOn && bad >= 0) {
      setError({ message: `${days[bad]}: write the opening hours as 09:00-17:30, several separated by commas, or leave it empty when closed.` });
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const body = {
        name: f.name, team_id: f.team_id, strategy: f.strategy, capacity: Number(f.capacity) || 0,
        offer_mode: offers.offer_mode, offline_return_seconds: Number(offers.offline_return_seconds) || 0,
        tiers: tiersBody(tiersOn, tiers),
      };
      if (offers.offer_mode) body.offer_timeout_seconds = Number(offers.offer_timeout_seconds) || 30;
      let q = saved ? await api.updateQueue(saved.id, body) : await api.createQueue(body);
      setSaved(q);
      if (hoursOn) {
        q = await api.setBusinessHours(q.id, { time_zone: zone.trim(), weekly, holidays: holidays.split(/[\s,]+/).filter(Boolean) });
      } else if (saved?.business_hours) {
        await api.deleteBusinessHours(q.id);
      }
      toast(queue ? `${f.name} is saved.` : `${f.name} is created.`, 'success');
      onDone();
    } catch (err) { setError(err); } finally { setBusy(false); }
  }
  const label = queue ? `Edit queue ${queue.name}` : 'New queue';
  return html`
    <form class="card form-grid" onSubmit=${submit} aria-label=${label}>
      <${FieldErrors} error=${error} />
      <label class="field"><span>Name</span><input required name="name" maxlength="64" value=${f.name} onInput=${set('name')} placeholder="Support" /></label>
      <label class="field"><span>Team</span>
        <select name="team_id" value=${f.team_id} onChange=${set('team_id')} aria-describedby="q-team-help">
          <option value="">Every agent of the workspace</option>
          ${teams.map((t) => html`<option value=${t.id}>${t.name}</option>`)}
        </select>
        <small id="q-team-help" class="muted">Whose members take this queue's conversations.</small></label>
      <label class="field"><span>Strategy</span>
        <select name="strategy" value=${f.strategy} onChange=${set('strategy')}>
          ${strategies.map(([v, l]) => html`<option value=${v}>${l}</option>`)}
          ${f.strategy === 'external' && html`<option value="external">External service — your routing service decides</option>`}
        </select></label>
      <label class="field"><span>Capacity per agent</span>
        <input type="number" name="capacity" min="0" max="1000" step="1" value=${f.capacity} onInput=${set('capacity')} aria-describedby="q-cap-help" />
        <small id="q-cap-help" class="muted">How many of this queue's conversations an agent may hold at once; 0 keeps each agent's own capacity.</small></label>
      <${OffersFieldset} v=${offers} onChange=${setOffers} />
      <fieldset class="field queue-hours-edit">
        <legend>Business hours</legend>
        <label class="check"><input type="checkbox" name="hours" checked=${hoursOn} onChange=${(e) => setHoursOn(e.currentTarget.checked)} /> Open only at set hours</label>
        ${!hoursOn ? html`<small class="muted">Always open.</small>` : html`
          <label class="field"><span>Time zone</span><input required name="time_zone" list="q-zones" maxlength="64" value=${zone}
            onInput=${(e) => setZone(e.currentTarget.value)} aria-describedby="q-zone-help" />
            <small id="q-zone-help" class="muted">The hours are wall-clock times of this zone, e.g. Europe/Berlin, so 09:00 stays 09:00 across daylight-saving changes.</small></label>
          <datalist id="q-zones">${zones.map((z) => html`<option value=${z} />`)}</datalist>
          <div class="hours-week">
            ${days.map((d, i) => html`
              <label class="field" key=${d}><span>${d}</span><input name=${'day-' + i} value=${week[i]} placeholder="Closed"
                onInput=${(e) => { const w = [...week]; w[i] = e.currentTarget.value; setWeek(w); }} aria-describedby="q-day-help" /></label>`)}
          </div>
          <small id="q-day-help" class="muted">Opening hours as 09:00-17:30; several separated by commas (09:00-12:00, 13:00-17:00); empty when closed.</small>
          <label class="field"><span>Holidays</span><input name="holidays" value=${holidays} onInput=${(e) => setHolidays(e.currentTarget.value)}
            placeholder="2026-12-25, 2026-12-26" aria-describedby="q-hol-help" />
            <small id="q-hol-help" class="muted">Closed days, YYYY-MM-DD, separated by commas.</small></label>`}
      </fieldset>
      <${TiersFieldset} on=${tiersOn} setOn=${setTiersOn} tiers=${tiers} setTiers=${setTiers} teams=${teams}
        teamName=${f.team_id ? teams.find((t) => t.id === f.team_id)?.name || f.team_id : 'Every agent'} />
      <div class="form-actions"><button type="submit" class="button primary" disabled=${busy || !f.name.trim()}>${queue ? 'Save queue' : 'Create queue'}</button>
        <button type="button" class="button ghost" onClick=${onDone}>Cancel</button></div>
    </form>`;
}

/** OffersFieldset edits a queue's offer mode and its offline return. */
function OffersFieldset({ v, onChange }) {
  const set = (k) => (e) => onChange({ ...v, [k]: e.currentTarget.type === 'checkbox' ? e.currentTarget.checked : e.currentTarget.value });
  return html`
    <fieldset class="field queue-offers-edit">
      <legend>Offers and returns</legend>
      <label class="check"><input type="checkbox" name="offer_mode" checked=${v.offer_mode} onChange=${set('offer_mode')} aria-describedby="q-offer-help" /> Offer conversations to agents</label>
      <small id="q-offer-help" class="muted">The strategy's agent accepts or declines each conversation; when it declines or lets the time pass, the next agent is asked.</small>
      ${v.offer_mode && html`
        <label class="field"><span>Seconds to accept</span>
          <input type="number" name="offer_timeout_seconds" required min="1" max="600" step="1" value=${v.offer_timeout_seconds} onInput=${set('offer_timeout_seconds')} /></label>`}
      <label class="field"><span>Back to the queue after (seconds offline)</span>
        <input type="number" name="offline_return_seconds" min="0" max="86400" step="1" value=${v.offline_return_seconds} onInput=${set('offline_return_seconds')} aria-describedby="q-return-help" />
        <small id="q-return-help" class="muted">When an agent holding this queue's conversations is offline this long, they go back to the queue; 0 never.</small></label>
    </fieldset>`;
}

let nextKey = 1;
const fromRule = (r) => ({
  key: nextKey++, queue_id: r.queue_id || '', inbox_id: r.inbox_id || '',
  verified: r.verified === true ? 'true' : r.verified === false ? 'false' : '',
  attributes: Object.entries(r.attributes || {}).map(([k, v]) => `${k}=${v}`).join(', '),
  page_url_prefix: r.page_url_prefix || '',
});

/** parseAttributes reads "plan=enterprise, language=de"; null if it cannot. */
export function parseAttributes(text) {
  const out = {};
  for (const part of text.split(',').map((p) => p.trim()).filter(Boolean)) {
    const i = part.indexOf('=');
    if (i <= 0) return null;
    out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

/** Rules edits the workspace's ordered routing rules. */
function Rules({ queues, inboxes }) {
  const [rules, setRules] = useState(null);
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const [dirty, setDirty] = useState(false);
  useEffect(() => {
    api.routingRules().then((rs) => setRules(rs.map(fromRule))).catch((e) => { fail(e, 'Could not load the routing rules'); setRules([]); });
  }, []);
  const change = (next) => { setRules(next); setDirty(true); };
  const edit = (i, k) => (e) => { const next = [...rules]; next[i] = { ...next[i], [k]: e.currentTarget.value }; change(next); };
  function move(i, by, focus) {
    const next = [...rules];
    [next[i], next[i + by]] = [next[i + by], next[i]];
    change(next);
    // Keep the focus on the button that was pressed, now in the rule's new place.
    setTimeout(() => {
      const li = document.querySelector(`[data-rule="${i + by}"]`);
      (li?.querySelector(`.${focus}:not(:disabled)`) || li?.querySelector('.move-up:not(:disabled), .move-down:not(:disabled)'))?.focus();
    }, 0);
  }
  function remove(i) {
    change(rules.filter((_, j) => j !== i));
    setTimeout(() => document.querySelector(`[data-rule="${Math.min(i, rules.length - 2)}"] select`)?.focus()
      || document.querySelector('.rules-add')?.focus(), 0);
  }
  function add() {
    change([...rules, fromRule({ queue_id: queues.find((q) => !q.default)?.id || queues[0]?.id })]);
    setTimeout(() => document.querySelector(`[data-rule="${rules.length}"] select`)?.focus(), 0);
  }
  async function save(ev) {
    ev.preventDefault();
    const out = [];
    for (const [i, r] of rules.entries()) {
      const attributes = parseAttributes(r.attributes);
      if (attributes === null) {
        setError({ message: `Rule ${i + 1}: write the contact attributes as name=value, several separated by commas.` });
        return;
      }
      out.push({
        queue_id: r.queue_id, inbox_id: r.inbox_id || undefined,
        verified: r.verified === '' ? undefined : r.verified === 'true',
        attributes: Object.keys(attributes).length ? attributes : undefined,
        page_url_prefix: r.page_url_prefix.trim() || undefined,
      });
    }
    setBusy(true);
    setError(null);
    try {
      const saved = await api.setRoutingRules(out);
      setRules(saved.rules.map(fromRule));
      setDirty(false);
      toast('The routing rules are saved.', 'success');
    } catch (err) { setError(err); } finally { setBusy(false); }
  }

  return html`
    <section class="card rules" aria-labelledby="rules-title">
      <div class="card-head"><div>
        <h2 id="rules-title">Routing rules</h2>
        <p class="muted">When a visitor's first message makes a conversation wait, the first rule whose conditions all hold puts it in that rule's queue; when none does, it goes to its inbox's queue. Empty conditions hold always.</p>
      </div></div>
      ${rules === null ? html`<div class="spinner" role="status" aria-label="Loading the routing rules"></div>` : html`
        <form onSubmit=${save} aria-label="Routing rules">
          <${FieldErrors} error=${error} />
          ${!rules.length && html`<p class="muted">No rules: every conversation goes to its inbox's queue.</p>`}
          <ol class="rule-list">
            ${rules.map((r, i) => html`
              <li key=${r.key} data-rule=${i}>
                <fieldset class="rule">
                  <legend>Rule ${i + 1}</legend>
                  <div class="rule-grid">
                    <label class="field"><span>Queue</span>
                      <select name="queue_id" value=${r.queue_id} onChange=${edit(i, 'queue_id')}>
                        ${queues.map((q) => html`<option value=${q.id}>${q.name}</option>`)}
                      </select></label>
                    <label class="field"><span>Inbox</span>
                      <select name="inbox_id" value=${r.inbox_id} onChange=${edit(i, 'inbox_id')}>
                        <option value="">Any inbox</option>
                        ${inboxes.map((x) => html`<option value=${x.id}>${x.name}</option>`)}
                      </select></label>
                    <label class="field"><span>Visitor</span>
                      <select name="verified" value=${r.verified} onChange=${edit(i, 'verified')}>
                        <option value="">Verified or guest</option>
                        <option value="true">Verified by your site</option>
                        <option value="false">Guest</option>
                      </select></label>
                    <label class="field"><span>Contact attributes</span>
                      <input name="attributes" value=${r.attributes} onInput=${edit(i, 'attributes')} placeholder="plan=enterprise, language=de"
                        aria-describedby="rules-attr-help" /></label>
                    <label class="field"><span>Page URL starts with</span>
                      <input name="page_url_prefix" type="url" maxlength="2048" value=${r.page_url_prefix} onInput=${edit(i, 'page_url_prefix')}
                        placeholder="https://shop.example.com/pricing" /></label>
                  </div>
                  <div class="form-actions">
                    <button type="button" class="button small ghost move-up" disabled=${i === 0} onClick=${() => move(i, -1, 'move-up')}
                      aria-label=${`Move up rule ${i + 1}`}>Move up</button>
                    <button type="button" class="button small ghost move-down" disabled=${i === rules.length - 1} onClick=${() => move(i, 1, 'move-down')}
                      aria-label=${`Move down rule ${i + 1}`}>Move down</button>
                    <button type="button" class="button small danger-ghost" onClick=${() => remove(i)} aria-label=${`Remove rule ${i + 1}`}>Remove</button>
                  </div>
                </fieldset>
              </li>`)}
          </ol>
          <small id="rules-attr-help" class="muted">Contact attributes: name=value, several separated by commas; each must equal the contact's attribute, as text.</small>
          <div class="form-actions rules-actions">
            <button type="button" class="button rules-add" onClick=${add} disabled=${!queues.length}>Add rule</button>
            <button type="submit" class="button primary" disabled=${busy || !dirty}>Save rules</button>
          </div>
        </form>`}
    </section>`;
}
