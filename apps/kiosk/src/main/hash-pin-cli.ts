import { hashPin } from "./admin-exit";

// pnpm --filter @layan/kiosk hash-pin 123456  -> the "adminPin" entry for kiosk-settings.json
const pin = process.argv[2];
if (!pin || !/^\d{4,12}$/.test(pin)) {
  console.error("usage: hash-pin <4-12 digit PIN>");
  process.exit(2);
}
console.log(JSON.stringify({ adminPin: hashPin(pin) }, null, 2));
