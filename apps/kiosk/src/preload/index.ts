/**
 * The preload: one typed object on window.layanKiosk and nothing else (no
 * ipcRenderer, no Node). Each method is one IPC channel the main process
 * checks the sender of.
 */
import { contextBridge, ipcRenderer } from "electron";
import {
  IPC,
  type KioskBridge,
  type KioskRuntimeSettings,
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
} satisfies KioskBridge;

contextBridge.exposeInMainWorld("layanKiosk", bridge);
