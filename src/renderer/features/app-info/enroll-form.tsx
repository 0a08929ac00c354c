/**
 * Enrolls this register with a hub: the hub's address, a code from the hub and the register's name go to
 * `register:enroll`. The process host stores the enrollment and tells the page (`register:enrollment-
 * changed`), which then replicates with it (reloading first when the hub is a new one).
 */
import { useMutation } from '@tanstack/react-query';
import { useId, useState } from 'react';
import type { FormEvent } from 'react';
import type { IpcRequest } from '@till/shared/ipc/contract';
import { unwrapIpc } from '../../lib/ipc-query';
import { useSyncStatus } from '../../app/sync-provider';

/** Sends `register:enroll`; resolves with the stored enrollment or throws its coded error. */
export async function enrollRegister(request: IpcRequest<'register:enroll'>) {
  return unwrapIpc(await window.till.invoke('register:enroll', request));
}

/** The enrollment form. */
export function EnrollForm() {
  const status = useSyncStatus();
  const [hubUrl, setHubUrl] = useState('');
  const [code, setCode] = useState('');
  const [name, setName] = useState('Till');
  const enroll = useMutation({ mutationFn: enrollRegister });
  const ids = { hub: useId(), code: useId(), name: useId() };

  const submit = (event: FormEvent) => {
    event.preventDefault();
    enroll.mutate({ hubUrl, code, name, pendingSales: status?.pending.count ?? 0 });
  };

  return (
    <form className="enroll" aria-label="Enroll this register" onSubmit={submit}>
      <label htmlFor={ids.hub}>Hub address</label>
      <input
        id={ids.hub}
        type="url"
        required
        placeholder="http://hub.local:4000"
        value={hubUrl}
        onChange={(e) => setHubUrl(e.target.value)}
      />
      <label htmlFor={ids.code}>Enrollment code</label>
      <input id={ids.code} required value={code} onChange={(e) => setCode(e.target.value)} />
      <label htmlFor={ids.name}>Register name</label>
      <input id={ids.name} required value={name} onChange={(e) => setName(e.target.value)} />
      <button type="submit" className="button" disabled={enroll.isPending}>
        Enroll
      </button>
      {enroll.isError && (
        <p className="form-error" role="alert" aria-label="Enrollment refused">
          {enroll.error.message}
        </p>
      )}
    </form>
  );
}
