import { describe, expect, it } from 'vitest';
import { LIMITS } from '../limits.ts';
import { parseClientFrame } from './frames.ts';
import { EDGE_LIMITS } from './limits.ts';

const T = '0b0e4a43-9a0b-4a8e-8f60-1f0c6d1f7a11';
const parse = (frame: unknown) => parseClientFrame(typeof frame === 'string' ? frame : JSON.stringify(frame));

describe('parseClientFrame', () => {
  it('accepts every frame type, keeping only known fields', () => {
    expect(parse({ type: 'auth', token: 'tok', ref: 'r1' })).toEqual({ ok: true, value: { type: 'auth', token: 'tok', ref: 'r1' } });
    expect(parse({ type: 'join', ticketId: T })).toEqual({ ok: true, value: { type: 'join', ticketId: T } });
    expect(parse({ type: 'join', ticketId: T, after: 7 })).toEqual({ ok: true, value: { type: 'join', ticketId: T, after: 7 } });
    expect(parse({ type: 'leave', ticketId: T })).toEqual({ ok: true, value: { type: 'leave', ticketId: T } });
    expect(parse({ type: 'message', ticketId: T, clientId: 'c1', body: 'Hello  \n', extra: 1 }))
      .toEqual({ ok: true, value: { type: 'message', ticketId: T, clientId: 'c1', body: 'Hello' } });
    expect(parse({ type: 'typing', ticketId: T })).toEqual({ ok: true, value: { type: 'typing', ticketId: T } });
    expect(parse({ type: 'read', ticketId: T, seq: 0 })).toEqual({ ok: true, value: { type: 'read', ticketId: T, seq: 0 } });
    expect(parse({ type: 'ping' })).toEqual({ ok: true, value: { type: 'ping' } });
    expect(parse({ type: 'message', ticketId: T, clientId: 'c', body: 'emoji 😀 and العربية' }).ok).toBe(true);
  });

  it('refuses what is not a JSON object, or has no known type', () => {
    expect(parse('{nope')).toMatchObject({ ok: false, code: 'bad_request', message: 'frame is not valid JSON' });
    expect(parse('[1]')).toMatchObject({ ok: false, code: 'bad_request', message: 'frame must be a JSON object' });
    expect(parse('null')).toMatchObject({ ok: false, code: 'bad_request' });
    expect(parse({ ticketId: T })).toMatchObject({ ok: false, message: 'frame type is required' });
    expect(parse({ type: 'toString', ref: 'x' })).toMatchObject({ ok: false, code: 'bad_request', ref: 'x', message: 'unknown frame type "toString"' });
    expect(parse({ type: '__proto__' })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(parse('x'.repeat(LIMITS.maxFrameBytes + 1))).toMatchObject({ ok: false, code: 'too_large' });
  });

  it('names the field it refuses and echoes ref', () => {
    expect(parse({ type: 'join', ref: 'a' })).toEqual({ ok: false, code: 'bad_request', message: 'ticketId is required', ref: 'a' });
    expect(parse({ type: 'join', ticketId: T, after: -1, ref: 'b' })).toMatchObject({ ok: false, message: 'after must be a non-negative integer', ref: 'b' });
    expect(parse({ type: 'join', ticketId: T, after: 1.5 })).toMatchObject({ ok: false, message: 'after must be a non-negative integer' });
    expect(parse({ type: 'join', ticketId: T, after: EDGE_LIMITS.maxSeq + 1 })).toMatchObject({ ok: false, message: `after must be at most ${EDGE_LIMITS.maxSeq}` });
    expect(parse({ type: 'read', ticketId: T })).toMatchObject({ ok: false, message: 'seq is required' });
    expect(parse({ type: 'read', ticketId: T, seq: '3' })).toMatchObject({ ok: false, message: 'seq must be a non-negative integer' });
    expect(parse({ type: 'auth' })).toMatchObject({ ok: false, message: 'token is required' });
    expect(parse({ type: 'auth', token: 'x'.repeat(EDGE_LIMITS.token + 1) })).toMatchObject({ ok: false, code: 'too_large' });
    expect(parse({ type: 'message', ticketId: T, body: 'x' })).toMatchObject({ ok: false, message: 'clientId is required' });
    expect(parse({ type: 'message', ticketId: T, clientId: 'c', body: '   ' })).toMatchObject({ ok: false, code: 'bad_request', message: 'body must be a non-empty string' });
    expect(parse({ type: 'message', ticketId: T, clientId: 'c', body: 42 })).toMatchObject({ ok: false, code: 'bad_request' });
    expect(parse({ type: 'message', ticketId: T, clientId: 'c', body: 'x'.repeat(LIMITS.messageBody + 1) })).toMatchObject({ ok: false, code: 'too_large' });
    expect(parse({ type: 'ping', ref: 5 })).toMatchObject({ ok: false, message: 'ref must be a string of at most 64 characters' });
    expect(parse({ type: 'ping', ref: 'r'.repeat(65) })).toMatchObject({ ok: false, code: 'bad_request' });
  });

  it('refuses U+0000 and unpaired surrogates in every text field', () => {
    for (const bad of ['nul\u0000', 'high\uD83D', '\uDE00low', 'mid\uDE00dle']) {
      expect(parse({ type: 'message', ticketId: T, clientId: 'c', body: bad })).toMatchObject({ ok: false, code: 'bad_request', message: expect.stringMatching(/^body contains a character/) });
      expect(parse({ type: 'message', ticketId: T, clientId: bad, body: 'x' })).toMatchObject({ ok: false, message: expect.stringMatching(/^clientId /) });
      expect(parse({ type: 'join', ticketId: bad })).toMatchObject({ ok: false, message: expect.stringMatching(/^ticketId /) });
      expect(parse({ type: 'auth', token: bad })).toMatchObject({ ok: false, message: expect.stringMatching(/^token /) });
    }
  });
});
