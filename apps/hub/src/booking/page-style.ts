import { BASE_STYLE } from "../feedback/pages/common";

/**
 * The booking and receipt pages' look, on the citizen pages' base: phone
 * first (360 px wide and up, nothing wider than the screen), buttons at
 * least 48 px tall, and contrast that passes axe on every state. The
 * receipt's code is one unbroken line down to 320 px (it is read out and
 * typed at the kiosk; "6EA-" over "MKT" reads as two codes): its size
 * follows the screen's width.
 */
export const BOOKING_STYLE = `${BASE_STYLE}
header{display:flex;align-items:center;justify-content:space-between;gap:12px}
header button#lang{display:inline-block;width:auto;min-height:44px;margin:0;padding:8px 12px;font-size:15px;background:#fff;color:#0b4f8a;border-radius:10px}
h1{font-size:24px}h3{font-size:16px;margin:14px 0 0}
.label{font-size:14px;font-weight:600;margin:0;color:#51606e;text-transform:uppercase;letter-spacing:.06em}.lead{margin:4px 0 0;color:#33414e}
.choices{display:grid;gap:8px;margin-top:8px}
.choices button{margin:0;text-align:left;background:#fff;color:#0f1f2e;border:2px solid #c9d6e2;font-weight:600}
.choices button[aria-pressed=true]{border-color:#0b4f8a;background:#e6f0fa}
.choices button small{display:block;font-weight:400;font-size:14px;color:#51606e}
.days{grid-template-columns:repeat(auto-fill,minmax(140px,1fr))}.slots{grid-template-columns:repeat(2,minmax(0,1fr))}
.slots button{text-align:center}.slots button[disabled],.days button[disabled]{opacity:1;background:#eceff2;color:#51606e;border-color:#d5dbe1;cursor:not-allowed}
.req{margin:8px 0 0;padding-left:20px}.req li{margin:4px 0}
.hold{background:#e6f4ea;border-left:4px solid #0e7a3a;padding:10px 12px;margin:0 0 12px;font-size:16px}
.hold b{font-size:22px;font-variant-numeric:tabular-nums}
.secondary{background:#fff;color:#0b4f8a;border:2px solid #0b4f8a}
.field small{display:block;color:#51606e;font-size:13px;margin-top:4px}
.message{margin:0 0 12px;padding:12px;border-radius:10px;background:#fdecee;color:#8a0016;font-weight:600}
.message:empty{display:none}
.code{font-size:clamp(28px,10vw,52px);white-space:nowrap;font-weight:800;letter-spacing:.08em;text-align:center;margin:4px 0;font-variant-numeric:tabular-nums}
.qr{display:block;width:min(240px,100%);height:auto;margin:8px auto}
.receipt{text-align:center}.facts{text-align:left;margin-top:16px}.facts dt{font-weight:700;margin-top:10px}.facts dd{margin:2px 0 0}
.status{font-size:18px;font-weight:700;margin:10px 0 0}.status.ok{color:#0e7a3a}.status.over{color:#8a0016}
[hidden]{display:none!important}`;
