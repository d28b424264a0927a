import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import { useLogInteractionDialog } from '../features/interactions/LogInteraction';
import { useSession } from './session';
import { Dialog, Icon, isTyping } from './ui';

const NAV: readonly { href: string; label: string; icon: Parameters<typeof Icon>[0]['name']; also?: readonly string[] }[] = [
  { href: '/today', label: 'Today', icon: 'today' },
  { href: '/contacts', label: 'Contacts', icon: 'people' },
  // One tab for the growth pages keeps the phone's tab bar roomy; they link to each other.
  { href: '/growth', label: 'Growth', icon: 'growth', also: ['/review', '/insights'] },
  { href: '/trash', label: 'Trash', icon: 'trash' },
  { href: '/settings', label: 'Settings', icon: 'settings' },
];

/** The frame of every signed-in page: brand, search, the Log button, and navigation (a tab bar on phones). */
export function Layout({ children }: { children: ReactNode }) {
  const [location] = useLocation();
  const session = useSession();
  const logInteraction = useLogInteractionDialog();
  const previous = useRef(location);
  useEffect(() => {
    if (previous.current === location) return;
    previous.current = location;
    // A new page starts at the top, and a screen reader starts reading it there; typing in the
    // search box (which changes the page) keeps its focus.
    window.scrollTo(0, 0);
    if (!document.activeElement?.closest('.topbar, dialog')) document.getElementById('main')?.focus({ preventScroll: true });
  }, [location]);
  return (
    <div className="shell">
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="topbar">
        <Link href="/today" className="brand" aria-label="Rapport, go to Today">
          <svg viewBox="0 0 32 32" aria-hidden="true" className="brand-mark">
            <circle cx="12" cy="14" r="6" />
            <circle cx="21" cy="18" r="6" opacity=".7" />
          </svg>
          <span>Rapport</span>
        </Link>
        <GlobalSearch />
        <button type="button" className="btn primary log-button" onClick={() => logInteraction()} aria-keyshortcuts="l" title="Log an interaction (l)">
          <Icon name="plus" />
          <span>Log interaction</span>
        </button>
        <nav className="nav" aria-label="Main">
          <ul>
            {NAV.map((item) => {
              const current = [item.href, ...(item.also ?? [])].some((href) => location === href || location.startsWith(`${href}/`));
              return (
                <li key={item.href}>
                  <Link href={item.href} aria-current={current ? 'page' : undefined} className="nav-link">
                    <Icon name={item.icon} />
                    <span>{item.label}</span>
                  </Link>
                </li>
              );
            })}
          </ul>
        </nav>
        <button type="button" className="btn ghost sign-out" onClick={() => void session.signOut()}>
          Sign out
        </button>
      </header>
      <main id="main" tabIndex={-1}>
        {children}
      </main>
      <ShortcutsHelp />
    </div>
  );
}

const SHORTCUTS: [string, string][] = [
  ['l', 'Log an interaction'],
  ['/ or Ctrl+K', 'Search'],
  ['n', 'New contact (on the contact list)'],
  ['Ctrl+Enter', 'Save the open form'],
  ['Esc', 'Close a dialog, cancel an edit'],
  ['?', 'This list'],
];

/** `?` lists the keyboard shortcuts. */
function ShortcutsHelp() {
  const [open, setOpen] = useState(false);
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.key === '?' && !isTyping(event) && !document.querySelector('dialog[open]')) {
        event.preventDefault();
        setOpen(true);
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  return (
    <Dialog open={open} onClose={() => setOpen(false)} title="Keyboard shortcuts">
      <dl className="shortcuts">
        {SHORTCUTS.map(([keys, what]) => (
          <div key={keys}>
            <dt>
              <kbd>{keys}</kbd>
            </dt>
            <dd>{what}</dd>
          </div>
        ))}
      </dl>
    </Dialog>
  );
}

/** The search box in the top bar: results appear on /search as you type; `/` or Ctrl+K jumps here. */
function GlobalSearch() {
  const [location, navigate] = useLocation();
  const search = useSearch();
  const onSearchPage = location === '/search';
  const urlQuery = onSearchPage ? (new URLSearchParams(search).get('q') ?? '') : '';
  const [text, setText] = useState(urlQuery);
  const input = useRef<HTMLInputElement>(null);
  const [lastUrlQuery, setLastUrlQuery] = useState(urlQuery);
  if (urlQuery !== lastUrlQuery) {
    // Follow the address when it changes from outside (back button, leaving the page).
    setLastUrlQuery(urlQuery);
    if (urlQuery !== text.trim()) setText(urlQuery);
  }

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const chord = event.key.toLowerCase() === 'k' && (event.ctrlKey || event.metaKey);
      if (chord || (event.key === '/' && !isTyping(event) && !document.querySelector('dialog[open]'))) {
        event.preventDefault();
        input.current?.focus();
        input.current?.select();
      }
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  return (
    <form className="global-search" role="search" onSubmit={(e) => e.preventDefault()}>
      <label htmlFor="global-search" className="visually-hidden">
        Search contacts and interactions
      </label>
      <Icon name="search" />
      <input
        ref={input}
        id="global-search"
        type="search"
        placeholder="Search everything"
        aria-keyshortcuts="/ Control+K"
        autoComplete="off"
        value={text}
        onChange={(e) => {
          setText(e.target.value);
          navigate(`/search?q=${encodeURIComponent(e.target.value)}`, { replace: onSearchPage });
        }}
        onKeyDown={(e) => {
          if (e.key === 'ArrowDown') {
            // From the box straight into the results.
            const first = document.querySelector<HTMLElement>('.results a');
            if (first) {
              e.preventDefault();
              first.focus();
            }
          } else if (e.key === 'Escape') {
            setText('');
            e.currentTarget.blur();
          }
        }}
      />
      <kbd className="search-kbd" aria-hidden="true">/</kbd>
    </form>
  );
}
