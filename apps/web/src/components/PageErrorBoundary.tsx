import { Component, type ReactNode } from 'react';

/**
 * Catches what a page throws while rendering, and a page's code that no longer loads (the app was
 * redeployed while this tab was open), so the user gets words and a way out instead of a blank page.
 */
export class PageErrorBoundary extends Component<{ children: ReactNode; resetKey: string }, { error: Error | null }> {
  state: { error: Error | null } = { error: null };

  static getDerivedStateFromError(error: Error) {
    return { error };
  }

  componentDidUpdate(prev: { resetKey: string }) {
    if (prev.resetKey !== this.props.resetKey && this.state.error) this.setState({ error: null });
  }

  render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    const stale = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
    return (
      <div className="notice notice--error" role="alert">
        <div className="notice__body">
          <strong>{stale ? 'A new version of Scorecards is available' : 'This page ran into a problem'}</strong>
          <p>
            {stale
              ? 'Reload to get it; nothing you saved is lost.'
              : 'Reload the page and try again. If it happens again, tell us what you were doing.'}
          </p>
        </div>
        <button type="button" className="btn btn--small" onClick={() => window.location.reload()}>
          Reload
        </button>
      </div>
    );
  }
}
