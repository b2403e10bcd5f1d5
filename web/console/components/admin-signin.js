// Admin: how agents sign in — Parley's passwords, the company's
// authentication endpoint, or none; single sign-on with OpenID Connect,
// with claim values mapped to roles and tiers.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, put } from '../api.js';
import { toast, fail } from '../store.js';
import { PageHead, FieldErrors } from './admin.js';

export function SignInPage() {
  const [s, setS] = useState(null);
  const [secret, setSecret] = useState('');
  const [error, setError] = useState(null);
  useEffect(() => { get('/api/v1/sign-in').then(setS).catch((e) => fail(e, 'Could not load the sign-in settings')); }, []);
  if (!s) return html`<div class="spinner" role="status" aria-label="Loading the sign-in settings"></div>`;

  const o = s.oidc;
  const setO = (k, v) => setS({ ...s, oidc: { ...o, [k]: v } });
  const setMapping = (i, k, v) => setO('mappings', o.mappings.map((m, j) => (j === i ? { ...m, [k]: v } : m)));
  async function save(e) {
    e.preventDefault();
    setError(null);
    const body = { password: s.password, oidc: { ...o, client_secret: secret || undefined }, external: s.external };
    delete body.oidc.client_secret_set;
    try {
      setS(await put('/api/v1/sign-in', body));
      setSecret('');
      toast('Sign-in settings saved.', 'success');
    } catch (err) { setError(err); }
  }
  return html`
    <${PageHead} title="Sign-in" sub="How the agents of this workspace sign in to the console. See docs/sign-in.md." />
    <form class="card form-grid" onSubmit=${save} aria-label="Sign-in settings">
      <${FieldErrors} error=${error} />
      <label class="field"><span>Email and password</span>
        <select name="password" value=${s.password} onChange=${(e) => setS({ ...s, password: e.currentTarget.value })}>
          <option value="local">Parley's own passwords</option>
          <option value="external">Checked by your company's endpoint</option>
          <option value="off">Off (single sign-on only)</option>
        </select></label>
      ${s.password === 'external' && html`
        <label class="field"><span>Authentication endpoint URL</span>
          <input name="external_url" value=${s.external.url} placeholder="https://auth.example.com/chimpassist/auth"
            onInput=${(e) => setS({ ...s, external: { ...s.external, url: e.currentTarget.value } })} /></label>
        <label class="switch"><input type="checkbox" checked=${s.external.create_agents}
          onChange=${(e) => setS({ ...s, external: { ...s.external, create_agents: e.currentTarget.checked } })} />
          <span>Create agents on their first sign-in</span></label>`}
      <fieldset class="field">
        <legend>Single sign-on (OpenID Connect)</legend>
        <label class="switch"><input type="checkbox" name="oidc_enabled" checked=${o.enabled} onChange=${(e) => setO('enabled', e.currentTarget.checked)} />
          <span>Sign in with your identity provider</span></label>
        <p class="muted">Register <code>${s.redirect_uri}</code> as the redirect URI and <code>${s.post_logout_redirect_uri}</code> as the post-logout redirect URI.</p>
        <label class="field"><span>Issuer URL</span><input name="issuer" value=${o.issuer} placeholder="https://id.example.com" onInput=${(e) => setO('issuer', e.currentTarget.value)} /></label>
        <label class="field"><span>Client ID</span><input name="client_id" value=${o.client_id} onInput=${(e) => setO('client_id', e.currentTarget.value)} /></label>
        <label class="field"><span>Client secret ${o.client_secret_set && html`<span class="muted">(stored; leave empty to keep it)</span>`}</span>
          <input name="client_secret" type="password" autocomplete="off" value=${secret} onInput=${(e) => setSecret(e.currentTarget.value)} /></label>
        <label class="field"><span>Scopes <span class="muted">(besides openid; comma-separated)</span></span>
          <input name="scopes" value=${o.scopes.join(', ')} placeholder="profile, email, groups"
            onInput=${(e) => setO('scopes', e.currentTarget.value.split(',').map((x) => x.trim()).filter(Boolean))} /></label>
        <label class="field"><span>Button label</span><input name="button_label" value=${o.button_label} placeholder="Sign in with single sign-on" onInput=${(e) => setO('button_label', e.currentTarget.value)} /></label>
        <label class="field"><span>Claim mapped to roles</span><input name="claim" value=${o.claim} placeholder="groups" onInput=${(e) => setO('claim', e.currentTarget.value)} /></label>
        ${o.mappings.map((m, i) => html`
          <div class="mapping-row" data-mapping=${i}>
            <label class="field"><span>Claim value</span><input value=${m.value} onInput=${(e) => setMapping(i, 'value', e.currentTarget.value)} /></label>
            <label class="field"><span>Role</span><select value=${m.role} onChange=${(e) => setMapping(i, 'role', e.currentTarget.value)}>
              <option value="agent">agent</option><option value="supervisor">supervisor</option><option value="admin">admin</option></select></label>
            <label class="field"><span>Tier</span><input type="number" min="0" max="9" value=${m.tier} onInput=${(e) => setMapping(i, 'tier', Number(e.currentTarget.value) || 0)} /></label>
            <button type="button" class="button small ghost" aria-label="Remove this mapping" onClick=${() => setO('mappings', o.mappings.filter((_, j) => j !== i))}>Remove</button>
          </div>`)}
        <button type="button" class="button small" onClick=${() => setO('mappings', [...o.mappings, { value: '', role: 'agent', tier: 0 }])}>Add a mapping</button>
        <label class="field"><span>Role when no mapping matches</span>
          <select name="default_role" value=${o.default_role} onChange=${(e) => setO('default_role', e.currentTarget.value)}>
            <option value="">none: refuse the first sign-in</option><option value="agent">agent</option><option value="supervisor">supervisor</option></select></label>
        <label class="switch"><input type="checkbox" name="create_agents" checked=${o.create_agents} onChange=${(e) => setO('create_agents', e.currentTarget.checked)} />
          <span>Create agents on their first sign-in (else only agents you created may sign in)</span></label>
      </fieldset>
      <div class="form-actions"><button type="submit" class="button primary">Save</button></div>
    </form>`;
}
