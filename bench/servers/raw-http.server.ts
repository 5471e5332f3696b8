import { randomUUID } from 'node:crypto';
import http from 'node:http';
import { announceReady } from './ready-line';

/**
 * The floor: node:http parsing the same JSON body and answering as the service does, with no
 * framework, validation or storage.
 */
let position = -1;

const server = http.createServer((request, response) => {
  const chunks: Buffer[] = [];
  request.on('data', (chunk: Buffer) => chunks.push(chunk));
  request.on('end', () => {
    if (request.method !== 'POST' || !/^\/v1\/storylines\/[^/]+\/claims$/.test(request.url ?? '')) {
      response.writeHead(404).end();
      return;
    }
    try {
      JSON.parse(Buffer.concat(chunks).toString('utf8'));
    } catch {
      response.writeHead(400).end();
      return;
    }
    position += 1;
    const body = JSON.stringify({ id: randomUUID(), revision: 0, position });
    response.writeHead(201, { 'content-type': 'application/json; charset=utf-8', etag: '"0"' }).end(body);
  });
});

server.listen(0, '127.0.0.1', () => announceReady(server.address()));
process.once('SIGTERM', () => server.close(() => process.exit(0)));
