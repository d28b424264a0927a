import { Redirect, Route, Switch } from 'wouter';
import { ContactPage } from './features/contacts/ContactPage';
import { ContactsPage } from './features/contacts/ContactsPage';
import { InteractionPage } from './features/interactions/InteractionPage';
import { LogInteractionProvider } from './features/interactions/LogInteraction';
import { SearchPage } from './features/search/SearchPage';
import { SetupPage } from './features/session/SetupPage';
import { SignInPage } from './features/session/SignInPage';
import { SettingsPage } from './features/settings/SettingsPage';
import { TrashPage } from './features/trash/TrashPage';
import { Layout } from './shared/Layout';
import { useSession } from './shared/session';
import { ErrorState, Loading } from './shared/ui';

/** Setup, sign-in or the app; the URL stays as it was, so signing in again returns to the same page. */
export function App() {
  const session = useSession();
  const { state } = session;
  if (state.status === 'loading') return <main className="centered"><Loading /></main>;
  if (state.status === 'error') return <main className="centered"><ErrorState error={state.error} retry={session.retry} /></main>;
  if (state.status === 'setup') return <SetupPage />;
  if (state.status === 'signedOut') return <SignInPage expired={state.expired} />;
  return (
    <LogInteractionProvider>
      <Layout>
        <Switch>
          <Route path="/contacts" component={ContactsPage} />
          <Route path="/contacts/:id">{(params) => <ContactPage id={params.id} />}</Route>
          <Route path="/interactions/:id">{(params) => <InteractionPage id={params.id} />}</Route>
          <Route path="/search" component={SearchPage} />
          <Route path="/trash" component={TrashPage} />
          <Route path="/settings" component={SettingsPage} />
          <Route path="/">
            <Redirect to="/contacts" replace />
          </Route>
          <Route>
            <div className="page">
              <h1>Page not found</h1>
              <p>
                There is nothing at this address. <a href="/contacts">Go to your contacts</a>.
              </p>
            </div>
          </Route>
        </Switch>
      </Layout>
    </LogInteractionProvider>
  );
}
