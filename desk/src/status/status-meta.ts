import { ClaimStatus, StorylineStatus } from '../api/types';
import { IconName } from './icons';

export interface StatusMeta {
  label: string;
  /** The colour family; never the only sign, the word and the icon always come with it. */
  tone: 'alert' | 'info' | 'good' | 'bad' | 'caution' | 'neutral' | 'muted' | 'violet';
  icon: IconName;
  meaning: string;
}

export const CLAIM_STATUS_META: Record<ClaimStatus, StatusMeta> = {
  disputed: {
    label: 'Disputed',
    tone: 'alert',
    icon: 'alert',
    meaning: 'contradicted, and the desk has not ruled yet',
  },
  unverified: {
    label: 'Unverified',
    tone: 'neutral',
    icon: 'question',
    meaning: 'no independent support and no contradiction yet',
  },
  corroborated: { label: 'Corroborated', tone: 'info', icon: 'check', meaning: 'supported by an independent source' },
  misleading: { label: 'Misleading', tone: 'caution', icon: 'tilde', meaning: 'the desk ruled it misleading' },
  refuted: { label: 'Refuted', tone: 'bad', icon: 'cross', meaning: 'the desk ruled it false' },
  unproven: { label: 'Unproven', tone: 'violet', icon: 'minus', meaning: 'the desk ruled that it cannot be proven' },
  confirmed: { label: 'Confirmed', tone: 'good', icon: 'shield', meaning: 'the desk ruled it true' },
  retracted: { label: 'Retracted', tone: 'muted', icon: 'undo', meaning: 'withdrawn by its claimant or the outlet' },
};

export const STORYLINE_STATUS_META: Record<StorylineStatus, StatusMeta> = {
  disputed: { label: 'Disputed', tone: 'alert', icon: 'alert', meaning: 'at least one factual claim is disputed' },
  developing: {
    label: 'Developing',
    tone: 'info',
    icon: 'pulse',
    meaning: 'no claim is disputed, but some are still unverified, corroborated or retracted without a verdict',
  },
  settled: {
    label: 'Settled',
    tone: 'good',
    icon: 'check',
    meaning: 'every factual claim has a verdict',
  },
  empty: { label: 'Empty', tone: 'neutral', icon: 'circle', meaning: 'no factual claims yet' },
};
