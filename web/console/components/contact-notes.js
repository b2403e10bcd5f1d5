// Notes on a contact: staff-only, newest first (/api/v1/contacts/{id}/notes).

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, post, del } from '../api.js';
import { fail } from '../store.js';
import { ago, fullTime } from '../format.js';

export function ContactNotes({ contactId }) {
  const path = `/api/v1/contacts/${encodeURIComponent(contactId)}/notes`;
  const [notes, setNotes] = useState(null);
  const [draft, setDraft] = useState('');
  const [busy, setBusy] = useState(false);
  useEffect(() => {
    let live = true;
    setNotes(null);
    get(path).then((r) => live && setNotes(r.items), () => live && setNotes([]));
    return () => { live = false; };
  }, [contactId]);

  async function add(e) {
    e.preventDefault();
    if (!draft.trim()) return;
    setBusy(true);
    try {
      const n = await post(path, { body: draft });
      setNotes([n, ...(notes || [])]);
      setDraft('');
    } catch (err) { fail(err, 'Could not save the note'); } finally { setBusy(false); }
  }
  async function remove(n) {
    if (!confirm('Delete this note?')) return;
    try {
      await del(`${path}/${encodeURIComponent(n.id)}`);
      setNotes(notes.filter((x) => x.id !== n.id));
    } catch (err) { fail(err, 'Could not delete the note'); }
  }

  return html`
    <section class="panel-section" aria-labelledby="contact-notes">
      <h3 id="contact-notes">Notes <span class="muted small">· only your team sees them</span></h3>
      <form class="note-form" onSubmit=${add}>
        <label class="sr-only" for="contact-note-text">New note on this contact</label>
        <textarea id="contact-note-text" rows="2" maxlength="4000" placeholder="Add a note about this contact…"
          value=${draft} onInput=${(e) => setDraft(e.currentTarget.value)}></textarea>
        <button type="submit" class="button small" disabled=${busy || !draft.trim()}>Add note</button>
      </form>
      ${notes === null ? html`<div class="spinner small" role="status" aria-label="Loading notes"></div>`
        : notes.length > 0 && html`<ul class="contact-notes">
            ${notes.map((n) => html`<li key=${n.id} class="contact-note" data-note=${n.id}>
              <p class="contact-note-body">${n.body}</p>
              <div class="muted small">${n.author_name} · <time datetime=${n.created_at} title=${fullTime(n.created_at)}>${ago(n.created_at)}</time>
                <button type="button" class="link-button" aria-label=${'Delete note by ' + n.author_name} onClick=${() => remove(n)}>Delete</button></div>
            </li>`)}
          </ul>`}
    </section>`;
}
