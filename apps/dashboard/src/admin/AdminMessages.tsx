/**
 * What an admin tab says after an action: the refusal (an alert, read out at
 * once) or what was done (a status, read out politely). One block for every
 * tab, so the tests and assistive technology find them the same way.
 */
export function AdminMessages({ error, notice }: { error: string | null; notice: string | null }) {
  return (
    <>
      {error && (
        <p className="alert alert--error" role="alert" data-testid="admin-error">
          {error}
        </p>
      )}
      {notice && (
        <p className="alert" role="status" data-testid="admin-notice">
          {notice}
        </p>
      )}
    </>
  );
}
