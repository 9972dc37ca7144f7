import { toJsonSchema } from '@valibot/to-json-schema';
import type * as v from 'valibot';
import { describe, expect, it } from 'vitest';
import * as schemas from './index.ts';

// Transformations (trim, lower-casing, null to undefined), checks written as functions and `finite` have no JSON
// Schema form; everything else must convert, so the OpenAPI document can be generated from these
// (typeMode input: the document describes what a client sends).
const IGNORED = ['transform', 'check', 'to_lower_case', 'finite'];
const all = Object.entries(schemas).filter(([, s]) => typeof s === 'object' && s !== null && (s as { kind?: string }).kind === 'schema') as [string, v.GenericSchema][];

describe('the schemas convert to JSON Schema (for OpenAPI 3.1)', () => {
  it('finds the schemas', () => {
    expect(all.map(([name]) => name)).toEqual(expect.arrayContaining(['NewTicket', 'VisitorRequest', 'SendMessageBody', 'MessagesQuery', 'ClientFrame', 'LoginBody', 'NewUser', 'NewSite', 'RatingBody', 'NewApiTokenBody']));
  });

  it.each(all)('%s', (_name, schema) => {
    const json = toJsonSchema(schema, { target: 'draft-2020-12', typeMode: 'input', errorMode: 'throw', ignoreActions: IGNORED });
    expect(json).toBeTypeOf('object');
  });

  it('keeps limits and descriptions', () => {
    const json = toJsonSchema(schemas.NewTicket, { target: 'draft-2020-12', typeMode: 'input', ignoreActions: IGNORED }) as any;
    expect(json.required).toEqual(['category', 'urgency', 'description']);
    expect(json.properties.description.maxLength).toBe(4000);
    expect(json.properties.urgency.enum).toEqual(['low', 'medium', 'high', 'urgent']);
  });
});
