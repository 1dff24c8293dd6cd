import { Copy, KeyRound } from "lucide-react";
import { useEffect, useRef, useState } from "react";

/**
 * A new user's first PIN, or a reset one: in the hub's answer and nowhere
 * else (the hub keeps only its hash), so this dialog is the one chance to
 * hand it over.
 */
export function SecretDialog({
  title,
  username,
  secret,
  onClose,
}: {
  title: string;
  username: string;
  secret: string;
  onClose: () => void;
}) {
  const [copied, setCopied] = useState<string | null>(null);
  const close = useRef<HTMLButtonElement>(null);
  useEffect(() => close.current?.focus(), []);
  const copy = () => {
    navigator.clipboard
      .writeText(secret)
      .then(() => setCopied("Tersalin."))
      .catch(() => setCopied("Tidak dapat menyalin: pilih dan salin PIN secara manual."));
  };
  return (
    <div className="admin-dialog__backdrop">
      <div
        className="admin-dialog"
        role="dialog"
        aria-modal="true"
        aria-labelledby="secret-dialog-title"
        data-testid="secret-dialog"
        onKeyDown={(e) => e.key === "Escape" && onClose()}
      >
        <h2 id="secret-dialog-title" className="admin-dialog__title">
          <KeyRound aria-hidden="true" /> {title}
        </h2>
        <p>
          PIN/kata sandi untuk <strong>{username}</strong>:
        </p>
        <p className="admin-dialog__secret" data-testid="secret-value">
          {secret}
        </p>
        <p className="alert admin-dialog__note" role="note">
          Catat atau salin sekarang: PIN ini <strong>tidak akan ditampilkan lagi</strong>. Serahkan langsung kepada
          penggunanya. <span lang="en">It will not be shown again.</span>
        </p>
        <div className="admin-dialog__actions">
          <button type="button" className="btn" onClick={copy} data-testid="copy-secret">
            <Copy aria-hidden="true" /> Salin
          </button>
          <button type="button" className="btn btn--primary" ref={close} onClick={onClose}>
            Sudah dicatat, tutup
          </button>
        </div>
        {copied && (
          <p className="muted" role="status">
            {copied}
          </p>
        )}
      </div>
    </div>
  );
}
