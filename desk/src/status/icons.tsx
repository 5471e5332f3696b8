/** Small line icons drawn inline (no icon font, nothing fetched), always beside a word. */
export type IconName =
  | 'question'
  | 'check'
  | 'alert'
  | 'undo'
  | 'shield'
  | 'cross'
  | 'tilde'
  | 'minus'
  | 'pulse'
  | 'circle'
  | 'flag'
  | 'up'
  | 'down'
  | 'gavel'
  | 'pencil'
  | 'live'
  | 'clock'
  | 'magnifier'
  | 'bubble'
  | 'forward'
  | 'person'
  | 'chip'
  | 'eye';

const PATHS: Record<IconName, string> = {
  question: 'M6.5 6.2a1.6 1.6 0 1 1 2.4 1.4c-.6.4-.9.7-.9 1.4M8 11v.2M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 0 0 8 1.8z',
  check: 'M3.5 8.5l3 3 6-7',
  alert: 'M8 2.2l6.2 11H1.8zM8 6.5v3M8 11.4v.2',
  undo: 'M5 4.5L2.5 7 5 9.5M2.8 7h6.7a3.5 3.5 0 0 1 0 7H6',
  shield: 'M8 1.8l5.2 2v4c0 3.2-2.2 5.4-5.2 6.4-3-1-5.2-3.2-5.2-6.4v-4zM5.5 8l1.8 1.8 3.3-3.6',
  cross: 'M4 4l8 8M12 4l-8 8',
  tilde: 'M2.5 9.5c1.5-2.5 3-2.5 4.5-1s3 1.5 4.5-1M2.5 12.5h11M2.5 4.5h11',
  minus: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 0 0 8 1.8zM5 8h6',
  pulse: 'M1.5 8.5h3l1.5-4 3 8 1.5-4h4',
  circle: 'M8 2a6 6 0 1 0 0 12A6 6 0 0 0 8 2z',
  flag: 'M3.5 14V2.5M3.5 3h8l-1.5 3 1.5 3h-8',
  up: 'M8 3l5 8H3z',
  down: 'M8 13L3 5h10z',
  gavel: 'M9 2.5l4.5 4.5M7 4.5L11.5 9M8 3.5l-3 3 4.5 4.5 3-3M6.5 8L2 12.5',
  pencil: 'M10.5 2.5l3 3-8 8H2.5v-3z',
  live: 'M8 6.5a1.5 1.5 0 1 0 0 3 1.5 1.5 0 0 0 0-3zM4.8 4.8a4.5 4.5 0 0 0 0 6.4M11.2 4.8a4.5 4.5 0 0 1 0 6.4',
  clock: 'M8 1.8a6.2 6.2 0 1 0 0 12.4A6.2 6.2 0 0 0 8 1.8zM8 4.5V8l2.5 1.5',
  magnifier: 'M7 2.5a4.5 4.5 0 1 0 0 9 4.5 4.5 0 0 0 0-9zM10.3 10.3l3.2 3.2',
  bubble: 'M2.5 3.5h11v7h-6l-3 2.5v-2.5h-2z',
  forward: 'M2.5 8h9M8.5 4.5L12 8l-3.5 3.5',
  person: 'M8 2.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 0 0 0-5zM3 13.5c.5-2.8 2.5-4 5-4s4.5 1.2 5 4',
  chip: 'M5 5h6v6H5zM7 2.5V5M9 2.5V5M7 11v2.5M9 11v2.5M2.5 7H5M2.5 9H5M11 7h2.5M11 9h2.5',
  eye: 'M1.5 8s2.5-4.5 6.5-4.5S14.5 8 14.5 8 12 12.5 8 12.5 1.5 8 1.5 8zM8 6.2a1.8 1.8 0 1 0 0 3.6 1.8 1.8 0 0 0 0-3.6z',
};

export function Icon(props: { name: IconName; class?: string }) {
  return (
    <svg class={`icon ${props.class ?? ''}`} viewBox="0 0 16 16" aria-hidden="true" focusable="false">
      <path d={PATHS[props.name]} />
    </svg>
  );
}
