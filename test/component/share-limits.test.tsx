import { render, screen } from '@testing-library/react';
import { ShareButton } from '../../src/features/share/share-button';
import { buildPlan } from '../utils/builders';

describe('Copy share link, for a plan past a limit', () => {
  test('is refused before a link is made, with the limit it passes', () => {
    render(<ShareButton plan={buildPlan({ totalBudget: '1'.repeat(41) })} />);
    expect(screen.getByRole('button', { name: 'Copy share link' })).toBeDisabled();
    expect(screen.getByRole('status')).toHaveTextContent('This plan can’t be shared as a link: Its total budget is 41 characters long: a number has at most 40.');
  });

  test('is offered for a plan within every limit', () => {
    render(<ShareButton plan={buildPlan()} />);
    expect(screen.getByRole('button', { name: 'Copy share link' })).toBeEnabled();
    expect(screen.getByRole('status')).toHaveTextContent('');
  });
});
