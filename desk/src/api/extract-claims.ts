import { api } from './client';
import { Extraction } from './extractions';

export interface ExtractionRequest {
  text: string;
  language?: string;
  storylineId?: string;
  source?: { url: string; title?: string; publishedAt?: string };
}

/** Proposals only: the API records nothing for this. */
export function extractClaims(request: ExtractionRequest, signal?: AbortSignal): Promise<Extraction> {
  return api<Extraction>('/v1/extractions', { method: 'POST', body: request, signal });
}
