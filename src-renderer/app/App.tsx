/** The root: shows setup, sign-in or the signed-in shell, as main's state says. */
import { call } from '../api/client';
import { SetupScreen } from '../features/setup/SetupScreen';
import { SignInScreen } from '../features/auth/SignInScreen';
import { UnavailableScreen } from '../features/auth/UnavailableScreen';
import { assertNever } from './app-state';
import { Header } from './Header';
import { Page } from './Page';
import { Shell } from './Shell';
import { useAppState } from './use-app-state';

export function App() {
  const { state, refresh, signedIn, signedOut } = useAppState();
  const signOut = () => {
    call('auth:sign-out', {})
      .catch(() => undefined)
      .finally(() => signedOut('You have signed out.'));
  };
  switch (state.kind) {
    case 'loading':
      return (
        <Page header={<Header session={null} />}>
          <p className="app-loading" role="status">
            Loading Herald…
          </p>
        </Page>
      );
    case 'unavailable':
      return <UnavailableScreen message={state.message} onRetry={() => void refresh()} />;
    case 'setup':
      return <SetupScreen onDone={signedIn} onAlreadySetUp={() => void refresh()} />;
    case 'sign-in':
      return <SignInScreen notice={state.notice} onSignedIn={signedIn} />;
    case 'locked':
    case 'ready':
      return <Shell session={state.session} onUnlocked={signedIn} onSignOut={signOut} />;
    default:
      return assertNever(state);
  }
}
