import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { Link } from 'wouter';
import { ApiError } from '../../shared/api';
import { useToast } from '../../shared/ui';
import { addDemoNetwork, demoAddedMessage, DEMO_DESCRIPTION } from './demo';
import './seed.css';

/** For an account without contacts: bring them in from a file, or explore with the demo network. */
export function StartingPoints() {
  const client = useQueryClient();
  const toast = useToast();
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<ApiError | null>(null);

  async function addDemo() {
    setPending(true);
    setError(null);
    try {
      toast({ message: demoAddedMessage(await addDemoNetwork()) });
      await client.invalidateQueries();
    } catch (e) {
      setError(e instanceof ApiError ? e : new ApiError(0, 'UNKNOWN', String(e)));
    } finally {
      setPending(false);
    }
  }

  return (
    <div className="starting-points">
      <p>
        Or bring your network in: <Link href="/settings/import">import contacts</Link> from LinkedIn, Google, Outlook or a vCard file.
      </p>
      <p className="muted">Just looking around? {DEMO_DESCRIPTION}</p>
      <button type="button" className="btn" onClick={() => void addDemo()} disabled={pending}>
        {pending ? 'Adding the demo network…' : 'Add the demo network'}
      </button>
      {pending && <p role="status" className="muted small">This takes a few seconds.</p>}
      {error && (
        <p className="form-error" role="alert">
          {error.message}
          {error.code === 'ACCOUNT_NOT_EMPTY' && (
            <>
              {' '}
              Contacts in the <Link href="/trash">trash</Link> count too.
            </>
          )}
        </p>
      )}
    </div>
  );
}
