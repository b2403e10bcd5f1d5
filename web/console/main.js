// The agent console: entry point. It renders the app into #app; the
// server's /console shell loads this module and its stylesheet.

import { render } from 'preact';
import { html } from './html.js';
import { App } from './components/app.js';
import { setUnauthorizedHandler } from './api.js';
import { me, reset, toast } from './store.js';
import './console.css';

setUnauthorizedHandler(() => {
  if (!me.value) return;
  reset();
  toast('Your session has ended. Please sign in again.', 'error');
});

render(html`<${App} />`, document.getElementById('app'));
