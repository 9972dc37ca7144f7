import { Ajv2020, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormats from 'ajv-formats';
import { openApiDocument, openApiPath } from '../http/openapi/document.ts';
import { OPERATIONS } from '../http/openapi/operations.ts';

// Ajv: the maintained JSON Schema validator that speaks draft 2020-12, the dialect of OpenAPI 3.1.
const ajv = new Ajv2020({ strict: false, allErrors: false, validateSchema: false });
addFormats.default(ajv);
ajv.addSchema(openApiDocument(), 'openapi.json');

const pointer = (...parts: string[]) => parts.map((p) => encodeURIComponent(p.replaceAll('~', '~0').replaceAll('/', '~1'))).join('/');
const compiled = new Map<string, ValidateFunction>();
const validator = (ref: string) => {
  let fn = compiled.get(ref);
  if (!fn) compiled.set(ref, (fn = ajv.compile({ $ref: `openapi.json#/${ref}` })));
  return fn;
};

const operations = OPERATIONS.map((o) => ({
  ...o,
  re: new RegExp(`^${o.path.replace(/\./g, '\\.').replace(/:[A-Za-z]+/g, '[^/]+')}/?$`),
}));

/**
 * Throws unless an answer the tests received is one the OpenAPI document describes: a documented
 * operation (any /api path, /healthz, /metrics), a documented status or an error body, a body that
 * validates. Other paths (the console, bundles) are not part of the API.
 */
export function checkAgainstDocument(method: string, url: string, status: number, contentType: string, body: unknown): void {
  const path = new URL(url, 'http://x').pathname;
  if (method === 'HEAD' || !(path.startsWith('/api/') || operations.some((o) => o.re.test(path)))) return;
  const op = operations.find((o) => o.method === method.toLowerCase() && o.re.test(path));
  const where = `${method} ${path} → ${status}`;
  if (!op && status < 400) throw new Error(`OpenAPI drift: ${where} answered, but the document has no such operation (add it to server/http/openapi/operations.ts)`);
  const documented = op && String(status) in op.responses;
  if (op && status < 400 && !documented) throw new Error(`OpenAPI drift: ${where} is not a documented answer of ${op.method.toUpperCase()} ${op.path}`);
  const kind = documented ? op.responses[status] : undefined;
  if (kind === null) {
    if (body !== null && body !== '') throw new Error(`OpenAPI drift: ${where} is documented without a body but carried one`);
    return;
  }
  // A download's type is the file's own.
  if (kind === 'binary') return;
  if (kind === 'text' || kind === 'html') {
    const type = kind === 'text' ? 'text/plain' : 'text/html';
    if (!contentType.startsWith(type)) throw new Error(`OpenAPI drift: ${where} is documented as ${type}, got ${contentType}`);
    return;
  }
  if (!contentType.startsWith('application/json')) throw new Error(`OpenAPI drift: ${where} is documented as JSON, got ${contentType || 'no content type'}`);
  const ref = documented
    ? pointer('paths', openApiPath(op.path), op.method, 'responses', String(status), 'content', 'application/json', 'schema')
    : pointer('components', 'schemas', 'ErrorBody');
  const validate = validator(ref);
  if (!validate(body)) {
    throw new Error(`OpenAPI drift: ${where} does not match the document: ${ajv.errorsText(validate.errors)}; body: ${JSON.stringify(body).slice(0, 500)}`);
  }
}
