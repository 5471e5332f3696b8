/** What a command got: the last HTTP answer curl saw, and what the command printed. */
export interface ActualAnswer {
  status?: number;
  headers: Record<string, string>;
  output: string;
}

interface ExpectedAnswer {
  status?: number;
  headers: Array<[name: string, value: string]>;
  body: string;
}

export const WILDCARD = '…';

/**
 * Reads a shown answer: an optional status code, then (only after a status) `Header-Name: value`
 * pairs, then a body fragment. A remark in parentheses after two spaces at the end is prose.
 */
export function parseShownAnswer(text: string): ExpectedAnswer {
  let rest = text.replace(/\s{2,}\([^()]*\)\s*$/, '').trim();
  const status = /^(\d{3})(?=[\s,]|$),?\s*/.exec(rest);
  const headers: Array<[string, string]> = [];
  if (status) {
    rest = rest.slice(status[0].length);
    for (;;) {
      const header = /^([A-Za-z][A-Za-z0-9-]*):\s+("(?:[^"\\]|\\.)*"|[^\s,]+),?\s*/.exec(rest);
      if (!header) break;
      headers.push([header[1].toLowerCase(), header[2]]);
      rest = rest.slice(header[0].length);
    }
  }
  return { status: status ? Number(status[1]) : undefined, headers, body: rest };
}

/** Whether the answer matches what the page shows; if not, why not, in words. */
export function mismatch(shown: string, actual: ActualAnswer): string | undefined {
  const expected = parseShownAnswer(shown);
  if (expected.status !== undefined && expected.status !== actual.status) {
    return `status ${actual.status ?? '(none: no HTTP answer)'} where the page shows ${expected.status}`;
  }
  for (const [name, value] of expected.headers) {
    const got = actual.headers[name];
    if (got === undefined || !matchesWhole(value, got)) {
      return `header ${name}: ${got ?? '(absent)'} where the page shows ${value}`;
    }
  }
  const missing = missingPiece(compact(expected.body), compact(actual.output));
  return missing === undefined ? undefined : `the answer has no ${JSON.stringify(missing)} where the page shows it`;
}

/** The first piece of the pattern (split at `…`) not found in the text after the pieces before it. */
function missingPiece(pattern: string, text: string): string | undefined {
  let from = 0;
  for (const piece of pattern.split(WILDCARD)) {
    if (piece === '') continue;
    const at = text.indexOf(piece, from);
    if (at < 0) return piece;
    from = at + piece.length;
  }
  return undefined;
}

function matchesWhole(pattern: string, text: string): boolean {
  const pieces = pattern.split(WILDCARD).map((piece) => piece.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(`^${pieces.join('.*')}$`, 's').test(text);
}

/** Drops whitespace outside double-quoted strings, so pretty-printed and compact JSON compare alike. */
export function compact(text: string): string {
  let result = '';
  let inString = false;
  for (let at = 0; at < text.length; at++) {
    const char = text[at];
    if (inString) {
      result += char;
      if (char === '\\') result += text[++at] ?? '';
      else if (char === '"') inString = false;
    } else if (char === '"') {
      inString = true;
      result += char;
    } else if (!/\s/.test(char)) {
      result += char;
    }
  }
  return result;
}
