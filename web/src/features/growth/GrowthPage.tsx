import { useState, type FormEvent } from 'react';
import { Link, Route, Switch, useLocation, useSearch } from 'wouter';
import { ApiError } from '../../shared/api';
import { EmptyState, ErrorState, Field, FormError, Loading, useToast } from '../../shared/ui';
import { useCreateSkill, useSkills } from './api';
import { FeedbackRequestPage } from './FeedbackRequestPage';
import { FeedbackRequests } from './FeedbackRequests';
import { scoreLabel, skillsWith, VERDICT_LABELS } from './gap';
import { GrowthNav } from './GrowthNav';
import { SkillPage } from './SkillPage';
import type { Skill } from './types';
import './growth.css';

/** Everything under /growth: the overview, a skill, a feedback request. */
export function GrowthPage() {
  return (
    <Switch>
      <Route path="/growth">
        <GrowthHome />
      </Route>
      <Route path="/growth/skills/:id">{(params) => <SkillPage id={params.id} />}</Route>
      <Route path="/growth/feedback/:id">{(params) => <FeedbackRequestPage id={params.id} />}</Route>
      <Route>
        <div className="page">
          <h1>Page not found</h1>
          <p>
            There is nothing at this address. <Link href="/growth">Go to Growth</Link>.
          </p>
        </div>
      </Route>
    </Switch>
  );
}

function GrowthHome() {
  const [showArchived, setShowArchived] = useState(false);
  const skills = useSkills({ archived: showArchived });
  const ask = new URLSearchParams(useSearch()).get('ask');
  const [, navigate] = useLocation();
  return (
    <div className="page">
      <GrowthNav />
      <h1>Growth</h1>
      <p className="lede">Your networking skills: how you rate yourself, how others see you, and what you do about it.</p>
      {skills.isPending ? (
        <Loading label="Loading your skills…" />
      ) : skills.isError ? (
        <ErrorState error={skills.error} retry={() => void skills.refetch()} />
      ) : (
        <>
          <Gaps skills={skills.data} />
          <section className="card" aria-labelledby="skills">
            <div className="section-head">
              <h2 id="skills">Skills</h2>
              <label className="check small">
                <input type="checkbox" checked={showArchived} onChange={(e) => setShowArchived(e.target.checked)} /> Show archived
              </label>
            </div>
            <SkillList skills={skills.data} />
            <NewSkill />
          </section>
        </>
      )}
      <FeedbackRequests ask={ask} onAskDone={() => ask !== null && navigate('/growth', { replace: true })} />
    </div>
  );
}

/** Blind spots and hidden strengths: where your view of yourself and others' differ by a point or more. */
function Gaps({ skills }: { skills: Skill[] }) {
  const active = skills.filter((s) => !s.archived);
  const blind = skillsWith(active, 'blind_spot');
  const hidden = skillsWith(active, 'hidden_strength');
  const list = (items: Skill[]) => (
    <ul className="plain gap-list">
      {items.map((s) => (
        <li key={s.id}>
          <Link href={`/growth/skills/${s.id}`}>{s.name}</Link> <span className="muted small">you {s.gap.self}, others {s.gap.others}</span>
        </li>
      ))}
    </ul>
  );
  return (
    <section className="card" aria-labelledby="gaps">
      <h2 id="gaps">Blind spots and hidden strengths</h2>
      {blind.length + hidden.length === 0 ? (
        <p className="muted">
          {active.some((s) => s.gap.verdict === 'aligned')
            ? 'Where others have rated you, they see you much as you see yourself.'
            : 'Once two people have rated a skill you rated yourself, Rapport shows here where their view differs from yours.'}
        </p>
      ) : (
        <div className="row">
          <div>
            <h3>Blind spots</h3>
            <p className="muted small">You rate yourself higher than others do.</p>
            {blind.length > 0 ? list(blind) : <p className="small">None.</p>}
          </div>
          <div>
            <h3>Hidden strengths</h3>
            <p className="muted small">Others rate you higher than you do.</p>
            {hidden.length > 0 ? list(hidden) : <p className="small">None.</p>}
          </div>
        </div>
      )}
    </section>
  );
}

function SkillList({ skills }: { skills: Skill[] }) {
  if (skills.length === 0) return <EmptyState title="No skills yet." />;
  return (
    <ul className="plain skill-list" aria-label="Skills">
      {skills.map((s) => {
        const verdict = VERDICT_LABELS[s.gap.verdict];
        return (
          <li key={s.id} className="skill-row">
            <div className="skill-main">
              <Link href={`/growth/skills/${s.id}`} className="skill-name">
                {s.name}
              </Link>
              {s.archived && <span className="badge">Archived</span>}
              {verdict && <span className={`badge verdict ${s.gap.verdict}`}>{verdict}</span>}
            </div>
            <dl className="skill-scores">
              <div>
                <dt>You</dt>
                <dd>{s.gap.self === null ? 'Not rated' : scoreLabel(s.gap.self)}</dd>
              </div>
              <div>
                <dt>Others</dt>
                <dd>{s.gap.others === null ? 'No ratings yet' : `${scoreLabel(s.gap.others)} (${s.gap.othersCount === 1 ? '1 rating' : `${s.gap.othersCount} ratings`})`}</dd>
              </div>
            </dl>
          </li>
        );
      })}
    </ul>
  );
}

function NewSkill() {
  const [name, setName] = useState('');
  const [description, setDescription] = useState('');
  const [error, setError] = useState<ApiError | null>(null);
  const create = useCreateSkill();
  const toast = useToast();

  async function submit(event: FormEvent) {
    event.preventDefault();
    setError(null);
    try {
      const skill = await create.mutateAsync({ name, description: description.trim() === '' ? null : description });
      setName('');
      setDescription('');
      toast({ message: `Added ${skill.name}.` });
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    }
  }

  return (
    <form className="form new-skill" onSubmit={submit} noValidate>
      <h3>Add a skill of your own</h3>
      <FormError error={error} />
      <div className="row">
        <Field label="Skill" error={error?.field('name')}>
          {(p) => <input {...p} value={name} maxLength={80} placeholder="Remembering names" onChange={(e) => setName(e.target.value)} />}
        </Field>
        <Field label="What it means to you" error={error?.field('description')}>
          {(p) => <input {...p} value={description} maxLength={500} onChange={(e) => setDescription(e.target.value)} />}
        </Field>
      </div>
      <div className="form-actions">
        <button type="submit" className="btn" disabled={create.isPending}>
          Add skill
        </button>
      </div>
    </form>
  );
}
