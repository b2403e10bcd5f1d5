// Admin: branding — product name, sign-in title, colour, logo and the
// default agent avatar. Images are uploaded to Parley, which serves them.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, patch, request } from '../api.js';
import { branding } from '../brand.js';
import { fail, toast } from '../store.js';
import { PageHead, FieldErrors } from './admin.js';

export function BrandingPage() {
  const [b, setB] = useState(null);
  const [form, setForm] = useState({ product_name: '', sign_in_title: '', color: '' });
  const [error, setError] = useState(null);
  const apply = (v) => { setB(v); branding.value = v; setForm({ product_name: v.product_name, sign_in_title: v.sign_in_title, color: v.color }); };
  useEffect(() => { get('/api/v1/branding').then(apply).catch((e) => fail(e, 'Could not load the branding')); }, []);

  async function save(e) {
    e.preventDefault();
    setError(null);
    try {
      apply(await patch('/api/v1/branding', form));
      toast('Branding saved.', 'success');
    } catch (err) { setError(err); }
  }
  async function upload(kind, file) {
    if (!file) return;
    try {
      apply(await request('PUT', `/api/v1/branding/${kind}`, { headers: { 'Content-Type': file.type || 'application/octet-stream' }, raw: file }));
      toast(kind === 'logo' ? 'Logo saved.' : 'Default avatar saved.', 'success');
    } catch (err) { fail(err, 'Upload refused'); }
  }
  async function remove(kind) {
    try { apply(await request('DELETE', `/api/v1/branding/${kind}`)); } catch (err) { fail(err); }
  }
  const set = (k) => (e) => setForm({ ...form, [k]: e.currentTarget.value });

  if (!b) return html`<div class="spinner" role="status" aria-label="Loading the branding"></div>`;
  return html`
    <${PageHead} title="Branding" sub="Your product's name, logo and colour on the sign-in page, in the console and in the widget." />
    <form class="card form-grid" onSubmit=${save} aria-label="Branding">
      <${FieldErrors} error=${error} />
      <label class="field"><span>Product name</span>
        <input name="product_name" maxlength="60" value=${form.product_name} placeholder="Parley" onInput=${set('product_name')} /></label>
      <label class="field"><span>Sign-in page title</span>
        <input name="sign_in_title" maxlength="120" value=${form.sign_in_title} placeholder=${`Sign in to ${form.product_name || 'Parley'}`} onInput=${set('sign_in_title')} /></label>
      <label class="field"><span>Colour <span class="muted">(#rrggbb; the widget uses it when the inbox sets none)</span></span>
        <input name="color" maxlength="7" value=${form.color} placeholder="#4f46e5" onInput=${set('color')} /></label>
      <div class="form-actions"><button type="submit" class="button primary" id="save-branding">Save</button></div>
    </form>
    ${[['logo', 'Logo', 'Shown in the console’s header and on the sign-in page.'],
      ['avatar', 'Default agent avatar', 'The widget shows it for agents who have no picture.']].map(([kind, label, help]) => html`
      <section class="card" aria-labelledby=${'brand-' + kind}>
        <h2 id=${'brand-' + kind}>${label}</h2>
        <p class="muted">${help} PNG, JPEG, GIF or WebP, at most 256 KiB and 2048 pixels a side.</p>
        <div class="brand-preview">
          ${b[kind + '_url'] ? html`<img src=${b[kind + '_url']} alt=${label} data-brand-preview=${kind} />` : html`<span class="muted">None</span>`}
          <label class="button small">Upload…<input type="file" class="sr-only" name=${kind} accept="image/png,image/jpeg,image/gif,image/webp"
            onChange=${(e) => upload(kind, e.currentTarget.files[0])} /></label>
          ${b[kind + '_url'] && html`<button type="button" class="button small ghost" onClick=${() => remove(kind)}>Remove</button>`}
        </div>
      </section>`)}`;
}
