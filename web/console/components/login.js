// The sign-in page: single sign-on (OpenID Connect) when the workspace has
// it, and the email-and-password form unless the workspace turned it off.
// The workspace's branding names and decorates it.

import { useEffect, useState } from 'preact/hooks';
import { html } from '../html.js';
import { get, login } from '../api.js';
import { branding, productName } from '../brand.js';
import { BrandMark } from './brand-mark.js';

// What a signin_error reason (from the single sign-on callback) tells the person.
const ssoErrors = {
  oidc_state: 'That sign-in expired or was started in another browser. Please try again.',
  oidc_unavailable: 'The identity provider cannot be reached. Try again later.',
  oidc_id_token: 'The identity provider’s answer could not be verified. Ask an administrator.',
  oidc_off: 'Single sign-on is not set up for this workspace.',
  oidc_provider_error: 'The identity provider did not sign you in.',
  no_account: 'You have no account in this workspace yet. Ask an administrator to create yours.',
  no_role: 'Your identity gives you no role in this workspace. Ask an administrator.',
  identity_invalid: 'Your identity has no email address Parley can use, or is linked to another account.',
  unauthorized: 'Your account cannot sign in. It may be disabled.',
  rate_limited: 'Too many sign-ins from your address. Try again later.',
};

/** signOutNotice, when set, is shown once on the sign-in page after sign-out. */
export let signOutNotice = null;
export function setSignOutNotice(n) { signOutNotice = n; }

export function Login({ onLoggedIn }) {
  const params = new URLSearchParams(location.search);
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspace, setWorkspace] = useState(params.get('workspace') || '');
  const [showWorkspace, setShowWorkspace] = useState(!!params.get('workspace'));
  const [error, setError] = useState(() => {
    const r = params.get('signin_error');
    return r ? ssoErrors[r] || 'Single sign-on failed. Please try again.' : '';
  });
  const [busy, setBusy] = useState(false);
  const [options, setOptions] = useState(null);
  const [notice] = useState(() => { const n = signOutNotice; signOutNotice = null; return n; });

  useEffect(() => {
    const slug = workspace.trim();
    const t = setTimeout(() => {
      get('/api/v1/auth/options', slug ? { workspace: slug } : undefined)
        .then((o) => { setOptions(o); branding.value = o.branding || {}; })
        .catch(() => setOptions({ password: 'local', oidc: {} }));
    }, slug ? 300 : 0);
    return () => clearTimeout(t);
  }, [workspace]);

  async function submit(e) {
    e.preventDefault();
    setBusy(true);
    setError('');
    try {
      await login(email.trim(), password, workspace.trim());
      await onLoggedIn();
    } catch (err) {
      setError(err.status === 401 ? 'The email or password is not right.' : err.message);
      setBusy(false);
    }
  }

  const b = branding.value;
  const passwords = options?.password !== 'off';
  const sso = options?.oidc?.enabled;
  return html`
    <main class="login" id="main">
      <form class="login-card" onSubmit=${submit} aria-labelledby="login-title" novalidate>
        <div class="login-brand"><${BrandMark} /></div>
        <h1 id="login-title">${b.sign_in_title || `Sign in to ${productName.value}`}</h1>
        <p class="muted">Answer your customers in real time.</p>
        ${notice && html`<div class="form-notice" role="status" id="signed-out-notice">
          You are signed out of ${productName.value}.
          ${notice.endSessionURL && html` <a href=${notice.endSessionURL} id="provider-sign-out">Sign out of your identity provider too</a>`}</div>`}
        ${error && html`<div class="form-error" role="alert" id="login-error">${error}</div>`}
        ${sso && html`
          <a class="button primary block sso-button" id="sso-button" href=${options.oidc.start_url}>${options.oidc.button_label}</a>
          ${passwords && html`<div class="login-or" aria-hidden="true"><span>or</span></div>`}`}
        ${passwords && html`
          <label class="field">
            <span>Email</span>
            <input type="email" name="email" autocomplete="username" required autofocus
              value=${email} onInput=${(e) => setEmail(e.currentTarget.value)} />
          </label>
          <label class="field">
            <span>Password</span>
            <input type="password" name="password" autocomplete="current-password" required
              value=${password} onInput=${(e) => setPassword(e.currentTarget.value)} />
          </label>`}
        ${showWorkspace ? html`
          <label class="field">
            <span>Workspace <span class="muted">(slug)</span></span>
            <input type="text" name="workspace" value=${workspace} placeholder="default"
              onInput=${(e) => setWorkspace(e.currentTarget.value)} />
          </label>` : html`
          <button type="button" class="link-button" onClick=${() => setShowWorkspace(true)}>Sign in to another workspace</button>`}
        ${passwords && html`
          <button type="submit" class=${'button block' + (sso ? '' : ' primary')} disabled=${busy || !email || !password}>
            ${busy ? 'Signing in…' : 'Sign in'}
          </button>`}
        ${options && !passwords && !sso && html`<p class="muted">No way to sign in is set up for this workspace.</p>`}
      </form>
    </main>`;
}
