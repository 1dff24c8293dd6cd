import jsQR from "jsqr";
import { PNG } from "pngjs";

/** Reads the first QR code in a PNG the way a phone camera would: from pixels only. */
export function readQrFromPng(png: Buffer): string | undefined {
  const image = PNG.sync.read(png);
  const found = jsQR(new Uint8ClampedArray(image.data), image.width, image.height);
  return found?.data;
}
