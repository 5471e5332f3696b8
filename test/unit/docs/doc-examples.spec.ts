import { mismatch, parseShownAnswer } from '../../support/doc-examples/answer-match';
import { parseExamples } from '../../support/doc-examples/doc-examples';

const page = [
  '# A page',
  '',
  '```bash',
  "WEBHOOK_ALLOWED_HOSTS='127.0.0.1' NEWSROOM_NAME=Desk SQLITE_PATH=./x.db npm start   # in one terminal",
  '',
  '# Open one.',
  "curl -s -X POST $API/v1/storylines -H 'content-type: application/json' \\",
  '  -d \'{ "title": "Beirut # not a comment",',
  '  "tags": [] }\'',
  '# → 201 Location: /v1/storylines/x {"id":"x",',
  '#      "position":28}',
  '# A comment of prose, not part of the answer.',
  'curl -s $API/v1/claims/x',
  '```',
  '',
  '```json answer',
  '{ "id": "x" }',
  '```',
  '',
  '```sh',
  'curl -s $API/never-run',
  '```',
  '',
  '```bash',
  'npx factline replay',
  '```',
].join('\n');

describe('reading the examples of a page', () => {
  const examples = parseExamples('docs/page.md', page);

  it('takes the commands of bash blocks that call curl, whole across continued lines and open quotes', () => {
    expect(examples.steps.map((step) => step.line)).toEqual([7, 13]);
    expect(examples.steps[0].command).toContain('"tags": [] }\'');
  });

  it('joins an answer with the indented comment lines below it, and stops at prose', () => {
    expect(examples.steps[0].answers).toEqual([
      { line: 10, text: '201 Location: /v1/storylines/x {"id":"x", "position":28}' },
    ]);
  });

  it('gives a json answer block to the command before it', () => {
    expect(examples.steps[1].answers).toEqual([{ line: 16, text: '{ "id": "x" }' }]);
  });

  it('runs no npm start line, and keeps its variables for the server but those the harness owns', () => {
    expect(examples.serverEnv).toEqual({ WEBHOOK_ALLOWED_HOSTS: '127.0.0.1', NEWSROOM_NAME: 'Desk' });
  });

  it('refuses an answer before any command', () => {
    expect(() => parseExamples('x.md', '```bash\n# → 200\ncurl -s $API\n```')).toThrow(/x.md:2: an answer/);
  });
});

describe('comparing an answer with what the page shows', () => {
  const answer = {
    status: 201,
    headers: { location: '/v1/parties/jane-roe', etag: '"0"' },
    output: '{"id":"jane-roe","revision":0,"position":28,"tags":["a b"]}',
  };

  it('reads status, headers and body, and leaves a trailing remark out', () => {
    expect(parseShownAnswer('201 ETag: "0", Location: /v1/x {"id":1}   (on the demo store)')).toEqual({
      status: 201,
      headers: [
        ['etag', '"0"'],
        ['location', '/v1/x'],
      ],
      body: '{"id":1}',
    });
    expect(parseShownAnswer('id: 26 event: X')).toEqual({ headers: [], body: 'id: 26 event: X' });
  });

  it('accepts fragments in order, with … for anything and whitespace outside strings ignored', () => {
    expect(mismatch('201 {"id": "jane-roe", …, "position": 28', answer)).toBeUndefined();
    expect(mismatch('"revision":0,…,"tags":[…]', answer)).toBeUndefined();
    expect(mismatch('201 Location: /v1/parties/… ETag: "0"', answer)).toBeUndefined();
  });

  it('names what differs', () => {
    expect(mismatch('200 {"id":"jane-roe"}', answer)).toBe('status 201 where the page shows 200');
    expect(mismatch('201 ETag: "1"', answer)).toBe('header etag: "0" where the page shows "1"');
    expect(mismatch('201 Location: /v1/parties', answer)).toMatch(/^header location/);
    expect(mismatch('"position":28,…,"revision":0', answer)).toBe(
      'the answer has no ",\\"revision\\":0" where the page shows it',
    );
    expect(mismatch('"tags":["ab"]', answer)).toMatch(/has no/);
    expect(mismatch('{"id":"jane-roe"}', answer)).toMatch(/has no/);
  });
});
