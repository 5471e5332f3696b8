import { useEffect, useState } from 'preact/hooks';

/** Phone width: the same bound as the stylesheet's narrowest layout. */
export const PHONE_WIDTH = '(max-width: 600px)';

/** Whether a media query matches now, following the window as it changes. */
export function useMediaQuery(query: string): boolean {
  const [matches, setMatches] = useState(() => matchMedia(query).matches);
  useEffect(() => {
    const list = matchMedia(query);
    const follow = () => setMatches(list.matches);
    follow();
    list.addEventListener('change', follow);
    return () => list.removeEventListener('change', follow);
  }, [query]);
  return matches;
}
