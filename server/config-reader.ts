/** Every mistake in the environment at once, one line each. */
export class ConfigError extends Error {
  readonly problems: string[];
  constructor(problems: string[]) {
    super(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
    this.problems = problems;
  }
}

/**
 * Reads environment variables with a check per type, collecting every problem instead of stopping at
 * the first, so an operator fixes them all in one go. A variable that is unset or empty takes its default.
 */
export class EnvReader {
  private readonly env: NodeJS.ProcessEnv;
  private readonly problems: string[] = [];
  private readonly known = new Set<string>();

  constructor(env: NodeJS.ProcessEnv) {
    this.env = env;
  }

  /** The trimmed value, or null when unset or empty. */
  raw(name: string): string | null {
    this.known.add(name);
    const value = this.env[name]?.trim();
    return value ? value : null;
  }

  string(name: string, fallback: string): string {
    return this.raw(name) ?? fallback;
  }

  int(name: string, fallback: number, range: { min: number; max: number }): number {
    return this.numeric(name, fallback, range, true);
  }

  number(name: string, fallback: number, range: { min: number; max: number }): number {
    return this.numeric(name, fallback, range, false);
  }

  private numeric(name: string, fallback: number, range: { min: number; max: number }, whole: boolean): number {
    const text = this.raw(name);
    if (text === null) return fallback;
    const n = Number(text);
    if (Number.isFinite(n) && n >= range.min && n <= range.max && (!whole || Number.isInteger(n))) return n;
    return this.fail(name, text, `${whole ? 'a whole number' : 'a number'} from ${range.min} to ${range.max}`, fallback);
  }

  port(name: string, fallback: number): number {
    return this.int(name, fallback, { min: 0, max: 65535 });
  }

  flag(name: string): boolean {
    const text = this.raw(name);
    if (text === null || text === '0' || text === 'false') return false;
    if (text === '1' || text === 'true') return true;
    return this.fail(name, text, '1 or 0', false);
  }

  oneOf<T extends string>(name: string, values: readonly T[], fallback: T): T {
    const text = this.raw(name);
    if (text === null) return fallback;
    if ((values as readonly string[]).includes(text)) return text as T;
    return this.fail(name, text, `one of ${values.join(', ')}`, fallback);
  }

  match(name: string, pattern: RegExp, what: string): string | null {
    const text = this.raw(name);
    if (text === null || pattern.test(text)) return text;
    return this.fail(name, text, what, null);
  }

  length(name: string, min: number, max: number): string | null {
    const text = this.env[name] ? this.env[name]! : null;
    this.known.add(name);
    if (text === null || (text.length >= min && text.length <= max)) return text;
    // Never echo a secret back.
    return this.fail(name, `${text.length} characters`, `${min} to ${max} characters`, null);
  }

  /** A URL with one of the given schemes (`http:`), or null when unset. */
  url(name: string, schemes: string[]): string | null {
    const text = this.raw(name);
    if (text === null) return null;
    const shown = text.replace(/\/\/[^/@]*@/, '//…@');
    try {
      const url = new URL(text);
      if (schemes.includes(url.protocol) && url.hostname) return text;
    } catch {
      // Reported below.
    }
    return this.fail(name, shown, `a ${schemes.map((s) => s.slice(0, -1)).join(' or ')} URL`, null);
  }

  /** Comma-separated origins (`https://shop.example`), each without a path. */
  origins(name: string): string[] {
    const text = this.raw(name);
    if (text === null) return [];
    const list = text.split(',').map((s) => s.trim()).filter(Boolean);
    const bad = list.filter((o) => {
      try {
        return new URL(o).origin !== o;
      } catch {
        return true;
      }
    });
    if (bad.length) return this.fail(name, bad.join(','), 'comma-separated origins like https://shop.example (scheme, host, optional port; no path or slash)', []);
    return list;
  }

  /** PARLEY_* variables nobody read: likely typos. */
  unknown(): string[] {
    return Object.keys(this.env).filter((k) => k.startsWith('PARLEY_') && !this.known.has(k)).sort();
  }

  /** A problem that spans variables. */
  problem(text: string): void {
    this.problems.push(text);
  }

  /** Throws when any read failed. */
  done(): void {
    if (this.problems.length) throw new ConfigError(this.problems);
  }

  private fail<T>(name: string, shown: string, expected: string, fallback: T): T {
    this.problems.push(`${name}: expected ${expected}, got "${shown}"`);
    return fallback;
  }
}
