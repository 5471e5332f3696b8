import { useEffect } from 'preact/hooks';

export function useTitle(title: string | undefined): void {
  useEffect(() => {
    document.title = title ? `${title} · Factline desk` : 'Factline desk';
  }, [title]);
}
