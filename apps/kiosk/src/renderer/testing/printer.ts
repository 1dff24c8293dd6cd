import type { PrinterCheck, PrintOutcome, TicketToPrint } from "../../shared/bridge";

/** For the renderer's unit tests: a printer that is ready. */
export const READY: PrinterCheck = { ready: true, problem: null, paperNearEnd: false };

/** For the renderer's unit tests: a kiosk printer bridge whose check answers `check`, every print `outcome`; keeps what it printed. */
export function printerThat(check: PrinterCheck, outcome: PrintOutcome) {
  const printed: TicketToPrint[] = [];
  return {
    printed,
    bridge: {
      printerStatus: () => Promise.resolve(check),
      printTicket: (t: TicketToPrint) => {
        printed.push(t);
        return Promise.resolve(outcome);
      },
    },
  };
}
