import { Ajv2020 } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NewApiToken, Ticket } from '../../protocol/index.ts';
import { routers } from '../http/app.ts';
import { unsubscribeRoutes } from '../http/routes/mail.ts';
import { openApiPath } from '../http/openapi/document.ts';
import { OPERATIONS } from '../http/openapi/operations.ts';
import { ApiClient, cast, newTicket } from '../testing/api.ts';
import { checkAgainstDocument } from '../testing/openapi-check.ts';
import { startTestServer, type TestServer } from '../testing/test-server.ts';

let server: TestServer;
let c: Awaited<ReturnType<typeof cast>>;
let doc: any;
let ticket: Ticket;

beforeAll(async () => {
  server = await startTestServer();
  c = await cast(server.url, server.admin);
  ticket = (await newTicket(c.customer)).body;
  doc = (await c.adminApi.get('/api/openapi.json')).body;
});
afterAll(async () => {
  await server?.close();
});

const routed = () => [...routers(() => ({ customers: 0, members: 0, admins: 0 })), unsubscribeRoutes]
  .flatMap((r) => r.stack.flatMap((layer) => layer.methods.filter((m) => m !== 'HEAD').map((m) => `${m} ${layer.path}`)));

describe('GET /api/openapi.json', () => {
  it('is an OpenAPI 3.1 document whose schemas compile', () => {
    expect(doc.openapi).toBe('3.1.0');
    const ajv = new Ajv2020({ strict: false, validateSchema: false });
    addFormats.default(ajv);
    ajv.addSchema(doc, 'doc');
    // Compiling each one also resolves every $ref it makes.
    for (const name of Object.keys(doc.components.schemas)) {
      expect(() => ajv.compile({ $ref: `doc#/components/schemas/${name}` }), name).not.toThrow();
    }
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['Ticket', 'Message', 'ErrorBody', 'NewTicket', 'WebhookPayload']));
  });

  it('documents every route the routers have, and nothing else', () => {
    const documented = OPERATIONS.map((o) => `${o.method.toUpperCase()} ${o.path}`).sort();
    expect(documented).toEqual([...new Set(routed())].sort());
    for (const o of OPERATIONS) expect(doc.paths[openApiPath(o.path)][o.method], `${o.method} ${o.path}`).toBeDefined();
  });

  it('describes bodies, queries, errors and auth from the schemas', () => {
    const create = doc.paths['/api/tickets'].post;
    expect(create.requestBody.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/NewTicket' });
    expect(doc.components.schemas.NewTicket.properties.description.maxLength).toBe(4000);
    expect(create.security).toEqual([{ visitorToken: [] }]);
    expect(create.responses.default.content['application/json'].schema).toEqual({ $ref: '#/components/schemas/ErrorBody' });
    const list = doc.paths['/api/tickets'].get;
    expect(list.parameters.find((p: any) => p.name === 'status').schema.enum).toEqual(['open', 'assigned', 'rejected', 'closed']);
    expect(list.security).toContainEqual({ apiToken: ['tickets:read'] });
    expect(doc.paths['/api/webhooks'].post.security).toEqual([{ session: [] }]);
    expect(doc.paths['/api/users'].get.security).toContainEqual({ apiToken: ['users:read'] });
    expect(doc.components.schemas.Ticket.additionalProperties).toBe(false);
    expect(Object.keys(doc.components.securitySchemes)).toEqual(['session', 'visitorToken', 'apiToken']);
  });

  it('is readable with any API token, and by anyone', async () => {
    const token = (await c.adminApi.post<NewApiToken>('/api/tokens', { name: 'docs', scopes: ['users:read'] })).body.token;
    const api = new ApiClient(server.url);
    api.origin = undefined;
    api.token = token;
    expect((await api.get('/api/openapi.json')).status).toBe(200);
    expect((await new ApiClient(server.url).get('/api/openapi.json')).body.openapi).toBe('3.1.0');
  });
});

describe('the check every HTTP test goes through', () => {
  const json = 'application/json; charset=utf-8';
  it('passes what the server really answers', async () => {
    const r = await c.member.get(`/api/tickets/${ticket.id}`);
    expect(() => checkAgainstDocument('GET', `/api/tickets/${ticket.id}`, 200, json, r.body)).not.toThrow();
  });

  it('fails an answer with a field more, a field less or a wrong type', async () => {
    const r = (await c.member.get(`/api/tickets/${ticket.id}`)).body;
    const { lastSeq: _gone, ...less } = r;
    expect(() => checkAgainstDocument('GET', `/api/tickets/${ticket.id}`, 200, json, { ...r, secret: 'x' })).toThrow(/OpenAPI drift/);
    expect(() => checkAgainstDocument('GET', `/api/tickets/${ticket.id}`, 200, json, less)).toThrow(/lastSeq/);
    expect(() => checkAgainstDocument('GET', `/api/tickets/${ticket.id}`, 200, json, { ...r, status: 'lost' })).toThrow(/OpenAPI drift/);
    expect(() => checkAgainstDocument('GET', `/api/tickets/${ticket.id}`, 200, json, { ...r, createdAt: 'yesterday' })).toThrow(/OpenAPI drift/);
  });

  it('fails an undocumented route, an undocumented status and a malformed error', () => {
    expect(() => checkAgainstDocument('GET', '/api/secret-route', 200, json, {})).toThrow(/no such operation/);
    expect(() => checkAgainstDocument('POST', `/api/tickets/${ticket.id}/close`, 201, json, {})).toThrow(/not a documented answer/);
    expect(() => checkAgainstDocument('GET', `/api/tickets/${ticket.id}`, 404, json, { message: 'nope' })).toThrow(/OpenAPI drift/);
    expect(() => checkAgainstDocument('GET', `/api/tickets/${ticket.id}`, 404, json, { error: { code: 'not_found', message: 'nope' } })).not.toThrow();
    expect(() => checkAgainstDocument('DELETE', `/api/tokens/x`, 204, '', { gone: true })).toThrow(/without a body/);
  });
});
