/** A screen's title and the hint under it. */
export function PageHead({ title, hint }: { title: string; hint: string }) {
  return (
    <div className="page-head">
      <h1 className="page-title">{title}</h1>
      <p className="page-hint">{hint}</p>
    </div>
  );
}
