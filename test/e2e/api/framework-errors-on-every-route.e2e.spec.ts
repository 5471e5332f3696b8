import { expectProblem } from '../../support/problem-response';
import { startTestApp, TestApp } from '../../support/test-app';

/** The API's routes, the desk page and its assets, Swagger UI and the root: one answer for a hostile URL. */
const PATHS = [
  '/desk',
  '/desk/storylines/some-story',
  '/desk/assets/index.js',
  '/docs',
  '/docs/openapi.json',
  '/',
  '/health',
  '/v1/storylines',
];

describe('a URL too long or badly encoded answers a problem on every route, the desk included', () => {
  let app: TestApp;

  beforeAll(async () => (app = await startTestApp()));
  afterAll(() => app.close());

  it.each(PATHS)('%s + 9,000 characters answers 414 problem+json', async (path) => {
    const response = await app.request('GET', `${path.replace(/\/$/, '')}/${'a'.repeat(9000)}`, { as: 'reader' });
    expectProblem(response, 414);
  });

  it.each(PATHS)('%s?x=%%E0%%A4%%A answers 400 problem+json', async (path) => {
    const response = await app.request('GET', `${path}?x=%E0%A4%A`, { as: 'reader' });
    expectProblem(response, 400, /percent-encoding must spell UTF-8/);
  });

  it.each(['/desk/%E0%A4%A', '/docs/%E0%A4%A', '/%E0%A4%A'])(
    '%s (a broken path) answers 400 problem+json',
    async (path) => {
      expectProblem(await app.request('GET', path, { as: 'reader' }), 400, /percent-encoding must spell UTF-8/);
    },
  );
});
