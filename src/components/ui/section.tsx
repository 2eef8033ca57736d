import type { ReactNode } from 'react';

/**
 * A page section named by its heading, so it is a landmark screen readers can jump to.
 * The heading takes focus (tabIndex -1) when the control that had it goes away.
 */
export function Section({ id, title, intro, step, children }: { id: string; title: string; intro?: ReactNode; step?: number; children: ReactNode }) {
  const headingId = `${id}-heading`;
  return (
    <section className="section" aria-labelledby={headingId} id={id}>
      <header className="section__header">
        <h2 id={headingId} tabIndex={-1}>
          {step !== undefined && <span className="section__step" aria-hidden="true">{step}</span>}
          {title}
        </h2>
        {intro && <p className="section__intro">{intro}</p>}
      </header>
      {children}
    </section>
  );
}
