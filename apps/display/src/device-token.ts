/**
 * A display is a device: its token comes once in the URL an installer opens
 * (`/display/?token=dev_…`), then lives in localStorage, and the URL is
 * cleaned so the token does not sit in the address bar or in screenshots.
 */
const KEY = "layan.display.token";

export function takeDeviceToken(loc: Location = location, storage: Storage = localStorage): string | null {
  const url = new URL(loc.href);
  const fromUrl = url.searchParams.get("token");
  if (fromUrl) {
    storage.setItem(KEY, fromUrl);
    url.searchParams.delete("token");
    history.replaceState(null, "", url.pathname + url.search + url.hash);
    return fromUrl;
  }
  return storage.getItem(KEY);
}

export function forgetDeviceToken(storage: Storage = localStorage): void {
  storage.removeItem(KEY);
}

/** A token collected by pairing: kept as one from the URL would be. */
export function storeDeviceToken(token: string, storage: Storage = localStorage): void {
  storage.setItem(KEY, token);
}

/**
 * Above a revoked (or unknown) display's pairing code. The hub's UNAUTHORIZED
 * message is written for people ("…Silakan masuk kembali"); a screen on the
 * wall is not signed in, it is paired again.
 */
export const DEVICE_REFUSED_REASON =
  "Hub tidak mengenali layar ini, atau izinnya sudah dicabut. Pasangkan kembali dengan kode di bawah.";
