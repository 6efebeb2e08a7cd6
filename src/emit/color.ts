// ANSI colour for the text format, only where a person reads it: the stream
// is a terminal and NO_COLOR (https://no-color.org) is unset or empty, unless
// `--color always` / `--color never` says otherwise.

export type ColorMode = 'auto' | 'always' | 'never';

export const COLOR_MODES: ColorMode[] = ['auto', 'always', 'never'];

export interface Paint {
  location(text: string): string;
  error(text: string): string;
  warning(text: string): string;
  note(text: string): string;
  fixed(text: string): string;
  rule(text: string): string;
}

type Stream = { isTTY?: boolean } | object;

export function colorEnabled(mode: ColorMode, stream: Stream, env: Record<string, string | undefined>): boolean {
  if (mode === 'always') return true;
  if (mode === 'never') return false;
  const noColor = env.NO_COLOR;
  return (stream as { isTTY?: boolean }).isTTY === true && (noColor === undefined || noColor === '');
}

// SGR codes, as compilers colour their diagnostics: bold locations, red
// errors, magenta warnings, cyan notes.
const STYLES: Record<keyof Paint, [open: string, close: string]> = {
  location: ['\x1b[1m', '\x1b[22m'],
  error: ['\x1b[1;31m', '\x1b[0m'],
  warning: ['\x1b[1;35m', '\x1b[0m'],
  note: ['\x1b[1;36m', '\x1b[0m'],
  fixed: ['\x1b[1;32m', '\x1b[0m'],
  rule: ['\x1b[2m', '\x1b[22m'],
};

const identity = (text: string) => text;

export const PLAIN: Paint = {
  location: identity, error: identity, warning: identity, note: identity, fixed: identity, rule: identity,
};

export function painter(enabled: boolean): Paint {
  if (!enabled) return PLAIN;
  const paint = {} as Paint;
  for (const [name, [open, close]] of Object.entries(STYLES) as [keyof Paint, [string, string]][]) {
    paint[name] = (text: string) => `${open}${text}${close}`;
  }
  return paint;
}
