import type { ConfigApplyResult, ConfigChangeView, ConfigCheckResult, ConfigEditInput, ConfigFileView } from "@layan/protocol";
import { CheckCircle2, Eye, Save } from "lucide-react";
import { useEffect, useMemo, useState } from "react";
import { Segmented } from "../components/ui";
import { ConfigRefusal, type ConfigApi } from "./ConfigApi";
import { RunningTextForm, ServiceForm, serviceEdits, type ServiceDraft } from "./ConfigForm";
import { ConfigStandard } from "./ConfigStandard";

type Mode = "lihat" | "formulir" | "yaml";

const EFFECTS: Record<ConfigChangeView["effect"], string> = {
  now: "Berlaku sekarang",
  next_day: "Berlaku mulai hari layanan berikutnya",
  refused: "Ditolak",
};

const draftOf = (f: ConfigFileView): ServiceDraft | null =>
  f.service ? { persyaratan: f.service.persyaratan, sop: f.service.sop, jangkaWaktu: f.service.jangkaWaktu, biaya: f.service.biaya, produk: f.service.produk, dailyQuota: f.service.dailyQuota } : null;

/** The line numbers `lines` name in this file ("kiosk-config/services/ktp-el.yaml:14 …"). */
function issueLines(check: { issues: { file: string; line: number }[] } | null, file: string): Set<number> {
  return new Set((check?.issues ?? []).filter((i) => i.file === file || i.file.endsWith(`/${file}`)).map((i) => i.line));
}

/** One file of the config: the citizen's view, the form for the common edits, the YAML for the rest; Periksa, Pratinjau, Terapkan. */
export function ConfigEditor({ api, name, onApplied, onPreview }: { api: ConfigApi; name: string; onApplied: () => void; onPreview?: (edits: ConfigEditInput[]) => void }) {
  const [file, setFile] = useState<ConfigFileView | null>(null);
  const [mode, setMode] = useState<Mode>("lihat");
  const [draft, setDraft] = useState<ServiceDraft | null>(null);
  const [running, setRunning] = useState<string[]>([]);
  const [text, setText] = useState("");
  const [check, setCheck] = useState<ConfigCheckResult | null>(null);
  const [result, setResult] = useState<ConfigApplyResult | null>(null);
  const [error, setError] = useState<{ message: string; lines: string[] } | null>(null);
  const [busy, setBusy] = useState(false);

  const load = async (keepResult: boolean) => {
    const f = await api.file(name);
    setFile(f);
    setDraft(draftOf(f));
    setRunning(f.runningText ?? []);
    setText(f.text);
    setCheck(null);
    if (!keepResult) setResult(null);
  };
  useEffect(() => {
    setMode("lihat");
    load(false).catch((e: Error) => setError({ message: e.message, lines: [] }));
  }, [name]);

  const edits = useMemo((): ConfigEditInput[] => {
    if (!file) return [];
    if (mode === "yaml") return text === file.text ? [] : [{ file: name, text }];
    if (mode === "formulir" && draft && file.service) {
      const set = serviceEdits(draftOf(file) as ServiceDraft, draft);
      return set.length > 0 ? [{ file: name, set }] : [];
    }
    if (mode === "formulir" && file.runningText && JSON.stringify(running) !== JSON.stringify(file.runningText)) return [{ file: name, set: [{ path: ["runningText"], value: running }] }];
    return [];
  }, [file, mode, text, draft, running, name]);

  const run = async (what: () => Promise<void>) => {
    setBusy(true);
    setError(null);
    try {
      await what();
    } catch (e) {
      setError({ message: (e as Error).message, lines: e instanceof ConfigRefusal ? e.lines : [] });
    } finally {
      setBusy(false);
    }
  };
  const periksa = () => run(async () => setCheck(await api.check(edits)));
  const terapkan = () =>
    run(async () => {
      if (!file) return;
      const applied = await api.apply({ edits, versions: { [name]: file.version } });
      setResult(applied);
      await load(true);
      onApplied();
    });

  if (!file) return error ? <p className="alert alert--error" role="alert">{error.message}</p> : <p className="muted">Memuat…</p>;
  const marked = issueLines(check, name);
  const canEdit = mode !== "lihat" && edits.length > 0 && !busy;

  return (
    <div className="config-editor" data-testid="config-editor">
      <Segmented<Mode>
        label="Tampilan berkas"
        value={mode}
        options={[
          { value: "lihat", label: file.service ? "Standar Pelayanan" : "Isi berkas" },
          ...(file.service || file.runningText ? [{ value: "formulir" as const, label: "Formulir" }] : []),
          { value: "yaml", label: "YAML" },
        ]}
        onPick={(m) => {
          setMode(m);
          setCheck(null);
        }}
      />
      {mode === "lihat" && (file.service ? <ConfigStandard service={file.service} /> : <pre className="config-yaml__view">{file.text}</pre>)}
      {mode === "formulir" && draft && <ServiceForm draft={draft} onChange={setDraft} />}
      {mode === "formulir" && !draft && file.runningText && <RunningTextForm lines={running} onChange={setRunning} />}
      {mode === "yaml" && (
        <div className="config-yaml">
          <ol className="config-yaml__gutter" aria-hidden="true">
            {text.split("\n").map((_, i) => (
              <li key={i} className={marked.has(i + 1) ? "config-yaml__bad" : undefined} data-line={i + 1}>
                {i + 1}
              </li>
            ))}
          </ol>
          <textarea aria-label={`YAML ${name}`} spellCheck={false} wrap="off" value={text} rows={Math.min(40, text.split("\n").length + 1)} onChange={(e) => setText(e.target.value)} />
        </div>
      )}
      {mode !== "lihat" && (
        <div className="admin-form config-editor__actions">
          <button type="button" className="btn" disabled={!canEdit} onClick={() => void periksa()}>
            <CheckCircle2 aria-hidden="true" /> Periksa
          </button>
          {onPreview && file.service && (
            <button type="button" className="btn" disabled={!canEdit} onClick={() => onPreview(edits)}>
              <Eye aria-hidden="true" /> Pratinjau kiosk
            </button>
          )}
          <button type="button" className="btn btn--primary" disabled={!canEdit} onClick={() => void terapkan()}>
            <Save aria-hidden="true" /> Terapkan
          </button>
          {edits.length === 0 && <span className="muted">Belum ada perubahan.</span>}
        </div>
      )}
      {check && <CheckReport check={check} />}
      {error && (
        <div className="alert alert--error" role="alert" data-testid="config-error">
          <p>{error.message}</p>
          {error.lines.length > 0 && (
            <ul className="config-lines">
              {error.lines.map((l) => (
                <li key={l}>{l}</li>
              ))}
            </ul>
          )}
        </div>
      )}
      {result && <ApplyReport result={result} />}
    </div>
  );
}

