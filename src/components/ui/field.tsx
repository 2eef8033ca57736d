import { useId, useState, type InputHTMLAttributes, type ReactNode, type SelectHTMLAttributes } from 'react';

interface FieldShellProps {
  label: ReactNode;
  error?: string | undefined;
  warning?: string | undefined;
  hint?: ReactNode;
  className?: string | undefined;
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby': string | undefined }) => ReactNode;
}

/** A labelled control with its hint, warning or error right beside it. */
export function FieldShell({ label, error, warning, hint, className, children }: FieldShellProps) {
  const id = useId();
  const hintId = `${id}-hint`;
  const messageId = `${id}-message`;
  const describedBy = [hint ? hintId : null, error || warning ? messageId : null].filter(Boolean).join(' ') || undefined;
  return (
    <div className={`field ${error ? 'field--error' : ''} ${className ?? ''}`}>
      <label htmlFor={id} className="field__label">
        {label}
      </label>
      {children({ id, 'aria-invalid': Boolean(error), 'aria-describedby': describedBy })}
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error ? (
        <p id={messageId} className="field__error" role="alert">
          {error}
        </p>
      ) : warning ? (
        <p id={messageId} className="field__warning">
          {warning}
        </p>
      ) : null}
    </div>
  );
}

type InputProps = Omit<InputHTMLAttributes<HTMLInputElement>, 'onChange' | 'value' | 'id'> & {
  label: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  error?: string | undefined;
  warning?: string | undefined;
  hint?: ReactNode;
  prefix?: string | undefined;
  fieldClassName?: string | undefined;
};

export function TextField({ label, value, onValueChange, error, warning, hint, prefix, fieldClassName, onBlur, ...rest }: InputProps) {
  // An empty field is not scolded before the user has been there.
  const [visited, setVisited] = useState(false);
  const shownError = value.trim() === '' && !visited ? undefined : error;
  return (
    <FieldShell label={label} error={shownError} warning={warning} hint={hint} className={fieldClassName}>
      {(control) => (
        <div className={`input ${prefix ? 'input--prefixed' : ''}`}>
          {prefix && (
            <span className="input__prefix" aria-hidden="true">
              {prefix}
            </span>
          )}
          <input
            {...rest}
            {...control}
            value={value}
            onChange={(e) => onValueChange(e.target.value)}
            onBlur={(e) => {
              setVisited(true);
              onBlur?.(e);
            }}
          />
        </div>
      )}
    </FieldShell>
  );
}

/** A money or count input: text with a numeric keyboard, so whatever is typed is kept and explained. */
export function NumberField(props: InputProps) {
  return <TextField inputMode="decimal" autoComplete="off" spellCheck={false} {...props} />;
}

type SelectProps = Omit<SelectHTMLAttributes<HTMLSelectElement>, 'onChange' | 'value' | 'id'> & {
  label: ReactNode;
  value: string;
  onValueChange: (value: string) => void;
  options: readonly { value: string; label: string }[];
  error?: string | undefined;
  warning?: string | undefined;
  hint?: ReactNode;
};

export function SelectField({ label, value, onValueChange, options, error, warning, hint, ...rest }: SelectProps) {
  return (
    <FieldShell label={label} error={error} warning={warning} hint={hint}>
      {(control) => (
        <select {...rest} {...control} value={value} onChange={(e) => onValueChange(e.target.value)}>
          {options.map((o) => (
            <option key={o.value} value={o.value}>
              {o.label}
            </option>
          ))}
        </select>
      )}
    </FieldShell>
  );
}

interface ChoiceGroupProps<T extends string> {
  legend: ReactNode;
  options: readonly { value: T; label: string }[];
  error?: string | undefined;
  hint?: ReactNode;
  className?: string | undefined;
}

/**
 * A fieldset of native checkboxes or radios, named by its legend; its hint and error are
 * the group's description, so they are read when focus enters the group.
 */
function ChoiceGroup<T extends string>({
  legend,
  options,
  error,
  hint,
  className,
  type,
  isChecked,
  onToggle,
}: ChoiceGroupProps<T> & { type: 'checkbox' | 'radio'; isChecked: (value: T) => boolean; onToggle: (value: T, checked: boolean) => void }) {
  const id = useId();
  const hintId = `${id}-hint`;
  const messageId = `${id}-message`;
  const describedBy = [hint ? hintId : null, error ? messageId : null].filter(Boolean).join(' ') || undefined;
  return (
    <fieldset className={`field choice-group ${error ? 'field--error' : ''} ${className ?? ''}`} aria-describedby={describedBy}>
      <legend className="field__label">{legend}</legend>
      <div className="choice-group__options">
        {options.map((o) => (
          <label key={o.value} className="choice">
            <input
              type={type}
              name={type === 'radio' ? id : undefined}
              value={o.value}
              checked={isChecked(o.value)}
              onChange={(e) => onToggle(o.value, e.target.checked)}
            />
            <span>{o.label}</span>
          </label>
        ))}
      </div>
      {hint && (
        <p id={hintId} className="field__hint">
          {hint}
        </p>
      )}
      {error && (
        <p id={messageId} className="field__error" role="alert">
          {error}
        </p>
      )}
    </fieldset>
  );
}

/** Checkboxes for choosing any number of options; the value keeps the options' order. */
export function CheckboxGroup<T extends string>({
  value,
  onValueChange,
  ...props
}: ChoiceGroupProps<T> & { value: readonly T[]; onValueChange: (value: T[]) => void }) {
  return (
    <ChoiceGroup
      {...props}
      type="checkbox"
      isChecked={(v) => value.includes(v)}
      onToggle={(v, checked) =>
        onValueChange(props.options.map((o) => o.value).filter((o) => (o === v ? checked : value.includes(o))))
      }
    />
  );
}

/** Radios for choosing one option: arrow keys move the choice, as in any native radio group. */
export function RadioGroup<T extends string>({
  value,
  onValueChange,
  ...props
}: ChoiceGroupProps<T> & { value: T; onValueChange: (value: T) => void }) {
  return (
    <ChoiceGroup
      {...props}
      type="radio"
      isChecked={(v) => v === value}
      onToggle={(v, checked) => {
        if (checked) onValueChange(v);
      }}
    />
  );
}
