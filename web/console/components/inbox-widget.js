// Admin: an inbox's widget settings — title, greeting, colour, position,
// language and the pre-chat form — with a live preview of the widget. Saving
// sends these settings only (PATCH …/inboxes/{id} with `widget`), so that
// nothing the form does not show is touched.

import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';
import { toast } from '../store.js';
import { FieldErrors } from './admin.js';
import { pickLocale, strings } from '../../widget/i18n.js';

/** languages the widget speaks, for the language choice. */
const languages = [['', "The visitor's browser language"], ['en', 'English'], ['de', 'Deutsch'], ['fr', 'Français']];
const prechatFields = [['name', 'Name'], ['email', 'Email']];

/** widgetForm returns the form's state from an inbox's widget settings. */
const widgetForm = (w = {}) => ({
  title: w.title || '', greeting: w.greeting || '', color: w.color || '#2563eb', locale: w.locale || '',
  position: w.position === 'left' ? 'left' : 'right',
  prechat: { enabled: !!w.prechat?.enabled, fields: [...(w.prechat?.fields || [])] },
});

export function WidgetSettings({ inbox, onSaved }) {
  const [f, setF] = useState(() => widgetForm(inbox.widget));
  const [error, setError] = useState(null);
  const [busy, setBusy] = useState(false);
  const id = (name) => `widget-${name}-${inbox.id}`;
  const set = (k) => (e) => setF({ ...f, [k]: e.currentTarget.value });
  const toggleField = (name, on) => {
    const fields = prechatFields.map(([n]) => n).filter((n) => (n === name ? on : f.prechat.fields.includes(n)));
    setF({ ...f, prechat: { ...f.prechat, fields } });
  };
  const localeChoices = languages.some(([v]) => v === f.locale) ? languages : [...languages, [f.locale, f.locale]];

  async function save(e) {
    e.preventDefault();
    setBusy(true);
    try {
      await api.updateInbox(inbox.id, { widget: f });
      setError(null);
      toast('Widget settings saved.', 'success');
      onSaved();
    } catch (err) { setError(err); } finally { setBusy(false); }
  }

  return html`
    <form class="widget-settings" onSubmit=${save} aria-labelledby=${id('title-h')}>
      <h3 id=${id('title-h')}>Widget</h3>
      <${FieldErrors} error=${error} />
      <div class="widget-settings-grid">
        <div>
          <label class="field"><span>Title</span>
            <input name="title" value=${f.title} maxlength="500" placeholder=${inbox.name} onInput=${set('title')} /></label>
          <label class="field"><span>Greeting</span>
            <textarea name="greeting" rows="2" maxlength="500" value=${f.greeting} placeholder="Hi! How can we help?" onInput=${set('greeting')}></textarea></label>
          <div class="field-row">
            <label class="field"><span>Colour</span>
              <span class="color-field">
                <input type="color" name="color" value=${f.color} onInput=${set('color')} aria-describedby=${id('color-hex')} />
                <code id=${id('color-hex')}>${f.color}</code>
              </span></label>
            <fieldset class="field">
              <legend>Position</legend>
              <span class="segmented">
                ${['left', 'right'].map((p) => html`<label key=${p} class="check">
                  <input type="radio" name=${id('position')} value=${p} checked=${f.position === p} onChange=${() => setF({ ...f, position: p })} />
                  ${p === 'left' ? 'Bottom left' : 'Bottom right'}</label>`)}
              </span>
            </fieldset>
          </div>
          <label class="field"><span>Language</span>
            <select name="locale" value=${f.locale} onChange=${set('locale')}>
              ${localeChoices.map(([v, label]) => html`<option key=${v} value=${v}>${label}</option>`)}
            </select></label>
          <fieldset class="field">
            <legend>Pre-chat form</legend>
            <label class="switch"><input type="checkbox" name="prechat" checked=${f.prechat.enabled}
              onChange=${(e) => setF({ ...f, prechat: { ...f.prechat, enabled: e.currentTarget.checked, fields: f.prechat.fields.length ? f.prechat.fields : ['name', 'email'] } })} />
              <span>Ask guests who they are before they write</span></label>
            ${f.prechat.enabled && html`<span class="segmented">${prechatFields.map(([n, label]) => html`<label key=${n} class="check">
              <input type="checkbox" name=${'prechat-' + n} checked=${f.prechat.fields.includes(n)} onChange=${(e) => toggleField(n, e.currentTarget.checked)} />${label}</label>`)}</span>`}
          </fieldset>
          <button type="submit" class="button primary small" disabled=${busy}>Save widget</button>
        </div>
        <${WidgetPreview} inbox=${inbox} f=${f} />
      </div>
    </form>`;
}

// contrast picks the text colour on the accent, as the widget does.
function contrast(hex) {
  const n = parseInt((hex || '').slice(1), 16);
  if (isNaN(n)) return '#fff';
  const l = 0.299 * (n >> 16) + 0.587 * ((n >> 8) & 255) + 0.114 * (n & 255);
  return l > 170 ? '#111827' : '#fff';
}

// WidgetPreview draws the widget as a visitor would see it with the
// settings in the form (and the texts of its language), before saving.
function WidgetPreview({ inbox, f }) {
  const t = strings(pickLocale(f.locale));
  const style = { '--w-accent': f.color, '--w-on-accent': contrast(f.color) };
  const askFirst = f.prechat.enabled && f.prechat.fields.length > 0;
  return html`
    <figure class=${'widget-preview pos-' + f.position} style=${style} aria-label="Preview of the widget" data-preview=${inbox.id}>
      <div class="wp-panel" aria-hidden="true">
        <div class="wp-head">
          <div class="wp-title">${f.title || inbox.name}</div>
          <div class="wp-sub"><span class="wp-dot"></span>${t.online}</div>
        </div>
        <div class="wp-body">
          ${askFirst ? html`<div class="wp-prechat"><p>${t.prechatIntro}</p>
              ${f.prechat.fields.map((n) => html`<span key=${n} class="wp-input">${t[n]}</span>`)}
              <span class="wp-button">${t.start}</span></div>`
            : f.greeting && html`<div class="wp-msg">${f.greeting}</div>`}
        </div>
        ${!askFirst && html`<div class="wp-composer"><span>${t.placeholder}</span><span class="wp-send"></span></div>`}
      </div>
      <div class="wp-launcher" aria-hidden="true"><svg viewBox="0 0 24 24" fill="none" stroke="currentColor" stroke-width="2" stroke-linecap="round" stroke-linejoin="round"><path d="M21 11.5a8.4 8.4 0 0 1-9 8.4 9 9 0 0 1-3.8-.8L3 21l1.9-5.2A8.4 8.4 0 1 1 21 11.5z"/></svg></div>
      <figcaption class="muted small">Preview: ${f.title || inbox.name}, ${f.position === 'left' ? 'bottom left' : 'bottom right'}, ${languages.find(([v]) => v === f.locale)?.[1] || f.locale}</figcaption>
    </figure>`;
}
