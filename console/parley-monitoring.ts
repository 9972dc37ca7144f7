import { LitElement, html, nothing } from 'lit';
import { TICKET_STATUSES, type Stats } from '../protocol/index.ts';
import { api, errorText } from './api.ts';
import { formatBytes, formatDuration } from './format.ts';
import { theme } from './theme.styles.ts';
import { styles } from './parley-monitoring.styles.ts';
import './parley-sparkline.ts';
import './parley-state.ts';

const POLL_MS = 5000;
const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? '' : 's'}`;
/** Samples kept for the small charts: 5 minutes at one every 5 s. */
const HISTORY = 60;

interface Sample { customers: number; staff: number; lag: number; rss: number; heap: number; dbLatency: number }

/**
 * System monitoring for admins: live connection counts, tickets by status, messages per minute,
 * response and resolution times and server health, polled from `GET /api/stats` every 5 s.
 * A short history is kept here for the sparklines.
 * @attr interval - poll interval in ms (default 5000)
 */
export class ParleyMonitoring extends LitElement {
  static override styles = [theme, styles];
  static override properties = {
    interval: { type: Number },
    stats: { state: true },
    history: { state: true },
    error: { state: true },
  };
  declare interval: number;
  declare stats: Stats | null;
  declare history: Sample[];
  declare error: string;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor() {
    super();
    this.interval = POLL_MS;
    this.stats = null;
    this.history = [];
    this.error = '';
  }

  override connectedCallback() {
    super.connectedCallback();
    void this.poll();
  }

  override disconnectedCallback() {
    super.disconnectedCallback();
    clearTimeout(this.timer);
  }

  private async poll() {
    clearTimeout(this.timer);
    try {
      const s = await api.stats();
      this.stats = s;
      this.error = '';
      const sample: Sample = {
        customers: s.connections.customers,
        staff: s.connections.members + s.connections.admins,
        lag: s.server.eventLoopLagMs,
        rss: s.server.rssBytes,
        heap: s.server.heapUsedBytes,
        dbLatency: s.server.database.latencyMs ?? 0,
      };
      this.history = [...this.history, sample].slice(-HISTORY);
    } catch (e) {
      this.error = errorText(e);
    }
    if (this.isConnected) this.timer = setTimeout(() => this.poll(), this.interval);
  }

  private series(key: keyof Sample): number[] {
    return this.history.map((s) => s[key]);
  }

  override render() {
    const s = this.stats;
    if (!s) {
      return this.error
        ? html`<parley-state kind="error" heading="Monitoring is unavailable" message=${this.error} @parley-retry=${() => this.poll()}></parley-state>`
        : html`<parley-state kind="loading" heading="Collecting figures…"></parley-state>`;
    }
    const totalTickets = TICKET_STATUSES.reduce((n, k) => n + s.tickets[k], 0);
    const mpm = s.messagesPerMinute;
    const lastHour = mpm.reduce((a, b) => a + b, 0);
    const db = s.server.database;
    return html`
      ${this.error ? html`<div class="stale" role="alert">Showing the last figures: ${this.error}</div>` : nothing}
      <div class="grid">
        ${this.figure('Customers online', s.connections.customers, 'customers', 'Connected customers, last 5 minutes')}
        ${this.figure('Staff online', s.connections.members + s.connections.admins, 'staff', 'Connected members and admins, last 5 minutes',
          `${plural(s.connections.members, 'member')} · ${plural(s.connections.admins, 'admin')}`)}
        <section class="card" aria-labelledby="fr"><h3 id="fr">First response</h3>
          <div class="figure">${formatDuration(s.firstResponseSeconds.avg)}</div>
          <div class="sub">median ${formatDuration(s.firstResponseSeconds.p50)} · p90 ${formatDuration(s.firstResponseSeconds.p90)}</div>
          ${this.percentiles(s.firstResponseSeconds)}</section>
        <section class="card" aria-labelledby="rt"><h3 id="rt">Resolution</h3>
          <div class="figure">${formatDuration(s.resolutionSeconds.avg)}</div>
          <div class="sub">median ${formatDuration(s.resolutionSeconds.p50)} · p90 ${formatDuration(s.resolutionSeconds.p90)}</div>
          ${this.percentiles(s.resolutionSeconds)}</section>

        <p class="sub wide" id="time-basis">${s.businessHours
          ? 'Response and resolution times count business hours only for sites with opening hours (wall-clock time for the others), over the last 30 days.'
          : 'Response and resolution times are wall-clock time over the last 30 days (no site has opening hours).'}</p>
        <section class="card wide" aria-labelledby="mpm-h"><div class="head"><h3 id="mpm-h">Messages per minute</h3>
          <span class="sub">${lastHour} in the last hour · ${mpm.at(-1) ?? 0} this minute</span></div>
          <parley-sparkline id="mpm" kind="bars" .values=${mpm} label="Messages per minute over the last hour"></parley-sparkline>
          <div class="axis" aria-hidden="true"><span>60 min ago</span><span>now</span></div></section>
        <section class="card wide" aria-labelledby="tk"><div class="head"><h3 id="tk">Tickets by status</h3><span class="sub">${totalTickets} in total</span></div>
          <div class="bars">${TICKET_STATUSES.map((k) => html`<div class="bar-row"><span>${k}</span>
            <div class="track" role="img" aria-label="${k}: ${s.tickets[k]}"><div class="fill ${k}" style="width:${totalTickets ? (s.tickets[k] / totalTickets) * 100 : 0}%"></div></div>
            <span class="num">${s.tickets[k]}</span></div>`)}</div></section>

        ${this.csat(s.csat)}

        <section class="card" aria-labelledby="db"><h3 id="db">Database</h3>
          <div class="health"><span class="dot ${db.ok ? '' : 'bad'}" aria-hidden="true"></span>${db.ok ? 'Healthy' : 'Unreachable'}</div>
          <div class="sub">${db.kind} · ${db.latencyMs === null ? 'no latency figure' : `${db.latencyMs.toFixed(1)} ms round trip`}</div>
          <parley-sparkline .values=${this.series('dbLatency')} label="Database latency, last 5 minutes"></parley-sparkline></section>
        <section class="card" aria-labelledby="lag-h"><h3 id="lag-h">Event-loop lag</h3>
          <div class="figure">${s.server.eventLoopLagMs.toFixed(1)} <span class="sub">ms</span></div>
          <parley-sparkline id="lag" .values=${this.series('lag')} label="Event-loop lag, last 5 minutes"></parley-sparkline></section>
        <section class="card" aria-labelledby="mem-h"><h3 id="mem-h">Memory</h3>
          <div class="figure">${formatBytes(s.server.rssBytes)}</div>
          <div class="sub">heap used ${formatBytes(s.server.heapUsedBytes)}</div>
          <parley-sparkline id="mem" .values=${this.series('rss')} label="Resident memory, last 5 minutes"></parley-sparkline></section>
        <section class="card" aria-labelledby="up"><h3 id="up">Server</h3>
          <div class="health"><span class="dot" aria-hidden="true"></span>Up ${formatDuration(s.server.uptimeSeconds)}</div>
          <div class="sub">instance ${s.server.instanceId}</div>
          <div class="sub">updated every ${Math.round(this.interval / 1000)} s</div></section>
      </div>`;
  }

  private figure(title: string, value: number, key: keyof Sample, label: string, sub?: string) {
    return html`<section class="card" aria-label=${title}><h3>${title}</h3>
      <div class="figure">${value}</div>${sub ? html`<div class="sub">${sub}</div>` : nothing}
      <parley-sparkline .values=${this.series(key)} label=${label}></parley-sparkline></section>`;
  }

  /** Customer ratings (CSAT): overall, then by member, category and week. */
  private csat(c: Stats['csat']) {
    const table = (id: string, title: string, rows: Stats['csat']['byMember']) => html`<table aria-labelledby=${id}><caption id=${id}>${title}</caption>
      <thead><tr><th scope="col">${title.replace('By ', '')}</th><th scope="col">ratings</th><th scope="col">average</th><th scope="col">satisfied</th></tr></thead>
      <tbody>${rows.map((r) => html`<tr><th scope="row">${r.label || 'nobody'}</th><td>${r.ratings}</td><td>${r.average.toFixed(1)}</td><td>${Math.round(r.satisfiedShare * 100)}%</td></tr>`)}</tbody></table>`;
    return html`<section class="card wide csat" aria-labelledby="csat-h"><div class="head"><h3 id="csat-h">Customer satisfaction</h3>
      <span class="sub">${c.overall ? `${plural(c.overall.ratings, 'rating')} in 12 weeks · average ${c.overall.average.toFixed(1)} / 5 · ${Math.round(c.overall.satisfiedShare * 100)}% rated 4 or 5` : 'No ratings in the last 12 weeks'}</span></div>
      ${c.overall ? html`<div class="tables">${table('csat-m', 'By member', c.byMember)}${table('csat-c', 'By category', c.byCategory)}${table('csat-w', 'By week', c.byWeek)}</div>` : nothing}</section>`;
  }

  private percentiles(p: Stats['firstResponseSeconds']) {
    const values = [p.p50 ?? 0, p.avg ?? 0, p.p90 ?? 0];
    const max = Math.max(...values, 1);
    return html`<div class="bars">${(['median', 'average', 'p90'] as const).map((label, i) => html`<div class="bar-row"><span class="sub">${label}</span>
      <div class="track" role="img" aria-label="${label}: ${formatDuration([p.p50, p.avg, p.p90][i])}"><div class="fill" style="width:${(values[i]! / max) * 100}%"></div></div><span></span></div>`)}</div>`;
  }
}
customElements.define('parley-monitoring', ParleyMonitoring);
declare global {
  interface HTMLElementTagNameMap { 'parley-monitoring': ParleyMonitoring }
}
