import { ContractAdapter } from './contract-adapters';

type Body = () => Promise<void>;

export interface ContractCases {
  (name: string, body: Body): void;
  each<T>(rows: readonly T[]): (name: string, body: (row: T) => Promise<void>) => void;
}

/**
 * Jest's `it` for one adapter's run of the contract: a case on the adapter's list of known failures
 * runs as `it.failing`, its name followed by the finding. A last case checks that every listed name
 * is a case of the contract, so the list cannot go stale under a renamed case.
 */
export function contractCases(adapter: Pick<ContractAdapter, 'knownFailures'>): ContractCases {
  const knownFailures = adapter.knownFailures ?? {};
  const defined = new Set<string>();
  const define = (name: string, body: Body) => {
    defined.add(name);
    const finding = knownFailures[name];
    if (finding) it.failing(`${name} [known failure: ${finding}]`, body);
    else it(name, body);
  };
  const cases = define as ContractCases;
  cases.each =
    <T>(rows: readonly T[]) =>
    (name: string, body: (row: T) => Promise<void>) => {
      for (const row of rows) define(name.replace('%s', String(row)), () => body(row));
    };
  afterAll(() => {
    const stale = Object.keys(knownFailures).filter((name) => !defined.has(name));
    if (stale.length > 0) throw new Error(`known failures that are no contract case: ${stale.join('; ')}`);
  });
  return cases;
}
