import type { ActorFact, Operand, Rule, TicketFact, Value } from '../../protocol/index.ts';

/**
 * Where a rule's facts come from in SQL: ticket facts are always columns; actor facts are either
 * columns (a batch statement judges many actors at once) or known values (one actor, bound as
 * parameters). Known values fold away, so a list query carries only the branch of its actor.
 */
export interface SqlSource {
  ticket: Record<TicketFact, string>;
  actor: { [F in ActorFact]: { column: string } | { value: Value } } & { scopes: { column: string } | { value: readonly string[] } };
}

type Compiled = boolean | string;

const literal = (v: Value): string => {
  if (v === null) return 'null';
  if (typeof v === 'boolean') return String(v);
  // Rule constants are code, never input; still, refuse anything that is not a plain word.
  if (!/^[a-z_:]+$/.test(v)) throw new Error(`rule literal ${JSON.stringify(v)} is not a plain word`);
  return `'${v}'`;
};

/**
 * Compiles a rule to a boolean SQL expression with `?` placeholders (values appended to `params`), or
 * to a constant. The result may be null (unknown) where holds() says false, never where it says true:
 * use it in WHERE or CASE WHEN, where unknown counts as false.
 */
export function compileRule(rule: Rule, src: SqlSource, params: unknown[]): Compiled {
  if ('eq' in rule) {
    const [a, b] = rule.eq.map((o) => operand(o, src)) as [Side, Side];
    if (a.known && b.known) return a.value === b.value;
    if (!a.known && !b.known) return `(${a.sql} is not distinct from ${b.sql})`;
    const [col, known] = (a.known ? [b, a] : [a, b]) as [Extract<Side, { known: false }>, Extract<Side, { known: true }>];
    if (known.value === null) return `(${col.sql} is null)`;
    // A plain `=` keeps indexes usable; a null column makes it unknown, which every caller reads as false.
    if (!known.param) return `(${col.sql} = ${literal(known.value)})`;
    params.push(known.value);
    return `(${col.sql} = ?)`;
  }
  if ('has' in rule) {
    const scopes = src.actor.scopes;
    if ('value' in scopes) return scopes.value.includes(rule.has);
    return `(${literal(rule.has)} = any(${scopes.column}))`;
  }
  if ('not' in rule) {
    const inner = compileRule(rule.not, src, params);
    // `is not true`: the negation of unknown (a null column) is true, as holds() has it.
    return typeof inner === 'boolean' ? !inner : `(${inner} is not true)`;
  }
  const isAll = 'all' in rule;
  const start = params.length;
  const parts: string[] = [];
  for (const r of isAll ? rule.all : rule.any) {
    const mark = params.length;
    const c = compileRule(r, src, params);
    if (typeof c === 'boolean') {
      params.length = mark;
      if (c !== isAll) {
        params.length = start; // false in an all, true in an any, decides it: drop what came before
        return c;
      }
      continue;
    }
    parts.push(c);
  }
  if (!parts.length) return isAll;
  return parts.length === 1 ? parts[0]! : `(${parts.join(isAll ? ' and ' : ' or ')})`;
}

type Side = { known: false; sql: string } | { known: true; value: Value; param: boolean };

function operand(o: Operand, src: SqlSource): Side {
  if ('value' in o) return { known: true, value: o.value, param: false };
  if ('ticket' in o) return { known: false, sql: src.ticket[o.ticket] };
  const s = src.actor[o.actor];
  return 'column' in s ? { known: false, sql: s.column } : { known: true, value: s.value, param: true };
}

/** A compiled rule as SQL text, constants written out. */
export const ruleSql = (rule: Rule, src: SqlSource, params: unknown[]): string => {
  const c = compileRule(rule, src, params);
  return typeof c === 'boolean' ? String(c) : c;
};
