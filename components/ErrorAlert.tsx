/** A refusal the user must notice: announced at once (role=alert), shown only when there is one. */
export function ErrorAlert({ text }: { text: string | undefined }) {
  return text ? (
    <p role="alert" class="error">
      {text}
    </p>
  ) : null;
}
