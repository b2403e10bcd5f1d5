// The prompt for a conversation offered to the agent (a queue in offer
// mode): who is waiting, the seconds left, and Accept / Decline (keys a and
// d). Accepting opens the conversation; declining, or letting the time
// pass, takes the prompt away.

import { computed } from '@preact/signals';
import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { offers, answerOffer, dropOffer, conversations, contactName, lastMessage, inboxName } from '../store.js';
import { navigate, listPath } from '../router.js';

/** currentOffer is the oldest open offer, which the prompt shows. */
export const currentOffer = computed(() => {
  const all = Object.values(offers.value);
  all.sort((a, b) => (a.offered_at < b.offered_at ? -1 : a.offered_at > b.offered_at ? 1 : 0));
  return all[0] || null;
});

const answering = new Set(); // conversation ids whose answer is on its way

/** answerCurrent accepts or declines the offer shown; false when there is none. */
export function answerCurrent(accept) {
  const o = currentOffer.value;
  if (!o) return false;
  const id = o.conversation_id;
  if (answering.has(id)) return true;
  answering.add(id);
  answerOffer(id, accept).then((c) => {
    if (accept && c?.status === 'assigned') navigate(listPath('mine', id));
  }).finally(() => answering.delete(id));
  return true;
}

const secondsLeft = (o) => Math.max(0, Math.ceil((o.deadline - Date.now()) / 1000));

function typingInField(el) {
  const tag = el?.tagName;
  return tag === 'INPUT' || tag === 'TEXTAREA' || tag === 'SELECT' || !!el?.isContentEditable;
}

export function OfferPrompt() {
  const o = currentOffer.value;
  const [, setTick] = useState(0);
  const accept = useRef(null);
  useEffect(() => {
    if (!o) return undefined;
    const timer = setInterval(() => {
      if (secondsLeft(o) <= 0) dropOffer(o.conversation_id);
      setTick((n) => n + 1);
    }, 250);
    return () => clearInterval(timer);
  }, [o?.id]);
  // The prompt takes the focus, unless the agent is typing somewhere.
  useEffect(() => {
    if (o && accept.current && !typingInField(document.activeElement)) accept.current.focus();
  }, [o?.id]);
  const c = o && conversations.value[o.conversation_id];
  const who = c ? contactName(c.contact_id) : 'A visitor';
  const said = o && lastMessage.value[o.conversation_id];
  const inbox = c ? inboxName(c.inbox_id) : '';
  const more = Object.keys(offers.value).length - 1;
  return html`
    <div class="sr-only" aria-live="assertive">${o ? `Conversation offered to you: ${who}. Press a to accept, d to decline.` : ''}</div>
    ${o && html`
      <div class="offer-prompt" role="alertdialog" aria-labelledby="offer-title" aria-describedby="offer-desc" data-offer=${o.conversation_id} data-offer-id=${o.id}>
        <h2 id="offer-title">Conversation offered to you</h2>
        <div id="offer-desc">
          <p><span class="offer-visitor strong">${who}</span>${inbox && html` <span class="muted">in ${inbox}</span>`}</p>
          ${said?.body && html`<blockquote class="offer-message">${said.body.length > 200 ? said.body.slice(0, 200) + '…' : said.body}</blockquote>`}
        </div>
        <p class="offer-countdown"><span class="offer-seconds">${secondsLeft(o)}</span> s left to answer${more > 0 ? ` · ${more} more waiting` : ''}</p>
        <div class="offer-actions">
          <button type="button" class="button primary" ref=${accept} aria-keyshortcuts="a" onClick=${() => answerCurrent(true)}>
            Accept <kbd aria-hidden="true">a</kbd></button>
          <button type="button" class="button" aria-keyshortcuts="d" onClick=${() => answerCurrent(false)}>
            Decline <kbd aria-hidden="true">d</kbd></button>
        </div>
      </div>`}`;
}
