import { useId } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useUser } from '../../shared/session';
import { formatDate } from '../../shared/time';
import { EmptyState, ErrorState, Icon, Loading } from '../../shared/ui';
import { useTags } from '../contacts/api';
import { useSkills } from '../growth/api';
import { GrowthNav } from '../growth/GrowthNav';
import type { Insight } from '../growth/types';
import { useInsights, type InsightFilters } from './api';
import { ContactFilter } from './ContactFilter';
import { ReflectionView } from './ReflectionView';
import './reflect.css';

const KEYS = ['q', 'contactId', 'tag', 'skillId', 'from', 'to', 'type'] as const;

export function insightFiltersFrom(search: string): InsightFilters {
  const p = new URLSearchParams(search);
  const type = p.get('type');
  return {
    q: p.get('q') ?? '',
    contactId: p.get('contactId') ?? '',
    tag: p.get('tag') ?? '',
    skillId: p.get('skillId') ?? '',
    from: p.get('from') ?? '',
    to: p.get('to') ?? '',
    type: type === 'learned' || type === 'reflection' ? type : '',
  };
}

/** The insights journal: every "what I learned" and every reflection, newest first, with filters in the address. */
export function InsightsPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const filters = insightFiltersFrom(search);
  const insights = useInsights(filters);
  const filtered = KEYS.some((k) => filters[k] !== '');

  function update(change: Partial<InsightFilters>) {
    const next = { ...filters, ...change };
    const p = new URLSearchParams();
    for (const key of KEYS) if (next[key]) p.set(key, next[key]);
    const query = p.toString();
    navigate(`/insights${query ? `?${query}` : ''}`, { replace: true });
  }

  const items = insights.data?.pages.flatMap((page) => page.items) ?? [];
  return (
    <div className="page">
      <GrowthNav />
      <h1>Insights</h1>
      <p className="lede">Everything you noted as learned, and every reflection, newest first.</p>
      <Filters filters={filters} update={update} />
      {insights.isPending ? (
        <Loading label="Loading your insights…" />
      ) : insights.isError ? (
        <ErrorState error={insights.error} retry={() => void insights.refetch()} />
      ) : items.length === 0 ? (
        filtered ? (
          <EmptyState title="Nothing matches these filters.">
            <button type="button" className="btn" onClick={() => navigate('/insights', { replace: true })}>
              Clear the filters
            </button>
          </EmptyState>
        ) : (
          <EmptyState title="Your journal is empty so far.">
            <p>What you write under “What I learned” when you log an interaction, and every reflection, gathers here.</p>
          </EmptyState>
        )
      ) : (
        <div aria-busy={insights.isPlaceholderData}>
          <Journal items={items} />
          {insights.hasNextPage && (
            <button type="button" className="btn wide" onClick={() => void insights.fetchNextPage()} disabled={insights.isFetchingNextPage}>
              {insights.isFetchingNextPage ? 'Loading…' : 'Show older'}
            </button>
          )}
        </div>
      )}
    </div>
  );
}

function Filters({ filters, update }: { filters: InsightFilters; update: (change: Partial<InsightFilters>) => void }) {
  const id = useId();
  const tags = useTags();
  const skills = useSkills({ archived: true });
  return (
    <div className="toolbar" role="search" aria-label="Filter insights">
      <div className="toolbar-search">
        <Icon name="search" />
        <label htmlFor={`${id}-q`} className="visually-hidden">
          Search insights
        </label>
        <input id={`${id}-q`} type="search" placeholder="Search what you learned and reflected" value={filters.q} onChange={(e) => update({ q: e.target.value })} />
      </div>
      <div className="toolbar-filters insight-filters">
        <ContactFilter value={filters.contactId} onChange={(contactId) => update({ contactId })} />
        <div className="compact">
          <label htmlFor={`${id}-tag`}>Tag</label>
          <select id={`${id}-tag`} value={filters.tag} onChange={(e) => update({ tag: e.target.value })}>
            <option value="">Any tag</option>
            {(tags.data ?? []).map((t) => (
              <option key={t.tag} value={t.tag}>
                {t.tag}
              </option>
            ))}
          </select>
        </div>
        <div className="compact">
          <label htmlFor={`${id}-skill`}>Skill</label>
          <select id={`${id}-skill`} value={filters.skillId} onChange={(e) => update({ skillId: e.target.value })}>
            <option value="">Any skill</option>
            {(skills.data ?? []).map((s) => (
              <option key={s.id} value={s.id}>
                {s.name}
              </option>
            ))}
          </select>
        </div>
        <div className="compact">
          <label htmlFor={`${id}-type`}>Kind</label>
          <select id={`${id}-type`} value={filters.type} onChange={(e) => update({ type: e.target.value as InsightFilters['type'] })}>
            <option value="">Both</option>
            <option value="learned">What I learned</option>
            <option value="reflection">Reflections</option>
          </select>
        </div>
        <div className="compact">
          <label htmlFor={`${id}-from`}>From</label>
          <input id={`${id}-from`} type="date" value={filters.from} max={filters.to || undefined} onChange={(e) => update({ from: e.target.value })} />
        </div>
        <div className="compact">
          <label htmlFor={`${id}-to`}>To</label>
          <input id={`${id}-to`} type="date" value={filters.to} min={filters.from || undefined} onChange={(e) => update({ to: e.target.value })} />
        </div>
      </div>
    </div>
  );
}

/** Entries grouped by the month they happened in, in the user's time zone. */
function Journal({ items }: { items: Insight[] }) {
  const user = useUser();
  const month = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric', timeZone: user.timeZone });
  const groups: { heading: string; items: Insight[] }[] = [];
  for (const item of items) {
    const heading = month.format(new Date(item.at));
    if (groups.at(-1)?.heading !== heading) groups.push({ heading, items: [] });
    groups.at(-1)!.items.push(item);
  }
  return groups.map((group) => (
    <section key={group.heading} aria-label={group.heading}>
      <h2 className="timeline-heading">{group.heading}</h2>
      <ol className="plain journal">
        {group.items.map((item) => (
          <li key={`${item.type}:${item.id}`} className={`insight ${item.type}`}>
            <div className="timeline-meta">
              <span className={`badge insight-${item.type}`}>{item.type === 'learned' ? 'What I learned' : 'Reflection'}</span>
              <time dateTime={item.at}>{formatDate(item.at, user.timeZone)}</time>
              {item.participants.length > 0 && (
                <span>
                  with{' '}
                  {item.participants.map((p, i) => (
                    <span key={p.id}>
                      {i > 0 && ', '}
                      <Link href={`/contacts/${p.id}`}>{p.displayName}</Link>
                    </span>
                  ))}
                </span>
              )}
            </div>
            <Link href={`/interactions/${item.interactionId}`} className="timeline-summary">
              {item.summary}
            </Link>
            {item.learned && <p className="prose insight-text">{item.learned}</p>}
            {item.reflection && <ReflectionView reflection={item.reflection} />}
          </li>
        ))}
      </ol>
    </section>
  ));
}