function Changes({ changes }: { changes: ConfigChangeView[] }) {
  return (
    <ul className="config-changes">
      {changes.map((c, i) => (
        <li key={i} className={`config-changes__${c.effect}`}>
          <strong>{EFFECTS[c.effect]}</strong>
          {c.subject && ` · ${c.subject}`}: {c.reason}
        </li>
      ))}
    </ul>
  );
}

function CheckReport({ check }: { check: ConfigCheckResult }) {
  return (
    <div className={`alert ${check.applicable ? "alert--info" : "alert--error"}`} role="status" data-testid="config-check">
      <p>{!check.valid ? "Tidak valid: perbaiki baris berikut (sama dengan pnpm config:check)." : check.applicable ? "Valid dan dapat diterapkan." : "Valid, tetapi ada perubahan yang ditolak."}</p>
      {check.lines.length > 0 && (
        <ul className="config-lines">
          {check.lines.map((l) => (
            <li key={l}>{l}</li>
          ))}
        </ul>
      )}
      {check.changes.length > 0 && <Changes changes={check.changes} />}
      {check.warnings.length > 0 && (
        <ul className="config-lines">
          {check.warnings.map((w) => (
            <li key={w}>⚠ {w}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

function ApplyReport({ result }: { result: ConfigApplyResult }) {
  return (
    <div className="alert alert--info" role="status" data-testid="config-result">
      <p>
        {result.files.length === 0
          ? "Tidak ada yang berubah."
          : result.applied.length > 0
            ? `Diterapkan sekarang (konfigurasi versi ${result.version}).`
            : "Disimpan; perubahan menunggu hari layanan berikutnya."}
        {result.backup && ` Cadangan berkas lama: ${result.backup}.`}
      </p>
      <Changes changes={[...result.applied, ...result.pending]} />
    </div>
  );
}
