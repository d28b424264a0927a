import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Link, useSearch } from 'wouter';
import { api, queryString } from '../../shared/api';
import { useUser } from '../../shared/session';
import { formatDate } from '../../shared/time';
import type { SearchResult } from '../../shared/types';
import { EmptyState, ErrorState, Loading } from '../../shared/ui';

function useSearchResults(q: string) {
  return useQuery({
    queryKey: ['search', q],
    queryFn: ({ signal }) => api.get<{ items: SearchResult[] }>(`/search${queryString({ q, limit: 30 })}`, signal),
    enabled: q.length > 0,
    placeholderData: keepPreviousData,
  });
}

/** Results of the top bar's search box: contacts and interactions in one ranked list. */
export function SearchPage() {
  const q = (new URLSearchParams(useSearch()).get('q') ?? '').trim();
  const results = useSearchResults(q);
  const user = useUser();
  return (
    <div className="page">
      <h1>{q ? <>Results for “{q}”</> : 'Search'}</h1>
      {!q ? (
        <EmptyState title="Type in the search box above.">
          <p>It searches names, companies, notes, and everything you logged. Press <kbd>/</kbd> to jump there.</p>
        </EmptyState>
      ) : results.isPending ? (
        <Loading label="Searching…" />
      ) : results.isError ? (
        <ErrorState error={results.error} retry={() => void results.refetch()} />
      ) : results.data.items.length === 0 ? (
        <EmptyState title="Nothing found.">
          <p>Try fewer or shorter words: the last word also matches the start of longer ones.</p>
        </EmptyState>
      ) : (
        <ol className="results plain" aria-busy={results.isPlaceholderData}>
          {results.data.items.map((r) => (
            <li key={`${r.type}:${r.id}`} className="result card">
              <div className="result-head">
                <span className={`badge ${r.type}`}>{r.type === 'contact' ? 'Contact' : 'Interaction'}</span>
                <Link href={r.type === 'contact' ? `/contacts/${r.id}` : `/interactions/${r.id}`} className="result-title">
                  {r.title}
                </Link>
              </div>
              <p className="muted small">
                {r.occurredAt && <>{formatDate(r.occurredAt, user.timeZone)} · </>}
                {r.subtitle}
              </p>
              <Snippet parts={r.snippet} />
            </li>
          ))}
        </ol>
      )}
    </div>
  );
}

/** The server marks matches as parts; they are rendered as text, never as HTML. */
function Snippet({ parts }: { parts: SearchResult['snippet'] }) {
  if (parts.length === 0) return null;
  return <p className="snippet">{parts.map((part, i) => (part.highlight ? <mark key={i}>{part.text}</mark> : <span key={i}>{part.text}</span>))}</p>;
}
