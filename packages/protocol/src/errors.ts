import { QUEUE_ERROR_CODES, type QueueErrorCode } from "@layan/core";

/**
 * Every error code a client can receive. Clients branch on `code`; `message`
 * is what a citizen or officer reads, in Bahasa Indonesia.
 */
export const HUB_ERROR_CODES = [
  "INVALID_PAYLOAD",
  "UNKNOWN_EVENT",
  "REQUEST_CONFLICT",
  "REQUEST_EXPIRED",
  "UNAUTHORIZED",
  "FORBIDDEN",
  "NOT_FOUND",
  "LOGIN_FAILED",
  "LOGIN_LOCKED",
  /** HTTP: a browser page of another origin posted to the hub's API. */
  "ORIGIN_NOT_ALLOWED",
  /** HTTP: the API reads JSON bodies only (a cross-site form or text/plain post is refused). */
  "UNSUPPORTED_CONTENT_TYPE",
  "REQUEST_IN_PROGRESS",
  "PRINTER_UNAVAILABLE",
  "PRINT_FAILED",
  "STORE_UNAVAILABLE",
  "INTERNAL",
  /** An information-only kiosk (devices.yaml `printer: none`) asked for a number. */
  "KIOSK_INFO_ONLY",
  /** An officer cancelling a ticket of a service their open counter does not serve. */
  "NOT_YOUR_SERVICE",
  /** Survey and complaints (the Ombudsman loop). */
  "SURVEY_DISABLED",
  "SURVEY_NOT_SERVED",
  "SURVEY_ALREADY_ANSWERED",
  "SURVEY_WINDOW_PASSED",
  "COMPLAINT_CATEGORY_UNKNOWN",
  "COMPLAINT_CLOSED",
  "COMPLAINT_NOT_ANSWERED",
  "ASSIGNEE_UNKNOWN",
  /** HTTP: one address sent more public requests (surveys, complaints) than a person would. */
  "TOO_MANY_REQUESTS",
  /** HTTP: the report worker stopped (crashed, or ended for a report past its time) while answering; it restarts by itself. */
  "REPORT_UNAVAILABLE",
  /** HTTP: a report ran past its time limit and was stopped. */
  "REPORT_TIMEOUT",
  /** Administration from the browser (apps/hub/src/admin/, docs/api.md "Administration"). */
  "ADMIN_FORBIDDEN",
  "ADMIN_USER_NOT_FOUND",
  "ADMIN_USERNAME_TAKEN",
  "ADMIN_LAST_ADMIN",
  /** DEVICE: pairing and device administration (apps/hub/src/admin/devices.ts, docs/api.md "Devices"). */
  "DEVICE_PAIRING_UNKNOWN",
  "DEVICE_PAIRING_EXPIRED",
  "DEVICE_PAIRING_USED",
  "DEVICE_PAIRING_FULL",
  "DEVICE_NOT_FOUND",
  "DEVICE_ID_TAKEN",
  "DEVICE_KIND_MISMATCH",
  "DEVICE_NOT_IN_CONFIG",
  /** Produced by clients, never by the hub: no answer within the timeout and retries. */
  "HUB_UNREACHABLE",
  /** CONFIG: live configuration (apps/hub/src/live-config). The edited config does not pass `pnpm config:check`; `issues` say file:line. */
  "CONFIG_INVALID",
  /** CONFIG: a valid config with a change the running queue cannot take (a service with people waiting removed, the timezone); nothing changed. */
  "CONFIG_REFUSED",
  /** NOTIFY: telling citizens outside the hall (apps/hub/src/notify/, docs/api.md "Notifications"). */
  "NOTIFY_UNAVAILABLE",
  "NOTIFY_SUBSCRIPTION_INVALID",
  "NOTIFY_TICKET_NOT_WAITING",
  "NOTIFY_TOO_MANY",
  /** CONFIG editor (apps/hub/src/admin/config.ts): a file moved since the browser read it; nothing written. */
  "CONFIG_STALE",
  "CONFIG_FILE_NOT_FOUND",
  "CONFIG_BACKUP_NOT_FOUND",
  /** The kiosk preview's id is unknown or past its few minutes. */
  "CONFIG_PREVIEW_NOT_FOUND",
  /** The hub runs without a config folder it may write (live configuration is off). */
  "CONFIG_UNAVAILABLE",
  /** BOOKING (hub): the calo defences before a booking command (apps/hub/src/booking/, docs/booking.md decision 7). */
  "BOOKING_LIMIT_CONTACT",
  "BOOKING_LIMIT_DEVICE",
  /** Over booking.limits.perAddressPerHour holds from one network address this hour (the citizen's, behind a trusted proxy). */
  "BOOKING_LIMIT_ADDRESS",
  /** BOOKING (hub): the confirm lacks what the office asks for (office.yaml booking.ask). */
  "BOOKING_DETAILS_REQUIRED",
] as const;

