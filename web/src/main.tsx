import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, StrictMode, Suspense } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { prefetchContactList } from './features/contacts/api';
import { filtersFrom } from './features/contacts/ContactsPage';
import { prefetchToday } from './features/nurture/api';
import { ApiError } from './shared/api';
import { SessionProvider } from './shared/session';
import { Loading, ToastProvider } from './shared/ui';
import './shared/tokens.css';
import './shared/app.css';

const queryClient = new QueryClient({
  defaultOptions: {
    queries: {
      staleTime: 30_000,
      // A 4xx will not get better by asking again; a dropped connection might.
      retry: (count, error) => count < 2 && !(error instanceof ApiError && error.status >= 400 && error.status < 500),
    },
  },
});

const PublicFeedbackPage = lazy(() => import('./features/feedback/PublicFeedbackPage').then((m) => ({ default: m.PublicFeedbackPage })));

// A feedback link is opened by someone without an account: the page is routed before the session
// gate, so it asks nothing about a session and shows nothing of the app.
const feedbackLink = /^\/feedback\/(.*?)\/?$/.exec(location.pathname);

// Ask for the first page's data alongside the session check, not after it.
if (location.pathname === '/' || location.pathname === '/today') prefetchToday(queryClient);
if (location.pathname === '/contacts') prefetchContactList(queryClient, filtersFrom(location.search));

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    {feedbackLink ? (
      <Suspense fallback={<main className="centered"><Loading /></main>}>
        <PublicFeedbackPage token={feedbackLink[1]!} />
      </Suspense>
    ) : (
      <QueryClientProvider client={queryClient}>
        <ToastProvider>
          <SessionProvider>
            <App />
          </SessionProvider>
        </ToastProvider>
      </QueryClientProvider>
    )}
  </StrictMode>,
);
