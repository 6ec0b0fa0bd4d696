import type { Ref } from 'preact';

/** A labelled password input; ids derive from `id` so labels and errors stay linked. */
export function PassphraseField({
  id,
  label,
  value,
  onInput,
  error,
  inputRef,
  autocomplete = 'current-password',
}: {
  id: string;
  label: string;
  value: string;
  onInput(value: string): void;
  error?: string;
  inputRef?: Ref<HTMLInputElement>;
  autocomplete?: 'current-password' | 'new-password';
}) {
  return (
    <div class="field">
      <label for={id}>{label}</label>
      <input
        id={id}
        ref={inputRef}
        type="password"
        value={value}
        autocomplete={autocomplete}
        aria-invalid={error ? true : undefined}
        aria-describedby={error ? `${id}-error` : undefined}
        onInput={(e) => onInput(e.currentTarget.value)}
      />
      {error && (
        <small id={`${id}-error`} class="error" role="alert">
          {error}
        </small>
      )}
    </div>
  );
}
