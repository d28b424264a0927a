import { Link, useLocation } from 'wouter';
import './growth.css';

const SECTIONS = [
  { href: '/growth', label: 'Skills' },
  { href: '/review', label: 'Weekly review' },
  { href: '/insights', label: 'Insights' },
] as const;

/** The growth pages share one place in the main navigation; these tabs move between them. */
export function GrowthNav() {
  const [location] = useLocation();
  return (
    <nav className="growth-nav" aria-label="Growth">
      <ul>
        {SECTIONS.map((s) => (
          <li key={s.href}>
            <Link href={s.href} aria-current={location === s.href || location.startsWith(`${s.href}/`) ? 'page' : undefined}>
              {s.label}
            </Link>
          </li>
        ))}
      </ul>
    </nav>
  );
}
