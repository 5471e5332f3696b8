const PROBLEM_JSON = /^application\/problem\+json/;

/** Asserts an RFC 9457 answer: the status, the problem+json content type and, when given, the detail. */
export function expectProblem(
  response: { status: number; headers: Headers; body: { detail?: string } },
  status: number,
  detail?: RegExp,
): void {
  expect({ status: response.status, type: response.headers.get('content-type') }).toEqual({
    status,
    type: expect.stringMatching(PROBLEM_JSON),
  });
  if (detail) expect(response.body.detail).toMatch(detail);
}
