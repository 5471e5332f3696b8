import { lazy, LocationProvider, Route, Router } from 'preact-iso';
import { useCallback, useEffect, useState } from 'preact/hooks';
import { ApiError, onUnauthorized } from './api/client';
import { probeAccess } from './api/desk-api';
import { forgetApiKey, storedApiKey, storeApiKey } from './auth/api-key';
import { KeyPrompt } from './auth/key-prompt';
import { LiveProvider, useLiveState } from './live/live-context';
import { ClaimPage } from './pages/claim-page';
import { NotFoundPage } from './pages/not-found-page';
import { ReviewPage } from './pages/review-page';
import { StorylinePage } from './pages/storyline-page';
import { StorylinesPage } from './pages/storylines-page';
import { ErrorNotice, Loading } from './ui/feedback';
import { Shell } from './ui/shell';

// The registry's pages are opened less often than the rest: their code loads when first visited.
const PartiesPage = lazy(() => import('./pages/parties-page').then((module) => module.PartiesPage));
const PartyPage = lazy(() => import('./pages/party-page').then((module) => module.PartyPage));
const CapturePage = lazy(() => import('./pages/capture-page').then((module) => module.CapturePage));

type Access =
  | { kind: 'checking' }
  | { kind: 'open' }
  | { kind: 'key-needed'; rejected: boolean }
  | { kind: 'unreachable'; error: unknown };

/**
 * The page first asks the API without a key. With auth off that simply works and nobody is asked;
 * with keys on the answer is 401 and the page asks once for a key.
 */
export function App() {
  const [access, setAccess] = useState<Access>({ kind: 'checking' });

  const check = useCallback(() => {
    setAccess({ kind: 'checking' });
    probeAccess().then(
      () => setAccess({ kind: 'open' }),
      (error: unknown) => {
        // A 401 has already turned into a key prompt through onUnauthorized.
        if (!(error instanceof ApiError && error.status === 401)) setAccess({ kind: 'unreachable', error });
      },
    );
  }, []);

  useEffect(() => {
    const stop = onUnauthorized(() => {
      const rejected = storedApiKey() !== undefined;
      forgetApiKey();
      setAccess({ kind: 'key-needed', rejected });
    });
    check();
    return stop;
  }, [check]);

  const forgetKey = storedApiKey() !== undefined ? () => (forgetApiKey(), check()) : undefined;

  switch (access.kind) {
    case 'checking':
      return (
        <Shell>
          <Loading what="the desk" />
        </Shell>
      );
    case 'key-needed':
      return (
        <Shell>
          <KeyPrompt rejected={access.rejected} onKey={(key) => (storeApiKey(key), check())} />
        </Shell>
      );
    case 'unreachable':
      return (
        <Shell>
          <h1>Factline desk</h1>
          <ErrorNotice error={access.error} what="the desk" onRetry={check} />
        </Shell>
      );
    case 'open':
      return (
        <LiveProvider onUnauthorized={() => (forgetApiKey(), setAccess({ kind: 'key-needed', rejected: true }))}>
          <LocationProvider scope="/desk">
            <Shell live onForgetKey={forgetKey}>
              <AfterLiveConnects>
                <Router onRouteChange={focusMain}>
                  <Route path="/desk" component={StorylinesPage} />
                  <Route path="/desk/storylines/:id" component={StorylinePage} />
                  <Route path="/desk/claims/:id" component={ClaimPage} />
                  <Route path="/desk/review" component={ReviewPage} />
                  <Route path="/desk/parties" component={PartiesPage} />
                  <Route path="/desk/parties/:id" component={PartyPage} />
                  <Route path="/desk/capture" component={CapturePage} />
                  <Route default component={NotFoundPage} />
                </Router>
              </AfterLiveConnects>
            </Shell>
          </LocationProvider>
        </LiveProvider>
      );
  }
}

/**
 * Views load once the live feed is open (or has failed), so no event falls between what a view
 * loaded and where the feed starts.
 */
function AfterLiveConnects(props: { children: preact.ComponentChildren }) {
  const state = useLiveState();
  const [waitedEnough, setWaitedEnough] = useState(false);
  useEffect(() => {
    const timer = setTimeout(() => setWaitedEnough(true), 2000);
    return () => clearTimeout(timer);
  }, []);
  if (state.kind === 'connecting' && !waitedEnough) return <Loading what="the desk" />;
  return <>{props.children}</>;
}

/** After a navigation, keyboard and screen-reader users start at the new view's content. */
function focusMain() {
  requestAnimationFrame(() => document.getElementById('main')?.focus({ preventScroll: false }));
}
