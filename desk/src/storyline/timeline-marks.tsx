import { TimelineEntry } from '../api/types';

export type Shape = 'recorded' | 'support' | 'contradiction' | 'verdict' | 'retraction' | 'correction' | 'fact-check';

const SHAPE_OF: Record<string, Shape> = {
  ClaimRecorded: 'recorded',
  ClaimSupported: 'support',
  ClaimContradicted: 'contradiction',
  ClaimVerdictIssued: 'verdict',
  ClaimRetracted: 'retraction',
  ClaimCorrected: 'correction',
  ClaimFactChecked: 'fact-check',
};

export const SHAPE_LABELS: Record<Shape, string> = {
  recorded: 'claim made',
  support: 'support',
  contradiction: 'contradiction',
  verdict: 'desk verdict',
  retraction: 'retraction',
  correction: 'correction',
  'fact-check': 'outside fact-check',
};

/** A five-pointed star around (x, y). */
function starPath(x: number, y: number, outer = 8, inner = 3.6): string {
  const points = Array.from({ length: 10 }, (_, index) => {
    const radius = index % 2 === 0 ? outer : inner;
    const angle = -Math.PI / 2 + (index * Math.PI) / 5;
    return `${(x + radius * Math.cos(angle)).toFixed(2)} ${(y + radius * Math.sin(angle)).toFixed(2)}`;
  });
  return `M${points.join('L')}Z`;
}

export function Marker(props: { shape: Shape; x: number; y: number; later?: boolean }) {
  const { shape, x, y } = props;
  const className = `marker marker-${shape}${props.later ? ' marker-later' : ''}`;
  switch (shape) {
    case 'recorded':
      return <circle class={className} cx={x} cy={y} r={6} />;
    case 'support':
      return <path class={className} d={`M${x} ${y - 7}L${x + 7} ${y + 5}H${x - 7}Z`} />;
    case 'contradiction':
      return <path class={className} d={`M${x} ${y + 7}L${x + 7} ${y - 5}H${x - 7}Z`} />;
    case 'verdict':
      return <path class={className} d={`M${x} ${y - 7}L${x + 7} ${y}L${x} ${y + 7}L${x - 7} ${y}Z`} />;
    case 'retraction':
      return <rect class={className} x={x - 5.5} y={y - 5.5} width={11} height={11} />;
    case 'correction':
      return <rect class={className} x={x - 2} y={y - 8} width={4} height={16} />;
    case 'fact-check':
      // A star: an outside fact-checker's rating, never to be mistaken for the desk's diamond.
      return <path class={className} d={starPath(x, y)} />;
  }
}

export const shapeOf = (entry: TimelineEntry): Shape => SHAPE_OF[entry.type] ?? 'recorded';
