import { recordSeed } from '../../src/cli/demo/record-seed';
import { mismatch } from '../support/doc-examples/answer-match';
import { docExamples, ExampleStep } from '../support/doc-examples/doc-examples';
import { ShellSession } from '../support/doc-examples/shell-session';
import { KEYS } from '../support/http-client';
import { startTestApp, TestApp } from '../support/test-app';

/**
 * Every curl example of README.md and docs/*.md, run in page order against a fresh store the demo
 * recorded, each answer checked against what the page shows (docs/writing-examples.md).
 */
const DEADLINE_MS = 60_000;

/** Waits until every projection has applied the whole log, as a reader a moment later would find it. */
async function settled(baseUrl: string): Promise<void> {
  const until = Date.now() + DEADLINE_MS;
  for (;;) {
    const response = await fetch(`${baseUrl}/v1/projections`);
    const { items } = (await response.json()) as { items: Array<{ lag: number; state: string }> };
    if (items.every((item) => item.lag === 0 && item.state === 'live')) return;
    if (Date.now() > until) throw new Error(`projections not caught up: ${JSON.stringify(items)}`);
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

const pages = docExamples().filter((page) => page.steps.length > 0);

describe.each(pages.map((page) => [page.file, page] as const))('the examples of %s', (_file, page) => {
  let app: TestApp;
  let shell: ShellSession;

  beforeAll(async () => {
    // A heartbeat a second ends a live-feed example piped into head soon after its last line.
    app = await startTestApp({ env: { API_KEYS: '', LIVE_HEARTBEAT_MS: '1000', ...page.serverEnv } });
    await recordSeed(app.baseUrl);
    await settled(app.baseUrl);
    shell = new ShellSession(app.dir, {
      API: app.baseUrl,
      READER_KEY: KEYS.reader,
      EDITOR_KEY: KEYS.editor,
      ADMIN_KEY: KEYS.admin,
    });
  }, 2 * DEADLINE_MS);
  afterAll(async () => {
    shell?.close();
    await app?.close();
  });

  const title = (step: ExampleStep) => `line ${step.line}: ${step.command.split('\n')[0].slice(0, 90)}`;

  it.each(page.steps.map((step) => [title(step), step] as const))(
    '%s',
    async (_title, step) => {
      const command = step.command.replace(/http:\/\/(127\.0\.0\.1|localhost):3000/g, app.baseUrl);
      const result = await shell.run(command, DEADLINE_MS);
      if (result.exitCode !== 0) throw new Error(`exit code ${result.exitCode}\n${result.stderr}\n${result.output}`);
      for (const answer of step.answers) {
        const why = mismatch(answer.text, result);
        if (why) {
          throw new Error(
            `${page.file}:${answer.line}: ${why}\nshown: ${answer.text}\nanswer (${result.status}): ${result.output}`,
          );
        }
      }
      await settled(app.baseUrl);
    },
    3 * DEADLINE_MS,
  );
});
