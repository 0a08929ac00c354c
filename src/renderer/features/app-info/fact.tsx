/**
 * One labelled fact of a `<dl className="facts">`: a group named by its term, so tests and screen readers
 * find a value by role and name (`getByRole('group', { name: 'Connection' }).getByRole('definition')`).
 */
import { useId } from 'react';
import type { ReactNode } from 'react';

/** A `<dt>`/`<dd>` pair in a group labelled by the `<dt>`. */
export function Fact({ label, children }: { label: string; children: ReactNode }) {
  const id = useId();
  return (
    <div className="fact" role="group" aria-labelledby={id}>
      <dt id={id}>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
