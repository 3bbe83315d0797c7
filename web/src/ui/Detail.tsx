import type { ReactNode } from 'react';

/** Renders one label and value of a card's details inside a dl. */
export function Detail({ label, children, className }: { label: string; children: ReactNode; className?: string }) {
  return (
    <div className={className ? `detail ${className}` : 'detail'}>
      <dt>{label}</dt>
      <dd>{children}</dd>
    </div>
  );
}
