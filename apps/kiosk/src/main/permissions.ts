/**
 * The kiosk needs no camera, microphone, location, notifications, USB, serial
 * or HID from the page: every permission request and check is refused
 * (Electron security checklist 5). The printer is reached by the main process.
 */
export interface PermissionSession {
  setPermissionRequestHandler(
    handler:
      ((webContents: unknown, permission: string, callback: (granted: boolean) => void) => void) | null,
  ): void;
  setPermissionCheckHandler(handler: ((webContents: unknown, permission: string) => boolean) | null): void;
  setDevicePermissionHandler(handler: ((details: unknown) => boolean) | null): void;
}

export function denyAllPermissions(
  session: PermissionSession,
  log: (message: string) => void = () => {},
): void {
  session.setPermissionRequestHandler((_contents, permission, callback) => {
    log(`denied permission request: ${permission}`);
    callback(false);
  });
  session.setPermissionCheckHandler(() => false);
  session.setDevicePermissionHandler(() => false);
}
