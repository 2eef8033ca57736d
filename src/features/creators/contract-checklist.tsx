import { useState } from 'react';
import { LazyPart } from '../../components/ui/chunk-boundary';
import { LoadingState } from '../../components/ui/states';
import { checkContract, contractProgress, type ContractErrors } from '../../domain/contract';
import type { PlanCreatorLine } from '../../domain/plan';
import { retryableLazy } from '../../lib/retryable-lazy';
import { contractChecklistId } from './creator-labels';

const contractFields = retryableLazy(() => import('./contract-fields'), (m) => m.default);

interface ContractChecklistProps {
  line: PlanCreatorLine;
  /** The plan's flight as typed, or null when there is none to compare the due date with. */
  flight: { start: string; end: string } | null;
  /** Messages of the structured fields; checked here from the line and flight when not given. */
  errors?: ContractErrors | undefined;
}

/**
 * The guide's seven contract terms for one creator, folded away like the posting dates.
 * Opens itself when it is drawn with a field to fix.
 */
export function ContractChecklist({ line, flight, errors }: ContractChecklistProps) {
  const { handle, contract } = line;
  const messages = errors ?? checkContract(contract, flight);
  const { agreed, total } = contractProgress(contract);
  const toFix = Object.keys(messages).length;
  const [open, setOpen] = useState(() => toFix > 0);
  // A field that becomes invalid (the flight moved before the due date, say) is shown, not
  // left in a closed fold.
  const [hadErrors, setHadErrors] = useState(toFix > 0);
  if (hadErrors !== toFix > 0) {
    setHadErrors(toFix > 0);
    if (toFix > 0) setOpen(true);
  }
  return (
    <details id={contractChecklistId(handle)} className="contract" open={open} onToggle={(e) => setOpen(e.currentTarget.open)}>
      <summary>
        Contract checklist ({agreed} of {total} agreed{toFix > 0 && <span className="text-bad">, {toFix} to fix</span>})
      </summary>
      {/* Drawn only while open: a plan of 95 creators would otherwise carry 1,900 hidden fields. Its code loads on first open. */}
      {open && (
        <LazyPart
          what="The contract checklist"
          load={contractFields}
          fallback={<LoadingState label="Loading the checklist…" />}
          props={{ line, flight, messages }}
        />
      )}
    </details>
  );
}
