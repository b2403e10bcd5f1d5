// The visitor's satisfaction rating (CSAT) of a resolved conversation, in
// the conversation's header: fetched when a resolved conversation opens,
// and shown live when the visitor rates it (conversation.rated).

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { get } from '../api.js';
import { onFrame } from '../socket.js';

export function CsatRating({ conv }) {
  const [rating, setRating] = useState(null);
  const resolved = conv.status === 'resolved';
  useEffect(() => {
    setRating(null);
    if (!resolved) return undefined;
    let live = true;
    get(`/api/v1/conversations/${encodeURIComponent(conv.id)}/rating`).then((r) => live && r.rated && setRating(r), () => {});
    const off = onFrame((f) => {
      if (f.type === 'event' && f.event?.type === 'conversation.rated' && f.event.payload?.rating?.conversation_id === conv.id) {
        setRating(f.event.payload.rating);
      }
    });
    return () => { live = false; off(); };
  }, [conv.id, resolved]);
  if (!rating) return null;
  return html`
    <div class="csat" data-score=${rating.score}>
      <span class="csat-score" aria-label=${`Rated ${rating.score} out of 5 by the visitor`} title="The visitor's rating">
        <span aria-hidden="true">${'★'.repeat(rating.score)}${'☆'.repeat(5 - rating.score)}</span> ${rating.score}/5</span>
      ${rating.comment && html`<q class="csat-comment">${rating.comment}</q>`}
    </div>`;
}
