import { useQueryClient } from '@tanstack/react-query';
import { memo, useCallback, useEffect, useId, useRef, useState, type Dispatch, type SetStateAction } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { formatRelative } from '../../shared/time';
import { CIRCLES, type Contact, type ContactSort } from '../../shared/types';
import { EmptyState, ErrorState, Icon, isTyping, Loading } from '../../shared/ui';
import { useLogInteractionDialog } from '../interactions/LogInteraction';
import { StartingPoints } from '../seed/StartingPoints';
import { prefetchContactList, useContactList, useDimensions, useTags, type ContactFilters } from './api';
import { BulkBar } from './BulkBar';
import { titleCase, SORT_LABELS, SORT_OPTIONS } from './model';
import { NewContactDialog } from './NewContactDialog';

/** Set once per page load: how long the contact list took to become usable (bench/web.ts reads it). */
let readyMarked = false;

export function filtersFrom(search: string): ContactFilters {
  const p = new URLSearchParams(search);
  const sort = p.get('sort') ?? 'name';
  return {
    q: p.get('q') ?? '',
    tag: p.get('tag') ?? '',
    circle: p.get('circle') ?? '',
    dimension: p.get('dimension') ?? '',
    sort: (SORT_OPTIONS.includes(sort as ContactSort) ? sort : 'name') as ContactSort,
  };
}

export function ContactsPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = filtersFrom(search);
  const list = useContactList(filters);
  const client = useQueryClient();
  const [selected, setSelected] = useState<Set<string>>(new Set());
  const [creating, setCreating] = useState(false);
  const logInteraction = useLogInteractionDialog();
  const filtered = Boolean(filters.q || filters.tag || filters.circle || filters.dimension);

  function update(change: Partial<ContactFilters>) {
    const next = { ...filters, ...change };
    const p = new URLSearchParams();
    for (const [key, value] of Object.entries(next)) if (value && !(key === 'sort' && value === 'name')) p.set(key, value);
    const query = p.toString();
    navigate(`/contacts${query ? `?${query}` : ''}`, { replace: true });
    setSelected((current) => (current.size > 0 ? new Set() : current));
  }

  const items = list.data?.pages.flatMap((page) => page.items) ?? [];
  // Results for the text now in the box (not the previous keystroke's, still shown while loading).
  const fresh = list.isSuccess && !list.isPlaceholderData;

  useEffect(() => {
    if (!fresh) return;
    if (!readyMarked) {
      readyMarked = true;
      performance.mark('rapport:contacts-ready');
    }
    const start = `rapport:contacts-search:${filters.q}`;
    if (performance.getEntriesByName(start, 'mark').length > 0) {
      performance.measure('rapport:contacts-search', { start, detail: filters.q });
      performance.clearMarks(start);
    }
  }, [fresh, filters.q, list.data]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === 'n' && !event.ctrlKey && !event.metaKey && !event.altKey && !isTyping(event) && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        setCreating(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <div className="page wide-page">
      <div className="page-head">
        <h1>Contacts</h1>
        <div className="button-row">
          <Link href="/duplicates" className="btn ghost">Find duplicates</Link>
          <button type="button" className="btn" onClick={() => setCreating(true)} aria-keyshortcuts="n">
            <Icon name="plus" /> New contact
          </button>
        </div>
      </div>
      <Toolbar
        facets={list.isSuccess}
        filters={filters}
        onChange={update}
        onType={(q) => {
          performance.mark(`rapport:contacts-search:${q}`);
          // Ask the server at once; the page then redraws while the answer is on its way.
          prefetchContactList(client, { ...filters, q });
          update({ q });
        }}
      />
      {selected.size > 0 && <BulkBar ids={[...selected]} onDone={() => setSelected(new Set())} />}
      {list.isPending ? (
        <Loading label="Loading contacts…" />
      ) : list.isError ? (
        <ErrorState error={list.error} retry={() => void list.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState title="No contacts match.">
            <button type="button" className="btn" onClick={() => update({ q: '', tag: '', circle: '', dimension: '' })}>
              Clear filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState title="No contacts yet.">
            <p>Add the people you want to keep in touch with, or log a conversation and add them as you go.</p>
            <div className="button-row">
              <button type="button" className="btn primary" onClick={() => setCreating(true)}>
                Add a contact
              </button>
              <button type="button" className="btn" onClick={() => logInteraction()}>
                Log an interaction
              </button>
            </div>
            <StartingPoints />
          </EmptyState>
        )
      ) : (
        <ContactList
          items={items}
          selected={selected}
          onSelect={setSelected}
          hasMore={Boolean(list.hasNextPage)}
          loadingMore={list.isFetchingNextPage}
          loadMore={() => void list.fetchNextPage()}
          updating={list.isPlaceholderData}
        />
      )}
      <NewContactDialog open={creating} onClose={() => setCreating(false)} />
    </div>
  );
}

