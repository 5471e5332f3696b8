/** Where a claim or a piece of evidence was published. */
export interface Source {
  url: string;
  title?: string;
  publishedAt?: string;
  /** The original wording, in the original language. */
  quote?: string;
}
