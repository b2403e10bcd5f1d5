// Escalation in the conversation view: the conversation's tier, a marker
// when its queue's last tier's time has passed, and "Escalate" to the next
// tier with a reason (docs/routing.md, "Tiers and escalation").

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { loadRouting, routing, toast, fail, upsert } from '../store.js';

/** TierBadge shows the tier of a conversation of a queue with tiers. */
export function TierBadge({ conv }) {
  useEffect(loadRouting, []);
  const q = routing.value?.queues?.find((x) => x.id === conv.queue_id);
  if (!conv.tier || !q?.tiers?.length) return null;
  return html`
    <span class="badge tier-badge" data-tier=${conv.tier}>Tier ${conv.tier} of ${q.tiers.length}</span>
    ${conv.escalation_overdue_at && html`<span class="badge overdue-badge" data-overdue="true">Overdue</span>`}`;
}

/** Escalate moves the conversation to its queue's next tier, with a reason. */
export function Escalate({ conv }) {
  useEffect(loadRouting, []);
  const [open, setOpen] = useState(false);
  const [reason, setReason] = useState('');
  const [busy, setBusy] = useState(false);
  const q = routing.value?.queues?.find((x) => x.id === conv.queue_id);
  if (!conv.tier || !q?.tiers || conv.tier >= q.tiers.length) return null;
  async function submit(e) {
    e.preventDefault();
    setBusy(true);
    try {
      const c = await api.escalate(conv.id, reason.trim());
      upsert(c);
      toast(`Escalated to tier ${c.tier}.`, 'success');
      setOpen(false);
      setReason('');
    } catch (err) {
      fail(err, 'Could not escalate it');
    } finally { setBusy(false); }
  }
  if (!open) return html`<button type="button" class="button" onClick=${() => setOpen(true)}>Escalate</button>`;
  return html`
    <form class="escalate-form" onSubmit=${submit} aria-label="Escalate to the next tier">
      <input class="input small" name="reason" maxlength="500" value=${reason} placeholder="Why? (seen by staff)"
        aria-label="Reason for escalating" onInput=${(e) => setReason(e.currentTarget.value)} />
      <button type="submit" class="button primary small" disabled=${busy}>Escalate to tier ${conv.tier + 1}</button>
      <button type="button" class="button ghost small" onClick=${() => setOpen(false)}>Cancel</button>
    </form>`;
}
