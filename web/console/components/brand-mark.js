// The product's mark: the workspace's logo and name, or Parley's.

import { html } from '../html.js';
import { branding, productName } from '../brand.js';
import { Logo } from './icons.js';

export function BrandMark() {
  const logo = branding.value.logo_url;
  return html`${logo
    ? html`<img class="brand-logo" src=${logo} alt="" data-brand-logo />`
    : html`<${Logo} />`}<span data-product-name>${productName.value}</span>`;
}