export type HubErrorCode = (typeof HUB_ERROR_CODES)[number];
export type ErrorCode = QueueErrorCode | HubErrorCode;
export const ERROR_CODES: readonly ErrorCode[] = [...QUEUE_ERROR_CODES, ...HUB_ERROR_CODES];

export const ERROR_MESSAGES: Record<ErrorCode, { id: string; en: string }> = {
  SERVICE_UNKNOWN: { id: "Layanan tidak ditemukan.", en: "Unknown service." },
  SERVICE_CLOSED: { id: "Layanan sedang tutup. Silakan datang pada jam layanan.", en: "The service is closed now." },
  QUOTA_REACHED: { id: "Kuota antrean layanan ini hari ini sudah habis.", en: "Today's quota for this service is used up." },
  COUNTER_UNKNOWN: { id: "Loket tidak ditemukan.", en: "Unknown counter." },
  COUNTER_NOT_OPEN: { id: "Loket belum dibuka.", en: "The counter is not open." },
  COUNTER_BUSY: { id: "Loket masih melayani antrean lain. Selesaikan dulu.", en: "The counter still has a ticket in hand." },
  COUNTER_TAKEN: { id: "Loket ini sedang dipakai petugas lain. Minta petugas tersebut atau supervisor menutupnya dulu.", en: "Another officer holds this counter; they or a supervisor must close it first." },
  COUNTER_IDLE: { id: "Tidak ada antrean yang sedang dipanggil di loket ini.", en: "No ticket in hand at this counter." },
  COUNTER_DOES_NOT_SERVE: { id: "Loket ini tidak melayani layanan tersebut.", en: "This counter does not serve that service." },
  QUEUE_EMPTY: { id: "Tidak ada antrean yang menunggu.", en: "Nobody is waiting." },
  TICKET_UNKNOWN: { id: "Nomor antrean tidak ditemukan.", en: "Unknown ticket." },
  TICKET_NOT_WAITING: { id: "Nomor antrean ini tidak sedang menunggu.", en: "The ticket is not waiting." },
  TICKET_NOT_NO_SHOW: { id: "Nomor antrean ini tidak berstatus tidak hadir, jadi tidak perlu diaktifkan kembali.", en: "The ticket is not a no-show, so there is nothing to reinstate." },
  TICKET_NOT_CALLED: { id: "Nomor antrean ini belum dipanggil.", en: "The ticket has not been called." },
  TICKET_NOT_SERVING: { id: "Pelayanan untuk nomor ini belum dimulai.", en: "Service has not started for this ticket." },
  TICKET_FINISHED: { id: "Nomor antrean ini sudah selesai.", en: "The ticket is already finished." },
  NO_SHOW_TOO_EARLY: { id: "Panggil ulang dulu sebelum menandai tidak hadir.", en: "Recall the ticket before marking it a no-show." },
  REINSTATE_WINDOW_PASSED: { id: "Batas waktu untuk mengaktifkan kembali nomor ini sudah lewat.", en: "Too late to reinstate this ticket." },
  TRANSFER_SAME_SERVICE: { id: "Antrean sudah berada di layanan tersebut.", en: "The ticket is already in that service." },
  TRANSFER_UNDO_WINDOW_PASSED: { id: "Batas waktu untuk membatalkan pengalihan sudah lewat.", en: "Too late to undo this transfer." },
  TRANSFER_ALREADY_CALLED: { id: "Nomor ini sudah dipanggil di layanan tujuan; pengalihan tidak bisa dibatalkan.", en: "The ticket was already called in the target service; the transfer cannot be undone." },
  NOTHING_TO_UNDO: { id: "Tidak ada pengalihan dari loket ini yang bisa dibatalkan untuk nomor tersebut.", en: "No transfer from this counter to undo for that ticket." },
  STEP_UNKNOWN: { id: "Langkah SOP tidak dikenal untuk layanan ini.", en: "Unknown SOP step for this service." },
  STEP_ALREADY_DONE: { id: "Langkah SOP ini sudah dicentang.", en: "This SOP step is already ticked." },
  STEP_NOT_DONE: { id: "Langkah SOP ini belum dicentang.", en: "This SOP step is not ticked." },
  NOTHING_TO_CLOSE: { id: "Tidak ada yang perlu ditutup.", en: "Nothing to close." },
  INVALID_PAYLOAD: { id: "Data permintaan tidak valid.", en: "Invalid request payload." },
  UNKNOWN_EVENT: { id: "Perintah tidak dikenal atau tidak tersedia untuk perangkat ini.", en: "Unknown event, or not one of this namespace's commands." },
  REQUEST_CONFLICT: { id: "Nomor permintaan ini sudah dipakai untuk perintah lain. Buat permintaan baru.", en: "This request id was already used with a different payload." },
  REQUEST_EXPIRED: { id: "Permintaan ini sudah kedaluwarsa dan tidak dijalankan lagi. Buat permintaan baru.", en: "This request id is older than the hub keeps answers; it was not run again." },
  UNAUTHORIZED: { id: "Perangkat atau sesi tidak dikenali. Silakan masuk kembali.", en: "Unknown device or session." },
  FORBIDDEN: { id: "Anda tidak berwenang melakukan ini.", en: "Not allowed for your role." },
  NOT_FOUND: { id: "Data tidak ditemukan.", en: "Not found." },
  LOGIN_FAILED: { id: "Nama pengguna atau PIN salah.", en: "Wrong username or PIN." },
  LOGIN_LOCKED: { id: "Terlalu banyak percobaan gagal. Coba lagi dalam 5 menit.", en: "Too many failed attempts. Try again in 5 minutes." },
  ORIGIN_NOT_ALLOWED: { id: "Permintaan dari situs lain ditolak. Buka aplikasi dari alamat hub.", en: "Requests from another site are refused. Open the app from the hub's address." },
  UNSUPPORTED_CONTENT_TYPE: { id: "Permintaan harus berformat JSON (Content-Type: application/json).", en: "The request body must be JSON (Content-Type: application/json)." },
  REQUEST_IN_PROGRESS: { id: "Permintaan yang sama sedang diproses.", en: "The same request is being processed." },
  PRINTER_UNAVAILABLE: { id: "Printer tiket tidak siap. Silakan hubungi petugas.", en: "The ticket printer is not ready. Please ask an officer." },
  PRINT_FAILED: { id: "Tiket gagal dicetak dan nomor dibatalkan. Silakan coba lagi atau hubungi petugas.", en: "The ticket could not be printed and was cancelled." },
  STORE_UNAVAILABLE: { id: "Penyimpanan hub penuh atau tidak dapat ditulis; hubungi petugas TI.", en: "The hub's storage is full or cannot be written; contact IT." },
  INTERNAL: { id: "Terjadi kesalahan sistem. Silakan coba lagi.", en: "Internal error." },
  KIOSK_INFO_ONLY: { id: "Kios ini hanya untuk informasi dan tidak menerbitkan nomor antrean. Silakan ambil nomor di kios lain.", en: "This is an information kiosk; it issues no queue numbers. Please use another kiosk." },
  NOT_YOUR_SERVICE: { id: "Nomor ini bukan antrean layanan di loket yang Anda buka. Minta supervisor untuk membatalkannya.", en: "The ticket is not in a service of the counter you opened; ask a supervisor to cancel it." },
  SURVEY_DISABLED: { id: "Survei kepuasan tidak dibuka oleh kantor ini.", en: "This office does not run the satisfaction survey." },
  SURVEY_NOT_SERVED: { id: "Survei hanya dapat diisi setelah Anda selesai dilayani.", en: "The survey opens once you have been served." },
  SURVEY_ALREADY_ANSWERED: { id: "Survei untuk nomor antrean ini sudah diisi. Terima kasih.", en: "The survey for this ticket has already been answered. Thank you." },
  SURVEY_WINDOW_PASSED: { id: "Batas waktu pengisian survei untuk nomor ini sudah lewat.", en: "Too late to answer the survey for this ticket." },
  COMPLAINT_CATEGORY_UNKNOWN: { id: "Kategori pengaduan tidak dikenal.", en: "Unknown complaint category." },
  COMPLAINT_CLOSED: { id: "Pengaduan ini sudah selesai dan tidak dapat diubah.", en: "The complaint is closed and cannot be changed." },
  COMPLAINT_NOT_ANSWERED: { id: "Beri jawaban atau catatan penutup sebelum menyelesaikan pengaduan.", en: "Answer the complaint or give a closing note before closing it." },
  ASSIGNEE_UNKNOWN: { id: "Petugas yang dituju tidak dikenal atau tidak aktif.", en: "Unknown or disabled assignee." },
  TOO_MANY_REQUESTS: { id: "Terlalu banyak permintaan dari perangkat ini. Coba lagi beberapa menit lagi.", en: "Too many requests from this device. Try again in a few minutes." },
  REPORT_UNAVAILABLE: { id: "Layanan laporan sedang dimulai ulang. Silakan coba lagi sebentar lagi.", en: "The report service is restarting. Try again in a moment." },
  REPORT_TIMEOUT: { id: "Laporan terlalu lama disusun dan dihentikan. Persempit rentang tanggal atau coba lagi di luar jam sibuk.", en: "The report took too long and was stopped. Narrow the date range or try again outside busy hours." },
  ADMIN_FORBIDDEN: { id: "Peran Anda tidak berwenang melakukan tindakan administrasi ini.", en: "Your role may not do this administrative action." },
  ADMIN_USER_NOT_FOUND: { id: "Pengguna tidak ditemukan.", en: "No such user." },
  ADMIN_USERNAME_TAKEN: { id: "Nama pengguna ini sudah dipakai. Pilih nama lain.", en: "That username is taken." },
  ADMIN_LAST_ADMIN: { id: "Ini admin aktif terakhir: tidak dapat dinonaktifkan atau diubah perannya. Tambahkan admin lain dulu.", en: "This is the last active admin; add another admin first." },
  DEVICE_PAIRING_UNKNOWN: { id: "Kode pemasangan tidak dikenal. Periksa kode di layar perangkat (6 huruf/angka, mis. K7Q-4MZ).", en: "Unknown pairing code. Check the code on the device's screen." },
  DEVICE_PAIRING_EXPIRED: { id: "Kode pemasangan sudah kedaluwarsa. Perangkat akan menampilkan kode baru; masukkan kode itu.", en: "The pairing code expired; the device shows a new one." },
  DEVICE_PAIRING_USED: { id: "Kode pemasangan ini sudah disetujui. Perangkat tersebut sudah terdaftar.", en: "This pairing code was already approved." },
  DEVICE_PAIRING_FULL: { id: "Terlalu banyak perangkat menunggu pemasangan. Setujui atau tunggu kode yang ada kedaluwarsa, lalu coba lagi.", en: "Too many devices are waiting to pair; approve some or wait for their codes to expire." },
  DEVICE_NOT_FOUND: { id: "Perangkat tidak ditemukan.", en: "No such device." },
  DEVICE_ID_TAKEN: { id: "ID perangkat ini sudah dipakai perangkat aktif. Cabut perangkat lama dulu atau pilih ID lain.", en: "That device id has an active token; revoke the old device first or choose another id." },
  DEVICE_KIND_MISMATCH: { id: "ID ini terdaftar di devices.yaml untuk jenis perangkat lain (kios/layar).", en: "devices.yaml lists this id as the other kind of device." },
  DEVICE_NOT_IN_CONFIG: { id: "Layar ini tidak tercantum di devices.yaml, jadi grupnya tidak dapat diubah di sini. Tambahkan dulu ke konfigurasi.", en: "This display is not listed in devices.yaml; add it to the configuration first." },
  HUB_UNREACHABLE: { id: "Tidak dapat terhubung ke server antrean. Sedang mencoba lagi…", en: "Cannot reach the queue server. Retrying…" },
  CONFIG_INVALID: { id: "Konfigurasi tidak valid dan tidak diterapkan; perbaiki baris yang disebutkan.", en: "The configuration is invalid and was not applied; fix the lines named." },
  CONFIG_REFUSED: { id: "Perubahan konfigurasi ditolak karena akan mengganggu antrean yang sedang berjalan; tidak ada yang diubah.", en: "The configuration change was refused because it would break running tickets; nothing changed." },
  NOTIFY_UNAVAILABLE: { id: "Pemberitahuan belum tersedia di kantor ini. Pantau halaman ini atau tetap di sekitar ruang tunggu.", en: "Notifications are not available at this office. Keep this page open or stay near the waiting room." },
  NOTIFY_SUBSCRIPTION_INVALID: { id: "Data langganan pemberitahuan dari peramban tidak sah. Muat ulang halaman dan coba lagi.", en: "The browser's push subscription is not valid. Reload the page and try again." },
  NOTIFY_TICKET_NOT_WAITING: { id: "Nomor antrean ini tidak sedang menunggu, jadi pemberitahuan tidak diperlukan.", en: "This ticket is not waiting, so no notification is needed." },
  NOTIFY_TOO_MANY: { id: "Terlalu banyak permintaan pemberitahuan untuk nomor ini. Coba lagi nanti.", en: "Too many notification requests for this ticket. Try again later." },
  // OPERATIONS: today's service operations (apps/hub/src/admin/operations.ts, packages/core/src/today.ts).
  QUOTA_BELOW_ISSUED: {
    id: "Kuota tidak boleh lebih kecil dari jumlah nomor antrean yang sudah diambil hari ini.",
    en: "The quota cannot be lower than the number of tickets already issued today.",
  },
  COUNTER_SUSPENDED: {
    id: "Loket ini ditutup hari ini oleh supervisor. Hubungi supervisor untuk membukanya kembali.",
    en: "This counter was closed for today by a supervisor; ask the supervisor to reopen it.",
  },
  // BOOKING: booked visits, the core's refusals (packages/core/src/booking.ts, docs/booking.md).
  BOOKING_DISABLED: {
    id: "Reservasi antrean belum dibuka di kantor ini. Silakan ambil antrean di kios saat datang.",
    en: "This office does not take bookings; take a ticket at the kiosk when you come.",
  },
  BOOKING_NOT_BOOKABLE: {
    id: "Layanan ini tidak dapat direservasi. Silakan ambil antrean di kios saat datang.",
    en: "This service cannot be booked; take a ticket at the kiosk when you come.",
  },
  BOOKING_SLOT_INVALID: {
    id: "Jam ini tidak dapat dipilih (sudah lewat, terlalu dekat, terlalu jauh, atau layanan tutup). Silakan pilih jam lain.",
    en: "This time cannot be booked (past, too soon, too far ahead, or closed); choose another time.",
  },
  BOOKING_SLOT_FULL: { id: "Jam ini sudah penuh. Silakan pilih jam lain.", en: "This time is full; choose another time." },
  BOOKING_QUOTA_SHARE_FULL: {
    id: "Kuota reservasi untuk hari ini sudah habis. Silakan pilih hari lain, atau datang dan ambil antrean di kios.",
    en: "The day's booking share of the quota is used up; choose another day, or come and take a ticket at the kiosk.",
  },
  BOOKING_CODE_TAKEN: {
    id: "Kode reservasi bentrok. Silakan coba lagi.",
    en: "The booking code is in use; try again.",
  },
  BOOKING_UNKNOWN: {
    id: "Kode reservasi tidak ditemukan. Periksa kembali kodenya.",
    en: "Unknown booking; check the code.",
  },
  BOOKING_HOLD_LAPSED: {
    id: "Waktu untuk mengonfirmasi reservasi sudah habis dan jamnya dilepas. Silakan pilih jam lagi.",
    en: "The hold ran out before it was confirmed and the place was given back; choose a time again.",
  },
  BOOKING_NOT_CONFIRMED: {
    id: "Reservasi ini belum dikonfirmasi. Selesaikan konfirmasi di halaman reservasi.",
    en: "This booking is not confirmed yet; confirm it on the booking page.",
  },
  BOOKING_TOO_EARLY: {
    id: "Belum waktunya lapor kedatangan untuk reservasi ini. Silakan kembali mendekati jam reservasi Anda.",
    en: "Too early to check in for this booking; come back closer to your booked time.",
  },
  BOOKING_EXPIRED: {
    id: "Reservasi sudah lewat waktu; silakan ambil antrean biasa.",
    en: "The booking's check-in time has passed; please take a regular ticket.",
  },
  BOOKING_ALREADY_CHECKED_IN: {
    id: "Reservasi ini sudah lapor kedatangan dan sudah mendapat nomor antrean.",
    en: "This booking has already checked in and has its ticket.",
  },
  BOOKING_RELEASED: {
    id: "Reservasi ini sudah dibatalkan. Silakan buat reservasi baru atau ambil antrean biasa.",
    en: "This booking was cancelled; make a new booking or take a regular ticket.",
  },
  BOOKING_DAY_CLOSED: {
    id: "Layanan ini tutup pada hari reservasi Anda (hari libur atau penutupan), sehingga reservasi ini tidak dapat dilayani. Silakan buat reservasi baru untuk hari lain.",
    en: "This service is closed on your booking's day (a holiday or closure), so the booking cannot be served; please book another day.",
  },
  CONFIG_STALE: { id: "Berkas konfigurasi sudah diubah orang lain sejak Anda membukanya; tidak ada yang disimpan. Muat ulang, lalu ulangi perubahan Anda.", en: "The file changed since you opened it; nothing was saved. Reload it and make your change again." },
  CONFIG_FILE_NOT_FOUND: { id: "Berkas konfigurasi tidak ditemukan.", en: "No such configuration file." },
  CONFIG_BACKUP_NOT_FOUND: { id: "Cadangan konfigurasi tidak ditemukan.", en: "No such configuration backup." },
  CONFIG_PREVIEW_NOT_FOUND: { id: "Pratinjau ini sudah kedaluwarsa atau tidak ada. Buat pratinjau baru dari layar Konfigurasi.", en: "This preview expired or does not exist; make a new one from the Configuration screen." },
  CONFIG_UNAVAILABLE: { id: "Hub ini berjalan tanpa konfigurasi langsung; ubah berkas di server.", en: "This hub runs without live configuration; edit the files on the server." },
  BOOKING_LIMIT_CONTACT: {
    id: "Nomor HP ini sudah memiliki reservasi yang masih berlaku sebanyak batas yang diizinkan. Gunakan atau batalkan reservasi itu dulu.",
    en: "This phone number already holds as many open bookings as allowed; use or cancel one first.",
  },
  BOOKING_LIMIT_DEVICE: {
    id: "Perangkat ini sudah membuat reservasi sebanyak batas yang diizinkan. Gunakan atau batalkan reservasi itu dulu.",
    en: "This device already made as many open bookings as allowed; use or cancel one first.",
  },
  // Many phones share one address (the office Wi-Fi, a mobile operator's NAT): the network, not the phone, is named.
  BOOKING_LIMIT_ADDRESS: {
    id: "Terlalu banyak reservasi dari jaringan ini. Silakan coba lagi dalam satu jam.",
    en: "Too many bookings from this network. Please try again within an hour.",
  },
  BOOKING_DETAILS_REQUIRED: {
    id: "Lengkapi data yang diminta (nama dan/atau nomor HP) untuk mengonfirmasi reservasi.",
    en: "Give the details asked for (name and/or phone number) to confirm the booking.",
  },
};

