/**
 * The preload: one typed object on window.layanKiosk and nothing else (no
 * ipcRenderer, no Node). Each method is one IPC channel the main process
 * checks the sender of; onPairing only listens to the one push channel.
 */
import { contextBridge, ipcRenderer } from "electron";
import {
  IPC,
  IPC_PUSH,
  type KioskBridge,
  type KioskRuntimeSettings,
  type PairingView,
  type ComplaintToPrint,
  type PrintOutcome,
  type PrinterCheck,
  type TicketToPrint,
} from "../shared/bridge";

const bridge = {
  kind: "electron",
  settings: () => ipcRenderer.invoke(IPC.settings) as Promise<KioskRuntimeSettings>,
  printerStatus: () => ipcRenderer.invoke(IPC.printerStatus) as Promise<PrinterCheck>,
  printTicket: (ticket: TicketToPrint) =>
    ipcRenderer.invoke(IPC.printTicket, ticket) as Promise<PrintOutcome>,
  printComplaint: (receipt: ComplaintToPrint) =>
    ipcRenderer.invoke(IPC.printComplaint, receipt) as Promise<PrintOutcome>,
  adminExit: (pin: string) => ipcRenderer.invoke(IPC.adminExit, pin) as Promise<boolean>,
  pairing: (refused: boolean) => ipcRenderer.invoke(IPC.pairing, refused) as Promise<PairingView>,
  // The renderer gets the view only, never the IPC event (which would hand it the sender object).
  onPairing: (listener: (view: PairingView) => void) => {
    const forward = (_event: unknown, view: PairingView) => listener(view);
    ipcRenderer.on(IPC_PUSH.pairingView, forward);
    return () => void ipcRenderer.removeListener(IPC_PUSH.pairingView, forward);
  },
} satisfies KioskBridge;

contextBridge.exposeInMainWorld("layanKiosk", bridge);
