export interface FieldError {
  field: string;
  message: string;
}

/** RFC 9457 problem details, the one error shape of the API. */
export interface Problem {
  type: string;
  title: string;
  status: number;
  detail: string;
  errors?: FieldError[];
}

export const PROBLEM_CONTENT_TYPE = 'application/problem+json';

const TITLES: Record<number, [slug: string, title: string]> = {
  400: ['bad-request', 'Bad request'],
  401: ['unauthorized', 'Missing or unknown API key'],
  403: ['forbidden', 'Role too low for this action'],
  404: ['not-found', 'Not found'],
  405: ['method-not-allowed', 'Method not allowed'],
  408: ['request-timeout', 'Request timeout'],
  409: ['conflict', 'Conflict'],
  412: ['precondition-failed', 'Precondition failed'],
  413: ['payload-too-large', 'Request body too large'],
  414: ['uri-too-long', 'URI too long'],
  415: ['unsupported-media-type', 'Unsupported media type'],
  422: ['unprocessable', 'Unprocessable request'],
  429: ['too-many-requests', 'Too many requests'],
  431: ['header-fields-too-large', 'Request header fields too large'],
  500: ['internal', 'Internal error'],
  503: ['unavailable', 'Service unavailable'],
};

export function problem(status: number, detail: string, extra: Partial<Problem> = {}): Problem {
  const [slug, title] = TITLES[status] ?? ['error', 'Error'];
  return { type: `/problems/${slug}`, title, status, detail, ...extra };
}

export function validationProblem(errors: FieldError[]): Problem {
  return problem(400, errors.map((error) => `${error.field}: ${error.message}`).join('; '), {
    type: '/problems/validation',
    title: 'Invalid request',
    errors,
  });
}
