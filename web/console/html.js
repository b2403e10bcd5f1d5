// html is htm bound to Preact's h: the console's JSX without a build step.
export { html } from 'htm/preact';
