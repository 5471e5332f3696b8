import fs from 'node:fs';

/** The newlines in a file, read in chunks: an export of a long log is longer than the longest string V8 allows. */
export async function countLines(file: string): Promise<number> {
  let count = 0;
  for await (const chunk of fs.createReadStream(file)) {
    const bytes = chunk as Buffer;
    for (let index = bytes.indexOf(10); index >= 0; index = bytes.indexOf(10, index + 1)) count += 1;
  }
  return count;
}
