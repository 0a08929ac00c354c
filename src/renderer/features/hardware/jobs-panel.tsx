/**
 * The Hardware screen's print spool: each job with its state and what happened to it in words; a held job
 * can be reprinted or discarded, and "Resume held jobs" tries every held job again (after loading paper).
 */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { PrintJob } from '@till/shared/devices/records';
import { jobStateWords } from './hardware-words';
import { actOnJobs, hardwareKeys } from './queries';

/** The spool's jobs and what can be done with them. */
export function JobsPanel({ jobs }: { jobs: readonly PrintJob[] }) {
  const queryClient = useQueryClient();
  const act = useMutation({
    mutationFn: actOnJobs,
    onSettled: () => queryClient.invalidateQueries({ queryKey: hardwareKeys.all }),
  });
  const held = jobs.some((job) => job.state === 'held');
  return (
    <section className="panel hardware-panel" aria-labelledby="hardware-jobs-title">
      <div className="hardware-panel-head">
        <h3 id="hardware-jobs-title">Print jobs</h3>
        <button
          type="button"
          className="button"
          disabled={!held || act.isPending}
          onClick={() => act.mutate({ action: 'resume' })}
        >
          Resume held jobs
        </button>
      </div>
      {act.isError && <p role="alert">{act.error.message}</p>}
      {jobs.length === 0 ? (
        <p>No print jobs.</p>
      ) : (
        <ul className="hardware-jobs" aria-label="Print jobs">
          {jobs.map((job) => (
            <li key={job.id} className="hardware-job" aria-label={job.title}>
              <div>
                <strong>{job.title}</strong> · {jobStateWords[job.state]}
                <div className="muted">{job.message}</div>
              </div>
              <div className="hardware-actions">
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Reprint ${job.title}`}
                  disabled={act.isPending || job.state === 'sending'}
                  onClick={() => act.mutate({ action: 'reprint', id: job.id })}
                >
                  Reprint
                </button>
                <button
                  type="button"
                  className="button button-quiet"
                  aria-label={`Discard ${job.title}`}
                  disabled={act.isPending || job.state === 'done' || job.state === 'sending'}
                  onClick={() => act.mutate({ action: 'discard', id: job.id })}
                >
                  Discard
                </button>
              </div>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
