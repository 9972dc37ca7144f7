import { toJsonSchema, toJsonSchemaDefs, type ConversionConfig, type JsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { ERROR_CODES, SCOPES } from '../../../protocol/index.ts';
import * as requestSchemas from '../../../protocol/schemas/index.ts';
import * as wireSchemas from '../../../protocol/schemas/wire.ts';
import { SESSION_COOKIE } from '../../services/auth.ts';
import { tokenRoute } from '../scopes.ts';
import { OPERATIONS, type Body, type Operation } from './operations.ts';

// Transformations (trim, lower-casing), checks written as functions and `finite` have no JSON Schema form.
const IGNORED = ['transform', 'check', 'to_lower_case', 'finite'];
const toRef = ({ referenceId }: { referenceId: string }) => `#/components/schemas/${referenceId}`;

/** A regex with flags (`/i`) has no JSON Schema pattern: it is left out (the field's description says what it takes). */
const flaggedRegex: ConversionConfig['overrideAction'] = ({ valibotAction, jsonSchema }) => {
  if (valibotAction.type !== 'regex' || !(valibotAction as unknown as { requirement: RegExp }).requirement.flags) return null;
  const { pattern: _p, ...rest } = jsonSchema;
  return rest;
};
/** Query values go through `first` (a string or repeated strings), where a length check has no JSON form: only what converts is kept. */
const lenient: ConversionConfig['overrideAction'] = (context) => flaggedRegex(context) ?? (context.errors ? context.jsonSchema : null);
/** A converted schema without the draft marker and the copy of every definition it carries (they live in components). */
const bare = ({ $schema: _s, $defs: _d, ...rest }: JsonSchema): JsonSchema => rest;
const pick = (s: JsonSchema, ...keys: string[]) => Object.fromEntries(keys.filter((k) => k in s).map((k) => [k, (s as Record<string, unknown>)[k]]));
const isSchema = (x: unknown): x is v.GenericSchema => typeof x === 'object' && x !== null && (x as { kind?: unknown }).kind === 'schema';
const named = (mod: Record<string, unknown>) => Object.fromEntries(Object.entries(mod).filter(([, s]) => isSchema(s))) as Record<string, v.GenericSchema>;

/** `/api/tickets/:id` → `/api/tickets/{id}`. */
export const openApiPath = (path: string) => path.replace(/:([A-Za-z]+)/g, '{$1}');

type Requirement = Record<string, string[]>;
const WHO_SECURITY: Record<Operation['who'], Requirement[]> = {
  public: [{}], visitor: [{ visitorToken: [] }], staff: [{ session: [] }], admin: [{ session: [] }], actor: [{ session: [] }, { visitorToken: [] }],
};
const security = (o: Operation): Requirement[] => {
  const who = WHO_SECURITY[o.who];
  const token = tokenRoute(o.method.toUpperCase(), o.path.replace(/:[A-Za-z]+/g, 'x'));
  return token ? [...who, { apiToken: [...token.scopes] }] : who;
};

const WHO_TEXT: Record<Operation['who'], string> = {
  public: 'No sign-in needed.',
  visitor: 'A widget visitor token.',
  staff: 'A signed-in member or admin.',
  admin: 'A signed-in admin.',
  actor: 'A visitor token or a staff session; each sees only what it may.',
};

function build(): Record<string, unknown> {
  // Request bodies are described as a client sends them, answers as the server writes them.
  const bodies = named(requestSchemas);
  const usedBodies = Object.fromEntries(Object.entries(bodies).filter(([, s]) => OPERATIONS.some((o) => o.body === s)));
  const wire = named(wireSchemas);
  const clash = Object.keys(usedBodies).find((n) => n in wire);
  if (clash) throw new Error(`openapi: ${clash} names both a request and a response schema`);
  const input: ConversionConfig = { target: 'draft-2020-12', typeMode: 'input', errorMode: 'throw', ignoreActions: IGNORED, overrideRef: toRef, overrideAction: flaggedRegex };
  const output: ConversionConfig = { ...input, typeMode: 'output' };
  const inSchema = (s: v.GenericSchema): JsonSchema => bare(toJsonSchema(s, { ...input, definitions: usedBodies }));
  const outSchema = (s: v.GenericSchema): JsonSchema => bare(toJsonSchema(s, { ...output, definitions: wire }));
  const response = (status: number, body: Body) => {
    const description = status === 204 ? 'No content' : status === 201 ? 'Created' : status === 404 ? 'Not found' : status >= 500 ? 'Unavailable' : 'OK';
    if (body === null) return { description };
    if (body === 'binary') return { description, content: { 'application/octet-stream': { schema: { type: 'string', contentMediaType: 'application/octet-stream' } } } };
    if (body === 'text' || body === 'html') return { description, content: { [`text/${body === 'text' ? 'plain' : 'html'}`]: { schema: { type: 'string' } } } };
    return { description, content: { 'application/json': { schema: outSchema(body) } } };
  };

  const paths: Record<string, Record<string, unknown>> = {};
  for (const o of OPERATIONS) {
    const params = [...o.path.matchAll(/:([A-Za-z]+)/g)].map((m) => ({ name: m[1], in: 'path', required: true, schema: { type: 'string' } }));
    // A query value arrives as text; what it must spell (an enum, a pattern) is in the schema's output.
    const query = Object.entries(o.query?.entries ?? {}).map(([name, s]) => {
      const sent = bare(toJsonSchema(s, { ...input, overrideAction: lenient }));
      const read = bare(toJsonSchema(s, { ...output, overrideAction: lenient }));
      const schema = { type: 'string', ...pick(read, 'enum', 'pattern'), ...pick(sent, 'default') };
      return { name, in: 'query', required: s.type !== 'optional', description: read.description ?? sent.description, schema };
    });
    (paths[openApiPath(o.path)] ??= {})[o.method] = {
      operationId: `${o.method}${o.path.replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
      summary: o.summary,
      description: WHO_TEXT[o.who],
      security: security(o),
      ...(params.length || query.length ? { parameters: [...params, ...query] } : {}),
      ...(o.upload ? { requestBody: { required: true, content: { 'multipart/form-data': { schema: { type: 'object', required: ['file'], properties: { file: { type: 'string', contentMediaType: 'application/octet-stream' } } } } } } } : {}),
      ...(o.body ? { requestBody: { required: true, content: { 'application/json': { schema: inSchema(o.body) } } } } : {}),
      responses: {
        ...Object.fromEntries(Object.entries(o.responses).map(([status, body]) => [status, response(Number(status), body)])),
        default: { description: `An error; \`code\` is one of ${ERROR_CODES.join(', ')}`, content: { 'application/json': { schema: { $ref: '#/components/schemas/ErrorBody' } } } },
      },
    };
  }

  return {
    openapi: '3.1.0',
    jsonSchemaDialect: 'https://json-schema.org/draft/2020-12/schema',
    info: {
      title: 'Parley HTTP API',
      version: '1',
      description: 'Generated from the schemas that validate requests (protocol/schemas/). Errors are `{"error": {"code", "message"}}`.',
    },
    paths,
    components: {
      schemas: Object.fromEntries(Object.entries({ ...toJsonSchemaDefs(usedBodies, input), ...toJsonSchemaDefs(wire, output) }).map(([n, s]) => [n, bare(s)])),
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE, description: 'The console session, set by POST /api/auth/login; honoured only on requests from the console’s own origin.' },
        visitorToken: { type: 'http', scheme: 'bearer', description: 'A widget visitor token from POST /api/visitor.' },
        apiToken: { type: 'http', scheme: 'bearer', bearerFormat: 'parley_pat_…', description: `An admin-made API token; it may call only the operations that list it, each with the scope named (${SCOPES.join(', ')}).` },
      },
    },
  };
}

let cached: Record<string, unknown> | undefined;
/** The OpenAPI 3.1 document, built once from OPERATIONS and the schemas. */
export function openApiDocument(): Record<string, unknown> {
  return (cached ??= build());
}
