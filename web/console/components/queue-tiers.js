// The escalation tiers of a queue in the queue form (docs/routing.md,
// "Tiers and escalation"): tier 1 is the queue's team; each further tier
// adds a team, after each tier's time.

import { html } from '../html.js';

export const maxTiers = 5;

/** tiersFrom makes the form's tiers of a queue's (seconds as text). */
export const tiersFrom = (q) => (q?.tiers || []).map((t) => ({ team_id: t.team_id || '', seconds: String(t.seconds) }));

/** tiersBody makes the API's tiers of the form's; [] when off. */
export const tiersBody = (on, tiers) => (on ? tiers.map((t, i) => ({ ...(i > 0 ? { team_id: t.team_id } : {}), seconds: Number(t.seconds) || 0 })) : []);

/** TiersFieldset edits the tiers: on, setOn, tiers, setTiers, teams, teamName (tier 1's). */
export function TiersFieldset({ on, setOn, tiers, setTiers, teams, teamName }) {
  const change = (i, k) => (e) => { const next = tiers.map((t) => ({ ...t })); next[i][k] = e.currentTarget.value; setTiers(next); };
  const toggle = (checked) => {
    setOn(checked);
    if (checked && tiers.length === 0) setTiers([{ team_id: '', seconds: '120' }, { team_id: teams[0]?.id || '', seconds: '300' }]);
  };
  return html`
    <fieldset class="field queue-tiers-edit">
      <legend>Escalation tiers</legend>
      <label class="check"><input type="checkbox" name="tiers" checked=${on} onChange=${(e) => toggle(e.currentTarget.checked)} /> Escalate when nobody accepts or answers in time</label>
      ${!on ? html`<small class="muted">No escalation: the queue's team alone takes its conversations.</small>` : html`
        <ol class="tiers-list">
          ${tiers.map((t, i) => html`
            <li key=${i} class="tier-row" data-tier=${i + 1}>
              <span class="strong">Tier ${i + 1}</span>
              ${i === 0 ? html`<span class="muted">${teamName}</span>` : html`
                <select name=${'tier-team-' + (i + 1)} value=${t.team_id} onChange=${change(i, 'team_id')} aria-label=${`Tier ${i + 1} team`}>
                  <option value="">Choose a team…</option>
                  ${teams.map((x) => html`<option value=${x.id}>${x.name}</option>`)}
                </select>`}
              <label class="inline">for <input type="number" min="1" max="86400" step="1" name=${'tier-seconds-' + (i + 1)} value=${t.seconds}
                onInput=${change(i, 'seconds')} aria-label=${`Tier ${i + 1} seconds`} /> s</label>
              ${i > 0 && html`<button type="button" class="button small danger-ghost" onClick=${() => setTiers(tiers.filter((_, j) => j !== i))}
                aria-label=${`Remove tier ${i + 1}`}>Remove</button>`}
            </li>`)}
        </ol>
        ${tiers.length < maxTiers && html`<button type="button" class="button small" onClick=${() => setTiers([...tiers, { team_id: '', seconds: '300' }])}>Add tier</button>`}
        <small class="muted">A conversation not accepted, or not answered, within its tier's time goes to the next tier, whose team joins the earlier ones; after the last tier's time supervisors are alerted.</small>`}
    </fieldset>`;
}
