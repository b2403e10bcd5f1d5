// Editing a contact from the contact panel: name, email, phone and custom
// attributes (PATCH /api/v1/contacts/{id}; attributes are sent whole).

import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { patch } from '../api.js';
import { contacts, toast } from '../store.js';
import { FieldErrors } from './admin.js';

const KEY = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;

// text shows an attribute's value: strings as they are, others as JSON.
const text = (v) => (typeof v === 'string' ? v : JSON.stringify(v));

export function ContactEditor({ contact, onDone }) {
  const [f, setF] = useState({ name: contact.name || '', email: contact.email || '', phone: contact.phone || '' });
  const [rows, setRows] = useState(Object.entries(contact.attributes || {}).map(([k, v]) => ({ k, v: text(v), orig: v })));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const set = (k) => (e) => setF({ ...f, [k]: e.currentTarget.value });
  const setRow = (i, k) => (e) => setRows(rows.map((r, j) => (j === i ? { ...r, [k]: e.currentTarget.value } : r)));

  async function submit(e) {
    e.preventDefault();
    const attributes = {};
    for (const r of rows) {
      const k = r.k.trim();
      if (!k) continue;
      if (!KEY.test(k)) { setError({ message: `“${k}” is not a valid attribute name: a letter, then letters, digits or _.` }); return; }
      // A value that was not text stays what it was while it reads the same.
      attributes[k] = r.orig !== undefined && typeof r.orig !== 'string' && r.v === text(r.orig) ? r.orig : r.v;
    }
    setBusy(true);
    try {
      const c = await patch(`/api/v1/contacts/${encodeURIComponent(contact.id)}`, { ...f, attributes });
      contacts.value = { ...contacts.value, [c.id]: c };
      toast('Contact saved.', 'success');
      onDone();
    } catch (err) { setError(err); } finally { setBusy(false); }
  }

  return html`
    <form class="contact-edit" onSubmit=${submit} aria-label="Edit contact">
      <${FieldErrors} error=${error} />
      <label class="field"><span>Name</span><input id="contact-edit-name" maxlength="200" value=${f.name} onInput=${set('name')} /></label>
      <label class="field"><span>Email</span><input type="email" id="contact-edit-email" value=${f.email} onInput=${set('email')} /></label>
      <label class="field"><span>Phone</span><input type="tel" id="contact-edit-phone" maxlength="256" value=${f.phone} onInput=${set('phone')} /></label>
      <fieldset class="field">
        <legend>Attributes</legend>
        ${rows.map((r, i) => html`
          <div class="attr-row" key=${i}>
            <input aria-label=${'Attribute ' + (i + 1) + ' name'} class="attr-key" value=${r.k} onInput=${setRow(i, 'k')} placeholder="name" />
            <input aria-label=${'Attribute ' + (i + 1) + ' value'} class="attr-value" value=${r.v} onInput=${setRow(i, 'v')} placeholder="value" />
            <button type="button" class="icon-button" aria-label=${'Remove attribute ' + (r.k || i + 1)}
              onClick=${() => setRows(rows.filter((_, j) => j !== i))}>×</button>
          </div>`)}
        <button type="button" class="button small ghost" id="contact-add-attr" onClick=${() => setRows([...rows, { k: '', v: '' }])}>Add attribute</button>
      </fieldset>
      <div class="form-actions">
        <button type="submit" class="button primary small" disabled=${busy}>Save</button>
        <button type="button" class="button ghost small" onClick=${onDone}>Cancel</button>
      </div>
    </form>`;
}