/**
 * The regency's central server (apps/regency) answers with these besides the
 * hub's codes (INVALID_PAYLOAD, UNAUTHORIZED, NOT_FOUND, UNSUPPORTED_CONTENT_TYPE,
 * INTERNAL). The readers are an office's IT person and the regency's operator.
 */
export const REGENCY_ERROR_CODES = [
  /** The body is not JSON at all. */
  "MALFORMED_JSON",
  /** The body is over the server's limit. */
  "BODY_TOO_LARGE",
  /** The office credential was revoked centrally. */
  "CREDENTIAL_REVOKED",
  /** A batch or publication naming another office than the credential's. */
  "OFFICE_MISMATCH",
  /** A batch starting after the central position: the hub resumes from the position in the answer. */
  "INGEST_GAP",
  /** An event with a seq central holds, but other content: the hub's log was restored or rewritten. */
  "INGEST_DIVERGED",
  /** A batch for a stream that a newer one replaced (after a restore). */
  "INGEST_STREAM_CLOSED",
  /** A regency viewer reading an office outside its scope. */
  "OFFICE_OUT_OF_SCOPE",
  /** A batch carrying free text that must stay at the office (PRIVATE_TEXT_FIELDS). */
  "INGEST_PRIVATE_TEXT",
  /** PostgreSQL is unreachable; nothing of the request was kept. */
  "CENTRAL_UNAVAILABLE",
  /** Another hub (another PC with the same office credential) ships this office's stream. */
  "STREAM_OWNED_BY_OTHER_HUB",
  /**
   * Regency logins: the hub's codes, in the regency's words (a password, not
   * a PIN; the wait comes in `retryAfterS`). regencyFail reads this block first.
   */
  "LOGIN_FAILED",
  "LOGIN_LOCKED",
] as const;

