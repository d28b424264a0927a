import { lazy, Suspense } from 'react';
import { Redirect, Route, Switch } from 'wouter';
import { ContactsPage } from './features/contacts/ContactsPage';
import { LogInteractionProvider } from './features/interactions/LogInteraction';
import { TodayPage } from './features/nurture/TodayPage';
import { Layout } from './shared/Layout';
import { useSession } from './shared/session';
import { ErrorState, Loading } from './shared/ui';

// Today (the start page), the contact list and the log form come with the first load; other
// pages load when first opened, so the first page downloads and starts less code.
const ContactPage = lazy(() => import('./features/contacts/ContactPage').then((m) => ({ default: m.ContactPage })));
const InteractionPage = lazy(() => import('./features/interactions/InteractionPage').then((m) => ({ default: m.InteractionPage })));
const SearchPage = lazy(() => import('./features/search/SearchPage').then((m) => ({ default: m.SearchPage })));
const TrashPage = lazy(() => import('./features/trash/TrashPage').then((m) => ({ default: m.TrashPage })));
const SettingsPage = lazy(() => import('./features/settings/SettingsPage').then((m) => ({ default: m.SettingsPage })));
const ImportPage = lazy(() => import('./features/exchange/ImportPage').then((m) => ({ default: m.ImportPage })));
const DuplicatesPage = lazy(() => import('./features/exchange/DuplicatesPage').then((m) => ({ default: m.DuplicatesPage })));
const SetupPage = lazy(() => import('./features/session/SetupPage').then((m) => ({ default: m.SetupPage })));
const SignInPage = lazy(() => import('./features/session/SignInPage').then((m) => ({ default: m.SignInPage })));
const ReviewPage = lazy(() => import('./features/reflect/ReviewPage').then((m) => ({ default: m.ReviewPage })));
const InsightsPage = lazy(() => import('./features/reflect/InsightsPage').then((m) => ({ default: m.InsightsPage })));
const GrowthPage = lazy(() => import('./features/growth/GrowthPage').then((m) => ({ default: m.GrowthPage })));

const pageLoading = (
  <main className="centered">
    <Loading />
  </main>
);

/** Setup, sign-in or the app; the URL stays as it was, so signing in again returns to the same page. */
export function App() {
  const session = useSession();
  const { state } = session;
  if (state.status === 'loading') return <main className="centered"><Loading /></main>;
  if (state.status === 'error') return <main className="centered"><ErrorState error={state.error} retry={session.retry} /></main>;
  if (state.status === 'setup') return <Suspense fallback={pageLoading}><SetupPage /></Suspense>;
  if (state.status === 'signedOut') return <Suspense fallback={pageLoading}><SignInPage expired={state.expired} /></Suspense>;
  return (
    <LogInteractionProvider>
      <Layout>
        <Suspense fallback={<div className="page"><Loading /></div>}>
        <Switch>
          <Route path="/today" component={TodayPage} />
          <Route path="/contacts" component={ContactsPage} />
          <Route path="/contacts/:id">{(params) => <ContactPage id={params.id} />}</Route>
          <Route path="/interactions/:id">{(params) => <InteractionPage id={params.id} />}</Route>
          <Route path="/search" component={SearchPage} />
          <Route path="/trash" component={TrashPage} />
          <Route path="/settings" component={SettingsPage} />
          <Route path="/settings/import" component={ImportPage} />
          <Route path="/duplicates" component={DuplicatesPage} />
          <Route path="/review/:weekStart?">{(params) => <ReviewPage weekStart={params.weekStart} />}</Route>
          <Route path="/insights" component={InsightsPage} />
          <Route path="/growth/*?" component={GrowthPage} />
          <Route path="/">
            <Redirect to="/today" replace />
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
        </Suspense>
      </Layout>
    </LogInteractionProvider>
  );
}
