// Integer constant expressions as written in flags and slot ids:
// `METH_VARARGS | METH_KEYWORDS`, `(METH_FASTCALL|METH_KEYWORDS)`, `0x4`, or an
// object-like macro that expands to one of those.

export type Lookup = (name: string) => string | number | undefined;

type Token = { kind: 'num'; value: number } | { kind: 'id'; name: string } | { kind: 'op'; op: string };

function tokenize(expression: string): Token[] | string {
  const tokens: Token[] = [];
  const re = /\s+|\/\*[\s\S]*?\*\/|(0[xX][0-9a-fA-F]+|\d+)[uUlL]*|([A-Za-z_]\w*)|(\|\||&&|<<|>>|[|&+~()^-])|(.)/g;
  for (const m of expression.matchAll(re)) {
    if (m[1] !== undefined) tokens.push({ kind: 'num', value: Number(m[1].startsWith('0') && m[1].length > 1 && !/[xX]/.test(m[1]) ? parseInt(m[1], 8) : m[1]) });
    else if (m[2] !== undefined) tokens.push({ kind: 'id', name: m[2] });
    else if (m[3] !== undefined) tokens.push({ kind: 'op', op: m[3] });
    else if (m[4] !== undefined) return `unexpected '${m[4]}'`;
  }
  return tokens;
}

const BINARY: Record<string, { prec: number; apply: (a: number, b: number) => number }> = {
  '|': { prec: 1, apply: (a, b) => a | b },
  '^': { prec: 2, apply: (a, b) => a ^ b },
  '&': { prec: 3, apply: (a, b) => a & b },
  '<<': { prec: 4, apply: (a, b) => a << b },
  '>>': { prec: 4, apply: (a, b) => a >> b },
  '+': { prec: 5, apply: (a, b) => a + b },
  '-': { prec: 5, apply: (a, b) => a - b },
};

class Unresolved extends Error {}

/** Evaluate `expression`; identifiers go through `lookup` (numbers, or text
 * to expand, recursively; a name seen twice on one path is a cycle). */
export function evaluate(expression: string, lookup: Lookup): { value: number } | { unresolved: string } {
  try {
    return { value: evaluateText(expression, lookup, []) };
  } catch (error) {
    if (error instanceof Unresolved) return { unresolved: error.message };
    throw error;
  }
}

function evaluateText(expression: string, lookup: Lookup, expanding: string[]): number {
  const tokenized = tokenize(expression);
  if (typeof tokenized === 'string') throw new Unresolved(tokenized);
  const tokens: Token[] = tokenized;
  let pos = 0;
  const peek = () => tokens[pos];

  function primary(): number {
    const token = tokens[pos++];
    if (!token) throw new Unresolved('expression ends early');
    if (token.kind === 'num') return token.value;
    if (token.kind === 'id') {
      if (expanding.includes(token.name)) throw new Unresolved(`macro '${token.name}' refers to itself`);
      const found = lookup(token.name);
      if (found === undefined) throw new Unresolved(`'${token.name}' is not defined in the analyzed files`);
      return typeof found === 'number' ? found : evaluateText(found, lookup, [...expanding, token.name]);
    }
    if (token.op === '(') {
      const value = binary(0);
      const close = tokens[pos++];
      if (close?.kind !== 'op' || close.op !== ')') throw new Unresolved("missing ')'");
      return value;
    }
    if (token.op === '~') return ~primary();
    if (token.op === '-') return -primary();
    if (token.op === '+') return primary();
    throw new Unresolved(`unexpected '${token.op}'`);
  }

  function binary(minPrec: number): number {
    let left = primary();
    for (;;) {
      const token = peek();
      if (token?.kind !== 'op' || !BINARY[token.op] || BINARY[token.op].prec < minPrec) return left;
      pos++;
      const right = binary(BINARY[token.op].prec + 1);
      left = BINARY[token.op].apply(left, right);
    }
  }

  const value = binary(0);
  if (pos !== tokens.length) throw new Unresolved(`cannot read '${expression.trim()}'`);
  return value;
}