export type RegencyErrorCode = (typeof REGENCY_ERROR_CODES)[number];

export const REGENCY_ERROR_MESSAGES: Record<RegencyErrorCode, { id: string; en: string }> = {
  MALFORMED_JSON: { id: "Isi permintaan bukan JSON yang sah.", en: "The request body is not valid JSON." },
  BODY_TOO_LARGE: { id: "Isi permintaan terlalu besar. Kirim dalam bagian yang lebih kecil.", en: "The request body is too large; send smaller batches." },
  CREDENTIAL_REVOKED: { id: "Kredensial kantor ini sudah dicabut. Minta kredensial baru ke Bagian Organisasi.", en: "This office credential was revoked; ask the regency for a new one." },
  OFFICE_MISMATCH: { id: "Kredensial ini hanya boleh mengirim data kantornya sendiri.", en: "This credential may only send its own office's data." },
  INGEST_GAP: { id: "Ada urutan data yang terlewat. Kirim ulang mulai dari posisi yang diberikan.", en: "Events are missing before this batch; resend from the position given." },
  INGEST_DIVERGED: { id: "Data kantor ini berbeda dengan salinan pusat untuk nomor urut yang sama (hub dipulihkan dari cadangan?).", en: "This office's event differs from the central copy at the same sequence (hub restored from a backup?)." },
  INGEST_STREAM_CLOSED: { id: "Aliran data ini sudah diganti aliran baru. Tanyakan posisi terbaru.", en: "This stream was replaced by a newer one; ask for the current position." },
  INGEST_PRIVATE_TEXT: { id: "Teks pengaduan, tanggapan, atau saran tidak boleh dikirim ke pusat.", en: "Complaint, response and suggestion texts must not be sent to the central server." },
  OFFICE_OUT_OF_SCOPE: { id: "Akses Anda hanya untuk laporan kantor Anda sendiri.", en: "Your access covers your own office's reports only." },
  CENTRAL_UNAVAILABLE: { id: "Basis data pusat tidak dapat dihubungi. Data tetap aman di kantor; coba lagi nanti.", en: "The central database is unreachable; the office keeps its data. Try again later." },
  STREAM_OWNED_BY_OTHER_HUB: {
    id: "Kredensial kantor ini sedang dipakai hub lain (PC lain). Data hub ini tidak diterima. Jika PC ini menggantikan PC lama, jalankan: pnpm hub regency join --takeover.",
    en: "Another hub (another PC) ships with this office credential; this hub's events were not accepted. If this PC replaces the old one, run: pnpm hub regency join --takeover.",
  },
  LOGIN_FAILED: { id: "Nama pengguna atau kata sandi salah.", en: "Wrong username or password." },
  LOGIN_LOCKED: { id: "Terlalu banyak percobaan masuk yang gagal. Tunggu sebentar, lalu coba lagi.", en: "Too many failed logins. Wait a while, then try again." },
};
