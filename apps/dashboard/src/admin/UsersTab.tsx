import {
  mayManageUser,
  USER_ROLE_LABELS,
  USER_ROLES,
  type AdminUser,
  type UserRoleName,
  type UserWithSecret,
} from "@layan/protocol";
import { UserPlus } from "lucide-react";
import { useRef, useState, type FormEvent } from "react";
import type { ApiError } from "../api";
import { dateTime } from "../format";
import { LoadState, Panel, TableHead, useLoad } from "../components/ui";
import { AdminMessages } from "./AdminMessages";
import type { AdminApi } from "./api";
import { SecretDialog } from "./SecretDialog";

const roleLabel = (r: UserRoleName) => USER_ROLE_LABELS[r].id;

/** "Pengguna": the office's accounts; what each row offers follows the role matrix (packages/protocol). */
export function UsersTab({ api, myRole, myId, timeZone }: { api: AdminApi; myRole: string; myId: string; timeZone: string }) {
  const [version, setVersion] = useState(0);
  const users = useLoad(() => api.users(), String(version));
  const [shown, setShown] = useState<{ title: string; answer: UserWithSecret } | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  // A ref, not state: two clicks in one frame both see `busy` false, but not this.
  const inFlight = useRef(false);
  const [busy, setBusy] = useState(false);

  const act = <T,>(run: () => Promise<T>, done: (answer: T) => void) => {
    if (inFlight.current) return;
    inFlight.current = true;
    setBusy(true);
    setError(null);
    setNotice(null);
    run()
      .then((answer) => {
        done(answer);
        setVersion((v) => v + 1);
      })
      .catch((e: ApiError) => setError(e.message))
      .finally(() => {
        inFlight.current = false;
        setBusy(false);
      });
  };

  return (
    <div className="admin-users" data-testid="admin-users">
      {mayManageUser(myRole, "add") && (
        <AddUserForm
          busy={busy}
          onAdd={(input, reset) =>
            act(
              () => api.addUser(input),
              (answer) => {
                reset();
                setShown({ title: "Pengguna ditambahkan", answer });
              },
            )
          }
        />
      )}
      <Panel title="Pengguna" subtitle="Akun petugas loket, supervisor, manajer dan admin kantor ini." testId="users-panel">
        <AdminMessages error={error} notice={notice} />
        <LoadState state={users} />
        {users.data && (
          <div className="table-wrap">
            <table className="table admin-table" data-testid="users-table">
              <TableHead cols={["Nama pengguna", "Nama", "Peran", "Status", "Tindakan"]} />
              <tbody>
                {users.data.map((u) => (
                  <UserRow
                    key={u.id}
                    user={u}
                    myRole={myRole}
                    isMe={u.id === myId}
                    busy={busy}
                    timeZone={timeZone}
                    onDisable={(disabled) =>
                      act(() => api.setDisabled(u.id, disabled), () =>
                        setNotice(disabled ? `${u.username} dinonaktifkan; sesinya diakhiri.` : `${u.username} diaktifkan kembali.`),
                      )
                    }
                    onRole={(role) => act(() => api.changeRole(u.id, role), () => setNotice(`Peran ${u.username}: ${roleLabel(role)}.`))}
                    onUnlock={() => act(() => api.unlock(u.id), () => setNotice(`Kunci login ${u.username} dibuka.`))}
                    onResetPin={() => act(() => api.resetPin(u.id), (answer) => setShown({ title: "PIN baru", answer }))}
                  />
                ))}
              </tbody>
            </table>
          </div>
        )}
      </Panel>
      {shown && (
        <SecretDialog
          title={shown.title}
          username={shown.answer.user.username}
          secret={shown.answer.secret}
          onClose={() => setShown(null)}
        />
      )}
    </div>
  );
}

