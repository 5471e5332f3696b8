import { MentionRole } from '../api/party-types';
import { calendarDate } from '../format/time';

const RELATIONS: Record<string, string> = {
  member_of: 'member of',
  employed_by: 'employed by',
  part_of: 'part of',
  spokesperson_for: 'spokesperson for',
  owned_by: 'owned by',
  affiliated_with: 'affiliated with',
};

export const AFFILIATION_RELATIONS = Object.keys(RELATIONS);

export const relationInWords = (relation: string) => RELATIONS[relation] ?? relation.replace(/_/g, ' ');

const ROLES: Record<MentionRole, [string, string]> = {
  claimant: ['claim made', 'claims made'],
  reporter: ['claim reported', 'claims reported'],
  supporter: ['support', 'supports'],
  contradictor: ['contradiction', 'contradictions'],
  factChecker: ['fact-check', 'fact-checks'],
};

/** "3 claims made, 1 contradiction": the roles a party was mentioned in, with their counts. */
export function mentionsInWords(mentions: Partial<Record<MentionRole, number>> | undefined): string {
  const parts = (Object.keys(ROLES) as MentionRole[])
    .filter((role) => (mentions?.[role] ?? 0) > 0)
    .map((role) => {
      const count = mentions?.[role] ?? 0;
      return `${count} ${ROLES[role][count === 1 ? 0 : 1]}`;
    });
  return parts.length > 0 ? parts.join(', ') : 'not mentioned in any claim';
}

const ROLE_OF_CLAIM: Record<string, string> = {
  claimant: 'claimant',
  reporter: 'reported it',
  supporter: 'supports it',
  contradictor: 'contradicts it',
  factChecker: 'fact-checked it',
};

export const roleInWords = (role: string) => ROLE_OF_CLAIM[role] ?? role;

/** An affiliation's period: the dates as written, open ends said so. */
export function periodInWords(from: string | undefined, to: string | undefined): string {
  const start = from ? (calendarDate(from, 'day') ?? from) : undefined;
  const end = to ? (calendarDate(to, 'day') ?? to) : undefined;
  if (start && end) return `${start} – ${end}`;
  if (start) return `since ${start}`;
  if (end) return `until ${end}`;
  return 'no dates given';
}
