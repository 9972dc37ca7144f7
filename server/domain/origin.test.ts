import { describe, expect, it } from 'vitest';
import { isOwnOrigin } from './origin.ts';

const own = { host: 'localhost:3000', scheme: 'http', publicUrl: null, extra: [] as string[] };

describe('isOwnOrigin', () => {
  it('compares scheme, host and port exactly', () => {
    expect(isOwnOrigin('http://localhost:3000', own)).toBe(true);
    expect(isOwnOrigin('https://localhost:3000', own)).toBe(false);
    expect(isOwnOrigin('http://localhost:3001', own)).toBe(false);
    expect(isOwnOrigin('http://localhost', own)).toBe(false);
    expect(isOwnOrigin('http://evil.localhost:3000', own)).toBe(false);
    expect(isOwnOrigin(undefined, own)).toBe(false);
    expect(isOwnOrigin('null', own)).toBe(false);
  });

  it('accepts the scheme the request really came in on, the public URL and configured extras', () => {
    expect(isOwnOrigin('https://localhost:3000', { ...own, scheme: 'https' })).toBe(true);
    expect(isOwnOrigin('http://localhost:3000', { ...own, scheme: 'https' })).toBe(false);
    const proxied = { ...own, publicUrl: 'https://support.example.com', extra: ['https://console.example.com'] };
    expect(isOwnOrigin('https://support.example.com', proxied)).toBe(true);
    expect(isOwnOrigin('http://support.example.com', proxied)).toBe(false);
    expect(isOwnOrigin('https://console.example.com', proxied)).toBe(true);
  });
});
