// A form field's error message and the aria attributes that point at it (the login,
// staff and broadcast forms).

/** The message under a field, with the id its input's aria-describedby names; nothing when there is none. */
export function FieldError(p: { id: string; message: string | undefined }) {
  return p.message ? (
    <p class="field-error" id={p.id}>
      {p.message}
    </p>
  ) : null;
}

/** aria attributes for a field that may carry an error. */
export const invalid = (message: string | undefined, id: string) => ({
  'aria-invalid': message ? 'true' : undefined,
  'aria-describedby': message ? id : undefined,
});
