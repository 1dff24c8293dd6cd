import { IPC, type KioskRuntimeSettings, type PairingView, type PrintOutcome, type PrinterCheck } from "../shared/bridge";
import { isAllowedUrl } from "./navigation";

/** The parts of Electron's ipcMain this module uses. */
export interface InvokeEvent {
  senderFrame: { url: string } | null;
}
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface BridgeHandlers {
  settings(): KioskRuntimeSettings;
  printerStatus(): Promise<PrinterCheck>;
  printTicket(ticket: unknown): Promise<PrintOutcome>;
  printComplaint(receipt: unknown): Promise<PrintOutcome>;
  adminExit(pin: unknown): boolean;
  /** Called only with a boolean: the handler below refuses anything else. */
  pairing(refused: boolean): PairingView;
}

/**
 * One handler per bridge method, nothing else. Each checks that the call
 * comes from a frame of the app's own origin (Electron security checklist 17:
 * validate the sender of every IPC message), so a page that got in some other
 * way cannot print or read the device token.
 */
export function registerBridge(
  ipc: IpcMainLike,
  handlers: BridgeHandlers,
  allowedOrigin: string,
  log: (message: string) => void = () => {},
): void {
  const trusted = (event: InvokeEvent): boolean => {
    const ok = event.senderFrame !== null && isAllowedUrl(event.senderFrame.url, allowedOrigin);
    if (!ok) log(`refused IPC from ${event.senderFrame?.url ?? "a destroyed frame"}`);
    return ok;
  };
  const deny = () => Promise.reject(new Error("refused"));
  ipc.handle(IPC.settings, (event) => (trusted(event) ? handlers.settings() : deny()));
  ipc.handle(IPC.printerStatus, (event) => (trusted(event) ? handlers.printerStatus() : deny()));
  ipc.handle(IPC.printTicket, (event, ticket) => (trusted(event) ? handlers.printTicket(ticket) : deny()));
  ipc.handle(IPC.printComplaint, (event, receipt) =>
    trusted(event) ? handlers.printComplaint(receipt) : deny(),
  );
  ipc.handle(IPC.adminExit, (event, pin) => (trusted(event) ? handlers.adminExit(pin) : false));
  ipc.handle(IPC.pairing, (event, refused) =>
    trusted(event) && typeof refused === "boolean" ? handlers.pairing(refused) : deny(),
  );
}
