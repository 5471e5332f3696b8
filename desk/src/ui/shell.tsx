import { ComponentChildren } from 'preact';
import { LiveBanner, LiveIndicator } from '../live/live-banner';
import { ShortcutHelp } from './shortcuts';

export function Shell(props: { children: ComponentChildren; live?: boolean; onForgetKey?: () => void }) {
  return (
    <>
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <a class="brand" href="/desk">
          <span class="brand-mark" aria-hidden="true">
            F
          </span>
          Factline desk
        </a>
        {props.live && (
          <nav aria-label="Desk">
            <a href="/desk">Storylines</a>
            <a href="/desk/review">Review queue</a>
            <a href="/desk/parties">Parties</a>
            <a href="/desk/capture">Capture</a>
          </nav>
        )}
        <div class="header-tools">
          {props.live && <LiveIndicator />}
          {props.onForgetKey && (
            <button type="button" class="quiet" onClick={props.onForgetKey}>
              Forget API key
            </button>
          )}
        </div>
      </header>
      {props.live && <LiveBanner />}
      {props.live && <ShortcutHelp />}
      <main id="main" tabIndex={-1}>
        {props.children}
      </main>
    </>
  );
}
