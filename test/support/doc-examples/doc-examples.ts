import fs from 'node:fs';
import path from 'node:path';

/** One shown answer: the text after `# →` (with its continuation lines), or a ```json answer block. */
export interface ShownAnswer {
  line: number;
  text: string;
}

/** One shell command of an example, with the answers the page shows for it. */
export interface ExampleStep {
  line: number;
  command: string;
  answers: ShownAnswer[];
}

export interface DocExamples {
  /** Relative to the repository root, e.g. `docs/api.md`. */
  file: string;
  /** Variables of the `VAR=value … npm start` lines in the page's examples: the page's server runs with them. */
  serverEnv: Record<string, string>;
  steps: ExampleStep[];
}

export const REPOSITORY = path.join(__dirname, '../../..');

/** What the harness decides itself: where the store is, where the server listens, that auth is off. */
const HARNESS_VARIABLES = new Set([
  'PORT',
  'HOST',
  'SQLITE_PATH',
  'READ_MODEL_PATH',
  'EVENT_STORE',
  'KURRENTDB_CONNECTION_STRING',
  'API_KEYS',
]);

/** README.md and every page under docs/, each with the steps of its curl examples. */
export function docExamples(): DocExamples[] {
  const pages = fs
    .readdirSync(path.join(REPOSITORY, 'docs'))
    .filter((name) => name.endsWith('.md'))
    .sort()
    .map((name) => `docs/${name}`);
  return ['README.md', ...pages].map((file) =>
    parseExamples(file, fs.readFileSync(path.join(REPOSITORY, file), 'utf8')),
  );
}

/**
 * The ```bash blocks that call curl, split into commands in page order. A `# →` comment after a
 * command is its answer; comment lines indented by two spaces or more right below continue it. A
 * ```json answer block is an answer of the last command before it.
 */
export function parseExamples(file: string, markdown: string): DocExamples {
  const lines = markdown.split('\n');
  const steps: ExampleStep[] = [];
  const serverEnv: Record<string, string> = {};
  for (let index = 0; index < lines.length; index++) {
    const fence = /^```(\w*)\s*(.*)$/.exec(lines[index]);
    if (!fence) continue;
    const end = lines.findIndex((line, at) => at > index && line.startsWith('```'));
    if (end < 0) throw new Error(`${file}:${index + 1}: a code block that is never closed`);
    const body = lines.slice(index + 1, end);
    if (fence[1] === 'bash' && body.some((line) => /(^|[\s($|])curl\s/.test(line))) {
      parseBlock(body, index + 2, steps, serverEnv, file);
    } else if (fence[1] === 'json' && fence[2].trim() === 'answer') {
      const step = steps.at(-1);
      if (!step) throw new Error(`${file}:${index + 1}: a json answer block before any curl example`);
      step.answers.push({ line: index + 1, text: body.join('\n') });
    }
    index = end;
  }
  return { file, serverEnv, steps };
}

function parseBlock(
  body: string[],
  firstLine: number,
  steps: ExampleStep[],
  serverEnv: Record<string, string>,
  file: string,
): void {
  let answer: ShownAnswer | undefined;
  for (let index = 0; index < body.length; index++) {
    const line = body[index];
    const trimmed = line.trim();
    if (trimmed === '') {
      answer = undefined;
    } else if (trimmed.startsWith('#')) {
      const shown = /^#\s*→\s?(.*)$/.exec(trimmed);
      if (shown) {
        const step = steps.at(-1);
        if (!step) throw new Error(`${file}:${firstLine + index}: an answer (# →) before any command`);
        answer = { line: firstLine + index, text: shown[1] };
        step.answers.push(answer);
      } else if (answer && /^#\s{2,}\S/.test(trimmed)) {
        answer.text += ` ${trimmed.slice(1).trim()}`;
      } else {
        answer = undefined;
      }
    } else {
      answer = undefined;
      const start = index;
      while (!isComplete(body.slice(start, index + 1).join('\n')) && index + 1 < body.length) index++;
      const command = body.slice(start, index + 1).join('\n');
      const server = serverVariables(command);
      if (server) Object.assign(serverEnv, server);
      else steps.push({ line: firstLine + start, command, answers: [] });
    }
  }
}

/** A command is complete when no quote is open and its last line does not end in a backslash. */
function isComplete(command: string): boolean {
  let quote: "'" | '"' | undefined;
  for (let at = 0; at < command.length; at++) {
    const char = command[at];
    if (quote === "'") {
      if (char === "'") quote = undefined;
    } else if (char === '\\') {
      at++;
    } else if (quote === '"') {
      if (char === '"') quote = undefined;
    } else if (char === "'" || char === '"') {
      quote = char;
    } else if (char === '#' && (at === 0 || /\s/.test(command[at - 1]))) {
      const lineEnd = command.indexOf('\n', at);
      if (lineEnd < 0) break;
      at = lineEnd;
    }
  }
  return quote === undefined && !/\\\s*$/.test(command.replace(/\s+#[^'"\n]*$/, ''));
}

/** `VAR=value … npm start` (a server the reader starts): its variables, else undefined. */
function serverVariables(command: string): Record<string, string> | undefined {
  const match = /^((?:\w+=(?:'[^']*'|"[^"]*"|\S+)\s+)*)npm start\b/.exec(command.trim());
  if (!match) return undefined;
  const variables: Record<string, string> = {};
  for (const [, name, single, double, bare] of match[1].matchAll(/(\w+)=(?:'([^']*)'|"([^"]*)"|(\S+))/g)) {
    if (!HARNESS_VARIABLES.has(name)) variables[name] = single ?? double ?? bare;
  }
  return variables;
}
