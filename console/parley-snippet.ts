import { LitElement, css, html } from 'lit';
import { snippetParts } from '../protocol/index.ts';

/**
 * A search snippet: plain text with the matched words in <mark>, built as text nodes (the snippet is
 * user text and is never parsed as HTML).
 * @prop text - the snippet
 * @prop highlights - `[start, end)` offsets of the matched words
 */
export class ParleySnippet extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--p-text, #1c2333); overflow-wrap: anywhere; }
    mark { background: #fff1b8; color: inherit; border-radius: 2px; padding: 0 1px; font-weight: 600; }
  `;
  static override properties = { text: {}, highlights: { attribute: false } };
  declare text: string;
  declare highlights: [number, number][];

  constructor() {
    super();
    this.text = '';
    this.highlights = [];
  }

  override render() {
    return html`<span dir="auto">${snippetParts(this.text, this.highlights).map((p) => (p.hit ? html`<mark>${p.text}</mark>` : p.text))}</span>`;
  }
}
customElements.define('parley-snippet', ParleySnippet);
declare global {
  interface HTMLElementTagNameMap { 'parley-snippet': ParleySnippet }
}
