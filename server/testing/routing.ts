import type { Site, User } from '../../protocol/index.ts';
import { ApiClient } from './api.ts';

let n = 0;

/** Creates a member (through the admin API), signs them in, and sets their status (online by default). */
export async function routedMember(base: string, adminApi: ApiClient, opts: { name?: string; capacity?: number; status?: 'online' | 'away' | 'offline' } = {}) {
  const email = `routed-${++n}-${Math.random().toString(36).slice(2, 8)}@example.test`;
  const created = await adminApi.post<User>('/api/users', { email, name: opts.name ?? `Member ${n}`, password: 'member-password-1', role: 'member' });
  if (created.status !== 201) throw new Error(JSON.stringify(created.body));
  if (opts.capacity !== undefined) await adminApi.patch(`/api/users/${created.body.id}`, { capacity: opts.capacity });
  const api = await ApiClient.staff(base, email, 'member-password-1');
  const status = await api.patch('/api/users/me', { status: opts.status ?? 'online' });
  if (status.status !== 200) throw new Error(JSON.stringify(status.body));
  return { api, user: created.body };
}

/** A site with routing `auto`. */
export async function autoSite(adminApi: ApiClient, origin: string, extra: Record<string, unknown> = {}): Promise<Site> {
  const r = await adminApi.post<Site>('/api/sites', { name: 'Routed shop', origins: [origin], routing: 'auto', ...extra });
  if (r.status !== 201) throw new Error(JSON.stringify(r.body));
  return r.body;
}
