// The login page.

import { useState } from 'preact/hooks';
import { html } from '../html.js';
import { login } from '../api.js';
import { Logo } from './icons.js';

export function Login({ onLoggedIn }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [workspace, setWorkspace] = useState('');
  const [showWorkspace, setShowWorkspace] = useState(false);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

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

  return html`
    <main class="login" id="main">
      <form class="login-card" onSubmit=${submit} aria-labelledby="login-title" novalidate>
        <div class="login-brand"><${Logo} /> <span>Parley</span></div>
        <h1 id="login-title">Sign in to the console</h1>
        <p class="muted">Answer your customers in real time.</p>
        ${error && html`<div class="form-error" role="alert" id="login-error">${error}</div>`}
        <label class="field">
          <span>Email</span>
          <input type="email" name="email" autocomplete="username" required autofocus
            value=${email} onInput=${(e) => setEmail(e.currentTarget.value)} />
        </label>
        <label class="field">
          <span>Password</span>
          <input type="password" name="password" autocomplete="current-password" required
            value=${password} onInput=${(e) => setPassword(e.currentTarget.value)} />
        </label>
        ${showWorkspace ? html`
          <label class="field">
            <span>Workspace <span class="muted">(slug)</span></span>
            <input type="text" name="workspace" value=${workspace} placeholder="default"
              onInput=${(e) => setWorkspace(e.currentTarget.value)} />
          </label>` : html`
          <button type="button" class="link-button" onClick=${() => setShowWorkspace(true)}>Sign in to another workspace</button>`}
        <button type="submit" class="button primary block" disabled=${busy || !email || !password}>
          ${busy ? 'Signing in…' : 'Sign in'}
        </button>
      </form>
    </main>`;
}
