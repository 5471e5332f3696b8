import { Readable } from 'node:stream';

/**
 * The lines of a text stream (without their `\n` or `\r\n`), read a chunk at a time as the lines are
 * asked for. readline's iterator reads ahead of a slow consumer without bound: an import that
 * waited for its store held most of the file in memory.
 */
export async function* linesOf(input: Readable): AsyncGenerator<string> {
  input.setEncoding('utf8');
  let rest = '';
  for await (const chunk of input) {
    const text = rest + (chunk as string);
    let start = 0;
    for (let end = text.indexOf('\n'); end >= 0; end = text.indexOf('\n', start)) {
      yield text.charCodeAt(end - 1) === 13 ? text.slice(start, end - 1) : text.slice(start, end);
      start = end + 1;
    }
    rest = text.slice(start);
  }
  if (rest !== '') yield rest;
}