function AddUserForm({ busy, onAdd }: { busy: boolean; onAdd: (input: { username: string; displayName: string; role: UserRoleName }, reset: () => void) => void }) {
  const [username, setUsername] = useState("");
  const [displayName, setDisplayName] = useState("");
  const [role, setRole] = useState<UserRoleName>("officer");
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onAdd({ username: username.trim(), displayName: displayName.trim(), role }, () => {
      setUsername("");
      setDisplayName("");
      setRole("officer");
    });
  };
  return (
    <Panel title="Tambah pengguna" subtitle="PIN awal dibuat oleh server dan ditampilkan sekali." testId="add-user">
      <form className="admin-form" onSubmit={submit}>
        <label className="field">
          Nama pengguna
          <input
            name="username"
            required
            pattern="[A-Za-z0-9._\-]{2,64}"
            title="2–64 huruf, angka, titik, garis bawah atau tanda hubung"
            autoComplete="off"
            value={username}
            onChange={(e) => setUsername(e.target.value)}
          />
        </label>
        <label className="field">
          Nama lengkap
          <input name="displayName" required maxLength={100} value={displayName} onChange={(e) => setDisplayName(e.target.value)} />
        </label>
        <label className="field">
          Peran
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as UserRoleName)}>
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        </label>
        <button type="submit" className="btn btn--primary" disabled={busy}>
          <UserPlus aria-hidden="true" /> Tambah
        </button>
      </form>
    </Panel>
  );
}

function UserRow({
  user,
  myRole,
  isMe,
  busy,
  timeZone,
  onDisable,
  onRole,
  onUnlock,
  onResetPin,
}: {
  user: AdminUser;
  myRole: string;
  isMe: boolean;
  busy: boolean;
  timeZone: string;
  onDisable: (disabled: boolean) => void;
  onRole: (role: UserRoleName) => void;
  onUnlock: () => void;
  onResetPin: () => void;
}) {
  const may = (action: "disable" | "role" | "pin_reset" | "unlock") => mayManageUser(myRole, action, user.role);
  const disabled = user.disabledAt !== null;
  return (
    <tr data-testid={`user-${user.username}`} className={disabled ? "admin-table__row--off" : undefined}>
      <td className="nowrap">
        {user.username}
        {isMe && <span className="muted"> (Anda)</span>}
      </td>
      <td>{user.displayName}</td>
      <td>
        {may("role") ? (
          <select
            aria-label={`Peran ${user.username}`}
            value={user.role}
            disabled={busy}
            onChange={(e) => onRole(e.target.value as UserRoleName)}
          >
            {USER_ROLES.map((r) => (
              <option key={r} value={r}>
                {roleLabel(r)}
              </option>
            ))}
          </select>
        ) : (
          roleLabel(user.role)
        )}
      </td>
      <td data-testid="user-status">
        {disabled ? (
          <span className="badge badge--bad">Nonaktif</span>
        ) : user.lockedUntil !== null ? (
          <span className="badge badge--bad" title={`Terkunci sampai ${dateTime(user.lockedUntil, timeZone)}`}>
            Terkunci
          </span>
        ) : (
          <span className="badge badge--info">Aktif</span>
        )}
      </td>
      <td>
        <div className="admin-table__actions">
          {may("pin_reset") && (
            <button type="button" className="btn btn--small" disabled={busy} onClick={onResetPin}>
              Atur ulang PIN
            </button>
          )}
          {may("unlock") && user.lockedUntil !== null && (
            <button type="button" className="btn btn--small" disabled={busy} onClick={onUnlock}>
              Buka kunci
            </button>
          )}
          {may("disable") && (
            <button
              type="button"
              className="btn btn--small"
              disabled={busy}
              onClick={() => onDisable(!disabled)}
              aria-label={`${disabled ? "Aktifkan" : "Nonaktifkan"} ${user.username}`}
            >
              {disabled ? "Aktifkan" : "Nonaktifkan"}
            </button>
          )}
        </div>
      </td>
    </tr>
  );
}
