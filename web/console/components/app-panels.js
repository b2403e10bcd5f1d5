// The context panels of the workspace's apps beside the conversation
// (docs/apps.md, "Panels in the console"): each is the app's own page in a
// sandboxed frame on the app's origin. Once the page has loaded, the
// console posts it the conversation's and contact's IDs with a short-lived
// panel token — to the panel's exact origin, never "*" — and again when the
// conversation changes and before the token expires.

import { useEffect, useRef, useState } from 'preact/hooks';
import { html } from '../html.js';
import { api } from '../api.js';

// The frame's sandbox: scripts, forms and pop-ups (a link to the CRM's own
// record), and its own origin (the app's, never the console's: a panel on
// the console's origin is not framed), so it keeps its sign-in and can be
// addressed by origin. No top navigation, no downloads, no modals.
const SANDBOX = 'allow-scripts allow-forms allow-popups allow-same-origin';

// REFRESH is how long before the token expires the console sends a new one.
const REFRESH = 60000;

export function AppPanels({ conv }) {
  const [panels, setPanels] = useState([]);
  useEffect(() => {
    let live = true;
    api.panels(conv.id).then((list) => live && setPanels(list)).catch(() => live && setPanels([]));
    return () => { live = false; };
  }, [conv.id]);
  return panels.filter((p) => p.origin !== location.origin)
    .map((p) => html`<${AppPanel} key=${p.app_id} panel=${p} conv=${conv} />`);
}

function AppPanel({ panel, conv }) {
  const frame = useRef(null);
  const [loads, setLoads] = useState(0); // each load of the page gets the context anew
  const [error, setError] = useState('');
  const [blocked, setBlocked] = useState(false);

  // The page's Content-Security-Policy frames the panels of the apps
  // installed when it loaded: a newer one needs a reload.
  useEffect(() => {
    const onViolation = (e) => {
      if (e.violatedDirective.startsWith('frame-src') && (e.blockedURI || '').startsWith(panel.origin)) setBlocked(true);
    };
    document.addEventListener('securitypolicyviolation', onViolation);
    return () => document.removeEventListener('securitypolicyviolation', onViolation);
  }, [panel.origin]);

  useEffect(() => {
    if (loads === 0) return undefined;
    let live = true;
    let timer;
    const send = () => api.panelToken(panel.app_id, conv.id).then((t) => {
      if (!live) return;
      setError('');
      frame.current?.contentWindow?.postMessage({
        type: 'parley:context', conversation_id: t.conversation_id, contact_id: t.contact_id,
        token: t.token, expires_at: t.expires_at, api: location.origin,
      }, panel.origin);
      timer = setTimeout(send, Math.max(10000, Date.parse(t.expires_at) - Date.now() - REFRESH));
    }).catch((e) => live && setError(e.message));
    send();
    return () => { live = false; clearTimeout(timer); };
  }, [loads, conv.id, panel.app_id, panel.origin]);

  const hid = 'app-panel-' + panel.app_id;
  return html`
    <section class="panel-section app-panel" aria-labelledby=${hid} data-app-panel=${panel.app_id}>
      <h3 id=${hid}>${panel.title}</h3>
      ${error && html`<p class="ctx-error">${error}</p>`}
      ${blocked ? html`<p class="muted small">This panel was installed after the console opened.
          <button type="button" class="button small ghost" onClick=${() => location.reload()}>Reload to show it</button></p>`
        : html`<iframe ref=${frame} src=${panel.url} title=${panel.title} sandbox=${SANDBOX}
          referrerpolicy="no-referrer" onLoad=${() => setLoads((n) => n + 1)}></iframe>`}
    </section>`;
}
