/** Small builders for request bodies, so tests state only what matters to them. */

export const party = (name: string, kind = 'person', id?: string) => ({ name, kind, ...(id ? { id } : {}) });

export const storylineBody = (overrides: Record<string, unknown> = {}) => ({
  title: 'US–Ukraine security guarantees',
  summary: 'Negotiations over US security guarantees for Ukraine',
  tags: ['ukraine', 'usa'],
  ...overrides,
});

export const claimBody = (overrides: Record<string, unknown> = {}) => ({
  statement: 'Das Dokument ist zu 100 Prozent fertig.',
  language: 'de',
  claimant: party('Wolodymyr Selenskyj', 'person', 'volodymyr-zelensky'),
  attribution: 'on_record',
  occurredAt: '2026-01-23T14:00:00+01:00',
  ...overrides,
});

export const developmentBody = (by: ReturnType<typeof party>, overrides: Record<string, unknown> = {}) => ({
  by,
  occurredAt: '2026-01-27T12:00:00+01:00',
  ...overrides,
});
