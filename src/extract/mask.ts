// What tree-sitter parses is not quite the file. Table entries written as
// macros without a comma — `FOO_METHODDEF` before the next `{...}` (Argument
// Clinic's style) or `PyVarObject_HEAD_INIT(NULL, 0)` before the next field —
// are not C until the preprocessor runs, and tree-sitter's error recovery can
// then lose the rest of the table. Before parsing, fpcast writes the missing
// comma into a blank in front of the next element. The text keeps its length
// and its lines, so every offset and row stays right; only initializer lists
// are touched, and only where an element is followed by another without a
// comma (a syntax error as written). The masked text is parsed, never written.

type Kind = 'init' | 'block';

const IDENT_START = /[A-Za-z_]/;
const IDENT = /[A-Za-z0-9_]/;

/** Element state inside one initializer list. */
type State = 'start' | 'name' | 'call' | 'other';

export function maskMacroElements(text: string): string {
  if (!text.includes('{')) return text;
  const commas: number[] = [];
  // level 1 is the list right after `=`: where a table's entries (or a struct's
  // fields) sit and where macro elements appear; nested lists are left alone.
  const stack: { kind: Kind; state: State; level: number }[] = [];
  let prev = ''; // the previous significant token
  let gapStart = 0; // where the blanks and comments before the current token begin
  const blanks: number[] = []; // offsets of spaces/tabs (outside comments) in the current gap

  const n = text.length;
  let i = 0;
  const atLineStart = (at: number) => {
    for (let j = at - 1; j >= 0; j--) {
      const c = text[j];
      if (c === '\n' || c === '\r') return true;
      if (c !== ' ' && c !== '\t') return false;
    }
    return true;
  };

  /** A comma into the gap before the token at `at`, if the gap has a blank. */
  const insertComma = () => {
    const at = blanks[blanks.length - 1];
    if (at !== undefined) commas.push(at);
  };

  const token = (text_: string, start: number) => {
    const top = stack[stack.length - 1];
    if (top?.kind === 'init' && top.level === 1) {
      const startsElement = text_ === '{' || IDENT_START.test(text_[0]) || text_ === '"' || text_ === '.' || text_ === '&' || text_ === '(';
      if ((top.state === 'name' && (text_ === '{' || IDENT_START.test(text_[0]))) || (top.state === 'call' && startsElement && text_ !== '(')) {
        insertComma();
        top.state = 'start';
      }
    }
    if (text_ === '{') {
      const init = prev === '=' || (top?.kind === 'init' && (prev === ',' || prev === '{' || top.state === 'start'));
      if (top?.kind === 'init') top.state = 'other';
      stack.push({ kind: init ? 'init' : 'block', state: 'start', level: init ? (top?.kind === 'init' ? top.level + 1 : 1) : 0 });
    } else if (text_ === '}') {
      stack.pop();
      const outer = stack[stack.length - 1];
      if (outer?.kind === 'init') outer.state = 'other';
    } else if (top?.kind === 'init') {
      if (text_ === ',') top.state = 'start';
      else if (top.state === 'start' && IDENT_START.test(text_[0])) top.state = 'name';
      else if (top.state === 'name' && text_ === '(') {
        // A call as the whole element so far: skip to its `)`.
        const close = closingParen(text, start);
        if (close > 0) {
          top.state = 'call';
          prev = ')';
          gapStart = close + 1;
          blanks.length = 0;
          i = close + 1;
          return;
        }
        top.state = 'other';
      } else if (top.state !== 'start') top.state = 'other';
      else top.state = 'other';
    }
    prev = text_;
    blanks.length = 0;
    gapStart = i;
  };
  void gapStart;

  while (i < n) {
    const c = text[i];
    if (c === ' ' || c === '\t') {
      blanks.push(i);
      i++;
      continue;
    }
    if (c === '\n' || c === '\r' || c === '\f' || c === '\v') {
      i++;
      continue;
    }
    if (c === '/' && text[i + 1] === '*') {
      const end = text.indexOf('*/', i + 2);
      i = end < 0 ? n : end + 2;
      continue;
    }
    if (c === '/' && text[i + 1] === '/') {
      while (i < n && text[i] !== '\n') i++;
      continue;
    }
    if (c === '#' && atLineStart(i)) {
      // A preprocessor line (with continuations) is not part of the C around it.
      while (i < n && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '"' || c === "'") {
      const start = i;
      i++;
      while (i < n && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      i++;
      token(c, start);
      continue;
    }
    if (IDENT_START.test(c)) {
      const start = i;
      while (i < n && IDENT.test(text[i])) i++;
      token(text.slice(start, i), start);
      continue;
    }
    if (c >= '0' && c <= '9') {
      const start = i;
      while (i < n && /[A-Za-z0-9_.]/.test(text[i])) i++;
      token('0', start);
      continue;
    }
    const start = i;
    i++;
    token(c, start);
  }

  if (!commas.length) return text;
  let out = '';
  let from = 0;
  for (const at of commas) {
    out += text.slice(from, at) + ',';
    from = at + 1;
  }
  return out + text.slice(from);
}

/** The `)` closing the `(` at `open`, skipping strings; -1 if none nearby. */
function closingParen(text: string, open: number): number {
  let depth = 0;
  for (let i = open; i < text.length && i < open + 2000; i++) {
    const c = text[i];
    if (c === '"' || c === "'") {
      i++;
      while (i < text.length && text[i] !== c && text[i] !== '\n') i += text[i] === '\\' ? 2 : 1;
      continue;
    }
    if (c === '(') depth++;
    else if (c === ')' && --depth === 0) return i;
  }
  return -1;
}
