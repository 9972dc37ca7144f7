import { LitElement, css, html, svg } from 'lit';

/** Maps values to SVG points in a w×h box (0 at the bottom); exported for tests. */
export function sparkPoints(values: number[], w: number, h: number, pad = 2): string {
  if (!values.length) return '';
  // One sample is a level, not a point: draw it across the box.
  if (values.length === 1) values = [values[0]!, values[0]!];
  const max = Math.max(...values, 1e-9);
  const step = values.length > 1 ? (w - 2 * pad) / (values.length - 1) : 0;
  return values.map((v, i) => `${(pad + i * step).toFixed(1)},${(h - pad - (Math.max(0, v) / max) * (h - 2 * pad)).toFixed(1)}`).join(' ');
}

/**
 * A tiny line chart with a filled area; no chart library.
 * @prop values - oldest first
 * @attr label - accessible description (e.g. "Event-loop lag over the last 5 minutes")
 * @attr kind - "line" (default) or "bars"
 */
export class ParleySparkline extends LitElement {
  static override styles = css`
    :host { display: block; color: var(--p-accent, #4f46e5); }
    svg { display: block; width: 100%; height: 100%; overflow: visible; }
    .area { fill: currentColor; opacity: .12; }
    .line { fill: none; stroke: currentColor; stroke-width: 2; stroke-linejoin: round; stroke-linecap: round; vector-effect: non-scaling-stroke; }
    .bar { fill: currentColor; opacity: .75; }
    .base { stroke: #e1e4ec; stroke-width: 1; vector-effect: non-scaling-stroke; }
  `;
  static override properties = { values: { attribute: false }, label: {}, kind: {} };
  declare values: number[];
  declare label: string;
  declare kind: 'line' | 'bars';

  constructor() {
    super();
    this.values = [];
    this.label = '';
    this.kind = 'line';
  }

  override render() {
    const w = 200;
    const h = 48;
    const v = this.values;
    const max = Math.max(...v, 1e-9);
    const body = this.kind === 'bars'
      ? v.map((x, i) => {
          const bw = w / Math.max(v.length, 1);
          const bh = (Math.max(0, x) / max) * (h - 2);
          return svg`<rect class="bar" x=${(i * bw + bw * 0.15).toFixed(1)} y=${(h - bh).toFixed(1)} width=${(bw * 0.7).toFixed(1)} height=${bh.toFixed(1)} rx="1"></rect>`;
        })
      : v.length
        ? svg`<polygon class="area" points="2,${h - 2} ${sparkPoints(v, w, h)} ${w - 2},${h - 2}"></polygon><polyline class="line" points=${sparkPoints(v, w, h)}></polyline>`
        : null;
    return html`<svg viewBox="0 0 ${w} ${h}" preserveAspectRatio="none" role="img" aria-label=${this.label}>
      <line class="base" x1="0" x2=${w} y1=${h - 0.5} y2=${h - 0.5}></line>${body}</svg>`;
  }
}
customElements.define('parley-sparkline', ParleySparkline);
declare global {
  interface HTMLElementTagNameMap { 'parley-sparkline': ParleySparkline }
}
