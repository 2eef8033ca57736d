import { useId } from 'react';
import { NumberField, TextField } from '../../components/ui/field';
import {
  CONTRACT_TERM_LABEL,
  CONTRACT_TERMS,
  MAX_CONTRACT_DAYS,
  MAX_CONTRACT_FIELD_LENGTH,
  MAX_CONTRACT_NOTE_LENGTH,
  type ContractErrors,
  type ContractTerm,
} from '../../domain/contract';
import type { PlanCreatorLine } from '../../domain/plan';
import { usePlanActions } from '../../store/plan-store';

interface ContractFieldsProps {
  line: PlanCreatorLine;
  flight: { start: string; end: string } | null;
  messages: ContractErrors;
}

/** The open contract checklist's fields: the seven terms, the day counts and the due date. */
export default function ContractFields({ line, flight, messages }: ContractFieldsProps) {
  const actions = usePlanActions();
  const { handle, contract } = line;
  return (
    <fieldset className="contract__fields">
      <legend className="visually-hidden">@{handle} contract</legend>
      <ul className="contract__terms">
        {CONTRACT_TERMS.map((term) => (
          <TermRow key={term} handle={handle} term={term} agreed={contract.terms[term].agreed} note={contract.terms[term].note} />
        ))}
      </ul>
      <div className="contract__grid">
        <NumberField
          label={`@${handle} usage rights (days)`}
          value={contract.usageRightsDays}
          onValueChange={(v) => actions.setContractField(handle, 'usageRightsDays', v)}
          error={messages.usageRightsDays}
          maxLength={MAX_CONTRACT_FIELD_LENGTH}
          placeholder="Optional"
          hint={`How long the brand may reuse the content, up to ${MAX_CONTRACT_DAYS.toLocaleString('en-US')} days.`}
        />
        <NumberField
          label={`@${handle} exclusivity (days)`}
          value={contract.exclusivityDays}
          onValueChange={(v) => actions.setContractField(handle, 'exclusivityDays', v)}
          error={messages.exclusivityDays}
          maxLength={MAX_CONTRACT_FIELD_LENGTH}
          placeholder="Optional"
          hint="How long the creator works with no competitor."
        />
        <TextField
          label={`@${handle} content due for approval`}
          type="date"
          value={contract.contentDueDate}
          onValueChange={(v) => actions.setContractField(handle, 'contentDueDate', v)}
          error={messages.contentDueDate}
          max={flight?.end || undefined}
        />
      </div>
    </fieldset>
  );
}

/** One term: agreed or not, and a note of what was agreed. The handle is read out, not shown twice. */
function TermRow({ handle, term, agreed, note }: { handle: string; term: ContractTerm; agreed: boolean; note: string }) {
  const actions = usePlanActions();
  const hintId = `${useId()}-hint`;
  const { label, hint } = CONTRACT_TERM_LABEL[term];
  return (
    <li className="contract__term">
      <label className="contract__agreed">
        <input
          type="checkbox"
          checked={agreed}
          aria-describedby={hintId}
          onChange={(e) => actions.setContractTerm(handle, term, { agreed: e.target.checked })}
        />
        {/* Spaces sit outside the hidden spans: some name computations trim each element's text. */}
        <span>
          <span className="visually-hidden">@{handle}:</span> {label} <span className="visually-hidden">agreed</span>
        </span>
      </label>
      <p id={hintId} className="field__hint">
        {hint}
      </p>
      <TextField
        label={
          <>
            <span className="visually-hidden">@{handle}</span> {label} note
          </>
        }
        value={note}
        onValueChange={(v) => actions.setContractTerm(handle, term, { note: v })}
        maxLength={MAX_CONTRACT_NOTE_LENGTH}
        placeholder="Optional"
        autoComplete="off"
      />
    </li>
  );
}
