/**
 * Moves focus to the heading of the section around `from`, before `from` disappears,
 * so keyboard and screen-reader users are never dropped back to the top of the page.
 */
export function focusSectionHeading(from: Element): void {
  from.closest('section')?.querySelector<HTMLElement>('h2')?.focus();
}