function Toolbar({ facets, filters, onChange, onType }: { facets: boolean; filters: ContactFilters; onChange: (c: Partial<ContactFilters>) => void; onType: (q: string) => void }) {
  // The filter menus wait for the list: it is what the user came for.
  const tags = useTags({ enabled: facets });
  const dimensions = useDimensions({ enabled: facets });
  const id = useId();
  return (
    <div className="toolbar" role="group" aria-label="Find contacts">
      <div className="toolbar-search">
        <label htmlFor={`${id}-q`} className="visually-hidden">
          Filter contacts by text
        </label>
        <Icon name="search" />
        <input id={`${id}-q`} type="search" placeholder="Filter by name, company, notes…" value={filters.q} onChange={(e) => onType(e.target.value)} autoComplete="off" />
      </div>
      <div className="toolbar-filters">
        <div className="compact">
          <label htmlFor={`${id}-tag`}>Tag</label>
          <select id={`${id}-tag`} value={filters.tag} onChange={(e) => onChange({ tag: e.target.value })}>
            <option value="">Any</option>
            {(tags.data ?? []).map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag} ({t.count})
              </option>
            ))}
            {filters.tag && !tags.data?.some((t) => t.tag === filters.tag) && <option value={filters.tag}>{filters.tag}</option>}
          </select>
        </div>
        <div className="compact">
          <label htmlFor={`${id}-circle`}>Circle</label>
          <select id={`${id}-circle`} value={filters.circle} onChange={(e) => onChange({ circle: e.target.value })}>
            <option value="">Any</option>
            {CIRCLES.map((c) => (
              <option key={c} value={c}>
                {titleCase(c)}
              </option>
            ))}
          </select>
        </div>
        <div className="compact">
          <label htmlFor={`${id}-dimension`}>Dimension</label>
          <select id={`${id}-dimension`} value={filters.dimension} onChange={(e) => onChange({ dimension: e.target.value })}>
            <option value="">Any</option>
            {(dimensions.data ?? [])
              .filter((d) => d.values.length > 0)
              .map((d) => (
                <optgroup key={d.name} label={titleCase(d.name)}>
                  {d.values.map((v) => (
                    <option key={v.value} value={`${d.name}:${v.value}`}>
                      {v.value} ({v.count})
                    </option>
                  ))}
                </optgroup>
              ))}
          </select>
        </div>
        <div className="compact">
          <label htmlFor={`${id}-sort`}>Sort</label>
          <select id={`${id}-sort`} value={filters.sort} onChange={(e) => onChange({ sort: e.target.value as ContactSort })}>
            {SORT_OPTIONS.map((s) => (
              <option key={s} value={s}>
                {SORT_LABELS[s]}
              </option>
            ))}
          </select>
        </div>
      </div>
    </div>
  );
}

/**
 * A page at a time (cursor pagination): the next page loads when the end of the list scrolls into
 * view, or with the button for keyboard users. Off-screen rows skip layout and paint
 * (content-visibility), so thousands of loaded rows stay smooth.
 */
function ContactList({ items, selected, onSelect, hasMore, loadingMore, loadMore, updating }: {
  items: Contact[];
  selected: Set<string>;
  onSelect: Dispatch<SetStateAction<Set<string>>>;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
  updating: boolean;
}) {
  const sentinel = useRef<HTMLButtonElement>(null);
  // One "now" per minute, so rows that did not change are not drawn again on every keystroke.
  const now = useMinute();
  const allSelected = items.length > 0 && items.every((c) => selected.has(c.id));

  useEffect(() => {
    const el = sentinel.current;
    if (!el || !hasMore) return;
    const observer = new IntersectionObserver((entries) => {
      if (entries.some((e) => e.isIntersecting) && !loadingMore) loadMore();
    }, { rootMargin: '600px' });
    observer.observe(el);
    return () => observer.disconnect();
  }, [hasMore, loadingMore, loadMore]);

  const toggle = useCallback(
    (id: string, on: boolean) =>
      onSelect((previous) => {
        const next = new Set(previous);
        if (on) next.add(id);
        else next.delete(id);
        return next;
      }),
    [onSelect],
  );

  return (
    <div className={`contact-list${updating ? ' updating' : ''}`} aria-busy={updating}>
      <div className="list-head">
        <label className="check">
          <input type="checkbox" checked={allSelected} onChange={(e) => onSelect(e.target.checked ? new Set(items.map((c) => c.id)) : new Set())} />
          Select all {items.length} shown
        </label>
      </div>
      <ul className="rows" aria-label="Contacts">
        {items.map((c) => (
          <ContactRow key={c.id} contact={c} selected={selected.has(c.id)} onToggle={toggle} now={now} />
        ))}
      </ul>
      {hasMore && (
        <button ref={sentinel} type="button" className="btn ghost load-more" onClick={loadMore} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : 'Load more'}
        </button>
      )}
      <p className="visually-hidden" role="status">
        {items.length} contacts shown{hasMore ? ', more below' : ''}.
      </p>
    </div>
  );
}

/** One row; memoised, so typing in the filter box redraws only rows whose contact changed. */
const ContactRow = memo(function ContactRow({ contact: c, selected, onToggle, now }: { contact: Contact; selected: boolean; onToggle: (id: string, on: boolean) => void; now: Date }) {
  return (
    <li className={`contact-row${selected ? ' selected' : ''}`}>
      <input type="checkbox" aria-label={`Select ${c.displayName}`} checked={selected} onChange={(e) => onToggle(c.id, e.target.checked)} />
      <div className="contact-main">
        <Link href={`/contacts/${c.id}`} className="contact-name">
          {c.displayName}
        </Link>
        <span className="muted">{[c.title, c.company].filter(Boolean).join(' at ')}</span>
      </div>
      <div className="contact-meta">
        {c.circle && <span className={`badge circle-${c.circle}`}>{titleCase(c.circle)}</span>}
        {c.tags.slice(0, 3).map((t) => (
          <span key={t} className="tag">
            {t}
          </span>
        ))}
      </div>
      <span className="contact-last muted">{c.lastInteractionAt ? formatRelative(c.lastInteractionAt, now) : 'No interactions yet'}</span>
    </li>
  );
});

function useMinute(): Date {
  const [now, setNow] = useState(() => new Date());
  useEffect(() => {
    const timer = setInterval(() => setNow(new Date()), 60_000);
    return () => clearInterval(timer);
  }, []);
  return now;
}
